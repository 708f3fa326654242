/* config_parse_size. */
#include "config_test_util.h"

static void ok(const char *text, uint64_t expected) {
  uint64_t v = 1234;
  tap_eq_int(0, config_parse_size(text, &v), "\"%s\" parses", text);
  tap_eq_uint(expected, v, "\"%s\" value", text);
}

static void bad(const char *text, int expected) {
  uint64_t v = 1234;
  tap_eq_int(expected, config_parse_size(text, &v), "\"%s\" fails",
             text ? text : "(null)");
  tap_eq_uint(1234, v, "\"%s\" output untouched", text ? text : "(null)");
}

int main(void) {
  ok("0", 0);
  ok("4096", 4096);
  ok("64K", 65536);
  ok("64k", 65536);
  ok("512M", UINT64_C(512) << 20);
  ok("2G", UINT64_C(2) << 30);
  ok("1T", UINT64_C(1) << 40);
  ok("18446744073709551615", UINT64_MAX);
  ok("16777215T", UINT64_C(16777215) << 40);
  bad("", -EINVAL);
  bad("K", -EINVAL);
  bad("-1", -EINVAL);
  bad("+1", -EINVAL);
  bad(" 1", -EINVAL);
  bad("1 ", -EINVAL);
  bad("1.5M", -EINVAL);
  bad("1KB", -EINVAL);
  bad("1P", -EINVAL);
  bad(NULL, -EINVAL);
  bad("18446744073709551616", -ERANGE);
  bad("16777216T", -ERANGE);
  bad("17179869184G", -ERANGE);
  return tap_done();
}
