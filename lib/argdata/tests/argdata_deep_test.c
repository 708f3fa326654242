/*
 * Deeply nested input (100000 levels) must not crash, recurse or be
 * mis-numbered: iteration walks down it level by level, and the fd walk of
 * argdata_serialized_length / argdata_serialize (which keeps a bounded
 * stack and rebuilds it from the root when the input nests deeper) numbers
 * every descriptor in order of appearance.
 */
#include <time.h>

#include "argdata_test_util.h"

#define DEPTH 100000

static size_t prefix_size(size_t len) {
  size_t n = 1;
  while (len >= 0x80) {
    len >>= 7;
    ++n;
  }
  return n;
}

static unsigned char *put_prefix(unsigned char *p, size_t len) {
  size_t n = prefix_size(len);
  for (size_t i = n; i > 0; --i) {
    p[i - 1] = (unsigned char)(len & 0x7f);
    len >>= 7;
  }
  p[n - 1] |= 0x80;
  return p + n;
}

static unsigned char *put_fd(unsigned char *p, uint32_t v, size_t *pos,
                             size_t *n, unsigned char *base) {
  *p++ = 0x85;
  *p++ = 0x03;
  pos[(*n)++] = (size_t)(p - base);
  *p++ = (unsigned char)(v >> 24);
  *p++ = (unsigned char)(v >> 16);
  *p++ = (unsigned char)(v >> 8);
  *p++ = (unsigned char)v;
  return p;
}

/* The raw fd number of level d: repeats, so numbering must deduplicate. */
#define RAW(d) ((uint32_t)(((d)*7) % 1021))

/*
 * Level d (0 <= d < DEPTH) holds level d + 1 and the fd RAW(d), as
 * [child, fd] (d % 3 == 0), {child: fd} (1) or {fd: child} (2); level
 * DEPTH is the fd RAW(DEPTH). Returns the buffer; fd payload offsets in pos[].
 */
