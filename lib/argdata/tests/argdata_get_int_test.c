/*
 * argdata_get_int_s, argdata_get_int_u and the argdata_get_int macro: the
 * original decoder's range rules, including the lenient acceptance of
 * non-minimal encodings.
 */
#include <errno.h>
#include <stdint.h>

#include "argdata_test_util.h"

static argdata_t *from(const void *buf, size_t len) {
  return argdata_from_buffer(buf, len, NULL, NULL);
}

static void test_int_s(void) {
  intmax_t v = 42;
  argdata_t *ad = from(B("\x05\xff\x7f\xff\xff\xff\xff\xff\xff\xff"));
  tap_eq_int(ERANGE, argdata_get_int_s(ad, &v, INTMAX_MIN, INTMAX_MAX),
             "int_s: 9 bytes FF 7F.. is ERANGE");
  tap_eq_int(42, v, "int_s: output untouched on error");
  argdata_free(ad);
  ad = from(B("\x05\x01\x00\x00\x00\x00\x00\x00\x00\x00"));
  tap_eq_int(ERANGE, argdata_get_int_s(ad, &v, INTMAX_MIN, INTMAX_MAX),
             "int_s: 9 bytes 01 00.. is ERANGE");
  argdata_free(ad);
  ad = from(B("\x05\x00\x00\x00\x00\x00\x00\x00\x00\x01"));
  tap_eq_int(ERANGE, argdata_get_int_s(ad, &v, INTMAX_MIN, INTMAX_MAX),
             "int_s: 9 bytes with leading 00 is still ERANGE (max 8)");
  argdata_free(ad);
  ad = from(B("\x05\x00\x01"));
  tap_eq_int(0, argdata_get_int_s(ad, &v, INTMAX_MIN, INTMAX_MAX),
             "int_s: non-minimal 00 01 accepted");
  tap_eq_int(1, v, "int_s: 00 01 is 1");
  argdata_free(ad);
  ad = from(B("\x05\xff\xff\xff"));
  tap_eq_int(0, argdata_get_int_s(ad, &v, INTMAX_MIN, INTMAX_MAX),
             "int_s: non-minimal FF FF FF accepted");
  tap_eq_int(-1, v, "int_s: FF FF FF is -1");
  argdata_free(ad);
  ad = from(B("\x05"));
  tap_eq_int(0, argdata_get_int_s(ad, &v, 0, 0), "int_s: empty payload");
  tap_eq_int(0, v, "int_s: empty payload is 0");
  argdata_free(ad);
  ad = from(B("\x05\x80"));
  tap_eq_int(ERANGE, argdata_get_int_s(ad, &v, -127, 127),
             "int_s: -128 below min -127");
  tap_eq_int(0, argdata_get_int_s(ad, &v, -128, -128), "int_s: -128 in range");
  tap_eq_int(-128, v, "int_s: 80 is -128");
  argdata_free(ad);
  ad = from(B("\x05\x00\x80"));
  tap_eq_int(ERANGE, argdata_get_int_s(ad, &v, -128, 127),
             "int_s: 128 above max 127");
  argdata_free(ad);
  /* Type mismatches. */
  tap_eq_int(EINVAL, argdata_get_int_s(&argdata_true, &v, 0, 1),
             "int_s: bool is EINVAL");
  tap_eq_int(EINVAL, argdata_get_int_s(&argdata_null, &v, 0, 1),
             "int_s: null is EINVAL");
  argdata_t *s = argdata_create_str_c("5");
  tap_eq_int(EINVAL, argdata_get_int_s(s, &v, 0, 10),
             "int_s: created str is EINVAL");
  argdata_free(s);
  ad = argdata_create_int_u(5);
  tap_eq_int(0, argdata_get_int_s(ad, &v, INTMAX_MIN, INTMAX_MAX),
             "int_s on argdata_create_int_u(5)");
  tap_eq_int(5, v, "int_s on create_int_u(5) gives 5");
  argdata_free(ad);
}

