/*
 * argdata_print_yaml: every rendering rule, byte for byte, the print vectors
 * of the original's tests, the depth limit, and locale independence.
 */
#include <argdata.h>

#include <float.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "argdata_print_yaml_impl.h"
#include "tests/harness/tap.h"

#define HEADER "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n"

static int identity_fd(void *arg, size_t fd) {
  (void)arg;
  return fd <= INT_MAX ? (int)fd : -1;
}

/* The complete output of argdata_print_yaml; the caller frees it. */
static char *render(const argdata_t *ad) {
  char *out = NULL;
  size_t len = 0;
  FILE *fp = open_memstream(&out, &len);
  if (fp == NULL)
    abort();
  argdata_print_yaml(ad, fp);
  fclose(fp);
  return out;
}

/* Print len bytes of argdata and compare with HEADER + body + "\n". */
static void check_conv(const void *buf, size_t len,
                       int (*conv)(void *, size_t), const char *body,
                       const char *name) {
  argdata_t *ad = argdata_from_buffer(buf, len, conv, NULL);
  if (ad == NULL) {
    tap_ok(false, "%s: argdata_from_buffer", name);
    return;
  }
  char *out = render(ad);
  size_t n = strlen(HEADER) + strlen(body) + 2;
  char *expected = malloc(n);
  snprintf(expected, n, "%s%s\n", HEADER, body);
  tap_eq_str(expected, out, "%s", name);
  free(expected);
  free(out);
  argdata_free(ad);
}

#define CHECK(lit, body, name)                                                 \
  check_conv(lit, sizeof(lit) - 1, identity_fd, body, name)

static void test_null_and_layout(void) {
  CHECK("", "!!null \"null\"", "null (empty buffer)");
  char *out = render(&argdata_null);
  tap_eq_str(HEADER "!!null \"null\"\n", out, "argdata_null: header, value, newline");
  free(out);
  out = render(&argdata_true);
  tap_eq_str(HEADER "!!bool \"true\"\n", out, "argdata_true");
  free(out);
  out = render(&argdata_false);
  tap_eq_str(HEADER "!!bool \"false\"\n", out, "argdata_false");
  free(out);
  CHECK("\x0a", "!!null \"null\"", "unknown tag 0a is null");
  CHECK("\x00\x01", "!!null \"null\"", "tag 00 is null");
}

static void test_binary(void) {
  CHECK("\x01", "!!binary \"\"", "binary empty");
  CHECK("\x01" "f", "!!binary \"Zg==\"", "binary 1 byte: two '='");
  CHECK("\x01" "fo", "!!binary \"Zm8=\"", "binary 2 bytes: one '='");
  CHECK("\x01" "foo", "!!binary \"Zm9v\"", "binary 3 bytes: no padding");
  CHECK("\x01" "foobar", "!!binary \"Zm9vYmFy\"", "binary 6 bytes");
  CHECK("\x01\xff\xfe\xfd", "!!binary \"//79\"", "binary uses + and /");
  CHECK("\x01\xfb\xef\xbe", "!!binary \"++++\"", "binary '+'");
  CHECK("\x01\x00", "!!binary \"AA==\"", "binary NUL byte");
}

static void test_bool(void) {
  CHECK("\x02", "!!bool \"false\"", "bool false = 02");
  CHECK("\x02\x01", "!!bool \"true\"", "bool true = 02 01");
  CHECK("\x02\x00", "!!null \"null\"", "02 00 is not a bool: null");
  CHECK("\x02\x02", "!!null \"null\"", "02 02 is not a bool: null");
  CHECK("\x02\x01\x01", "!!null \"null\"", "02 01 01 is not a bool: null");
}

