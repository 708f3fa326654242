/* !socket {type: stream|dgram|seqpacket, bind: ADDR | connect: ADDR}. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

enum { K_TYPE, K_BIND, K_CONNECT };
static const char *const keys[] = {"type", "bind", "connect"};

static int parse_type(struct config_ctx *ctx, const struct config_node *v,
                      enum config_socket_type *type) {
  static const char *const names[] = {"stream", "dgram", "seqpacket"};
  int rc = config_field_scalar(ctx, v, "type");
  if (rc != 0)
    return rc;
  for (int i = 0; i < 3; ++i)
    if (strlen(names[i]) == v->len && strcmp(names[i], v->text) == 0) {
      *type = (enum config_socket_type)i;
      return 0;
    }
  const char *s = config_suggest(v->text, names, 3);
  config_fail(ctx, v, "unknown socket type \"%.60s\"", v->text);
  return config_hint(ctx, "%s%s%ssocket types are stream, dgram and "
                          "seqpacket",
                     s ? "did you mean " : "", s ? s : "", s ? "? " : "");
}

int config_resource_socket(struct config_ctx *ctx, struct config_node *node,
                           int *number) {
  if (node->kind != CONFIG_NODE_MAP) {
    config_fail(ctx, node, "!socket takes a mapping");
    return config_hint(ctx, "write !socket {type: stream, bind: "
                            "127.0.0.1:8080}");
  }
  size_t n = node->n_items / 2;
  int idx[4];
  int *index = n <= 4 ? idx : calloc(n, sizeof(*index));
  if (index == NULL)
    return -ENOMEM;
  int rc = config_fixed_keys(ctx, node, "!socket", keys, 3, index);
  enum config_socket_type type = CONFIG_SOCKET_STREAM;
  const struct config_node *addr = NULL;
  bool bind = false;
  for (size_t i = 0; rc == 0 && i < n; ++i) {
    const struct config_node *k = node->items[2 * i];
    const struct config_node *v = node->items[2 * i + 1];
    char why[128];
    switch (index[i]) {
    case K_TYPE:
      rc = parse_type(ctx, v, &type);
      break;
    case K_BIND:
    case K_CONNECT:
      if (addr != NULL) {
        config_fail(ctx, k, "!socket has both bind and connect");
        rc = config_hint(ctx, "a socket either listens (bind) or connects "
                              "(connect)");
        break;
      }
      bind = index[i] == K_BIND;
      rc = config_field_scalar(ctx, v, keys[index[i]]);
      if (rc == 0 &&
          config_socket_address_check(v->text, v->len, why, sizeof(why)) != 0) {
        config_fail(ctx, v, "bad socket address \"%.60s\": %s", v->text, why);
        rc = config_hint(ctx, "write host:port, [v6addr]:port or "
                              "/unix/socket/path");
      }
      addr = v;
      break;
    }
  }
  if (index != idx)
    free(index);
  if (rc != 0)
    return rc;
  if (addr == NULL) {
    config_fail(ctx, node, "!socket needs bind or connect");
    return config_hint(ctx, "write !socket {bind: 127.0.0.1:8080} or "
                            "!socket {connect: /run/app.sock}");
  }
  struct config_resource *r;
  rc = config_resource_add(ctx, node, &r);
  if (rc != 0)
    return rc;
  r->kind = CONFIG_RESOURCE_SOCKET;
  r->socket_type = type;
  r->bind = bind;
  r->address = addr->text;
  *number = r->number;
  return 0;
}
