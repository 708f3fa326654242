/* Mappings with a fixed set of keys (!file, !socket, !launcher) and their
 * scalar fields. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

int config_field_scalar(struct config_ctx *ctx, const struct config_node *node,
                        const char *what) {
  char tb[64];
  if (node->kind != CONFIG_NODE_SCALAR) {
    config_fail(ctx, node, "%s must be a scalar, not a %s", what,
                node->kind == CONFIG_NODE_SEQ ? "sequence" : "mapping");
    if (strcmp(what, "path") == 0)
      return config_hint(ctx, "a !file grants one path, such as path: "
                              "/srv/data; write one !file per path");
    return config_hint(ctx, "write a single value (a string or a number), "
                            "not a list or a mapping");
  }
  enum config_tag tag = config_tag_classify(node->tag);
  if (tag == CONFIG_TAG_NONE || tag == CONFIG_TAG_NONSPECIFIC ||
      tag == CONFIG_TAG_STR || tag == CONFIG_TAG_INT)
    return 0;
  return config_fail(ctx, node, "%s cannot be tagged %s", what,
                     config_tag_display(node->tag, tb, sizeof(tb)));
}

int config_field_bool(struct config_ctx *ctx, const struct config_node *node,
                      const char *what, bool *value) {
  enum config_tag tag = config_tag_classify(node->tag);
  if (node->kind != CONFIG_NODE_SCALAR ||
      (tag != CONFIG_TAG_NONE && tag != CONFIG_TAG_BOOL) ||
      !config_scalar_bool(node->text, node->len, value))
    return config_fail(ctx, node, "%s must be true or false", what);
  return 0;
}

static void list_known(char *buf, size_t size, const char *const *known,
                       size_t n) {
  size_t used = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < n && used < size; ++i) {
    int w = snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
                     known[i]);
    if (w < 0)
      break;
    used += (size_t)w;
  }
}

int config_fixed_keys(struct config_ctx *ctx, const struct config_node *map,
                      const char *what, const char *const *known,
                      size_t n_known, int *index_of_pair) {
  char tb[64], list[200];
  size_t n = map->n_items / 2;
  for (size_t i = 0; i < n; ++i) {
    const struct config_node *key = map->items[2 * i];
    enum config_tag tag = config_tag_classify(key->tag);
    if (key->kind != CONFIG_NODE_SCALAR ||
        (tag != CONFIG_TAG_NONE && tag != CONFIG_TAG_STR &&
         tag != CONFIG_TAG_NONSPECIFIC)) {
      list_known(list, sizeof(list), known, n_known);
      config_fail(ctx, key, "a key of %s must be a plain name%s%s", what,
                  key->tag ? ", not tagged " : "",
                  key->tag ? config_tag_display(key->tag, tb, sizeof(tb))
                           : "");
      return config_hint(ctx, "known keys are %s", list);
    }
    index_of_pair[i] = -1;
    for (size_t k = 0; k < n_known; ++k)
      if (strlen(known[k]) == key->len && strcmp(known[k], key->text) == 0)
        index_of_pair[i] = (int)k;
    if (index_of_pair[i] < 0) {
      const char *s = config_suggest(key->text, known, n_known);
      list_known(list, sizeof(list), known, n_known);
      config_fail(ctx, key, "unknown key \"%.60s\" in %s", key->text, what);
      if (s != NULL)
        return config_hint(ctx, "did you mean %s? known keys are %s", s,
                           list);
      return config_hint(ctx, "known keys are %s", list);
    }
    for (size_t j = 0; j < i; ++j)
      if (index_of_pair[j] == index_of_pair[i]) {
        const struct config_node *k0 = map->items[2 * j];
        config_fail(ctx, key, "duplicate key \"%s\" in %s", key->text, what);
        return config_hint(ctx, "the same key is first used at line %u, "
                                "column %u",
                           k0->line, k0->column);
      }
  }
  return 0;
}
