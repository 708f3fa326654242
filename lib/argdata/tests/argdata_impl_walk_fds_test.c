/*
 * The iterative fd walk against a plain recursive reference, on generated
 * trees of maps, seqs and fds that are then damaged at random (truncated,
 * bytes flipped, garbage appended). The walk is compiled here a second time
 * with a 2-entry ring, so that dropping and rebuilding ancestors happens at
 * every few levels; the library's own walk (1024 entries) is checked
 * through argdata_serialized_length / argdata_serialize.
 */
#define WALK_FRAMES 2
#define argdata_impl_walk_fds walk_small
#include "../argdata_impl_walk_fds.c"
#undef argdata_impl_walk_fds

#include "argdata_test_util.h"

#define MAX_FDS 4096

struct offsets {
  size_t n;
  size_t at[MAX_FDS];
};

static void record(void *ctx, size_t offset) {
  struct offsets *o = ctx;
  if (o->n < MAX_FDS)
    o->at[o->n] = offset;
  ++o->n;
}

/* The reference: recursion over the (small, test-made) input. */
static void reference(const uint8_t *buf, const uint8_t *v, size_t len,
                      struct offsets *o) {
  if (len == 5 && v[0] == ADT_FD) {
    record(o, (size_t)(v + 1 - buf));
    return;
  }
  if (len == 0 || (v[0] != ADT_MAP && v[0] != ADT_SEQ))
    return;
  const uint8_t *p = v + 1, *end = v + len, *a, *b;
  size_t al, bl;
  while (argdata_impl_parse_subfield(&p, end, &a, &al)) {
    if (v[0] == ADT_MAP) {
      if (!argdata_impl_parse_subfield(&p, end, &b, &bl))
        break;
      reference(buf, a, al, o);
      reference(buf, b, bl, o);
    } else {
      reference(buf, a, al, o);
    }
  }
}

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint32_t rnd(uint32_t n) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)(rng % n);
}

/* Write a random value of at most depth levels at p; returns its length. */
static size_t gen(uint8_t *p, size_t cap, int depth) {
  if (cap < 16)
    return 0;
  uint32_t kind = depth > 0 ? rnd(6) : 3 + rnd(3);
  if (kind <= 2) { /* map (0), seq (1, 2) */
    size_t len = 1, n = rnd(4);
    p[0] = kind == 0 ? ADT_MAP : ADT_SEQ;
    if (kind == 0)
      n *= 2;
    for (size_t i = 0; i < n; ++i) {
      uint8_t tmp[4096];
      size_t room = cap - len - 4 < sizeof(tmp) ? cap - len - 4 : sizeof(tmp);
      size_t el = gen(tmp, room, depth - 1);
      if (cap - len < el + 4)
        break;
      len += argdata_impl_encode_subfield_length(el, p + len);
      memcpy(p + len, tmp, el);
      len += el;
    }
    return len;
  }
  if (kind == 3) { /* fd */
    p[0] = ADT_FD;
    for (int i = 1; i < 5; ++i)
      p[i] = (uint8_t)rnd(3);
    return 5;
  }
  size_t len = kind == 4 ? 1 + rnd(8) : 1 + rnd(4);
  p[0] = kind == 4 ? ADT_FD /* almost an fd */ : (uint8_t)(1 + rnd(9));
  for (size_t i = 1; i < len; ++i)
    p[i] = (uint8_t)rnd(256);
  return len;
}

static bool same(const struct offsets *a, const struct offsets *b) {
  if (a->n != b->n)
    return false;
  size_t n = a->n < MAX_FDS ? a->n : MAX_FDS;
  return memcmp(a->at, b->at, n * sizeof(a->at[0])) == 0;
}

