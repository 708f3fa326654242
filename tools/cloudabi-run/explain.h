/*
 * --explain internals: explain.c collects what the program would hold,
 * explain_text.c and explain_json.c print it.
 */
#ifndef CLOUDABI_RUN_EXPLAIN_H
#define CLOUDABI_RUN_EXPLAIN_H

#include <limits.h>
#include <stdio.h>

#include "launcher.h"

/* One descriptor the program would hold. */
struct explain_desc {
  int fd;
  const char *kind;
  char what[PATH_MAX + 64];
  char mode[96];
  const struct config_pos *pos; /* or NULL */
};

/* One Landlock rule. */
struct explain_rule {
  const char *path;
  uint64_t access;
  const char *reason;
};

struct explanation {
  const struct explain_desc *descs;
  size_t n_descs;
  const struct explain_rule *rules;
  size_t n_rules;
  const char *kind;        /* static, dynamic or script */
  const char *profile;     /* strict or compat */
  const char *enforcement; /* full, degraded or refused */
};

void launcher_explain_text(const struct launcher *l,
                           const struct explanation *x, FILE *fp);
void launcher_explain_json(const struct launcher *l,
                           const struct explanation *x, FILE *fp);

/* The number of strings in a NULL-terminated array. */
static inline size_t explain_count(char *const *v) {
  size_t n = 0;
  while (v != NULL && v[n] != NULL)
    ++n;
  return n;
}

#endif
