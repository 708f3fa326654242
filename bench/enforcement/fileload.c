/*
 * The file workload: openat + read(256) + close of every file "f<i>" (i in
 * [0, count)) in one directory, several rounds; prints the best round in
 * nanoseconds per file. Runs directly (`fileload DIR COUNT`) or under
 * cloudabi-run (argdata: dir, out, count).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "ad_common.h"

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int main(int argc, char **argv) {
  int dir, out;
  long long count;
  if (argc > 2) {
    dir = open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    out = 1;
    count = strtoll(argv[2], NULL, 10);
  } else {
    struct ad_start start;
    ad_start_read(&start);
    dir = ad_lookup_fd(start.root, "dir");
    out = ad_lookup_fd(start.root, "out");
    count = ad_lookup_int(start.root, "count", 0);
  }
  if (dir < 0 || out < 0 || count <= 0)
    return 2;
  char buf[256], name[32];
  uint64_t best = UINT64_MAX;
  for (int round = 0; round < 5; ++round) {
    uint64_t start = now_ns();
    for (long long i = 0; i < count; ++i) {
      snprintf(name, sizeof(name), "f%lld", i);
      int fd = openat(dir, name, O_RDONLY | O_CLOEXEC);
      if (fd < 0 || read(fd, buf, sizeof(buf)) < 0)
        return 3;
      close(fd);
    }
    uint64_t t = now_ns() - start;
    if (t < best)
      best = t;
  }
  dprintf(out, "%.1f\n", (double)best / (double)count);
  return 0;
}
