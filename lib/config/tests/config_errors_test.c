/* Errors of the argdata document: malformed YAML, unknown tags, duplicate
 * keys, aliases, and the size/depth/expansion/resource limits. Each case
 * asserts the error code, position and a part of the message. */
#include <stdio.h>

#include "config_test_util.h"

static void malformed(void) {
  check_error("a: b: c\n", 1, 5,
              "malformed YAML: mapping values are not allowed", NULL,
              "mapping value in a scalar");
  check_error("a: [1, 2\nb: 3\n", 2, 2,
              "malformed YAML: while parsing a flow sequence", "line 1, "
              "column 4",
              "unclosed flow sequence");
  check_error("a: 'open\n", 2, 1,
              "malformed YAML: while scanning a quoted scalar", NULL,
              "unclosed quote");
  check_error("a:\n\tb: 1\n", 2, 1, "malformed YAML", NULL, "tab indentation");
  check_error("x: !fd\n  - a\n - b\n", 3, 2, "malformed YAML", NULL,
              "bad indentation");
  check_error("a: \xff\n", 1, 4, "invalid leading UTF-8 octet", "UTF-8",
              "invalid UTF-8");
  check_error("%FOO bar\n--- 1\n", 1, 5, "found unknown directive name",
              "line 1, column 1", "unknown directive");
  check_error("a: *nothing\n", 1, 4, "alias *nothing refers to no anchor",
              "define &nothing", "undefined alias");
  check_error("a: &r [1, *r]\n", 1, 11, "alias *r refers to no anchor",
              "recursive", "recursive alias");
}

static void tags(void) {
  check_error("config: !fle {path: /srv}\n", 1, 9, "unknown tag !fle",
              "did you mean !file? known tags are !fd, !file, !executable, "
              "!socket",
              "unknown tag with a suggestion");
  check_error("a: 1\nb: [!pipe x]\n", 2, 5, "unknown tag !pipe",
              "known tags are !fd, !file, !executable, !socket",
              "unknown tag without a suggestion");
  check_error("%TAG ! tag:example.com,2000:\n---\na: !fd 1\n", 3, 4,
              "unknown tag !<tag:example.com,2000:fd>", NULL,
              "!fd under another %TAG prefix");
  check_error("a: !<tag:nuxi.nl,2015:cloudabi/pipe> x\n", 1, 4,
              "unknown tag !pipe", NULL, "unknown full nuxi tag");
}

static void duplicates(void) {
  check_error("a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key \"a\" in a mapping",
              "line 1, column 1", "duplicate string key");
  check_error("1: a\n0x1: b\n", 2, 1, "duplicate key \"0x1\"",
              "line 1, column 1", "1 and 0x1 are the same int");
  check_error("{0o10: a, 8: b}", 1, 11, "duplicate key \"8\"", NULL,
              "0o10 and 8");
  check_error("? [1, 2]\n: a\n? [1, 0x2]\n: b\n", 3, 3,
              "duplicate key in a mapping", "line 1, column 3",
              "equal sequence keys");
  check_error("? !fd stdout\n: a\n? !fd 1\n: b\n", 3, 3, "duplicate key",
              NULL, "the same descriptor twice as a key");
  check_error("{x: 1, y: 2, y: 3, x: 4}", 1, 14, "duplicate key \"y\"", NULL,
              "the first duplicate in document order");
  check_error("x: 1\n--- !launcher\nworkdir: /a\nworkdir: /b\n", 4, 1,
              "duplicate key \"workdir\" in !launcher", NULL,
              "duplicate setting");
  /* Not duplicates: different types or different resources. */
  struct config *c = load_ok("{1: a, '1': b, 1.0: c, true: d, ~: e}",
                             "1, '1', 1.0, true and null differ");
  config_free(c);
  c = load_ok("? !file {path: /a}\n: 1\n? !file {path: /a}\n: 2\n",
              "two !file keys are two resources");
  config_free(c);
}

