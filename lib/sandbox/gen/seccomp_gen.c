/*
 * seccomp_gen: build the two seccomp filters of the enforcement layer with
 * libseccomp, at build time, and print them as C arrays.
 *
 *   seccomp_gen c OUT.c        the precompiled filters (struct sbx_bpf_insn)
 *   seccomp_gen markdown OUT   doc/syscalls.md (the same table, for people)
 *   seccomp_gen pfc PROFILE    libseccomp's pseudo filter code, for review
 *
 * The runtime (sbx_seccomp_load.c) loads the arrays with the seccomp system
 * call directly, so starting a program compiles no filter and the launcher
 * does not link libseccomp.
 *
 * Both filters: an allowlist, default ERRNO(EPERM), clone3 ERRNO(ENOSYS),
 * any architecture other than the native one (i386 through int 0x80) and
 * x32 system calls on x86_64 KILL_PROCESS. Integer arguments (fds, flags,
 * families, commands) are compared on their low 32 bits only
 * (SCMP_CMP_MASKED_EQ with a 32-bit mask: the kernel ignores the upper
 * half of an int, so a full 64-bit compare could be bypassed by junk in it);
 * pointer arguments are compared on all 64 bits (masking a pointer to 32
 * bits would let a pointer above 4 GiB pass a "NULL" check).
 *
 * The table below is the single source of truth: doc/syscalls.md is
 * generated from it, and a test checks that the committed copy matches.
 */
#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define STRICT 1
#define COMPAT 2
#define BOTH (STRICT | COMPAT)

/* Argument conditions. */
/* (Braces rather than libseccomp's SCMP_CMP compound literals, so that the
 * table can be a static initializer.) */
#define CMP(arg, op, a, b) {(arg), (op), (a), (b)}
#define U32_EQ(arg, v) CMP((arg), SCMP_CMP_MASKED_EQ, 0xffffffffU, (v))
#define U32_MASKED(arg, m, v) CMP((arg), SCMP_CMP_MASKED_EQ, (m), (v))
#define PTR_NULL(arg) CMP((arg), SCMP_CMP_EQ, 0, 0)
/* A file mode without S_ISUID|S_ISGID (umode_t, low 32 bits). */
#define NO_SETID(arg) U32_MASKED((arg), 06000U, 0)
/* Open flags that make the kernel ignore the mode: neither O_CREAT nor
 * __O_TMPFILE (libcs then pass 0, raw callers may pass anything). */
#define NO_CREATE(arg) U32_MASKED((arg), X_O_CREAT | X_O_TMPFILE, 0)
/* dirfd is a real descriptor: bit 31 of the int is clear, so AT_FDCWD
 * (-100) and every other negative value are refused. */
#define DIRFD(arg) CMP((arg), SCMP_CMP_MASKED_EQ, 0x80000000U, 0)

/* Kernel values, spelled out (they are ABI and never change). */
#define X_O_PATH 010000000U
#define X_O_CREAT 0100U
#define X_RENAME_WHITEOUT 4U
#define X_O_TMPFILE 020000000U /* __O_TMPFILE, without O_DIRECTORY */
#define X_AF_UNIX 1U
#define X_SOCK_STREAM 1U
#define X_SOCK_SEQPACKET 5U
#define X_SOCK_FLAGS_MASK (~(04000U | 02000000U)) /* NONBLOCK, CLOEXEC */
#define X_MFD_NOEXEC_SEAL 0x8U
#define X_MFD_EXEC 0x10U
#define X_SIGCHLD 17U
#define X_CLONE_VM 0x100U
#define X_CLONE_FS 0x200U
#define X_CLONE_FILES 0x400U
#define X_CLONE_SIGHAND 0x800U
#define X_CLONE_PIDFD 0x1000U
#define X_CLONE_VFORK 0x4000U
#define X_CLONE_THREAD 0x10000U
#define X_CLONE_SYSVSEM 0x40000U
#define X_CLONE_SETTLS 0x80000U
#define X_CLONE_PARENT_SETTID 0x100000U
#define X_CLONE_CHILD_CLEARTID 0x200000U
#define X_CLONE_DETACHED 0x400000U
#define X_CLONE_CHILD_SETTID 0x1000000U

#define X_THREAD_GO                                                            \
  (X_CLONE_VM | X_CLONE_FS | X_CLONE_FILES | X_CLONE_SIGHAND |                 \
   X_CLONE_SYSVSEM | X_CLONE_THREAD)
#define X_THREAD_GLIBC                                                         \
  (X_THREAD_GO | X_CLONE_SETTLS | X_CLONE_PARENT_SETTID |                      \
   X_CLONE_CHILD_CLEARTID)
#define X_THREAD_MUSL (X_THREAD_GLIBC | X_CLONE_DETACHED)
#define X_FORK_PLAIN X_SIGCHLD
#define X_FORK_GLIBC (X_CLONE_CHILD_SETTID | X_CLONE_CHILD_CLEARTID | X_SIGCHLD)
#define X_FORK_VFORK (X_CLONE_VM | X_CLONE_VFORK | X_SIGCHLD)

struct rule {
  int profiles;
  const char *name;
  int errno_value; /* 0: allow; else ERRNO(errno_value) */
  unsigned n_args;
  struct scmp_arg_cmp args[3];
  const char *cond; /* the condition, for people */
  const char *why;
};

#define ARGS(...) ((const struct scmp_arg_cmp[]){__VA_ARGS__})
#define N_ARGS(...)                                                            \
  (unsigned)(sizeof(ARGS(__VA_ARGS__)) / sizeof(struct scmp_arg_cmp))
#define ALLOW(prof, name, why) {prof, name, 0, 0, {{0}}, "", why}
#define WHEN(prof, name, cond, why, ...)                                       \
  {prof, name, 0, N_ARGS(__VA_ARGS__), {__VA_ARGS__}, cond, why}
#define ERRNO(prof, name, e, why) {prof, name, e, 0, {{0}}, "", why}

/* The setsockopt allowlist: (level, optname) pairs that servers and
 * clients set on a connected or listening socket they were handed. */
