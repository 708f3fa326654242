/*
 * Pass 1: libyaml events of one document -> a tree of struct config_node.
 *
 * Aliases become shared pointers to the anchored node. An anchor is
 * registered when its node is complete, so an alias inside its own anchor
 * ("&a [*a]") is an undefined alias and the tree stays acyclic. Every node
 * carries its expanded weight and height, so that the alias-expansion and
 * depth limits hold for what the argdata will contain, not only for the
 * text.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "config_impl.h"

struct frame {
  struct config_node *node;
  struct config_node **kids;
  size_t n, cap;
  char *anchor; /* malloc'd, registered when the node is complete */
};

struct anchor {
  char *name; /* malloc'd */
  struct config_node *node;
};

struct reader {
  struct config_ctx *ctx;
  struct frame *frames;
  size_t depth, cap_frames;
  struct anchor *anchors; /* open addressing, power-of-two size */
  size_t n_anchors, cap_anchors;
  struct config_node *root;
};

static uint64_t hash_name(const char *s) {
  uint64_t h = UINT64_C(14695981039346656037);
  for (; *s != '\0'; ++s)
    h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
  return h;
}

static struct anchor *anchor_slot(struct anchor *t, size_t cap,
                                  const char *name) {
  size_t i = (size_t)hash_name(name) & (cap - 1);
  while (t[i].name != NULL && strcmp(t[i].name, name) != 0)
    i = (i + 1) & (cap - 1);
  return &t[i];
}

static int anchor_define(struct reader *r, char *name,
                         struct config_node *node) {
  if ((r->n_anchors + 1) * 2 > r->cap_anchors) {
    size_t cap = r->cap_anchors ? r->cap_anchors * 2 : 64;
    struct anchor *t = calloc(cap, sizeof(*t));
    if (t == NULL) {
      free(name);
      return -ENOMEM;
    }
    for (size_t i = 0; i < r->cap_anchors; ++i)
      if (r->anchors[i].name != NULL)
        *anchor_slot(t, cap, r->anchors[i].name) = r->anchors[i];
    free(r->anchors);
    r->anchors = t;
    r->cap_anchors = cap;
  }
  struct anchor *slot = anchor_slot(r->anchors, r->cap_anchors, name);
  if (slot->name != NULL) {
    /* YAML: a later anchor of the same name replaces the earlier one. */
    free(name);
  } else {
    slot->name = name;
    ++r->n_anchors;
  }
  slot->node = node;
  return 0;
}

static struct config_node *anchor_find(struct reader *r, const char *name) {
  if (r->cap_anchors == 0)
    return NULL;
  struct anchor *slot = anchor_slot(r->anchors, r->cap_anchors, name);
  return slot->name != NULL ? slot->node : NULL;
}

/* Attach a complete node to the open collection (or make it the root). */
static int attach(struct reader *r, struct config_node *child, bool alias,
                  unsigned line, unsigned column) {
  struct config_ctx *ctx = r->ctx;
  if (r->depth == 0) {
    r->root = child;
    return 0;
  }
  struct frame *f = &r->frames[r->depth - 1];
  struct config_node *parent = f->node;
  parent->weight += child->weight;
  if (parent->weight > ctx->max_weight) {
    if (alias) {
      config_fail_at(ctx, line, column,
                     "alias expansion exceeds the limit of %llu nodes and "
                     "bytes",
                     (unsigned long long)ctx->max_weight);
      return config_hint(ctx, "aliases may repeat data, not multiply it "
                              "(see CONFIG_MAX_EXPANSION)");
    }
    return config_fail_at(ctx, line, column,
                          "the document is larger than %llu nodes and bytes",
                          (unsigned long long)ctx->max_weight);
  }
  if (child->height + 1 > parent->height) {
    parent->height = child->height + 1;
    /* Remember the alias that makes this path deep, for the message. */
    parent->deep_line = alias ? line : child->deep_line;
    parent->deep_column = alias ? column : child->deep_column;
    if (parent->height > CONFIG_MAX_DEPTH) {
      if (parent->deep_line != 0) {
        line = parent->deep_line;
        column = parent->deep_column;
      }
      config_fail_at(ctx, line, column,
                     "nesting deeper than %d levels (through aliases)",
                     CONFIG_MAX_DEPTH);
      return config_hint(ctx, "flatten the configuration");
    }
  }
  if (f->n == f->cap) {
    size_t cap = f->cap ? f->cap * 2 : 8;
    struct config_node **k = realloc(f->kids, cap * sizeof(*k));
    if (k == NULL)
      return -ENOMEM;
    f->kids = k;
    f->cap = cap;
  }
  f->kids[f->n++] = child;
  return 0;
}

