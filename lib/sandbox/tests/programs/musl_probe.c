/*
 * A musl static program that does what capability programs do at start-up
 * and in ordinary work, run by sandbox_exec_test under the strict profile.
 * fd 3 is a writable directory. Prints one line per check and exits with
 * the number of failed checks.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int failed;

static void check(int ok, const char *what) {
  printf("%s %s\n", ok ? "ok" : "FAIL", what);
  if (!ok)
    failed++;
}

static void *thread_main(void *arg) { return arg; }

int main(void) {
  pthread_t t;
  static int token;
  pid_t pid;
  int status = -1, fd;
  struct stat st;
  struct timespec ts;
  void *p;
  char buf[16];

  check(pthread_create(&t, NULL, thread_main, &token) == 0 &&
            pthread_join(t, &p) == 0 && p == &token,
        "thread");
  pid = fork();
  if (pid == 0)
    _exit(5);
  check(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
            WEXITSTATUS(status) == 5,
        "fork and wait");
  p = malloc(1 << 20);
  check(p != NULL, "malloc (mmap)");
  free(p);
  check(clock_gettime(CLOCK_MONOTONIC, &ts) == 0, "clock_gettime");
  fd = openat(3, "musl.txt", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  check(fd >= 0 && write(fd, "hi", 2) == 2 && close(fd) == 0,
        "create a file beneath fd 3");
  fd = openat(3, "musl.txt", O_RDONLY | O_CLOEXEC);
  check(fd >= 0 && read(fd, buf, sizeof(buf)) == 2 && fstat(fd, &st) == 0 &&
            st.st_size == 2,
        "read it back, fstat");
  close(fd);
  check(unlinkat(3, "musl.txt", 0) == 0, "unlink it");
  errno = 0;
  check(open("/etc/passwd", O_RDONLY) < 0 && errno == EPERM,
        "open by global path refused (EPERM)");
  errno = 0;
  check(openat(3, "../../../../etc/passwd", O_RDONLY) < 0 && errno == EACCES,
        "openat(fd 3, ../../etc/passwd) refused (EACCES)");
  fflush(stdout);
  return failed;
}
