/*
 * A small header-only TAP (Test Anything Protocol) harness.
 *
 *   int main(void) {
 *     tap_eq_int(EACCES, errno_of_something(), "open outside is denied");
 *     tap_ok(x == 1, "x is one");
 *     tap_skip("Landlock ABI 7 missing", "scoped signals");
 *     return tap_done();
 *   }
 *
 * Expected values come first. The harness counts its own tests and prints
 * the plan at the end, so no plan is maintained by hand. tap_done returns
 * the process exit status: 0 when nothing failed, 1 otherwise.
 */
#ifndef TESTS_HARNESS_TAP_H
#define TESTS_HARNESS_TAP_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned tap_count_;
static unsigned tap_failed_;

__attribute__((format(printf, 2, 3), unused)) static bool
tap_ok(bool cond, const char *fmt, ...) {
  va_list ap;
  ++tap_count_;
  if (!cond)
    ++tap_failed_;
  printf("%s %u - ", cond ? "ok" : "not ok", tap_count_);
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  putchar('\n');
  fflush(stdout);
  return cond;
}

__attribute__((format(printf, 2, 3), unused)) static void
tap_skip(const char *reason, const char *fmt, ...) {
  va_list ap;
  ++tap_count_;
  printf("ok %u - ", tap_count_);
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  printf(" # SKIP %s\n", reason);
  fflush(stdout);
}

/* A diagnostic line, shown by TAP consumers but not counted. */
__attribute__((format(printf, 1, 2), unused)) static void
tap_diag(const char *fmt, ...) {
  va_list ap;
  printf("# ");
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  putchar('\n');
  fflush(stdout);
}

#define tap_eq_int(expected, actual, ...)                                      \
  do {                                                                         \
    intmax_t e_ = (intmax_t)(expected), a_ = (intmax_t)(actual);               \
    if (!tap_ok(e_ == a_, __VA_ARGS__))                                        \
      tap_diag("  expected %jd, got %jd (%s:%d)", e_, a_, __FILE__, __LINE__);  \
  } while (0)

#define tap_eq_uint(expected, actual, ...)                                     \
  do {                                                                         \
    uintmax_t e_ = (uintmax_t)(expected), a_ = (uintmax_t)(actual);            \
    if (!tap_ok(e_ == a_, __VA_ARGS__))                                        \
      tap_diag("  expected %ju, got %ju (%s:%d)", e_, a_, __FILE__, __LINE__);  \
  } while (0)

#define tap_eq_str(expected, actual, ...)                                      \
  do {                                                                         \
    const char *e_ = (expected), *a_ = (actual);                               \
    if (!tap_ok(a_ != NULL && strcmp(e_, a_) == 0, __VA_ARGS__))               \
      tap_diag("  expected \"%s\", got \"%s\" (%s:%d)", e_,                     \
               a_ ? a_ : "(null)", __FILE__, __LINE__);                        \
  } while (0)

/* Compare n bytes; on mismatch print both as hex. */
#define tap_eq_bytes(expected, expected_len, actual, actual_len, ...)          \
  do {                                                                         \
    const unsigned char *e_ = (const unsigned char *)(expected);               \
    const unsigned char *a_ = (const unsigned char *)(actual);                 \
    size_t el_ = (expected_len), al_ = (actual_len);                           \
    if (!tap_ok(el_ == al_ && (el_ == 0 || memcmp(e_, a_, el_) == 0),          \
                __VA_ARGS__)) {                                                \
      printf("#   expected:");                                                 \
      for (size_t i_ = 0; i_ < el_; ++i_)                                      \
        printf(" %02x", e_[i_]);                                               \
      printf("\n#   got:     ");                                               \
      for (size_t i_ = 0; i_ < al_; ++i_)                                      \
        printf(" %02x", a_[i_]);                                               \
      printf("\n");                                                            \
    }                                                                          \
  } while (0)

__attribute__((unused)) static int tap_done(void) {
  printf("1..%u\n", tap_count_);
  fflush(stdout);
  return tap_failed_ == 0 ? 0 : 1;
}

#endif