static struct config_node *new_node(struct reader *r,
                                    enum config_node_kind kind,
                                    const yaml_char_t *tag,
                                    const yaml_mark_t *mark) {
  struct config_node *n = config_arena_alloc(r->ctx->arena, sizeof(*n));
  if (n == NULL)
    return NULL;
  n->kind = kind;
  n->line = (unsigned)mark->line + 1;
  n->column = (unsigned)mark->column + 1;
  n->weight = 1;
  if (tag != NULL) {
    n->tag = config_arena_strndup(r->ctx->arena, (const char *)tag,
                                  strlen((const char *)tag));
    if (n->tag == NULL)
      return NULL;
  }
  return n;
}

static int anchor_dup(const yaml_char_t *anchor, char **out) {
  *out = NULL;
  if (anchor == NULL)
    return 0;
  *out = strdup((const char *)anchor);
  return *out == NULL ? -ENOMEM : 0;
}

static int on_scalar(struct reader *r, const yaml_event_t *ev) {
  struct config_node *n =
      new_node(r, CONFIG_NODE_SCALAR, ev->data.scalar.tag, &ev->start_mark);
  if (n == NULL)
    return -ENOMEM;
  n->len = ev->data.scalar.length;
  n->text = config_arena_strndup(r->ctx->arena,
                                 (const char *)ev->data.scalar.value, n->len);
  if (n->text == NULL)
    return -ENOMEM;
  n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
  n->weight = 1 + (uint64_t)n->len;
  if (ev->data.scalar.anchor != NULL) {
    char *name;
    int rc = anchor_dup(ev->data.scalar.anchor, &name);
    if (rc == 0)
      rc = anchor_define(r, name, n);
    if (rc != 0)
      return rc;
  }
  return attach(r, n, false, n->line, n->column);
}

static int on_start(struct reader *r, const yaml_event_t *ev,
                    enum config_node_kind kind) {
  const yaml_char_t *tag = kind == CONFIG_NODE_SEQ
                               ? ev->data.sequence_start.tag
                               : ev->data.mapping_start.tag;
  const yaml_char_t *anchor = kind == CONFIG_NODE_SEQ
                                  ? ev->data.sequence_start.anchor
                                  : ev->data.mapping_start.anchor;
  if (r->depth >= CONFIG_MAX_DEPTH) {
    config_fail_at(r->ctx, (unsigned)ev->start_mark.line + 1,
                   (unsigned)ev->start_mark.column + 1,
                   "nesting deeper than %d levels", CONFIG_MAX_DEPTH);
    return config_hint(r->ctx, "flatten the configuration");
  }
  struct config_node *n = new_node(r, kind, tag, &ev->start_mark);
  if (n == NULL)
    return -ENOMEM;
  n->height = 1;
  if (r->depth == r->cap_frames) {
    size_t cap = r->cap_frames ? r->cap_frames * 2 : 16;
    struct frame *f = realloc(r->frames, cap * sizeof(*f));
    if (f == NULL)
      return -ENOMEM;
    r->frames = f;
    r->cap_frames = cap;
  }
  struct frame *f = &r->frames[r->depth];
  memset(f, 0, sizeof(*f));
  f->node = n;
  ++r->depth;
  return anchor_dup(anchor, &f->anchor);
}

static int on_end(struct reader *r) {
  struct frame *f = &r->frames[r->depth - 1];
  struct config_node *n = f->node;
  n->n_items = f->n;
  if (f->n > 0) {
    n->items = config_arena_alloc(r->ctx->arena, f->n * sizeof(*n->items));
    if (n->items == NULL)
      return -ENOMEM;
    memcpy(n->items, f->kids, f->n * sizeof(*n->items));
  }
  free(f->kids);
  f->kids = NULL;
  char *anchor = f->anchor;
  f->anchor = NULL;
  --r->depth;
  if (anchor != NULL) {
    int rc = anchor_define(r, anchor, n);
    if (rc != 0)
      return rc;
  }
  return attach(r, n, false, n->line, n->column);
}

