/*
 * argdata_impl_convert_fd_identity: the converter of descriptors made by
 * argdata_create_fd, whose stored number is the process descriptor itself.
 */
#include "argdata_impl.h"

#include <limits.h>

int argdata_impl_convert_fd_identity(void *arg, size_t raw) {
  (void)arg;
  return raw <= INT_MAX ? (int)raw : -1;
}
