/* argdata_free: release a value made by argdata_create_* / _from_buffer. */
#include "argdata_impl.h"

void argdata_free(argdata_t *ad) {
  free(ad);
}
