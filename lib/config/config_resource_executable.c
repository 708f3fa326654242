/* !executable: a descriptor of the program itself. Named twice, it is one
 * resource. */
#include <errno.h>

#include "config_impl.h"

int config_resource_executable(struct config_ctx *ctx,
                               struct config_node *node, int *number) {
  if (node->kind != CONFIG_NODE_SCALAR ||
      !config_scalar_is_null(node->text, node->len)) {
    config_fail(ctx, node, "!executable takes no value");
    return config_hint(ctx, "write just !executable");
  }
  if (ctx->executable_number != 0) {
    *number = ctx->executable_number;
    return 0;
  }
  struct config_resource *r;
  int rc = config_resource_add(ctx, node, &r);
  if (rc != 0)
    return rc;
  r->kind = CONFIG_RESOURCE_EXECUTABLE;
  *number = ctx->executable_number = r->number;
  return 0;
}
