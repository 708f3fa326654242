/*
 * argdata_create_map: a map borrowing the key and value arrays. The
 * serialised size is computed now: 06, then per pair the subfield prefix and
 * bytes of the key, then of the value.
 */
#include "argdata_impl.h"

argdata_t *argdata_create_map(argdata_t const *const *keys,
                              argdata_t const *const *values, size_t n) {
  argdata_t *ad;
  size_t length = 1;
  for (size_t i = 0; i < n; ++i) {
    size_t k, v;
    if (!argdata_impl_subfield_size(&k, keys[i]->length) ||
        !argdata_impl_subfield_size(&v, values[i]->length) ||
        !argdata_impl_add(&length, length, k) ||
        !argdata_impl_add(&length, length, v)) {
      errno = ENOMEM;
      return NULL;
    }
  }
  ad = argdata_impl_alloc(AD_MAP, 0);
  if (ad == NULL)
    return NULL;
  ad->length = length;
  ad->u.map.keys = keys;
  ad->u.map.values = values;
  ad->u.map.count = n;
  return ad;
}
