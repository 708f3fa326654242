/*
 * Stage sandbox_probe: probe what the kernel enforces, once, and refuse
 * before anything is opened or created when the run could not be enforced.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "launcher.h"

/* What a Landlock ABI below 6 does not enforce, as one line. */
static void missing_features(int abi, char *buf, size_t size) {
  static const char *const lost[] = {
      NULL,
      "renaming and linking between directories (ABI 2)",
      "truncation (ABI 3)",
      "TCP bind and connect (ABI 4)",
      "device ioctl (ABI 5)",
      "signal and abstract unix socket scoping (ABI 6)",
  };
  buf[0] = '\0';
  for (int i = abi < 1 ? 1 : abi; i < SANDBOX_LANDLOCK_ABI_REQUIRED; ++i) {
    if (buf[0] != '\0')
      strncat(buf, ", ", size - strlen(buf) - 1);
    strncat(buf, lost[i], size - strlen(buf) - 1);
  }
}

int launcher_sandbox_probe(struct launcher *l) {
  char missing[300];
  struct sandbox_kernel *k = &l->kernel;

#ifdef LAUNCHER_HAVE_SANDBOX
  sandbox_probe(k, l->debug_abi);
#else
  memset(k, 0, sizeof(*k));
  return launcher_fail(l, LAUNCHER_EXIT_ENFORCE, NULL, ENOSYS,
                       "this cloudabi-run was built without its enforcement "
                       "library (lib/sandbox); it never runs a program "
                       "unconfined");
#endif
  if (!k->seccomp)
    return launcher_fail(l, LAUNCHER_EXIT_ENFORCE, NULL, ENOSYS,
                         "this kernel has no seccomp filter mode; programs "
                         "cannot be confined");
  if (k->landlock_abi < 1) {
    launcher_fail(l, LAUNCHER_EXIT_ENFORCE, NULL, ENOSYS,
                  "this kernel has no Landlock; programs cannot be confined");
    launcher_hint(l, "Landlock needs Linux 5.13 with CONFIG_SECURITY_LANDLOCK "
                     "and \"landlock\" in the lsm= boot parameter");
    return -ENOSYS;
  }
  if (k->landlock_abi < SANDBOX_LANDLOCK_ABI_REQUIRED &&
      !l->settings.allow_degraded) {
    missing_features(k->landlock_abi, missing, sizeof(missing));
    launcher_fail(l, LAUNCHER_EXIT_ENFORCE, NULL, EOPNOTSUPP,
                  "Landlock ABI %d is below the required %d; not enforced: "
                  "%s",
                  k->landlock_abi, SANDBOX_LANDLOCK_ABI_REQUIRED, missing);
    launcher_hint(l, "Linux 6.12 or later has ABI 6; --allow-degraded runs "
                     "anyway with a WARNING");
    return -EOPNOTSUPP;
  }
  return 0;
}
