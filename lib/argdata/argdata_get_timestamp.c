/*
 * argdata_get_timestamp: tag 09, signed big-endian nanoseconds of at most 12
 * bytes (more is ERANGE). The 96-bit value hi * 2^32 + lo (hi signed 64-bit,
 * lo 32-bit) is split without wider arithmetic:
 *   hi  = qh * 1e9 + rh              (floor division, rh in [0, 1e9))
 *   t   = rh * 2^32 + lo             (< 2^62)
 *   sec = qh * 2^32 + t / 1e9,  nsec = t % 1e9
 * and sec must fit in time_t (else ERANGE).
 */
#include "argdata_impl.h"

int argdata_get_timestamp(const argdata_t *ad, struct timespec *ts) {
  const uint8_t *p;
  size_t n;
  int error = argdata_impl_payload(ad, ADT_TIMESTAMP, &p, &n);
  if (error != 0)
    return error;
  if (n > 12)
    return ERANGE;
  uint8_t b[12];
  memset(b, n > 0 && (p[0] & 0x80) ? 0xff : 0x00, sizeof(b));
  if (n > 0)
    memcpy(b + sizeof(b) - n, p, n);
  uint64_t uhi = 0;
  uint32_t lo = 0;
  for (size_t i = 0; i < 8; ++i)
    uhi = uhi << 8 | b[i];
  for (size_t i = 8; i < 12; ++i)
    lo = lo << 8 | b[i];
  int64_t hi = (int64_t)uhi; /* two's complement (gcc, clang) */
  int64_t qh = hi / 1000000000, rh = hi % 1000000000;
  if (rh < 0) {
    rh += 1000000000;
    --qh;
  }
  uint64_t t = ((uint64_t)rh << 32) | lo;
  time_t sec;
  if (__builtin_mul_overflow(qh, (int64_t)1 << 32, &sec) ||
      __builtin_add_overflow(sec, (int64_t)(t / 1000000000), &sec))
    return ERANGE;
  ts->tv_sec = sec;
  ts->tv_nsec = (long)(t % 1000000000);
  return 0;
}
