/* argdata_from_buffer: wrap serialised bytes without copying them. */
#include "argdata_impl.h"

argdata_t *argdata_from_buffer(const void *buf, size_t len,
                               int (*convert_fd)(void *, size_t),
                               void *convert_fd_arg) {
  static const uint8_t empty[1];
  argdata_t *ad = argdata_impl_alloc(AD_BUFFER, 0);
  if (ad == NULL)
    return NULL;
  ad->length = len;
  /* A NULL buffer is only meaningful with len 0 (null). */
  ad->u.buffer.buf = buf != NULL ? buf : empty;
  if (buf == NULL)
    ad->length = 0;
  ad->u.buffer.convert_fd = convert_fd;
  ad->u.buffer.convert_fd_arg = convert_fd_arg;
  return ad;
}
