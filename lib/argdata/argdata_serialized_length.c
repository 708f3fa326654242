/*
 * argdata_serialized_length: the exact size (known since creation) and an
 * upper bound on the descriptors (every fd value counted).
 */
#include "argdata_impl.h"

void argdata_serialized_length(const argdata_t *ad, size_t *size,
                               size_t *n_fds) {
  if (size != NULL)
    *size = ad->length;
  if (n_fds != NULL)
    *n_fds = argdata_impl_count_fds(ad);
}
