/* Plain scalars under the YAML 1.2 core schema, through config_load_buffer
 * (a document that is one scalar gives a root of that type). */
#include <math.h>

#include "config_test_util.h"

static void is_null(const char *yaml) {
  struct config *c = load_ok(yaml, yaml);
  if (c == NULL)
    return;
  size_t len = 99;
  argdata_serialized_length(c->root, &len, NULL);
  tap_eq_uint(0, len, "\"%s\" is null (empty encoding)", esc(yaml));
  config_free(c);
}

static void is_bool(const char *yaml, bool expected) {
  struct config *c = load_ok(yaml, yaml);
  if (c == NULL)
    return;
  bool b = !expected;
  tap_eq_int(0, argdata_get_bool(c->root, &b), "\"%s\" is a bool", esc(yaml));
  tap_eq_int(expected, b, "\"%s\" value", esc(yaml));
  config_free(c);
}

static void is_int(const char *yaml, intmax_t expected) {
  struct config *c = load_ok(yaml, yaml);
  if (c == NULL)
    return;
  intmax_t v = 0;
  tap_eq_int(0, argdata_get_int_s(c->root, &v, INTMAX_MIN, INTMAX_MAX),
             "\"%s\" is an int", esc(yaml));
  tap_eq_int(expected, v, "\"%s\" value", esc(yaml));
  config_free(c);
}

static void is_uint(const char *yaml, uintmax_t expected) {
  struct config *c = load_ok(yaml, yaml);
  if (c == NULL)
    return;
  uintmax_t v = 0;
  tap_eq_int(0, argdata_get_int_u(c->root, &v, UINTMAX_MAX),
             "\"%s\" is an unsigned int", esc(yaml));
  tap_eq_uint(expected, v, "\"%s\" value", esc(yaml));
  config_free(c);
}

static void is_float(const char *yaml, double expected) {
  struct config *c = load_ok(yaml, yaml);
  if (c == NULL)
    return;
  double d = 0;
  tap_eq_int(0, argdata_get_float(c->root, &d), "\"%s\" is a float", esc(yaml));
  if (isnan(expected))
    tap_ok(isnan(d), "\"%s\" is NaN", esc(yaml));
  else
    tap_ok(d == expected, "\"%s\" value %g (got %g)", esc(yaml), expected, d);
  config_free(c);
}

static void is_str(const char *yaml, const char *expected) {
  struct config *c = load_ok(yaml, yaml);
  if (c == NULL)
    return;
  const char *s = NULL;
  tap_eq_int(0, argdata_get_str_c(c->root, &s), "\"%s\" is a str", esc(yaml));
  tap_eq_str(expected, s, "\"%s\" value", esc(yaml));
  config_free(c);
}

int main(void) {
  is_null("null");
  is_null("Null");
  is_null("NULL");
  is_null("~");
  is_null("---\n");
  is_null("");
  is_null("--- ~\n...\n");
  is_str("nULL", "nULL");

  is_bool("true", true);
  is_bool("True", true);
  is_bool("TRUE", true);
  is_bool("false", false);
  is_bool("False", false);
  is_bool("FALSE", false);
  is_str("yes", "yes"); /* YAML 1.1 only */
  is_str("tRUE", "tRUE");
  is_str("on", "on");

  is_int("0", 0);
  is_int("-0", 0);
  is_int("42", 42);
  is_int("-12", -12);
  is_int("+7", 7);
  is_int("0o17", 15);
  is_int("0x1F", 31);
  is_int("0xff", 255);
  is_int("-0x10", -16);
  is_int("08", 8); /* core schema: decimal, not octal */
  is_int("-9223372036854775808", INTMAX_MIN);
  is_int("9223372036854775807", INTMAX_MAX);
  is_uint("18446744073709551615", UINTMAX_MAX);
  is_uint("0xffffffffffffffff", UINTMAX_MAX);
  is_str("0x", "0x");
  is_str("0o", "0o");
  is_str("0o8", "0o8");
  is_str("1_000", "1_000");
  is_str("0b101", "0b101");
  is_str("12abc", "12abc");

  is_float("1.5", 1.5);
  is_float("-2e3", -2000.0);
  is_float("1e3", 1000.0);
  is_float("1E-2", 0.01);
  is_float(".5", 0.5);
  is_float("1.", 1.0);
  is_float("+3.25", 3.25);
  is_float(".inf", INFINITY);
  is_float(".Inf", INFINITY);
  is_float("+.INF", INFINITY);
  is_float("-.inf", -INFINITY);
  is_float(".nan", NAN);
  is_float(".NaN", NAN);
  is_float(".NAN", NAN);
  is_float("18446744073709551616.0", 18446744073709551616.0);
  is_str("1e", "1e");
  is_str("e3", "e3");
  is_str(".", ".");
  is_str("-.nan", "-.nan");
  is_str("inf", "inf");
  is_str("nan", "nan");
  is_str("0x1p3", "0x1p3");

  is_str("hello world", "hello world");
  is_str("'123'", "123");
  is_str("\"true\"", "true");
  is_str("'null'", "null");
  is_str("\"\"", "");
  is_str("|\n  block\n", "block\n");
  is_str(">\n  folded\n  text\n", "folded text\n");
  is_str("\"caf\\u00e9\"", "caf\xc3\xa9");
  return tap_done();
}
