/*
 * The second document, tagged !launcher: launcher settings (keys exactly as
 * in cloudabi-run(1); unknown keys are errors). Scalars are read as the
 * text written, so `timeout: 2.5` and `as: 512M` need no quoting.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

enum {
  K_ARGV, K_ENV, K_STDIN, K_STDOUT, K_STDERR, K_WORKDIR, K_PROFILE, K_LIMITS,
  K_TIMEOUT, K_USER, K_ALLOW_DEGRADED, K_COUNT
};
static const char *const keys[] = {
    "argv",    "env",    "stdin",   "stdout", "stderr",        "workdir",
    "profile", "limits", "timeout", "user",   "allow_degraded"};

enum { L_AS, L_CPU, L_NOFILE, L_NPROC, L_FSIZE, L_COUNT };
static const char *const limit_keys[] = {"as", "cpu", "nofile", "nproc",
                                         "fsize"};

/* A scalar setting as a non-empty string without NUL bytes. */
static int text(struct config_ctx *ctx, const struct config_node *v,
                const char *what, bool allow_empty, const char **out) {
  int rc = config_field_scalar(ctx, v, what);
  if (rc != 0)
    return rc;
  if (memchr(v->text, '\0', v->len) != NULL)
    return config_fail(ctx, v, "%s contains a NUL byte", what);
  if (!allow_empty && (v->len == 0 || (v->plain && v->tag == NULL &&
                                       config_scalar_is_null(v->text,
                                                             v->len))))
    return config_fail(ctx, v, "%s is empty", what);
  *out = v->text;
  return 0;
}

static int parse_argv(struct config_ctx *ctx, const struct config_node *v,
                      const char ***argv) {
  enum config_tag tag = config_tag_classify(v->tag);
  if (v->kind != CONFIG_NODE_SEQ ||
      (tag != CONFIG_TAG_NONE && tag != CONFIG_TAG_SEQ)) {
    config_fail(ctx, v, "argv must be a sequence of strings");
    return config_hint(ctx, "write argv: [program, --flag]");
  }
  if (v->n_items == 0) {
    config_fail(ctx, v, "argv is empty");
    return config_hint(ctx, "argv[0] is required: write argv: [program]");
  }
  const char **a = config_arena_alloc(ctx->arena,
                                      (v->n_items + 1) * sizeof(*a));
  if (a == NULL)
    return -ENOMEM;
  for (size_t i = 0; i < v->n_items; ++i) {
    const struct config_node *item = v->items[i];
    int rc = text(ctx, item, "an argv element", true, &a[i]);
    if (rc != 0)
      return rc;
    if (item->plain && item->tag == NULL &&
        config_scalar_is_null(item->text, item->len))
      a[i] = "";
  }
  *argv = a;
  return 0;
}

static int name_compare(const void *a, const void *b) {
  const struct config_node *const *x = a, *const *y = b;
  int c = strcmp((*x)->text, (*y)->text);
  if (c != 0)
    return c;
  return (*x)->line != (*y)->line ? ((*x)->line < (*y)->line ? -1 : 1)
                                  : ((*x)->column < (*y)->column ? -1 : 1);
}

