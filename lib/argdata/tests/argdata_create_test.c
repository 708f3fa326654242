/*
 * ENOMEM from every constructor: allocation failure (malloc is replaced
 * here by a wrapper that can be told to fail) and, for maps, seqs, binary
 * and str, a serialised size that would exceed SIZE_MAX. Other constructor
 * errors (EBADF, EILSEQ, EINVAL) are tested next to their getters.
 */
#include <errno.h>
#include <stdlib.h>

#include "argdata_test_util.h"

#if defined(__SANITIZE_ADDRESS__) || !defined(__GLIBC__)
#define TEST_NO_MALLOC_WRAPPER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define TEST_NO_MALLOC_WRAPPER 1
#endif
#endif

#ifndef TEST_NO_MALLOC_WRAPPER
/* glibc: the allocator behind malloc, so free/realloc stay compatible. */
extern void *__libc_malloc(size_t);
static bool fail_malloc;

void *malloc(size_t n) {
  if (fail_malloc) {
    errno = ENOMEM;
    return NULL;
  }
  return __libc_malloc(n);
}
#endif

static void test_malloc_failure(void) {
#ifdef TEST_NO_MALLOC_WRAPPER
  tap_skip("malloc can only be replaced with glibc, without sanitizers",
           "ENOMEM on allocation failure");
#else
  /* Under valgrind, its allocator replaces ours: probe the wrapper. */
  void *(*volatile call_malloc)(size_t) = malloc; /* not optimised out */
  fail_malloc = true;
  void *probe = call_malloc(1);
  fail_malloc = false;
  if (probe != NULL) {
    free(probe);
    tap_skip("malloc is replaced by the environment (valgrind?)",
             "ENOMEM on allocation failure");
    return;
  }
  struct timespec ts = {1, 2};
  const argdata_t *one[] = {&argdata_true};
  struct {
    const char *name;
    int which;
  } cases[] = {
      {"argdata_from_buffer", 0},       {"argdata_create_binary", 1},
      {"argdata_create_fd", 2},         {"argdata_create_float", 3},
      {"argdata_create_int_s", 4},      {"argdata_create_int_u", 5},
      {"argdata_create_map", 6},        {"argdata_create_seq", 7},
      {"argdata_create_str", 8},        {"argdata_create_str_c", 9},
      {"argdata_create_timestamp", 10},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); ++i) {
    argdata_t *ad = NULL;
    errno = 0;
    fail_malloc = true;
    switch (cases[i].which) {
    case 0:
      ad = argdata_from_buffer("\x02", 1, NULL, NULL);
      break;
    case 1:
      ad = argdata_create_binary("x", 1);
      break;
    case 2:
      ad = argdata_create_fd(1);
      break;
    case 3:
      ad = argdata_create_float(1.5);
      break;
    case 4:
      ad = argdata_create_int_s(-3);
      break;
    case 5:
      ad = argdata_create_int_u(3);
      break;
    case 6:
      ad = argdata_create_map(one, one, 1);
      break;
    case 7:
      ad = argdata_create_seq(one, 1);
      break;
    case 8:
      ad = argdata_create_str("abc", 3);
      break;
    case 9:
      ad = argdata_create_str_c("abc");
      break;
    case 10:
      ad = argdata_create_timestamp(&ts);
      break;
    }
    int e = errno;
    fail_malloc = false;
    tap_ok(ad == NULL, "%s fails when malloc fails", cases[i].name);
    tap_eq_int(ENOMEM, e, "%s: ENOMEM", cases[i].name);
    argdata_free(ad);
  }
#endif
}

static void test_size_overflow(void) {
  static const char byte = 'x';
  errno = 0;
  tap_ok(argdata_create_binary(&byte, SIZE_MAX) == NULL,
         "binary of SIZE_MAX bytes cannot be serialised");
  tap_eq_int(ENOMEM, errno, "binary of SIZE_MAX bytes: ENOMEM");
  errno = 0;
  tap_ok(argdata_create_str(&byte, SIZE_MAX - 1) == NULL,
         "str of SIZE_MAX - 1 bytes cannot be serialised");
  tap_eq_int(ENOMEM, errno, "str of SIZE_MAX - 1 bytes: ENOMEM");
  /* The bytes are never read: only the length counts. */
  argdata_t *huge = argdata_create_binary(&byte, SIZE_MAX - 1);
  tap_ok(huge != NULL, "binary of SIZE_MAX - 1 bytes is representable");
  const argdata_t *elems[] = {huge};
  errno = 0;
  tap_ok(argdata_create_seq(elems, 1) == NULL, "seq around it overflows");
  tap_eq_int(ENOMEM, errno, "seq size overflow: ENOMEM");
  const argdata_t *keys[] = {&argdata_null};
  errno = 0;
  tap_ok(argdata_create_map(keys, elems, 1) == NULL, "map around it overflows");
  tap_eq_int(ENOMEM, errno, "map size overflow: ENOMEM");
  argdata_free(huge);
  /* Half of SIZE_MAX twice: each fits, the sum does not. */
  argdata_t *half = argdata_create_binary(&byte, SIZE_MAX / 2);
  const argdata_t *two[] = {half, half};
  errno = 0;
  tap_ok(argdata_create_seq(two, 2) == NULL, "seq of two halves overflows");
  tap_eq_int(ENOMEM, errno, "seq sum overflow: ENOMEM");
  argdata_free(half);
}

static void test_lengths(void) {
  argdata_t *s = argdata_create_str_c("abc");
  argdata_t *fd = argdata_create_fd(3);
  const argdata_t *keys[] = {s, fd};
  const argdata_t *values[] = {fd, fd};
  argdata_t *map = argdata_create_map(keys, values, 2);
  size_t size = 0, n_fds = 0;
  argdata_serialized_length(map, &size, &n_fds);
  tap_eq_uint(1 + 1 + 5 + 1 + 5 + 1 + 5 + 1 + 5, size, "map size");
  tap_eq_uint(3, n_fds, "n_fds counts every occurrence");
  argdata_serialized_length(map, NULL, &n_fds);
  argdata_serialized_length(map, &size, NULL);
  argdata_serialized_length(map, NULL, NULL);
  tap_ok(true, "serialized_length accepts NULL outputs");
  int fds[3] = {-1, -1, -1};
  unsigned char *buf = malloc(size);
  tap_eq_uint(1, argdata_serialize(map, buf, fds), "one distinct fd");
  tap_eq_int(3, fds[0], "fds[0] is 3");
  free(buf);
  argdata_free(map);
  argdata_free(fd);
  argdata_free(s);
  argdata_free(NULL);
  tap_ok(true, "argdata_free(NULL) is a no-op");
}

int main(void) {
  test_malloc_failure();
  test_size_overflow();
  test_lengths();
  return tap_done();
}
