#include <assert.h>

#include "argdata_stream_impl.h"

void argdata_writer_set(argdata_writer_t *w, const argdata_t *ad) {
  /* Setting a message while the previous one is partly written is a
   * programming error (the original asserts too). Without assertions the
   * unwritten rest of the previous message is dropped. */
  assert(w->pos == w->len && "argdata_writer_set: previous message unfinished");
  w->pos = w->len = 0;
  w->n_fds = 0;
  w->control_pending = false;
  w->next = ad;
}
