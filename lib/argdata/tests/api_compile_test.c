/*
 * Source compatibility with the original <argdata.h>: every type, constant,
 * macro and function of the original API is referenced here with the
 * original's exact signature (a mismatch is a compile error: the function
 * pointers below are initialised without casts), and called once, so a
 * program written against the original header compiles and links.
 */
#include <argdata.h>

#include <errno.h>
#include <limits.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tests/harness/tap.h"

/* Types and macros. */
_Static_assert(ARGDATA_ITERATOR_END == SIZE_MAX, "ARGDATA_ITERATOR_END");
_Static_assert(ARGDATA_ITERATOR_INVALID == SIZE_MAX - 1,
               "ARGDATA_ITERATOR_INVALID");
_Static_assert(offsetof(argdata_map_iterator_t, index) == 0, "map it index");
_Static_assert(sizeof(((argdata_map_iterator_t *)0)->data) == 128,
               "map it data[128]");
_Static_assert(alignof(argdata_map_iterator_t) == alignof(max_align_t),
               "map it alignment");
_Static_assert(offsetof(argdata_seq_iterator_t, index) == 0, "seq it index");
_Static_assert(sizeof(((argdata_seq_iterator_t *)0)->data) == 128,
               "seq it data[128]");
_Static_assert(alignof(argdata_seq_iterator_t) == alignof(max_align_t),
               "seq it alignment");

/* The original prototypes, one function pointer each. */
static argdata_t *(*const p_from_buffer)(const void *, size_t,
                                         int (*)(void *, size_t),
                                         void *) = argdata_from_buffer;
static argdata_t *(*const p_create_binary)(const void *, size_t) =
    argdata_create_binary;
static argdata_t *(*const p_create_fd)(int) = argdata_create_fd;
static argdata_t *(*const p_create_float)(double) = argdata_create_float;
static argdata_t *(*const p_create_int_s)(intmax_t) = argdata_create_int_s;
static argdata_t *(*const p_create_int_u)(uintmax_t) = argdata_create_int_u;
static argdata_t *(*const p_create_map)(argdata_t const *const *,
                                        argdata_t const *const *,
                                        size_t) = argdata_create_map;
static argdata_t *(*const p_create_seq)(argdata_t const *const *, size_t) =
    argdata_create_seq;
static argdata_t *(*const p_create_str)(const char *, size_t) =
    argdata_create_str;
static argdata_t *(*const p_create_str_c)(const char *) = argdata_create_str_c;
static argdata_t *(*const p_create_timestamp)(const struct timespec *) =
    argdata_create_timestamp;
static void (*const p_free)(argdata_t *) = argdata_free;
static void (*const p_serialized_length)(const argdata_t *, size_t *,
                                         size_t *) = argdata_serialized_length;
static size_t (*const p_serialize)(const argdata_t *, void *, int *) =
    argdata_serialize;
static int (*const p_get_binary)(const argdata_t *, const void **, size_t *) =
    argdata_get_binary;
static int (*const p_get_bool)(const argdata_t *, bool *) = argdata_get_bool;
static int (*const p_get_fd)(const argdata_t *, int *) = argdata_get_fd;
static int (*const p_get_float)(const argdata_t *, double *) =
    argdata_get_float;
static int (*const p_get_int_s)(const argdata_t *, intmax_t *, intmax_t,
                                intmax_t) = argdata_get_int_s;
static int (*const p_get_int_u)(const argdata_t *, uintmax_t *, uintmax_t) =
    argdata_get_int_u;
static int (*const p_get_str)(const argdata_t *, const char **, size_t *) =
    argdata_get_str;
static int (*const p_get_str_c)(const argdata_t *, const char **) =
    argdata_get_str_c;
static int (*const p_get_timestamp)(const argdata_t *, struct timespec *) =
    argdata_get_timestamp;
static void (*const p_map_iterate)(const argdata_t *,
                                   argdata_map_iterator_t *) =
    argdata_map_iterate;
static bool (*const p_map_get)(const argdata_map_iterator_t *,
                               const argdata_t **, const argdata_t **) =
    argdata_map_get;
static void (*const p_map_next)(argdata_map_iterator_t *) = argdata_map_next;
static void (*const p_seq_iterate)(const argdata_t *,
                                   argdata_seq_iterator_t *) =
    argdata_seq_iterate;
static bool (*const p_seq_get)(const argdata_seq_iterator_t *,
                               const argdata_t **) = argdata_seq_get;
