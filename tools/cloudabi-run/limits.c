/*
 * Stage limits: check the resource limits before the program's process is
 * set up. as/cpu/nofile/fsize become rlimits (limits_apply). nproc is an
 * rlimit too, except for a program running as uid 0: RLIMIT_NPROC does
 * nothing for root, so a pids cgroup is created instead (and the launcher
 * then stays as the program's parent to remove it); without a writable
 * cgroup hierarchy the run is refused (103).
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "launcher.h"

int launcher_limits(struct launcher *l) {
  const struct config_limit *nproc = &l->settings.limit_nproc;
  uid_t final_uid = l->uid != (uid_t)-1 ? l->uid : getuid();
  int r;
  if (!nproc->set)
    return 0;
  if (final_uid != 0) {
    l->nproc_rlimit = true;
    return 0;
  }
  r = launcher_cgroup_create(l, nproc->value);
  if (r == 0)
    return 0;
  launcher_fail(l, LAUNCHER_EXIT_ENFORCE, NULL, -r,
                "unable to limit the number of processes of a program "
                "running as root: no writable pids cgroup (%s)",
                strerror(-r));
  launcher_hint(l, "RLIMIT_NPROC does nothing for uid 0: run the program "
                   "with --user=NAME, or make /sys/fs/cgroup writable");
  return r;
}
