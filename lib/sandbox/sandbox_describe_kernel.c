/* sandbox_describe_kernel: what this kernel enforces, for a person or as
 * one JSON object (cloudabi-run --check). See sandbox.h. */
#include "sandbox_impl.h"

static const struct {
  int abi;
  const char *key;  /* JSON key */
  const char *text; /* for a person */
} features[] = {
    {1, "filesystem", "file access (read, write, exec, create, remove)"},
    {2, "refer", "rename/link across directories (REFER)"},
    {3, "truncate", "truncate"},
    {4, "tcp", "TCP bind/connect (seccomp refuses both anyway)"},
    {5, "ioctl_dev", "device ioctls"},
    {6, "scoping", "abstract unix socket and signal scoping"},
    {7, "audit_logging", "denial logging to audit (informative only)"},
};
#define N_FEATURES (sizeof(features) / sizeof(features[0]))

static void describe_json(const struct sandbox_kernel *k, FILE *fp) {
  bool normal = k->seccomp && k->landlock_abi >= SANDBOX_LANDLOCK_ABI_REQUIRED;
  bool degraded = k->seccomp && k->landlock_abi >= 1;
  bool first = true;

  fprintf(fp, "{\"landlock_abi\":%d,\"landlock_abi_kernel\":%d,"
              "\"landlock_abi_required\":%d,\"features\":{",
          k->landlock_abi, k->landlock_abi_raw, SANDBOX_LANDLOCK_ABI_REQUIRED);
  for (size_t i = 0; i < N_FEATURES; i++)
    fprintf(fp, "%s\"%s\":%s", i ? "," : "", features[i].key,
            k->landlock_abi >= features[i].abi ? "true" : "false");
  fprintf(fp, "},\"seccomp\":%s,\"seccomp_instructions\":{\"strict\":%zu,"
              "\"compat\":%zu},\"memfd_noexec_seal\":%s,"
              "\"normal_run\":%s,\"degraded_run\":%s,\"not_enforced\":[",
          k->seccomp ? "true" : "false",
          sandbox_filter_length(SANDBOX_PROFILE_STRICT),
          sandbox_filter_length(SANDBOX_PROFILE_COMPAT),
          k->memfd_noexec_seal ? "true" : "false", normal ? "true" : "false",
          degraded ? "true" : "false");
  for (size_t i = 0; i < N_FEATURES; i++) {
    if (features[i].abi > SANDBOX_LANDLOCK_ABI_REQUIRED ||
        k->landlock_abi >= features[i].abi)
      continue;
    fprintf(fp, "%s\"%s\"", first ? "" : ",", features[i].key);
    first = false;
  }
  fprintf(fp, "]}\n");
}

static void describe_text(const struct sandbox_kernel *k, FILE *fp) {
  char missing[512];

  if (k->landlock_abi == k->landlock_abi_raw)
    fprintf(fp, "Landlock: ABI %d\n", k->landlock_abi);
  else
    fprintf(fp, "Landlock: ABI %d (lowered for testing; the kernel offers "
                "%d)\n", k->landlock_abi, k->landlock_abi_raw);
  for (size_t i = 0; i < N_FEATURES; i++) {
    bool on = k->landlock_abi >= features[i].abi;
    const char *state = features[i].abi > SANDBOX_LANDLOCK_ABI_REQUIRED
                            ? (on ? "available" : "not available")
                            : (on ? "enforced" : "NOT enforced");
    fprintf(fp, "  %-50s %s (ABI %d)\n", features[i].text, state,
            features[i].abi);
  }
  if (k->seccomp)
    fprintf(fp, "seccomp filters: yes (precompiled: strict %zu, compat %zu "
                "BPF instructions)\n",
            sandbox_filter_length(SANDBOX_PROFILE_STRICT),
            sandbox_filter_length(SANDBOX_PROFILE_COMPAT));
  else
    fprintf(fp, "seccomp filters: NO\n");
  fprintf(fp, "MFD_NOEXEC_SEAL memfds: %s\n",
          k->memfd_noexec_seal ? "yes" : "no (MFD_ALLOW_SEALING is used)");
  if (!k->seccomp || k->landlock_abi < 1) {
    fprintf(fp, "normal run: NO; degraded run: NO (%s missing: programs "
                "never run without it)\n",
            k->landlock_abi < 1 ? "Landlock" : "seccomp");
    return;
  }
  if (k->landlock_abi >= SANDBOX_LANDLOCK_ABI_REQUIRED) {
    fprintf(fp, "normal run: yes\n");
    return;
  }
  sbx_missing_features(k->landlock_abi, missing, sizeof(missing));
  fprintf(fp, "normal run: NO (needs Landlock ABI %d)\n"
              "degraded run: possible when allowed explicitly; it would not "
              "enforce: %s\n", SANDBOX_LANDLOCK_ABI_REQUIRED, missing);
}

void sandbox_describe_kernel(const struct sandbox_kernel *k, FILE *fp,
                             bool json) {
  if (json)
    describe_json(k, fp);
  else
    describe_text(k, fp);
}
