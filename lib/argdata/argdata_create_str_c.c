/*
 * argdata_create_str_c: a string borrowing a NUL-terminated C string; its
 * own NUL is the terminator written when serialising.
 */
#include "argdata_impl.h"

argdata_t *argdata_create_str_c(const char *str) {
  argdata_t *ad;
  size_t len = strlen(str);
  if (!argdata_impl_utf8_valid((const uint8_t *)str, len)) {
    errno = EILSEQ;
    return NULL;
  }
  if (len > SIZE_MAX - 2) {
    errno = ENOMEM;
    return NULL;
  }
  ad = argdata_impl_alloc(AD_STR, 0);
  if (ad == NULL)
    return NULL;
  ad->length = len + 2;
  ad->u.str.buf = str;
  return ad;
}
