/*
 * sandbox_apply on the real kernel: each group of checks runs in a forked
 * child that applies the sandbox and reports; the parent asserts the exact
 * errno, expected value first. Every denial has a positive control.
 *
 * Fixture: D (granted [read]), W (granted [read, write, create, delete]),
 * outside (no grant).
 */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include "sandbox_test.h"
#include "sandbox_impl.h"

#include "lib/rights/cloudabi_rights.h"

static struct fixture fx;
static struct sandbox_kernel kern;
static struct sandbox_rule rules[2];

static struct sandbox_policy policy(enum sandbox_profile profile) {
  struct sandbox_policy p = {
      .profile = profile,
      .rules = rules,
      .n_rules = 2,
      .allow_degraded = false,
      .uid = (uid_t)-1,
      .gid = (gid_t)-1,
  };
  return p;
}

/* ---- privileges ---- */

static long status_field(const char *text, const char *name) {
  const char *p = strstr(text, name);
  if (p == NULL)
    return -1;
  return (long)strtoull(p + strlen(name), NULL, 16);
}

static void child_privileges(void *arg) {
  int fd = *(int *)arg; /* /proc/self/status, opened before apply */
  char text[4096];
  ssize_t n = pread(fd, text, sizeof(text) - 1, 0);
  text[n > 0 ? n : 0] = '\0';
  report(status_field(text, "CapInh:\t"));
  report(status_field(text, "CapPrm:\t"));
  report(status_field(text, "CapEff:\t"));
  report(status_field(text, "CapBnd:\t"));
  report(status_field(text, "CapAmb:\t"));
  report(strtol(strstr(text, "NoNewPrivs:\t") + 12, NULL, 10));
  report(strtol(strstr(text, "Seccomp:\t") + 9, NULL, 10));
  report(prctl(PR_GET_SECUREBITS, 0, 0, 0, 0));
  report((long)getuid());
}

static void test_privileges(void) {
  struct sandbox_policy p = policy(SANDBOX_PROFILE_STRICT);
  if (geteuid() != 0) {
    for (int i = 0; i < 9; i++)
      tap_skip("not root", "privileges dropped (check %d)", i);
    return;
  }
  p.uid = 65534;
  p.gid = 65534;
  fflush(stdout);
  {
    int pfd[2];
    pid_t pid;
    long v[16];
    int n = 0, status;
    if (pipe(pfd) != 0)
      abort();
    pid = fork();
    if (pid == 0) {
      struct sandbox_error err;
      /* Opened before apply (no grant covers /proc); read after. */
      int sfd = open("/proc/self/status", O_RDONLY);
      close(pfd[0]);
      report_fd_ = pfd[1];
      if (sandbox_apply(&p, &kern, NULL, 0, &err) != 0) {
        report(-1);
        _exit(1);
      }
      child_privileges(&sfd);
      _exit(0);
    }
    close(pfd[1]);
    while (n < 16 && read_full(pfd[0], &v[n], sizeof(long)) == 0)
      n++;
    close(pfd[0]);
    waitpid(pid, &status, 0);
    tap_eq_int(9, n, "privileges: child reported (apply worked)");
    if (n != 9)
      return;
    tap_eq_int(0, v[0], "privileges: CapInh 0");
    tap_eq_int(0, v[1], "privileges: CapPrm 0");
    tap_eq_int(0, v[2], "privileges: CapEff 0");
    tap_eq_int(0, v[3], "privileges: CapBnd 0");
    tap_eq_int(0, v[4], "privileges: CapAmb 0");
    tap_eq_int(1, v[5], "privileges: NoNewPrivs 1");
    tap_eq_int(2, v[6], "privileges: Seccomp 2 (filter)");
    tap_eq_int(SBX_SECBITS_LOCKED_DOWN, v[7], "privileges: securebits locked");
    tap_eq_int(65534, v[8], "privileges: switched to uid 65534");
  }
}

