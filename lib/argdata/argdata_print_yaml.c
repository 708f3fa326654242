/*
 * argdata_print_yaml: print a value as YAML with explicit tags, in the
 * layout of the original library (doc/argdata-format.md, "YAML rendering").
 *
 * Maps and seqs are printed without recursion: every open container is a
 * frame on an explicit stack kept in heap chunks that never move (the keys
 * and values handed out by an iterator live inside that iterator, and a
 * nested iterator may point at them, so frames must stay put). Containers
 * nested more than ARGDATA_PRINT_YAML_MAX_DEPTH levels deep print as
 * `!truncated "map"` / `!truncated "seq"`, which bounds both the memory and
 * the indentation the printer spends on hostile input. No input can
 * overflow the C stack.
 */
#include <stdlib.h>

#include "argdata_print_yaml_impl.h"

enum frame_state { AT_KEY, AT_VALUE, AFTER_VALUE };

struct frame {
  bool is_map;
  enum frame_state state;
  unsigned depth;
  union {
    argdata_map_iterator_t map;
    argdata_seq_iterator_t seq;
  } it;
};

#define FRAMES_PER_CHUNK 32
#define MAX_CHUNKS                                                             \
  ((ARGDATA_PRINT_YAML_MAX_DEPTH + FRAMES_PER_CHUNK - 1) / FRAMES_PER_CHUNK)

struct stack {
  struct frame *chunks[MAX_CHUNKS];
  size_t n_frames;
};

/* The frame at position i (0 = outermost), allocating its chunk if needed.
 * Returns NULL past the depth limit or when out of memory. */
static struct frame *frame_at(struct stack *s, size_t i) {
  if (i >= ARGDATA_PRINT_YAML_MAX_DEPTH)
    return NULL;
  struct frame **chunk = &s->chunks[i / FRAMES_PER_CHUNK];
  if (*chunk == NULL) {
    *chunk = malloc(FRAMES_PER_CHUNK * sizeof(struct frame));
    if (*chunk == NULL)
      return NULL;
  }
  return &(*chunk)[i % FRAMES_PER_CHUNK];
}

static void newline_indent(unsigned depth, FILE *fp) {
  putc('\n', fp);
  for (unsigned i = 0; i < depth; ++i)
    putc(' ', fp);
}

/*
 * Print ad at the given depth. Scalars are printed completely. A non-empty
 * map or seq prints its opening bracket and pushes a frame that the loop in
 * argdata_print_yaml continues.
 */
static void begin_value(struct stack *s, const argdata_t *ad, unsigned depth,
                        FILE *fp) {
  if (argdata_print_yaml_scalar_(ad, fp))
    return;

  argdata_map_iterator_t map_it;
  argdata_map_iterate(ad, &map_it);
  bool is_map = map_it.index != ARGDATA_ITERATOR_INVALID;
  if (is_map && map_it.index == ARGDATA_ITERATOR_END) {
    fputs("!!map {}", fp);
    return;
  }
  if (!is_map) {
    argdata_seq_iterator_t seq_it;
    argdata_seq_iterate(ad, &seq_it);
    if (seq_it.index == ARGDATA_ITERATOR_END) {
      fputs("!!seq []", fp);
      return;
    }
  }

  /* Iterators are initialised in place: they may not be movable. */
  struct frame *f = frame_at(s, s->n_frames);
  if (f == NULL) {
    fputs(is_map ? "!truncated \"map\"" : "!truncated \"seq\"", fp);
    return;
  }
  f->is_map = is_map;
  f->state = AT_KEY;
  f->depth = depth;
  if (is_map)
    argdata_map_iterate(ad, &f->it.map);
  else
    argdata_seq_iterate(ad, &f->it.seq);
  ++s->n_frames;
  fputs(is_map ? "!!map {" : "!!seq [", fp);
}

/* Take the next step of the innermost open container. */
static void step(struct stack *s, FILE *fp) {
  struct frame *f = frame_at(s, s->n_frames - 1);
  const argdata_t *key = NULL, *value = NULL;
  bool have;

  if (f->is_map)
    have = argdata_map_get(&f->it.map, &key, &value);
  else
    have = argdata_seq_get(&f->it.seq, &value);

  switch (f->state) {
  case AT_KEY:
    if (!have) {
      /* END, or INVALID after a corrupt later entry: close normally. */
      newline_indent(f->depth, fp);
      putc(f->is_map ? '}' : ']', fp);
      --s->n_frames;
      return;
    }
    newline_indent(f->depth + 2, fp);
    if (f->is_map) {
      fputs("? ", fp);
      f->state = AT_VALUE;
      begin_value(s, key, f->depth + 2, fp);
    } else {
      f->state = AFTER_VALUE;
      begin_value(s, value, f->depth + 2, fp);
    }
    return;
  case AT_VALUE:
    newline_indent(f->depth + 2, fp);
    fputs(": ", fp);
    f->state = AFTER_VALUE;
    begin_value(s, value, f->depth + 2, fp);
    return;
  case AFTER_VALUE:
    putc(',', fp);
    if (f->is_map)
      argdata_map_next(&f->it.map);
    else
      argdata_seq_next(&f->it.seq);
    f->state = AT_KEY;
    return;
  }
}

void argdata_print_yaml(const argdata_t *ad, FILE *fp) {
  struct stack s = {.n_frames = 0};

  fputs("%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n", fp);
  begin_value(&s, ad, 0, fp);
  while (s.n_frames > 0)
    step(&s, fp);
  putc('\n', fp);

  for (size_t i = 0; i < MAX_CHUNKS; ++i)
    free(s.chunks[i]);
}
