/*
 * Internal helpers of the configuration loader (lib/config). Nothing here is
 * part of the public interface; config.h is.
 *
 * Loading happens in two passes:
 *   1. config_yaml_read_document() turns libyaml's events of one document
 *      into a tree of struct config_node (aliases become shared pointers),
 *      enforcing the depth and alias-expansion limits;
 *   2. config_node_to_argdata() converts the first document into argdata
 *      (resources become fd numbers, in document order) and
 *      config_settings_load() reads the optional !launcher document.
 * Everything is allocated from one arena owned by the struct config.
 * Internal functions return 0 or a negative errno value; -EINVAL always
 * comes with a filled struct config_error.
 */
#ifndef LIB_CONFIG_CONFIG_IMPL_H
#define LIB_CONFIG_CONFIG_IMPL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <argdata.h>

#include "config.h"

/* ---- arena ------------------------------------------------------------ */

struct config_arena;

int config_arena_create(struct config_arena **out);
/* Zeroed memory, aligned for any type; NULL when out of memory. */
void *config_arena_alloc(struct config_arena *a, size_t size);
/* A NUL-terminated copy of len bytes; NULL when out of memory. */
char *config_arena_strndup(struct config_arena *a, const char *s, size_t len);
/* Record an argdata value so that config_arena_free frees it. On -ENOMEM
 * the value has already been freed. */
int config_arena_track(struct config_arena *a, argdata_t *ad);
/* Free every argdata value tracked, then all memory. NULL is ignored. */
void config_arena_free(struct config_arena *a);

/* ---- the parsed YAML tree ------------------------------------------- */

enum config_node_kind {
  CONFIG_NODE_SCALAR,
  CONFIG_NODE_SEQ,
  CONFIG_NODE_MAP,
};

struct config_node {
  enum config_node_kind kind;
  const char *tag;  /* the resolved tag as libyaml gives it, or NULL */
  const char *text; /* scalar: the value, NUL-terminated (may hold NULs) */
  size_t len;       /* scalar: bytes in text */
  bool plain;       /* scalar: plain style (subject to the core schema) */
  unsigned line, column; /* 1-based, where the node (its tag) starts */
  struct config_node **items; /* seq: n_items values; map: key, value, ... */
  size_t n_items;             /* seq: values; map: 2 * pairs */
  uint64_t weight; /* expanded size: nodes + scalar bytes, aliases included */
  unsigned height; /* expanded nesting depth, aliases included (scalar = 0) */
  unsigned deep_line, deep_column; /* the alias on the deepest path, or 0 */
  argdata_t *ad;   /* the converted value, once converted (aliases share it) */
};

/* ---- loader state ----------------------------------------------------- */

struct config_ctx {
  struct config_arena *arena;
  const struct config_load_options *opts;
  const char *file; /* for positions */
  struct config_error *err;
  uint64_t max_weight;
  /* Resources, in order of number (malloc'd while loading). */
  struct config_resource *res;
  size_t n_res, cap_res;
  /* Deduplication: !fd host descriptors (open addressing, malloc'd; a slot
   * holds host_fd + 1 and the number) and the !executable number (0: none). */
  struct {
    unsigned host_fd_plus_1;
    int number;
  } *fd_table;
  int executable_number;
};

/* Twice CONFIG_MAX_RESOURCES, so the table never fills. */
#define CONFIG_FD_TABLE_SIZE (2 * CONFIG_MAX_RESOURCES)

/* Fill err (message, position of node or line/column) and return -EINVAL. */
__attribute__((format(printf, 3, 4))) int
config_fail(struct config_ctx *ctx, const struct config_node *node,
            const char *fmt, ...);
__attribute__((format(printf, 4, 5))) int
config_fail_at(struct config_ctx *ctx, unsigned line, unsigned column,
               const char *fmt, ...);
/* Set the hint line of the current error; returns -EINVAL. */
__attribute__((format(printf, 2, 3))) int config_hint(struct config_ctx *ctx,
                                                      const char *fmt, ...);

/* The candidate closest to word (edit distance <= 2, case-insensitive), or
 * NULL. */
const char *config_suggest(const char *word, const char *const *candidates,
                           size_t n);

/* ---- pass 1: YAML events -> tree ------------------------------------- */

struct yaml_parser_s;
/*
 * Read one document from parser into *root. Returns 1 and *root when a
 * document was read, 0 at the end of the stream (then *root is NULL), or
 * -EINVAL / -ENOMEM. *doc_line/_column is where the document starts.
 */
int config_yaml_read_document(struct config_ctx *ctx,
                              struct yaml_parser_s *parser,
                              struct config_node **root, unsigned *doc_line,
                              unsigned *doc_column);