/* ---- Landlock layer (strict profile) ---- */

static long open_err(int dfd, const char *path, int flags) {
  long fd = syscall(SYS_openat, dfd, path, flags | O_CLOEXEC, 0600);
  if (fd < 0)
    return errno;
  close((int)fd);
  return 0;
}

static void child_landlock(void *arg) {
  (void)arg;
  report(open_err(fx.d, "d.txt", O_RDONLY));
  report(open_err(fx.d, "../outside/secret.txt", O_RDONLY));
  report(open_err(fx.d, "/etc/passwd", O_RDONLY));
  report(open_err(fx.outside, "secret.txt", O_RDONLY));
  report(open_err(fx.d, "d.txt", O_WRONLY));
  report(open_err(fx.d, "d.txt", O_RDONLY | O_TRUNC));
  report(open_err(fx.d, "new.txt", O_WRONLY | O_CREAT));
  report(open_err(fx.w, "new.txt", O_WRONLY | O_CREAT));
  report(open_err(fx.w, "w.txt", O_RDWR | O_TRUNC));
  report(ERR(syscall(SYS_unlinkat, fx.d, "d.txt", 0)));
  report(ERR(syscall(SYS_unlinkat, fx.w, "new.txt", 0)));
  report(ERR(syscall(SYS_mkdirat, fx.w, "sub", 0755)));
  report(ERR(syscall(SYS_mkdirat, fx.d, "sub", 0755)));
  report(ERR(syscall(SYS_kill, getpid(), 0)));
  report(ERR(syscall(SYS_kill, getppid(), 0)));
  report(ERR(syscall(SYS_kill, 1, 0)));
}

static void test_landlock(void) {
  struct sandbox_policy p = policy(SANDBOX_PROFILE_STRICT);
  struct child_result r;
  run_sandboxed(&p, &kern, child_landlock, NULL, &r);
  tap_eq_int(0, r.apply_rc, "landlock: apply strict (%s)", r.message);
  if (r.n != 16) {
    tap_ok(false, "landlock: child reported 16 values (got %d)", r.n);
    return;
  }
  tap_eq_int(0, r.v[0], "landlock: open D/d.txt read-only");
  tap_eq_int(EACCES, r.v[1], "landlock: open D/../outside/secret.txt");
  tap_eq_int(EACCES, r.v[2], "landlock: open /etc/passwd through D");
  tap_eq_int(EACCES, r.v[3], "landlock: openat(pre-opened outside fd)");
  tap_eq_int(EACCES, r.v[4], "landlock: open D/d.txt for writing");
  tap_eq_int(EACCES, r.v[5], "landlock: O_TRUNC on a read-only grant");
  tap_eq_int(EACCES, r.v[6], "landlock: create in D");
  tap_eq_int(0, r.v[7], "landlock: create in W");
  tap_eq_int(0, r.v[8], "landlock: O_RDWR|O_TRUNC in W");
  tap_eq_int(EACCES, r.v[9], "landlock: unlink in D");
  tap_eq_int(0, r.v[10], "landlock: unlink in W");
  tap_eq_int(0, r.v[11], "landlock: mkdir in W");
  tap_eq_int(EACCES, r.v[12], "landlock: mkdir in D");
  tap_eq_int(0, r.v[13], "landlock: kill(self, 0)");
  if (kern.landlock_abi >= 6) {
    tap_eq_int(EPERM, r.v[14], "landlock: kill(parent, 0) (signal scope)");
    tap_eq_int(EPERM, r.v[15], "landlock: kill(1, 0) (signal scope)");
  } else {
    tap_skip("Landlock ABI < 6", "kill(parent, 0) (signal scope)");
    tap_skip("Landlock ABI < 6", "kill(1, 0) (signal scope)");
  }
}

/* ---- seccomp layer, strict profile ---- */

static void *thread_main(void *arg) { return arg; }

