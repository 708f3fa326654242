/* sbx_landlock_enforce: restrict the calling thread with a built ruleset
 * (no_new_privs must already be set). Closes ruleset_fd in every case. */
#include "sandbox_impl.h"

int sbx_landlock_enforce(int ruleset_fd, struct sandbox_error *err) {
  int rc = sbx_landlock_restrict_self(ruleset_fd);
  close(ruleset_fd);
  if (rc == -E2BIG) {
    sbx_fail(err, rc, "unable to enforce Landlock: this process already has "
                      "16 Landlock layers, the kernel's limit");
    sbx_hint(err, "start the program from a less deeply nested sandbox");
    return rc;
  }
  if (rc < 0)
    return sbx_fail(err, rc, "unable to enforce Landlock: %s", strerror(-rc));
  return 0;
}
