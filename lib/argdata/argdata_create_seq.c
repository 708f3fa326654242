/*
 * argdata_create_seq: a seq borrowing the element array. The serialised size
 * is computed now: 07, then per element its subfield prefix and bytes.
 */
#include "argdata_impl.h"

argdata_t *argdata_create_seq(argdata_t const *const *entries, size_t n) {
  argdata_t *ad;
  size_t length = 1;
  for (size_t i = 0; i < n; ++i) {
    size_t e;
    if (!argdata_impl_subfield_size(&e, entries[i]->length) ||
        !argdata_impl_add(&length, length, e)) {
      errno = ENOMEM;
      return NULL;
    }
  }
  ad = argdata_impl_alloc(AD_SEQ, 0);
  if (ad == NULL)
    return NULL;
  ad->length = length;
  ad->u.seq.entries = entries;
  ad->u.seq.count = n;
  return ad;
}
