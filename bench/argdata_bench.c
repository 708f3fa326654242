/*
 * argdata_bench: throughput of libargdata (and msgpack-c as a reference
 * point, when built with it) on two workloads:
 *   config   a launcher configuration of a web server (~20 keys, nested)
 *   bigmap   a map of N string keys to string values (default 100000,
 *            ~5.5 MB)
 * Operations: encode (create every value + serialise + free), serial
 * (serialise an already built tree), decode (parse + read every key of the
 * top-level map), full (parse + read every element and scalar with the
 * getter of its type). msgpack's decode materialises the whole tree.
 * Each operation is reported in microseconds per call, in MB/s of the
 * format's own serialised bytes, and as a ratio to memcpy of those bytes
 * (lower is better; 1.0 would be as fast as copying them).
 *
 *   argdata_bench [ENTRIES]
 *
 * doc/performance.md records the figures; run it from an -O2 build
 * (meson's default debugoptimized), e.g. build/bench/argdata_bench, or
 * `meson test -C build --benchmark --verbose`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "bench_model.h"

struct copy_ctx {
  void *dst, *src;
  size_t len;
};

static void copy(void *arg) {
  struct copy_ctx *c = arg;
  memcpy(c->dst, c->src, c->len);
  __asm__ volatile("" : : "r"(c->dst) : "memory");
}

static double memcpy_time(size_t len) {
  struct copy_ctx c = {malloc(len), malloc(len), len};
  if (c.dst == NULL || c.src == NULL) {
    fprintf(stderr, "argdata_bench: fatal: out of memory\n");
    exit(111);
  }
  memset(c.src, 0x5a, len);
  memset(c.dst, 0, len);
  double t = bench_time(copy, &c, 5);
  free(c.dst);
  free(c.src);
  return t;
}

static void row(const char *workload, const char *format, const char *op,
                size_t bytes, double t, double copy_t) {
  printf("%-8s %-8s %-7s %9zu %12.3f %10.1f %9.2f\n", workload, format, op,
         bytes, t * 1e6, (double)bytes / t / 1e6, t / copy_t);
}

static void report(const char *workload, const char *format,
                   const struct bench_result *r) {
  double c = memcpy_time(r->bytes);
  row(workload, format, "memcpy", r->bytes, c, c);
  row(workload, format, "encode", r->bytes, r->encode, c);
  row(workload, format, "serial", r->bytes, r->serialize, c);
  row(workload, format, "decode", r->bytes, r->decode, c);
  row(workload, format, "full", r->bytes, r->full, c);
}

static void run(const char *name, struct bench_node *tree) {
  struct bench_result r;
  bench_argdata(tree, &r);
  report(name, "argdata", &r);
#ifdef HAVE_MSGPACK
  bench_msgpack(tree, &r);
  report(name, "msgpack", &r);
#endif
  bench_tree_free(tree);
}

int main(int argc, char **argv) {
  size_t entries = 100000;
  if (argc > 2 || (argc == 2 && (entries = strtoul(argv[1], NULL, 10)) == 0)) {
    fprintf(stderr, "usage: argdata_bench [ENTRIES]\n");
    return 100;
  }
  struct utsname u;
  uname(&u);
  printf("# argdata_bench on %s %s %s, big map of %zu entries\n", u.sysname,
         u.release, u.machine, entries);
  printf("# ratio = time / time of memcpy of the same bytes (lower is "
         "better)\n");
  printf("%-8s %-8s %-7s %9s %12s %10s %9s\n", "workload", "format", "op",
         "bytes", "us/op", "MB/s", "x memcpy");
  run("config", bench_config_tree());
  run("bigmap", bench_big_map(entries));
  return 0;
}
