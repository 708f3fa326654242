/*
 * Stage supervise: only when a timeout or a cgroup needs a parent. The
 * launcher forks; the child continues with the next stages and execs the
 * program; the parent closes its copies of the program's descriptors (so
 * that sockets and pipes see EOF when the program closes them), forwards
 * SIGINT, SIGTERM and SIGHUP, and exits with the program's status, 128+N
 * when signal N killed it, or 124 when the timeout expired (the program,
 * and everything in its cgroup, is killed first).
 *
 * The parent is a child subreaper (PR_SET_CHILD_SUBREAPER), and with a
 * timeout the program usually has a cgroup of its own (limits.c). When the
 * timeout expires, or when the program ends, the parent kills the cgroup
 * and then every descendant that was orphaned onto it, in a loop, until
 * waitpid reports no child left (kill_all), so that nothing the program
 * started outlives it or its time limit: not a child that left the
 * process group or session, nor a chain of processes that fork and exit
 * at once.
 *
 * A close-on-exec pipe tells the parent whether the child failed before
 * exec (it writes its exit status) or exec'd (EOF): only in the first case
 * does the parent remove the files the launcher created.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "launcher.h"

static int64_t now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void close_program_fds(struct launcher *l) {
  for (size_t i = 0; l->res != NULL && i < l->cfg->n_resources; ++i)
    if (l->res[i].fd >= 0) {
      close(l->res[i].fd);
      l->res[i].fd = -1;
    }
  int *fds[] = {&l->memfd, &l->exec_fd, &l->program_fd, &l->cgroup_procs_fd};
  for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); ++i)
    if (*fds[i] >= 0) {
      close(*fds[i]);
      *fds[i] = -1;
    }
}

/* SIGKILL process `pid` (unless it is 0: this process) and then,
 * recursively, every child it has: killing first means that the process
 * can fork no more (a fork in progress fails when SIGKILL is pending), so
 * its children list is complete when it is read afterwards. Returns how
 * many processes were signalled. */
static int kill_tree(pid_t pid, int depth) {
  char path[64], buf[4096];
  int fd, found = 0;
  ssize_t n;
  if (pid != 0) {
    if (kill(pid, SIGKILL) != 0)
      return 0;
    found = 1;
  }
  if (depth > 64)
    return found; /* the rest is reached as the tree collapses onto us */
  snprintf(path, sizeof(path), "/proc/%ld/task/%ld/children",
           (long)(pid != 0 ? pid : getpid()),
           (long)(pid != 0 ? pid : getpid()));
  if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
    return found;
  n = read(fd, buf, sizeof(buf) - 1);
  close(fd);
  if (n <= 0)
    return found;
  buf[n] = '\0';
  for (char *p = buf, *end; *p != '\0'; p = end) {
    long child = strtol(p, &end, 10);
    if (end == p)
      break;
    if (child > 0)
      found += kill_tree((pid_t)child, depth + 1);
  }
  return found;
}

/*
 * Kill everything the program left: the cgroup first (atomic), then, as
 * the child subreaper onto which every orphan falls, every descendant,
 * again and again, reaping as it goes, until waitpid reports that no child
 * is left. A chain of processes that fork and exit cannot outrun this: a
 * killed process forks no more, and its children become ours.
 */
static void kill_all(struct launcher *l) {
  for (;;) {
    if (l->cgroup_dir != NULL)
      launcher_cgroup_kill(l->cgroup_dir);
    kill_tree(0, 0);
    pid_t p;
    while ((p = waitpid(-1, NULL, WNOHANG)) > 0)
      ;
    if (p < 0 && errno == ECHILD)
      return;
    /* Children remain that were not zombies yet: wait for one to change
     * state (they are all dying), then look again. */
    if (waitpid(-1, NULL, 0) < 0 && errno == ECHILD)
      return;
  }
}

/* The parent: wait for the child; never returns. */
static _Noreturn void parent(struct launcher *l, pid_t child, int status_rd,
                             const sigset_t *set) {
  const struct config_limit *timeout = &l->settings.timeout_ms;
  int64_t deadline = timeout->set ? now_ms() + (int64_t)timeout->value : 0;
  bool timed_out = false;
  int wstatus = 0, sig;
  unsigned char failed;
  siginfo_t info;

  close_program_fds(l);
  for (;;) {
    if (timeout->set) {
      int64_t left = deadline - now_ms();
      if (left < 0)
        left = 0;
      struct timespec ts = {left / 1000, (left % 1000) * 1000000};
      sig = sigtimedwait(set, &info, &ts);
    } else {
      sig = sigwaitinfo(set, &info);
    }
    if (sig < 0 && errno == EAGAIN) {
      timed_out = true;
      if (l->cgroup_dir != NULL)
        launcher_cgroup_kill(l->cgroup_dir);
      kill_tree(child, 0);
      while (waitpid(child, &wstatus, 0) < 0 && errno == EINTR)
        ;
      break;
    }
    if (sig == SIGCHLD) {
      pid_t p = waitpid(child, &wstatus, WNOHANG);
      if (p == child || (p < 0 && errno == ECHILD))
        break;
    } else if (sig > 0) {
      kill(child, sig);
    }
  }
  kill_all(l); /* nothing the program started outlives it */
  if (read(status_rd, &failed, 1) == 1)
    launcher_cleanup(l); /* the child failed before exec */
  launcher_cgroup_remove(l);
  if (timed_out) {
    unsigned long long ms = timeout->value;
    launcher_fail(l, LAUNCHER_EXIT_TIMEOUT, NULL, ETIME,
                  "the program was killed: its timeout of %llu.%03llu s "
                  "expired",
                  ms / 1000, ms % 1000);
    launcher_report(l);
    exit(LAUNCHER_EXIT_TIMEOUT);
  }
  if (WIFSIGNALED(wstatus))
    exit(128 + WTERMSIG(wstatus));
  exit(WEXITSTATUS(wstatus));
}

int launcher_supervise(struct launcher *l) {
  sigset_t set, old;
  int pfd[2];
  pid_t child, self = getpid();

  if (!l->settings.timeout_ms.set && l->cgroup_dir == NULL)
    return 0;
  if (pipe2(pfd, O_CLOEXEC) != 0)
    return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, errno,
                         "unable to create a pipe: %s", strerror(errno));
  signal(SIGCHLD, SIG_DFL);
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  sigprocmask(SIG_BLOCK, &set, &old);
  if (l->signals_held)
    old = l->signals_saved; /* the mask from before limits held signals */
  child = fork();
  if (child < 0) {
    int e = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    close(pfd[0]);
    close(pfd[1]);
    return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, e,
                         "unable to fork: %s", strerror(e));
  }
  if (child > 0) {
    close(pfd[1]);
    parent(l, child, pfd[0], &set);
  }
  /* The child: it becomes the program. */
  sigprocmask(SIG_SETMASK, &old, NULL);
  close(pfd[0]);
  l->status_fd = pfd[1];
  l->supervised = true;
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != self)
    _exit(LAUNCHER_EXIT_SYSTEM); /* the supervisor is already gone */
  if (l->cgroup_dir != NULL) {
    int fd = l->cgroup_procs_fd;
    bool joined = write(fd, "0", 1) == 1;
    int e = errno;
    close(fd);
    l->cgroup_procs_fd = -1;
    free(l->cgroup_dir); /* the parent removes it */
    l->cgroup_dir = NULL;
    if (!joined)
      return launcher_fail(l, LAUNCHER_EXIT_ENFORCE, NULL, e,
                           "unable to join the pids cgroup: %s", strerror(e));
  }
  return 0;
}
