#include "argdata_stream_impl.h"

void argdata_reader_release_fd(argdata_reader_t *r, int fd) {
  /* Descriptors not received with the current message are ignored. */
  for (size_t i = 0; i < r->n_fds; ++i)
    if (r->fds[i] == fd)
      r->released[i] = true;
}
