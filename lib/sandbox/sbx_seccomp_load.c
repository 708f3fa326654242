/* sbx_seccomp_load: install the precompiled filter of a profile.
 *
 * SECCOMP_FILTER_FLAG_SPEC_ALLOW keeps the kernel from forcing the
 * speculative store bypass mitigation on the program (the filter is not a
 * Spectre boundary; see SECURITY.md); kernels before 4.17 do not know the
 * flag, so EINVAL retries without it. no_new_privs must already be set.
 */
#include "sandbox_impl.h"

int sbx_seccomp_load(enum sandbox_profile profile, struct sandbox_error *err) {
  struct sbx_bpf_prog prog;
  long r;

  if (profile == SANDBOX_PROFILE_STRICT) {
    prog.filter = sandbox_filter_strict;
    prog.len = (unsigned short)sandbox_filter_strict_len;
  } else if (profile == SANDBOX_PROFILE_COMPAT) {
    prog.filter = sandbox_filter_compat;
    prog.len = (unsigned short)sandbox_filter_compat_len;
  } else {
    return sbx_fail(err, -EINVAL, "unable to load seccomp filter: unknown "
                                  "profile %d", (int)profile);
  }
  r = syscall(SYS_seccomp, SBX_SECCOMP_SET_MODE_FILTER,
              SBX_SECCOMP_FILTER_FLAG_SPEC_ALLOW, &prog);
  if (r != 0 && errno == EINVAL)
    r = syscall(SYS_seccomp, SBX_SECCOMP_SET_MODE_FILTER, 0, &prog);
  if (r != 0)
    return sbx_fail(err, -errno, "unable to load the %s seccomp filter: %s",
                    sandbox_profile_name(profile), strerror(errno));
  return 0;
}
