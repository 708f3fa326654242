/*
 * The text of a nonzero finite double, as the original printed it:
 * printf("%.*e", DBL_DECIMAL_DIG, v) (18 significant digits, correctly
 * rounded), then trailing '0' and '.' characters stripped from the
 * significand and leading zeros from the exponent; the exponent (with its
 * sign, '+' or '-') is omitted when no digit remains. Examples: 1.5 -> "1.5",
 * -1e-300 -> "-1.00000000000000003e-300", 1e10 -> "1e+10".
 *
 * Locale independence: printf's decimal point follows LC_NUMERIC (a comma,
 * or even a multibyte character, in some locales), but its digits, sign and
 * 'e' never change. So the output of snprintf is parsed as
 * [-] digit <radix characters> digits 'e' sign digits, whatever the radix
 * characters are, and rebuilt with '.'. No locale state is read or changed,
 * so this is also thread-safe.
 */
#include <float.h>
#include <string.h>

#include "argdata_print_yaml_impl.h"

#ifndef DBL_DECIMAL_DIG
#define DBL_DECIMAL_DIG 17
#endif

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

char *argdata_print_yaml_float_(double value, char *buf) {
  char raw[ARGDATA_PRINT_YAML_FLOAT_LEN];
  snprintf(raw, sizeof(raw), "%.*e", DBL_DECIMAL_DIG, value);

  const char *in = raw;
  char *out = buf;
  if (*in == '-')
    *out++ = *in++;
  if (is_digit(*in))
    *out++ = *in++;
  while (*in != '\0' && *in != 'e' && !is_digit(*in))
    ++in; /* the locale's radix character(s) */
  if (is_digit(*in)) {
    *out++ = '.';
    while (is_digit(*in))
      *out++ = *in++;
  }
  /* Strip trailing zeros, then a bare '.', from the significand. */
  while (out > buf && (out[-1] == '0' || out[-1] == '.'))
    --out;

  if (*in == 'e' && (in[1] == '+' || in[1] == '-')) {
    char sign = in[1];
    in += 2;
    while (*in == '0')
      ++in;
    if (is_digit(*in)) {
      *out++ = 'e';
      *out++ = sign;
      while (is_digit(*in))
        *out++ = *in++;
    }
  }
  *out = '\0';
  return buf;
}
