/*
 * argdata_get_int_s: tag 05, two's complement big-endian of at most
 * sizeof(intmax_t) bytes (more is ERANGE), sign-extended and checked
 * against [min, max] (ERANGE). Non-minimal forms are accepted.
 */
#include "argdata_impl.h"

int argdata_get_int_s(const argdata_t *ad, intmax_t *value, intmax_t min,
                      intmax_t max) {
  const uint8_t *p;
  size_t n;
  int error = argdata_impl_payload(ad, ADT_INT, &p, &n);
  if (error != 0)
    return error;
  if (n > sizeof(intmax_t))
    return ERANGE;
  uintmax_t u = (n > 0 && (p[0] & 0x80)) ? UINTMAX_MAX : 0;
  for (size_t i = 0; i < n; ++i)
    u = u << 8 | p[i];
  intmax_t v = (intmax_t)u; /* two's complement (gcc, clang) */
  if (v < min || v > max)
    return ERANGE;
  *value = v;
  return 0;
}
