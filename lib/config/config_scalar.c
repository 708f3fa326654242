/*
 * Plain scalars under the YAML 1.2 core schema:
 *   null   null | Null | NULL | ~ | (empty)
 *   bool   true | True | TRUE | false | False | FALSE
 *   int    [-+]? ( [0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+ )
 *          (a sign is accepted on the octal and hexadecimal forms too)
 *   float  [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
 *          | [-+]? \.(inf|Inf|INF) | \.(nan|NaN|NAN)
 *   str    everything else.
 * An int outside [INTMAX_MIN, UINTMAX_MAX] is an error, not a string.
 */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

static bool is(const char *text, size_t len, const char *word) {
  return strlen(word) == len && memcmp(text, word, len) == 0;
}

bool config_scalar_is_null(const char *text, size_t len) {
  return len == 0 || is(text, len, "~") || is(text, len, "null") ||
         is(text, len, "Null") || is(text, len, "NULL");
}

bool config_scalar_bool(const char *text, size_t len, bool *value) {
  if (is(text, len, "true") || is(text, len, "True") ||
      is(text, len, "TRUE")) {
    *value = true;
    return true;
  }
  if (is(text, len, "false") || is(text, len, "False") ||
      is(text, len, "FALSE")) {
    *value = false;
    return true;
  }
  return false;
}

static int digit_value(char c, unsigned base) {
  unsigned v;
  if (c >= '0' && c <= '9')
    v = (unsigned)(c - '0');
  else if (c >= 'a' && c <= 'f')
    v = (unsigned)(c - 'a' + 10);
  else if (c >= 'A' && c <= 'F')
    v = (unsigned)(c - 'A' + 10);
  else
    return -1;
  return v < base ? (int)v : -1;
}

int config_scalar_int(const char *text, size_t len, bool *negative,
                      uintmax_t *magnitude) {
  size_t i = 0;
  bool neg = false;
  unsigned base = 10;
  if (i < len && (text[i] == '-' || text[i] == '+'))
    neg = text[i++] == '-';
  if (len - i > 2 && text[i] == '0' && (text[i + 1] == 'o' ||
                                        text[i + 1] == 'x')) {
    base = text[i + 1] == 'o' ? 8 : 16;
    i += 2;
  }
  if (i == len)
    return -EINVAL;
  uintmax_t v = 0;
  bool overflow = false;
  for (; i < len; ++i) {
    int d = digit_value(text[i], base);
    if (d < 0)
      return -EINVAL;
    if (v > (UINTMAX_MAX - (uintmax_t)d) / base)
      overflow = true;
    else
      v = v * base + (uintmax_t)d;
  }
  if (overflow || (neg && v > (uintmax_t)INTMAX_MAX + 1))
    return -ERANGE;
  *negative = neg && v != 0;
  *magnitude = v;
  return 0;
}

static size_t digits(const char *text, size_t len, size_t i) {
  while (i < len && text[i] >= '0' && text[i] <= '9')
    ++i;
  return i;
}

int config_scalar_float(const char *text, size_t len, double *value) {
  size_t i = 0;
  bool neg = false;
  if (is(text, len, ".nan") || is(text, len, ".NaN") ||
      is(text, len, ".NAN")) {
    *value = NAN;
    return 0;
  }
  if (i < len && (text[i] == '-' || text[i] == '+'))
    neg = text[i++] == '-';
  if (is(text + i, len - i, ".inf") || is(text + i, len - i, ".Inf") ||
      is(text + i, len - i, ".INF")) {
    *value = neg ? -INFINITY : INFINITY;
    return 0;
  }
  /* Check the grammar exactly; strtod accepts far more (hex, "inf"). */
  size_t start = i, j = digits(text, len, i);
  bool mantissa = j > start;
  if (j < len && text[j] == '.') {
    size_t k = digits(text, len, j + 1);
    if (!mantissa && k == j + 1)
      return -EINVAL;
    mantissa = true;
    j = k;
  }
  if (!mantissa)
    return -EINVAL;
  if (j < len && (text[j] == 'e' || text[j] == 'E')) {
    size_t k = j + 1;
    if (k < len && (text[k] == '-' || text[k] == '+'))
      ++k;
    size_t m = digits(text, len, k);
    if (m == k)
      return -EINVAL;
    j = m;
  }
  if (j != len)
    return -EINVAL;
  /* text may not be NUL-terminated at len, and strtod is locale-dependent. */
  char buf[128];
  char *copy = len < sizeof(buf) ? buf : malloc(len + 1);
  if (copy == NULL)
    return -ENOMEM;
  memcpy(copy, text, len);
  copy[len] = '\0';
  locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  double d = c != (locale_t)0 ? strtod_l(copy, NULL, c) : strtod(copy, NULL);
  if (c != (locale_t)0)
    freelocale(c);
  if (copy != buf)
    free(copy);
  *value = d;
  return 0;
}

int config_scalar_resolve(const char *text, size_t len,
                          struct config_scalar *out) {
  memset(out, 0, sizeof(*out));
  if (config_scalar_is_null(text, len)) {
    out->type = CONFIG_SCALAR_NULL;
    return 0;
  }
  if (config_scalar_bool(text, len, &out->boolean)) {
    out->type = CONFIG_SCALAR_BOOL;
    return 0;
  }
  int rc = config_scalar_int(text, len, &out->negative, &out->magnitude);
  if (rc == 0) {
    out->type = CONFIG_SCALAR_INT;
    return 0;
  }
  if (rc == -ERANGE)
    return rc;
  rc = config_scalar_float(text, len, &out->number);
  if (rc == 0) {
    out->type = CONFIG_SCALAR_FLOAT;
    return 0;
  }
  if (rc == -ENOMEM)
    return rc;
  out->type = CONFIG_SCALAR_STR;
  return 0;
}
