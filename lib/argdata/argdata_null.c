/* argdata_null: null is the empty value (zero bytes, no tag). */
#include "argdata_impl.h"

static const uint8_t null_bytes[1];

const argdata_t argdata_null = {
    .kind = AD_BUFFER,
    .length = 0,
    .u.buffer = {.buf = null_bytes},
};
