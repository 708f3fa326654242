/* argdata_create_binary: a binary value borrowing the caller's bytes. */
#include "argdata_impl.h"

argdata_t *argdata_create_binary(const void *buf, size_t len) {
  argdata_t *ad;
  if (len == SIZE_MAX) {
    errno = ENOMEM;
    return NULL;
  }
  ad = argdata_impl_alloc(AD_BINARY, 0);
  if (ad == NULL)
    return NULL;
  ad->length = len + 1;
  ad->u.binary.buf = buf;
  return ad;
}
