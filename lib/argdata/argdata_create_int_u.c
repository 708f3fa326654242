/*
 * argdata_create_int_u: 05 + the value big-endian with leading zeros
 * stripped and a 00 prepended when the top bit is set; 0 is empty.
 */
#include "argdata_impl.h"

argdata_t *argdata_create_int_u(uintmax_t value) {
  uint8_t bytes[sizeof(value) + 1];
  size_t len, off;
  bytes[0] = 0;
  for (size_t i = 0; i < sizeof(value); ++i)
    bytes[1 + i] = (uint8_t)(value >> (8 * (sizeof(value) - 1 - i)));
  off = argdata_impl_trim_int(bytes, sizeof(bytes), &len);
  return argdata_impl_create_scalar(ADT_INT, bytes + off, len, NULL);
}
