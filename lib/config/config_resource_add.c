/* Appending a resource: its number is CONFIG_FIRST_FD + its index. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

int config_resource_add(struct config_ctx *ctx, const struct config_node *node,
                        struct config_resource **out) {
  if (ctx->n_res >= CONFIG_MAX_RESOURCES) {
    config_fail(ctx, node, "more than %d descriptors", CONFIG_MAX_RESOURCES);
    return config_hint(ctx, "a program can be handed at most %d resources",
                       CONFIG_MAX_RESOURCES);
  }
  if (ctx->n_res == ctx->cap_res) {
    size_t cap = ctx->cap_res ? ctx->cap_res * 2 : 8;
    struct config_resource *r = realloc(ctx->res, cap * sizeof(*r));
    if (r == NULL)
      return -ENOMEM;
    ctx->res = r;
    ctx->cap_res = cap;
  }
  struct config_resource *r = &ctx->res[ctx->n_res];
  memset(r, 0, sizeof(*r));
  r->pos.file = ctx->file;
  r->pos.line = node->line;
  r->pos.column = node->column;
  r->number = CONFIG_FIRST_FD + (int)ctx->n_res;
  r->host_fd = -1;
  ++ctx->n_res;
  *out = r;
  return 0;
}
