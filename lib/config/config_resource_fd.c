/* !fd stdin | stdout | stderr | N: one of the launcher's descriptors. The
 * same descriptor named twice is one resource with one number. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

static int parse_fd(const struct config_node *node) {
  static const char *const names[] = {"stdin", "stdout", "stderr"};
  for (int i = 0; i < 3; ++i)
    if (strlen(names[i]) == node->len && strcmp(node->text, names[i]) == 0)
      return i;
  if (node->len == 0 || node->len > 10)
    return -1;
  long v = 0;
  for (size_t i = 0; i < node->len; ++i) {
    if (node->text[i] < '0' || node->text[i] > '9')
      return -1;
    v = v * 10 + (node->text[i] - '0');
  }
  return v <= INT_MAX ? (int)v : -1;
}

int config_resource_fd(struct config_ctx *ctx, struct config_node *node,
                       int *number) {
  static const char *const names[] = {"stdin", "stdout", "stderr"};
  int fd = node->kind == CONFIG_NODE_SCALAR ? parse_fd(node) : -1;
  if (fd < 0) {
    if (node->kind != CONFIG_NODE_SCALAR)
      config_fail(ctx, node, "!fd takes a scalar, not a %s",
                  node->kind == CONFIG_NODE_SEQ ? "sequence" : "mapping");
    else
      config_fail(ctx, node, "!fd \"%.60s\" is not stdin, stdout, stderr "
                             "or a descriptor number",
                  node->text);
    const char *s = node->kind == CONFIG_NODE_SCALAR
                        ? config_suggest(node->text, names, 3)
                        : NULL;
    if (s != NULL)
      return config_hint(ctx, "did you mean !fd %s?", s);
    return config_hint(ctx, "write !fd stdout, !fd stderr, !fd stdin or "
                            "!fd N (N >= 0)");
  }
  if (fd == 0 && ctx->opts->from_stdin) {
    config_fail(ctx, node, "!fd %s cannot be used: the configuration itself "
                           "is read from standard input",
                node->text);
    return config_hint(ctx, "pass the configuration as a file instead of "
                            "on standard input");
  }
  if (ctx->fd_table == NULL) {
    ctx->fd_table = calloc(CONFIG_FD_TABLE_SIZE, sizeof(*ctx->fd_table));
    if (ctx->fd_table == NULL)
      return -ENOMEM;
  }
  size_t slot = ((unsigned)fd * 2654435761u) % CONFIG_FD_TABLE_SIZE;
  while (ctx->fd_table[slot].host_fd_plus_1 != 0) {
    if (ctx->fd_table[slot].host_fd_plus_1 == (unsigned)fd + 1) {
      *number = ctx->fd_table[slot].number;
      return 0;
    }
    slot = (slot + 1) % CONFIG_FD_TABLE_SIZE;
  }
  struct config_resource *r;
  int rc = config_resource_add(ctx, node, &r);
  if (rc != 0)
    return rc;
  r->kind = CONFIG_RESOURCE_FD;
  r->host_fd = fd;
  *number = r->number;
  ctx->fd_table[slot].host_fd_plus_1 = (unsigned)fd + 1;
  ctx->fd_table[slot].number = r->number;
  return 0;
}
