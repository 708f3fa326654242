/* Decimal formatting without printf, so no locale can change it. */
#include "argdata_print_yaml_impl.h"

char *argdata_print_yaml_utoa_(uintmax_t value, char *buf) {
  char *p = buf + ARGDATA_PRINT_YAML_UTOA_LEN - 1;
  *p = '\0';
  do {
    *--p = (char)('0' + value % 10);
    value /= 10;
  } while (value != 0);
  return p;
}
