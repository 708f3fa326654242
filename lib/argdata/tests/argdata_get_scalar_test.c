/*
 * argdata_get_binary, _bool, _fd, _float: the decode rules of the original
 * (print_yaml_test's "not a value" buffers among them), on parsed buffers
 * and on created values, and every error they document.
 */
#include <errno.h>

#include "argdata_test_util.h"

static argdata_t *from(const void *buf, size_t len) {
  return argdata_from_buffer(buf, len, test_convert_identity, NULL);
}

static void test_bool(void) {
  bool b = true;
  argdata_t *ad = from(B("\x02\x00"));
  tap_eq_int(EINVAL, argdata_get_bool(ad, &b), "02 00 is not a bool");
  tap_ok(b, "output untouched on error");
  argdata_free(ad);
  ad = from(B("\x02\x02"));
  tap_eq_int(EINVAL, argdata_get_bool(ad, &b), "02 02 is not a bool");
  argdata_free(ad);
  ad = from(B("\x02\x01\x01"));
  tap_eq_int(EINVAL, argdata_get_bool(ad, &b), "02 01 01 is not a bool");
  argdata_free(ad);
  tap_eq_int(EINVAL, argdata_get_bool(&argdata_null, &b), "null: EINVAL");
  ad = argdata_create_int_s(1);
  tap_eq_int(EINVAL, argdata_get_bool(ad, &b), "int 1: EINVAL");
  argdata_free(ad);
}

static int refuse_all(void *arg, size_t raw) {
  (void)arg;
  (void)raw;
  return -1;
}

static int plus_100(void *arg, size_t raw) {
  *(size_t *)arg = raw;
  return (int)raw + 100;
}

static void test_fd(void) {
  int fd = -7;
  argdata_t *ad = from(B("\x03\x00\x00\x00"));
  tap_eq_int(EINVAL, argdata_get_fd(ad, &fd), "3-byte fd: EINVAL");
  tap_eq_int(-7, fd, "output untouched on error");
  argdata_free(ad);
  ad = from(B("\x03\x00\x00\x00\x01\x02"));
  tap_eq_int(EINVAL, argdata_get_fd(ad, &fd), "5-byte fd: EINVAL");
  argdata_free(ad);
  ad = argdata_from_buffer(B("\x03\x00\x00\x00\x01"), NULL, NULL);
  tap_eq_int(EBADF, argdata_get_fd(ad, &fd), "no converter: EBADF");
  argdata_free(ad);
  ad = argdata_from_buffer(B("\x03\x00\x00\x00\x01"), refuse_all, NULL);
  tap_eq_int(EBADF, argdata_get_fd(ad, &fd), "refused by converter: EBADF");
  argdata_free(ad);
  size_t seen = 0;
  ad = argdata_from_buffer(B("\x03\x00\x00\x01\x02"), plus_100, &seen);
  tap_eq_int(0, argdata_get_fd(ad, &fd), "converter result used");
  tap_eq_int(358, fd, "fd is converter(258)");
  tap_eq_uint(258, seen, "converter got the raw u32 and its arg");
  argdata_free(ad);
  ad = from(B("\x03\xff\xff\xff\xff"));
  tap_eq_int(EBADF, argdata_get_fd(ad, &fd), "FFFFFFFF: EBADF");
  argdata_free(ad);
  tap_eq_int(EINVAL, argdata_get_fd(&argdata_true, &fd), "bool: EINVAL");
  ad = argdata_create_fd(0);
  tap_eq_int(0, argdata_get_fd(ad, &fd), "create_fd(0)");
  tap_eq_int(0, fd, "create_fd(0) gives 0");
  argdata_free(ad);
  ad = argdata_create_fd(INT_MAX);
  tap_eq_int(0, argdata_get_fd(ad, &fd), "create_fd(INT_MAX)");
  tap_eq_int(INT_MAX, fd, "create_fd(INT_MAX) gives INT_MAX");
  argdata_free(ad);
  errno = 0;
  tap_ok(argdata_create_fd(-1) == NULL, "create_fd(-1) fails");
  tap_eq_int(EBADF, errno, "create_fd(-1): EBADF");
  errno = 0;
  tap_ok(argdata_create_fd(INT_MIN) == NULL, "create_fd(INT_MIN) fails");
  tap_eq_int(EBADF, errno, "create_fd(INT_MIN): EBADF");
}

static void test_float(void) {
  double d = 0.25;
  argdata_t *ad = from(B("\x04\x3f\xf0\0\0\0\0\0"));
  tap_eq_int(EINVAL, argdata_get_float(ad, &d), "7-byte float: EINVAL");
  tap_ok(d == 0.25, "output untouched on error");
  argdata_free(ad);
  ad = from(B("\x04\x3f\xf0\0\0\0\0\0\0\0"));
  tap_eq_int(EINVAL, argdata_get_float(ad, &d), "9-byte float: EINVAL");
  argdata_free(ad);
  ad = from(B("\x04"));
  tap_eq_int(EINVAL, argdata_get_float(ad, &d), "empty float: EINVAL");
  argdata_free(ad);
  tap_eq_int(EINVAL, argdata_get_float(&argdata_null, &d), "null: EINVAL");
  ad = argdata_create_float(-1e-300);
  tap_eq_int(0, argdata_get_float(ad, &d), "created float");
  tap_ok(d == -1e-300, "created float value");
  argdata_free(ad);
}

static void test_binary(void) {
  const void *p = NULL;
  size_t len = 99;
  argdata_t *ad = from(B("\x01\x00\xff\x10"));
  tap_eq_int(0, argdata_get_binary(ad, &p, &len), "binary decodes");
  tap_eq_bytes("\x00\xff\x10", 3, p, len, "binary value");
  argdata_free(ad);
  ad = from(B("\x01"));
  tap_eq_int(0, argdata_get_binary(ad, &p, &len), "empty binary decodes");
  tap_eq_uint(0, len, "empty binary length 0");
  argdata_free(ad);
  static const char data[] = "zero-copy";
  ad = argdata_create_binary(data, 9);
  tap_eq_int(0, argdata_get_binary(ad, &p, &len), "created binary");
  tap_ok(p == data && len == 9, "created binary is borrowed, not copied");
  argdata_free(ad);
  p = NULL;
  tap_eq_int(EINVAL, argdata_get_binary(&argdata_true, &p, &len),
             "bool: EINVAL");
  tap_ok(p == NULL, "output untouched on error");
  ad = argdata_create_str_c("x");
  tap_eq_int(EINVAL, argdata_get_binary(ad, &p, &len), "str: EINVAL");
  argdata_free(ad);
}

int main(void) {
  test_bool();
  test_fd();
  test_float();
  test_binary();
  return tap_done();
}
