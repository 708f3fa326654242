/*
 * ad_sleep: sleeps, for the timeout and signal-forwarding tests.
 * Argdata keys: `out` (fd: "ready\n" is written before sleeping and
 * "awake\n" after), `seconds` (int or float, default 60), `catch_term`
 * (bool: on SIGTERM write "caught SIGTERM\n" to out and exit 42),
 * `ignore_term` (bool: ignore SIGTERM), `close` (fd: closed before
 * sleeping, so that its peer sees EOF while the program still runs),
 * `fork` (bool: fork first; the child sleeps as long and then writes
 * "child awake\n"), `evade` (bool: the child also ignores SIGTERM, SIGHUP
 * and SIGINT and leaves the process group, so that only a kill of every
 * descendant, e.g. through a cgroup, stops it).
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "ad_common.h"

static int out_fd = -1;

static void on_term(int sig) {
  static const char msg[] = "caught SIGTERM\n";
  (void)sig;
  if (out_fd >= 0)
    ad_write_all(out_fd, msg, sizeof(msg) - 1);
  _exit(42);
}

int main(void) {
  struct ad_start start;
  double seconds;
  struct timespec ts;

  ad_start_read(&start);
  out_fd = ad_lookup_fd(start.root, "out");
  seconds = ad_lookup_num(start.root, "seconds", 60);
  if (ad_lookup_bool(start.root, "catch_term")) {
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_term;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGTERM, &sa, NULL) != 0 && out_fd >= 0)
      ad_printf(out_fd, "sigaction failed %s\n", ad_errno_name(errno));
  }
  if (ad_lookup_fd(start.root, "close") >= 0)
    close(ad_lookup_fd(start.root, "close"));
  if (ad_lookup_bool(start.root, "ignore_term"))
    signal(SIGTERM, SIG_IGN);
  if (ad_lookup_bool(start.root, "fork")) {
    pid_t pid = fork();
    if (pid < 0 && out_fd >= 0)
      ad_printf(out_fd, "fork failed %s\n", ad_errno_name(errno));
    if (pid == 0) {
      if (ad_lookup_bool(start.root, "evade")) {
        signal(SIGTERM, SIG_IGN);
        signal(SIGHUP, SIG_IGN);
        signal(SIGINT, SIG_IGN);
        setpgid(0, 0);
      }
      ts.tv_sec = (time_t)seconds;
      ts.tv_nsec = (long)((seconds - (double)ts.tv_sec) * 1e9);
      while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
      if (out_fd >= 0)
        ad_printf(out_fd, "child awake\n");
      _exit(0);
    }
  }
  if (out_fd >= 0)
    ad_printf(out_fd, "ready\n");
  ts.tv_sec = (time_t)seconds;
  ts.tv_nsec = (long)((seconds - (double)ts.tv_sec) * 1e9);
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
    ;
  if (out_fd >= 0)
    ad_printf(out_fd, "awake\n");
  return 0;
}