static void (*const p_seq_next)(argdata_seq_iterator_t *) = argdata_seq_next;
static void (*const p_print_yaml)(const argdata_t *, FILE *) =
    argdata_print_yaml;
static argdata_reader_t *(*const p_reader_create)(size_t, size_t) =
    argdata_reader_create;
static void (*const p_reader_free)(argdata_reader_t *) = argdata_reader_free;
static const argdata_t *(*const p_reader_get)(const argdata_reader_t *) =
    argdata_reader_get;
static void (*const p_reader_release_fd)(argdata_reader_t *, int) =
    argdata_reader_release_fd;
static int (*const p_reader_pull)(argdata_reader_t *, int) =
    argdata_reader_pull;
static argdata_writer_t *(*const p_writer_create)(void) =
    argdata_writer_create;
static void (*const p_writer_free)(argdata_writer_t *) = argdata_writer_free;
static int (*const p_writer_push)(argdata_writer_t *, int) =
    argdata_writer_push;
static void (*const p_writer_set)(argdata_writer_t *, const argdata_t *) =
    argdata_writer_set;

static const argdata_t *const *p_constants[] = {
    &(const argdata_t *const){&argdata_false},
    &(const argdata_t *const){&argdata_true},
    &(const argdata_t *const){&argdata_null},
};

static int identity(void *arg, size_t fd) {
  (void)arg;
  return (int)fd;
}

