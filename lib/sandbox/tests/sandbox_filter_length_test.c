/* sandbox_filter_length and the shape of the precompiled filters. */
#include "sandbox_test.h"
#include "sandbox_impl.h"

static void check_shape(const char *name, const struct sbx_bpf_insn *f,
                        size_t n) {
  bool kill = false, eperm = false, enosys = false;
  tap_ok(n > 0 && n < 4096, "%s: %zu instructions (kernel limit 4096)", name,
         n);
  /* BPF_LD|BPF_W|BPF_ABS of seccomp_data.arch (offset 4), then JEQ
   * AUDIT_ARCH_X86_64. */
  tap_ok(f[0].code == 0x20 && f[0].k == 4 && f[1].code == 0x15 &&
             f[1].k == 0xc000003eU,
         "%s: checks the architecture first", name);
  for (size_t i = 0; i < n; i++) {
    if (f[i].code != 0x06) /* BPF_RET|BPF_K */
      continue;
    kill |= f[i].k == SBX_SECCOMP_RET_KILL_PROCESS;
    eperm |= f[i].k == (SBX_SECCOMP_RET_ERRNO | EPERM);
    enosys |= f[i].k == (SBX_SECCOMP_RET_ERRNO | ENOSYS);
  }
  tap_ok(kill && eperm && enosys,
         "%s: returns KILL_PROCESS, ERRNO(EPERM) and ERRNO(ENOSYS)", name);
}

int main(void) {
  size_t s = sandbox_filter_length(SANDBOX_PROFILE_STRICT);
  size_t c = sandbox_filter_length(SANDBOX_PROFILE_COMPAT);
  tap_diag("BPF instructions: strict %zu, compat %zu", s, c);
  tap_eq_uint(sandbox_filter_strict_len, s, "strict length");
  tap_eq_uint(sandbox_filter_compat_len, c, "compat length");
  tap_eq_uint(0, sandbox_filter_length((enum sandbox_profile)7),
              "unknown profile: 0");
  check_shape("strict", sandbox_filter_strict, s);
  check_shape("compat", sandbox_filter_compat, c);
  return tap_done();
}