static unsigned char *build_mixed(size_t *len, size_t *pos, uint32_t *raw) {
  size_t *size = malloc(sizeof(size_t) * (DEPTH + 1));
  size[DEPTH] = 5;
  for (size_t d = DEPTH; d-- > 0;)
    size[d] = 1 + prefix_size(size[d + 1]) + size[d + 1] + 6;
  unsigned char *buf = malloc(size[0]), *p = buf;
  size_t n = 0;
  for (size_t d = 0; d < DEPTH; ++d) {
    *p++ = d % 3 == 0 ? 0x07 : 0x06;
    if (d % 3 == 2) {
      raw[n] = RAW(d);
      p = put_fd(p, RAW(d), pos, &n, buf);
    }
    p = put_prefix(p, size[d + 1]);
  }
  *p++ = 0x03;
  raw[n] = RAW(DEPTH);
  pos[n++] = (size_t)(p - buf);
  *p++ = 0;
  *p++ = 0;
  *p++ = (unsigned char)(RAW(DEPTH) >> 8);
  *p++ = (unsigned char)RAW(DEPTH);
  for (size_t d = DEPTH; d-- > 0;) {
    if (d % 3 != 2) {
      raw[n] = RAW(d);
      p = put_fd(p, RAW(d), pos, &n, buf);
    }
  }
  *len = (size_t)(p - buf);
  tap_eq_uint(size[0], *len, "mixed nest: built %zu bytes", *len);
  free(size);
  return buf;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_mixed(void) {
  size_t *pos = malloc(sizeof(size_t) * (DEPTH + 1));
  uint32_t *raw = malloc(sizeof(uint32_t) * (DEPTH + 1));
  size_t len;
  unsigned char *buf = build_mixed(&len, pos, raw);
  argdata_t *ad = argdata_from_buffer(buf, len, test_convert_identity, NULL);
  size_t size, bound;
  double t0 = now();
  argdata_serialized_length(ad, &size, &bound);
  tap_diag("serialized_length (fd walk only): %.3f s", now() - t0);
  tap_eq_uint(len, size, "mixed nest: serialized_length size");
  tap_eq_uint(DEPTH + 1, bound, "mixed nest: every fd counted");
  unsigned char *out = malloc(len);
  int *fds = malloc(sizeof(int) * (DEPTH + 1));
  size_t n = argdata_serialize(ad, out, fds);
  double t1 = now();
  tap_diag("length + serialize with remapping: %.3f s", t1 - t0);
  tap_eq_uint(1021, n, "mixed nest: 1021 distinct fds");
  /* Expected numbering: order of first appearance in byte order. */
  int rank[1021];
  size_t next = 0;
  bool order_ok = true, bytes_ok = true;
  for (size_t i = 0; i < 1021; ++i)
    rank[i] = -1;
  for (size_t i = 0; i <= DEPTH; ++i) {
    if (rank[raw[i]] < 0) {
      rank[raw[i]] = (int)next;
      if (next >= n || fds[next] != (int)raw[i])
        order_ok = false;
      ++next;
    }
    const unsigned char *q = out + pos[i];
    uint32_t got = (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 |
                   (uint32_t)q[2] << 8 | q[3];
    if (got != (uint32_t)rank[raw[i]])
      bytes_ok = false;
    memcpy(buf + pos[i], q, 4); /* so the rest can be compared below */
  }
  tap_ok(bytes_ok, "mixed nest: each fd written as its rank");
  tap_ok(order_ok, "mixed nest: fds[] in order of first appearance");
  tap_ok(memcmp(buf, out, len) == 0, "mixed nest: other bytes unchanged");
  argdata_free(ad);
  free(fds);
  free(out);
  free(buf);
  free(raw);
  free(pos);
}

/* DEPTH seqs, each the only element of its parent, around one fd. */
static void test_seq_nest(void) {
  size_t cap = 5 + (size_t)DEPTH * 5;
  unsigned char *buf = malloc(cap);
  /* Build inside out at the end of the buffer. */
  size_t start = cap - 5, len;
  memcpy(buf + start, "\x03\x00\x00\x00\x2a", 5);
  for (size_t d = 0; d < DEPTH; ++d) {
    size_t inner = cap - start;
    size_t pl = prefix_size(inner);
    start -= pl + 1;
    buf[start] = 0x07;
    put_prefix(buf + start + 1, inner);
  }
  len = cap - start;
  argdata_t *ad =
      argdata_from_buffer(buf + start, len, test_convert_identity, NULL);
  /* Walk down by iteration (no recursion in the library or here). */
  const argdata_t *cur = ad;
  argdata_seq_iterator_t its[2];
  size_t depth = 0;
  for (;;) {
    argdata_seq_iterator_t *it = &its[depth % 2];
    const argdata_t *e;
    argdata_seq_iterate(cur, it);
    if (!argdata_seq_get(it, &e))
      break;
    ++depth;
    cur = e;
  }
  int fd = -1;
  tap_eq_uint(DEPTH, depth, "seq nest: iterated down %d levels", DEPTH);
  tap_eq_int(0, argdata_get_fd(cur, &fd), "seq nest: innermost is an fd");
  tap_eq_int(42, fd, "seq nest: innermost fd is 42");
  size_t size, bound;
  argdata_serialized_length(ad, &size, &bound);
  tap_eq_uint(1, bound, "seq nest: one fd counted");
  unsigned char *out = malloc(len);
  int fds[1] = {-1};
  tap_eq_uint(1, argdata_serialize(ad, out, fds), "seq nest: one fd");
  tap_eq_int(42, fds[0], "seq nest: fds[0] is 42");
  tap_eq_bytes("\x03\0\0\0\0", 5, out + len - 5, 5,
               "seq nest: innermost fd written as 0");
  /* Truncate the innermost fd: every level stays well-formed, no fd. */
  buf[cap - 1] = 0x80; /* corrupt nothing structural; change the fd value */
  argdata_free(ad);
  /* A deep nest cut short: the outer lengths run past the end. */
  ad = argdata_from_buffer(buf + start, len - 1, test_convert_identity, NULL);
  argdata_serialized_length(ad, &size, &bound);
  tap_eq_uint(0, bound, "truncated nest: no fd reachable");
  tap_eq_uint(0, argdata_serialize(ad, out, fds), "truncated nest: no fd");
  tap_ok(memcmp(out, buf + start, len - 1) == 0,
         "truncated nest: copied verbatim");
  argdata_free(ad);
  free(out);
  free(buf);
}

int main(void) {
  test_mixed();
  test_seq_nest();
  return tap_done();
}
