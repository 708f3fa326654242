/*
 * Attacks on other processes (signals, SIGIO, scheduling, ptrace, memory
 * access), on resource limits and on privileges.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "escape_probe.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif
#ifndef SYS_pidfd_getfd
#define SYS_pidfd_getfd 438
#endif
#ifndef SYS_process_madvise
#define SYS_process_madvise 440
#endif
#ifndef F_SETOWN_EX
#define F_SETOWN_EX 15
#endif
#ifndef PR_CAP_AMBIENT
#define PR_CAP_AMBIENT 47
#define PR_CAP_AMBIENT_IS_SET 1
#endif
#ifndef SCHED_IDLE
#define SCHED_IDLE 5
#endif
#define MADV_PAGEOUT_ 21
#define KCMP_FILE_ 0

static long victim(void) { return probe.victim; }

int a_kill_parent(void) { return SC(SYS_kill, L(getppid()), L(SIGCONT)); }
int a_kill_victim(void) { return SC(SYS_kill, victim(), L(SIGCONT)); }
int a_tgkill_victim(void) {
  return SC(SYS_tgkill, victim(), victim(), L(SIGCONT));
}
int a_tkill_victim(void) { return SC(SYS_tkill, victim(), L(SIGCONT)); }
static siginfo_t queue_info(void) {
  siginfo_t si;
  memset(&si, 0, sizeof(si));
  si.si_signo = SIGCONT;
  si.si_code = SI_QUEUE;
  si.si_pid = getpid();
  return si;
}
int a_sigqueue_victim(void) {
  siginfo_t si = queue_info();
  return SC(SYS_rt_sigqueueinfo, victim(), L(SIGCONT), &si);
}
int a_tgsigqueue_victim(void) {
  siginfo_t si = queue_info();
  return SC(SYS_rt_tgsigqueueinfo, victim(), victim(), L(SIGCONT), &si);
}
int a_pidfd_signal_victim(void) {
  long pfd = syscall(SYS_pidfd_open, victim(), L(0));
  if (pfd < 0)
    return errno;
  return SC(SYS_pidfd_send_signal, pfd, L(SIGCONT), NULL, L(0));
}
int a_kill_broadcast(void) { return SC(SYS_kill, L(-1), L(SIGCONT)); }
int a_kill_pgrp(void) { return SC(SYS_kill, L(0), L(SIGCONT)); }
int a_kill_pid_highbits(void) {
  return SC(SYS_kill, (long)((unsigned long)victim() | 0xffffffff00000000UL),
            L(SIGCONT));
}

static int async_pipe(int cmd_is_ex, unsigned long cmd_junk) {
  int p[2];
  if (pipe(p) != 0)
    return errno;
  long r;
  if (cmd_is_ex) {
    struct {
      int type;
      int pid;
    } owner = {0 /* F_OWNER_TID */, (int)victim()};
    r = syscall(SYS_fcntl, L(p[0]), L(F_SETOWN_EX), &owner);
  } else {
    r = syscall(SYS_fcntl, L(p[0]), (long)(F_SETOWN | cmd_junk), victim());
  }
  if (r < 0)
    return errno;
  int fl = fcntl(p[0], F_GETFL);
  if (syscall(SYS_fcntl, L(p[0]), L(F_SETFL), L(fl | O_ASYNC)) < 0)
    return errno;
  if (write(p[1], "x", 1) != 1)
    return errno;
  return 0;
}
int a_fsetown_sigio(void) { return async_pipe(0, 0); }
int a_fsetown_ex(void) { return async_pipe(1, 0); }
int a_fsetown_highbits(void) { return async_pipe(0, 1UL << 32); }

