#include <stdlib.h>

#include "argdata_stream_impl.h"

void argdata_reader_free(argdata_reader_t *r) {
  if (r == NULL)
    return;
  argdata_reader_close_fds_(r);
  argdata_free(r->root);
  free(r->data);
  free(r->fds);
  free(r->released);
  free(r);
}