#define SOCKOPTS(X)                                                            \
  X(SOL_SOCKET, 1, SO_REUSEADDR, 2)                                            \
  X(SOL_SOCKET, 1, SO_SNDBUF, 7)                                               \
  X(SOL_SOCKET, 1, SO_RCVBUF, 8)                                               \
  X(SOL_SOCKET, 1, SO_KEEPALIVE, 9)                                            \
  X(SOL_SOCKET, 1, SO_OOBINLINE, 10)                                           \
  X(SOL_SOCKET, 1, SO_LINGER, 13)                                              \
  X(SOL_SOCKET, 1, SO_PASSCRED, 16)                                            \
  X(SOL_SOCKET, 1, SO_RCVLOWAT, 18)                                            \
  X(SOL_SOCKET, 1, SO_SNDLOWAT, 19)                                            \
  X(SOL_SOCKET, 1, SO_RCVTIMEO_OLD, 20)                                        \
  X(SOL_SOCKET, 1, SO_SNDTIMEO_OLD, 21)                                        \
  X(SOL_SOCKET, 1, SO_RCVTIMEO_NEW, 66)                                        \
  X(SOL_SOCKET, 1, SO_SNDTIMEO_NEW, 67)                                        \
  X(IPPROTO_TCP, 6, TCP_NODELAY, 1)                                            \
  X(IPPROTO_TCP, 6, TCP_CORK, 3)                                               \
  X(IPPROTO_TCP, 6, TCP_KEEPIDLE, 4)                                           \
  X(IPPROTO_TCP, 6, TCP_KEEPINTVL, 5)                                          \
  X(IPPROTO_TCP, 6, TCP_KEEPCNT, 6)                                            \
  X(IPPROTO_TCP, 6, TCP_LINGER2, 8)                                            \
  X(IPPROTO_TCP, 6, TCP_DEFER_ACCEPT, 9)                                       \
  X(IPPROTO_TCP, 6, TCP_QUICKACK, 12)                                          \
  X(IPPROTO_TCP, 6, TCP_USER_TIMEOUT, 18)                                      \
  X(IPPROTO_TCP, 6, TCP_NOTSENT_LOWAT, 25)
#define SOCKOPT_NAME(lname, level, oname, opt) " " #oname
/* One rule per pair (both ints: low 32 bits); they share one condition
 * text, which the documentation prints once. */
#define SOCKOPT(lname, level, oname, opt)                                      \
  WHEN(BOTH, "setsockopt", sockopt_cond, SOCKOPT_WHY, U32_EQ(1, (level)),      \
       U32_EQ(2, (opt))),
static const char sockopt_cond[] =
    "(level, optname) is on the allowlist (level SOL_SOCKET for SO_*, "
    "IPPROTO_TCP for TCP_*):" SOCKOPTS(SOCKOPT_NAME);
#define SOCKOPT_WHY                                                            \
  "options of held sockets: buffers, timeouts, keep-alive, Nagle, corking, "   \
  "linger. Refused, among the rest: multicast membership and "               \
  "IP_MULTICAST_*, SO_BINDTODEVICE, SO_ATTACH_FILTER/BPF and the reuseport "   \
  "filters, SO_REUSEPORT, SO_BROADCAST, SO_DONTROUTE, SO_PRIORITY, SO_MARK, "  \
  "IP_TRANSPARENT, IP_TOS, TCP_ULP (kTLS), TCP_CONGESTION, TCP_FASTOPEN, "     \
  "TCP_MD5SIG, TCP_REPAIR, UDP_ENCAP"

