/* argdata_create_float: 04 + IEEE 754 binary64, big-endian. */
#include "argdata_impl.h"

argdata_t *argdata_create_float(double value) {
  uint64_t bits;
  uint8_t payload[8];
  static_assert(sizeof(bits) == sizeof(value), "double must be 64 bits");
  memcpy(&bits, &value, sizeof(bits));
  for (size_t i = 0; i < 8; ++i)
    payload[i] = (uint8_t)(bits >> (56 - 8 * i));
  return argdata_impl_create_scalar(ADT_FLOAT, payload, sizeof(payload), NULL);
}
