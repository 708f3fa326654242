/*
 * Stage limits: check the resource limits before the program's process is
 * set up. as/cpu/nofile/fsize become rlimits (limits_apply). nproc is an
 * rlimit too, except for a program running as uid 0: RLIMIT_NPROC does
 * nothing for root, so a pids cgroup is created instead (and the launcher
 * then stays as the program's parent to remove it); without a writable
 * cgroup hierarchy the run is refused (103).
 *
 * A timeout makes the launcher supervise the program, and a supervisor
 * must be able to kill everything the program started, even a chain of
 * processes that fork and exit faster than their pids can be read one by
 * one. So with a timeout the program also gets a cgroup of its own
 * whenever one can be created (pids.max "max" unless nproc sets it):
 * cgroup.kill (v2), or pids.max 0 and then SIGKILL to every member (v1),
 * stops all of it at once. When no cgroup can be created (no root, no
 * delegated hierarchy) the run goes on; supervise.c then relies on being
 * the program's child subreaper.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "launcher.h"

int launcher_limits(struct launcher *l) {
  const struct config_limit *nproc = &l->settings.limit_nproc;
  uid_t final_uid = l->uid != (uid_t)-1 ? l->uid : getuid();
  bool need_cgroup = nproc->set && final_uid == 0;
  int r;
  if (nproc->set && !need_cgroup)
    l->nproc_rlimit = true;
  if (!need_cgroup && !l->settings.timeout_ms.set)
    return 0;
  /* From here until supervise forks, a SIGINT/SIGTERM/SIGHUP must not
   * end the launcher by its default action, which would leave the cgroup
   * behind: hold them; supervise forwards a pending one to the program. */
  sigset_t hold;
  sigemptyset(&hold);
  sigaddset(&hold, SIGINT);
  sigaddset(&hold, SIGTERM);
  sigaddset(&hold, SIGHUP);
  sigprocmask(SIG_BLOCK, &hold, &l->signals_saved);
  l->signals_held = true;
  r = launcher_cgroup_create(l, need_cgroup ? nproc->value : UINT64_MAX);
  if (r == 0)
    return 0;
  launcher_cgroup_remove(l); /* whatever part was made */
  sigprocmask(SIG_SETMASK, &l->signals_saved, NULL);
  l->signals_held = false;
  if (!need_cgroup)
    return 0;
  launcher_fail(l, LAUNCHER_EXIT_ENFORCE, NULL, -r,
                "unable to limit the number of processes of a program "
                "running as root: no writable pids cgroup (%s)",
                strerror(-r));
  launcher_hint(l, "RLIMIT_NPROC does nothing for uid 0: run the program "
                   "with --user=NAME, or make /sys/fs/cgroup writable");
  return r;
}
