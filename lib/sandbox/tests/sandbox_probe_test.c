/* sandbox_probe and sandbox_describe_kernel on the real kernel. */
#include "sandbox_test.h"

static void describe(const struct sandbox_kernel *k, bool json, char *buf,
                     size_t size) {
  FILE *fp = fmemopen(buf, size, "w");
  sandbox_describe_kernel(k, fp, json);
  fclose(fp);
}

int main(void) {
  struct sandbox_kernel k, low;
  char buf[4096];

  tap_eq_int(0, sandbox_probe(&k, -1), "sandbox_probe returns 0");
  tap_diag("Landlock ABI %d, seccomp %d, MFD_NOEXEC_SEAL %d",
           k.landlock_abi_raw, k.seccomp, k.memfd_noexec_seal);
  tap_eq_int(k.landlock_abi_raw, k.landlock_abi, "no ceiling: ABI unchanged");
  tap_ok(k.landlock_abi >= 1, "Landlock present (ABI %d)", k.landlock_abi);
  tap_ok(k.seccomp, "seccomp filters available");
  if (k.landlock_abi >= 6)
    tap_ok(k.memfd_noexec_seal, "MFD_NOEXEC_SEAL supported (Linux >= 6.3)");
  else
    tap_skip("kernel before 6.12", "MFD_NOEXEC_SEAL supported");

  sandbox_probe(&low, 3);
  tap_eq_int(k.landlock_abi < 3 ? k.landlock_abi : 3, low.landlock_abi,
             "ceiling 3 lowers the ABI");
  tap_eq_int(k.landlock_abi_raw, low.landlock_abi_raw,
             "ceiling keeps the raw ABI");
  sandbox_probe(&low, 99);
  tap_eq_int(k.landlock_abi, low.landlock_abi, "ceiling 99 never raises");
  sandbox_probe(&low, 0);
  tap_eq_int(0, low.landlock_abi, "ceiling 0: no Landlock");

  describe(&k, true, buf, sizeof(buf));
  tap_ok(buf[0] == '{' && strstr(buf, "\"seccomp\":true") != NULL &&
             strstr(buf, "\"normal_run\":") != NULL,
         "JSON description: %s", strtok(buf, "\n"));
  sandbox_probe(&low, 4);
  describe(&low, true, buf, sizeof(buf));
  tap_ok(strstr(buf, "\"normal_run\":false") != NULL &&
             strstr(buf, "\"not_enforced\":[\"ioctl_dev\",\"scoping\"]"),
         "JSON at ABI 4: not normal, loses ioctl_dev and scoping");
  describe(&low, false, buf, sizeof(buf));
  tap_ok(strstr(buf, "lowered for testing") != NULL &&
             strstr(buf, "degraded run: possible") != NULL,
         "text at ABI 4 names the degraded run");
  low.seccomp = false;
  describe(&low, false, buf, sizeof(buf));
  tap_ok(strstr(buf, "degraded run: NO") != NULL,
         "text without seccomp: never runs");
  tap_eq_str("strict", sandbox_profile_name(SANDBOX_PROFILE_STRICT),
             "profile name strict");
  tap_eq_str("compat", sandbox_profile_name(SANDBOX_PROFILE_COMPAT),
             "profile name compat");
  return tap_done();
}