static void test_fd(void) {
  CHECK("\x03\x00\x00\x00\x02", "!fd \"2\"", "fd 2");
  CHECK("\x03\x7f\xff\xff\xff", "!fd \"2147483647\"", "fd INT_MAX");
  CHECK("\x03\xca\xfe\xba\xbe", "!fd \"invalid\"",
        "fd refused by the converter: invalid");
  CHECK("\x03\xff\xff\xff\xff", "!fd \"invalid\"", "fd FFFFFFFF: invalid");
  check_conv("\x03\x00\x00\x00\x02", 5, NULL, "!fd \"invalid\"",
             "fd with a NULL converter: invalid");
  CHECK("\x03\x00\x00\x00", "!!null \"null\"", "fd of 3 bytes: null");
  CHECK("\x03\x00\x00\x00\x00\x00", "!!null \"null\"", "fd of 5 bytes: null");
}

static void check_float(double v, const char *body, const char *name) {
  argdata_t *ad = argdata_create_float(v);
  char *out = render(ad);
  size_t n = strlen(HEADER) + strlen(body) + 2;
  char *expected = malloc(n);
  snprintf(expected, n, "%s%s\n", HEADER, body);
  tap_eq_str(expected, out, "float %s", name);
  free(expected);
  free(out);
  argdata_free(ad);
}

static void test_float(void) {
  /* The serialised vectors of the original's tests. */
  CHECK("\x04\xff\xf0\x00\x00\x00\x00\x00\x00", "!!float \"-.inf\"", "-inf");
  CHECK("\x04\xc0\x00\x00\x00\x00\x00\x00\x00", "!!float \"-2\"", "-2.0");
  CHECK("\x04\xbf\xf0\x00\x00\x00\x00\x00\x00", "!!float \"-1\"", "-1.0");
  CHECK("\x04\x80\x00\x00\x00\x00\x00\x00\x00", "!!float \"0\"", "-0.0 prints 0");
  CHECK("\x04\x00\x00\x00\x00\x00\x00\x00\x00", "!!float \"0\"", "0.0");
  CHECK("\x04\x3f\xf0\x00\x00\x00\x00\x00\x00", "!!float \"1\"", "1.0");
  CHECK("\x04\x40\x00\x00\x00\x00\x00\x00\x00", "!!float \"2\"", "2.0");
  CHECK("\x04\x7f\xf0\x00\x00\x00\x00\x00\x00", "!!float \".inf\"", "+inf");
  CHECK("\x04\x7f\xf8\x00\x00\x00\x00\x00\x00", "!!float \".nan\"", "NaN");
  CHECK("\x04\xff\xf8\x00\x00\x00\x00\x00\x01", "!!float \".nan\"",
        "negative NaN with payload");
  CHECK("\x04\x00\x00\x00\x00\x00\x00\x00", "!!null \"null\"", "float of 7 bytes: null");
  CHECK("\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00", "!!null \"null\"",
        "float of 9 bytes: null");

  check_float(1.5, "!!float \"1.5\"", "1.5");
  check_float(-1e-300, "!!float \"-1.00000000000000003e-300\"", "-1e-300");
  check_float(1e10, "!!float \"1e+10\"", "1e10: exponent sign kept");
  check_float(0.1, "!!float \"1.00000000000000006e-1\"", "0.1: 18 digits");
  check_float(123.456, "!!float \"1.23456000000000003e+2\"",
              "123.456: exponent zeros stripped");
  check_float(-2.5, "!!float \"-2.5\"", "-2.5");
  check_float(10.0, "!!float \"1e+1\"", "10");
  check_float(DBL_MAX, "!!float \"1.79769313486231571e+308\"", "DBL_MAX");
  check_float(DBL_MIN, "!!float \"2.22507385850720138e-308\"", "DBL_MIN");
  check_float(4.9406564584124654e-324, "!!float \"4.94065645841246544e-324\"",
              "smallest subnormal");
  check_float(-INFINITY, "!!float \"-.inf\"", "created -inf");
  check_float(-0.0, "!!float \"0\"", "created -0.0");
}

