/* sandbox_probe: what this kernel can enforce (see sandbox.h). */
#include <sys/prctl.h>

#include "sandbox_impl.h"

static int probe_landlock(void) {
  int abi = sbx_landlock_create_ruleset(NULL, 0,
                                        SBX_LANDLOCK_CREATE_RULESET_VERSION);
  return abi > 0 ? abi : 0; /* ENOSYS, EOPNOTSUPP (disabled at boot): 0 */
}

static bool probe_seccomp(void) {
  uint32_t action = SBX_SECCOMP_RET_KILL_PROCESS;
  /* EINVAL: kernel built without CONFIG_SECCOMP. */
  if (prctl(PR_GET_SECCOMP, 0, 0, 0, 0) < 0)
    return false;
  /* The filters use KILL_PROCESS (Linux 4.14) and ERRNO. */
  if (syscall(SYS_seccomp, SBX_SECCOMP_GET_ACTION_AVAIL, 0, &action) != 0)
    return false;
  action = SBX_SECCOMP_RET_ERRNO;
  return syscall(SYS_seccomp, SBX_SECCOMP_GET_ACTION_AVAIL, 0, &action) == 0;
}

static bool probe_memfd_noexec_seal(void) {
#ifndef SYS_memfd_create
  return false;
#else
  long fd = syscall(SYS_memfd_create, "sandbox-probe",
                    SBX_MFD_CLOEXEC | SBX_MFD_NOEXEC_SEAL);
  if (fd < 0)
    return false; /* EINVAL before Linux 6.3 */
  close((int)fd);
  return true;
#endif
}

int sandbox_probe(struct sandbox_kernel *k, int abi_ceiling) {
  int saved = errno;
  memset(k, 0, sizeof(*k));
  k->landlock_abi_raw = probe_landlock();
  k->landlock_abi = k->landlock_abi_raw;
  if (abi_ceiling >= 0 && abi_ceiling < k->landlock_abi)
    k->landlock_abi = abi_ceiling;
  k->seccomp = probe_seccomp();
  k->memfd_noexec_seal = probe_memfd_noexec_seal();
  errno = saved;
  return 0;
}
