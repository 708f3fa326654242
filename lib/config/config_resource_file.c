/* !file {path, rights, create, mode, truncate}: a file or directory the
 * launcher opens. Every !file is a resource of its own, even for the same
 * path. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"
#include "lib/rights/cloudabi_rights.h"

enum { K_PATH, K_RIGHTS, K_CREATE, K_MODE, K_TRUNCATE };
static const char *const keys[] = {"path", "rights", "create", "mode",
                                   "truncate"};

static int parse_rights(struct config_ctx *ctx, const struct config_node *node,
                        uint64_t *rights) {
  static const char *const groups[] = {"read",   "write", "create", "delete",
                                       "rename", "exec",  "append"};
  enum config_tag tag = config_tag_classify(node->tag);
  if (node->kind != CONFIG_NODE_SEQ ||
      (tag != CONFIG_TAG_NONE && tag != CONFIG_TAG_SEQ)) {
    config_fail(ctx, node, "rights must be a sequence of right names");
    return config_hint(ctx, "write rights: [read, write]");
  }
  *rights = 0;
  for (size_t i = 0; i < node->n_items; ++i) {
    const struct config_node *item = node->items[i];
    uint64_t r;
    int rc = config_field_scalar(ctx, item, "a right");
    if (rc != 0)
      return rc;
    if (memchr(item->text, '\0', item->len) != NULL ||
        config_right_from_name(item->text, &r) != 0) {
      const char *s = config_suggest(item->text, groups, 7);
      config_fail(ctx, item, "unknown right \"%.60s\"", item->text);
      return config_hint(ctx, "%s%s%srights are read, write, create, "
                              "delete, rename, exec, append, or a CloudABI "
                              "right such as FILE_OPEN",
                         s ? "did you mean " : "", s ? s : "",
                         s ? "? " : "");
    }
    *rights |= r;
  }
  return 0;
}

static int parse_mode(struct config_ctx *ctx, const struct config_node *node,
                      unsigned *mode) {
  int rc = config_field_scalar(ctx, node, "mode");
  if (rc != 0)
    return rc;
  const char *t = node->text;
  size_t len = node->len;
  if (len > 2 && t[0] == '0' && t[1] == 'o') {
    t += 2;
    len -= 2;
  }
  unsigned v = 0;
  bool ok = len > 0 && len <= 6;
  for (size_t i = 0; ok && i < len; ++i) {
    if (t[i] < '0' || t[i] > '7')
      ok = false;
    else
      v = v * 8 + (unsigned)(t[i] - '0');
  }
  if (!ok || v > 07777) {
    config_fail(ctx, node, "mode \"%.60s\" is not an octal permission mode",
                node->text);
    return config_hint(ctx, "write the permission bits in octal, such as "
                            "0644 or 0o600 (at most 07777)");
  }
  *mode = v;
  return 0;
}

int config_resource_file(struct config_ctx *ctx, struct config_node *node,
                         int *number) {
  if (node->kind != CONFIG_NODE_MAP) {
    config_fail(ctx, node, "!file takes a mapping");
    return config_hint(ctx, "write !file {path: /some/where}");
  }
  size_t n = node->n_items / 2;
  int idx[sizeof(keys) / sizeof(keys[0]) + 1];
  int *index = n <= sizeof(keys) / sizeof(keys[0]) + 1
                   ? idx
                   : calloc(n, sizeof(*index));
  if (index == NULL)
    return -ENOMEM;
  int rc = config_fixed_keys(ctx, node, "!file", keys,
                             sizeof(keys) / sizeof(keys[0]), index);
  const char *path = NULL;
  uint64_t rights = CLOUDABI_RIGHTS_DEFAULT;
  bool create = false, truncate = false;
  unsigned mode = 0600;
  const struct config_node *truncate_node = NULL;
  for (size_t i = 0; rc == 0 && i < n; ++i) {
    const struct config_node *v = node->items[2 * i + 1];
    switch (index[i]) {
    case K_PATH:
      rc = config_field_scalar(ctx, v, "path");
      if (rc == 0 && (v->len == 0 || (v->plain && config_scalar_is_null(
                                                      v->text, v->len))))
        rc = config_fail(ctx, v, "path is empty");
      else if (rc == 0 && memchr(v->text, '\0', v->len) != NULL)
        rc = config_fail(ctx, v, "path contains a NUL byte");
      path = v->text;
      break;
    case K_RIGHTS:
      rc = parse_rights(ctx, v, &rights);
      break;
    case K_CREATE:
      rc = config_field_bool(ctx, v, "create", &create);
      break;
    case K_MODE:
      rc = parse_mode(ctx, v, &mode);
      break;
    case K_TRUNCATE:
      rc = config_field_bool(ctx, v, "truncate", &truncate);
      truncate_node = v;
      break;
    }
  }
  if (index != idx)
    free(index);
  if (rc != 0)
    return rc;
  if (path == NULL) {
    config_fail(ctx, node, "!file has no path");
    return config_hint(ctx, "write !file {path: /some/where}");
  }
  if (truncate && (rights & CLOUDABI_RIGHT_FD_WRITE) == 0) {
    config_fail(ctx, truncate_node, "truncate: true needs the write right");
    return config_hint(ctx, "add write to rights, or drop truncate");
  }
  struct config_resource *r;
  rc = config_resource_add(ctx, node, &r);
  if (rc != 0)
    return rc;
  r->kind = CONFIG_RESOURCE_FILE;
  r->path = path;
  r->rights = rights;
  r->create = create;
  r->truncate = truncate;
  r->mode = mode;
  *number = r->number;
  return 0;
}
