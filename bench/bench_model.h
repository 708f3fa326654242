/*
 * The benchmark's workloads, described once as a format-neutral tree that
 * the argdata and msgpack encoders both walk, and the timing helper.
 */
#ifndef BENCH_MODEL_H
#define BENCH_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum bench_kind { BK_STR, BK_INT, BK_BOOL, BK_FLOAT, BK_FD, BK_MAP, BK_SEQ };

struct bench_node {
  enum bench_kind kind;
  const char *s; /* BK_STR */
  size_t len;
  intmax_t i;    /* BK_INT, BK_FD */
  double f;      /* BK_FLOAT */
  bool b;        /* BK_BOOL */
  struct bench_node *kids; /* BK_MAP: 2n (key, value, ...); BK_SEQ: n */
  size_t n;
};

/* A launcher configuration of a web server: ~20 keys, nested. */
struct bench_node *bench_config_tree(void);
/* A map of n string keys to string values (100000 gives ~5.5 MB). */
struct bench_node *bench_big_map(size_t n);
void bench_tree_free(struct bench_node *root);

/*
 * Seconds per call of fn(ctx): batches of calls lasting at least 50 ms, the
 * best (smallest) per-call time of `rounds` batches.
 */
double bench_time(void (*fn)(void *), void *ctx, int rounds);

/* Seconds per operation of one format on one workload. */
struct bench_result {
  size_t bytes; /* serialised size */
  double encode; /* build the tree of values and serialise it */
  double serialize; /* serialise an already built tree (argdata only) */
  double decode; /* parse and read every key of the top-level map */
  double full;   /* parse and read every element and scalar */
};

void bench_argdata(const struct bench_node *tree, struct bench_result *r);
/* Only when built with msgpack-c (HAVE_MSGPACK). */
void bench_msgpack(const struct bench_node *tree, struct bench_result *r);

/* A sink the optimiser cannot see through. */
extern volatile uint64_t bench_sink;

#endif
