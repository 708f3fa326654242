#include <stdlib.h>

#include "argdata_stream_impl.h"

void argdata_writer_free(argdata_writer_t *w) {
  if (w == NULL)
    return;
  free(w->buf);
  free(w->fds);
  free(w);
}
