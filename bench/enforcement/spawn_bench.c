/*
 * Start-up benchmark driver: spawn_bench RUNS COMMAND [ARGS...] runs the
 * command RUNS times (posix_spawn + waitpid, standard streams on /dev/null)
 * after 20 warm-up runs and prints the median wall time of one run in
 * microseconds. Exits 1 if any run fails.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int compare_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static int run_once(char **argv, posix_spawn_file_actions_t *fa, double *us) {
  pid_t pid;
  int status;
  double start = now_us();
  if (posix_spawn(&pid, argv[0], fa, NULL, argv, environ) != 0)
    return -1;
  if (waitpid(pid, &status, 0) != pid)
    return -1;
  *us = now_us() - start;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: spawn_bench RUNS COMMAND [ARGS...]\n");
    return 100;
  }
  int runs = atoi(argv[1]);
  if (runs <= 0)
    return 100;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  for (int fd = 0; fd < 3; ++fd)
    posix_spawn_file_actions_addopen(&fa, fd, "/dev/null", O_RDWR, 0);
  double *times = calloc((size_t)runs, sizeof(*times));
  double warm;
  if (times == NULL)
    return 111;
  for (int i = 0; i < 20; ++i)
    if (run_once(argv + 2, &fa, &warm) != 0) {
      fprintf(stderr, "spawn_bench: %s failed\n", argv[2]);
      return 1;
    }
  for (int i = 0; i < runs; ++i)
    if (run_once(argv + 2, &fa, &times[i]) != 0) {
      fprintf(stderr, "spawn_bench: %s failed\n", argv[2]);
      return 1;
    }
  qsort(times, (size_t)runs, sizeof(*times), compare_double);
  printf("%.1f\n", times[runs / 2]);
  free(times);
  return 0;
}
