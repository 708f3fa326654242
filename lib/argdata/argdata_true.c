/* argdata_true: the bool true, serialised as 02 01. */
#include "argdata_impl.h"

static const uint8_t true_bytes[] = {ADT_BOOL, 0x01};

const argdata_t argdata_true = {
    .kind = AD_BUFFER,
    .length = sizeof(true_bytes),
    .u.buffer = {.buf = true_bytes},
};