static int on_alias(struct reader *r, const yaml_event_t *ev) {
  const char *name = (const char *)ev->data.alias.anchor;
  unsigned line = (unsigned)ev->start_mark.line + 1;
  unsigned column = (unsigned)ev->start_mark.column + 1;
  struct config_node *target = anchor_find(r, name);
  if (target == NULL) {
    config_fail_at(r->ctx, line, column, "alias *%s refers to no anchor",
                   name);
    return config_hint(r->ctx, "define &%s before the alias, and not around "
                               "it (recursive aliases are not allowed)",
                       name);
  }
  return attach(r, target, true, line, column);
}

/* Turn a libyaml failure into an error. */
static int yaml_failure(struct config_ctx *ctx, const yaml_parser_t *p) {
  if (p->error == YAML_MEMORY_ERROR)
    return -ENOMEM;
  const char *problem = p->problem ? p->problem : "malformed YAML";
  if (p->error == YAML_READER_ERROR) {
    /* Only a byte offset is known: derive the line and column. */
    const unsigned char *in = p->input.string.start;
    size_t off = p->problem_offset, size =
        (size_t)(p->input.string.end - p->input.string.start);
    unsigned line = 1, column = 1;
    for (size_t i = 0; in != NULL && i < off && i < size; ++i) {
      if (in[i] == '\n') {
        ++line;
        column = 1;
      } else if ((in[i] & 0xc0) != 0x80) {
        ++column;
      }
    }
    config_fail_at(ctx, line, column, "%s (byte %zu)", problem, off);
    return config_hint(ctx, "a configuration must be UTF-8 (or UTF-16) text");
  }
  unsigned line = (unsigned)p->problem_mark.line + 1;
  unsigned column = (unsigned)p->problem_mark.column + 1;
  if (p->context != NULL)
    config_fail_at(ctx, line, column, "malformed YAML: %s: %s", p->context,
                   problem);
  else
    config_fail_at(ctx, line, column, "malformed YAML: %s", problem);
  if (p->context != NULL)
    config_hint(ctx, "the construct started at line %u, column %u",
                (unsigned)p->context_mark.line + 1,
                (unsigned)p->context_mark.column + 1);
  return -EINVAL;
}

static void reader_cleanup(struct reader *r) {
  for (size_t i = 0; i < r->depth; ++i) {
    free(r->frames[i].kids);
    free(r->frames[i].anchor);
  }
  free(r->frames);
  for (size_t i = 0; i < r->cap_anchors; ++i)
    free(r->anchors[i].name);
  free(r->anchors);
}

int config_yaml_read_document(struct config_ctx *ctx, yaml_parser_t *parser,
                              struct config_node **root, unsigned *doc_line,
                              unsigned *doc_column) {
  struct reader r = {.ctx = ctx};
  int rc = 0;
  *root = NULL;
  for (;;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(parser, &ev)) {
      rc = yaml_failure(ctx, parser);
      break;
    }
    switch (ev.type) {
    case YAML_STREAM_START_EVENT:
    case YAML_NO_EVENT:
      break;
    case YAML_STREAM_END_EVENT:
      rc = 0;
      yaml_event_delete(&ev);
      goto out;
    case YAML_DOCUMENT_START_EVENT:
      *doc_line = (unsigned)ev.start_mark.line + 1;
      *doc_column = (unsigned)ev.start_mark.column + 1;
      break;
    case YAML_DOCUMENT_END_EVENT:
      rc = 1;
      *root = r.root;
      yaml_event_delete(&ev);
      goto out;
    case YAML_ALIAS_EVENT:
      rc = on_alias(&r, &ev);
      break;
    case YAML_SCALAR_EVENT:
      rc = on_scalar(&r, &ev);
      break;
    case YAML_SEQUENCE_START_EVENT:
      rc = on_start(&r, &ev, CONFIG_NODE_SEQ);
      break;
    case YAML_MAPPING_START_EVENT:
      rc = on_start(&r, &ev, CONFIG_NODE_MAP);
      break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      rc = r.depth > 0 ? on_end(&r)
                       : config_fail_at(ctx, (unsigned)ev.start_mark.line + 1,
                                        (unsigned)ev.start_mark.column + 1,
                                        "malformed YAML: unbalanced end");
      break;
    }
    yaml_event_delete(&ev);
    if (rc < 0)
      break;
  }
out:
  reader_cleanup(&r);
  return rc;
}