static void child_seccomp_strict(void *arg) {
  int sp[2] = {-1, -1};
  int pfd[2];
  int wfd = (int)syscall(SYS_openat, fx.w, "w.txt", O_RDWR | O_CLOEXEC);
  char *high;
  struct sockaddr_un {
    unsigned short family;
    char path[108];
  } addr = {1, "/tmp/nonexistent.sock"};
  pthread_t t;
  pid_t pid;
  int status = -1;
  struct rlimit rl;
  (void)arg;

  /* AT_FDCWD and O_PATH (hygiene), then positive controls. */
  report(ERR(syscall(SYS_openat, AT_FDCWD, "/etc/passwd", O_RDONLY)));
  report(ERR(syscall(SYS_openat, (long)(uint32_t)AT_FDCWD | (1L << 32),
                     "/etc/passwd", O_RDONLY)));
  report(ERR(syscall(SYS_open, "/etc/passwd", O_RDONLY)));
  report(ERR(syscall(SYS_openat, fx.d, "d.txt", O_PATH)));
  report(ERR(syscall(SYS_newfstatat, AT_FDCWD, "/", &(struct stat){0}, 0)));
  /* sockets */
  report(ERR(syscall(SYS_socket, 1 /* AF_UNIX */, SOCK_STREAM, 0)));
  report(ERR(syscall(SYS_socket, 2 /* AF_INET */, SOCK_STREAM, 0)));
  report(ERR(syscall(SYS_socketpair, 1, SOCK_STREAM | SOCK_CLOEXEC, 0, sp)));
  report(ERR(syscall(SYS_socketpair, 1, SOCK_SEQPACKET, 0, pfd)));
  report(ERR(syscall(SYS_socketpair, 1, SOCK_DGRAM, 0, pfd)));
  report(ERR(syscall(SYS_sendto, sp[0], "x", 1, 0, NULL, 0)));
  report(ERR(syscall(SYS_sendto, sp[0], "x", 1, 0, &addr, sizeof(addr))));
  report(ERR(syscall(SYS_connect, sp[0], &addr, sizeof(addr))));
  /* processes */
  report(ERR(syscall(SYS_clone3, NULL, 0)));
  report(ERR(syscall(SYS_clone, SIGCHLD | 0x10000000 /* NEWUSER */, 0, 0, 0,
                     0)));
  report(pthread_create(&t, NULL, thread_main, NULL));
  pthread_join(t, NULL);
  pid = fork();
  if (pid == 0)
    _exit(7);
  waitpid(pid, &status, 0);
  report(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  report(ERR(syscall(SYS_execve, "/bin/true", (char *[]){"true", NULL},
                     (char *[]){NULL})));
  /* attributes: fd forms only, pointers compared on 64 bits */
  report(ERR(syscall(SYS_utimensat, fx.w, "w.txt", NULL, 0)));
  report(ERR(syscall(SYS_utimensat, wfd, NULL, NULL, 0)));
  /* A pointer whose low 32 bits are all zero (a 32-bit "== NULL" compare
   * would take it for NULL): the first free 4 GiB multiple. */
  high = MAP_FAILED;
  for (uintptr_t base = 1UL << 32; high == MAP_FAILED && base < (1UL << 46);
       base += 1UL << 32)
    high = mmap((void *)base, 4096, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (high != MAP_FAILED && ((uintptr_t)high & 0xffffffffU) == 0) {
    memcpy(high, "w.txt", 6);
    report(ERR(syscall(SYS_utimensat, fx.w, high, NULL, 0)));
  } else {
    report(-2);
  }
  report(ERR(syscall(SYS_fchmodat, fx.w, "w.txt", 0600)));
  report(ERR(syscall(SYS_fchmod, wfd, 0600)));
  report(ERR(syscall(SYS_fchown, wfd, 0, 0)));
  report(ERR(syscall(SYS_fsetxattr, wfd, "user.x", "1", 1, 0)));
  report(ERR(syscall(SYS_lgetxattr, "/etc/passwd", "user.x", NULL, 0)));
  report(ERR(syscall(SYS_fgetxattr, wfd, "user.none", NULL, 0)));
  report(ERR(syscall(SYS_mknodat, fx.w, "fifo", S_IFIFO | 0600, 0)));
  report(ERR(syscall(SYS_renameat2, fx.w, "w.txt", fx.w, "w2.txt",
                     4 /* RENAME_WHITEOUT */)));
  report(ERR(syscall(SYS_renameat2, fx.w, "w.txt", fx.w, "w2.txt", 0)));
  report(ERR(syscall(SYS_renameat2, fx.w, "w2.txt", fx.w, "w.txt", 0)));
  report(ERR(syscall(SYS_inotify_init1, 0)));
  /* memfd */
  report(ERR(syscall(SYS_memfd_create, "x", 0)));
  report(ERR(syscall(SYS_memfd_create, "x", SBX_MFD_EXEC)));
  report(ERR(syscall(SYS_memfd_create, "x", SBX_MFD_NOEXEC_SEAL)));
  /* ioctl, fcntl, prctl, personality, prlimit */
  report(ERR(syscall(SYS_ioctl, sp[0], 0x5412 /* TIOCSTI */, "x")));
  report(ERR(syscall(SYS_ioctl, sp[0], 0x541bL | (1L << 32) /* FIONREAD */,
                     &status)));
  report(ERR(syscall(SYS_fcntl, sp[0], F_SETOWN, 1)));
  report(ERR(syscall(SYS_fcntl, sp[0], F_GETFL)));
  report(ERR(syscall(SYS_prctl, PR_SET_DUMPABLE, 1, 0, 0, 0)));
  report(ERR(syscall(SYS_prctl, PR_SET_NAME, "sbx", 0, 0, 0)));
  report(ERR(syscall(SYS_personality, 0x0400000 /* READ_IMPLIES_EXEC */)));
  report(ERR(syscall(SYS_personality, 0xffffffffUL)));
  report(ERR(syscall(SYS_prlimit64, 1, RLIMIT_NOFILE, NULL, &rl)));
  report(ERR(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &rl)));
  /* global state and kernel surface */
  report(ERR(syscall(SYS_unshare, 0x10000000 /* CLONE_NEWUSER */)));
  report(ERR(syscall(SYS_mount, "none", "/tmp", "tmpfs", 0, NULL)));
  report(ERR(syscall(SYS_ptrace, 0 /* PTRACE_TRACEME */, 0, 0, 0)));
  report(ERR(syscall(SYS_bpf, 0, NULL, 0)));
  report(ERR(syscall(SYS_io_uring_setup, 1, NULL)));
  report(ERR(syscall(SYS_userfaultfd, 0)));
  report(ERR(syscall(SYS_shmget, 0 /* IPC_PRIVATE */, 4096, 0600)));
  report(ERR(syscall(SYS_keyctl, 0, 0, 0, 0, 0)));
  report(ERR(syscall(SYS_sethostname, "x", 1)));
  /* no set-ID files (the program's user could plant one) */
  report(ERR(syscall(SYS_openat, fx.w, "suid", O_WRONLY | O_CREAT | O_CLOEXEC,
                     04755)));
  report(ERR(syscall(SYS_openat, fx.w, "sgid", O_WRONLY | O_CREAT | O_CLOEXEC,
                     02755)));
  report(open_err(fx.w, "plain", O_WRONLY | O_CREAT));
  report(ERR(syscall(SYS_openat, fx.d, "d.txt", O_RDONLY | O_CLOEXEC,
                     04755))); /* leaks an fd in the child: harmless */
  /* scheduling: reads by thread id are fine, changes only for self */
  {
    unsigned long mask[16];
    struct iovec iov = {"x", 1};
    struct msghdr mh;
    memset(&mh, 0, sizeof(mh));
    mh.msg_name = &addr;
    mh.msg_namelen = sizeof(addr);
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    report(ERR(syscall(SYS_sched_getaffinity, syscall(SYS_gettid),
                       sizeof(mask), mask)));
    report(ERR(syscall(SYS_sched_setaffinity, getppid(), sizeof(mask), mask)));
    /* the sendmsg residual (SECURITY.md): a stream pair ignores msg_name */
    report(ERR(syscall(SYS_sendmsg, sp[0], &mh, 0)));
  }
  /* socket options: an allowlist of (level, optname), ints on 32 bits */
  {
    int one = 1;
    report(ERR(syscall(SYS_setsockopt, sp[0], SOL_SOCKET, SO_PASSCRED, &one,
                       sizeof(one))));
    report(ERR(syscall(SYS_setsockopt, sp[0], (long)SOL_SOCKET | (1L << 32),
                       SO_RCVBUF, &one, sizeof(one))));
    report(ERR(syscall(SYS_setsockopt, sp[0], SOL_SOCKET, SO_BINDTODEVICE,
                       "lo", 3)));
    report(ERR(syscall(SYS_setsockopt, sp[0], SOL_SOCKET,
                       (9L << 32) | SO_BINDTODEVICE, "lo", 3)));
    report(ERR(syscall(SYS_setsockopt, sp[0], 0 /* IPPROTO_IP */,
                       35 /* IP_ADD_MEMBERSHIP */, &one, sizeof(one))));
    report(ERR(syscall(SYS_getsockopt, sp[0], SOL_SOCKET, SO_TYPE, &one,
                       &(socklen_t){sizeof(one)})));
  }
  /* sync: held files only; locks stay (SECURITY.md) */
  report(ERR(syscall(SYS_syncfs, wfd)));
  report(ERR(syscall(SYS_fsync, wfd)));
  report(ERR(syscall(SYS_flock, wfd, 2 /* LOCK_EX */)));
}

static const struct {
  int expected;
  const char *what;
} strict_expect[] = {
    {EPERM, "openat(AT_FDCWD) (hygiene)"},
    {EPERM, "openat(AT_FDCWD with junk in the upper 32 bits)"},
    {EPERM, "legacy open"},
    {EPERM, "openat(O_PATH)"},
    {EPERM, "newfstatat(AT_FDCWD)"},
    {EPERM, "socket(AF_UNIX)"},
    {EPERM, "socket(AF_INET)"},
    {0, "socketpair(AF_UNIX, STREAM|CLOEXEC)"},
    {0, "socketpair(AF_UNIX, SEQPACKET)"},
    {EPERM, "socketpair(AF_UNIX, DGRAM)"},
    {0, "sendto(addr NULL)"},
    {EPERM, "sendto(addr set)"},
    {EPERM, "connect"},
    {ENOSYS, "clone3"},
    {EPERM, "clone(SIGCHLD|CLONE_NEWUSER)"},
    {0, "pthread_create (clone3 -> clone fallback)"},
    {7, "fork, child exit status"},
    {EPERM, "execve by path"},
    {EPERM, "utimensat(dirfd, path)"},
    {0, "utimensat(fd, NULL)"},
    {EPERM, "utimensat(dirfd, path above 4 GiB) (64-bit pointer compare)"},
    {EPERM, "fchmodat (path form)"},
    {EPERM, "fchmod (fd form: CloudABI has no chmod)"},
    {EPERM, "fchown (fd form)"},
    {EPERM, "fsetxattr (fd form)"},
    {EOPNOTSUPP, "lgetxattr by path answers EOPNOTSUPP"},
    {ENODATA, "fgetxattr on a held file (reads allowed)"},
    {EPERM, "mknodat FIFO"},
    {EPERM, "renameat2(RENAME_WHITEOUT) (leaves a device node)"},
    {0, "renameat2 within W"},
    {0, "renameat2 back"},
    {EPERM, "inotify_init1"},
    {EPERM, "memfd_create(0)"},
    {EPERM, "memfd_create(MFD_EXEC)"},
    {0, "memfd_create(MFD_NOEXEC_SEAL)"},
    {EPERM, "ioctl TIOCSTI"},
    {0, "ioctl FIONREAD with junk upper bits (32-bit compare)"},
    {EPERM, "fcntl F_SETOWN"},
    {0, "fcntl F_GETFL"},
    {EPERM, "prctl PR_SET_DUMPABLE"},
    {0, "prctl PR_SET_NAME"},
    {EPERM, "personality(READ_IMPLIES_EXEC)"},
    {0, "personality(0xffffffff) query"},
    {EPERM, "prlimit64(pid 1)"},
    {0, "prlimit64(pid 0)"},
    {EPERM, "unshare(CLONE_NEWUSER)"},
    {EPERM, "mount"},
    {EPERM, "ptrace(TRACEME)"},
    {EPERM, "bpf"},
    {EPERM, "io_uring_setup"},
    {EPERM, "userfaultfd"},
    {EPERM, "shmget"},
    {EPERM, "keyctl"},
    {EPERM, "sethostname"},
    {EPERM, "openat(O_CREAT, 04755) (set-user-ID file)"},
    {EPERM, "openat(O_CREAT, 02755) (set-group-ID file)"},
    {0, "openat(O_CREAT, 0600)"},
    {0, "openat(O_RDONLY, mode 04755 ignored without O_CREAT)"},
    {0, "sched_getaffinity(own thread id)"},
    {EPERM, "sched_setaffinity(parent)"},
    {EISCONN, "sendmsg(msg_name) on a STREAM socketpair"},
    {0, "setsockopt(SOL_SOCKET, SO_PASSCRED)"},
    {0, "setsockopt(SO_RCVBUF, junk in the level's upper half)"},
    {EPERM, "setsockopt(SO_BINDTODEVICE) (not on the allowlist)"},
    {EPERM, "setsockopt(SO_BINDTODEVICE, allowed option in the upper half)"},
    {EPERM, "setsockopt(IPPROTO_IP, IP_ADD_MEMBERSHIP)"},
    {0, "getsockopt(SO_TYPE)"},
    {EPERM, "syncfs (the whole file system)"},
    {0, "fsync of a held file"},
    {0, "flock(LOCK_EX) of a held file"},
};
#define N_STRICT (int)(sizeof(strict_expect) / sizeof(strict_expect[0]))

static void test_seccomp_strict(void) {
  struct sandbox_policy p = policy(SANDBOX_PROFILE_STRICT);
  struct child_result r;
  run_sandboxed(&p, &kern, child_seccomp_strict, NULL, &r);
  if (r.apply_rc != 0 || r.n != N_STRICT) {
    tap_ok(false, "strict: apply %d (%s), %d of %d values, status 0x%x",
           r.apply_rc, r.message, r.n, N_STRICT, r.status);
    return;
  }
  for (int i = 0; i < N_STRICT; i++) {
    if (strstr(strict_expect[i].what, "NOEXEC_SEAL") && !kern.memfd_noexec_seal)
      tap_skip("no MFD_NOEXEC_SEAL", "strict: %s", strict_expect[i].what);
    else
      tap_eq_int(strict_expect[i].expected, r.v[i], "strict: %s",
                 strict_expect[i].what);
  }
}

/* ---- foreign ABIs are killed ---- */

static void child_x32(void *arg) {
  (void)arg;
  syscall(0x40000000L | SYS_getppid);
  report(-1); /* not reached */
}

static void child_int80(void *arg) {
  long ret;
  (void)arg;
  /* i386 getpid (20) through the compat entry point. */
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(20L) : "memory");
  report(ret);
}

