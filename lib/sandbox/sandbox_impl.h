/*
 * Internals of the enforcement layer: kernel constants, raw system call
 * wrappers and the steps of sandbox_apply.
 *
 * Everything the kernel interface needs is defined here by hand instead of
 * coming from <linux/landlock.h>, <linux/seccomp.h>, <linux/filter.h> or
 * <linux/capability.h>: Debian 12's landlock.h stops at ABI 2, and musl-gcc
 * (which builds the SDK's copy of this code) has no kernel headers at all.
 * The values are the kernel's UAPI values and never change.
 *
 * Internal functions return 0 or a negative errno value and, on failure,
 * fill *err (when err is not NULL).
 */
#ifndef SANDBOX_IMPL_H
#define SANDBOX_IMPL_H

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox.h"

/* ---- Landlock (x86_64 and every other architecture: 444..446) ---- */
#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#endif
#ifndef SYS_landlock_add_rule
#define SYS_landlock_add_rule 445
#endif
#ifndef SYS_landlock_restrict_self
#define SYS_landlock_restrict_self 446
#endif

#define SBX_LANDLOCK_CREATE_RULESET_VERSION (1U << 0)
#define SBX_LANDLOCK_RULE_PATH_BENEATH 1

#define SBX_LL_FS_EXECUTE (UINT64_C(1) << 0)
#define SBX_LL_FS_WRITE_FILE (UINT64_C(1) << 1)
#define SBX_LL_FS_READ_FILE (UINT64_C(1) << 2)
#define SBX_LL_FS_READ_DIR (UINT64_C(1) << 3)
#define SBX_LL_FS_REMOVE_DIR (UINT64_C(1) << 4)
#define SBX_LL_FS_REMOVE_FILE (UINT64_C(1) << 5)
#define SBX_LL_FS_MAKE_CHAR (UINT64_C(1) << 6)
#define SBX_LL_FS_MAKE_DIR (UINT64_C(1) << 7)
#define SBX_LL_FS_MAKE_REG (UINT64_C(1) << 8)
#define SBX_LL_FS_MAKE_SOCK (UINT64_C(1) << 9)
#define SBX_LL_FS_MAKE_FIFO (UINT64_C(1) << 10)
#define SBX_LL_FS_MAKE_BLOCK (UINT64_C(1) << 11)
#define SBX_LL_FS_MAKE_SYM (UINT64_C(1) << 12)
#define SBX_LL_FS_REFER (UINT64_C(1) << 13)    /* ABI 2 */
#define SBX_LL_FS_TRUNCATE (UINT64_C(1) << 14) /* ABI 3 */
#define SBX_LL_FS_IOCTL_DEV (UINT64_C(1) << 15) /* ABI 5 */

/* The rights a rule made from a non-directory may carry. */
#define SBX_LL_FS_FILE_RIGHTS                                                  \
  (SBX_LL_FS_EXECUTE | SBX_LL_FS_WRITE_FILE | SBX_LL_FS_READ_FILE |            \
   SBX_LL_FS_TRUNCATE | SBX_LL_FS_IOCTL_DEV)

#define SBX_LL_NET_BIND_TCP (UINT64_C(1) << 0)    /* ABI 4 */
#define SBX_LL_NET_CONNECT_TCP (UINT64_C(1) << 1) /* ABI 4 */

#define SBX_LL_SCOPE_ABSTRACT_UNIX_SOCKET (UINT64_C(1) << 0) /* ABI 6 */
#define SBX_LL_SCOPE_SIGNAL (UINT64_C(1) << 1)               /* ABI 6 */

/* Newest ABI whose features this code knows about. */
#define SBX_LANDLOCK_ABI_KNOWN 7

struct sbx_ruleset_attr {
  uint64_t handled_access_fs;
  uint64_t handled_access_net; /* ABI 4 */
  uint64_t scoped;             /* ABI 6 */
};

struct sbx_path_beneath_attr {
  uint64_t allowed_access;
  int32_t parent_fd;
} __attribute__((packed));

/* ---- seccomp ---- */
#ifndef SYS_seccomp
#define SYS_seccomp 317
#endif
#define SBX_SECCOMP_MODE_FILTER 2 /* PR_GET_SECCOMP answer */
#define SBX_SECCOMP_SET_MODE_FILTER 1
#define SBX_SECCOMP_GET_ACTION_AVAIL 2
#define SBX_SECCOMP_FILTER_FLAG_SPEC_ALLOW (1U << 2)
#define SBX_SECCOMP_RET_KILL_PROCESS 0x80000000U
#define SBX_SECCOMP_RET_ERRNO 0x00050000U
#define SBX_SECCOMP_RET_ALLOW 0x7fff0000U