int a_setpriority_victim(void) {
  return SC(SYS_setpriority, L(PRIO_PROCESS), victim(), L(19));
}
int a_sched_setaffinity_victim(void) {
  unsigned long mask = 1;
  return SC(SYS_sched_setaffinity, victim(), L(sizeof(mask)), &mask);
}
int a_sched_setscheduler_victim(void) {
  struct sched_param sp = {0};
  return SC(SYS_sched_setscheduler, victim(), L(SCHED_IDLE), &sp);
}
int a_ioprio_set_victim(void) {
  /* IOPRIO_WHO_PROCESS = 1, class IDLE (3) << 13 */
  return SC(SYS_ioprio_set, L(1), victim(), L(3 << 13));
}
int a_kcmp_victim(void) {
  return SC(SYS_kcmp, L(getpid()), victim(), L(KCMP_FILE_), L(0), L(0));
}
int a_pidfd_getfd_victim(void) {
  long pfd = syscall(SYS_pidfd_open, victim(), L(0));
  if (pfd < 0)
    return errno;
  return SC(SYS_pidfd_getfd, pfd, L(0), L(0));
}
int a_process_madvise_victim(void) {
  long pfd = syscall(SYS_pidfd_open, victim(), L(0));
  if (pfd < 0)
    return errno;
  static char page[4096] __attribute__((aligned(4096)));
  struct iovec iov = {page, sizeof(page)};
  return SC(SYS_process_madvise, pfd, &iov, L(1), L(MADV_PAGEOUT_), L(0));
}
int a_move_pages_victim(void) {
  static char page[4096] __attribute__((aligned(4096)));
  void *pages[1] = {page};
  int status[1];
  return SC(SYS_move_pages, victim(), L(1), pages, NULL, status, L(0));
}
int a_ptrace_attach_parent(void) {
  return SC(SYS_ptrace, L(16 /* PTRACE_ATTACH */), L(getppid()), NULL, NULL);
}
int a_ptrace_seize_victim(void) {
  return SC(SYS_ptrace, L(0x4206 /* PTRACE_SEIZE */), victim(), NULL, NULL);
}
int a_ptrace_traceme(void) {
  return SC(SYS_ptrace, L(0 /* PTRACE_TRACEME */), L(0), NULL, NULL);
}
static int vm_rw(int write_) {
  static char local[16], remote_dummy[16];
  struct iovec l = {local, sizeof(local)};
  struct iovec r = {remote_dummy, sizeof(remote_dummy)};
  return SC(write_ ? SYS_process_vm_writev : SYS_process_vm_readv, victim(),
            &l, L(1), &r, L(1), L(0));
}
int a_process_vm_readv_victim(void) { return vm_rw(0); }
int a_process_vm_writev_victim(void) { return vm_rw(1); }

/* ---- limits and privileges ---- */

int a_setrlimit_above_hard(void) {
  struct rlimit old, lim;
  if (syscall(SYS_prlimit64, L(0), L(RLIMIT_NOFILE), NULL, &old) < 0)
    return errno;
  if (old.rlim_max == RLIM_INFINITY) {
    probe_custom("RLIMIT_NOFILE-hard-is-infinite");
    return PROBE_CUSTOM;
  }
  lim.rlim_cur = old.rlim_max + 1;
  lim.rlim_max = old.rlim_max + 1;
  return SC(SYS_prlimit64, L(0), L(RLIMIT_NOFILE), &lim, NULL);
}
int a_setrlimit_legacy(void) {
  struct rlimit lim = {RLIM_INFINITY, RLIM_INFINITY};
  return SC(SYS_setrlimit, L(RLIMIT_NPROC), &lim);
}
int a_prlimit_victim(void) {
  struct rlimit old;
  return SC(SYS_prlimit64, victim(), L(RLIMIT_NOFILE), NULL, &old);
}

struct cap_header_ {
  uint32_t version;
  int pid;
};
struct cap_data_ {
  uint32_t effective, permitted, inheritable;
};

int a_caps_sets(void) {
  struct cap_header_ h = {0x20080522, 0};
  struct cap_data_ d[2];
  memset(d, 0, sizeof(d));
  if (syscall(SYS_capget, &h, d) < 0)
    return errno;
  uint64_t e = d[0].effective | (uint64_t)d[1].effective << 32;
  uint64_t p = d[0].permitted | (uint64_t)d[1].permitted << 32;
  uint64_t i = d[0].inheritable | (uint64_t)d[1].inheritable << 32;
  if (e == 0 && p == 0 && i == 0)
    probe_custom("NONE");
  else
    probe_custom("CapEff=%016llx,CapPrm=%016llx,CapInh=%016llx",
                 (unsigned long long)e, (unsigned long long)p,
                 (unsigned long long)i);
  return PROBE_CUSTOM;
}
int a_caps_bounding(void) {
  uint64_t set = 0;
  for (int c = 0; c < 64; ++c) {
    long r = syscall(SYS_prctl, L(PR_CAPBSET_READ), L(c), L(0), L(0), L(0));
    if (r < 0 && errno == EINVAL)
      break;
    if (r < 0)
      return errno;
    if (r == 1)
      set |= UINT64_C(1) << c;
  }
  if (set == 0)
    probe_custom("NONE");
  else
    probe_custom("CapBnd=%016llx", (unsigned long long)set);
  return PROBE_CUSTOM;
}
int a_caps_ambient(void) {
  uint64_t set = 0;
  for (int c = 0; c < 64; ++c) {
    long r = syscall(SYS_prctl, L(PR_CAP_AMBIENT), L(PR_CAP_AMBIENT_IS_SET),
                     L(c), L(0), L(0));
    if (r < 0 && errno == EINVAL)
      break;
    if (r < 0)
      return errno;
    if (r == 1)
      set |= UINT64_C(1) << c;
  }
  if (set == 0)
    probe_custom("NONE");
  else
    probe_custom("CapAmb=%016llx", (unsigned long long)set);
  return PROBE_CUSTOM;
}
int a_no_new_privs(void) {
  long r = syscall(SYS_prctl, L(PR_GET_NO_NEW_PRIVS), L(0), L(0), L(0), L(0));
  if (r < 0)
    return errno;
  probe_custom("NNP=%ld", r);
  return PROBE_CUSTOM;
}
int a_setuid_root(void) { return SC(SYS_setuid, L(0)); }
int a_setgroups_root(void) {
  gid_t g[1] = {0};
  return SC(SYS_setgroups, L(1), g);
}
int a_capset_raise(void) {
  struct cap_header_ h = {0x20080522, 0};
  struct cap_data_ d[2];
  memset(d, 0xff, sizeof(d));
  return SC(SYS_capset, &h, d);
}
int a_securebits_unlock(void) {
  return SC(SYS_prctl, L(PR_SET_SECUREBITS), L(0), L(0), L(0), L(0));
}