/* ---- tags ------------------------------------------------------------- */

enum config_tag {
  CONFIG_TAG_NONE,     /* no tag */
  CONFIG_TAG_NONSPECIFIC, /* "!" */
  CONFIG_TAG_FD,
  CONFIG_TAG_FILE,
  CONFIG_TAG_EXECUTABLE,
  CONFIG_TAG_SOCKET,
  CONFIG_TAG_LAUNCHER,
  CONFIG_TAG_STR,
  CONFIG_TAG_INT,
  CONFIG_TAG_FLOAT,
  CONFIG_TAG_BOOL,
  CONFIG_TAG_NULL,
  CONFIG_TAG_BINARY,
  CONFIG_TAG_TIMESTAMP,
  CONFIG_TAG_MAP,
  CONFIG_TAG_SEQ,
  CONFIG_TAG_UNKNOWN,
};

enum config_tag config_tag_classify(const char *tag);
/* How to write the tag in a message: "!fd", "!!int", or the tag itself. */
const char *config_tag_display(const char *tag, char *buf, size_t size);

/* ---- scalars (YAML 1.2 core schema) ------------------------------------ */

enum config_scalar_type {
  CONFIG_SCALAR_NULL,
  CONFIG_SCALAR_BOOL,
  CONFIG_SCALAR_INT,
  CONFIG_SCALAR_FLOAT,
  CONFIG_SCALAR_STR,
};

struct config_scalar {
  enum config_scalar_type type;
  bool boolean;
  bool negative;       /* int: the sign */
  uintmax_t magnitude; /* int: the absolute value */
  double number;       /* float */
};

bool config_scalar_is_null(const char *text, size_t len);
bool config_scalar_bool(const char *text, size_t len, bool *value);
/* 0, -EINVAL (not an int) or -ERANGE (outside [INTMAX_MIN, UINTMAX_MAX]). */
int config_scalar_int(const char *text, size_t len, bool *negative,
                      uintmax_t *magnitude);
/* 0 or -EINVAL (not a core-schema float). */
int config_scalar_float(const char *text, size_t len, double *value);
/* Resolve a plain scalar: null, bool, int, float, else str.
 * 0 or -ERANGE (an int out of range). */
int config_scalar_resolve(const char *text, size_t len,
                          struct config_scalar *out);

/* Parse a YAML timestamp. 0 or -EINVAL. */
int config_timestamp_parse(const char *text, size_t len, struct timespec *ts);
/* Decode base64 (whitespace ignored) into out (at least len * 3 / 4 + 3
 * bytes). 0 or -EINVAL. */
int config_base64_decode(const char *text, size_t len, unsigned char *out,
                         size_t *out_len);

/* ---- pass 2 ------------------------------------------------------------ */

/* Convert a node (and what is below it) to argdata; memoised in node->ad. */
int config_node_to_argdata(struct config_ctx *ctx, struct config_node *node,
                           argdata_t **out);

/* Resources: parse a tagged node, append (or find) its resource, and store
 * its fd number in *number. */
int config_resource_fd(struct config_ctx *ctx, struct config_node *node,
                       int *number);
int config_resource_file(struct config_ctx *ctx, struct config_node *node,
                         int *number);
int config_resource_executable(struct config_ctx *ctx,
                               struct config_node *node, int *number);
int config_resource_socket(struct config_ctx *ctx, struct config_node *node,
                           int *number);
/* Append a resource (number assigned here). 0, -ENOMEM or -EINVAL (too
 * many resources). */
int config_resource_add(struct config_ctx *ctx, const struct config_node *node,
                        struct config_resource **out);

/*
 * Check a socket address: "host:port", "[v6]:port" or "/unix/path".
 * Returns 0, or -EINVAL with a reason in why[].
 */
int config_socket_address_check(const char *text, size_t len, char *why,
                                size_t why_size);

/* Helpers for mappings with a fixed set of scalar keys (!file, !socket,
 * !launcher). Fails on a non-scalar or duplicate key. Stores the index of
 * the key in known[] per pair; an unknown key is an error naming what. */
int config_fixed_keys(struct config_ctx *ctx, const struct config_node *map,
                      const char *what, const char *const *known,
                      size_t n_known, int *index_of_pair);
/* The text of a scalar field: error unless it is an untagged or !!str/!!int
 * scalar (what names the field in the message). */
int config_field_scalar(struct config_ctx *ctx, const struct config_node *node,
                        const char *what);
/* A true/false field. */
int config_field_bool(struct config_ctx *ctx, const struct config_node *node,
                      const char *what, bool *value);

/* The !launcher document. */
int config_settings_load(struct config_ctx *ctx, struct config_node *node,
                         struct config_settings *settings);

#endif
