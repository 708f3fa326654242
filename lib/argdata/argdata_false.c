/* argdata_false: the bool false, serialised as the single byte 02. */
#include "argdata_impl.h"

static const uint8_t false_bytes[] = {ADT_BOOL};

const argdata_t argdata_false = {
    .kind = AD_BUFFER,
    .length = sizeof(false_bytes),
    .u.buffer = {.buf = false_bytes},
};
