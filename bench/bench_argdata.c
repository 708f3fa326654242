/*
 * The argdata side of the benchmark: encode = argdata_create_* for every
 * node + argdata_serialize (+ freeing the values); decode =
 * argdata_from_buffer + reading every key of the top-level map; full =
 * argdata_from_buffer + reading every element with the getter of its type
 * (as a program that knows its configuration's shape does).
 */
#include <argdata.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_model.h"

static void fail(const char *what) {
  fprintf(stderr, "argdata_bench: fatal: %s\n", what);
  exit(111);
}

/* Everything one encoding allocated, freed afterwards. */
struct pool {
  void **ptr;
  bool *is_value;
  size_t n, cap;
};

static void *keep(struct pool *p, void *ptr, bool is_value) {
  if (ptr == NULL)
    fail("out of memory");
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 256;
    p->ptr = realloc(p->ptr, p->cap * sizeof(*p->ptr));
    p->is_value = realloc(p->is_value, p->cap * sizeof(*p->is_value));
    if (p->ptr == NULL || p->is_value == NULL)
      fail("out of memory");
  }
  p->ptr[p->n] = ptr;
  p->is_value[p->n++] = is_value;
  return ptr;
}

static void pool_release(struct pool *p) {
  for (size_t i = 0; i < p->n; ++i) {
    if (p->is_value[i])
      argdata_free(p->ptr[i]);
    else
      free(p->ptr[i]);
  }
  p->n = 0;
}

static const argdata_t *build(const struct bench_node *n, struct pool *p) {
  switch (n->kind) {
  case BK_STR:
    return keep(p, argdata_create_str(n->s, n->len), true);
  case BK_INT:
    return keep(p, argdata_create_int_s(n->i), true);
  case BK_BOOL:
    return n->b ? &argdata_true : &argdata_false;
  case BK_FLOAT:
    return keep(p, argdata_create_float(n->f), true);
  case BK_FD:
    return keep(p, argdata_create_fd((int)n->i), true);
  case BK_MAP: {
    const argdata_t **k = keep(p, malloc((n->n + 1) * sizeof(*k)), false);
    const argdata_t **v = keep(p, malloc((n->n + 1) * sizeof(*v)), false);
    for (size_t i = 0; i < n->n; ++i) {
      k[i] = build(&n->kids[2 * i], p);
      v[i] = build(&n->kids[2 * i + 1], p);
    }
    return keep(p, argdata_create_map(k, v, n->n), true);
  }
  case BK_SEQ: {
    const argdata_t **e = keep(p, malloc((n->n + 1) * sizeof(*e)), false);
    for (size_t i = 0; i < n->n; ++i)
      e[i] = build(&n->kids[i], p);
    return keep(p, argdata_create_seq(e, n->n), true);
  }
  }
  return NULL;
}

struct ctx {
  const struct bench_node *tree;
  const argdata_t *built;
  struct pool pool;
  void *buf;
  size_t len;
};

static void encode(void *arg) {
  struct ctx *c = arg;
  const argdata_t *ad = build(c->tree, &c->pool);
  size_t len, n_fds;
  argdata_serialized_length(ad, &len, &n_fds);
  void *buf = malloc(len);
  int *fds = malloc((n_fds + 1) * sizeof(int));
  if (buf == NULL || fds == NULL)
    fail("out of memory");
  bench_sink += argdata_serialize(ad, buf, fds) + len;
  free(fds);
  free(buf);
  pool_release(&c->pool);
}

static void serialize(void *arg) {
  struct ctx *c = arg;
  size_t len, n_fds;
  argdata_serialized_length(c->built, &len, &n_fds);
  void *buf = malloc(len);
  int *fds = malloc((n_fds + 1) * sizeof(int));
  if (buf == NULL || fds == NULL)
    fail("out of memory");
  bench_sink += argdata_serialize(c->built, buf, fds) + len;
  free(fds);
  free(buf);
}

static int identity(void *arg, size_t fd) {
  (void)arg;
  return (int)fd;
}

/* Read ad with the getter its model node says. */
static void walk(const argdata_t *ad, const struct bench_node *n) {
  uint64_t sum = 0;
  int e = 0;
  switch (n->kind) {
  case BK_STR: {
    const char *s;
    size_t len;
    e = argdata_get_str(ad, &s, &len);
    sum = len + (unsigned char)s[0];
    break;
  }
  case BK_INT: {
    intmax_t i;
    e = argdata_get_int_s(ad, &i, INTMAX_MIN, INTMAX_MAX);
    sum = (uint64_t)i;
    break;
  }
  case BK_BOOL: {
    bool b;
    e = argdata_get_bool(ad, &b);
    sum = b;
    break;
  }
  case BK_FLOAT: {
    double d;
    e = argdata_get_float(ad, &d);
    sum = (uint64_t)(d * 100);
    break;
  }
  case BK_FD: {
    int fd;
    e = argdata_get_fd(ad, &fd);
    sum = (uint64_t)fd;
    break;
  }
  case BK_MAP: {
    argdata_map_iterator_t it;
    const argdata_t *k, *v;
    size_t i = 0;
    for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &k, &v);
         argdata_map_next(&it), ++i) {
      walk(k, &n->kids[2 * i]);
      walk(v, &n->kids[2 * i + 1]);
    }
    e = i == n->n ? 0 : 1;
    break;
  }
  case BK_SEQ: {
    argdata_seq_iterator_t it;
    const argdata_t *v;
    size_t i = 0;
    for (argdata_seq_iterate(ad, &it); argdata_seq_get(&it, &v);
         argdata_seq_next(&it), ++i)
      walk(v, &n->kids[i]);
    e = i == n->n ? 0 : 1;
    break;
  }
  }
  if (e != 0)
    fail("a getter failed on benchmark data");
  bench_sink += sum;
}

static void decode(void *arg) {
  struct ctx *c = arg;
  argdata_t *ad = argdata_from_buffer(c->buf, c->len, identity, NULL);
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &k, &v);
       argdata_map_next(&it)) {
    const char *s;
    size_t len;
    if (argdata_get_str(k, &s, &len) != 0)
      fail("a key is not a string");
    bench_sink += len;
  }
  argdata_free(ad);
}

static void full(void *arg) {
  struct ctx *c = arg;
  argdata_t *ad = argdata_from_buffer(c->buf, c->len, identity, NULL);
  walk(ad, c->tree);
  argdata_free(ad);
}

void bench_argdata(const struct bench_node *tree, struct bench_result *r) {
  struct ctx c = {.tree = tree};
  const argdata_t *ad = build(tree, &c.pool);
  argdata_serialized_length(ad, &c.len, NULL);
  c.buf = malloc(c.len);
  if (c.buf == NULL)
    fail("out of memory");
  argdata_serialize(ad, c.buf, NULL);
  c.built = ad;
  r->serialize = bench_time(serialize, &c, 5);
  pool_release(&c.pool);
  r->bytes = c.len;
  r->encode = bench_time(encode, &c, 5);
  r->decode = bench_time(decode, &c, 5);
  r->full = bench_time(full, &c, 5);
  free(c.buf);
  free(c.pool.ptr);
  free(c.pool.is_value);
}
