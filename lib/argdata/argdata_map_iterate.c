/*
 * argdata_map_iterate: start iterating a map. index becomes 0 (on the first
 * pair), ARGDATA_ITERATOR_END (empty map) or ARGDATA_ITERATOR_INVALID (not a
 * map, or the first pair is corrupt or lacks a value).
 */
#include "argdata_impl.h"

void argdata_map_iterate(const argdata_t *ad, argdata_map_iterator_t *it) {
  struct argdata_impl_map_it *s = argdata_impl_map_state(it);
  const uint8_t *p;
  size_t n;
  memset(s, 0, sizeof(*s));
  if (ad->kind == AD_MAP) {
    s->container = ad;
    it->index = ad->u.map.count > 0 ? 0 : ARGDATA_ITERATOR_END;
    return;
  }
  if (argdata_impl_payload(ad, ADT_MAP, &p, &n) != 0) {
    it->index = ARGDATA_ITERATOR_INVALID;
    return;
  }
  s->pos = p;
  s->end = p + n;
  s->convert_fd = ad->u.buffer.convert_fd;
  s->convert_fd_arg = ad->u.buffer.convert_fd_arg;
  it->index = 0;
  argdata_impl_map_load(it);
}