/* Same layout as the kernel's struct sock_filter / sock_fprog. */
struct sbx_bpf_insn {
  uint16_t code;
  uint8_t jt;
  uint8_t jf;
  uint32_t k;
};
struct sbx_bpf_prog {
  unsigned short len;
  const struct sbx_bpf_insn *filter;
};

/* The precompiled filters (sandbox_seccomp_filters.c, made at build time
 * by gen/seccomp_gen.c). */
extern const struct sbx_bpf_insn sandbox_filter_strict[];
extern const size_t sandbox_filter_strict_len;
extern const struct sbx_bpf_insn sandbox_filter_compat[];
extern const size_t sandbox_filter_compat_len;

/* ---- capabilities and securebits ---- */
#define SBX_LINUX_CAPABILITY_VERSION_3 0x20080522U
struct sbx_cap_header {
  uint32_t version;
  int pid;
};
struct sbx_cap_data {
  uint32_t effective;
  uint32_t permitted;
  uint32_t inheritable;
};

#define SBX_SECBIT_NOROOT (1UL << 0)
#define SBX_SECBIT_NOROOT_LOCKED (1UL << 1)
#define SBX_SECBIT_NO_SETUID_FIXUP (1UL << 2)
#define SBX_SECBIT_NO_SETUID_FIXUP_LOCKED (1UL << 3)
#define SBX_SECBIT_KEEP_CAPS_LOCKED (1UL << 5)
#define SBX_SECBIT_NO_CAP_AMBIENT_RAISE (1UL << 6)
#define SBX_SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED (1UL << 7)
#define SBX_SECBITS_LOCKED_DOWN                                                \
  (SBX_SECBIT_NOROOT | SBX_SECBIT_NOROOT_LOCKED | SBX_SECBIT_NO_SETUID_FIXUP | \
   SBX_SECBIT_NO_SETUID_FIXUP_LOCKED | SBX_SECBIT_KEEP_CAPS_LOCKED |           \
   SBX_SECBIT_NO_CAP_AMBIENT_RAISE | SBX_SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED)

/* ---- memfd ---- */
#define SBX_MFD_CLOEXEC 0x0001U
#define SBX_MFD_ALLOW_SEALING 0x0002U
#define SBX_MFD_NOEXEC_SEAL 0x0008U
#define SBX_MFD_EXEC 0x0010U

/* ---- raw system calls (return -errno, never touch errno's meaning) ---- */
static inline long sbx_ret(long r) { return r < 0 ? -errno : r; }

static inline int sbx_landlock_create_ruleset(const struct sbx_ruleset_attr *a,
                                              size_t size, uint32_t flags) {
  return (int)sbx_ret(syscall(SYS_landlock_create_ruleset, a, size, flags));
}
static inline int sbx_landlock_add_rule(int rs, int type, const void *attr) {
  return (int)sbx_ret(syscall(SYS_landlock_add_rule, rs, type, attr, 0));
}
static inline int sbx_landlock_restrict_self(int rs) {
  return (int)sbx_ret(syscall(SYS_landlock_restrict_self, rs, 0));
}

/* ---- helpers shared by the steps ---- */

/* Format err->message (and optionally err->hint); returns rc. */
__attribute__((format(printf, 3, 4))) static inline int
sbx_fail(struct sandbox_error *err, int rc, const char *fmt, ...) {
  if (err != NULL) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
    va_end(ap);
    err->hint[0] = '\0';
  }
  return rc;
}

__attribute__((format(printf, 2, 3))) static inline void
sbx_hint(struct sandbox_error *err, const char *fmt, ...) {
  if (err != NULL) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->hint, sizeof(err->hint), fmt, ap);
    va_end(ap);
  }
}

/* Every FS access right Landlock ABI `abi` handles (0 below ABI 1). */
uint64_t sbx_landlock_fs_handled(int abi);

/* Steps of sandbox_apply, in order. */
int sbx_ruleset_build(const struct sandbox_policy *policy, int abi,
                      struct sandbox_error *err);
int sbx_privileges_drop(const struct sandbox_policy *policy,
                        struct sandbox_error *err);
int sbx_landlock_enforce(int ruleset_fd, struct sandbox_error *err);
int sbx_seccomp_load(enum sandbox_profile profile, struct sandbox_error *err);

/* One line listing what Landlock ABI `abi` does not enforce ("" at or above
 * the required ABI). */
void sbx_missing_features(int abi, char *buf, size_t size);

#endif
