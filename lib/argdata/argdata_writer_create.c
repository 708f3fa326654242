#include <stdlib.h>

#include "argdata_stream_impl.h"

argdata_writer_t *argdata_writer_create(void) {
  /* calloc sets errno to ENOMEM on failure. */
  return calloc(1, sizeof(argdata_writer_t));
}