/* argdata_create_int(x) then argdata_get_int(ad, &y) for one type. */
#define ROUND_TRIP(type, value)                                                \
  do {                                                                         \
    type in_ = (value), out_ = 0;                                              \
    argdata_t *ad_ = argdata_create_int(in_);                                  \
    int e_ = argdata_get_int(ad_, &out_);                                      \
    tap_ok(ad_ != NULL && e_ == 0 && out_ == in_,                              \
           "argdata_create_int/argdata_get_int: " #type " " #value);           \
    argdata_free(ad_);                                                         \
  } while (0)

/* argdata_get_int(ad, &y) refuses a value outside type's range. */
#define OUT_OF_RANGE(type, s_value)                                            \
  do {                                                                         \
    type out_ = 0;                                                             \
    argdata_t *ad_ = argdata_create_int_s(s_value);                            \
    tap_eq_int(ERANGE, argdata_get_int(ad_, &out_),                            \
               "argdata_get_int: " #s_value " does not fit " #type);           \
    argdata_free(ad_);                                                         \
  } while (0)

static void test_int_macros(void) {
  ROUND_TRIP(char, CHAR_MAX);
  ROUND_TRIP(char, CHAR_MIN);
  ROUND_TRIP(signed char, SCHAR_MIN);
  ROUND_TRIP(unsigned char, UCHAR_MAX);
  ROUND_TRIP(short, SHRT_MIN);
  ROUND_TRIP(unsigned short, USHRT_MAX);
  ROUND_TRIP(int, INT_MIN);
  ROUND_TRIP(unsigned int, UINT_MAX);
  ROUND_TRIP(long, LONG_MIN);
  ROUND_TRIP(unsigned long, ULONG_MAX);
  ROUND_TRIP(long long, LLONG_MIN);
  ROUND_TRIP(unsigned long long, ULLONG_MAX);
  ROUND_TRIP(intmax_t, INTMAX_MAX);
  ROUND_TRIP(uintmax_t, UINTMAX_MAX);
  ROUND_TRIP(int8_t, -5);
  ROUND_TRIP(uint16_t, 65535);
  ROUND_TRIP(int32_t, -70000);
  ROUND_TRIP(uint64_t, UINT64_MAX);
  ROUND_TRIP(size_t, SIZE_MAX);

  OUT_OF_RANGE(signed char, 128);
  OUT_OF_RANGE(unsigned char, 256);
  OUT_OF_RANGE(unsigned char, -1);
  OUT_OF_RANGE(short, 32768);
  OUT_OF_RANGE(unsigned short, -1);
  OUT_OF_RANGE(int, (intmax_t)INT_MAX + 1);
  OUT_OF_RANGE(unsigned int, -1);
  OUT_OF_RANGE(unsigned long, -1);
  OUT_OF_RANGE(unsigned long long, INTMAX_MIN);

  /* argdata_create_int picks _u for unsigned types: UINTMAX_MAX encodes as
   * 9 bytes, which only the unsigned route produces. */
  size_t size = 0;
  argdata_t *ad = argdata_create_int(UINTMAX_MAX);
  argdata_serialized_length(ad, &size, NULL);
  tap_eq_uint(10, size, "argdata_create_int(UINTMAX_MAX) is unsigned");
  argdata_free(ad);
  ad = argdata_create_int(-1);
  argdata_serialized_length(ad, &size, NULL);
  tap_eq_uint(2, size, "argdata_create_int(-1) is signed");
  argdata_free(ad);
}

static void test_every_function(void) {
  /* Construction. */
  struct timespec ts = {.tv_sec = 1, .tv_nsec = 2};
  argdata_t *values[] = {
      p_create_binary("ab", 2), p_create_fd(1),          p_create_float(1.5),
      p_create_int_s(-3),       p_create_int_u(3),       p_create_str("x", 1),
      p_create_str_c("y"),      p_create_timestamp(&ts),
  };
  bool all = true;
  for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); ++i)
    all = all && values[i] != NULL;
  tap_ok(all, "every argdata_create_* returns a value");
  const argdata_t *keys[] = {values[5], values[6]};
  const argdata_t *vals[] = {values[0], values[1]};
  argdata_t *map = p_create_map(keys, vals, 2);
  const argdata_t *elems[] = {map, values[2], values[3], values[4], values[7],
                              *p_constants[0], *p_constants[1], *p_constants[2]};
  argdata_t *seq = p_create_seq(elems, 8);
  tap_ok(map != NULL && seq != NULL, "argdata_create_map and _seq");

  /* Serialisation and parsing. */
  size_t len, n_fds;
  p_serialized_length(seq, &len, &n_fds);
  unsigned char buf[256];
  int fds[8];
  tap_ok(len <= sizeof(buf), "argdata_serialized_length");
  tap_eq_uint(1, p_serialize(seq, buf, fds), "argdata_serialize: one fd");
  argdata_t *parsed = p_from_buffer(buf, len, identity, NULL);
  tap_ok(parsed != NULL, "argdata_from_buffer");

  /* Iteration and getters. */
  argdata_seq_iterator_t sit;
  p_seq_iterate(parsed, &sit);
  const argdata_t *e;
  int checks = 0;
  for (; p_seq_get(&sit, &e); p_seq_next(&sit)) {
    argdata_map_iterator_t mit;
    const argdata_t *k, *v;
    const void *b;
    const char *s;
    size_t n;
    bool bo;
    double d;
    intmax_t is;
    uintmax_t iu;
    struct timespec t;
    int fd;
    p_map_iterate(e, &mit);
    for (; p_map_get(&mit, &k, &v); p_map_next(&mit)) {
      checks += p_get_str(k, &s, &n) == 0;
      checks += p_get_str_c(k, &s) == 0;
      checks += p_get_binary(v, &b, &n) == 0;
      checks += p_get_fd(v, &fd) == 0;
    }
    checks += p_get_float(e, &d) == 0;
    checks += p_get_int_s(e, &is, INTMAX_MIN, INTMAX_MAX) == 0;
    checks += p_get_int_u(e, &iu, UINTMAX_MAX) == 0;
    checks += p_get_timestamp(e, &t) == 0;
    checks += p_get_bool(e, &bo) == 0;
  }
  /* 2 str + 2 str_c + binary + fd, float, int -3 (s), int 3 (s and u),
   * timestamp, false, true. */
  tap_eq_int(13, checks, "every getter and iterator function answers");

  FILE *devnull = fopen("/dev/null", "w");
  p_print_yaml(parsed, devnull);
  fclose(devnull);
  tap_ok(true, "argdata_print_yaml");

  /* Stream reader and writer. */
  int p[2];
  if (pipe(p) != 0)
    return;
  argdata_writer_t *w = p_writer_create();
  p_writer_set(w, values[4]);
  tap_eq_int(0, p_writer_push(w, p[1]), "argdata_writer_set/_push");
  close(p[1]);
  argdata_reader_t *r = p_reader_create(64, 4);
  tap_eq_int(0, p_reader_pull(r, p[0]), "argdata_reader_pull");
  uintmax_t three = 0;
  tap_ok(p_get_int_u(p_reader_get(r), &three, 10) == 0 && three == 3,
         "argdata_reader_get");
  p_reader_release_fd(r, -1);
  p_reader_free(r);
  p_writer_free(w);
  close(p[0]);

  p_free(parsed);
  p_free(seq);
  p_free(map);
  for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); ++i)
    p_free(values[i]);
  tap_ok(true, "argdata_free");
}

int main(void) {
  test_int_macros();
  test_every_function();
  return tap_done();
}
