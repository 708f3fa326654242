/*
 * Shared by the argdata fuzz targets: walk a value recursively (bounded
 * depth), call every getter on every node and check the results are
 * consistent with the documented contract. Aborts (so libFuzzer reports a
 * crash) when a contract is broken.
 */
#ifndef FUZZ_ARGDATA_WALK_H
#define FUZZ_ARGDATA_WALK_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <argdata.h>

#define FUZZ_MAX_DEPTH 64

/* Abort with a message when cond is false. */
#define FUZZ_CHECK(cond)                                                       \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);  \
      abort();                                                                 \
    }                                                                          \
  } while (0)

/* A getter returns 0 or one of the errors it documents. */
static inline void fuzz_check_err(int e, int allowed1, int allowed2) {
  FUZZ_CHECK(e == 0 || e == EINVAL || e == allowed1 || e == allowed2);
}

/* Read every scalar the getters accept; return how many types matched. */
static inline int fuzz_getters(const argdata_t *ad) {
  int matched = 0, e;
  const void *bin;
  size_t len;
  bool b;
  int fd;
  double d;
  intmax_t s;
  uintmax_t u;
  const char *str;
  struct timespec ts;

  if ((e = argdata_get_binary(ad, &bin, &len)) == 0) {
    ++matched;
    volatile unsigned char sink = 0;
    for (size_t i = 0; i < len; ++i) /* every byte is readable */
      sink ^= ((const unsigned char *)bin)[i];
    (void)sink;
  }
  fuzz_check_err(e, 0, 0);
  if ((e = argdata_get_bool(ad, &b)) == 0)
    ++matched;
  fuzz_check_err(e, 0, 0);
  e = argdata_get_fd(ad, &fd);
  fuzz_check_err(e, EBADF, 0);
  if (e == 0) {
    FUZZ_CHECK(fd >= 0);
    ++matched;
  }
  if ((e = argdata_get_float(ad, &d)) == 0)
    ++matched;
  fuzz_check_err(e, 0, 0);
  e = argdata_get_int_s(ad, &s, INTMAX_MIN, INTMAX_MAX);
  fuzz_check_err(e, ERANGE, 0);
  int e2 = argdata_get_int_u(ad, &u, UINTMAX_MAX);
  fuzz_check_err(e2, ERANGE, 0);
  if (e == 0 && e2 == 0)
    FUZZ_CHECK(s >= 0 && (uintmax_t)s == u);
  if (e == 0 || e2 == 0)
    ++matched;
  if (e == 0) { /* a narrower range agrees with the wide one */
    int8_t c8;
    int e3 = argdata_get_int(ad, &c8);
    FUZZ_CHECK(e3 == ((s >= INT8_MIN && s <= INT8_MAX) ? 0 : ERANGE));
  }
  e = argdata_get_str(ad, &str, &len);
  fuzz_check_err(e, EILSEQ, 0);
  if (e == 0) {
    ++matched;
    FUZZ_CHECK(str[len] == '\0');
    const char *c;
    int e3 = argdata_get_str_c(ad, &c);
    FUZZ_CHECK(e3 == (memchr(str, '\0', len) ? EILSEQ : 0));
    if (e3 == 0)
      FUZZ_CHECK(c == str && strlen(c) == len);
  } else {
    const char *c;
    FUZZ_CHECK(argdata_get_str_c(ad, &c) != 0);
  }
  e = argdata_get_timestamp(ad, &ts);
  fuzz_check_err(e, ERANGE, 0);
  if (e == 0) {
    ++matched;
    FUZZ_CHECK(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
  }
  return matched;
}

/* Walk ad and everything below it; returns the number of nodes seen. */
static inline size_t fuzz_walk(const argdata_t *ad, int depth) {
  size_t nodes = 1;
  int matched = fuzz_getters(ad);
  if (depth >= FUZZ_MAX_DEPTH)
    return nodes;

  argdata_map_iterator_t mit;
  argdata_map_iterate(ad, &mit);
  bool is_map = mit.index != ARGDATA_ITERATOR_INVALID;
  size_t expect = 0;
  for (;;) {
    const argdata_t *k, *v;
    size_t index = mit.index;
    if (!argdata_map_get(&mit, &k, &v)) {
      FUZZ_CHECK(index == ARGDATA_ITERATOR_END ||
                 index == ARGDATA_ITERATOR_INVALID);
      break;
    }
    FUZZ_CHECK(index == expect++);
    nodes += fuzz_walk(k, depth + 1);
    nodes += fuzz_walk(v, depth + 1);
    argdata_map_next(&mit);
  }

  argdata_seq_iterator_t sit;
  argdata_seq_iterate(ad, &sit);
  bool is_seq = sit.index != ARGDATA_ITERATOR_INVALID;
  expect = 0;
  for (;;) {
    const argdata_t *v;
    size_t index = sit.index;
    if (!argdata_seq_get(&sit, &v)) {
      FUZZ_CHECK(index == ARGDATA_ITERATOR_END ||
                 index == ARGDATA_ITERATOR_INVALID);
      break;
    }
    FUZZ_CHECK(index == expect++);
    nodes += fuzz_walk(v, depth + 1);
    argdata_seq_next(&sit);
  }
  /* A value has at most one type (the tag byte decides). */
  FUZZ_CHECK(matched + is_map + is_seq <= 1);
  return nodes;
}

/* Print ad as YAML into memory; the output must start with the header. */
static inline void fuzz_print(const argdata_t *ad) {
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);
  if (f == NULL)
    return;
  argdata_print_yaml(ad, f);
  fclose(f);
  static const char header[] = "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n";
  FUZZ_CHECK(len >= sizeof(header) - 1 &&
             memcmp(out, header, sizeof(header) - 1) == 0);
  FUZZ_CHECK(out[len - 1] == '\n');
  free(out);
}

#endif
