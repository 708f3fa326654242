/* The flat, ordered list of stages (practice 7 of style.md). */
#include <stdlib.h>
#include <unistd.h>

#include "launcher.h"

static int (*const stages[])(struct launcher *) = {
    launcher_config_load,   launcher_sandbox_probe, launcher_executable_open,
    launcher_resources_open, launcher_argdata_build, launcher_limits,
    launcher_supervise,     launcher_fds_arrange,   launcher_limits_apply,
    launcher_janitor,       launcher_enforce,       launcher_exec,
};

int launcher_run(struct launcher *l) {
  if (l->explain)
    return launcher_explain(l);
  for (size_t i = 0; i < sizeof(stages) / sizeof(stages[0]); ++i) {
    if (stages[i](l) != 0) {
      launcher_cleanup(l);
      launcher_janitor_call(l);
      launcher_report(l);
      if (l->status_fd >= 0) {
        /* A supervised child tells its parent that it failed before exec,
         * so that the parent removes what the child could not. */
        unsigned char status = (unsigned char)l->err.status;
        (void)!write(l->status_fd, &status, 1);
      }
      /* A supervised child, and the process once its descriptors are
       * arranged (and perhaps sandboxed), ends with _exit: no atexit
       * handlers, no stdio buffers copied from before the fork. */
      if (l->supervised || stages[i] == launcher_fds_arrange || l->late)
        _exit(l->err.status);
      return l->err.status;
    }
    if (stages[i] == launcher_fds_arrange)
      l->late = true;
  }
  /* Not reached: launcher_exec returns only with an error, and a
   * supervising parent exits in launcher_supervise. */
  return LAUNCHER_EXIT_SYSTEM;
}
