/* sandbox_landlock_narrow: stack one more Landlock layer (see sandbox.h). */
#include <sys/prctl.h>

#include "sandbox_impl.h"

int sandbox_landlock_narrow(const struct sandbox_rule *rules, size_t n_rules,
                            const struct sandbox_kernel *k,
                            struct sandbox_error *err) {
  struct sandbox_policy p;
  int rs;

  if (err != NULL)
    err->message[0] = err->hint[0] = '\0';
  if (k->landlock_abi < 1)
    return sbx_fail(err, -ENOSYS, "unable to narrow the sandbox: this "
                                  "kernel has no Landlock");
  if (n_rules > 0 && rules == NULL)
    return sbx_fail(err, -EINVAL, "unable to narrow the sandbox: rules "
                                  "missing");
  memset(&p, 0, sizeof(p));
  p.rules = rules;
  p.n_rules = n_rules;
  rs = sbx_ruleset_build(&p, k->landlock_abi, err);
  if (rs < 0)
    return rs;
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
    int rc = sbx_fail(err, -errno, "unable to set no_new_privs: %s",
                      strerror(errno));
    close(rs);
    return rc;
  }
  return sbx_landlock_enforce(rs, err);
}