static int parse_env(struct config_ctx *ctx, const struct config_node *v,
                     const char ***env) {
  enum config_tag tag = config_tag_classify(v->tag);
  if (v->kind != CONFIG_NODE_MAP ||
      (tag != CONFIG_TAG_NONE && tag != CONFIG_TAG_MAP)) {
    config_fail(ctx, v, "env must be a mapping of names to values");
    return config_hint(ctx, "write env: {LANG: C.UTF-8}");
  }
  size_t n = v->n_items / 2;
  const char **e = config_arena_alloc(ctx->arena, (n + 1) * sizeof(*e));
  const struct config_node **names =
      config_arena_alloc(ctx->arena, (n + 1) * sizeof(*names));
  if (e == NULL || names == NULL)
    return -ENOMEM;
  for (size_t i = 0; i < n; ++i) {
    const struct config_node *k = v->items[2 * i], *val = v->items[2 * i + 1];
    const char *name, *value;
    int rc = text(ctx, k, "an environment variable name", false, &name);
    if (rc == 0 && strchr(name, '=') != NULL)
      rc = config_fail(ctx, k, "environment variable name \"%.60s\" "
                               "contains =",
                       name);
    if (rc == 0)
      rc = text(ctx, val, "an environment variable value", true, &value);
    if (rc != 0)
      return rc;
    if (val->plain && val->tag == NULL &&
        config_scalar_is_null(val->text, val->len))
      value = "";
    size_t nl = strlen(name), vl = strlen(value);
    char *s = config_arena_alloc(ctx->arena, nl + vl + 2);
    if (s == NULL)
      return -ENOMEM;
    memcpy(s, name, nl);
    s[nl] = '=';
    memcpy(s + nl + 1, value, vl + 1);
    e[i] = s;
    names[i] = k;
  }
  qsort(names, n, sizeof(*names), name_compare);
  const struct config_node *dup = NULL, *first = NULL;
  for (size_t i = 1; i < n; ++i)
    if (strcmp(names[i]->text, names[i - 1]->text) == 0) {
      size_t g = i - 1;
      while (g > 0 && strcmp(names[g - 1]->text, names[i]->text) == 0)
        --g;
      if (dup == NULL || names[i]->line < dup->line ||
          (names[i]->line == dup->line && names[i]->column < dup->column)) {
        dup = names[i];
        first = names[g];
      }
    }
  if (dup != NULL) {
    config_fail(ctx, dup, "duplicate key \"%.60s\" in env", dup->text);
    return config_hint(ctx, "the same key is first used at line %u, column %u",
                       first->line, first->column);
  }
  *env = e;
  return 0;
}

static int parse_stream(struct config_ctx *ctx, const struct config_node *v,
                        const char *what, enum config_stream *stream) {
  int rc = config_field_scalar(ctx, v, what);
  if (rc != 0)
    return rc;
  if (config_scalar_is_null(v->text, v->len)) {
    *stream = CONFIG_STREAM_NULL;
    return 0;
  }
  if (strcmp(v->text, "inherit") == 0 && v->len == 7) {
    *stream = CONFIG_STREAM_INHERIT;
    return 0;
  }
  config_fail(ctx, v, "%s must be null or inherit", what);
  return config_hint(ctx, "null connects it to /dev/null; inherit passes the "
                          "launcher's own");
}

static int parse_uint(const struct config_node *v, uint64_t *out) {
  uint64_t x = 0;
  if (v->len == 0)
    return -EINVAL;
  for (size_t i = 0; i < v->len; ++i) {
    if (v->text[i] < '0' || v->text[i] > '9')
      return -EINVAL;
    unsigned d = (unsigned)(v->text[i] - '0');
    if (x > (UINT64_MAX - d) / 10)
      return -ERANGE;
    x = x * 10 + d;
  }
  *out = x;
  return 0;
}

static int parse_limits(struct config_ctx *ctx, const struct config_node *v,
                        struct config_settings *s) {
  enum config_tag tag = config_tag_classify(v->tag);
  if (v->kind != CONFIG_NODE_MAP ||
      (tag != CONFIG_TAG_NONE && tag != CONFIG_TAG_MAP)) {
    config_fail(ctx, v, "limits must be a mapping");
    return config_hint(ctx, "write limits: {as: 512M, cpu: 10, nofile: 64, "
                            "nproc: 16, fsize: 10M}");
  }
  size_t n = v->n_items / 2;
  int idx[L_COUNT + 1];
  int *index = n <= L_COUNT + 1 ? idx : calloc(n, sizeof(*index));
  if (index == NULL)
    return -ENOMEM;
  int rc = config_fixed_keys(ctx, v, "limits", limit_keys, L_COUNT, index);
  for (size_t i = 0; rc == 0 && i < n; ++i) {
    const struct config_node *val = v->items[2 * i + 1];
    struct config_limit *l;
    bool size = false;
    switch (index[i]) {
    case L_AS:
      l = &s->limit_as;
      size = true;
      break;
    case L_CPU:
      l = &s->limit_cpu;
      break;
    case L_NOFILE:
      l = &s->limit_nofile;
      break;
    case L_NPROC:
      l = &s->limit_nproc;
      break;
    default:
      l = &s->limit_fsize;
      size = true;
      break;
    }
    rc = config_field_scalar(ctx, val, limit_keys[index[i]]);
    if (rc != 0)
      break;
    int prc = size ? (memchr(val->text, '\0', val->len) != NULL
                          ? -EINVAL
                          : config_parse_size(val->text, &l->value))
                   : parse_uint(val, &l->value);
    if (prc != 0) {
      config_fail(ctx, val, "limits.%s: \"%.60s\" is not %s%s",
                  limit_keys[index[i]], val->text,
                  size ? "a size" : "a whole number",
                  prc == -ERANGE ? " in range" : "");
      rc = size ? config_hint(ctx, "write a number of bytes with an optional "
                                   "K, M, G or T suffix, such as 512M")
                : -EINVAL;
      break;
    }
    l->set = true;
  }
  if (index != idx)
    free(index);
  return rc;
}

