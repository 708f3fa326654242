/*
 * argdata_impl_walk_fds: find every fd value in a serialised buffer, in
 * increasing offset order, without recursion and without allocation.
 *
 * The walk keeps one frame per open container (its read position, its end
 * and, for maps, whether the value of the current pair comes next). Frames
 * live in a fixed ring of WALK_FRAMES entries on the stack. When the input
 * nests deeper than that, the oldest frames are dropped and counted; when the
 * ring later runs empty while dropped frames remain, they are rebuilt by
 * descending again from the root to the container just finished (the path
 * is the same because the buffer does not change). Deep input therefore
 * costs time, one descent per WALK_FRAMES levels climbed, but never stack.
 *
 * Containers are read exactly as the iterators read them: a map entry is
 * used only if both its key and its value parse, and the first corrupt
 * subfield ends the container (its remaining bytes hold no fd values).
 */
#include "argdata_impl.h"

#define WALK_FRAMES 128

struct walk_frame {
  const uint8_t *start; /* the container's payload (after its tag) */
  const uint8_t *pos;   /* next subfield */
  const uint8_t *end;
  bool is_map;
  bool pending_value; /* map: the key was entered, its value comes next */
};

struct walk {
  const uint8_t *buf;
  size_t len;
  void (*visit)(void *, size_t);
  void *ctx;
  struct walk_frame ring[WALK_FRAMES];
  size_t bottom; /* ring index of the oldest frame kept */
  size_t count;  /* frames kept */
  size_t lost;   /* older frames dropped from the ring */
};

static struct walk_frame *walk_top(struct walk *w) {
  return &w->ring[(w->bottom + w->count - 1) % WALK_FRAMES];
}

static void walk_push(struct walk *w, const struct walk_frame *f) {
  if (w->count == WALK_FRAMES) {
    w->bottom = (w->bottom + 1) % WALK_FRAMES;
    ++w->lost;
  } else {
    ++w->count;
  }
  *walk_top(w) = *f;
}

static bool is_container(const uint8_t *v, size_t len) {
  return len >= 1 && (v[0] == ADT_MAP || v[0] == ADT_SEQ);
}

static struct walk_frame frame_of(const uint8_t *v, size_t len) {
  struct walk_frame f = {
      .start = v + 1,
      .pos = v + 1,
      .end = v + len,
      .is_map = v[0] == ADT_MAP,
      .pending_value = false,
  };
  return f;
}

/*
 * Read the next element of container f: store it and advance f. False when
 * the container is finished (end reached, or corrupt from here on).
 */
static bool frame_next(struct walk_frame *f, const uint8_t **v, size_t *len) {
  if (!f->is_map)
    return argdata_impl_parse_subfield(&f->pos, f->end, v, len);
  if (f->pending_value) {
    f->pending_value = false;
    return argdata_impl_parse_subfield(&f->pos, f->end, v, len);
  }
  const uint8_t *p = f->pos, *val;
  size_t val_len;
  if (!argdata_impl_parse_subfield(&p, f->end, v, len) ||
      !argdata_impl_parse_subfield(&p, f->end, &val, &val_len))
    return false;
  f->pos = *v + *len;
  f->pending_value = true;
  return true;
}

/*
 * Rebuild the dropped frames: the lost containers enclosing the value whose
 * tag is at target, outermost first. Only the innermost WALK_FRAMES are
 * kept. Returns false if the path cannot be found (cannot happen for an
 * unchanged buffer; the walk then stops rather than loop).
 */
static bool walk_refill(struct walk *w, const uint8_t *target) {
  size_t depth = w->lost;
  size_t keep = depth < WALK_FRAMES ? depth : WALK_FRAMES;
  struct walk_frame f;
  if (!is_container(w->buf, w->len))
    return false;
  f = frame_of(w->buf, w->len);
  w->bottom = 0;
  w->count = 0;
  for (size_t d = 0; d < depth; ++d) {
    const uint8_t *v;
    size_t len;
    for (;;) {
      if (!frame_next(&f, &v, &len))
        return false;
      if (target >= v && target < v + len)
        break;
    }
    if (d >= depth - keep)
      w->ring[w->count++] = f;
    if (v == target)
      break;
    if (!is_container(v, len))
      return false;
    f = frame_of(v, len);
  }
  if (w->count != keep)
    return false;
  w->lost -= keep;
  return true;
}

static void walk_enter(struct walk *w, const uint8_t *v, size_t len) {
  if (len == 5 && v[0] == ADT_FD) {
    w->visit(w->ctx, (size_t)(v + 1 - w->buf));
  } else if (is_container(v, len)) {
    struct walk_frame f = frame_of(v, len);
    walk_push(w, &f);
  }
}

void argdata_impl_walk_fds(const uint8_t *buf, size_t len,
                           void (*visit)(void *ctx, size_t offset),
                           void *ctx) {
  struct walk w = {.buf = buf, .len = len, .visit = visit, .ctx = ctx};
  walk_enter(&w, buf, len);
  while (w.count > 0) {
    struct walk_frame *f = walk_top(&w);
    const uint8_t *v;
    size_t vlen;
    if (frame_next(f, &v, &vlen)) {
      walk_enter(&w, v, vlen);
      continue;
    }
    /* Container finished: pop it, rebuilding dropped ancestors if needed. */
    const uint8_t *done = f->start - 1;
    --w.count;
    if (w.count == 0 && w.lost > 0 && !walk_refill(&w, done))
      return;
  }
}