static void limits(void) {
  /* Too large. */
  struct config_load_options o = {.file_name = "t.yaml", .max_size = 16};
  const char *y = "a: 1\nbb: 2\nccc: 33333\n";
  check_error_opts(y, strlen(y), &o, -EFBIG, 3, 6,
                   "the configuration is larger than 16 bytes", "16 bytes",
                   "too large");
  struct config *cfg = NULL;
  tap_eq_int(0, config_load_buffer(&cfg, y, 16, &o, NULL),
             "exactly max_size loads (NULL err)");
  config_free(cfg);
  size_t big = CONFIG_MAX_SIZE_DEFAULT + 1;
  char *huge = malloc(big);
  if (huge != NULL) {
    memset(huge, ' ', big);
    check_error_opts(huge, big, &test_opts, -EFBIG, 1,
                     CONFIG_MAX_SIZE_DEFAULT + 1, "larger than 1048576",
                     NULL, "default limit is 1 MiB");
    free(huge);
  }

  /* Billion laughs: 9^8 expansions of a 9-element sequence. */
  static const char bomb[] =
      "a: &a [1,1,1,1,1,1,1,1,1]\n"
      "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
      "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
      "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
      "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
      "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
      "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
      "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
  check_error(bomb, 7, 17, "alias expansion exceeds the limit",
              "CONFIG_MAX_EXPANSION", "alias bomb");
  /* A big string repeated by aliases counts its bytes. */
  size_t n = 300000;
  char *s = malloc(n + 400);
  if (s != NULL) {
    strcpy(s, "a: &s ");
    memset(s + 6, 'x', n);
    strcpy(s + 6 + n, "\nb: [*s, *s, *s, *s, *s, *s, *s, *s, *s, *s, *s, *s, "
                      "*s, *s, *s, *s, *s, *s, *s, *s, *s, *s, *s, *s, *s, "
                      "*s, *s, *s, *s, *s, *s, *s, *s, *s, *s, *s, *s, *s, "
                      "*s, *s, *s, *s, *s, *s, *s, *s, *s, *s, *s, *s, *s, "
                      "*s, *s, *s, *s, *s, *s, *s, *s, *s]\n");
    check_error(s, 2, 57, "alias expansion exceeds", NULL,
                "aliases of a long string");
    free(s);
  }
  /* Moderate aliasing is fine. */
  cfg = load_ok("a: &a [1, 2, 3]\nb: [*a, *a, *a]\n", "a few aliases");
  config_free(cfg);

  /* Nesting. */
  char deep[200];
  memset(deep, '[', 64);
  memset(deep + 64, ']', 64);
  deep[128] = '\0';
  cfg = load_ok(deep, "64 levels load");
  config_free(cfg);
  memset(deep, '[', 65);
  memset(deep + 65, ']', 65);
  deep[130] = '\0';
  check_error(deep, 1, 65, "nesting deeper than 64 levels", NULL,
              "65 levels");
  /* Depth through aliases: 40 + 40 levels. */
  char *d2 = malloc(400);
  if (d2 != NULL) {
    char *p = d2;
    p += sprintf(p, "a: &a ");
    memset(p, '[', 40);
    memset(p + 40, ']', 40);
    p += 80;
    p += sprintf(p, "\nb: ");
    memset(p, '[', 40);
    p += 40;
    p += sprintf(p, "*a");
    memset(p, ']', 40);
    p[40] = '\0';
    check_error(d2, 2, 44, "nesting deeper than 64 levels (through aliases)",
                NULL, "too deep through aliases");
    free(d2);
  }

  /* Too many resources. */
  char *many = malloc(CONFIG_MAX_RESOURCES * 16 + 64);
  if (many != NULL) {
    char *p = many;
    *p++ = '[';
    for (int i = 0; i <= CONFIG_MAX_RESOURCES; ++i)
      p += sprintf(p, "!fd %d,", i + 10);
    p[-1] = ']';
    *p = '\0';
    /* The last !fd starts after "[" and 4096 entries. */
    size_t col = 2;
    for (int i = 0; i < CONFIG_MAX_RESOURCES; ++i)
      col += (size_t)snprintf(NULL, 0, "!fd %d,", i + 10);
    check_error(many, 1, (unsigned)col, "more than 4096 descriptors", NULL,
                "too many resources");
    many[0] = '\0';
    p = many;
    *p++ = '[';
    for (int i = 0; i < CONFIG_MAX_RESOURCES; ++i)
      p += sprintf(p, "!fd %d,", i + 10);
    p[-1] = ']';
    *p = '\0';
    cfg = load_ok(many, "4096 resources load");
    if (cfg != NULL)
      tap_eq_int(CONFIG_FIRST_FD + CONFIG_MAX_RESOURCES - 1,
                 cfg->resources[CONFIG_MAX_RESOURCES - 1].number,
                 "the last is 4 + 4095");
    config_free(cfg);
    free(many);
  }
}

static void wrong_types(void) {
  check_error("a: 18446744073709551616\n", 1, 4,
              "integer 18446744073709551616 is out of range", "quote",
              "int too big");
  check_error("a: -9223372036854775809\n", 1, 4, "is out of range", NULL,
              "int too small");
  /* Messages stay on one line whatever the YAML holds. */
  check_error("\"a\\nb\\e[31m\": 1\n\"a\\nb\\e[31m\": 2\n", 2, 1,
              "duplicate key \"a?b?[31m\"", NULL,
              "control characters in messages");
}

int main(void) {
  malformed();
  tags();
  duplicates();
  limits();
  wrong_types();
  return tap_done();
}
