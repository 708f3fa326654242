/*
 * Stage janitor: only when the launcher created files or unix sockets and
 * no supervising parent will remain. enforce may fail half-way (after the
 * Landlock domain is in place, or after privileges are dropped), and then
 * this process may no longer be allowed to remove what it created. So a
 * detached helper (double fork: it is nobody's child, in particular not the
 * program's) waits on a close-on-exec pipe:
 *   - EOF: the program was exec'd (or the launcher died): it exits;
 *   - one byte: the launcher failed: it removes the created files, answers
 *     on a second pipe, and exits; the launcher waits for that answer
 *     (launcher_janitor_call) before it exits itself.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "launcher.h"

static _Noreturn void janitor(struct launcher *l, int rd, int ack) {
  unsigned char b;
  ssize_t n;
  int lo = rd < ack ? rd : ack, hi = rd < ack ? ack : rd;
  signal(SIGINT, SIG_IGN);
  signal(SIGHUP, SIG_IGN);
  signal(SIGQUIT, SIG_IGN);
  /* Hold nothing of the program's: only the two pipes stay open. */
  if (lo > 0)
    launcher_close_range(0, (unsigned)lo - 1);
  if (hi > lo + 1)
    launcher_close_range((unsigned)lo + 1, (unsigned)hi - 1);
  launcher_close_range((unsigned)hi + 1, ~0U);
  while ((n = read(rd, &b, 1)) < 0 && errno == EINTR)
    ;
  if (n == 1) {
    for (size_t i = l->cfg->n_resources; i-- > 0;)
      if (l->res[i].created && l->res[i].created_path != NULL)
        unlink(l->res[i].created_path);
    (void)!write(ack, &b, 1);
  }
  _exit(0);
}

int launcher_janitor(struct launcher *l) {
  int req[2], ack[2], status;
  bool created = false;
  pid_t pid;

  for (size_t i = 0; i < l->cfg->n_resources; ++i)
    created = created || l->res[i].created;
  if (!created || l->supervised)
    return 0;
  if (pipe2(req, O_CLOEXEC) != 0)
    return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, errno,
                         "unable to create a pipe: %s", strerror(errno));
  if (pipe2(ack, O_CLOEXEC) != 0) {
    int e = errno;
    close(req[0]);
    close(req[1]);
    return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, e,
                         "unable to create a pipe: %s", strerror(e));
  }
  pid = fork();
  if (pid == 0) {
    if (fork() == 0)
      janitor(l, req[0], ack[1]);
    _exit(0);
  }
  close(req[0]);
  close(ack[1]);
  if (pid < 0) {
    int e = errno;
    close(req[1]);
    close(ack[0]);
    return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, e,
                         "unable to fork: %s", strerror(e));
  }
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  l->janitor_fd = req[1];
  l->janitor_ack_fd = ack[0];
  return 0;
}

void launcher_janitor_call(struct launcher *l) {
  unsigned char b = 1;
  if (l->janitor_fd < 0)
    return;
  if (write(l->janitor_fd, &b, 1) == 1)
    while (read(l->janitor_ack_fd, &b, 1) < 0 && errno == EINTR)
      ;
  close(l->janitor_fd);
  close(l->janitor_ack_fd);
  l->janitor_fd = l->janitor_ack_fd = -1;
}
