/* Landlock filesystem access bits by name, for --explain. */
#include <stdio.h>
#include <string.h>

#include "launcher.h"

static const char *const names[] = {
    "EXECUTE",   "WRITE_FILE", "READ_FILE", "READ_DIR",  "REMOVE_DIR",
    "REMOVE_FILE", "MAKE_CHAR", "MAKE_DIR", "MAKE_REG",  "MAKE_SOCK",
    "MAKE_FIFO", "MAKE_BLOCK", "MAKE_SYM",  "REFER",     "TRUNCATE",
    "IOCTL_DEV",
};

void launcher_landlock_names(uint64_t access, char *buf, size_t size) {
  size_t used = 0;
  buf[0] = '\0';
  for (unsigned i = 0; i < 64; ++i) {
    char other[16];
    const char *name = other;
    if (!(access & (UINT64_C(1) << i)))
      continue;
    if (i < sizeof(names) / sizeof(names[0]))
      name = names[i];
    else
      snprintf(other, sizeof(other), "BIT%u", i);
    int n = snprintf(buf + used, size - used, "%s%s", used ? "|" : "", name);
    if (n < 0 || (size_t)n >= size - used)
      return;
    used += (size_t)n;
  }
  if (used == 0)
    snprintf(buf, size, "none");
}
