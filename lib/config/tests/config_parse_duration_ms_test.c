/* config_parse_duration_ms. */
#include "config_test_util.h"

static void ok(const char *text, uint64_t expected) {
  uint64_t v = 1234;
  tap_eq_int(0, config_parse_duration_ms(text, &v), "\"%s\" parses", text);
  tap_eq_uint(expected, v, "\"%s\" value", text);
}

static void bad(const char *text, int expected) {
  uint64_t v = 1234;
  tap_eq_int(expected, config_parse_duration_ms(text, &v), "\"%s\" fails",
             text ? text : "(null)");
  tap_eq_uint(1234, v, "\"%s\" output untouched", text ? text : "(null)");
}

int main(void) {
  ok("0", 0);
  ok("10", 10000);
  ok("0.5", 500);
  ok("2.5", 2500);
  ok("0.125", 125);
  ok("1.05", 1050);
  ok("18446744073709551", UINT64_C(18446744073709551000));
  ok("18446744073709551.615", UINT64_MAX);
  bad("", -EINVAL);
  bad("1.0001", -EINVAL);
  bad(".5", -EINVAL);
  bad("1.", -EINVAL);
  bad("-1", -EINVAL);
  bad("1s", -EINVAL);
  bad("1e3", -EINVAL);
  bad(NULL, -EINVAL);
  bad("18446744073709552", -ERANGE);
  bad("18446744073709551.616", -ERANGE);
  bad("99999999999999999999", -ERANGE);
  return tap_done();
}
