#include "argdata_stream_impl.h"

const argdata_t *argdata_reader_get(const argdata_reader_t *r) {
  /* NULL before the first message, at EOF and after an error. */
  return r->finished ? r->root : NULL;
}
