/*
 * Pass 2: one node of the first document -> argdata. Depth-first, map key
 * before value, so that resources get their numbers in order of first
 * appearance. A node reached again through an alias returns the value it
 * already has: an aliased resource keeps its single number.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

static int track(struct config_ctx *ctx, struct config_node *node,
                 argdata_t *ad) {
  if (ad == NULL)
    return errno == EILSEQ
               ? config_fail(ctx, node, "a string is not valid UTF-8")
               : -ENOMEM;
  int rc = config_arena_track(ctx->arena, ad);
  if (rc == 0)
    node->ad = ad;
  return rc;
}

static int constant(struct config_node *node, const argdata_t *ad) {
  node->ad = (argdata_t *)ad; /* a static constant, never freed */
  return 0;
}

static argdata_t *create_int(bool negative, uintmax_t magnitude) {
  if (!negative)
    return argdata_create_int_u(magnitude);
  if (magnitude == (uintmax_t)INTMAX_MAX + 1)
    return argdata_create_int_s(INTMAX_MIN);
  return argdata_create_int_s(-(intmax_t)magnitude);
}

static int out_of_range(struct config_ctx *ctx, struct config_node *node) {
  config_fail(ctx, node, "integer %.60s is out of range", node->text);
  return config_hint(ctx, "integers must lie between -2^63 and 2^64-1; "
                          "quote the value to make it a string");
}

static int plain_scalar(struct config_ctx *ctx, struct config_node *node) {
  struct config_scalar s;
  int rc = config_scalar_resolve(node->text, node->len, &s);
  if (rc == -ERANGE)
    return out_of_range(ctx, node);
  if (rc != 0)
    return rc;
  switch (s.type) {
  case CONFIG_SCALAR_NULL:
    return constant(node, &argdata_null);
  case CONFIG_SCALAR_BOOL:
    return constant(node, s.boolean ? &argdata_true : &argdata_false);
  case CONFIG_SCALAR_INT:
    return track(ctx, node, create_int(s.negative, s.magnitude));
  case CONFIG_SCALAR_FLOAT:
    return track(ctx, node, argdata_create_float(s.number));
  case CONFIG_SCALAR_STR:
    break;
  }
  return track(ctx, node, argdata_create_str(node->text, node->len));
}

static int tagged_scalar(struct config_ctx *ctx, struct config_node *node,
                         enum config_tag tag) {
  char tb[64];
  const char *shown = config_tag_display(node->tag, tb, sizeof(tb));
  bool negative, b;
  uintmax_t mag;
  double d;
  int rc;
  switch (tag) {
  case CONFIG_TAG_NONE:
    if (node->plain)
      return plain_scalar(ctx, node);
    return track(ctx, node, argdata_create_str(node->text, node->len));
  case CONFIG_TAG_NONSPECIFIC:
  case CONFIG_TAG_STR:
    return track(ctx, node, argdata_create_str(node->text, node->len));
  case CONFIG_TAG_NULL:
    if (!config_scalar_is_null(node->text, node->len))
      return config_fail(ctx, node, "%s takes null, Null, NULL, ~ or "
                                    "nothing, not \"%.60s\"",
                         shown, node->text);
    return constant(node, &argdata_null);
  case CONFIG_TAG_BOOL:
    if (!config_scalar_bool(node->text, node->len, &b))
      return config_fail(ctx, node, "%s takes true or false, not \"%.60s\"",
                         shown, node->text);
    return constant(node, b ? &argdata_true : &argdata_false);
  case CONFIG_TAG_INT:
    rc = config_scalar_int(node->text, node->len, &negative, &mag);
    if (rc == -ERANGE)
      return out_of_range(ctx, node);
    if (rc != 0) {
      config_fail(ctx, node, "%s: \"%.60s\" is not an integer", shown,
                  node->text);
      return config_hint(ctx, "integers are decimal, 0o octal or 0x "
                              "hexadecimal, with an optional sign");
    }
    return track(ctx, node, create_int(negative, mag));
  case CONFIG_TAG_FLOAT:
    rc = config_scalar_float(node->text, node->len, &d);
    if (rc == -EINVAL &&
        config_scalar_int(node->text, node->len, &negative, &mag) == 0) {
      /* 0x and 0o integers (decimal ones are floats already). */
      d = negative ? -(double)mag : (double)mag;
      rc = 0;
    }
    if (rc == -ENOMEM)
      return rc;
    if (rc != 0) {
      config_fail(ctx, node, "%s: \"%.60s\" is not a number", shown,
                  node->text);
      return config_hint(ctx, "write 1.5, -2e10, .inf, -.inf or .nan");
    }
    return track(ctx, node, argdata_create_float(d));
  case CONFIG_TAG_BINARY: {
    unsigned char *buf = config_arena_alloc(ctx->arena, node->len / 4 * 3 + 3);
    size_t n;
    if (buf == NULL)
      return -ENOMEM;
    if (config_base64_decode(node->text, node->len, buf, &n) != 0) {
      config_fail(ctx, node, "%s: the value is not valid base64", shown);
      return config_hint(ctx, "use the characters A-Z a-z 0-9 + / in groups "
                              "of four, padded with =, such as "
                              "!!binary aGVsbG8= (base64 of \"hello\")");
    }
    return track(ctx, node, argdata_create_binary(buf, n));
  }
  case CONFIG_TAG_TIMESTAMP: {
    struct timespec ts;
    if (config_timestamp_parse(node->text, node->len, &ts) != 0) {
      config_fail(ctx, node, "%s: \"%.60s\" is not a timestamp", shown,
                  node->text);
      return config_hint(ctx, "write 2001-12-14, 2001-12-14T21:59:43.10Z or "
                              "2001-12-14 21:59:43.10 -5");
    }
    return track(ctx, node, argdata_create_timestamp(&ts));
  }
  case CONFIG_TAG_MAP:
  case CONFIG_TAG_SEQ:
    return config_fail(ctx, node, "%s cannot tag a scalar", shown);
  case CONFIG_TAG_FD:
  case CONFIG_TAG_FILE:
  case CONFIG_TAG_EXECUTABLE:
  case CONFIG_TAG_SOCKET:
  case CONFIG_TAG_LAUNCHER:
  case CONFIG_TAG_UNKNOWN:
    break;
  }
  return config_fail(ctx, node, "internal error: unexpected tag %s", shown);
}