int config_settings_load(struct config_ctx *ctx, struct config_node *node,
                         struct config_settings *s) {
  memset(s, 0, sizeof(*s));
  if (node->kind == CONFIG_NODE_SCALAR &&
      config_scalar_is_null(node->text, node->len))
    return 0; /* an empty --- !launcher */
  if (node->kind != CONFIG_NODE_MAP) {
    config_fail(ctx, node, "!launcher takes a mapping of settings");
    return config_hint(ctx, "write --- !launcher, then lines such as "
                            "stdout: inherit");
  }
  size_t n = node->n_items / 2;
  int idx[K_COUNT + 1];
  int *index = n <= K_COUNT + 1 ? idx : calloc(n, sizeof(*index));
  if (index == NULL)
    return -ENOMEM;
  int rc = config_fixed_keys(ctx, node, "!launcher", keys, K_COUNT, index);
  for (size_t i = 0; rc == 0 && i < n; ++i) {
    const struct config_node *v = node->items[2 * i + 1];
    int k = index[i];
    uint64_t ms;
    switch (k) {
    case K_ARGV:
      rc = parse_argv(ctx, v, &s->argv);
      break;
    case K_ENV:
      rc = parse_env(ctx, v, &s->env);
      break;
    case K_STDIN:
    case K_STDOUT:
    case K_STDERR:
      rc = parse_stream(ctx, v, keys[k], &s->streams[k - K_STDIN]);
      s->streams_set[k - K_STDIN] = rc == 0;
      break;
    case K_WORKDIR:
      rc = text(ctx, v, "workdir", false, &s->workdir);
      break;
    case K_PROFILE:
      rc = config_field_scalar(ctx, v, "profile");
      if (rc == 0 && strcmp(v->text, "strict") == 0 && v->len == 6)
        s->profile = CONFIG_PROFILE_STRICT;
      else if (rc == 0 && strcmp(v->text, "compat") == 0 && v->len == 6)
        s->profile = CONFIG_PROFILE_COMPAT;
      else if (rc == 0) {
        config_fail(ctx, v, "unknown profile \"%.60s\"", v->text);
        rc = config_hint(ctx, "profiles are strict and compat");
      }
      break;
    case K_LIMITS:
      rc = parse_limits(ctx, v, s);
      break;
    case K_TIMEOUT:
      rc = config_field_scalar(ctx, v, "timeout");
      if (rc == 0) {
        int prc = memchr(v->text, '\0', v->len) != NULL
                      ? -EINVAL
                      : config_parse_duration_ms(v->text, &ms);
        if (prc != 0) {
          config_fail(ctx, v, "timeout \"%.60s\" is not a number of seconds",
                      v->text);
          rc = config_hint(ctx, "write seconds with at most three decimals, "
                                "such as 2.5");
        } else {
          s->timeout_ms.set = true;
          s->timeout_ms.value = ms;
        }
      }
      break;
    case K_USER:
      rc = text(ctx, v, "user", false, &s->user);
      break;
    case K_ALLOW_DEGRADED:
      rc = config_field_bool(ctx, v, "allow_degraded", &s->allow_degraded);
      break;
    }
  }
  if (index != idx)
    free(index);
  return rc;
}
