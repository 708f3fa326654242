/*
 * Real programs under the sandbox: a musl static program under the strict
 * profile, glibc-dynamic programs (ls, python3) under compat, each started
 * with execveat on a descriptor that has a Landlock file rule (READ_FILE|
 * EXECUTE), as the launcher does.
 *
 *   sandbox_exec_test MUSL_PROBE
 */
#include <stdio.h>

#include "sandbox_test.h"

#include "lib/rights/cloudabi_rights.h"

#define LDSO "/lib64/ld-linux-x86-64.so.2"
#define LIBDIR "/usr/lib/x86_64-linux-gnu"

static struct sandbox_kernel kern;
static struct fixture fx;

struct run {
  int status;
  char out[4096];
};

/* Open at fd >= 20, clear of fd 3 which run() replaces in the child. */
static int open_high(const char *path, int flags) {
  int fd = open(path, flags | O_CLOEXEC), high;
  if (fd < 0)
    return -1;
  high = fcntl(fd, F_DUPFD_CLOEXEC, 20);
  close(fd);
  return high;
}

static uint64_t rx(void) {
  return sandbox_landlock_access(CLOUDABI_RIGHTS_GROUP_READ |
                                     CLOUDABI_RIGHTS_GROUP_EXEC,
                                 false, kern.landlock_abi);
}

/* Run argv[0] (opened here) under the policy; fd 3 = W (read-write). */
static void run(enum sandbox_profile profile, struct sandbox_rule *rules,
                size_t n_rules, int exe, char **argv, struct run *r) {
  int p[2];
  pid_t pid;
  size_t got = 0;
  ssize_t n;
  struct sandbox_policy pol = {profile, rules, n_rules, false, (uid_t)-1,
                               (gid_t)-1};

  memset(r, 0, sizeof(*r));
  if (pipe(p) != 0)
    abort();
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    struct sandbox_error err;
    char msg[300];
    int w = openat(fx.w, ".", O_RDONLY | O_DIRECTORY);
    dup2(p[1], 1);
    dup2(p[1], 2);
    dup2(w, 3);
    if (sandbox_apply(&pol, &kern, NULL, 0, &err) != 0) {
      n = snprintf(msg, sizeof(msg), "APPLYFAIL %s\n", err.message);
      (void)!write(1, msg, (size_t)n);
      _exit(126);
    }
    syscall(SYS_execveat, exe, "", argv, (char *[]){"LC_ALL=C", NULL},
            AT_EMPTY_PATH);
    n = snprintf(msg, sizeof(msg), "EXECFAIL %d\n", errno);
    (void)!write(1, msg, (size_t)n);
    _exit(127);
  }
  close(p[1]);
  while (got < sizeof(r->out) - 1 &&
         (n = read(p[0], r->out + got, sizeof(r->out) - 1 - got)) > 0)
    got += (size_t)n;
  close(p[0]);
  waitpid(pid, &r->status, 0);
}

static int exit_code(const struct run *r) {
  return WIFEXITED(r->status) ? WEXITSTATUS(r->status)
                              : 1000 + WTERMSIG(r->status);
}

static void diag_output(const struct run *r) {
  char copy[sizeof(r->out)], *save = NULL;
  memcpy(copy, r->out, sizeof(copy));
  for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
    tap_diag("  | %s", l);
}

static void test_musl_strict(const char *path) {
  struct sandbox_rule rules[2];
  struct run r;
  int exe = open_high(path, O_PATH);
  char *argv[] = {"musl_probe", NULL};

  if (exe < 0) {
    tap_skip("musl_probe not built", "musl static program under strict");
    return;
  }
  rules[0].fd = exe;
  rules[0].access = rx();
  rules[1].fd = fx.w;
  rules[1].access = sandbox_landlock_access(
      CLOUDABI_RIGHTS_GROUP_READ | CLOUDABI_RIGHTS_GROUP_WRITE |
          CLOUDABI_RIGHTS_GROUP_CREATE | CLOUDABI_RIGHTS_GROUP_DELETE,
      true, kern.landlock_abi);
  run(SANDBOX_PROFILE_STRICT, rules, 2, exe, argv, &r);
  if (!tap_ok(exit_code(&r) == 0, "strict: musl static program runs, all "
              "its checks pass (exit %d)", exit_code(&r)))
    diag_output(&r);
  run(SANDBOX_PROFILE_STRICT, rules + 1, 1, exe, argv, &r);
  tap_ok(exit_code(&r) == 127 && strstr(r.out, "EXECFAIL 13") != NULL,
         "strict: the same program without its EXECUTE rule: EACCES");
  close(exe);
}