static void test_int(void) {
  CHECK("\x05", "!!int \"0\"", "int 0 (empty payload)");
  CHECK("\x05\x01", "!!int \"1\"", "int 1");
  CHECK("\x05\x7f", "!!int \"127\"", "int 127");
  CHECK("\x05\x80", "!!int \"-128\"", "int -128");
  CHECK("\x05\xff", "!!int \"-1\"", "int -1");
  CHECK("\x05\x00\xff", "!!int \"255\"", "int 255");
  CHECK("\x05\x03\xe8", "!!int \"1000\"", "int 1000");
  CHECK("\x05\xfc\x18", "!!int \"-1000\"", "int -1000");
  CHECK("\x05\x00\xff\xff\xff\xff", "!!int \"4294967295\"", "int 2^32-1");
  CHECK("\x05\x80\x00\x00\x00\x00\x00\x00\x00", "!!int \"-9223372036854775808\"",
        "int INT64_MIN");
  CHECK("\x05\x7f\xff\xff\xff\xff\xff\xff\xff", "!!int \"9223372036854775807\"",
        "int INT64_MAX");
  CHECK("\x05\x00\x80\x00\x00\x00\x00\x00\x00\x00", "!!int \"9223372036854775808\"",
        "int 2^63 (unsigned)");
  CHECK("\x05\x00\xff\xff\xff\xff\xff\xff\xff\xff",
        "!!int \"18446744073709551615\"", "int UINT64_MAX (unsigned)");
  CHECK("\x05\x00\x01", "!!int \"1\"", "non-minimal int 00 01 is accepted");
  CHECK("\x05\xff\x7f\xff\xff\xff\xff\xff\xff\xff", "!!null \"null\"",
        "9-byte negative int: null");
  CHECK("\x05\x01\x00\x00\x00\x00\x00\x00\x00\x00", "!!null \"null\"",
        "int above UINT64_MAX: null");
}

static void test_str(void) {
  CHECK("\x08" "123\x00", "!!str \"123\"", "str \"123\"");
  CHECK("\x08\x00", "!!str \"\"", "str empty");
  CHECK("\x08" "Hello", "!!null \"null\"", "str without NUL: null");
  CHECK("\x08\xff\x00", "!!null \"null\"", "str with invalid UTF-8: null");
  CHECK("\x08\xc0\x80\x00", "!!null \"null\"", "str with an overlong: null");
  CHECK("\x08" "Hello\x00world\x00", "!!str \"Hello\\0world\"",
        "embedded NUL prints \\0");
  CHECK("\x08\x07\x08\x09\x0a\x0b\x0c\x0d\x1b\x00",
        "!!str \"\\a\\b\\t\\n\\v\\f\\r\\e\"", "control short escapes");
  CHECK("\x08\"\\\x00", "!!str \"\\\"\\\\\"", "quote and backslash");
  CHECK("\x08\xc2\x85\xc2\xa0\xe2\x80\xa8\xe2\x80\xa9\x00",
        "!!str \"\\N\\_\\L\\P\"", "U+0085 U+00A0 U+2028 U+2029 short escapes");
  CHECK("\x08\x01\x1f\x7f\x00", "!!str \"\\x01\\x1f\\x7f\"",
        "other C0 controls and DEL: \\xNN lowercase");
  CHECK("\x08\xc2\x80\xc2\x9f\x00", "!!str \"\\x80\\x9f\"", "C1 controls: \\xNN");
  CHECK("\x08\xef\xbb\xbf\xef\xbf\xbe\xef\xbf\xbf\x00",
        "!!str \"\\ufeff\\ufffe\\uffff\"", "BOM and U+FFFE/FFFF: \\uNNNN");
  CHECK("\x08" "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xee\x80\x80 "
        "\xf4\x8f\xbf\xbf\x00",
        "!!str \"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xee\x80\x80 "
        "\xf4\x8f\xbf\xbf\"",
        "printable non-ASCII written as UTF-8");
  CHECK("\x08 ~/'\x00", "!!str \" ~/'\"", "printable ASCII verbatim");

  argdata_t *ad = argdata_create_str("a\0b", 3);
  char *out = render(ad);
  tap_eq_str(HEADER "!!str \"a\\0b\"\n", out, "created str with NUL");
  free(out);
  argdata_free(ad);
}

