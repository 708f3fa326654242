/*
 * argdata_get_str: tag 08; the payload must end in NUL (else EINVAL) and the
 * bytes before it must be UTF-8 (else EILSEQ). Embedded NULs are allowed;
 * *len excludes the terminating NUL.
 */
#include "argdata_impl.h"

int argdata_get_str(const argdata_t *ad, const char **buf, size_t *len) {
  const uint8_t *p;
  size_t n;
  if (ad->kind == AD_STR) {
    *buf = ad->u.str.buf;
    *len = ad->length - 2;
    return 0;
  }
  int error = argdata_impl_payload(ad, ADT_STR, &p, &n);
  if (error != 0)
    return error;
  if (n == 0 || p[n - 1] != 0)
    return EINVAL;
  if (!argdata_impl_utf8_valid(p, n - 1))
    return EILSEQ;
  *buf = (const char *)p;
  *len = n - 1;
  return 0;
}
