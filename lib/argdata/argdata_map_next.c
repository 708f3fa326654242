/*
 * argdata_map_next: advance to the next pair; index becomes the next
 * position, ARGDATA_ITERATOR_END after the last pair, or
 * ARGDATA_ITERATOR_INVALID when the next pair is corrupt. An iterator that
 * is already END or INVALID stays so.
 */
#include "argdata_impl.h"

void argdata_map_next(argdata_map_iterator_t *it) {
  struct argdata_impl_map_it *s = argdata_impl_map_state(it);
  if (it->index == ARGDATA_ITERATOR_END ||
      it->index == ARGDATA_ITERATOR_INVALID)
    return;
  if (s->container != NULL) {
    if (it->index + 1 >= s->container->u.map.count)
      it->index = ARGDATA_ITERATOR_END;
    else
      ++it->index;
    return;
  }
  ++it->index;
  argdata_impl_map_load(it);
}