static void test_isprint(void) {
  static const struct {
    uint32_t c;
    bool printable;
  } cases[] = {
      {0x00, false},     {0x1f, false},     {0x20, true},      {0x7e, true},
      {0x7f, false},     {0x80, false},     {0x9f, false},     {0xa0, true},
      {0xff, true},      {0x2028, true},    {0xd7ff, true},    {0xd800, false},
      {0xdfff, false},   {0xe000, true},    {0xfeff, false},   {0xfefe, true},
      {0xff00, true},    {0xfffd, true},    {0xfffe, false},   {0xffff, false},
      {0x10000, true},   {0x378, true},     {0x10ffff, true},  {0x110000, false},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); ++i)
    tap_eq_int(cases[i].printable, argdata_print_yaml_isprint_(cases[i].c),
               "printable(U+%04X) is %s", (unsigned)cases[i].c,
               cases[i].printable ? "true" : "false");
}

static void test_timestamp(void) {
  CHECK("\x09", "!!timestamp \"1970-01-01T00:00:00.000000000Z\"", "epoch");
  CHECK("\x09\x01", "!!timestamp \"1970-01-01T00:00:00.000000001Z\"", "1 ns");
  CHECK("\x09\xff", "!!timestamp \"1969-12-31T23:59:59.999999999Z\"", "-1 ns");
  CHECK("\x09\x13\xf0\xbc\xeb\x1a\x26\x3c\x69",
        "!!timestamp \"2015-07-14T06:39:59.073238121Z\"", "2015 vector");
  CHECK("\x09\x0d\xbc\xa9\xd1\xfe\xa2\xaf\x00\x00",
        "!!timestamp \"10000-01-01T00:00:00.000000000Z\"", "year 10000");
  CHECK("\x09\xfc\xa1\x41\xab\x83\x7e\x28\x00\x00",
        "!!timestamp \"0000-01-01T00:00:00.000000000Z\"", "year 0");
  CHECK("\x09\xfc\xa0\xd1\xa1\xb0\x50\x85\x00\x00",
        "!!timestamp \"-001-01-01T00:00:00.000000000Z\"", "year -1 (%04d form)");
  CHECK("\x09\x38\x0e\x70\x9a\x6b\x9e\x19\x09\x24\x36\x00",
        "!!timestamp \"2147485547-12-31T23:59:59.000000000Z\"",
        "last second of year INT_MAX+1900");
  CHECK("\x09\x38\x0e\x70\x9a\x6b\x9e\x19\x44\xbf\x00\x00", "!!null \"null\"",
        "year INT_MAX+1901: null");
  CHECK("\x09\xc7\xf1\x8f\x28\x44\x44\x19\xe8\x50\x00\x00",
        "!!timestamp \"-2147481748-01-01T00:00:00.000000000Z\"",
        "first second of year INT_MIN+1900");
  CHECK("\x09\xc7\xf1\x8f\x28\x44\x44\x19\xac\xb5\x36\x00", "!!null \"null\"",
        "year INT_MIN+1899: null");
  CHECK("\x09\x1d\xcd\x64\xff\xff\xff\xff\xff\xff\xff\xff\xff", "!!null \"null\"",
        "INT64_MAX seconds: null");
  CHECK("\x09\xe2\x32\x9b\x00\x00\x00\x00\x00\x00\x00\x00\x00", "!!null \"null\"",
        "INT64_MIN seconds: null");
  char text[ARGDATA_PRINT_YAML_TIME_LEN];
  tap_ok(!argdata_print_yaml_time_(INT64_MIN, 0, text),
         "INT64_MIN seconds: refused without overflow (fuzz finding)");
  tap_ok(!argdata_print_yaml_time_(INT64_MAX, 999999999, text),
         "INT64_MAX seconds: refused");
  tap_ok(argdata_print_yaml_time_(-86401, 5, text) &&
             strcmp(text, "1969-12-30T23:59:59.000000005Z") == 0,
         "negative seconds not on a day boundary");
  CHECK("\x09\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00",
        "!!null \"null\"", "13-byte timestamp: null");
}

