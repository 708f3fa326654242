/* "4096", "64K", "512M", "2G", "1T" (binary multiples; suffix in either
 * case) -> bytes. */
#include <errno.h>

#include "config.h"

int config_parse_size(const char *text, uint64_t *bytes) {
  uint64_t v = 0;
  const char *p = text;
  if (text == NULL || *p < '0' || *p > '9')
    return -EINVAL;
  for (; *p >= '0' && *p <= '9'; ++p) {
    unsigned d = (unsigned)(*p - '0');
    if (v > (UINT64_MAX - d) / 10)
      return -ERANGE;
    v = v * 10 + d;
  }
  unsigned shift = 0;
  switch (*p) {
  case '\0':
    break;
  case 'k':
  case 'K':
    shift = 10;
    break;
  case 'm':
  case 'M':
    shift = 20;
    break;
  case 'g':
  case 'G':
    shift = 30;
    break;
  case 't':
  case 'T':
    shift = 40;
    break;
  default:
    return -EINVAL;
  }
  if (shift != 0 && *++p != '\0')
    return -EINVAL;
  if (shift != 0 && v > (UINT64_MAX >> shift))
    return -ERANGE;
  *bytes = v << shift;
  return 0;
}