static void test_int_u(void) {
  uintmax_t v = 42;
  argdata_t *ad = from(B("\x05\xff"));
  tap_eq_int(ERANGE, argdata_get_int_u(ad, &v, UINTMAX_MAX),
             "int_u: negative is ERANGE");
  tap_eq_uint(42, v, "int_u: output untouched on error");
  argdata_free(ad);
  ad = from(B("\x05\x00\xff\xff\xff\xff\xff\xff\xff\xff"));
  tap_eq_int(0, argdata_get_int_u(ad, &v, UINTMAX_MAX),
             "int_u: 9 bytes with leading 00");
  tap_eq_uint(UINT64_MAX, v, "int_u: UINT64_MAX");
  argdata_free(ad);
  ad = from(B("\x05\x00\x00\x00\x00\x00\x00\x00\x00\x07"));
  tap_eq_int(0, argdata_get_int_u(ad, &v, UINTMAX_MAX),
             "int_u: 9 bytes with leading 00, non-minimal, accepted");
  tap_eq_uint(7, v, "int_u: it is 7");
  argdata_free(ad);
  ad = from(B("\x05\x01\x00\x00\x00\x00\x00\x00\x00\x00"));
  tap_eq_int(ERANGE, argdata_get_int_u(ad, &v, UINTMAX_MAX),
             "int_u: 9 bytes without leading 00 is ERANGE");
  argdata_free(ad);
  ad = from(B("\x05\xff\x7f\xff\xff\xff\xff\xff\xff\xff"));
  tap_eq_int(ERANGE, argdata_get_int_u(ad, &v, UINTMAX_MAX),
             "int_u: 9 bytes FF 7F.. is ERANGE");
  argdata_free(ad);
  ad = from(B("\x05\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01"));
  tap_eq_int(ERANGE, argdata_get_int_u(ad, &v, UINTMAX_MAX),
             "int_u: 10 bytes is ERANGE");
  argdata_free(ad);
  ad = from(B("\x05\x01\x00"));
  tap_eq_int(ERANGE, argdata_get_int_u(ad, &v, 255), "int_u: 256 > max 255");
  tap_eq_int(0, argdata_get_int_u(ad, &v, 256), "int_u: 256 <= max 256");
  tap_eq_uint(256, v, "int_u: 01 00 is 256");
  argdata_free(ad);
  ad = from(B("\x05"));
  tap_eq_int(0, argdata_get_int_u(ad, &v, 0), "int_u: empty payload");
  tap_eq_uint(0, v, "int_u: empty payload is 0");
  argdata_free(ad);
  tap_eq_int(EINVAL, argdata_get_int_u(&argdata_false, &v, 1),
             "int_u: bool is EINVAL");
  ad = from(B("\x04\0\0\0\0\0\0\0\0"));
  tap_eq_int(EINVAL, argdata_get_int_u(ad, &v, 1), "int_u: float is EINVAL");
  argdata_free(ad);
  ad = argdata_create_int_s(-5);
  tap_eq_int(ERANGE, argdata_get_int_u(ad, &v, UINTMAX_MAX),
             "int_u on argdata_create_int_s(-5) is ERANGE");
  argdata_free(ad);
}

static void test_macro(void) {
  argdata_t *ad = argdata_create_int(300);
  unsigned char uc = 7;
  signed char sc = 7;
  int i = 0;
  unsigned long ul = 0;
  tap_eq_int(ERANGE, argdata_get_int(ad, &uc), "get_int(uchar): 300 ERANGE");
  tap_eq_int(7, uc, "get_int(uchar): untouched");
  tap_eq_int(ERANGE, argdata_get_int(ad, &sc), "get_int(schar): 300 ERANGE");
  tap_eq_int(0, argdata_get_int(ad, &i), "get_int(int): 300");
  tap_eq_int(300, i, "get_int(int) value");
  tap_eq_int(0, argdata_get_int(ad, &ul), "get_int(ulong): 300");
  tap_eq_uint(300, ul, "get_int(ulong) value");
  argdata_free(ad);
  ad = argdata_create_int(-1);
  tap_eq_int(ERANGE, argdata_get_int(ad, &ul), "get_int(ulong): -1 ERANGE");
  tap_eq_int(0, argdata_get_int(ad, &sc), "get_int(schar): -1");
  tap_eq_int(-1, sc, "get_int(schar) value");
  argdata_free(ad);
  unsigned long long big = ULLONG_MAX;
  ad = argdata_create_int(big);
  big = 0;
  tap_eq_int(0, argdata_get_int(ad, &big), "get_int(ullong): ULLONG_MAX");
  tap_eq_uint(ULLONG_MAX, big, "get_int(ullong) value");
  long long ll = 0;
  tap_eq_int(ERANGE, argdata_get_int(ad, &ll), "get_int(llong): ERANGE");
  argdata_free(ad);
  tap_eq_int(EINVAL, argdata_get_int(&argdata_null, &i),
             "get_int(int) on null: EINVAL");
  char c = 'A', c2 = 0;
  ad = argdata_create_int(c);
  test_encodes(ad, B("\x05\x41"), "create_int(char 'A')");
  tap_eq_int(0, argdata_get_int(ad, &c2), "get_int(char)");
  tap_eq_int('A', c2, "get_int(char) value");
  argdata_free(ad);
}

int main(void) {
  test_int_s();
  test_int_u();
  test_macro();
  return tap_done();
}
