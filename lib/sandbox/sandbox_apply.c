/* sandbox_apply (see sandbox.h).
 *
 * Everything that can fail without changing the process happens first:
 * the policy is checked against the probed kernel and the Landlock ruleset
 * is built from the rule descriptors. Only then, in this order: drop
 * privileges, no_new_privs, enforce Landlock, load the seccomp filter.
 */
#include <sys/prctl.h>

#include "sandbox_impl.h"

static int check_kernel(const struct sandbox_policy *p,
                        const struct sandbox_kernel *k, char *warnings,
                        size_t warnings_size, struct sandbox_error *err) {
  char missing[sizeof(err->message)];

  if (k->landlock_abi < 1) {
    sbx_fail(err, -ENOSYS, "unable to sandbox: this kernel has no Landlock");
    sbx_hint(err, "boot Linux 6.12 or later with \"landlock\" in the lsm= "
                  "list (CONFIG_SECURITY_LANDLOCK=y)");
    return -ENOSYS;
  }
  if (!k->seccomp) {
    sbx_fail(err, -ENOSYS, "unable to sandbox: this kernel has no seccomp "
                           "filter support");
    sbx_hint(err, "use a kernel built with CONFIG_SECCOMP_FILTER=y");
    return -ENOSYS;
  }
  sbx_missing_features(k->landlock_abi, missing, sizeof(missing));
  if (k->landlock_abi < SANDBOX_LANDLOCK_ABI_REQUIRED) {
    if (!p->allow_degraded) {
      sbx_fail(err, -EOPNOTSUPP, "unable to sandbox: Landlock ABI %d is "
               "below %d; not enforced: %s", k->landlock_abi,
               SANDBOX_LANDLOCK_ABI_REQUIRED, missing);
      sbx_hint(err, "use Linux 6.12 or later, or allow a degraded run "
                    "explicitly");
      return -EOPNOTSUPP;
    }
    if (warnings != NULL && warnings_size > 0)
      snprintf(warnings, warnings_size, "Landlock ABI %d: not enforced: %s",
               k->landlock_abi, missing);
  } else if (warnings != NULL && warnings_size > 0) {
    warnings[0] = '\0';
  }
  if (p->profile != SANDBOX_PROFILE_STRICT &&
      p->profile != SANDBOX_PROFILE_COMPAT)
    return sbx_fail(err, -EINVAL, "unable to sandbox: unknown profile %d",
                    (int)p->profile);
  if (p->n_rules > 0 && p->rules == NULL)
    return sbx_fail(err, -EINVAL, "unable to sandbox: rules missing");
  return 0;
}

int sandbox_apply(const struct sandbox_policy *policy,
                  const struct sandbox_kernel *k, char *warnings,
                  size_t warnings_size, struct sandbox_error *err) {
  int rc, rs;

  if (err != NULL)
    err->message[0] = err->hint[0] = '\0';
  rc = check_kernel(policy, k, warnings, warnings_size, err);
  if (rc != 0)
    return rc;
  rs = sbx_ruleset_build(policy, k->landlock_abi, err);
  if (rs < 0)
    return rs;
  rc = sbx_privileges_drop(policy, err);
  if (rc != 0) {
    close(rs);
    return rc;
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
    rc = sbx_fail(err, -errno, "unable to set no_new_privs: %s",
                  strerror(errno));
    close(rs);
    return rc;
  }
  rc = sbx_landlock_enforce(rs, err);
  if (rc != 0)
    return rc;
  return sbx_seccomp_load(policy->profile, err);
}