static void test_map(void) {
  CHECK("\x06", "!!map {}", "empty map");
  CHECK("\x06\x82\x02\x01\x80\x81\x02\x82\x02\x01\x80\x81\x02",
        "!!map {\n"
        "  ? !!bool \"true\"\n"
        "  : !!null \"null\",\n"
        "  ? !!bool \"false\"\n"
        "  : !!bool \"true\",\n"
        "  ? !!null \"null\"\n"
        "  : !!bool \"false\",\n"
        "}",
        "map {true: null, false: true, null: false}");
  CHECK("\x06\x87\x08Hello\x00\x87\x08World\x00\x81\x02\x82\x02\x01\x85\x05"
        "\x01\x80\x29\x15\x84\x05\x58\xe5\xd9\x80\x83\x06\x80\x80",
        "!!map {\n"
        "  ? !!str \"Hello\"\n"
        "  : !!str \"World\",\n"
        "  ? !!bool \"false\"\n"
        "  : !!bool \"true\",\n"
        "  ? !!int \"25176341\"\n"
        "  : !!int \"5826009\",\n"
        "  ? !!null \"null\"\n"
        "  : !!map {\n"
        "    ? !!null \"null\"\n"
        "    : !!null \"null\",\n"
        "  },\n"
        "}",
        "map vector of the original's print test");
  CHECK("\x06\x82\x08\x00\x81\x05\x00",
        "!!map {\n"
        "  ? !!str \"\"\n"
        "  : !!int \"0\",\n"
        "}",
        "corrupt later entry: entries so far, closed normally");
  CHECK("\x06\x00", "!!null \"null\"", "corrupt first length byte: null");
  CHECK("\x06\x81\x05", "!!null \"null\"", "key without value: null");
  CHECK("\x06\x85\x05", "!!null \"null\"", "length beyond the end: null");
  CHECK("\x06\x83\x07\x81\x05\x80",
        "!!map {\n"
        "  ? !!seq [\n"
        "    !!int \"0\",\n"
        "  ]\n"
        "  : !!null \"null\",\n"
        "}",
        "seq as a map key");
  CHECK("\x06\x81\x06\x81\x07",
        "!!map {\n"
        "  ? !!map {}\n"
        "  : !!seq [],\n"
        "}",
        "empty map key and empty seq value");
}

static void test_seq(void) {
  CHECK("\x07", "!!seq []", "empty seq");
  CHECK("\x07\x81\x05\x82\x02\x01\x83\x08\x41\x00",
        "!!seq [\n"
        "  !!int \"0\",\n"
        "  !!bool \"true\",\n"
        "  !!str \"A\",\n"
        "]",
        "seq [0, true, \"A\"] (README)");
  CHECK("\x07\x81\x02\x80\x82\x02\x01",
        "!!seq [\n"
        "  !!bool \"false\",\n"
        "  !!null \"null\",\n"
        "  !!bool \"true\",\n"
        "]",
        "seq [false, null, true]");
  CHECK("\x07\x00", "!!null \"null\"", "seq with a corrupt first length: null");
  CHECK("\x07\x80\x00",
        "!!seq [\n"
        "  !!null \"null\",\n"
        "]",
        "seq with a corrupt later entry");
  CHECK("\x07\x84\x07\x82\x07\x80",
        "!!seq [\n"
        "  !!seq [\n"
        "    !!seq [\n"
        "      !!null \"null\",\n"
        "    ],\n"
        "  ],\n"
        "]",
        "nested seqs indent by two per level");

  const argdata_t *elems[] = {&argdata_true, &argdata_null};
  argdata_t *s = argdata_create_seq(elems, 2);
  const argdata_t *keys[] = {s};
  const argdata_t *values[] = {&argdata_false};
  argdata_t *m = argdata_create_map(keys, values, 1);
  char *out = render(m);
  tap_eq_str(HEADER "!!map {\n"
                    "  ? !!seq [\n"
                    "    !!bool \"true\",\n"
                    "    !!null \"null\",\n"
                    "  ]\n"
                    "  : !!bool \"false\",\n"
                    "}\n",
             out, "created map and seq print like serialised ones");
  free(out);
  argdata_free(m);
  argdata_free(s);
}