static void test_foreign_abi(void) {
  struct sandbox_policy p = policy(SANDBOX_PROFILE_STRICT);
  struct child_result r;
  run_sandboxed(&p, &kern, child_x32, NULL, &r);
  tap_ok(r.apply_rc == 0 && WIFSIGNALED(r.status) &&
             WTERMSIG(r.status) == SIGSYS,
         "x32 system call kills the process with SIGSYS (status 0x%x)",
         r.status);
  run_sandboxed(&p, &kern, child_int80, NULL, &r);
  tap_ok(r.apply_rc == 0 && WIFSIGNALED(r.status) &&
             WTERMSIG(r.status) == SIGSYS,
         "i386 int 0x80 kills the process with SIGSYS (status 0x%x)",
         r.status);
}

/* ---- compat profile ---- */

static void child_compat(void *arg) {
  char path[128];
  const char *root = arg;
  snprintf(path, sizeof(path), "%s/D/d.txt", root);
  report(ERR(syscall(SYS_open, path, O_RDONLY | O_CLOEXEC)));
  report(ERR(syscall(SYS_open, "/etc/passwd", O_RDONLY)));
  snprintf(path, sizeof(path), "%s/outside/secret.txt", root);
  report(ERR(syscall(SYS_openat, AT_FDCWD, path, O_RDONLY)));
  report(ERR(syscall(SYS_execve, "/bin/true", (char *[]){"true", NULL},
                     (char *[]){NULL})));
  report(ERR(syscall(SYS_chmod, path, 0600)));
  report(ERR(syscall(SYS_socket, 1, SOCK_STREAM, 0)));
  report(ERR(syscall(SYS_clone3, NULL, 0)));
  snprintf(path, sizeof(path), "%s/W/suid", root);
  report(ERR(syscall(SYS_creat, path, 04755)));
  report(ERR(syscall(SYS_open, path, O_WRONLY | O_CREAT | O_CLOEXEC, 04755)));
}

