/* argdata_serialize: write a value; renumber descriptors if fds != NULL. */
#include "argdata_impl.h"

size_t argdata_serialize(const argdata_t *ad, void *buf, int *fds) {
  size_t n_fds = 0;
  argdata_impl_serialize(ad, buf, fds, &n_fds);
  return fds != NULL ? n_fds : 0;
}
