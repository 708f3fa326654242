/*
 * argdata_get_timestamp and argdata_create_timestamp: 96-bit arithmetic,
 * the 12-byte limit, the time_t range and nanosecond validation.
 */
#include <errno.h>

#include "argdata_test_util.h"

static argdata_t *from(const void *buf, size_t len) {
  return argdata_from_buffer(buf, len, NULL, NULL);
}

static void test_decode(void) {
  struct timespec ts = {7, 7};
  argdata_t *ad = from(B("\x09\x13\xf0\xbc\xeb\x1a\x26\x3c\x69"));
  tap_eq_int(0, argdata_get_timestamp(ad, &ts), "2015 timestamp decodes");
  /* 2015-07-14T06:39:59.073238121Z */
  tap_eq_int(1436855999, ts.tv_sec, "2015-07-14T06:39:59Z seconds");
  tap_eq_int(73238121, ts.tv_nsec, ".073238121 nanoseconds");
  argdata_free(ad);

  ts.tv_sec = 7;
  ts.tv_nsec = 7;
  ad = from(B("\x09\0\0\0\0\0\0\0\0\0\0\0\0\x01"));
  tap_eq_int(ERANGE, argdata_get_timestamp(ad, &ts), "13 bytes: ERANGE");
  tap_ok(ts.tv_sec == 7 && ts.tv_nsec == 7, "output untouched on error");
  argdata_free(ad);
  ad = from(B("\x09\x7f\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"));
  tap_eq_int(ERANGE, argdata_get_timestamp(ad, &ts),
             "2^95-1 ns: seconds outside time_t, ERANGE");
  argdata_free(ad);
  ad = from(B("\x09\x80\0\0\0\0\0\0\0\0\0\0\0"));
  tap_eq_int(ERANGE, argdata_get_timestamp(ad, &ts),
             "-2^95 ns: seconds outside time_t, ERANGE");
  argdata_free(ad);
  ad = from(B("\x09\x1d\xcd\x65\x00\x00\x00\x00\x00\x00\x00\x00\x00"));
  tap_eq_int(ERANGE, argdata_get_timestamp(ad, &ts),
             "(INT64_MAX + 1) s: ERANGE");
  argdata_free(ad);
  ad = from(B("\x09\xe2\x32\x9a\xff\xff\xff\xff\xff\xff\xff\xff\xff"));
  tap_eq_int(ERANGE, argdata_get_timestamp(ad, &ts),
             "INT64_MIN s - 1 ns: ERANGE");
  argdata_free(ad);
  ad = from(B("\x09\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01"));
  tap_eq_int(0, argdata_get_timestamp(ad, &ts), "non-minimal 12 bytes");
  tap_ok(ts.tv_sec == 0 && ts.tv_nsec == 1, "non-minimal value is 1 ns");
  argdata_free(ad);
  ad = from(B("\x09\xff\xff"));
  tap_eq_int(0, argdata_get_timestamp(ad, &ts), "-1 ns (non-minimal)");
  tap_ok(ts.tv_sec == -1 && ts.tv_nsec == 999999999, "-1 ns value");
  argdata_free(ad);
  tap_eq_int(EINVAL, argdata_get_timestamp(&argdata_null, &ts), "null: EINVAL");
  ad = argdata_create_int_s(5);
  tap_eq_int(EINVAL, argdata_get_timestamp(ad, &ts), "int: EINVAL");
  argdata_free(ad);
}

static void test_create(void) {
  struct timespec bad[] = {{0, -1}, {0, 1000000000}, {5, -1000000000}};
  for (size_t i = 0; i < 3; ++i) {
    errno = 0;
    tap_ok(argdata_create_timestamp(&bad[i]) == NULL,
           "create_timestamp(%ld ns) fails", bad[i].tv_nsec);
    tap_eq_int(EINVAL, errno, "create_timestamp(%ld ns): EINVAL",
               bad[i].tv_nsec);
  }
  /* Round trips at the edges of the 64-bit split. */
  static const struct timespec good[] = {
      {4, 294967295},          {4, 294967296},
      {-5, 705032704},         {1436855999, 73238121},
      {INT64_MAX, 999999999},  {INT64_MIN, 0},
      {INT64_MIN, 999999999},  {(time_t)1 << 32, 0},
      {-((time_t)1 << 32), 1}, {-1, 0},
  };
  for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); ++i) {
    argdata_t *ad = argdata_create_timestamp(&good[i]);
    struct timespec ts = {0, 0};
    tap_eq_int(0, argdata_get_timestamp(ad, &ts), "round trip %zu", i);
    tap_ok(ts.tv_sec == good[i].tv_sec && ts.tv_nsec == good[i].tv_nsec,
           "round trip %zu value (%jd, %ld)", i, (intmax_t)ts.tv_sec,
           ts.tv_nsec);
    argdata_free(ad);
  }
}

int main(void) {
  test_decode();
  test_create();
  return tap_done();
}
