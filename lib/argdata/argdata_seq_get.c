/* argdata_seq_get: the current element, or false at END/INVALID. */
#include "argdata_impl.h"

bool argdata_seq_get(const argdata_seq_iterator_t *it,
                     const argdata_t **element) {
  const struct argdata_impl_seq_it *s = argdata_impl_seq_state_c(it);
  if (it->index == ARGDATA_ITERATOR_END ||
      it->index == ARGDATA_ITERATOR_INVALID)
    return false;
  if (s->container != NULL)
    *element = s->container->u.seq.entries[it->index];
  else
    *element = &s->element;
  return true;
}
