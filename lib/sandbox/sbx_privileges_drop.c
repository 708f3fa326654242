/* sbx_privileges_drop: step 1 of sandbox_apply.
 *
 * When the process is root (euid 0) or holds any capability: clear the
 * ambient set, drop the whole bounding set, lock the securebits (no root
 * semantics for uid 0, no setuid fix-up, no ambient raise, all locked),
 * switch to the configured user and group (supplementary groups cleared),
 * then empty the effective, permitted and inheritable sets, and verify
 * every one of those afterwards. The order matters: the bounding set and
 * securebits need CAP_SETPCAP and the user switch needs CAP_SETUID/SETGID,
 * so the sets are emptied last.
 *
 * An unprivileged process has nothing to drop; asking it to switch to
 * another user fails with EPERM.
 */
#include <grp.h>
#include <sys/prctl.h>

#include "sandbox_impl.h"

#ifndef PR_CAP_AMBIENT
#define PR_CAP_AMBIENT 47
#define PR_CAP_AMBIENT_IS_SET 1
#define PR_CAP_AMBIENT_CLEAR_ALL 4
#endif

static int caps_get(struct sbx_cap_data d[2]) {
  struct sbx_cap_header h = {SBX_LINUX_CAPABILITY_VERSION_3, 0};
  return (int)sbx_ret(syscall(SYS_capget, &h, d));
}

static bool caps_any(const struct sbx_cap_data d[2]) {
  for (int i = 0; i < 2; i++)
    if (d[i].effective | d[i].permitted | d[i].inheritable)
      return true;
  return false;
}

static int drop_bounding_and_ambient(struct sandbox_error *err) {
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 &&
      errno != EINVAL)
    return sbx_fail(err, -errno, "unable to clear the ambient capabilities: "
                    "%s", strerror(errno));
  for (int cap = 0; cap < 64; cap++) {
    int r = prctl(PR_CAPBSET_READ, cap, 0, 0, 0);
    if (r < 0)
      break; /* EINVAL: past the last capability this kernel knows */
    if (r == 1 && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0)
      return sbx_fail(err, -errno, "unable to drop capability %d from the "
                      "bounding set: %s", cap, strerror(errno));
  }
  if (prctl(PR_SET_SECUREBITS, SBX_SECBITS_LOCKED_DOWN, 0, 0, 0) != 0)
    return sbx_fail(err, -errno, "unable to lock the securebits: %s",
                    strerror(errno));
  return 0;
}

static int switch_user(const struct sandbox_policy *p,
                       struct sandbox_error *err) {
  if (p->uid == (uid_t)-1 && p->gid == (gid_t)-1)
    return 0;
  if (setgroups(0, NULL) != 0)
    return sbx_fail(err, -errno, "unable to clear the supplementary groups: "
                    "%s", strerror(errno));
  if (p->gid != (gid_t)-1 && setresgid(p->gid, p->gid, p->gid) != 0)
    return sbx_fail(err, -errno, "unable to switch to group %u: %s",
                    (unsigned)p->gid, strerror(errno));
  if (p->uid != (uid_t)-1 && setresuid(p->uid, p->uid, p->uid) != 0)
    return sbx_fail(err, -errno, "unable to switch to user %u: %s",
                    (unsigned)p->uid, strerror(errno));
  return 0;
}

static int verify(const struct sandbox_policy *p, struct sandbox_error *err) {
  struct sbx_cap_data d[2];
  uid_t r, e, s;
  gid_t rg, eg, sg;

  if (caps_get(d) != 0 || caps_any(d))
    return sbx_fail(err, -EPERM, "unable to drop capabilities: some remain");
  for (int cap = 0; cap < 64; cap++) {
    int b = prctl(PR_CAPBSET_READ, cap, 0, 0, 0);
    if (b < 0)
      break;
    if (b != 0 || prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, cap, 0, 0) > 0)
      return sbx_fail(err, -EPERM, "unable to drop capability %d: still in "
                      "the bounding or ambient set", cap);
  }
  if ((prctl(PR_GET_SECUREBITS, 0, 0, 0, 0) & SBX_SECBITS_LOCKED_DOWN) !=
      (int)SBX_SECBITS_LOCKED_DOWN)
    return sbx_fail(err, -EPERM, "unable to lock the securebits");
  if (getresuid(&r, &e, &s) != 0 || getresgid(&rg, &eg, &sg) != 0)
    return sbx_fail(err, -errno, "unable to verify the user: %s",
                    strerror(errno));
  if (p->uid != (uid_t)-1 && (r != p->uid || e != p->uid || s != p->uid))
    return sbx_fail(err, -EPERM, "unable to switch to user %u",
                    (unsigned)p->uid);
  if (p->gid != (gid_t)-1 && (rg != p->gid || eg != p->gid || sg != p->gid))
    return sbx_fail(err, -EPERM, "unable to switch to group %u",
                    (unsigned)p->gid);
  if (p->uid != (uid_t)-1 && p->uid != 0 && setuid(0) == 0)
    return sbx_fail(err, -EPERM, "unable to drop root: setuid(0) succeeded");
  return 0;
}

int sbx_privileges_drop(const struct sandbox_policy *p,
                        struct sandbox_error *err) {
  struct sbx_cap_data d[2];
  struct sbx_cap_header h = {SBX_LINUX_CAPABILITY_VERSION_3, 0};
  int rc;

  if (caps_get(d) != 0)
    return sbx_fail(err, -errno, "unable to read the capabilities: %s",
                    strerror(errno));
  if (geteuid() != 0 && !caps_any(d)) {
    if ((p->uid != (uid_t)-1 && p->uid != getuid()) ||
        (p->gid != (gid_t)-1 && p->gid != getgid())) {
      sbx_fail(err, -EPERM, "unable to switch user: not running as root");
      sbx_hint(err, "drop the user setting or start the launcher as root");
      return -EPERM;
    }
    return 0;
  }
  if ((rc = drop_bounding_and_ambient(err)) != 0 ||
      (rc = switch_user(p, err)) != 0)
    return rc;
  memset(d, 0, sizeof(d));
  if (syscall(SYS_capset, &h, d) != 0)
    return sbx_fail(err, -errno, "unable to drop capabilities: %s",
                    strerror(errno));
  return verify(p, err);
}
