/*
 * Stage resources_open: chdir to the working directory, then acquire every
 * resource of the configuration in order. Each launcher descriptor is
 * close-on-exec until fds_arrange gives it its final number.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "launcher.h"

/* Many resources may need more descriptors than the soft limit allows:
 * raise it (up to the hard limit) for the launcher; limits_apply puts it
 * back for the program. */
static void raise_nofile(struct launcher *l) {
  struct rlimit rl;
  rlim_t need = (rlim_t)l->cfg->n_resources * 2 + 32;
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= need)
    return;
  l->nofile_soft = rl.rlim_cur;
  rl.rlim_cur = need < rl.rlim_max ? need : rl.rlim_max;
  if (setrlimit(RLIMIT_NOFILE, &rl) == 0)
    l->nofile_raised = true;
}

int launcher_resources_open(struct launcher *l) {
  const char *workdir = l->settings.workdir;
  int r;
  raise_nofile(l);
  if (workdir != NULL && chdir(workdir) != 0) {
    r = errno;
    launcher_fail(l, LAUNCHER_EXIT_RESOURCE, NULL, r,
                  "unable to change to working directory %s: %s", workdir,
                  strerror(r));
    launcher_hint(l, "%s", r == ENOENT || r == ENOTDIR
                               ? "create that directory first, or give an "
                                 "existing one (--workdir=DIR, or workdir: "
                                 "in the !launcher document)"
                               : "the launcher's user needs search (x) "
                                 "permission on the directory and its "
                                 "parents");
    return -r;
  }
  for (size_t i = 0; i < l->cfg->n_resources; ++i) {
    const struct config_resource *rc = &l->cfg->resources[i];
    switch (rc->kind) {
    case CONFIG_RESOURCE_FD:
      r = 0; /* captured by config_load */
      break;
    case CONFIG_RESOURCE_FILE:
      r = launcher_resource_file_open(l, i);
      break;
    case CONFIG_RESOURCE_SOCKET:
      r = launcher_resource_socket_open(l, i);
      break;
    case CONFIG_RESOURCE_EXECUTABLE: {
      int src = l->program_fd >= 0 ? l->program_fd : l->exec_fd;
      l->res[i].fd = fcntl(src, F_DUPFD_CLOEXEC, 3);
      r = l->res[i].fd < 0 ? launcher_fail(l, LAUNCHER_EXIT_SYSTEM, &rc->pos,
                                           errno, "unable to duplicate the "
                                                  "executable's descriptor: "
                                                  "%s",
                                           strerror(errno))
                           : 0;
      break;
    }
    default:
      r = launcher_fail(l, LAUNCHER_EXIT_CONFIG, &rc->pos, EINVAL,
                        "unknown kind of resource");
      break;
    }
    if (r != 0)
      return r;
  }
  return 0;
}
