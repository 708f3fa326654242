#include <errno.h>
#include <stdlib.h>

#include "argdata_stream_impl.h"

argdata_reader_t *argdata_reader_create(size_t max_data_len,
                                        size_t max_fds_len) {
  argdata_reader_t *r = calloc(1, sizeof(*r));
  if (r == NULL)
    return NULL;
  r->max_data_len = max_data_len;
  r->max_fds_len = max_fds_len < ARGDATA_STREAM_MAX_FDS
                       ? max_fds_len
                       : ARGDATA_STREAM_MAX_FDS;
  /* One spare slot so that zero-length allocations are never requested. */
  r->fds = calloc(r->max_fds_len + 1, sizeof(int));
  r->released = calloc(r->max_fds_len + 1, sizeof(bool));
  if (r->fds == NULL || r->released == NULL) {
    free(r->fds);
    free(r->released);
    free(r);
    errno = ENOMEM;
    return NULL;
  }
  return r;
}