/* ---- controls ---- */

int a_ctl_kill_child(void) {
  pid_t c = fork();
  if (c < 0)
    return errno;
  if (c == 0) {
    for (;;)
      pause();
  }
  int e = SC(SYS_kill, L(c), L(SIGKILL));
  int st;
  waitpid(c, &st, 0);
  if (e == 0 && !(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL))
    return ECHILD;
  return e;
}
int a_ctl_fcntl_setfl(void) {
  int p[2];
  if (pipe(p) != 0)
    return errno;
  return SC(SYS_fcntl, L(p[0]), L(F_SETFL), L(O_NONBLOCK));
}
int a_ctl_setrlimit_lower(void) {
  struct rlimit old, lim;
  if (syscall(SYS_prlimit64, L(0), L(RLIMIT_CORE), NULL, &old) < 0)
    return errno;
  lim.rlim_cur = 0;
  lim.rlim_max = old.rlim_max;
  return SC(SYS_prlimit64, L(0), L(RLIMIT_CORE), &lim, NULL);
}
int a_ctl_getuid(void) {
  return getuid() == (uid_t)-1 || getpid() <= 0 ? EINVAL : 0;
}

/* ---- the supervising launcher, orphans, core dumps ---- */

int a_kill_supervisor(void) { return SC(SYS_kill, L(getppid()), L(SIGCONT)); }
int a_ptrace_supervisor(void) {
  return SC(SYS_ptrace, L(16 /* PTRACE_ATTACH */), L(getppid()), NULL, NULL);
}
int a_timeout_orphan(void) {
  pid_t c = fork();
  if (c < 0)
    return errno;
  if (c == 0) {
    (void)syscall(SYS_setsid);
    pid_t g = fork();
    if (g == 0) {
      char line[64];
      int n = snprintf(line, sizeof(line), "orphan: %d\n", (int)getpid());
      (void)!write(probe.out, line, (size_t)n);
      close(probe.out); /* so that the runner's pipe reaches EOF */
      for (int i = 0; i < 30; ++i)
        sleep(1);
      _exit(0);
    }
    _exit(0);
  }
  waitpid(c, NULL, 0);
  sleep(30);
  probe_custom("NOT-KILLED after 30 s");
  return PROBE_CUSTOM;
}
int a_core_dump_outside(void) {
  struct rlimit lim;
  if (syscall(SYS_prlimit64, L(0), L(RLIMIT_CORE), NULL, &lim) < 0)
    return errno;
  lim.rlim_cur = lim.rlim_max;
  if (syscall(SYS_prlimit64, L(0), L(RLIMIT_CORE), &lim, NULL) < 0)
    return errno;
  if (lim.rlim_cur == 0) {
    probe_custom("SKIP:RLIMIT_CORE hard limit is 0");
    return PROBE_CUSTOM;
  }
  (void)syscall(SYS_prctl, L(PR_SET_DUMPABLE), L(1), L(0), L(0), L(0));
  syscall(SYS_kill, L(getpid()), L(SIGSEGV));
  return 0;
}

/* ---- after a user switch ---- */

int a_caps_after_user(void) { return a_caps_sets(); }
int a_setuid_exec_nnp(void) {
  char fdbuf[16];
  char *argv[] = {(char *)"suid_hello", (char *)"euid-marker", fdbuf, NULL};
  char *envp[] = {NULL};
  snprintf(fdbuf, sizeof(fdbuf), "%d", probe.out);
  return SC(SYS_execveat, L(probe.bin), "suid_hello", argv, envp, L(0));
}

/* Known residual (SECURITY.md: process existence): kill(pid, 0) answers
 * EPERM for a live process outside the Landlock scope and ESRCH for a free
 * pid. ORACLE: the two differ; NONE: they do not (closed, e.g. by a PID
 * namespace). */
int a_leak_pid_existence(void) {
  int st;
  pid_t c = fork();
  if (c < 0)
    return errno;
  if (c == 0)
    _exit(0);
  waitpid(c, &st, 0); /* c is now a free pid */
  int live = SC(SYS_kill, L(probe.victim), L(0));
  int gone = SC(SYS_kill, L(c), L(0));
  if (live == EPERM && gone == ESRCH) {
    probe_custom("ORACLE");
    return PROBE_CUSTOM;
  }
  if (live == gone) {
    probe_custom("NONE");
    return PROBE_CUSTOM;
  }
  probe_custom("live %d, free %d", live, gone);
  return PROBE_CUSTOM;
}
