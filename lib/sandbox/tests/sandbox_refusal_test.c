/*
 * sandbox_apply's refusal paths, all-or-nothing behaviour and degraded
 * mode, on this kernel with the probed ABI lowered (sandbox_probe's ceiling).
 */
#include <grp.h>
#include <signal.h>
#include <sys/prctl.h>

#include "sandbox_test.h"
#include "sandbox_impl.h"

#include "lib/rights/cloudabi_rights.h"

static struct fixture fx;
static struct sandbox_rule rule;

static struct sandbox_policy policy(bool degraded) {
  struct sandbox_policy p = {SANDBOX_PROFILE_STRICT, &rule, 1, degraded,
                             (uid_t)-1, (gid_t)-1};
  return p;
}

/* After a failed apply, nothing may have changed. */
static void child_untouched(void) {
  report(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
  report(prctl(PR_GET_SECCOMP, 0, 0, 0, 0));
  report(prctl(PR_CAPBSET_READ, 0 /* CAP_CHOWN */, 0, 0, 0));
}

static void fork_apply_untouched(const struct sandbox_policy *p,
                                 const struct sandbox_kernel *k,
                                 struct child_result *r) {
  int pfd[2];
  pid_t pid;
  long v[3];
  memset(r, 0, sizeof(*r));
  if (pipe(pfd) != 0)
    abort();
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    struct sandbox_error err;
    long rc;
    close(pfd[0]);
    report_fd_ = pfd[1];
    rc = sandbox_apply(p, k, NULL, 0, &err);
    report(rc);
    if (write(pfd[1], err.message, sizeof(err.message)) < 0 ||
        write(pfd[1], err.hint, sizeof(err.hint)) < 0)
      _exit(1);
    child_untouched();
    _exit(0);
  }
  close(pfd[1]);
  if (read_full(pfd[0], &v[0], sizeof(long)) ||
      read_full(pfd[0], r->message, sizeof(r->message)) ||
      read_full(pfd[0], r->warnings, 256) ||
      read_full(pfd[0], &r->v, 3 * sizeof(long)))
    r->apply_rc = -9999;
  else
    r->apply_rc = (int)v[0];
  close(pfd[0]);
  waitpid(pid, &r->status, 0);
}

static void check_untouched(const struct child_result *r, const char *what) {
  tap_ok(r->v[0] == 0 && r->v[1] == 0 && (geteuid() != 0 || r->v[2] == 1),
         "%s: nothing applied (no_new_privs %ld, seccomp %ld, CAP_CHOWN in "
         "bounding set %ld)",
         what, r->v[0], r->v[1], r->v[2]);
}

static void child_degraded(void *arg) {
  (void)arg;
  report(ERR(syscall(SYS_openat, fx.d, "d.txt", O_RDONLY | O_CLOEXEC)));
  report(ERR(syscall(SYS_openat, fx.d, "../outside/secret.txt", O_RDONLY)));
  report(ERR(syscall(SYS_kill, getppid(), 0)));
  report(ERR(syscall(SYS_socket, 1, 1, 0)));
}

/* Landlock stacks at most 16 layers: with 16 already in place, the
 * sandbox's own layer is refused with E2BIG and a message saying so. */
static void test_layer_limit(const struct sandbox_kernel *k) {
  int pfd[2], status;
  pid_t pid;
  long rc = 0;
  char message[256] = "";
  if (pipe(pfd) != 0)
    abort();
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    struct sandbox_policy p = policy(false);
    struct sandbox_error err;
    struct sbx_ruleset_attr attr = {SBX_LL_FS_EXECUTE, 0, 0};
    close(pfd[0]);
    report_fd_ = pfd[1];
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    for (int i = 0; i < 16; i++) {
      int rs = sbx_landlock_create_ruleset(&attr, 8, 0);
      if (rs < 0 || sbx_landlock_restrict_self(rs) != 0)
        _exit(2);
      close(rs);
    }
    report(sandbox_apply(&p, k, NULL, 0, &err));
    if (write(pfd[1], err.message, sizeof(err.message)) < 0)
      _exit(1);
    _exit(0);
  }
  close(pfd[1]);
  if (read_full(pfd[0], &rc, sizeof(rc)) ||
      read_full(pfd[0], message, sizeof(message)))
    rc = -9999;
  close(pfd[0]);
  waitpid(pid, &status, 0);
  tap_eq_int(-E2BIG, rc, "17th Landlock layer: -E2BIG");
  tap_ok(strstr(message, "16 Landlock layers") != NULL, "message: %s",
         message);
}

/* As an unprivileged user: nothing to drop, so apply works; asking for a
 * user switch is refused with EPERM before anything is applied. */