/* An at-call: any dirfd in compat, a real dirfd in strict. */
#define AT(name, arg, why)                                                     \
  ALLOW(COMPAT, name, why),                                                    \
      WHEN(STRICT, name, "dirfd (a" #arg ") is not AT_FDCWD", why, DIRFD(arg))

static const struct rule rules[] = {
    /* ---- memory ---- */
    ALLOW(BOTH, "brk", "heap"),
    ALLOW(BOTH, "mmap", "memory; file mappings only of descriptors held"),
    ALLOW(BOTH, "munmap", "memory"),
    ALLOW(BOTH, "mremap", "memory"),
    ALLOW(BOTH, "mprotect", "memory; PROT_EXEC is needed by loaders and JITs"),
    ALLOW(BOTH, "pkey_mprotect", "memory protection keys"),
    ALLOW(BOTH, "pkey_alloc", "memory protection keys"),
    ALLOW(BOTH, "pkey_free", "memory protection keys"),
    ALLOW(BOTH, "madvise", "memory hints; the privileged advice needs "
                           "capabilities, which are dropped"),
    ALLOW(BOTH, "msync", "memory"),
    ALLOW(BOTH, "mincore", "memory"),
    ALLOW(BOTH, "mlock", "memory; bounded by RLIMIT_MEMLOCK"),
    ALLOW(BOTH, "mlock2", "memory; bounded by RLIMIT_MEMLOCK"),
    ALLOW(BOTH, "munlock", "memory"),
    ALLOW(BOTH, "mlockall", "memory; bounded by RLIMIT_MEMLOCK"),
    ALLOW(BOTH, "munlockall", "memory"),
    ALLOW(BOTH, "membarrier", "threads (used by runtimes and JITs)"),
    ALLOW(BOTH, "map_shadow_stack", "CET shadow stacks of new threads"),
    ALLOW(BOTH, "mseal", "sealing own mappings (only restricts)"),
    WHEN(BOTH, "memfd_create", "(flags & (MFD_EXEC|MFD_NOEXEC_SEAL)) == "
         "MFD_NOEXEC_SEAL", "anonymous shared memory; a memfd is exempt from "
         "Landlock's EXECUTE, so only non-executable ones",
         U32_MASKED(1, X_MFD_EXEC | X_MFD_NOEXEC_SEAL, X_MFD_NOEXEC_SEAL)),

    /* ---- threads, scheduling, process state ---- */
    ALLOW(BOTH, "futex", "threads"),
    ALLOW(BOTH, "futex_waitv", "threads"),
    ALLOW(BOTH, "futex_wake", "threads"),
    ALLOW(BOTH, "futex_wait", "threads"),
    ALLOW(BOTH, "futex_requeue", "threads"),
    ALLOW(BOTH, "set_robust_list", "threads (libc start-up)"),
    ALLOW(BOTH, "set_tid_address", "threads (libc start-up)"),
    ALLOW(BOTH, "rseq", "restartable sequences (glibc start-up)"),
    ALLOW(BOTH, "arch_prctl", "thread pointer (libc start-up)"),
    ALLOW(BOTH, "sched_yield", "threads"),
    ALLOW(BOTH, "sched_get_priority_max", "scheduling query"),
    ALLOW(BOTH, "sched_get_priority_min", "scheduling query"),
    ALLOW(BOTH, "sched_getaffinity", "CPU count; glibc's pthread_getattr_np "
                                     "asks by thread id (reads only)"),
    WHEN(BOTH, "sched_setaffinity", "pid == 0",
         "calling thread only: the kernel lets a process change the "
         "affinity of any process of its user, which Landlock does not "
         "scope (pthread_setaffinity_np on another thread fails)",
         U32_EQ(0, 0)),
    ALLOW(BOTH, "sched_getparam", "scheduling query (reads only; glibc asks "
                                  "by thread id)"),
    ALLOW(BOTH, "sched_getscheduler", "scheduling query (reads only)"),
    ALLOW(BOTH, "getpriority", "scheduling query (reads only)"),
    WHEN(BOTH, "setpriority", "which == PRIO_PROCESS && who == 0",
         "own process only; raising needs CAP_SYS_NICE (dropped)",
         U32_EQ(0, 0), U32_EQ(1, 0)),
    ALLOW(BOTH, "getcpu", "threads"),
    ALLOW(BOTH, "exit", "threads"),
    ALLOW(BOTH, "exit_group", "process exit"),
    ALLOW(BOTH, "restart_syscall", "the kernel restarts interrupted calls "
                                   "through it"),
    ALLOW(BOTH, "getpid", "identity"),
    ALLOW(BOTH, "gettid", "identity"),
    ALLOW(BOTH, "getppid", "identity"),
    ALLOW(BOTH, "getuid", "identity"),
    ALLOW(BOTH, "geteuid", "identity"),
    ALLOW(BOTH, "getgid", "identity"),
    ALLOW(BOTH, "getegid", "identity"),
    ALLOW(BOTH, "getresuid", "identity"),
    ALLOW(BOTH, "getresgid", "identity"),
    ALLOW(BOTH, "getgroups", "identity"),
    ALLOW(BOTH, "getpgrp", "process groups"),
    ALLOW(BOTH, "getpgid", "process groups"),
    ALLOW(BOTH, "getsid", "sessions"),
    ALLOW(BOTH, "setpgid", "process groups of own children (job control)"),
    ALLOW(BOTH, "setsid", "detach from the terminal"),
    ALLOW(BOTH, "capget", "reads own capabilities (all dropped)"),
    ALLOW(BOTH, "umask", "file creation mask"),
    ALLOW(BOTH, "uname", "system name and release (libc and runtimes query "
                         "it)"),
    ALLOW(COMPAT, "sysinfo", "memory size (glibc's sysconf(_SC_PHYS_PAGES))"),
    ALLOW(BOTH, "getrlimit", "limits"),
    ALLOW(BOTH, "setrlimit", "limits; raising a hard limit needs "
                             "CAP_SYS_RESOURCE (dropped)"),
    WHEN(BOTH, "prlimit64", "pid == 0",
         "own limits only; raising a hard limit needs CAP_SYS_RESOURCE "
         "(dropped)", U32_EQ(0, 0)),
    ALLOW(BOTH, "getrusage", "resource usage"),
    ALLOW(BOTH, "times", "resource usage"),
    WHEN(BOTH, "personality", "persona == 0xffffffff (query)",
         "query only; setting a persona (READ_IMPLIES_EXEC, ADDR_NO_RANDOMIZE) "
         "is refused", U32_EQ(0, 0xffffffffU)),
    WHEN(BOTH, "prctl", "option == PR_SET_PDEATHSIG", "process control",
         U32_EQ(0, 1)),
    WHEN(BOTH, "prctl", "option == PR_GET_PDEATHSIG", "process control",
         U32_EQ(0, 2)),
    WHEN(BOTH, "prctl", "option == PR_GET_DUMPABLE", "process control",
         U32_EQ(0, 3)),
    WHEN(BOTH, "prctl", "option == PR_SET_NAME", "thread names",
         U32_EQ(0, 15)),
    WHEN(BOTH, "prctl", "option == PR_GET_NAME", "thread names",
         U32_EQ(0, 16)),
    WHEN(BOTH, "prctl", "option == PR_GET_SECCOMP", "sandbox query",
         U32_EQ(0, 21)),
    WHEN(BOTH, "prctl", "option == PR_SET_SECCOMP",
         "stacking a further filter only restricts", U32_EQ(0, 22)),
    WHEN(BOTH, "prctl", "option == PR_CAPBSET_READ", "capability query",
         U32_EQ(0, 23)),
    WHEN(BOTH, "prctl", "option == PR_GET_SECUREBITS", "capability query",
         U32_EQ(0, 27)),
    WHEN(BOTH, "prctl", "option == PR_SET_CHILD_SUBREAPER",
         "supervisors of own children", U32_EQ(0, 36)),
    WHEN(BOTH, "prctl", "option == PR_GET_CHILD_SUBREAPER",
         "supervisors of own children", U32_EQ(0, 37)),
    WHEN(BOTH, "prctl", "option == PR_SET_NO_NEW_PRIVS",
         "program_exec sets it again (already set)", U32_EQ(0, 38)),
    WHEN(BOTH, "prctl", "option == PR_GET_NO_NEW_PRIVS", "sandbox query",
         U32_EQ(0, 39)),
    WHEN(BOTH, "prctl", "option == PR_CAP_AMBIENT && arg2 == "
         "PR_CAP_AMBIENT_IS_SET", "capability query", U32_EQ(0, 47),
         U32_EQ(1, 1)),
    WHEN(BOTH, "prctl", "option == PR_SET_VMA", "naming own mappings",
         U32_EQ(0, 0x53564d41U)),
    WHEN(BOTH, "seccomp", "operation == SECCOMP_SET_MODE_STRICT",
         "only restricts", U32_EQ(0, 0)),
    WHEN(BOTH, "seccomp", "operation == SECCOMP_SET_MODE_FILTER",
         "stacking a further filter only restricts (the most restrictive "
         "action of all filters wins)", U32_EQ(0, 1)),
    WHEN(BOTH, "seccomp", "operation == SECCOMP_GET_ACTION_AVAIL",
         "sandbox query (sandbox_probe in program_exec)", U32_EQ(0, 2)),
    ALLOW(BOTH, "landlock_create_ruleset",
          "program_exec/program_spawn stack a narrower Landlock layer"),
    ALLOW(BOTH, "landlock_add_rule", "narrowing (a new layer can only "
                                     "remove access)"),
    ALLOW(BOTH, "landlock_restrict_self", "narrowing"),

    /* ---- processes ---- */
    ALLOW(BOTH, "fork", "plain fork (musl's fork)"),
    ALLOW(BOTH, "vfork", "vfork (posix_spawn, Python's subprocess)"),
    WHEN(BOTH, "clone", "flags == glibc thread (0x3d0f00)",
         "threads and forks with exactly these flag sets: no namespace flag, "
         "CLONE_PARENT, CLONE_NEWUSER or CLONE_PTRACE",
         U32_EQ(0, X_THREAD_GLIBC)),
    WHEN(BOTH, "clone", "flags == musl thread (0x7d0f00)", "threads",
         U32_EQ(0, X_THREAD_MUSL)),
    WHEN(BOTH, "clone", "flags == Go thread (0x50f00)", "threads",
         U32_EQ(0, X_THREAD_GO)),
    WHEN(BOTH, "clone", "flags == SIGCHLD (fork), optionally | CLONE_PIDFD",
         "fork; no namespace, CLONE_PARENT or other flag",
         U32_EQ(0, X_FORK_PLAIN)),
    WHEN(BOTH, "clone", "", "", U32_EQ(0, X_FORK_PLAIN | X_CLONE_PIDFD)),
    WHEN(BOTH, "clone", "flags == glibc fork (0x1200011), optionally | "
         "CLONE_PIDFD", "fork", U32_EQ(0, X_FORK_GLIBC)),
    WHEN(BOTH, "clone", "", "", U32_EQ(0, X_FORK_GLIBC | X_CLONE_PIDFD)),
    WHEN(BOTH, "clone", "flags == CLONE_VM|CLONE_VFORK|SIGCHLD (0x4111), "
         "optionally | CLONE_PIDFD", "posix_spawn", U32_EQ(0, X_FORK_VFORK)),
    WHEN(BOTH, "clone", "", "", U32_EQ(0, X_FORK_VFORK | X_CLONE_PIDFD)),
    ERRNO(BOTH, "clone3", ENOSYS,
          "ENOSYS: its flags sit behind a pointer seccomp cannot read; libcs "
          "fall back to clone"),
    ALLOW(BOTH, "wait4", "own children"),
    ALLOW(BOTH, "waitid", "own children (also P_PIDFD)"),
    ALLOW(BOTH, "pidfd_open", "process descriptors; nothing can be done "
                              "with one outside the domain"),
    ALLOW(BOTH, "pidfd_send_signal", "confined by Landlock's signal scope"),
    ALLOW(BOTH, "kill", "confined by Landlock's signal scope (own domain)"),
    ALLOW(BOTH, "tkill", "confined by Landlock's signal scope"),
    ALLOW(BOTH, "tgkill", "raise(); confined by Landlock's signal scope"),
    ALLOW(BOTH, "rt_sigqueueinfo", "confined by Landlock's signal scope"),
    ALLOW(BOTH, "rt_tgsigqueueinfo", "confined by Landlock's signal scope"),
    AT("execveat", 0, "exec; confined by Landlock EXECUTE, not by seccomp"),
    ALLOW(COMPAT, "execve", "exec by path; confined by Landlock EXECUTE"),

    /* ---- signals and time ---- */
    ALLOW(BOTH, "rt_sigaction", "signals"),
    ALLOW(BOTH, "rt_sigprocmask", "signals"),
    ALLOW(BOTH, "rt_sigreturn", "signals"),
    ALLOW(BOTH, "rt_sigpending", "signals"),
    ALLOW(BOTH, "rt_sigsuspend", "signals"),
    ALLOW(BOTH, "rt_sigtimedwait", "signals"),
    ALLOW(BOTH, "sigaltstack", "signals"),
    ALLOW(BOTH, "pause", "signals"),
    ALLOW(BOTH, "alarm", "timers"),
    ALLOW(BOTH, "getitimer", "timers"),
    ALLOW(BOTH, "setitimer", "timers"),
    ALLOW(BOTH, "signalfd", "signals as descriptors"),
    ALLOW(BOTH, "signalfd4", "signals as descriptors"),
    ALLOW(BOTH, "clock_gettime", "clocks (read)"),
    ALLOW(BOTH, "clock_getres", "clocks (read)"),
    ALLOW(BOTH, "clock_nanosleep", "sleeping"),
    ALLOW(BOTH, "gettimeofday", "clocks (read)"),
    ALLOW(BOTH, "time", "clocks (read)"),
    ALLOW(BOTH, "nanosleep", "sleeping"),
    ALLOW(BOTH, "timer_create", "POSIX timers of own threads"),
    ALLOW(BOTH, "timer_settime", "POSIX timers"),
    ALLOW(BOTH, "timer_gettime", "POSIX timers"),
    ALLOW(BOTH, "timer_getoverrun", "POSIX timers"),
    ALLOW(BOTH, "timer_delete", "POSIX timers"),
    ALLOW(BOTH, "timerfd_create", "timers as descriptors"),
    ALLOW(BOTH, "timerfd_settime", "timers as descriptors"),
    ALLOW(BOTH, "timerfd_gettime", "timers as descriptors"),
    ALLOW(BOTH, "getrandom", "randomness"),

    /* ---- descriptors ---- */
    ALLOW(BOTH, "read", "I/O on held descriptors"),
    ALLOW(BOTH, "write", "I/O on held descriptors"),
    ALLOW(BOTH, "readv", "I/O on held descriptors"),
    ALLOW(BOTH, "writev", "I/O on held descriptors"),
    ALLOW(BOTH, "pread64", "I/O on held descriptors"),
    ALLOW(BOTH, "pwrite64", "I/O on held descriptors"),
    ALLOW(BOTH, "preadv", "I/O on held descriptors"),
    ALLOW(BOTH, "pwritev", "I/O on held descriptors"),
    ALLOW(BOTH, "preadv2", "I/O on held descriptors"),
    ALLOW(BOTH, "pwritev2", "I/O on held descriptors"),
    ALLOW(BOTH, "lseek", "I/O on held descriptors"),
    ALLOW(BOTH, "sendfile", "I/O between held descriptors"),
    ALLOW(BOTH, "splice", "I/O between held descriptors"),
    ALLOW(BOTH, "tee", "I/O between held descriptors"),
    ALLOW(BOTH, "vmsplice", "I/O on held descriptors"),
    ALLOW(BOTH, "copy_file_range", "I/O between held descriptors"),
    ALLOW(BOTH, "close", "descriptors"),
    ALLOW(BOTH, "close_range", "descriptors"),
    ALLOW(BOTH, "dup", "descriptors"),
    ALLOW(BOTH, "dup2", "descriptors"),
    ALLOW(BOTH, "dup3", "descriptors"),
    ALLOW(BOTH, "pipe", "anonymous pipes"),
    ALLOW(BOTH, "pipe2", "anonymous pipes"),
    ALLOW(BOTH, "eventfd", "event descriptors"),
    ALLOW(BOTH, "eventfd2", "event descriptors"),
    ALLOW(BOTH, "poll", "polling held descriptors"),
    ALLOW(BOTH, "ppoll", "polling held descriptors"),
    ALLOW(BOTH, "select", "polling held descriptors"),
    ALLOW(BOTH, "pselect6", "polling held descriptors"),
    ALLOW(BOTH, "epoll_create", "polling held descriptors"),
    ALLOW(BOTH, "epoll_create1", "polling held descriptors"),
    ALLOW(BOTH, "epoll_ctl", "polling held descriptors"),
    ALLOW(BOTH, "epoll_wait", "polling held descriptors"),
    ALLOW(BOTH, "epoll_pwait", "polling held descriptors"),
    ALLOW(BOTH, "epoll_pwait2", "polling held descriptors"),
    WHEN(BOTH, "fcntl", "cmd == F_DUPFD", "descriptors", U32_EQ(1, 0)),
    WHEN(BOTH, "fcntl", "cmd == F_GETFD", "descriptors", U32_EQ(1, 1)),
    WHEN(BOTH, "fcntl", "cmd == F_SETFD", "close-on-exec", U32_EQ(1, 2)),
    WHEN(BOTH, "fcntl", "cmd == F_GETFL", "status flags", U32_EQ(1, 3)),
    WHEN(BOTH, "fcntl", "cmd == F_SETFL",
         "O_NONBLOCK (and O_APPEND: not a boundary, see SECURITY.md)",
         U32_EQ(1, 4)),
    WHEN(BOTH, "fcntl", "cmd == F_GETLK", "record locks on held files",
         U32_EQ(1, 5)),
    WHEN(BOTH, "fcntl", "cmd == F_SETLK", "record locks on held files",
         U32_EQ(1, 6)),
    WHEN(BOTH, "fcntl", "cmd == F_SETLKW", "record locks on held files",
         U32_EQ(1, 7)),
    WHEN(BOTH, "fcntl", "cmd == F_OFD_GETLK", "record locks on held files",
         U32_EQ(1, 36)),
    WHEN(BOTH, "fcntl", "cmd == F_OFD_SETLK", "record locks on held files",
         U32_EQ(1, 37)),
    WHEN(BOTH, "fcntl", "cmd == F_OFD_SETLKW", "record locks on held files",
         U32_EQ(1, 38)),
    WHEN(BOTH, "fcntl", "cmd == F_DUPFD_CLOEXEC",
         "descriptors (no new authority)", U32_EQ(1, 1030)),
    WHEN(BOTH, "fcntl", "cmd == F_SETPIPE_SZ",
         "pipe size; bounded by fs.pipe-max-size", U32_EQ(1, 1031)),
    WHEN(BOTH, "fcntl", "cmd == F_GETPIPE_SZ", "pipe size", U32_EQ(1, 1032)),
    WHEN(BOTH, "fcntl", "cmd == F_ADD_SEALS", "sealing memfds (argdata)",
         U32_EQ(1, 1033)),
    WHEN(BOTH, "fcntl", "cmd == F_GET_SEALS", "checking the argdata memfd",
         U32_EQ(1, 1034)),
    WHEN(BOTH, "ioctl", "cmd == TCGETS", "isatty()", U32_EQ(1, 0x5401)),
    WHEN(BOTH, "ioctl", "cmd == TIOCGPGRP", "job control query",
         U32_EQ(1, 0x540f)),
    WHEN(BOTH, "ioctl", "cmd == TIOCGWINSZ", "terminal size (musl stdio)",
         U32_EQ(1, 0x5413)),
    WHEN(BOTH, "ioctl", "cmd == FIONREAD", "bytes available",
         U32_EQ(1, 0x541b)),
    WHEN(BOTH, "ioctl", "cmd == FIONBIO", "non-blocking mode",
         U32_EQ(1, 0x5421)),
    WHEN(BOTH, "ioctl", "cmd == FIONCLEX", "close-on-exec",
         U32_EQ(1, 0x5450)),
    WHEN(BOTH, "ioctl", "cmd == FIOCLEX", "close-on-exec", U32_EQ(1, 0x5451)),
    ALLOW(BOTH, "flock", "locks on held files"),
    ALLOW(BOTH, "fsync", "held files"),
    ALLOW(BOTH, "fdatasync", "held files"),
    ALLOW(BOTH, "sync_file_range", "held files"),
    ALLOW(BOTH, "ftruncate", "held files opened for writing"),
    ALLOW(BOTH, "fallocate", "held files opened for writing"),
    ALLOW(BOTH, "fadvise64", "held files"),
    ALLOW(BOTH, "readahead", "held files"),
    ALLOW(BOTH, "fstat", "held descriptors"),
    ALLOW(BOTH, "fstatfs", "held descriptors"),
    ALLOW(BOTH, "getdents", "held directories"),
    ALLOW(BOTH, "getdents64", "held directories"),
    ALLOW(BOTH, "fgetxattr", "held files (fd form only)"),
    ALLOW(BOTH, "flistxattr", "held files (fd form only)"),
    ERRNO(BOTH, "getxattr", EOPNOTSUPP, "path forms read attributes of files "
          "outside the grants; \"not supported\" keeps `ls -l` and `cp -a` "
          "quiet"),
    ERRNO(BOTH, "lgetxattr", EOPNOTSUPP, "as getxattr"),
    ERRNO(BOTH, "listxattr", EOPNOTSUPP, "as getxattr"),
    ERRNO(BOTH, "llistxattr", EOPNOTSUPP, "as getxattr"),
    WHEN(COMPAT, "utimensat", "path == NULL (64-bit compare)",
         "CloudABI's file_stat_fput(times) on a held file; a path form "
         "reaches files outside the grants. Not limited to writable "
         "descriptors (residual, SECURITY.md)", PTR_NULL(1)),
    WHEN(STRICT, "utimensat", "path == NULL (64-bit compare) && dirfd is not "
         "AT_FDCWD", "CloudABI's file_stat_fput(times) on a held file; a path "
         "form reaches files outside the grants (residual, SECURITY.md)",
         DIRFD(0), PTR_NULL(1)),

    /* ---- paths, relative to a directory descriptor ---- */
    WHEN(COMPAT, "openat", "flags has neither O_CREAT nor O_TMPFILE (mode "
         "ignored)", "confined by Landlock; no set-user/group-ID files (the "
         "program's user could plant one for others to run)", NO_CREATE(2)),
    WHEN(COMPAT, "openat", "(mode & (S_ISUID|S_ISGID)) == 0", "",
         NO_SETID(3)),
    WHEN(STRICT, "openat", "dirfd is not AT_FDCWD && (flags & O_PATH) == 0 "
         "&& flags has neither O_CREAT nor O_TMPFILE",
         "confined by Landlock; O_PATH would open (and fstat) paths outside "
         "the grants; no set-ID files", DIRFD(0),
         U32_MASKED(2, X_O_PATH | X_O_CREAT | X_O_TMPFILE, 0)),
    WHEN(STRICT, "openat", "dirfd is not AT_FDCWD && (flags & O_PATH) == 0 "
         "&& (mode & (S_ISUID|S_ISGID)) == 0", "", DIRFD(0),
         U32_MASKED(2, X_O_PATH, 0), NO_SETID(3)),
    AT("openat2", 0, "the SDK needs RESOLVE_BENEATH; its struct cannot be "
                     "inspected, Landlock confines it"),
    AT("newfstatat", 0, "stat; metadata is not confined (SECURITY.md)"),
    AT("statx", 0, "stat; metadata is not confined (SECURITY.md)"),
    AT("readlinkat", 0, "readlink; not confined (SECURITY.md)"),
    AT("faccessat", 0, "access; answers with DAC only (SECURITY.md)"),
    AT("faccessat2", 0, "access; answers with DAC only (SECURITY.md)"),
    AT("mkdirat", 0, "confined by Landlock MAKE_DIR"),
    AT("unlinkat", 0, "confined by Landlock REMOVE_FILE/REMOVE_DIR"),
    AT("symlinkat", 1, "confined by Landlock MAKE_SYM"),
    ALLOW(COMPAT, "renameat", "confined by Landlock (REFER across "
                              "directories)"),
    WHEN(STRICT, "renameat", "both dirfds (a0, a2) are not AT_FDCWD",
         "confined by Landlock", DIRFD(0), DIRFD(2)),
    WHEN(COMPAT, "renameat2", "(flags & RENAME_WHITEOUT) == 0",
         "confined by Landlock; RENAME_WHITEOUT would leave a 0:0 character "
         "device behind, which Landlock does not check and the kernel allows "
         "unprivileged", U32_MASKED(4, X_RENAME_WHITEOUT, 0)),
    WHEN(STRICT, "renameat2", "both dirfds (a0, a2) are not AT_FDCWD && "
         "(flags & RENAME_WHITEOUT) == 0", "confined by Landlock; no "
         "whiteout device nodes", DIRFD(0), DIRFD(2),
         U32_MASKED(4, X_RENAME_WHITEOUT, 0)),
    ALLOW(COMPAT, "linkat", "confined by Landlock (REFER)"),
    WHEN(STRICT, "linkat", "both dirfds (a0, a2) are not AT_FDCWD",
         "confined by Landlock", DIRFD(0), DIRFD(2)),

    /* ---- legacy path-only calls: compat only, confined by Landlock ---- */
    WHEN(COMPAT, "open", "flags has neither O_CREAT nor O_TMPFILE",
         "confined by Landlock; no set-ID files", NO_CREATE(1)),
    WHEN(COMPAT, "open", "(mode & (S_ISUID|S_ISGID)) == 0", "", NO_SETID(2)),
    WHEN(COMPAT, "creat", "(mode & (S_ISUID|S_ISGID)) == 0",
         "confined by Landlock; no set-ID files", NO_SETID(1)),
    ALLOW(COMPAT, "stat", "metadata is not confined (SECURITY.md)"),
    ALLOW(COMPAT, "lstat", "metadata is not confined (SECURITY.md)"),
    ALLOW(COMPAT, "access", "ld.so checks /etc/ld.so.preload; DAC answer only"),
    ALLOW(COMPAT, "readlink", "not confined (SECURITY.md)"),
    ALLOW(COMPAT, "statfs", "not confined (SECURITY.md)"),
    ALLOW(COMPAT, "mkdir", "confined by Landlock"),
    ALLOW(COMPAT, "rmdir", "confined by Landlock"),
    ALLOW(COMPAT, "unlink", "confined by Landlock"),
    ALLOW(COMPAT, "rename", "confined by Landlock"),
    ALLOW(COMPAT, "link", "confined by Landlock"),
    ALLOW(COMPAT, "symlink", "confined by Landlock"),
    ALLOW(COMPAT, "truncate", "confined by Landlock TRUNCATE"),
    ALLOW(COMPAT, "chdir", "harmless: opening through the cwd is checked by "
                           "Landlock"),
    ALLOW(COMPAT, "fchdir", "harmless: opening through the cwd is checked by "
                            "Landlock"),
    ALLOW(COMPAT, "getcwd", "programs ask for it; the cwd itself grants "
                            "nothing"),

    /* ---- sockets: only descriptors handed in, and anonymous pairs ---- */
    WHEN(BOTH, "socketpair", "domain == AF_UNIX && (type & ~(SOCK_NONBLOCK|"
         "SOCK_CLOEXEC)) == SOCK_STREAM", "anonymous sockets",
         U32_EQ(0, X_AF_UNIX), U32_MASKED(1, X_SOCK_FLAGS_MASK, X_SOCK_STREAM)),
    WHEN(BOTH, "socketpair", "domain == AF_UNIX && (type & ~(SOCK_NONBLOCK|"
         "SOCK_CLOEXEC)) == SOCK_SEQPACKET", "anonymous sockets (a DGRAM pair "
         "could address any path socket, so it is refused)",
         U32_EQ(0, X_AF_UNIX),
         U32_MASKED(1, X_SOCK_FLAGS_MASK, X_SOCK_SEQPACKET)),
    WHEN(BOTH, "sendto", "dest_addr == NULL (64-bit compare)",
         "sending on connected sockets only; an address could reach path "
         "sockets and UDP peers outside the grants", PTR_NULL(4)),
    ALLOW(BOTH, "sendmsg", "fd passing; msg_name cannot be inspected "
                           "(residual, SECURITY.md)"),
    ALLOW(BOTH, "sendmmsg", "as sendmsg (residual, SECURITY.md)"),
    ALLOW(BOTH, "recvfrom", "receiving"),
    ALLOW(BOTH, "recvmsg", "receiving, fd passing"),
    ALLOW(BOTH, "recvmmsg", "receiving"),
    ALLOW(BOTH, "shutdown", "held sockets"),
    ALLOW(BOTH, "getsockopt", "held sockets"),
    SOCKOPTS(SOCKOPT)
    ALLOW(BOTH, "getsockname", "held sockets"),
    ALLOW(BOTH, "getpeername", "held sockets"),
    ALLOW(BOTH, "accept", "connections on handed-in listening sockets"),
    ALLOW(BOTH, "accept4", "connections on handed-in listening sockets"),
};

/* Notable refusals, for the documentation only (the default action refuses
 * everything not above; seccomp_gen checks that none of these is allowed). */
static const struct {
  const char *names;
  const char *why;
} denied[] = {
    {"socket", "no ambient network or path sockets: sockets come from the "
               "launcher (pathname unix sockets are outside Landlock ABI 7; "
               "UDP, raw, MPTCP and netlink are outside Landlock entirely)"},
    {"bind connect listen", "Landlock's TCP rights miss listen() auto-bind, "
                            "MPTCP and UDP; fds arrive bound or connected"},
    {"chmod fchmodat fchmodat2 chown lchown fchownat utime utimes futimesat",
     "Landlock does not mediate attribute changes: path forms reach files "
     "outside the grants (only utimensat(fd, NULL) is allowed)"},
    {"fchmod fchown", "CloudABI has no chmod/chown, and the rights of a "
     "descriptor cannot be checked by seccomp: a [read] grant of a file the "
     "user owns could otherwise be made world-writable"},
    {"setxattr lsetxattr removexattr lremovexattr fsetxattr fremovexattr",
     "xattr writes (not in CloudABI; the path read forms answer EOPNOTSUPP, "
     "above, and fgetxattr/flistxattr are allowed)"},
    {"mknod mknodat", "device nodes, FIFOs and sockets in the file system"},
    {"inotify_init inotify_init1 inotify_add_watch fanotify_init fanotify_mark",
     "watching paths outside the grants"},
    {"mount umount2 pivot_root chroot unshare setns fsopen fsconfig fsmount "
     "fspick move_mount open_tree mount_setattr",
     "mounts and namespaces (the sandbox could undo a namespace layer)"},
    {"ptrace process_vm_readv process_vm_writev pidfd_getfd kcmp",
     "other processes' memory and descriptors"},
    {"bpf perf_event_open userfaultfd io_uring_setup io_uring_enter "
     "io_uring_register", "large kernel attack surface"},
    {"keyctl add_key request_key", "kernel keyrings are shared global state"},
    {"shmget shmat shmdt shmctl semget semop semtimedop semctl msgget msgsnd "
     "msgrcv msgctl mq_open mq_unlink mq_timedsend mq_timedreceive mq_notify "
     "mq_getsetattr", "SysV and POSIX IPC are global namespaces"},
    {"name_to_handle_at open_by_handle_at", "file handles bypass path checks"},
    {"settimeofday clock_settime clock_adjtime adjtimex sethostname "
     "setdomainname reboot init_module finit_module delete_module kexec_load "
     "kexec_file_load swapon swapoff acct ioperm iopl syslog quotactl sync "
     "vhangup", "global impact"},
    {"syncfs", "flushes the whole file system a held descriptor lives on "
     "(global impact, like sync); fsync, fdatasync and sync_file_range of "
     "held files are allowed"},
    {"setuid setgid setreuid setregid setresuid setresgid setgroups setfsuid "
     "setfsgid capset", "identity changes (privileges are already dropped)"},
    {"memfd_secret process_madvise process_mrelease",
     "not needed; kernel surface"},
};

static int resolve(const char *name) {
  static const struct {
    const char *name;
    int nr;
  } newer[] = {{"mseal", 462}}; /* newer than libseccomp 2.5.4 */
  int nr = seccomp_syscall_resolve_name(name);
  if (nr != __NR_SCMP_ERROR)
    return nr;
  for (size_t i = 0; i < sizeof(newer) / sizeof(newer[0]); i++)
    if (strcmp(newer[i].name, name) == 0)
      return newer[i].nr;
  fprintf(stderr, "seccomp_gen: unknown system call %s\n", name);
  exit(1);
}

static scmp_filter_ctx build(int profile) {
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM));
  if (ctx == NULL ||
      seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS) ||
      seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0) ||
      seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2)) {
    fprintf(stderr, "seccomp_gen: unable to set up libseccomp\n");
    exit(1);
  }
  for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
    const struct rule *r = &rules[i];
    uint32_t act = r->errno_value ? SCMP_ACT_ERRNO((uint32_t)r->errno_value)
                                  : SCMP_ACT_ALLOW;
    int rc;
    if (!(r->profiles & profile))
      continue;
    rc = seccomp_rule_add_exact_array(ctx, act, resolve(r->name), r->n_args,
                                      r->args);
    if (rc != 0) {
      fprintf(stderr, "seccomp_gen: rule for %s: %s\n", r->name,
              strerror(-rc));
      exit(1);
    }
  }
  return ctx;
}

