/*
 * argdata_impl_walk_fds: find every fd value in a serialised buffer, in
 * increasing offset order, without recursion and without allocation.
 *
 * The walk reads the innermost open container with a cursor (read position,
 * end, map or seq, and for maps whether the current pair's value comes
 * next). Each enclosing container is remembered as one 64-bit word: its end
 * offset and those two flags; its read position need not be stored, since
 * it is the end of the child being read. The words live in a fixed ring of
 * WALK_FRAMES entries (8 KiB) on the stack, which is never cleared: only
 * the slots in use are ever read, and a value that is not a container
 * returns before the ring is set up at all.
 *
 * When the input nests deeper than that, the oldest words are dropped and
 * counted. When the ring later runs empty while dropped words remain, they
 * are rebuilt by descending again from the root towards the last byte of
 * the container just finished, for exactly as many levels as were dropped
 * (the buffer does not change, so the path is the same). Input nested
 * deeper than WALK_FRAMES therefore costs one extra descent per WALK_FRAMES
 * levels climbed, but never stack or heap.
 *
 * Containers are read exactly as the iterators read them: a map entry is
 * used only if both its key and its value parse, and the first corrupt
 * subfield ends the container (its remaining bytes hold no fd values).
 */
#include "argdata_impl.h"

#ifndef WALK_FRAMES
#define WALK_FRAMES 1024 /* tests include this file with a smaller ring */
#endif
#define WORD_MAP (UINT64_C(1) << 63)
#define WORD_PENDING (UINT64_C(1) << 62)
#define WORD_END (WORD_PENDING - 1)

/* Offsets fit in 62 bits: no buffer spans 2^62 bytes of address space. */
static_assert(sizeof(size_t) <= sizeof(uint64_t), "size_t wider than 64 bits");

struct cursor {
  size_t pos;
  size_t end;
  bool is_map;
  bool pending; /* map: the key was entered, its value comes next */
};

struct walk {
  const uint8_t *buf;
  size_t len;
  void (*visit)(void *, size_t);
  void *ctx;
  uint64_t ring[WALK_FRAMES];
  size_t bottom; /* ring index of the oldest word kept */
  size_t count;  /* words kept */
  size_t lost;   /* older words dropped from the ring */
};

static bool is_container(const uint8_t *v, size_t len) {
  return len >= 1 && (v[0] == ADT_MAP || v[0] == ADT_SEQ);
}

static struct cursor cursor_of(const struct walk *w, const uint8_t *v,
                               size_t len) {
  size_t off = (size_t)(v - w->buf);
  struct cursor c = {
      .pos = off + 1,
      .end = off + len,
      .is_map = v[0] == ADT_MAP,
      .pending = false,
  };
  return c;
}

static uint64_t word_of(const struct cursor *c) {
  return (uint64_t)c->end | (c->is_map ? WORD_MAP : 0) |
         (c->pending ? WORD_PENDING : 0);
}

/*
 * Read the next element of the container under c and advance c. False when
 * the container is finished (end reached, or corrupt from here on).
 */
static bool cursor_next(const struct walk *w, struct cursor *c,
                        const uint8_t **v, size_t *len) {
  const uint8_t *p = w->buf + c->pos, *end = w->buf + c->end;
  if (!c->is_map || c->pending) {
    if (!argdata_impl_parse_subfield(&p, end, v, len))
      return false;
    c->pos = (size_t)(p - w->buf);
    c->pending = false;
    return true;
  }
  const uint8_t *val;
  size_t val_len;
  if (!argdata_impl_parse_subfield(&p, end, v, len) ||
      !argdata_impl_parse_subfield(&p, end, &val, &val_len))
    return false;
  c->pos = (size_t)(*v + *len - w->buf);
  c->pending = true;
  return true;
}

static void ring_push(struct walk *w, uint64_t word) {
  if (w->count == WALK_FRAMES) {
    w->bottom = (w->bottom + 1) % WALK_FRAMES;
    ++w->lost;
  } else {
    ++w->count;
  }
  w->ring[(w->bottom + w->count - 1) % WALK_FRAMES] = word;
}

/*
 * Rebuild the innermost dropped words: the w->lost containers enclosing the
 * container whose last byte is at offset last. Returns false if the path
 * cannot be found (impossible for an unchanged buffer; the walk then stops
 * instead of looping).
 */
static bool ring_refill(struct walk *w, size_t last) {
  size_t depth = w->lost;
  size_t keep = depth < WALK_FRAMES ? depth : WALK_FRAMES;
  struct cursor c;
  if (!is_container(w->buf, w->len))
    return false;
  c = cursor_of(w, w->buf, w->len);
  w->bottom = 0;
  w->count = 0;
  for (size_t d = 0; d < depth; ++d) {
    const uint8_t *v;
    size_t len, off;
    do {
      if (!cursor_next(w, &c, &v, &len))
        return false;
      off = (size_t)(v - w->buf);
    } while (!(last >= off && last - off < len));
    if (d >= depth - keep)
      w->ring[w->count++] = word_of(&c);
    if (!is_container(v, len))
      return false;
    c = cursor_of(w, v, len);
  }
  w->lost -= keep;
  return true;
}

void argdata_impl_walk_fds(const uint8_t *buf, size_t len,
                           void (*visit)(void *ctx, size_t offset), void *ctx) {
  /*
   * Not "= {...}": an initialiser would zero the whole 8 KiB ring on every
   * call, and serialising calls this once per scalar. Only the scalar
   * fields are set; a ring slot is always written before it is read
   * (ring_push and ring_refill write below bottom + count, the loop reads
   * only below it).
   */
  struct walk w;
  struct cursor top;
  if (len == 5 && buf[0] == ADT_FD)
    visit(ctx, 1);
  if (!is_container(buf, len))
    return;
  w.buf = buf;
  w.len = len;
  w.visit = visit;
  w.ctx = ctx;
  w.bottom = 0;
  w.count = 0;
  w.lost = 0;
  top = cursor_of(&w, buf, len);
  for (;;) {
    const uint8_t *v;
    size_t vlen;
    if (cursor_next(&w, &top, &v, &vlen)) {
      if (vlen == 5 && v[0] == ADT_FD) {
        visit(ctx, (size_t)(v + 1 - buf));
      } else if (is_container(v, vlen)) {
        ring_push(&w, word_of(&top));
        top = cursor_of(&w, v, vlen);
      }
      continue;
    }
    /* The container under top is finished: resume its parent. */
    if (w.count == 0) {
      if (w.lost == 0 || !ring_refill(&w, top.end - 1))
        return;
    }
    uint64_t word = w.ring[(w.bottom + w.count - 1) % WALK_FRAMES];
    --w.count;
    top.pos = top.end;
    top.end = (size_t)(word & WORD_END);
    top.is_map = (word & WORD_MAP) != 0;
    top.pending = (word & WORD_PENDING) != 0;
  }
}