static void test_unprivileged(const struct sandbox_kernel *k) {
  int pfd[2], status;
  pid_t pid;
  long v[3] = {-9999, -9999, -9999};
  if (geteuid() != 0) {
    tap_skip("not root", "unprivileged apply (needs root to become nobody)");
    tap_skip("not root", "unprivileged user switch refused");
    tap_skip("not root", "nothing applied after the refusal");
    return;
  }
  if (pipe(pfd) != 0)
    abort();
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    struct sandbox_policy p = policy(false);
    struct sandbox_error err;
    close(pfd[0]);
    report_fd_ = pfd[1];
    if (setgroups(0, NULL) != 0 || setresgid(65534, 65534, 65534) != 0 ||
        setresuid(65534, 65534, 65534) != 0)
      _exit(2);
    p.uid = 0;
    report(sandbox_apply(&p, k, NULL, 0, &err));
    report(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
    p.uid = (uid_t)-1;
    report(sandbox_apply(&p, k, NULL, 0, &err));
    _exit(0);
  }
  close(pfd[1]);
  for (int i = 0; i < 3; i++)
    if (read_full(pfd[0], &v[i], sizeof(long)) != 0)
      break;
  close(pfd[0]);
  waitpid(pid, &status, 0);
  tap_eq_int(-EPERM, v[0], "unprivileged: switching to uid 0 refused");
  tap_eq_int(0, v[1], "unprivileged: nothing applied after the refusal");
  tap_eq_int(0, v[2], "unprivileged: apply works (nothing to drop)");
}

int main(void) {
  struct sandbox_kernel k, low;
  struct child_result r;
  struct sandbox_policy p;

  sandbox_probe(&k, -1);
  if (k.landlock_abi < SANDBOX_LANDLOCK_ABI_REQUIRED || !k.seccomp) {
    tap_skip("Landlock ABI < 6 or no seccomp", "refusal paths");
    return tap_done();
  }
  fixture_make(&fx);
  rule.fd = fx.d;
  rule.access = sandbox_landlock_access(CLOUDABI_RIGHTS_GROUP_READ, true, 7);

  /* Below the required ABI, no degraded run allowed: refused. */
  sandbox_probe(&low, 5);
  p = policy(false);
  fork_apply_untouched(&p, &low, &r);
  tap_eq_int(-EOPNOTSUPP, r.apply_rc, "ABI 5 without allow_degraded: "
                                      "-EOPNOTSUPP");
  tap_ok(strstr(r.message, "Landlock ABI 5") != NULL &&
             strstr(r.message, "scoping") != NULL,
         "the message names the ABI and what is missing: %s", r.message);
  tap_ok(r.warnings[0] != '\0', "a hint is given: %s", r.warnings); /* hint */
  check_untouched(&r, "ABI 5 refusal");

  /* No Landlock: never runs, even degraded. */
  sandbox_probe(&low, 0);
  p = policy(true);
  fork_apply_untouched(&p, &low, &r);
  tap_eq_int(-ENOSYS, r.apply_rc, "ABI 0 with allow_degraded: -ENOSYS");
  check_untouched(&r, "ABI 0 refusal");

  /* No seccomp: never runs. */
  low = k;
  low.seccomp = false;
  fork_apply_untouched(&p, &low, &r);
  tap_eq_int(-ENOSYS, r.apply_rc, "no seccomp with allow_degraded: -ENOSYS");
  tap_ok(strstr(r.message, "seccomp") != NULL, "message: %s", r.message);
  check_untouched(&r, "no-seccomp refusal");

  /* A bad rule descriptor fails before anything is applied. */
  rule.fd = 1000;
  p = policy(false);
  fork_apply_untouched(&p, &k, &r);
  tap_eq_int(-EBADF, r.apply_rc, "rule with a closed fd: -EBADF");
  tap_ok(strstr(r.message, "rule 0") != NULL, "message: %s", r.message);
  check_untouched(&r, "bad rule");
  rule.fd = fx.d;

  /* Degraded: ABI 3 with allow_degraded runs and says what it loses. */
  sandbox_probe(&low, 3);
  p = policy(true);
  run_sandboxed(&p, &low, child_degraded, NULL, &r);
  tap_eq_int(0, r.apply_rc, "ABI 3 with allow_degraded: applied (%s)",
             r.message);
  tap_ok(strstr(r.warnings, "Landlock ABI 3") != NULL &&
             strstr(r.warnings, "TCP") != NULL &&
             strstr(r.warnings, "ioctl") != NULL &&
             strstr(r.warnings, "signal") != NULL &&
             strstr(r.warnings, "truncate") == NULL,
         "warnings list what ABI 3 lacks: %s", r.warnings);
  if (r.n == 4) {
    tap_eq_int(0, r.v[0], "degraded: open D/d.txt");
    tap_eq_int(EACCES, r.v[1], "degraded: Landlock still confines files");
    tap_eq_int(0, r.v[2], "degraded: kill(parent, 0) is NOT scoped "
                          "(the loss is real)");
    tap_eq_int(EPERM, r.v[3], "degraded: seccomp still refuses socket");
  } else {
    tap_ok(false, "degraded: child reported 4 values (got %d)", r.n);
  }

  /* ABI 1: no REFER; the warning lists it. */
  sandbox_probe(&low, 1);
  run_sandboxed(&p, &low, NULL, NULL, &r);
  tap_eq_int(0, r.apply_rc, "ABI 1 with allow_degraded: applied");
  tap_ok(strstr(r.warnings, "REFER") != NULL, "warnings: %s", r.warnings);

  /* At ABI 6 there is nothing to warn about. */
  sandbox_probe(&low, 6);
  run_sandboxed(&p, &low, NULL, NULL, &r);
  tap_ok(r.apply_rc == 0 && r.warnings[0] == '\0',
         "ABI 6: applied, no warnings");
  test_layer_limit(&k);
  test_unprivileged(&k);
  fixture_remove(&fx);
  return tap_done();
}
