/*
 * Stage limits_apply: set the rlimits (soft = hard) in the process that
 * will exec, after fds_arrange (a low RLIMIT_NOFILE must not stop the
 * launcher from placing descriptors) and before enforce (which drops the
 * capabilities that could raise them again).
 *
 * RLIMIT_NOFILE is special: enforce still needs new descriptors (the
 * Landlock ruleset, the libraries' O_PATH descriptors), which a limit
 * below the numbers already in use would refuse. So here it is only raised
 * when it must go up; launcher_nofile_finish lowers it right before exec
 * (lowering needs no privilege, and the filters allow setrlimit).
 */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>

#include "launcher.h"

static int set(struct launcher *l, int resource, const char *name,
               const struct config_limit *lim) {
  struct rlimit rl;
  if (!lim->set)
    return 0;
  rl.rlim_cur = rl.rlim_max = (rlim_t)lim->value;
  if (setrlimit(resource, &rl) == 0)
    return 0;
  return launcher_fail(l, LAUNCHER_EXIT_ENFORCE, NULL, errno,
                       "unable to set limit %s to %llu: %s", name,
                       (unsigned long long)lim->value, strerror(errno));
}

int launcher_limits_apply(struct launcher *l) {
  const struct config_settings *s = &l->settings;
  int r;
  struct rlimit rl;
  if ((r = set(l, RLIMIT_AS, "as", &s->limit_as)) != 0 ||
      (r = set(l, RLIMIT_CPU, "cpu", &s->limit_cpu)) != 0 ||
      (r = set(l, RLIMIT_FSIZE, "fsize", &s->limit_fsize)) != 0)
    return r;
  if (s->limit_nofile.set && getrlimit(RLIMIT_NOFILE, &rl) == 0 &&
      rl.rlim_max < (rlim_t)s->limit_nofile.value &&
      (r = set(l, RLIMIT_NOFILE, "nofile", &s->limit_nofile)) != 0)
    return r;
  if (l->nproc_rlimit)
    return set(l, RLIMIT_NPROC, "nproc", &s->limit_nproc);
  return 0;
}

int launcher_nofile_finish(struct launcher *l) {
  const struct config_limit *lim = &l->settings.limit_nofile;
  struct rlimit rl;
  if (lim->set)
    return set(l, RLIMIT_NOFILE, "nofile", lim);
  if (l->nofile_raised && getrlimit(RLIMIT_NOFILE, &rl) == 0) {
    rl.rlim_cur = (rlim_t)l->nofile_soft;
    setrlimit(RLIMIT_NOFILE, &rl); /* lowering a soft limit cannot fail */
  }
  return 0;
}
