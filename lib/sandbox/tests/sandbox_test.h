/*
 * Shared helpers of the sandbox tests: a fixture tree and "apply the
 * sandbox in a forked child, run checks there, report the results".
 *
 * The child cannot print TAP lines itself (the harness counts in the parent),
 * so it sends one record per check through a pipe: a long value (usually an
 * errno, 0 for success). The parent compares them in order with tap_eq_int.
 */
#ifndef SANDBOX_TEST_H
#define SANDBOX_TEST_H

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox.h"
#include "tests/harness/tap.h"

#define MAX_RESULTS 128

struct child_result {
  int apply_rc;
  char message[256];
  char warnings[512];
  long v[MAX_RESULTS];
  int n;
  int status; /* waitpid status of the child */
};

static int report_fd_ = -1;

/* In the child: report one value. */
__attribute__((unused)) static void report(long v) {
  if (write(report_fd_, &v, sizeof(v)) != (ssize_t)sizeof(v))
    _exit(99);
}

/* Read exactly size bytes (pipes return short reads); 0 or -1. */
__attribute__((unused)) static int read_full(int fd, void *buf, size_t size) {
  size_t got = 0;
  while (got < size) {
    ssize_t n = read(fd, (char *)buf + got, size - got);
    if (n <= 0)
      return -1;
    got += (size_t)n;
  }
  return 0;
}

/* errno of a raw system call result (0 when it succeeded). */
#define ERR(expr) ((expr) < 0 ? errno : 0)

/* Fork; the child applies `policy` and, when that worked, runs fn(arg).
 * Returns 0 and fills *r, or -1 when fork/pipe failed. */
__attribute__((unused)) static int
run_sandboxed(const struct sandbox_policy *policy,
              const struct sandbox_kernel *k, void (*fn)(void *), void *arg,
              struct child_result *r) {
  int p[2];
  pid_t pid;
  char buf[sizeof(r->message) + sizeof(r->warnings) + sizeof(int) +
           sizeof(r->v)];
  size_t got = 0;
  ssize_t n;

  memset(r, 0, sizeof(*r));
  if (pipe2(p, O_CLOEXEC) != 0)
    return -1;
  fflush(stdout);
  pid = fork();
  if (pid < 0)
    return -1;
  if (pid == 0) {
    struct sandbox_error err;
    char warnings[512] = "";
    int rc;
    close(p[0]);
    report_fd_ = p[1];
    rc = sandbox_apply(policy, k, warnings, sizeof(warnings), &err);
    if (write(p[1], &rc, sizeof(rc)) != sizeof(rc) ||
        write(p[1], err.message, sizeof(err.message)) !=
            sizeof(err.message) ||
        write(p[1], warnings, sizeof(warnings)) != sizeof(warnings))
      _exit(98);
    if (rc == 0 && fn != NULL)
      fn(arg);
    _exit(0);
  }
  close(p[1]);
  while (got < sizeof(buf) &&
         (n = read(p[0], buf + got, sizeof(buf) - got)) > 0)
    got += (size_t)n;
  close(p[0]);
  waitpid(pid, &r->status, 0);
  if (got < sizeof(int) + sizeof(r->message) + sizeof(r->warnings)) {
    r->apply_rc = -9999;
    return 0;
  }
  memcpy(&r->apply_rc, buf, sizeof(int));
  memcpy(r->message, buf + sizeof(int), sizeof(r->message));
  memcpy(r->warnings, buf + sizeof(int) + sizeof(r->message),
         sizeof(r->warnings));
  got -= sizeof(int) + sizeof(r->message) + sizeof(r->warnings);
  r->n = (int)(got / sizeof(long));
  memcpy(r->v, buf + sizeof(int) + sizeof(r->message) + sizeof(r->warnings),
         (size_t)r->n * sizeof(long));
  return 0;
}

/* The fixture: ROOT/{D/d.txt, W/w.txt, outside/secret.txt}. */
struct fixture {
  char root[64];
  int d, w, outside; /* O_PATH|O_DIRECTORY descriptors */
};

__attribute__((unused)) static void write_file(int dfd, const char *name,
                                               const char *text) {
  int fd = openat(dfd, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
    abort();
  close(fd);
}

__attribute__((unused)) static void fixture_make(struct fixture *f) {
  int root;
  snprintf(f->root, sizeof(f->root), "/tmp/sandbox-test.XXXXXX");
  if (mkdtemp(f->root) == NULL)
    abort();
  root = open(f->root, O_DIRECTORY | O_CLOEXEC);
  if (root < 0 || mkdirat(root, "D", 0755) || mkdirat(root, "W", 0755) ||
      mkdirat(root, "outside", 0755))
    abort();
  f->d = openat(root, "D", O_PATH | O_DIRECTORY | O_CLOEXEC);
  f->w = openat(root, "W", O_PATH | O_DIRECTORY | O_CLOEXEC);
  f->outside = openat(root, "outside", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (f->d < 0 || f->w < 0 || f->outside < 0)
    abort();
  close(root);
  {
    int d = openat(f->d, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int w = openat(f->w, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int o = openat(f->outside, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    write_file(d, "d.txt", "d\n");
    write_file(w, "w.txt", "w\n");
    write_file(o, "secret.txt", "secret\n");
    close(d);
    close(w);
    close(o);
  }
}

__attribute__((unused)) static void fixture_remove(struct fixture *f) {
  char cmd[128];
  snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->root);
  if (system(cmd) != 0)
    tap_diag("unable to remove %s", f->root);
}

#endif
