/*
 * argdata_seq_iterate: start iterating a seq. index becomes 0 (on the first
 * element), ARGDATA_ITERATOR_END (empty seq) or ARGDATA_ITERATOR_INVALID
 * (not a seq, or the first element is corrupt).
 */
#include "argdata_impl.h"

void argdata_seq_iterate(const argdata_t *ad, argdata_seq_iterator_t *it) {
  struct argdata_impl_seq_it *s = argdata_impl_seq_state(it);
  const uint8_t *p;
  size_t n;
  memset(s, 0, sizeof(*s));
  if (ad->kind == AD_SEQ) {
    s->container = ad;
    it->index = ad->u.seq.count > 0 ? 0 : ARGDATA_ITERATOR_END;
    return;
  }
  if (argdata_impl_payload(ad, ADT_SEQ, &p, &n) != 0) {
    it->index = ARGDATA_ITERATOR_INVALID;
    return;
  }
  s->pos = p;
  s->end = p + n;
  s->convert_fd = ad->u.buffer.convert_fd;
  s->convert_fd_arg = ad->u.buffer.convert_fd_arg;
  it->index = 0;
  argdata_impl_seq_load(it);
}
