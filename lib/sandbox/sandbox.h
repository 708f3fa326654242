/*
 * The enforcement layer: turns granted capabilities into a locked-down
 * process (DESIGN.md section 5). Used by cloudabi-run after it has opened
 * every resource and arranged the descriptors, right before exec.
 *
 *   sandbox_probe           what this kernel can enforce (once per run)
 *   sandbox_describe_kernel the same, for a person or as JSON (--check)
 *   sandbox_landlock_access rights set -> Landlock access bits
 *   sandbox_apply           drop privileges, no_new_privs, Landlock,
 *                           seccomp; all or nothing (fail closed)
 *   sandbox_landlock_narrow stack one more Landlock layer (program_exec)
 *   sandbox_filter_length   size of a precompiled seccomp filter
 *
 * Error contract: 0 or a negative errno value; on failure struct
 * sandbox_error says which step failed, in one line. Nothing here prints,
 * except sandbox_describe_kernel, whose job it is.
 *
 * The seccomp filters are built at build time (gen/seccomp_gen.c, with
 * libseccomp) and embedded as BPF; at run time they are loaded with the
 * seccomp system call, so this library needs no libseccomp and compiles
 * with musl (libsandbox-musl.a). What each profile allows, and why, is
 * doc/syscalls.md; what is and is not a boundary is SECURITY.md.
 *
 * Architecture: x86_64 only for now (the filter table names x86_64 system
 * calls such as open and stat; the generator fails the build elsewhere).
 *
 * Not provided: a user-notify supervisor, namespaces (a mount-namespace
 * layer would close the metadata leaks listed in SECURITY.md), cgroups.
 */
#ifndef SANDBOX_H
#define SANDBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* Landlock ABI needed for a normal (non-degraded) run. */
#define SANDBOX_LANDLOCK_ABI_REQUIRED 6

enum sandbox_profile {
  SANDBOX_PROFILE_STRICT, /* capability programs: no AT_FDCWD, no path-only
                             legacy syscalls, no execve by path */
  SANDBOX_PROFILE_COMPAT, /* unmodified programs: AT_FDCWD and path syscalls
                             allowed, confined by Landlock */
};

/* What the running kernel offers (after any test-only lowering). */
struct sandbox_kernel {
  int landlock_abi;     /* 0: no Landlock */
  int landlock_abi_raw; /* before lowering */
  bool seccomp;         /* seccomp filter mode available */
  bool memfd_noexec_seal; /* MFD_NOEXEC_SEAL supported */
};

/*
 * Probe the kernel once. abi_ceiling >= 0 lowers the Landlock ABI that the
 * rest of the layer believes in (never raises it): a test-only setting that
 * lets the refusal and degraded paths run on a new kernel; -1 = no ceiling.
 * Returns 0 (the probe itself cannot fail; absent features read as 0/false).
 *
 * How: landlock_create_ruleset(NULL, 0, VERSION) for the ABI (0 when the
 * call fails: ENOSYS, or EOPNOTSUPP when Landlock is built but not enabled
 * at boot); PR_GET_SECCOMP plus SECCOMP_GET_ACTION_AVAIL for KILL_PROCESS
 * and ERRNO (the filters' actions); a throw-away memfd_create with
 * MFD_NOEXEC_SEAL (Linux 6.3). errno is preserved. Works inside the
 * sandbox too (both profiles allow every call it makes).
 */
int sandbox_probe(struct sandbox_kernel *k, int abi_ceiling);

/*
 * Print what this kernel enforces for a person, or as one JSON object when
 * json is true (the format of `cloudabi-run --check`): the ABI in use and
 * the kernel's (they differ under a ceiling), each Landlock feature with
 * the ABI that brings it and whether it is enforced, seccomp, MFD_NOEXEC_SEAL,
 * whether a normal run is possible, and what a degraded run would not
 * enforce. The JSON object, on one line:
 *   {"landlock_abi":7,"landlock_abi_kernel":7,"landlock_abi_required":6,
 *    "features":{"filesystem":true,"refer":true,"truncate":true,"tcp":true,
 *                "ioctl_dev":true,"scoping":true,"audit_logging":true},
 *    "seccomp":true,"seccomp_instructions":{"strict":431,"compat":433},
 *    "memfd_noexec_seal":true,"normal_run":true,
 *    "degraded_run":true,"not_enforced":[]}
 * not_enforced lists the feature keys below the required ABI that are
 * missing. Write errors on fp are ignored (the caller checks ferror).
 */
void sandbox_describe_kernel(const struct sandbox_kernel *k, FILE *fp,
                             bool json);

