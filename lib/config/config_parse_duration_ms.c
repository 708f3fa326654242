/* "10", "2.5", "0.125" seconds -> milliseconds (at most three decimals). */
#include <errno.h>

#include "config.h"

int config_parse_duration_ms(const char *text, uint64_t *ms) {
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
  uint64_t frac = 0;
  unsigned decimals = 0;
  if (*p == '.') {
    ++p;
    for (; *p >= '0' && *p <= '9'; ++p) {
      if (++decimals > 3)
        return -EINVAL;
      frac = frac * 10 + (uint64_t)(*p - '0');
    }
    if (decimals == 0)
      return -EINVAL;
  }
  if (*p != '\0')
    return -EINVAL;
  for (; decimals < 3; ++decimals)
    frac *= 10;
  if (v > (UINT64_MAX - frac) / 1000)
    return -ERANGE;
  *ms = v * 1000 + frac;
  return 0;
}
