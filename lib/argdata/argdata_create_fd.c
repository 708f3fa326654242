/* argdata_create_fd: a descriptor value, stored as 03 + u32 big-endian. */
#include "argdata_impl.h"

argdata_t *argdata_create_fd(int fd) {
  uint8_t payload[4];
  if (fd < 0) {
    errno = EBADF;
    return NULL;
  }
  uint32_t v = (uint32_t)fd;
  payload[0] = (uint8_t)(v >> 24);
  payload[1] = (uint8_t)(v >> 16);
  payload[2] = (uint8_t)(v >> 8);
  payload[3] = (uint8_t)v;
  return argdata_impl_create_scalar(ADT_FD, payload, sizeof(payload),
                                    argdata_impl_convert_fd_identity);
}
