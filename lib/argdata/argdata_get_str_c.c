/*
 * argdata_get_str_c: argdata_get_str, and EILSEQ when the string holds an
 * embedded NUL (it could not be used as a C string). Every string value is
 * NUL-terminated in memory: serialised strings carry their NUL,
 * argdata_create_str stores a terminated copy and argdata_create_str_c
 * borrows a terminated string.
 */
#include "argdata_impl.h"

int argdata_get_str_c(const argdata_t *ad, const char **str) {
  const char *buf;
  size_t len;
  int error = argdata_get_str(ad, &buf, &len);
  if (error != 0)
    return error;
  if (memchr(buf, '\0', len) != NULL)
    return EILSEQ;
  *str = buf;
  return 0;
}
