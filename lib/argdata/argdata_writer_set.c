#include <assert.h>

#include "argdata_stream_impl.h"

void argdata_writer_set(argdata_writer_t *w, const argdata_t *ad) {
  /* A message none of whose bytes went out (for example after ENOTSOCK)
   * may be replaced. Replacing a partly written one is a programming error
   * that would break the stream (the original asserts too); without
   * assertions its unwritten rest is dropped. */
  assert((w->pos == 0 || w->pos == w->len) &&
         "argdata_writer_set: previous message partly written");
  w->pos = w->len = 0;
  w->n_fds = 0;
  w->control_pending = false;
  w->next = ad;
}
