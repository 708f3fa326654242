/*
 * argdata_get_int_u: tag 05; a set top bit means negative (ERANGE). At most
 * sizeof(uintmax_t) bytes, or one more if the first is 00 (else ERANGE);
 * checked against max (ERANGE). Non-minimal forms are accepted.
 */
#include "argdata_impl.h"

int argdata_get_int_u(const argdata_t *ad, uintmax_t *value, uintmax_t max) {
  const uint8_t *p;
  size_t n;
  int error = argdata_impl_payload(ad, ADT_INT, &p, &n);
  if (error != 0)
    return error;
  if (n > 0 && (p[0] & 0x80))
    return ERANGE;
  if (n > sizeof(uintmax_t)) {
    if (n > sizeof(uintmax_t) + 1 || p[0] != 0)
      return ERANGE;
    ++p;
    --n;
  }
  uintmax_t v = 0;
  for (size_t i = 0; i < n; ++i)
    v = v << 8 | p[i];
  if (v > max)
    return ERANGE;
  *value = v;
  return 0;
}