static void test_compat(void) {
  struct sandbox_policy p = policy(SANDBOX_PROFILE_COMPAT);
  struct child_result r;
  run_sandboxed(&p, &kern, child_compat, fx.root, &r);
  if (r.apply_rc != 0 || r.n != 9) {
    tap_ok(false, "compat: apply %d (%s), %d values", r.apply_rc, r.message,
           r.n);
    return;
  }
  tap_eq_int(0, r.v[0], "compat: open(absolute path in D)");
  tap_eq_int(EACCES, r.v[1], "compat: open(/etc/passwd) (Landlock)");
  tap_eq_int(EACCES, r.v[2], "compat: openat(AT_FDCWD, outside) (Landlock)");
  tap_eq_int(EACCES, r.v[3], "compat: execve(/bin/true) without EXECUTE");
  tap_eq_int(EPERM, r.v[4], "compat: chmod (path form)");
  tap_eq_int(EPERM, r.v[5], "compat: socket");
  tap_eq_int(ENOSYS, r.v[6], "compat: clone3");
  tap_eq_int(EPERM, r.v[7], "compat: creat(04755) (set-user-ID file)");
  tap_eq_int(EPERM, r.v[8], "compat: open(O_CREAT, 04755)");
}

int main(void) {
  sandbox_probe(&kern, -1);
  if (kern.landlock_abi < 1 || !kern.seccomp) {
    tap_skip("no Landlock or no seccomp", "sandbox_apply");
    return tap_done();
  }
  fixture_make(&fx);
  rules[0].fd = fx.d;
  rules[0].access = sandbox_landlock_access(CLOUDABI_RIGHTS_GROUP_READ, true,
                                            kern.landlock_abi);
  rules[1].fd = fx.w;
  rules[1].access = sandbox_landlock_access(
      CLOUDABI_RIGHTS_GROUP_READ | CLOUDABI_RIGHTS_GROUP_WRITE |
          CLOUDABI_RIGHTS_GROUP_CREATE | CLOUDABI_RIGHTS_GROUP_DELETE,
      true, kern.landlock_abi);
  test_privileges();
  test_landlock();
  test_seccomp_strict();
  test_foreign_abi();
  test_compat();
  fixture_remove(&fx);
  return tap_done();
}