static void test_glibc_compat(void) {
  struct sandbox_rule rules[4];
  struct run r;
  int ls = open_high("/usr/bin/ls", O_PATH);
  int ldso = open_high(LDSO, O_PATH);
  int lib = open_high(LIBDIR, O_PATH | O_DIRECTORY);
  char *argv[] = {"ls", "-la", "/proc/self/fd/3", NULL};
  char *argv_dir[] = {"ls", "-la", NULL, NULL};
  char wpath[128];

  if (ls < 0 || ldso < 0 || lib < 0) {
    tap_skip("no /usr/bin/ls or " LDSO, "glibc dynamic program under compat");
    tap_skip("no /usr/bin/ls or " LDSO, "glibc dynamic program under strict");
    return;
  }
  snprintf(wpath, sizeof(wpath), "%s/W", fx.root);
  argv_dir[2] = wpath;
  (void)argv;
  rules[0].fd = ls;
  rules[0].access = rx();
  rules[1].fd = ldso;
  rules[1].access = rx();
  rules[2].fd = lib;
  rules[2].access = sandbox_landlock_access(CLOUDABI_RIGHTS_GROUP_READ, true,
                                            kern.landlock_abi);
  rules[3].fd = fx.w;
  rules[3].access = rules[2].access;
  run(SANDBOX_PROFILE_COMPAT, rules, 4, ls, argv_dir, &r);
  if (!tap_ok(exit_code(&r) == 0 && strstr(r.out, "w.txt") != NULL,
              "compat: glibc-dynamic ls -la of a granted dir runs (exit %d)",
              exit_code(&r)))
    diag_output(&r);
  run(SANDBOX_PROFILE_STRICT, rules, 4, ls, argv_dir, &r);
  tap_ok(exit_code(&r) != 0 && strstr(r.out, "w.txt") == NULL,
         "strict: glibc-dynamic ls cannot load its libraries (exit %d)",
         exit_code(&r));
  close(ls);
  close(ldso);
  close(lib);
}

static void test_python_compat(void) {
  struct sandbox_rule rules[4];
  struct run r;
  int py = open_high("/usr/bin/python3", O_PATH);
  int ldso = open_high(LDSO, O_PATH);
  int lib = open_high(LIBDIR, O_PATH | O_DIRECTORY);
  int stdlib = open_high("/usr/lib/python3.11", O_PATH | O_DIRECTORY);
  char *argv[] = {"python3", "-I", "-S", "-c",
                  "import json, threading, os\n"
                  "t = threading.Thread(target=print, args=('thread',))\n"
                  "t.start(); t.join()\n"
                  "print(json.dumps({'pid': os.getpid() > 0}))\n"
                  "try:\n open('/etc/passwd')\n"
                  "except PermissionError as e: print('denied', e.errno)\n",
                  NULL};

  if (py < 0 || ldso < 0 || lib < 0 || stdlib < 0) {
    tap_skip("no python3.11", "python3 under compat");
    return;
  }
  rules[0].fd = py;
  rules[0].access = rx();
  rules[1].fd = ldso;
  rules[1].access = rx();
  rules[2].fd = lib;
  rules[2].access = sandbox_landlock_access(CLOUDABI_RIGHTS_GROUP_READ, true,
                                            kern.landlock_abi);
  rules[3].fd = stdlib;
  rules[3].access = rules[2].access;
  run(SANDBOX_PROFILE_COMPAT, rules, 4, py, argv, &r);
  if (!tap_ok(exit_code(&r) == 0 && strstr(r.out, "thread\n") &&
                  strstr(r.out, "{\"pid\": true}") &&
                  strstr(r.out, "denied 13"),
              "compat: python3 runs (threads, json), /etc/passwd EACCES"))
    diag_output(&r);
  close(py);
  close(ldso);
  close(lib);
  close(stdlib);
}

int main(int argc, char **argv) {
  sandbox_probe(&kern, -1);
  if (kern.landlock_abi < SANDBOX_LANDLOCK_ABI_REQUIRED || !kern.seccomp) {
    tap_skip("Landlock ABI < 6 or no seccomp", "programs under the sandbox");
    return tap_done();
  }
  fixture_make(&fx);
  test_musl_strict(argc > 1 ? argv[1] : "");
  test_glibc_compat();
  test_python_compat();
  fixture_remove(&fx);
  return tap_done();
}
