/* argdata_get_binary: tag 01; the bytes are returned in place. */
#include "argdata_impl.h"

int argdata_get_binary(const argdata_t *ad, const void **buf, size_t *len) {
  const uint8_t *p;
  size_t n;
  if (ad->kind == AD_BINARY) {
    *buf = ad->u.binary.buf;
    *len = ad->length - 1;
    return 0;
  }
  int error = argdata_impl_payload(ad, ADT_BINARY, &p, &n);
  if (error != 0)
    return error;
  *buf = p;
  *len = n;
  return 0;
}
