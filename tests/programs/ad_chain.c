/*
 * ad_chain: a fork chain that tries to outrun the timeout. The program
 * forks one child and then waits forever; the child leaves the session
 * (setsid), ignores SIGTERM, SIGHUP and SIGINT and then, in a loop, forks
 * and lets the parent exit at once, so that at any moment one freshly
 * forked process carries the chain on. Each generation overwrites the
 * `pids` file (fd, write) with "GENERATION PID\n" at offset 0, so that a
 * test sees whether any chain process is still alive (the file keeps
 * changing) without guessing at recycled pids.
 * Argdata keys: `out` (fd: "ready\n" once the chain runs), `pids` (fd, see
 * above), `seconds` (number, default 10: the chain ends by itself after
 * this long, so that a failing test leaves nothing running).
 */
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "ad_common.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void) {
  struct ad_start start;
  ad_start_read(&start);
  int out_fd = ad_lookup_fd(start.root, "out");
  int pids_fd = ad_lookup_fd(start.root, "pids");
  double seconds = ad_lookup_num(start.root, "seconds", 10);
  double begin = now();

  signal(SIGTERM, SIG_IGN);
  signal(SIGHUP, SIG_IGN);
  signal(SIGINT, SIG_IGN);
  if (fork() == 0) {
    unsigned long generation = 0;
    setsid();
    if (out_fd >= 0)
      ad_printf(out_fd, "ready\n");
    for (;;) {
      pid_t pid = fork();
      if (pid > 0)
        _exit(0); /* the parent dies at once; the child carries on */
      if (pid < 0)
        continue;
      if (++generation % 16 == 1 && pids_fd >= 0) {
        char line[64];
        int n = snprintf(line, sizeof(line), "%020lu %10ld\n", generation,
                         (long)getpid());
        (void)!pwrite(pids_fd, line, (size_t)n, 0);
      }
      if (now() - begin > seconds)
        _exit(0);
    }
  }
  for (;;)
    pause();
}
