/* argdata_get_float: tag 04 with exactly 8 bytes (binary64, big-endian). */
#include "argdata_impl.h"

int argdata_get_float(const argdata_t *ad, double *value) {
  const uint8_t *p;
  size_t n;
  int error = argdata_impl_payload(ad, ADT_FLOAT, &p, &n);
  if (error != 0)
    return error;
  if (n != 8)
    return EINVAL;
  uint64_t bits = 0;
  for (size_t i = 0; i < 8; ++i)
    bits = bits << 8 | p[i];
  memcpy(value, &bits, sizeof(*value));
  return 0;
}