static void check(const uint8_t *buf, size_t len, size_t iter, bool *ok) {
  static struct offsets want, got;
  want.n = got.n = 0;
  reference(buf, buf, len, &want);
  walk_small(buf, len, record, &got);
  if (!same(&want, &got)) {
    if (*ok)
      tap_diag("iteration %zu: %zu fds expected, %zu found", iter, want.n,
               got.n);
    *ok = false;
  }
  /* The library's walk, through the public API. */
  argdata_t *ad = argdata_from_buffer(buf, len, test_convert_identity, NULL);
  size_t size, bound;
  argdata_serialized_length(ad, &size, &bound);
  if (size != len || bound != want.n)
    *ok = false;
  /* Remapping: expected bytes from the reference offsets. */
  static uint8_t expect[1 << 16], out[1 << 16];
  static int fds[MAX_FDS], want_fds[MAX_FDS];
  size_t n_want = 0;
  memcpy(expect, buf, len);
  for (size_t i = 0; i < want.n && i < MAX_FDS; ++i) {
    const uint8_t *q = buf + want.at[i];
    uint32_t raw = (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 |
                   (uint32_t)q[2] << 8 | q[3];
    uint32_t num = UINT32_MAX;
    if (raw <= INT_MAX) {
      size_t j = 0;
      while (j < n_want && want_fds[j] != (int)raw)
        ++j;
      if (j == n_want)
        want_fds[n_want++] = (int)raw;
      num = (uint32_t)j;
    }
    uint8_t *e = expect + want.at[i];
    e[0] = (uint8_t)(num >> 24);
    e[1] = (uint8_t)(num >> 16);
    e[2] = (uint8_t)(num >> 8);
    e[3] = (uint8_t)num;
  }
  if (want.n <= MAX_FDS) {
    size_t n = argdata_serialize(ad, out, fds);
    if (n != n_want || memcmp(fds, want_fds, n * sizeof(int)) != 0 ||
        memcmp(out, expect, len) != 0)
      *ok = false;
  }
  argdata_free(ad);
}

int main(void) {
  static uint8_t buf[1 << 16];
  bool ok = true;
  size_t total_fds = 0;
  for (size_t iter = 0; iter < 20000; ++iter) {
    size_t len = gen(buf, sizeof(buf) - 64, 2 + (int)rnd(12));
    switch (rnd(5)) {
    case 0: /* truncate */
      len = len > 0 ? rnd((uint32_t)len) : 0;
      break;
    case 1: /* flip a byte */
      if (len > 0)
        buf[rnd((uint32_t)len)] ^= (uint8_t)(1 + rnd(255));
      break;
    case 2: /* append garbage */
      for (int i = 0; i < 8; ++i)
        buf[len++] = (uint8_t)rnd(256);
      break;
    default:
      break;
    }
    static struct offsets count;
    count.n = 0;
    reference(buf, buf, len, &count);
    total_fds += count.n;
    check(buf, len, iter, &ok);
  }
  tap_diag("%zu fd values in 20000 inputs", total_fds);
  tap_ok(total_fds > 20000, "the generated inputs hold many fds");
  tap_ok(ok, "2-entry-ring walk, library walk and serialize match the "
             "reference");

  /* A deep path with siblings on both sides of each level (ring of 2). */
  static uint8_t deep[1 << 16];
  size_t sizes[2001];
  size_t depth = 2000;
  sizes[depth] = 5;
  for (size_t d = depth; d-- > 0;)
    sizes[d] = 1 + 6 + argdata_impl_subfield_prefix_size(sizes[d + 1]) +
               sizes[d + 1] + 6;
  size_t len = 0;
  for (size_t d = 0; d < depth; ++d) {
    deep[len++] = d % 2 ? ADT_SEQ : ADT_MAP;
    if (d % 2 == 0) { /* {fd: child, fd: fd}: written as pairs */
      memcpy(deep + len, "\x85\x03\0\0\0\x01", 6);
      len += 6;
    } else {
      memcpy(deep + len, "\x85\x03\0\0\0\x02", 6);
      len += 6;
    }
    len += argdata_impl_encode_subfield_length(sizes[d + 1], deep + len);
  }
  memcpy(deep + len, "\x03\0\0\0\x03", 5);
  len += 5;
  for (size_t d = depth; d-- > 0;) {
    memcpy(deep + len, "\x85\x03\0\0\0\x04", 6);
    len += 6;
  }
  /* Maps here have an odd subfield count ({fd: child, fd}): the trailing
   * key without a value must be skipped, exactly as the reference does. */
  bool deep_ok = true;
  check(deep, len, 0, &deep_ok);
  tap_ok(deep_ok, "2000-level path with siblings: walk matches reference");
  return tap_done();
}
