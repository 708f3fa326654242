/*
 * argdata_create_timestamp: 09 + nanoseconds since the epoch as a minimal
 * big-endian two's-complement number. ns = sec * 1e9 + nsec needs up to 96
 * bits; it is computed as a signed 64-bit high part and a 32-bit low part:
 *   sec = sh * 2^32 + sl            (sh signed, sl in [0, 2^32))
 *   low = sl * 1e9 + nsec           (< 2^62, fits in 64 bits)
 *   ns  = (sh * 1e9 + (low >> 32)) * 2^32 + (low & 0xffffffff)
 */
#include "argdata_impl.h"

argdata_t *argdata_create_timestamp(const struct timespec *ts) {
  uint8_t bytes[12];
  size_t len, off;
  if (ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000) {
    errno = EINVAL;
    return NULL;
  }
  int64_t sec = (int64_t)ts->tv_sec;
  int64_t sh = sec >> 32; /* arithmetic shift (gcc, clang) */
  uint64_t sl = (uint64_t)sec & 0xffffffff;
  uint64_t low = sl * 1000000000 + (uint64_t)ts->tv_nsec;
  uint64_t hi = (uint64_t)(sh * 1000000000) + (low >> 32);
  uint32_t lo = (uint32_t)low;
  for (size_t i = 0; i < 8; ++i)
    bytes[i] = (uint8_t)(hi >> (56 - 8 * i));
  for (size_t i = 0; i < 4; ++i)
    bytes[8 + i] = (uint8_t)(lo >> (24 - 8 * i));
  off = argdata_impl_trim_int(bytes, sizeof(bytes), &len);
  return argdata_impl_create_scalar(ADT_TIMESTAMP, bytes + off, len, NULL);
}
