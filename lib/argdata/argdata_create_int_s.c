/*
 * argdata_create_int_s: a non-negative value is encoded as by
 * argdata_create_int_u; a negative one as minimal two's complement
 * (-1 is FF, -128 is 80, -129 is FF 7F).
 */
#include "argdata_impl.h"

argdata_t *argdata_create_int_s(intmax_t value) {
  uint8_t bytes[sizeof(value)];
  size_t len, off;
  if (value >= 0)
    return argdata_create_int_u((uintmax_t)value);
  uintmax_t u = (uintmax_t)value;
  for (size_t i = 0; i < sizeof(value); ++i)
    bytes[i] = (uint8_t)(u >> (8 * (sizeof(value) - 1 - i)));
  off = argdata_impl_trim_int(bytes, sizeof(bytes), &len);
  return argdata_impl_create_scalar(ADT_INT, bytes + off, len, NULL);
}
