/* Explicit YAML tags: !!str !!int !!float !!bool !!null !!binary
 * !!timestamp !!map !!seq, and the non-specific "!". */
#include <math.h>

#include "config_test_util.h"

static void expect_timestamp(const char *yaml, int64_t sec, long nsec) {
  struct config *c = load_ok(yaml, yaml);
  if (c == NULL)
    return;
  struct timespec ts = {0, 0};
  tap_eq_int(0, argdata_get_timestamp(c->root, &ts), "%s: a timestamp",
             yaml);
  tap_eq_int(sec, ts.tv_sec, "%s: seconds", yaml);
  tap_eq_int(nsec, ts.tv_nsec, "%s: nanoseconds", yaml);
  config_free(c);
}

static void timestamps(void) {
  expect_timestamp("!!timestamp 2001-12-14", 1008288000, 0);
  expect_timestamp("!!timestamp 2001-12-14t21:59:43.10-05:00", 1008385183,
                   100000000);
  expect_timestamp("!!timestamp 2001-12-14 21:59:43.10 -5", 1008385183,
                   100000000);
  expect_timestamp("!!timestamp 2001-12-15T02:59:43.1Z", 1008385183,
                   100000000);
  expect_timestamp("!!timestamp 2001-12-15 2:59:43.10", 1008385183,
                   100000000);
  expect_timestamp("!!timestamp 2001-12-15T08:29:43.123456789123+05:30",
                   1008385183, 123456789);
  expect_timestamp("!!timestamp 2000-02-29T12:00:00Z", 951825600, 0);
  expect_timestamp("!!timestamp 1969-12-31T23:59:59Z", -1, 0);
  expect_timestamp("!!timestamp 0001-01-01", -62135596800, 0);
  check_error("!!timestamp 2001-02-29", 1, 1, "is not a timestamp",
              "2001-12-14", "February 29 of a common year");
  check_error("x: !!timestamp 2001-13-01", 1, 4, "is not a timestamp", NULL,
              "month 13");
  check_error("!!timestamp 2001-12-14T25:00:00", 1, 1, "is not a timestamp",
              NULL, "hour 25");
  check_error("!!timestamp 2001-12-14T10:00", 1, 1, "is not a timestamp",
              NULL, "no seconds");
  check_error("!!timestamp yesterday", 1, 1, "is not a timestamp", NULL,
              "a word");
  check_error("!!timestamp 2001-12-14T10:00:00+25", 1, 1,
              "is not a timestamp", NULL, "offset 25 hours");
}

int main(void) {
  check_bytes("!!str 12", "!!str 12", 0x08, '1', '2', 0x00);
  check_bytes("!!str true", "!!str true", 0x08, 't', 'r', 'u', 'e', 0x00);
  check_bytes("! 12", "non-specific ! is a str", 0x08, '1', '2', 0x00);
  check_bytes("!!str", "!!str with no value is the empty string", 0x08,
              0x00);
  check_bytes("!!int \"0x10\"", "!!int on a quoted scalar", 0x05, 0x10);
  check_bytes("!!int -1", "!!int -1", 0x05, 0xff);
  check_bytes("!!int 128", "!!int 128", 0x05, 0x00, 0x80);
  check_bytes("!!float 1", "!!float 1", 0x04, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0);
  check_bytes("!!float 0x10", "!!float 0x10", 0x04, 0x40, 0x30, 0, 0, 0, 0,
              0, 0);
  check_bytes("!!float '-.inf'", "!!float -.inf", 0x04, 0xff, 0xf0, 0, 0, 0,
              0, 0, 0);
  check_bytes("!!bool true", "!!bool true", 0x02, 0x01);
  check_bytes("!!bool False", "!!bool False", 0x02);
  check_bytes("!!null ''", "!!null ''");
  check_bytes("!!null ~", "!!null ~");
  check_bytes("!!binary aGVsbG8=", "!!binary hello", 0x01, 'h', 'e', 'l',
              'l', 'o');
  check_bytes("!!binary |\n  aGVs\n  bG8\n", "!!binary unpadded, broken",
              0x01, 'h', 'e', 'l', 'l', 'o');
  check_bytes("!!binary ''", "!!binary empty", 0x01);
  check_bytes("!!map {a: 1}", "!!map", 0x06, 0x83, 0x08, 'a', 0x00, 0x82,
              0x05, 0x01);
  check_bytes("!!seq [1]", "!!seq", 0x07, 0x82, 0x05, 0x01);
  check_bytes("! [1]", "! on a seq", 0x07, 0x82, 0x05, 0x01);
  check_bytes("%TAG !! tag:yaml.org,2002:\n--- !!int 5\n", "!! declared",
              0x05, 0x05);
  check_bytes("!<tag:yaml.org,2002:int> 5", "verbatim core tag", 0x05, 0x05);

  check_error("!!int abc", 1, 1, "\"abc\" is not an integer", "0x", "!!int");
  check_error("x: !!int 1.5", 1, 4, "is not an integer", NULL, "!!int 1.5");
  check_error("!!int 18446744073709551616", 1, 1, "out of range", NULL,
              "!!int too big");
  check_error("!!float abc", 1, 1, "is not a number", ".inf", "!!float");
  check_error("!!bool yes", 1, 1, "!!bool takes true or false", NULL,
              "!!bool yes");
  check_error("!!null x", 1, 1, "!!null takes null", NULL, "!!null x");
  check_error("!!binary a$b=", 1, 1, "not valid base64", NULL,
              "!!binary bad character");
  check_error("!!binary a", 1, 1, "not valid base64", NULL,
              "!!binary one character");
  check_error("!!binary aG=VsbG8=", 1, 1, "not valid base64", NULL,
              "!!binary padding in the middle");
  check_error("a: !!map [1]", 1, 4, "!!map cannot tag a sequence", NULL,
              "!!map on a seq");
  check_error("a: !!seq {b: 1}", 1, 4, "!!seq cannot tag a mapping", NULL,
              "!!seq on a map");
  check_error("a: !!str [1]", 1, 4, "!!str cannot tag a sequence", NULL,
              "!!str on a seq");
  check_error("a: !!map x", 1, 4, "!!map cannot tag a scalar", NULL,
              "!!map on a scalar");
  check_error("a: !!set {b: ~}", 1, 4, "unknown tag !!set", "known tags",
              "!!set");
  check_error("a: !!omap [b: 1]", 1, 4, "unknown tag !!omap", NULL,
              "!!omap");
  timestamps();
  return tap_done();
}
