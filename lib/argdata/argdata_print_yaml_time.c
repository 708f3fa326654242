/*
 * Timestamps as "YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ" in UTC on the proleptic
 * Gregorian calendar, computed here rather than with gmtime_r so that glibc
 * and musl agree on every value. The year is printed like printf("%04d"):
 * at least four characters including a '-' sign (year 0 is "0000", 1 BC).
 * A year whose distance from 1900 does not fit in an int (the range of
 * struct tm's tm_year, beyond which gmtime_r fails) is refused, and the
 * caller prints the value as null, as the original did.
 */
#include <limits.h>
#include <string.h>

#include "argdata_print_yaml_impl.h"

static int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static char *put_digits(char *out, int64_t value, int width) {
  char tmp[ARGDATA_PRINT_YAML_UTOA_LEN];
  const char *digits = argdata_print_yaml_utoa_((uintmax_t)value, tmp);
  for (int n = (int)strlen(digits); n < width; ++n)
    *out++ = '0';
  while (*digits != '\0')
    *out++ = *digits++;
  return out;
}

bool argdata_print_yaml_time_(int64_t sec, long nsec, char *buf) {
  /* Split without overflow (days * 86400 may not fit near INT64_MIN). */
  int64_t days = sec / 86400, secs = sec % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }

  /* Civil date from a day count, with years starting on March 1 so that
   * the leap day is the last day of the year; an era is 400 years. */
  int64_t z = days + 719468; /* days from 0000-03-01 to 1970-01-01 */
  int64_t era = floor_div(z, 146097);
  int64_t doe = z - era * 146097;                                /* [0, 146096] */
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);         /* [0, 365] */
  int64_t mp = (5 * doy + 2) / 153;                              /* [0, 11] */
  int64_t day = doy - (153 * mp + 2) / 5 + 1;
  int64_t month = mp < 10 ? mp + 3 : mp - 9;
  int64_t year = yoe + era * 400 + (month <= 2);

  if (year - 1900 < INT_MIN || year - 1900 > INT_MAX || nsec < 0 ||
      nsec > 999999999)
    return false;

  char *out = buf;
  if (year < 0)
    *out++ = '-';
  out = put_digits(out, year < 0 ? -year : year, year < 0 ? 3 : 4);
  *out++ = '-';
  out = put_digits(out, month, 2);
  *out++ = '-';
  out = put_digits(out, day, 2);
  *out++ = 'T';
  out = put_digits(out, secs / 3600, 2);
  *out++ = ':';
  out = put_digits(out, secs / 60 % 60, 2);
  *out++ = ':';
  out = put_digits(out, secs % 60, 2);
  *out++ = '.';
  out = put_digits(out, nsec, 9);
  *out++ = 'Z';
  *out = '\0';
  return true;
}