static bool allowed_anywhere(const char *name) {
  for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
    if (strcmp(rules[i].name, name) == 0 && rules[i].errno_value == 0)
      return true;
  return false;
}

static void check_denied(void) {
  for (size_t i = 0; i < sizeof(denied) / sizeof(denied[0]); i++) {
    char buf[512], *save = NULL;
    snprintf(buf, sizeof(buf), "%s", denied[i].names);
    for (char *w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
      if (allowed_anywhere(w)) {
        fprintf(stderr, "seccomp_gen: %s is both allowed and denied\n", w);
        exit(1);
      }
  }
}

/* The BPF program as raw struct sock_filter records (8 bytes each). */
static unsigned char *export_bpf(scmp_filter_ctx ctx, size_t *len) {
  FILE *tmp = tmpfile();
  unsigned char *buf;
  long size;
  if (tmp == NULL || seccomp_export_bpf(ctx, fileno(tmp)) != 0 ||
      (size = lseek(fileno(tmp), 0, SEEK_END)) <= 0 || size % 8 != 0 ||
      (buf = malloc((size_t)size)) == NULL ||
      pread(fileno(tmp), buf, (size_t)size, 0) != size) {
    fprintf(stderr, "seccomp_gen: unable to export the BPF program\n");
    exit(1);
  }
  fclose(tmp);
  *len = (size_t)size / 8;
  return buf;
}

static void emit_c_array(FILE *out, const char *name, int profile) {
  scmp_filter_ctx ctx = build(profile);
  size_t n;
  unsigned char *b = export_bpf(ctx, &n);
  if (n > 4096) {
    fprintf(stderr, "seccomp_gen: %s has %zu instructions (max 4096)\n", name,
            n);
    exit(1);
  }
  fprintf(out, "const struct sbx_bpf_insn %s[] = {\n", name);
  for (size_t i = 0; i < n; i++) {
    uint16_t code;
    uint32_t k;
    memcpy(&code, b + 8 * i, 2);
    memcpy(&k, b + 8 * i + 4, 4);
    fprintf(out, "    {0x%04x, %u, %u, 0x%08x},\n", code, b[8 * i + 2],
            b[8 * i + 3], k);
  }
  fprintf(out, "};\nconst size_t %s_len = %zu;\n\n", name, n);
  free(b);
  seccomp_release(ctx);
}

static size_t count_insns(int profile) {
  scmp_filter_ctx ctx = build(profile);
  size_t n;
  free(export_bpf(ctx, &n));
  seccomp_release(ctx);
  return n;
}

static void emit_c(FILE *out) {
  fprintf(out, "/* Generated by lib/sandbox/gen/seccomp_gen.c with libseccomp "
               "%u.%u.%u. Do not edit. */\n#include \"sandbox_impl.h\"\n\n",
          SCMP_VER_MAJOR, SCMP_VER_MINOR, SCMP_VER_MICRO);
  emit_c_array(out, "sandbox_filter_strict", STRICT);
  emit_c_array(out, "sandbox_filter_compat", COMPAT);
}

/* Print a table cell: '|' would end the cell, so it is escaped. */
static void emit_cell(FILE *out, const char *text) {
  for (; *text != '\0'; text++) {
    if (*text == '|')
      fputc('\\', out);
    fputc(*text, out);
  }
}

/* One table per profile: a row per allowed system call, its conditions
 * joined by "or". */
static void emit_table(FILE *out, int profile) {
  fprintf(out, "| system call | allowed when | why |\n|---|---|---|\n");
  for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
    const struct rule *r = &rules[i];
    bool seen = false, any_uncond = false;
    const char *why = r->why;
    if (!(r->profiles & profile))
      continue;
    for (size_t j = 0; j < i; j++)
      if ((rules[j].profiles & profile) && !strcmp(rules[j].name, r->name))
        seen = true;
    if (seen)
      continue;
    fprintf(out, "| `%s` | ", r->name);
    if (r->errno_value) {
      fprintf(out, "never: answers %s | ",
              r->errno_value == ENOSYS       ? "ENOSYS"
              : r->errno_value == EOPNOTSUPP ? "EOPNOTSUPP"
                                             : "an errno");
      emit_cell(out, r->why);
      fprintf(out, " |\n");
      continue;
    }
    for (size_t j = i; j < sizeof(rules) / sizeof(rules[0]); j++)
      if ((rules[j].profiles & profile) && !strcmp(rules[j].name, r->name) &&
          rules[j].n_args == 0)
        any_uncond = true;
    if (any_uncond) {
      fprintf(out, "always");
    } else {
      bool first = true;
      for (size_t j = i; j < sizeof(rules) / sizeof(rules[0]); j++) {
        bool repeated = false;
        if (!(rules[j].profiles & profile) || strcmp(rules[j].name, r->name) ||
            rules[j].cond[0] == '\0')
          continue;
        for (size_t k = i; k < j && !repeated; k++) /* shared text: once */
          repeated = (rules[k].profiles & profile) &&
                     !strcmp(rules[k].name, r->name) &&
                     !strcmp(rules[k].cond, rules[j].cond);
        if (repeated)
          continue;
        fprintf(out, "%s", first ? "" : "; or ");
        emit_cell(out, rules[j].cond);
        first = false;
      }
    }
    if (strcmp(r->name, "prctl") == 0 || strcmp(r->name, "fcntl") == 0 ||
        strcmp(r->name, "ioctl") == 0 || strcmp(r->name, "seccomp") == 0)
      why = "a small command allowlist: see the conditions";
    fprintf(out, " | ");
    emit_cell(out, why);
    fprintf(out, " |\n");
  }
}

