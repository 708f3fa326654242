/* argdata_impl_count_fds: the fd values in a value, duplicates included. */
#include "argdata_impl.h"

static void count_one(void *ctx, size_t offset) {
  (void)offset;
  ++*(size_t *)ctx;
}

size_t argdata_impl_count_fds(const argdata_t *ad) {
  size_t n = 0;
  switch (ad->kind) {
  case AD_BUFFER:
    argdata_impl_walk_fds(ad->u.buffer.buf, ad->length, count_one, &n);
    return n;
  case AD_BINARY:
  case AD_STR:
    return 0;
  case AD_MAP:
    /* Recursion over the tree the caller built, never over input bytes. */
    for (size_t i = 0; i < ad->u.map.count; ++i)
      n += argdata_impl_count_fds(ad->u.map.keys[i]) +
           argdata_impl_count_fds(ad->u.map.values[i]);
    return n;
  case AD_SEQ:
    for (size_t i = 0; i < ad->u.seq.count; ++i)
      n += argdata_impl_count_fds(ad->u.seq.entries[i]);
    return n;
  }
  return 0;
}
