/* Helpers shared by the lib/config tests (header-only, static). */
#ifndef LIB_CONFIG_TESTS_CONFIG_TEST_UTIL_H
#define LIB_CONFIG_TESTS_CONFIG_TEST_UTIL_H

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "tests/harness/tap.h"

/* A printable, one-line copy of s for test names (rotating buffers). */
__attribute__((unused)) static const char *esc(const char *s) {
  static char bufs[4][128];
  static unsigned next;
  char *b = bufs[next++ % 4];
  size_t o = 0;
  for (; *s != '\0' && o + 3 < sizeof(bufs[0]); ++s) {
    if (*s == '\n') {
      b[o++] = '\\';
      b[o++] = 'n';
    } else {
      b[o++] = *s;
    }
  }
  b[o] = '\0';
  return b;
}

static struct config_load_options test_opts = {.file_name = "t.yaml"};

__attribute__((unused)) static struct config *
load_ok(const char *yaml, const char *name) {
  struct config *cfg = NULL;
  struct config_error err;
  int rc = config_load_buffer(&cfg, yaml, strlen(yaml), &test_opts, &err);
  if (!tap_ok(rc == 0 && cfg != NULL, "%s: loads", esc(name)))
    tap_diag("  rc %d: %s:%u:%u: %s | %s", rc, err.pos.file, err.pos.line,
             err.pos.column, err.message, err.hint);
  return rc == 0 ? cfg : NULL;
}

/* Serialise cfg->root literally into a malloc'd buffer. */
__attribute__((unused)) static unsigned char *serialize(const struct config *cfg,
                                                        size_t *len) {
  argdata_serialized_length(cfg->root, len, NULL);
  unsigned char *buf = malloc(*len ? *len : 1);
  if (buf != NULL)
    argdata_serialize(cfg->root, buf, NULL);
  return buf;
}

/* The YAML must load and serialise to exactly the expected bytes. */
#define check_bytes(yaml, name, ...)                                           \
  do {                                                                         \
    static const unsigned char exp_[] = {__VA_ARGS__};                         \
    struct config *c_ = load_ok(yaml, name);                                   \
    if (c_ != NULL) {                                                          \
      size_t l_;                                                               \
      unsigned char *b_ = serialize(c_, &l_);                                  \
      tap_eq_bytes(exp_, sizeof(exp_), b_, l_, "%s: bytes", name);             \
      free(b_);                                                                \
      config_free(c_);                                                         \
    }                                                                          \
  } while (0)

/* The YAML must fail with rc at line:column with msg in the message (and
 * hint in the hint, unless NULL). */
__attribute__((unused)) static void check_error_opts(
    const char *yaml, size_t len, const struct config_load_options *opts,
    int rc_expected, unsigned line, unsigned column, const char *msg,
    const char *hint, const char *name) {
  struct config *cfg = (struct config *)1;
  struct config_error err;
  int rc = config_load_buffer(&cfg, yaml, len, opts, &err);
  tap_eq_int(rc_expected, rc, "%s: error code", name);
  tap_ok(cfg == NULL, "%s: no config", name);
  if (!tap_ok(err.pos.line == line && err.pos.column == column,
              "%s: at %u:%u", name, line, column))
    tap_diag("  got %u:%u (%s | %s)", err.pos.line, err.pos.column,
             err.message, err.hint);
  if (!tap_ok(strstr(err.message, msg) != NULL, "%s: message has \"%s\"",
              name, msg))
    tap_diag("  message: %s", err.message);
  if (hint != NULL && !tap_ok(strstr(err.hint, hint) != NULL,
                              "%s: hint has \"%s\"", name, hint))
    tap_diag("  hint: %s", err.hint);
  if (!tap_ok(err.pos.file != NULL && strcmp(err.pos.file,
                                             opts->file_name ? opts->file_name
                                                             : "<config>") == 0,
              "%s: file name", name))
    tap_diag("  file: %s", err.pos.file ? err.pos.file : "(null)");
  if (rc == 0)
    config_free(cfg);
}

__attribute__((unused)) static void check_error(const char *yaml, unsigned line,
                                                unsigned column,
                                                const char *msg,
                                                const char *hint,
                                                const char *name) {
  check_error_opts(yaml, strlen(yaml), &test_opts, -EINVAL, line, column, msg,
                   hint, name);
}

#endif