/* levels seqs, each holding the next; the innermost holds one null. */
static unsigned char *nested_seqs(size_t levels, size_t *len) {
  size_t cap = 16 + levels * 8;
  unsigned char *buf = malloc(cap);
  size_t start = cap;
  buf[--start] = 0x80; /* innermost element: null (length 0) */
  buf[--start] = 0x07;
  for (size_t i = 1; i < levels; ++i) {
    size_t inner = cap - start;
    /* Subfield length: 7 bits per byte, high bit set on the last byte. */
    buf[--start] = (unsigned char)(0x80 | (inner & 0x7f));
    for (size_t v = inner >> 7; v != 0; v >>= 7)
      buf[--start] = v & 0x7f;
    buf[--start] = 0x07;
  }
  memmove(buf, buf + start, cap - start);
  *len = cap - start;
  return buf;
}

static size_t count(const char *haystack, const char *needle) {
  size_t n = 0;
  for (const char *p = haystack; (p = strstr(p, needle)) != NULL; ++p)
    ++n;
  return n;
}

static void test_depth(void) {
  size_t len;
  unsigned char *buf = nested_seqs(ARGDATA_PRINT_YAML_MAX_DEPTH, &len);
  argdata_t *ad = argdata_from_buffer(buf, len, NULL, NULL);
  char *out = render(ad);
  tap_eq_uint(ARGDATA_PRINT_YAML_MAX_DEPTH, count(out, "!!seq ["),
              "%d nested seqs print completely", ARGDATA_PRINT_YAML_MAX_DEPTH);
  tap_eq_uint(0, count(out, "!truncated"), "no truncation at the limit");
  free(out);
  argdata_free(ad);
  free(buf);

  buf = nested_seqs(ARGDATA_PRINT_YAML_MAX_DEPTH + 1, &len);
  ad = argdata_from_buffer(buf, len, NULL, NULL);
  out = render(ad);
  tap_eq_uint(ARGDATA_PRINT_YAML_MAX_DEPTH, count(out, "!!seq ["),
              "one level more: %d seqs expanded", ARGDATA_PRINT_YAML_MAX_DEPTH);
  tap_eq_uint(1, count(out, "!truncated \"seq\","),
              "the innermost prints as !truncated \"seq\"");
  size_t olen = strlen(out);
  tap_ok(olen > 3 && strcmp(out + olen - 3, "\n]\n") == 0,
         "brackets are still closed");
  free(out);
  argdata_free(ad);
  free(buf);

  /* Far deeper than any C stack could recurse. */
  buf = nested_seqs(2000000, &len);
  ad = argdata_from_buffer(buf, len, NULL, NULL);
  FILE *devnull = fopen("/dev/null", "w");
  argdata_print_yaml(ad, devnull);
  tap_ok(ferror(devnull) == 0, "2,000,000 nested seqs (%zu bytes) print "
                               "without overflowing the stack", len);
  fclose(devnull);
  argdata_free(ad);
  free(buf);
}

static const char locale_sample[] =
    "\x07\x89\x04\x3f\xf8\x00\x00\x00\x00\x00\x00\x89\x04\x81\xa5\x6e\x1f\xc2"
    "\xf8\xf3\x59\x88\x08\xc3\xa9\x01\x7f\xc2\x80\x00\x85\x05\x01\x80\x29\x15"
    "\x89\x09\x13\xf0\xbc\xeb\x1a\x26\x3c\x69";

