/* argdata_get_bool: tag 02 with an empty payload (false) or exactly 01. */
#include "argdata_impl.h"

int argdata_get_bool(const argdata_t *ad, bool *value) {
  const uint8_t *p;
  size_t n;
  int error = argdata_impl_payload(ad, ADT_BOOL, &p, &n);
  if (error != 0)
    return error;
  if (n == 0) {
    *value = false;
    return 0;
  }
  if (n == 1 && p[0] == 0x01) {
    *value = true;
    return 0;
  }
  return EINVAL;
}
