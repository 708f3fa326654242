/*
 * YAML timestamps (yaml.org/type/timestamp):
 *   YYYY-MM-DD                                   (midnight UTC)
 *   YYYY-M-D(T|t|blanks)H:MM:SS(.fraction)?(blanks*(Z|[-+]H(:MM)?))?
 * Without a zone the time is UTC. Digits beyond nanoseconds are dropped.
 */
#include <errno.h>
#include <stdint.h>

#include "config_impl.h"

struct cursor {
  const char *s;
  size_t i, len;
};

/* Read between min and max digits; -1 when there are fewer than min. */
static long read_digits(struct cursor *c, unsigned min, unsigned max) {
  long v = 0;
  unsigned n = 0;
  while (n < max && c->i < c->len && c->s[c->i] >= '0' && c->s[c->i] <= '9') {
    v = v * 10 + (c->s[c->i] - '0');
    ++c->i;
    ++n;
  }
  return n < min ? -1 : v;
}

static bool accept(struct cursor *c, char ch) {
  if (c->i < c->len && c->s[c->i] == ch) {
    ++c->i;
    return true;
  }
  return false;
}

static bool at_blank(const struct cursor *c) {
  return c->i < c->len && (c->s[c->i] == ' ' || c->s[c->i] == '\t');
}

static bool leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int64_t days_from_civil(long y, long m, long d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int config_timestamp_parse(const char *text, size_t len, struct timespec *ts) {
  static const unsigned char mdays[] = {31, 28, 31, 30, 31, 30,
                                        31, 31, 30, 31, 30, 31};
  struct cursor c = {text, 0, len};
  long year = read_digits(&c, 4, 4);
  if (year < 0 || !accept(&c, '-'))
    return -EINVAL;
  long month = read_digits(&c, 1, 2);
  if (month < 1 || month > 12 || !accept(&c, '-'))
    return -EINVAL;
  long day = read_digits(&c, 1, 2);
  long dim = mdays[month - 1] + (month == 2 && leap(year));
  if (day < 1 || day > dim)
    return -EINVAL;
  int64_t secs = days_from_civil(year, month, day) * 86400;
  long nsec = 0;
  if (c.i < c.len) {
    if (!accept(&c, 'T') && !accept(&c, 't')) {
      if (!at_blank(&c))
        return -EINVAL;
      while (at_blank(&c))
        ++c.i;
    }
    long hour = read_digits(&c, 1, 2);
    if (hour < 0 || hour > 23 || !accept(&c, ':'))
      return -EINVAL;
    long minute = read_digits(&c, 2, 2);
    if (minute < 0 || minute > 59 || !accept(&c, ':'))
      return -EINVAL;
    long second = read_digits(&c, 2, 2);
    if (second < 0 || second > 60)
      return -EINVAL;
    secs += hour * 3600 + minute * 60 + second;
    if (accept(&c, '.')) {
      unsigned n = 0;
      while (c.i < c.len && c.s[c.i] >= '0' && c.s[c.i] <= '9') {
        if (n < 9) {
          nsec = nsec * 10 + (c.s[c.i] - '0');
          ++n;
        }
        ++c.i;
      }
      for (; n < 9; ++n)
        nsec *= 10;
    }
    while (at_blank(&c))
      ++c.i;
    if (accept(&c, 'Z')) {
      /* UTC */
    } else if (c.i < c.len && (c.s[c.i] == '+' || c.s[c.i] == '-')) {
      bool minus = c.s[c.i++] == '-';
      long oh = read_digits(&c, 1, 2), om = 0;
      if (oh < 0 || oh > 23)
        return -EINVAL;
      if (accept(&c, ':')) {
        om = read_digits(&c, 2, 2);
        if (om < 0 || om > 59)
          return -EINVAL;
      }
      long offset = oh * 3600 + om * 60;
      /* local = UTC + offset */
      secs -= minus ? -offset : offset;
    }
    if (c.i != c.len)
      return -EINVAL;
  }
  if ((int64_t)(time_t)secs != secs)
    return -EINVAL;
  ts->tv_sec = (time_t)secs;
  ts->tv_nsec = nsec;
  return 0;
}