/* Print text with each paragraph (separated by blank lines) wrapped at 76
 * columns; headings are printed as they are. */
static void emit_prose(FILE *out, const char *text) {
  char *copy = strdup(text), *para = copy;
  while (para != NULL && *para != '\0') {
    char *end = strstr(para, "\n\n"), *save = NULL;
    size_t col = 0;
    if (end != NULL)
      *end = '\0';
    if (para[0] == '#') {
      fprintf(out, "%s\n\n", para);
    } else {
      for (char *w = strtok_r(para, " \n", &save); w;
           w = strtok_r(NULL, " \n", &save)) {
        size_t len = strlen(w);
        if (col > 0 && col + 1 + len > 76) {
          fputc('\n', out);
          col = 0;
        } else if (col > 0) {
          fputc(' ', out);
          col++;
        }
        fputs(w, out);
        col += len;
      }
      fputs("\n\n", out);
    }
    para = end != NULL ? end + 2 : NULL;
  }
  free(copy);
}

static void emit_markdown(FILE *out) {
  char buf[4096];
  snprintf(buf, sizeof(buf),
          "# System calls allowed by the seccomp filters\n\n"
          "<!-- Generated by `seccomp_gen markdown` from the table in "
          "lib/sandbox/gen/seccomp_gen.c; do not edit by hand. The test "
          "`sandbox/syscalls_doc` fails when this file is out of date. -->\n\n"
          "Both filters are allowlists for x86_64. Anything not listed "
          "fails with **EPERM**; `clone3` fails with **ENOSYS** so that libcs "
          "fall back to `clone`; a system call made through another ABI "
          "(i386 `int 0x80`, x32) **kills the process** (SIGSYS).\n\n"
          "Integer arguments (descriptors, flags, commands, families) are "
          "compared on their low 32 bits, which is all the kernel reads of "
          "an `int`; pointer arguments (\"== NULL\") are compared on all 64 "
          "bits. \"dirfd is not AT_FDCWD\" is implemented as \"bit 31 of "
          "dirfd is clear\": every negative descriptor is refused.\n\n"
          "seccomp is the boundary for everything that is not a file. For "
          "files it is only a second wall: files are confined by Landlock, "
          "and a path call being allowed here does not mean it reaches "
          "anything outside the grants (see SECURITY.md for what Landlock "
          "does not mediate, and why those calls are refused or listed as "
          "residual leaks).\n\n"
          "Instructions: strict %zu, compat %zu (libseccomp %u.%u.%u, binary "
          "tree).\n\n"
          "## strict (capability programs)\n\n"
          "No `AT_FDCWD`, no path-only legacy calls, no `execve`, no "
          "`O_PATH`. This is hygiene that makes accidental global-namespace "
          "use fail loudly, **not a security boundary**: an absolute path, or "
          "`..`, through a real directory descriptor passes it, and only "
          "Landlock stops it.",
          count_insns(STRICT), count_insns(COMPAT), SCMP_VER_MAJOR,
          SCMP_VER_MINOR, SCMP_VER_MICRO);
  emit_prose(out, buf);
  emit_table(out, STRICT);
  fputc('\n', out);
  emit_prose(out, "## compat (unmodified programs)\n\n"
                  "`AT_FDCWD` and the legacy path calls are allowed (dynamic "
                  "loaders open libraries by absolute path), and so are "
                  "`execve` and `O_PATH`; Landlock confines all of them.");
  emit_table(out, COMPAT);
  fprintf(out, "\n## Notable refusals (both profiles)\n\n"
               "| system calls | why |\n|---|---|\n");
  for (size_t i = 0; i < sizeof(denied) / sizeof(denied[0]); i++) {
    char buf[512], *save = NULL;
    bool first = true;
    snprintf(buf, sizeof(buf), "%s", denied[i].names);
    fprintf(out, "| ");
    for (char *w = strtok_r(buf, " ", &save); w;
         w = strtok_r(NULL, " ", &save), first = false)
      fprintf(out, "%s`%s`", first ? "" : ", ", w);
    fprintf(out, " | %s |\n", denied[i].why);
  }
}

int main(int argc, char **argv) {
  FILE *out;
  check_denied();
  if (argc == 3 && strcmp(argv[1], "pfc") == 0) {
    scmp_filter_ctx ctx =
        build(strcmp(argv[2], "strict") == 0 ? STRICT : COMPAT);
    return seccomp_export_pfc(ctx, 1) == 0 ? 0 : 1;
  }
  if (argc != 3 || (strcmp(argv[1], "c") && strcmp(argv[1], "markdown"))) {
    fprintf(stderr, "usage: seccomp_gen c|markdown OUTPUT\n"
                    "       seccomp_gen pfc strict|compat\n");
    return 100;
  }
  out = strcmp(argv[2], "-") == 0 ? stdout : fopen(argv[2], "w");
  if (out == NULL) {
    perror(argv[2]);
    return 111;
  }
  if (argv[1][0] == 'c')
    emit_c(out);
  else
    emit_markdown(out);
  if (fflush(out) != 0 || (out != stdout && fclose(out) != 0)) {
    perror(argv[2]);
    return 111;
  }
  return 0;
}
