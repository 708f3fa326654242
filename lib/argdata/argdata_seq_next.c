/*
 * argdata_seq_next: advance to the next element; index becomes the next
 * position, ARGDATA_ITERATOR_END after the last element, or
 * ARGDATA_ITERATOR_INVALID when the next element is corrupt. An iterator
 * that is already END or INVALID stays so.
 */
#include "argdata_impl.h"

void argdata_seq_next(argdata_seq_iterator_t *it) {
  struct argdata_impl_seq_it *s = argdata_impl_seq_state(it);
  if (it->index == ARGDATA_ITERATOR_END ||
      it->index == ARGDATA_ITERATOR_INVALID)
    return;
  if (s->container != NULL) {
    if (it->index + 1 >= s->container->u.seq.count)
      it->index = ARGDATA_ITERATOR_END;
    else
      ++it->index;
    return;
  }
  ++it->index;
  argdata_impl_seq_load(it);
}
