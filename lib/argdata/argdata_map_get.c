/* argdata_map_get: the current pair, or false at END/INVALID. */
#include "argdata_impl.h"

bool argdata_map_get(const argdata_map_iterator_t *it, const argdata_t **key,
                     const argdata_t **value) {
  const struct argdata_impl_map_it *s = argdata_impl_map_state_c(it);
  if (it->index == ARGDATA_ITERATOR_END ||
      it->index == ARGDATA_ITERATOR_INVALID)
    return false;
  if (s->container != NULL) {
    *key = s->container->u.map.keys[it->index];
    *value = s->container->u.map.values[it->index];
  } else {
    *key = &s->key;
    *value = &s->value;
  }
  return true;
}
