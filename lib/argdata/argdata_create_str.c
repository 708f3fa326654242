/*
 * argdata_create_str: a string of len bytes. The bytes are copied, with the
 * terminating NUL, into the value (see the header for why), and stored in
 * serialised form: 08 + bytes + 00.
 */
#include "argdata_impl.h"

argdata_t *argdata_create_str(const char *buf, size_t len) {
  argdata_t *ad;
  if (len > SIZE_MAX - sizeof(*ad) - 2) {
    errno = ENOMEM;
    return NULL;
  }
  if (!argdata_impl_utf8_valid((const uint8_t *)buf, len)) {
    errno = EILSEQ;
    return NULL;
  }
  ad = argdata_impl_alloc(AD_BUFFER, len + 2);
  if (ad == NULL)
    return NULL;
  uint8_t *p = argdata_impl_inline(ad);
  p[0] = ADT_STR;
  if (len > 0)
    memcpy(p + 1, buf, len);
  p[len + 1] = 0;
  ad->length = len + 2;
  ad->u.buffer.buf = p;
  return ad;
}