static char *render_sample(void) {
  argdata_t *ad = argdata_from_buffer(locale_sample, sizeof(locale_sample) - 1,
                                      NULL, NULL);
  char *out = render(ad);
  argdata_free(ad);
  return out;
}

/*
 * Make a locale available: from the system, or built with localedef into
 * its own directory below dir and used through LOCPATH (its own directory
 * because glibc caches failed lookups per search path). Returns whether
 * setlocale accepted it.
 */
static bool use_locale(const char *name, const char *source, const char *dir) {
  unsetenv("LOCPATH");
  if (setlocale(LC_ALL, name) != NULL)
    return true;
  if (access("/usr/bin/localedef", X_OK) != 0)
    return false;
  char path[128], cmd[1024];
  snprintf(path, sizeof(path), "%s/%s.d", dir, source);
  snprintf(cmd, sizeof(cmd),
           "mkdir -p %s && localedef -i %s -f UTF-8 %s/%s >/dev/null 2>&1",
           path, source, path, name);
  /* localedef may warn with a nonzero status and still write the locale. */
  if (system(cmd) == -1 || setenv("LOCPATH", path, 1) != 0)
    return false;
  return setlocale(LC_ALL, name) != NULL;
}

static void test_locale(void) {
  setlocale(LC_ALL, "C");
  char *reference = render_sample();
  tap_eq_str("%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n!!seq [\n"
             "  !!float \"1.5\",\n"
             "  !!float \"-1.00000000000000003e-300\",\n"
             "  !!str \"\xc3\xa9\\x01\\x7f\\x80\",\n"
             "  !!int \"25176341\",\n"
             "  !!timestamp \"2015-07-14T06:39:59.073238121Z\",\n"
             "]\n",
             reference, "sample in the C locale");

  const char *const utf8[] = {"C.UTF-8", "C.utf8"};
  bool have_utf8 = false;
  for (size_t i = 0; i < 2 && !have_utf8; ++i)
    have_utf8 = setlocale(LC_ALL, utf8[i]) != NULL;
  if (have_utf8) {
    char *out = render_sample();
    tap_eq_str(reference, out, "same output under C.UTF-8");
    free(out);
  } else {
    tap_skip("no C.UTF-8 locale installed", "same output under C.UTF-8");
  }

  char dir[] = "/tmp/argdata_print_yaml_test.XXXXXX";
  bool have_dir = mkdtemp(dir) != NULL;
  static const struct {
    const char *name, *source, *what;
  } locales[] = {
      {"de_DE.UTF-8", "de_DE", "decimal comma"},
      {"ps_AF.UTF-8", "ps_AF", "multibyte decimal point U+066B"},
  };
  for (size_t i = 0; i < 2; ++i) {
    setlocale(LC_ALL, "C");
    if (!have_dir || !use_locale(locales[i].name, locales[i].source, dir)) {
      tap_skip("locale not installed and localedef unavailable",
               "same output under %s (%s)", locales[i].name, locales[i].what);
      continue;
    }
    char probe[32];
    snprintf(probe, sizeof(probe), "%.1f", 1.5);
    tap_diag("printf(\"%%.1f\", 1.5) gives \"%s\" under %s", probe,
             locales[i].name);
    char *out = render_sample();
    tap_ok(strcmp(probe, "1.5") != 0 && strcmp(reference, out) == 0,
           "same output under %s (%s)", locales[i].name, locales[i].what);
    free(out);
  }
  setlocale(LC_ALL, "C");
  unsetenv("LOCPATH");
  if (have_dir) {
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    if (system(cmd) != 0)
      tap_diag("could not remove %s", dir);
  }
  free(reference);
}

int main(void) {
  test_null_and_layout();
  test_binary();
  test_bool();
  test_fd();
  test_float();
  test_int();
  test_str();
  test_isprint();
  test_timestamp();
  test_map();
  test_seq();
  test_depth();
  test_locale();
  return tap_done();
}