/*
 * The Landlock access bits for a grant with CloudABI rights set `rights`
 * (lib/rights/cloudabi_rights.h), for a directory (rights apply beneath it)
 * or a file (only file rights: EXECUTE, READ_FILE, WRITE_FILE, TRUNCATE,
 * IOCTL_DEV), masked to what ABI `abi` knows. Never MAKE_CHAR/MAKE_BLOCK;
 * never TRUNCATE without the right to change file size.
 *
 *   FILE_OPEN + FD_READ         READ_FILE  (a file: FD_READ alone)
 *   FILE_READDIR                READ_DIR   (directories only)
 *   FD_WRITE                    WRITE_FILE | IOCTL_DEV (ABI 5)
 *   FD_WRITE + STAT_FPUT_SIZE   TRUNCATE (ABI 3); never on a read-only grant
 *   FILE_CREATE_FILE            MAKE_REG             (directories only)
 *   FILE_CREATE_DIRECTORY       MAKE_DIR             (directories only)
 *   FILE_SYMLINK                MAKE_SYM             (directories only)
 *   FILE_UNLINK                 REMOVE_FILE | REMOVE_DIR (directories only)
 *   FILE_LINK_*, FILE_RENAME_*  REFER (ABI 2)        (directories only)
 *   PROC_EXEC                   EXECUTE
 *   anything else               nothing (advisory on Linux)
 * MAKE_CHAR, MAKE_BLOCK, MAKE_FIFO and MAKE_SOCK are never granted.
 *
 * Landlock's rename and link need more than REFER: removing the name from
 * the source directory (REMOVE_FILE/REMOVE_DIR, i.e. the `delete` group)
 * and making it in the target (MAKE_REG/MAKE_DIR/MAKE_SYM, the `create`
 * group). A grant of `rename` alone therefore cannot rename; grant
 * [rename, create, delete] (rights are never widened here behind the
 * configuration's back).
 */
uint64_t sandbox_landlock_access(uint64_t rights, bool is_dir, int abi);

/* One Landlock rule, made from a descriptor the launcher opened. */
struct sandbox_rule {
  int fd;          /* borrowed; any open mode (O_PATH is fine); a directory
                      or a file (a file rule keeps only file rights) */
  uint64_t access; /* LANDLOCK_ACCESS_FS_* bits; masked to the kernel's;
                      a rule left with no bits is skipped */
};

struct sandbox_policy {
  enum sandbox_profile profile;
  const struct sandbox_rule *rules;
  size_t n_rules;
  bool allow_degraded; /* run below SANDBOX_LANDLOCK_ABI_REQUIRED (>= 1) */
  uid_t uid;           /* switch to this user when root; (uid_t)-1 = keep */
  gid_t gid;           /* its group; (gid_t)-1 = keep */
};

struct sandbox_error {
  char message[256]; /* "unable to <step>: <reason>", one line */
  char hint[256];    /* or "" */
};

/*
 * Lock the calling process down: if root, drop every capability (bounding,
 * effective, permitted, inheritable, ambient; securebits locked) and switch
 * user when asked; set no_new_privs; restrict it with a Landlock ruleset
 * (every FS right the kernel knows handled, one rule per policy rule, TCP
 * bind/connect handled with no port rule, abstract unix sockets and signals
 * scoped); load the seccomp filter of the profile (precompiled at build
 * time). Irreversible. On failure the process is in an unknown partial state
 * and must not exec the program: the caller exits.
 *
 * When allow_degraded is set and the kernel is below the required ABI,
 * *warnings (if not NULL) receives a one-line list of what is not enforced
 * ("" otherwise).
 *
 * Order: the kernel and policy are checked and the Landlock ruleset is
 * built from the rule descriptors first, so every error up to there leaves
 * the process untouched (tested). Then: privileges (ambient cleared,
 * bounding set dropped, securebits NOROOT|NO_SETUID_FIXUP|KEEP_CAPS_LOCKED|
 * NO_CAP_AMBIENT_RAISE all locked, supplementary groups cleared and
 * setresgid/setresuid when asked, effective/permitted/inheritable emptied,
 * all verified), PR_SET_NO_NEW_PRIVS, landlock_restrict_self, seccomp
 * (SECCOMP_FILTER_FLAG_SPEC_ALLOW). Not TSYNC: call it single-threaded.
 * An unprivileged caller has nothing to drop.
 *
 * Errors: -ENOSYS (no Landlock or no seccomp: never runs), -EOPNOTSUPP
 * (Landlock ABI below the minimum and no allow_degraded), -EINVAL (unknown
 * profile, rules NULL), -EBADF and other landlock_add_rule errors for a bad
 * rule descriptor, -EPERM (user switch asked without root, or a privilege
 * that could not be dropped), -E2BIG (the process already has 16 Landlock
 * layers, the kernel's limit), or the errno of the failing step.
 */
int sandbox_apply(const struct sandbox_policy *policy,
                  const struct sandbox_kernel *k, char *warnings,
                  size_t warnings_size, struct sandbox_error *err);

/* Human-readable name of a profile: "strict" or "compat". */
const char *sandbox_profile_name(enum sandbox_profile profile);

/*
 * Stack one more Landlock layer on the calling process, handling the same
 * rights as sandbox_apply, with only `rules` (for program_exec and
 * program_spawn, which pass on a subset of their own grants). Layers
 * intersect: the result never grants more than the process already had.
 * Sets no_new_privs (already set inside a sandbox); touches neither the
 * privileges nor seccomp. Works inside the sandbox (both seccomp profiles
 * allow the Landlock calls). Rules are borrowed.
 * Errors: -ENOSYS (k has no Landlock), -EINVAL (rules NULL with n_rules >
 * 0), -EBADF and the other errnos of landlock_add_rule for a bad rule fd,
 * -E2BIG when the process already has 16 layers (the kernel's limit: the
 * caller must then refuse to start the program rather than run it with
 * more authority than intended).
 */
int sandbox_landlock_narrow(const struct sandbox_rule *rules, size_t n_rules,
                            const struct sandbox_kernel *k,
                            struct sandbox_error *err);

/*
 * Number of BPF instructions of a profile's precompiled seccomp filter
 * (for --check and benchmarks); 0 for an unknown profile.
 */
size_t sandbox_filter_length(enum sandbox_profile profile);

#endif
