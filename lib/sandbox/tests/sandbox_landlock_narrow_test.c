/* sandbox_landlock_narrow inside an applied sandbox (what program_exec
 * does): a new layer only removes access. */
#include "sandbox_test.h"

#include "lib/rights/cloudabi_rights.h"

static struct fixture fx;
static struct sandbox_kernel kern;

static long open_err(int dfd, const char *path, int flags) {
  long fd = syscall(SYS_openat, dfd, path, flags | O_CLOEXEC, 0600);
  if (fd < 0)
    return errno;
  close((int)fd);
  return 0;
}

static void child(void *arg) {
  struct sandbox_rule only_d = {fx.d, *(uint64_t *)arg};
  struct sandbox_rule only_w = {fx.w, *(uint64_t *)arg};
  struct sandbox_error err;
  report(open_err(fx.w, "w.txt", O_RDONLY));
  report(sandbox_landlock_narrow(&only_d, 1, &kern, &err));
  report(open_err(fx.d, "d.txt", O_RDONLY));
  report(open_err(fx.w, "w.txt", O_RDONLY));
  report(sandbox_landlock_narrow(&only_w, 1, &kern, &err));
  report(open_err(fx.w, "w.txt", O_RDONLY));
  report(open_err(fx.d, "d.txt", O_RDONLY));
  only_d.fd = 999;
  report(sandbox_landlock_narrow(&only_d, 1, &kern, &err));
}

int main(void) {
  struct sandbox_rule rules[2];
  struct sandbox_policy p = {SANDBOX_PROFILE_STRICT, rules, 2, false,
                             (uid_t)-1, (gid_t)-1};
  struct child_result r;
  struct sandbox_kernel none = {0, 0, true, false};
  uint64_t ro;

  sandbox_probe(&kern, -1);
  if (kern.landlock_abi < 1 || !kern.seccomp) {
    tap_skip("no Landlock or no seccomp", "sandbox_landlock_narrow");
    return tap_done();
  }
  tap_eq_int(-ENOSYS, sandbox_landlock_narrow(NULL, 0, &none, NULL),
             "no Landlock: -ENOSYS");
  tap_eq_int(-EINVAL, sandbox_landlock_narrow(NULL, 1, &kern, NULL),
             "rules NULL: -EINVAL");
  fixture_make(&fx);
  ro = sandbox_landlock_access(CLOUDABI_RIGHTS_GROUP_READ, true,
                               kern.landlock_abi);
  rules[0] = (struct sandbox_rule){fx.d, ro};
  rules[1] = (struct sandbox_rule){fx.w, ro};
  run_sandboxed(&p, &kern, child, &ro, &r);
  tap_eq_int(0, r.apply_rc, "apply strict (%s)", r.message);
  if (r.n == 8) {
    tap_eq_int(0, r.v[0], "before: W readable");
    tap_eq_int(0, r.v[1], "narrow to D inside the sandbox: 0");
    tap_eq_int(0, r.v[2], "after: D readable");
    tap_eq_int(EACCES, r.v[3], "after: W no longer readable");
    tap_eq_int(0, r.v[4], "narrow to W (a layer cannot add back): 0");
    tap_eq_int(EACCES, r.v[5], "W still not readable (layers intersect)");
    tap_eq_int(EACCES, r.v[6], "D not readable either now");
    tap_eq_int(-EBADF, r.v[7], "bad rule fd: -EBADF");
  } else {
    tap_ok(false, "child reported 8 values (got %d, status 0x%x)", r.n,
           r.status);
  }
  fixture_remove(&fx);
  return tap_done();
}