static int convert_seq(struct config_ctx *ctx, struct config_node *node) {
  const argdata_t **v = NULL;
  if (node->n_items > 0) {
    v = config_arena_alloc(ctx->arena, node->n_items * sizeof(*v));
    if (v == NULL)
      return -ENOMEM;
  }
  for (size_t i = 0; i < node->n_items; ++i) {
    argdata_t *ad;
    int rc = config_node_to_argdata(ctx, node->items[i], &ad);
    if (rc != 0)
      return rc;
    v[i] = ad;
  }
  return track(ctx, node, argdata_create_seq(v, node->n_items));
}

struct key_bytes {
  unsigned char *buf;
  size_t len;
  size_t index;
};

static int key_compare(const void *a, const void *b) {
  const struct key_bytes *x = a, *y = b;
  if (x->len != y->len)
    return x->len < y->len ? -1 : 1;
  int c = x->len ? memcmp(x->buf, y->buf, x->len) : 0;
  if (c != 0)
    return c;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Keys are equal when their argdata encodings are: 1 and 0x1 are. */
static int check_duplicates(struct config_ctx *ctx, struct config_node *node,
                            const argdata_t **keys, size_t n) {
  if (n < 2)
    return 0;
  struct key_bytes *kb = calloc(n, sizeof(*kb));
  int rc = 0;
  if (kb == NULL)
    return -ENOMEM;
  for (size_t i = 0; i < n; ++i) {
    argdata_serialized_length(keys[i], &kb[i].len, NULL);
    kb[i].buf = malloc(kb[i].len ? kb[i].len : 1);
    kb[i].index = i;
    if (kb[i].buf == NULL) {
      rc = -ENOMEM;
      goto out;
    }
    argdata_serialize(keys[i], kb[i].buf, NULL);
  }
  qsort(kb, n, sizeof(*kb), key_compare);
  size_t first = SIZE_MAX, dup = SIZE_MAX, group = 0;
  for (size_t i = 1; i < n; ++i) {
    if (kb[i].len == kb[group].len &&
        (kb[i].len == 0 || memcmp(kb[i].buf, kb[group].buf, kb[i].len) == 0)) {
      if (kb[i].index < dup) {
        dup = kb[i].index;
        first = kb[group].index;
      }
    } else {
      group = i;
    }
  }
  if (dup != SIZE_MAX) {
    const struct config_node *k = node->items[2 * dup];
    const struct config_node *k0 = node->items[2 * first];
    if (k->kind == CONFIG_NODE_SCALAR)
      config_fail(ctx, k, "duplicate key \"%.60s\" in a mapping", k->text);
    else
      config_fail(ctx, k, "duplicate key in a mapping");
    config_hint(ctx, "the same key is first used at line %u, column %u",
                k0->line, k0->column);
    rc = -EINVAL;
  }
out:
  for (size_t i = 0; i < n; ++i)
    free(kb[i].buf);
  free(kb);
  return rc;
}

static int convert_map(struct config_ctx *ctx, struct config_node *node) {
  size_t n = node->n_items / 2;
  const argdata_t **k = NULL, **v = NULL;
  if (n > 0) {
    k = config_arena_alloc(ctx->arena, n * sizeof(*k));
    v = config_arena_alloc(ctx->arena, n * sizeof(*v));
    if (k == NULL || v == NULL)
      return -ENOMEM;
  }
  for (size_t i = 0; i < n; ++i) {
    argdata_t *ad;
    int rc = config_node_to_argdata(ctx, node->items[2 * i], &ad);
    if (rc != 0)
      return rc;
    k[i] = ad;
    rc = config_node_to_argdata(ctx, node->items[2 * i + 1], &ad);
    if (rc != 0)
      return rc;
    v[i] = ad;
  }
  int rc = check_duplicates(ctx, node, k, n);
  if (rc != 0)
    return rc;
  return track(ctx, node, argdata_create_map(k, v, n));
}

static int resource(struct config_ctx *ctx, struct config_node *node,
                    enum config_tag tag) {
  int number = -1, rc;
  switch (tag) {
  case CONFIG_TAG_FD:
    rc = config_resource_fd(ctx, node, &number);
    break;
  case CONFIG_TAG_FILE:
    rc = config_resource_file(ctx, node, &number);
    break;
  case CONFIG_TAG_EXECUTABLE:
    rc = config_resource_executable(ctx, node, &number);
    break;
  case CONFIG_TAG_SOCKET:
  case CONFIG_TAG_NONE:
  case CONFIG_TAG_NONSPECIFIC:
  case CONFIG_TAG_LAUNCHER:
  case CONFIG_TAG_STR:
  case CONFIG_TAG_INT:
  case CONFIG_TAG_FLOAT:
  case CONFIG_TAG_BOOL:
  case CONFIG_TAG_NULL:
  case CONFIG_TAG_BINARY:
  case CONFIG_TAG_TIMESTAMP:
  case CONFIG_TAG_MAP:
  case CONFIG_TAG_SEQ:
  case CONFIG_TAG_UNKNOWN:
    rc = config_resource_socket(ctx, node, &number);
    break;
  }
  if (rc != 0)
    return rc;
  return track(ctx, node, argdata_create_fd(number));
}

int config_node_to_argdata(struct config_ctx *ctx, struct config_node *node,
                           argdata_t **out) {
  static const char *const known[] = {"fd", "file", "executable", "socket"};
  char tb[64];
  int rc = 0;
  if (node->ad == NULL) {
    enum config_tag tag = config_tag_classify(node->tag);
    switch (tag) {
    case CONFIG_TAG_FD:
    case CONFIG_TAG_FILE:
    case CONFIG_TAG_EXECUTABLE:
    case CONFIG_TAG_SOCKET:
      rc = resource(ctx, node, tag);
      break;
    case CONFIG_TAG_LAUNCHER:
      config_fail(ctx, node, "!launcher may only tag the second document");
      rc = config_hint(ctx, "put the launcher settings after the argdata, "
                            "in a document of their own: --- !launcher");
      break;
    case CONFIG_TAG_UNKNOWN: {
      const char *shown = config_tag_display(node->tag, tb, sizeof(tb));
      const char *s = shown[0] == '!' && shown[1] != '!' && shown[1] != '<'
                          ? config_suggest(shown + 1, known, 4)
                          : NULL;
      config_fail(ctx, node, "unknown tag %s", shown);
      if (s != NULL)
        rc = config_hint(ctx, "did you mean !%s? known tags are !fd, !file, "
                              "!executable, !socket",
                         s);
      else
        rc = config_hint(ctx, "known tags are !fd, !file, !executable, "
                              "!socket (and YAML's !!str, !!int, !!float, "
                              "!!bool, !!null, !!binary, !!timestamp, !!map, "
                              "!!seq)");
      break;
    }
    case CONFIG_TAG_NONE:
    case CONFIG_TAG_NONSPECIFIC:
    case CONFIG_TAG_STR:
    case CONFIG_TAG_INT:
    case CONFIG_TAG_FLOAT:
    case CONFIG_TAG_BOOL:
    case CONFIG_TAG_NULL:
    case CONFIG_TAG_BINARY:
    case CONFIG_TAG_TIMESTAMP:
    case CONFIG_TAG_MAP:
    case CONFIG_TAG_SEQ:
      if (node->kind == CONFIG_NODE_SCALAR) {
        rc = tagged_scalar(ctx, node, tag);
        break;
      }
      if (tag != CONFIG_TAG_NONE && tag != CONFIG_TAG_NONSPECIFIC &&
          tag != (node->kind == CONFIG_NODE_SEQ ? CONFIG_TAG_SEQ
                                                : CONFIG_TAG_MAP)) {
        rc = config_fail(ctx, node, "%s cannot tag a %s",
                         config_tag_display(node->tag, tb, sizeof(tb)),
                         node->kind == CONFIG_NODE_SEQ ? "sequence"
                                                       : "mapping");
        break;
      }
      rc = node->kind == CONFIG_NODE_SEQ ? convert_seq(ctx, node)
                                         : convert_map(ctx, node);
      break;
    }
  }
  if (rc == 0)
    *out = node->ad;
  return rc;
}
