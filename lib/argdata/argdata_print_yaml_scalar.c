/*
 * Print one value that is not a map or seq. The type is decided by asking
 * the public getters in the original's order: binary, bool, fd, float, int
 * (signed, then unsigned), map, seq, str, timestamp; the first that accepts
 * the value wins, and a value none accepts prints as null.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>

#include "argdata_print_yaml_impl.h"

static bool print_binary(const argdata_t *ad, FILE *fp) {
  const void *buf;
  size_t len;
  if (argdata_get_binary(ad, &buf, &len) != 0)
    return false;
  fputs("!!binary \"", fp);
  argdata_print_yaml_base64_(buf, len, fp);
  putc('"', fp);
  return true;
}

static bool print_bool(const argdata_t *ad, FILE *fp) {
  bool value;
  if (argdata_get_bool(ad, &value) != 0)
    return false;
  fputs(value ? "!!bool \"true\"" : "!!bool \"false\"", fp);
  return true;
}

static bool print_fd(const argdata_t *ad, FILE *fp) {
  int fd;
  char num[ARGDATA_PRINT_YAML_UTOA_LEN];
  switch (argdata_get_fd(ad, &fd)) {
  case 0:
    /* Converters return fds >= 0; print a negative one faithfully anyway. */
    fputs("!fd \"", fp);
    if (fd < 0)
      putc('-', fp);
    fputs(argdata_print_yaml_utoa_(fd < 0 ? -(uintmax_t)fd : (uintmax_t)fd,
                                   num),
          fp);
    putc('"', fp);
    return true;
  case EBADF:
    fputs("!fd \"invalid\"", fp);
    return true;
  default:
    return false;
  }
}

static bool print_float(const argdata_t *ad, FILE *fp) {
  double value;
  char text[ARGDATA_PRINT_YAML_FLOAT_LEN];
  if (argdata_get_float(ad, &value) != 0)
    return false;
  if (isnan(value))
    fputs("!!float \".nan\"", fp);
  else if (isinf(value))
    fputs(signbit(value) ? "!!float \"-.inf\"" : "!!float \".inf\"", fp);
  else if (value == 0.0)
    fputs("!!float \"0\"", fp); /* YAML has no negative zero. */
  else {
    fputs("!!float \"", fp);
    fputs(argdata_print_yaml_float_(value, text), fp);
    putc('"', fp);
  }
  return true;
}

static bool print_int(const argdata_t *ad, FILE *fp) {
  intmax_t s;
  uintmax_t u;
  char num[ARGDATA_PRINT_YAML_UTOA_LEN];
  if (argdata_get_int_s(ad, &s, INTMAX_MIN, INTMAX_MAX) == 0) {
    fputs("!!int \"", fp);
    if (s < 0)
      putc('-', fp);
    fputs(argdata_print_yaml_utoa_(s < 0 ? -(uintmax_t)s : (uintmax_t)s, num),
          fp);
  } else if (argdata_get_int_u(ad, &u, UINTMAX_MAX) == 0) {
    fputs("!!int \"", fp);
    fputs(argdata_print_yaml_utoa_(u, num), fp);
  } else {
    return false;
  }
  putc('"', fp);
  return true;
}

static bool is_container(const argdata_t *ad) {
  argdata_map_iterator_t map_it;
  argdata_seq_iterator_t seq_it;
  argdata_map_iterate(ad, &map_it);
  if (map_it.index != ARGDATA_ITERATOR_INVALID)
    return true;
  argdata_seq_iterate(ad, &seq_it);
  return seq_it.index != ARGDATA_ITERATOR_INVALID;
}

static bool print_str(const argdata_t *ad, FILE *fp) {
  const char *buf;
  size_t len;
  if (argdata_get_str(ad, &buf, &len) != 0)
    return false;
  fputs("!!str \"", fp);
  argdata_print_yaml_str_(buf, len, fp);
  putc('"', fp);
  return true;
}

static bool print_timestamp(const argdata_t *ad, FILE *fp) {
  struct timespec ts;
  char text[ARGDATA_PRINT_YAML_TIME_LEN];
  if (argdata_get_timestamp(ad, &ts) != 0 ||
      !argdata_print_yaml_time_(ts.tv_sec, ts.tv_nsec, text))
    return false;
  fputs("!!timestamp \"", fp);
  fputs(text, fp);
  putc('"', fp);
  return true;
}

bool argdata_print_yaml_scalar_(const argdata_t *ad, FILE *fp) {
  if (print_binary(ad, fp) || print_bool(ad, fp) || print_fd(ad, fp) ||
      print_float(ad, fp) || print_int(ad, fp))
    return true;
  if (is_container(ad))
    return false;
  if (print_str(ad, fp) || print_timestamp(ad, fp))
    return true;
  fputs("!!null \"null\"", fp);
  return true;
}
