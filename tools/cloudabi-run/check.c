/* --check: what this kernel enforces, for a person or as JSON (exit 0), or
 * 103 when it cannot confine programs at all. */
#include <stdio.h>

#include "launcher.h"

int launcher_check(struct launcher *l) {
#ifdef LAUNCHER_HAVE_SANDBOX
  struct sandbox_kernel k;
  sandbox_probe(&k, l->debug_abi);
  sandbox_describe_kernel(&k, stdout, l->json);
  fflush(stdout);
  return k.landlock_abi < 1 || !k.seccomp ? LAUNCHER_EXIT_ENFORCE : 0;
#else
  (void)l;
  if (l->json)
    printf("{\"error\": \"built without the enforcement library\"}\n");
  fprintf(stderr, "cloudabi-run: fatal: this cloudabi-run was built without "
                  "its enforcement library (lib/sandbox)\n");
  return LAUNCHER_EXIT_ENFORCE;
#endif
}
