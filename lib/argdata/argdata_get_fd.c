/*
 * argdata_get_fd: tag 03 with exactly 4 bytes (u32 big-endian), mapped to a
 * process descriptor by the value's converter. No converter, or a negative
 * result, gives EBADF.
 */
#include "argdata_impl.h"

int argdata_get_fd(const argdata_t *ad, int *fd) {
  const uint8_t *p;
  size_t n;
  int error = argdata_impl_payload(ad, ADT_FD, &p, &n);
  if (error != 0)
    return error;
  if (n != 4)
    return EINVAL;
  if (ad->u.buffer.convert_fd == NULL)
    return EBADF;
  uint32_t raw = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
                 (uint32_t)p[2] << 8 | (uint32_t)p[3];
  int v = ad->u.buffer.convert_fd(ad->u.buffer.convert_fd_arg, raw);
  if (v < 0)
    return EBADF;
  *fd = v;
  return 0;
}
