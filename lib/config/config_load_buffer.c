/*
 * config_load_buffer: YAML text -> struct config. The accepted language,
 * every key and every error message are listed in doc/config-reference.md
 * (the source of the YAML TAGS section of cloudabi-run(1)).
 *
 * Stream layout: document 1 is the program's argdata (absent: null);
 * document 2, optional, must be tagged !launcher; a third is an error.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "config_impl.h"

/* Where byte offset off lies, for the size error. */
static void position_of(const char *buf, size_t off, unsigned *line,
                        unsigned *column) {
  *line = 1;
  *column = 1;
  for (size_t i = 0; i < off; ++i) {
    if (buf[i] == '\n') {
      ++*line;
      *column = 1;
    } else if (((unsigned char)buf[i] & 0xc0) != 0x80) {
      ++*column;
    }
  }
}

static int load(struct config_ctx *ctx, yaml_parser_t *parser,
                struct config *cfg) {
  struct config_node *doc[2] = {NULL, NULL}, *extra;
  unsigned line, column;
  int rc = config_yaml_read_document(ctx, parser, &doc[0], &line, &column);
  if (rc == 1)
    rc = config_yaml_read_document(ctx, parser, &doc[1], &line, &column);
  if (rc == 1) {
    rc = config_yaml_read_document(ctx, parser, &extra, &line, &column);
    if (rc == 1) {
      config_fail_at(ctx, line, column, "a third YAML document");
      return config_hint(ctx, "a configuration holds the argdata, then "
                              "optionally one --- !launcher document");
    }
  }
  if (rc < 0)
    return rc;

  if (doc[0] == NULL) {
    cfg->root = (argdata_t *)&argdata_null;
  } else {
    if (config_tag_classify(doc[0]->tag) == CONFIG_TAG_LAUNCHER) {
      config_fail(ctx, doc[0], "the first document is the program's "
                               "argdata, not !launcher settings");
      return config_hint(ctx, "start with the argdata (--- null if there is "
                              "none), then --- !launcher");
    }
    rc = config_node_to_argdata(ctx, doc[0], &cfg->root);
    if (rc != 0)
      return rc;
  }
  if (doc[1] != NULL) {
    if (config_tag_classify(doc[1]->tag) != CONFIG_TAG_LAUNCHER) {
      config_fail(ctx, doc[1], "the second document must be tagged "
                               "!launcher");
      return config_hint(ctx, "write --- !launcher before the launcher "
                              "settings");
    }
    rc = config_settings_load(ctx, doc[1], &cfg->settings);
    if (rc != 0)
      return rc;
  }
  if (ctx->n_res > 0) {
    cfg->resources = config_arena_alloc(ctx->arena,
                                        ctx->n_res * sizeof(*cfg->resources));
    if (cfg->resources == NULL)
      return -ENOMEM;
    memcpy(cfg->resources, ctx->res, ctx->n_res * sizeof(*cfg->resources));
  }
  cfg->n_resources = ctx->n_res;
  return 0;
}

int config_load_buffer(struct config **out, const char *buf, size_t len,
                       const struct config_load_options *opts,
                       struct config_error *err) {
  static const struct config_load_options defaults = {0};
  struct config_error scratch;
  if (err == NULL)
    err = &scratch;
  memset(err, 0, sizeof(*err));
  *out = NULL;
  if (opts == NULL)
    opts = &defaults;
  struct config_ctx ctx = {
      .opts = opts,
      .err = err,
      .file = opts->file_name ? opts->file_name
                              : (opts->from_stdin ? "<stdin>" : "<config>"),
  };
  size_t max = opts->max_size ? opts->max_size : CONFIG_MAX_SIZE_DEFAULT;
  ctx.max_weight = CONFIG_MAX_EXPANSION;
  if (max <= UINT64_MAX / 4 && (uint64_t)max * 4 > ctx.max_weight)
    ctx.max_weight = (uint64_t)max * 4;
  if (len > max) {
    unsigned line, column;
    position_of(buf, max, &line, &column);
    config_fail_at(&ctx, line, column,
                   "the configuration is larger than %zu bytes", max);
    config_hint(&ctx, "configurations are limited to %zu bytes", max);
    return -EFBIG;
  }
  if (buf == NULL && len > 0)
    return config_fail_at(&ctx, 0, 0, "no configuration text");

  struct config *cfg = calloc(1, sizeof(*cfg));
  int rc = cfg ? config_arena_create(&ctx.arena) : -ENOMEM;
  yaml_parser_t parser;
  bool parser_ok = false;
  if (rc == 0) {
    cfg->arena_ = ctx.arena;
    parser_ok = yaml_parser_initialize(&parser) != 0;
    rc = parser_ok ? 0 : -ENOMEM;
  }
  if (rc == 0) {
    yaml_parser_set_input_string(&parser,
                                 (const unsigned char *)(buf ? buf : ""), len);
    rc = load(&ctx, &parser, cfg);
  }
  if (parser_ok)
    yaml_parser_delete(&parser);
  free(ctx.res);
  free(ctx.fd_table);
  if (rc != 0) {
    if (rc == -ENOMEM) {
      config_fail_at(&ctx, 0, 0, "out of memory while loading the "
                                 "configuration");
    }
    if (cfg != NULL)
      cfg->arena_ = ctx.arena;
    config_free(cfg);
    return rc;
  }
  *out = cfg;
  return 0;
}
