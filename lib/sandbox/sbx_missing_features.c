/* sbx_missing_features: what a Landlock ABI below the required one does
 * not enforce, as one line ("" when nothing is missing). */
#include "sandbox_impl.h"

static const struct {
  int abi;
  const char *what;
} features[] = {
    {2, "rename/link across directories (REFER, ABI 2)"},
    {3, "truncate (ABI 3)"},
    {4, "TCP bind/connect (ABI 4; defence in depth, seccomp refuses both)"},
    {5, "device ioctls (ABI 5)"},
    {6, "abstract unix socket and signal scoping (ABI 6)"},
};

void sbx_missing_features(int abi, char *buf, size_t size) {
  size_t used = 0;
  if (size == 0)
    return;
  buf[0] = '\0';
  for (size_t i = 0; i < sizeof(features) / sizeof(features[0]); i++) {
    int n;
    if (abi >= features[i].abi)
      continue;
    n = snprintf(buf + used, size - used, "%s%s", used == 0 ? "" : ", ",
                 features[i].what);
    if (n < 0 || (size_t)n >= size - used)
      break;
    used += (size_t)n;
  }
}
