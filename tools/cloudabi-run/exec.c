/*
 * Stage exec: execveat(exec_fd, "", argv, envp, AT_EMPTY_PATH). exec_fd is
 * close-on-exec, so the program does not hold it. Returns only on failure:
 * 127 when the file (or its ELF interpreter) is not found, 126 otherwise.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "launcher.h"

#ifndef SYS_execveat
#define SYS_execveat 322
#endif
#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH 0x1000
#endif

int launcher_exec(struct launcher *l) {
  int e;
  if (launcher_nofile_finish(l) != 0)
    return -EPERM;
  if (l->supervised)
    /* Switching user in enforce cleared the parent-death signal: set it
     * again where the filter allows it (best effort). */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
  syscall(SYS_execveat, l->exec_fd, "", l->exec_argv, l->exec_envp,
          AT_EMPTY_PATH);
  e = errno;
  launcher_fail(l, e == ENOENT ? LAUNCHER_EXIT_NOTFOUND : LAUNCHER_EXIT_NOEXEC,
                NULL, e, "unable to execute %s: %s",
                l->script_interp ? l->script_interp : l->executable,
                strerror(e));
  if (e == ENOENT)
    launcher_hint(l, "the program's ELF interpreter may be missing");
  else if (e == EACCES)
    launcher_hint(l, "Landlock denied executing the file, or its file system "
                     "is mounted noexec");
  return -e;
}
