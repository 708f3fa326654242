/* Filling struct config_error, and "did you mean" suggestions. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "config_impl.h"

/* Messages are one line: control characters from the YAML become '?'. */
static void one_line(char *s) {
  for (; *s != '\0'; ++s)
    if ((unsigned char)*s < 0x20 || (unsigned char)*s == 0x7f)
      *s = '?';
}

static void config_vfail(struct config_ctx *ctx, unsigned line,
                         unsigned column, const char *fmt, va_list ap) {
  struct config_error *err = ctx->err;
  err->pos.file = ctx->file;
  err->pos.line = line;
  err->pos.column = column;
  vsnprintf(err->message, sizeof(err->message), fmt, ap);
  one_line(err->message);
  err->hint[0] = '\0';
}

int config_fail(struct config_ctx *ctx, const struct config_node *node,
                const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  config_vfail(ctx, node ? node->line : 0, node ? node->column : 0, fmt, ap);
  va_end(ap);
  return -EINVAL;
}

int config_fail_at(struct config_ctx *ctx, unsigned line, unsigned column,
                   const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  config_vfail(ctx, line, column, fmt, ap);
  va_end(ap);
  return -EINVAL;
}

int config_hint(struct config_ctx *ctx, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(ctx->err->hint, sizeof(ctx->err->hint), fmt, ap);
  va_end(ap);
  one_line(ctx->err->hint);
  return -EINVAL;
}

/* Case-insensitive Levenshtein distance, or 99 for long words. */
static unsigned distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  unsigned row[33];
  if (la > 32 || lb > 32)
    return 99;
  for (size_t j = 0; j <= lb; ++j)
    row[j] = (unsigned)j;
  for (size_t i = 1; i <= la; ++i) {
    unsigned diag = row[0];
    row[0] = (unsigned)i;
    for (size_t j = 1; j <= lb; ++j) {
      unsigned up = row[j];
      unsigned cost = tolower((unsigned char)a[i - 1]) ==
                              tolower((unsigned char)b[j - 1])
                          ? 0
                          : 1;
      unsigned best = diag + cost;
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[lb];
}

const char *config_suggest(const char *word, const char *const *candidates,
                           size_t n) {
  const char *best = NULL;
  unsigned best_d = 3;
  size_t len = strlen(word);
  for (size_t i = 0; i < n; ++i) {
    unsigned d = distance(word, candidates[i]);
    /* A short word is only "close" with one edit. */
    unsigned limit = len <= 3 ? 1 : 2;
    if (d <= limit && d < best_d) {
      best = candidates[i];
      best_d = d;
    }
  }
  return best;
}
