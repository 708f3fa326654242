/*
 * Attacks on the rest of the kernel: namespaces and clone, mounts, IPC,
 * kernel facilities (keys, bpf, perf, io_uring, ...), global system state,
 * terminals, foreign ABIs, the start-up contract, stacking, and resource
 * exhaustion under the launcher's limits.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "escape_probe.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x80
#endif
#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif
#define SYS_open_tree_ 428
#define SYS_move_mount_ 429
#define SYS_fsopen_ 430
#define SYS_fsconfig_ 431
#define SYS_fsmount_ 432
#define SYS_fspick_ 433
#define SYS_clone3_ 435
#define SYS_mount_setattr_ 442
#define SYS_landlock_create_ruleset_ 444
#define SYS_landlock_add_rule_ 445
#define SYS_landlock_restrict_self_ 446
#define SYS_listmount_ 458
#define SYS_io_uring_setup_ 425
#define SYS_kexec_file_load_ 320

extern char **environ;

/* Run a raw clone with flags; reap the child if one was made. */
static int clone_err(unsigned long flags) {
  long r = syscall(SYS_clone, L(flags), NULL, NULL, NULL, L(0));
  if (r == 0)
    _exit(0);
  if (r < 0)
    return errno;
  waitpid((pid_t)r, NULL, __WALL);
  return 0;
}

int a_unshare_user(void) { return SC(SYS_unshare, L(CLONE_NEWUSER)); }
int a_unshare_mnt(void) { return SC(SYS_unshare, L(CLONE_NEWNS)); }
int a_unshare_pid(void) { return SC(SYS_unshare, L(CLONE_NEWPID)); }
int a_unshare_net(void) { return SC(SYS_unshare, L(CLONE_NEWNET)); }
int a_unshare_ipc(void) { return SC(SYS_unshare, L(CLONE_NEWIPC)); }
int a_unshare_uts(void) { return SC(SYS_unshare, L(CLONE_NEWUTS)); }
int a_unshare_cgroup(void) { return SC(SYS_unshare, L(CLONE_NEWCGROUP)); }
int a_unshare_time(void) { return SC(SYS_unshare, L(CLONE_NEWTIME)); }
int a_clone_newuser(void) { return clone_err(SIGCHLD | CLONE_NEWUSER); }
int a_clone_newpid(void) { return clone_err(SIGCHLD | CLONE_NEWPID); }
int a_clone_newnet(void) { return clone_err(SIGCHLD | CLONE_NEWNET); }
int a_clone_parent(void) { return clone_err(SIGCHLD | CLONE_PARENT); }

struct clone_args_ {
  uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack,
      stack_size, tls, set_tid, set_tid_size, cgroup;
};
static int clone3_err(uint64_t flags) {
  struct clone_args_ a;
  memset(&a, 0, sizeof(a));
  a.flags = flags;
  a.exit_signal = SIGCHLD;
  long r = syscall(SYS_clone3_, &a, sizeof(a));
  if (r == 0)
    _exit(0);
  if (r < 0)
    return errno;
  waitpid((pid_t)r, NULL, 0);
  return 0;
}
int a_clone3_plain(void) { return clone3_err(0); }
int a_clone3_newuser(void) { return clone3_err(CLONE_NEWUSER); }
int a_setns_fd(void) { return SC(SYS_setns, L(probe.ro), L(0)); }

/* ---- mounts ---- */

int a_mount_tmpfs(void) {
  return SC(SYS_mount, "none", fx("rw"), "tmpfs", L(0), NULL);
}
int a_umount_root(void) { return SC(SYS_umount2, "/", L(2 /* MNT_DETACH */)); }
int a_pivot_root_rw(void) {
  return SC(SYS_pivot_root, fx("rw"), fx("rw/sub1"));
}
int a_chroot_rw(void) { return SC(SYS_chroot, fx("rw")); }
int a_fsopen_tmpfs(void) { return SC(SYS_fsopen_, "tmpfs", L(0)); }
int a_fsconfig_any(void) {
  return SC(SYS_fsconfig_, L(probe.ro), L(0), "ro", NULL, L(0));
}
int a_fsmount_any(void) { return SC(SYS_fsmount_, L(probe.ro), L(0), L(0)); }
int a_fspick_ro(void) { return SC(SYS_fspick_, L(probe.ro), "", L(0x8)); }
int a_open_tree_ro(void) {
  return SC(SYS_open_tree_, L(probe.ro), "", L(1 | AT_EMPTY_PATH));
}
int a_move_mount_ro(void) {
  return SC(SYS_move_mount_, L(probe.ro), "", L(probe.rw), "",
            L(0x4 | 0x40));
}
int a_mount_setattr_ro(void) {
  uint64_t attr[4] = {0, 1 /* clear MOUNT_ATTR_RDONLY */, 0, 0};
  return SC(SYS_mount_setattr_, L(probe.ro), "", L(AT_EMPTY_PATH), attr,
            L(sizeof(attr)));
}
int a_listmount_root(void) {
  struct {
    uint32_t size, spare;
    uint64_t mnt_id, param;
  } req = {24, 0, ~UINT64_C(0), 0};
  uint64_t ids[16];
  return SC(SYS_listmount_, &req, ids, L(16), L(0));
}

/* ---- IPC ---- */

int a_sysv_shmget(void) {
  long id = syscall(SYS_shmget, L(0), L(4096), L(01000 | 0600));
  if (id < 0)
    return errno;
  syscall(SYS_shmctl, id, L(0 /* IPC_RMID */), NULL);
  return 0;
}
int a_sysv_semget(void) {
  long id = syscall(SYS_semget, L(0), L(1), L(01000 | 0600));
  if (id < 0)
    return errno;
  syscall(SYS_semctl, id, L(0), L(0 /* IPC_RMID */), L(0));
  return 0;
}
int a_sysv_msgget(void) {
  long id = syscall(SYS_msgget, L(0), L(01000 | 0600));
  if (id < 0)
    return errno;
  syscall(SYS_msgctl, id, L(0 /* IPC_RMID */), NULL);
  return 0;
}
int a_posix_mq_open(void) {
  long q = syscall(SYS_mq_open, "escape-probe", L(O_CREAT | O_RDWR), L(0600),
                   NULL);
  if (q < 0)
    return errno;
  syscall(SYS_mq_unlink, "escape-probe");
  return 0;
}

/* ---- kernel facilities ---- */

int a_keyctl_session(void) {
  return SC(SYS_keyctl, L(0), L(-3), L(0), L(0), L(0));
}
int a_add_key_user(void) {
  return SC(SYS_add_key, "user", "escape", "x", L(1), L(-3));
}
int a_request_key_user(void) {
  return SC(SYS_request_key, "user", "escape", NULL, L(0));
}
int a_bpf_map_create(void) {
  uint32_t attr[32];
  memset(attr, 0, sizeof(attr));
  attr[0] = 2; /* BPF_MAP_TYPE_ARRAY */
  attr[1] = 4;
  attr[2] = 4;
  attr[3] = 1;
  return SC(SYS_bpf, L(0 /* BPF_MAP_CREATE */), attr, L(sizeof(attr)));
}
int a_perf_event_open_sw(void) {
  uint8_t attr[128];
  uint32_t type = 1 /* SOFTWARE */, size = 64;
  uint64_t flags = (1u << 5) | (1u << 6); /* exclude_kernel, exclude_hv */
  memset(attr, 0, sizeof(attr));
  memcpy(attr, &type, 4);
  memcpy(attr + 4, &size, 4);
  memcpy(attr + 40, &flags, 8);
  return SC(SYS_perf_event_open, attr, L(0), L(-1), L(-1), L(0));
}
int a_io_uring_setup_any(void) {
  uint8_t params[120];
  memset(params, 0, sizeof(params));
  return SC(SYS_io_uring_setup_, L(1), params);
}
int a_userfaultfd_any(void) { return SC(SYS_userfaultfd, L(O_CLOEXEC)); }
int a_personality_rie(void) { return SC(SYS_personality, L(0x0400000)); }
int a_modify_ldt_any(void) {
  static char buf[16];
  return SC(SYS_modify_ldt, L(0), buf, L(sizeof(buf)));
}
int a_name_to_handle(void) {
  struct {
    uint32_t bytes;
    int type;
    unsigned char h[128];
  } fh = {128, 0, {0}};
  int mount_id;
  return SC(SYS_name_to_handle_at, L(probe.ro), "file.txt", &fh, &mount_id,
            L(0));
}
int a_open_by_handle(void) {
  struct {
    uint32_t bytes;
    int type;
    uint32_t ino, gen;
  } fh = {8, 1 /* FILEID_INO32_GEN */, 2, 0};
  long fd = syscall(SYS_open_by_handle_at, L(probe.ro), &fh, L(O_RDONLY));
  if (fd < 0)
    return errno;
  return 0;
}
int a_inotify_init_any(void) { return SC(SYS_inotify_init1, L(0)); }
int a_fanotify_init_any(void) {
  return SC(SYS_fanotify_init, L(0), L(O_RDONLY));
}

/* ---- global state ---- */

int a_settimeofday_any(void) {
  struct timeval tv;
  gettimeofday(&tv, NULL);
  return SC(SYS_settimeofday, &tv, NULL);
}
int a_clock_settime_any(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return SC(SYS_clock_settime, L(CLOCK_REALTIME), &ts);
}
static int adj(int clock) {
  struct timex tx;
  memset(&tx, 0, sizeof(tx));
  long r = clock < 0 ? syscall(SYS_adjtimex, &tx)
                     : syscall(SYS_clock_adjtime, L(clock), &tx);
  if (r < 0)
    return errno;
  tx.modes = ADJ_STATUS;
  return clock < 0 ? SC(SYS_adjtimex, &tx)
                   : SC(SYS_clock_adjtime, L(clock), &tx);
}
int a_adjtimex_set(void) { return adj(-1); }
int a_clock_adjtime_set(void) { return adj(CLOCK_REALTIME); }
int a_sethostname_any(void) {
  struct utsname u;
  uname(&u);
  return SC(SYS_sethostname, u.nodename, L(strlen(u.nodename)));
}
int a_setdomainname_any(void) {
  struct utsname u;
  uname(&u);
  return SC(SYS_setdomainname, u.domainname, L(strlen(u.domainname)));
}
int a_reboot_any(void) {
  return SC(SYS_reboot, L(0xfee1dead), L(672274793), L(0x12345678), NULL);
}
int a_kexec_load_any(void) {
  return SC(SYS_kexec_load, L(0), L(0), NULL, L(0));
}
int a_kexec_file_load_any(void) {
  return SC(SYS_kexec_file_load_, L(probe.rofile), L(-1), L(1), "",
            L(0x4 /* NO_INITRAMFS */));
}
int a_init_module_any(void) {
  static const char garbage[] = "\x7f" "ELFgarbage";
  return SC(SYS_init_module, garbage, L(sizeof(garbage)), "");
}
int a_finit_module_any(void) {
  return SC(SYS_finit_module, L(probe.rofile), "", L(0));
}
int a_delete_module_any(void) {
  return SC(SYS_delete_module, "escape", L(O_NONBLOCK));
}
int a_swapon_any(void) { return SC(SYS_swapon, fx("rw/w.txt"), L(0)); }
int a_swapoff_any(void) { return SC(SYS_swapoff, fx("rw/w.txt")); }
int a_acct_any(void) {
  char p[256];
  snprintf(p, sizeof(p), "%s.%d", fx("rw/acct"), (int)getpid());
  if (syscall(SYS_acct, p) < 0)
    return errno;
  syscall(SYS_acct, NULL);
  return 0;
}
int a_iopl_3(void) { return SC(SYS_iopl, L(3)); }
int a_ioperm_any(void) { return SC(SYS_ioperm, L(0x80), L(1), L(1)); }
int a_syslog_read(void) {
  static char buf[4096];
  return SC(SYS_syslog, L(3 /* READ_ALL */), buf, L(sizeof(buf)));
}
int a_quotactl_any(void) {
  return SC(SYS_quotactl, L(0x800001 /* Q_SYNC */), NULL, L(0), NULL);
}
int a_vhangup_any(void) { return SC(SYS_vhangup); }

/* ---- terminals ---- */

int a_tiocsti(void) {
  char c = '#';
  return SC(SYS_ioctl, L(probe.tty), L(TIOCSTI), &c);
}
int a_tiocsti_highbits(void) {
  char c = '#';
  return SC(SYS_ioctl, L(probe.tty), (long)(TIOCSTI | (1UL << 32)), &c);
}
int a_tioclinux(void) {
  char sub = 12; /* TIOCL_GETSHIFTSTATE: harmless if it ran */
  return SC(SYS_ioctl, L(probe.tty), L(TIOCLINUX), &sub);
}
int a_tiocsetd(void) {
  int ldisc = 0; /* N_TTY: harmless if it ran */
  return SC(SYS_ioctl, L(probe.tty), L(TIOCSETD), &ldisc);
}
int a_tioccons(void) { return SC(SYS_ioctl, L(probe.tty), L(TIOCCONS), NULL); }

/* ---- 32-bit argument tricks and foreign ABIs ---- */

static int fdcwd_variant(unsigned long dfd) {
  return SC(SYS_openat, (long)dfd, fx("outside/secret.txt"), L(O_RDONLY),
            L(0));
}
int a_fdcwd_sext(void) { return fdcwd_variant(0xffffffffffffff9cUL); }
int a_fdcwd_zext(void) { return fdcwd_variant(0x00000000ffffff9cUL); }
int a_fdcwd_junk(void) { return fdcwd_variant(0x12345678ffffff9cUL); }

static long raw_syscall3(long nr, long a, long b, long c) {
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(nr), "D"(a), "S"(b), "d"(c)
                   : "rcx", "r11", "memory");
  return ret;
}
static int raw_result(long r) { return r < 0 && r > -4096 ? (int)-r : 0; }
int a_x32_getppid(void) {
  return raw_result(raw_syscall3(0x40000000L | 110, 0, 0, 0));
}
int a_x32_openat(void) {
  static char path[256];
  snprintf(path, sizeof(path), "%s", fx("outside/secret.txt"));
  return raw_result(raw_syscall3(0x40000000L | 257, AT_FDCWD,
                                 (long)(uintptr_t)path, O_RDONLY));
}
int a_int80_getpid(void) {
  long ret;
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(20L) : "memory");
  return raw_result(ret);
}
int a_int80_socketcall(void) {
  static uint32_t args[3] = {2 /* AF_INET */, 1 /* SOCK_STREAM */, 0};
  long ret;
  __asm__ volatile("int $0x80"
                   : "=a"(ret)
                   : "a"(102L), "b"(1L), "c"((long)(uintptr_t)args)
                   : "memory");
  return raw_result(ret);
}

/* ---- the start-up contract ---- */

int a_argdata_write(void) { return SC(SYS_pwrite64, L(3), "x", L(1), L(0)); }
int a_argdata_mmap_write(void) {
  void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, 3, 0);
  if (p == MAP_FAILED)
    return errno;
  return 0;
}
int a_argdata_ftruncate(void) { return SC(SYS_ftruncate, L(3), L(0)); }
static int granted(int fd) {
  const int fds[] = {probe.out,    probe.ro,         probe.rw,
                     probe.rw2,    probe.bin,        probe.rofile,
                     probe.rwfile, probe.exe,        probe.tcp_listen,
                     probe.tcp_conn, probe.udp_conn, probe.tty,
                     probe.rotimes, probe.single, probe.single_exe,
                     probe.wonly,  probe.app};
  if (fd <= 3)
    return 1;
  for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); ++i)
    if (fds[i] == fd)
      return 1;
  return 0;
}
int a_fd_leak(void) {
  char list[200] = "";
  size_t len = 0;
  for (int fd = 0; fd < 4096; ++fd) {
    if (syscall(SYS_fcntl, L(fd), L(F_GETFD)) < 0 || granted(fd))
      continue;
    len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%d",
                            len ? "," : "LEAKED=", fd);
    if (len >= sizeof(list) - 8)
      break;
  }
  probe_custom("%s", len ? list : "NONE");
  return PROBE_CUSTOM;
}
int a_env_empty(void) {
  if (environ == NULL || environ[0] == NULL)
    probe_custom("EMPTY");
  else
    probe_custom("ENV=%.60s", environ[0]);
  return PROBE_CUSTOM;
}

struct ll_attr_ {
  uint64_t handled_access_fs;
};
struct ll_rule_ {
  uint64_t allowed_access;
  int32_t parent_fd;
} __attribute__((packed));

static int ll_layer(uint64_t handled, uint64_t allowed) {
  struct ll_attr_ attr = {handled};
  long rs = syscall(SYS_landlock_create_ruleset_, &attr, sizeof(attr), L(0));
  if (rs < 0)
    return errno;
  struct ll_rule_ rule = {allowed, probe.ro};
  if (syscall(SYS_landlock_add_rule_, rs, L(1), &rule, L(0)) < 0)
    return errno;
  if (syscall(SYS_landlock_restrict_self_, rs, L(0)) < 0)
    return errno;
  close((int)rs);
  return 0;
}
int a_landlock_widen(void) {
  /* WRITE_FILE | READ_FILE */
  int e = ll_layer(0x2 | 0x4, 0x2 | 0x4);
  if (e != 0) {
    probe_custom("SETUP-FAILED landlock layer: errno %d", e);
    return PROBE_CUSTOM;
  }
  return try_open(probe.ro, "file.txt", O_WRONLY);
}
int a_ctl_landlock_narrow(void) {
  int e = ll_layer(0x4, 0x4);
  if (e != 0)
    return e;
  return try_open(probe.ro, "file.txt", O_RDONLY);
}
int a_seccomp_stack_allow(void) {
  struct {
    uint16_t code;
    uint8_t jt, jf;
    uint32_t k;
  } insn = {0x06 /* BPF_RET|BPF_K */, 0, 0, 0x7fff0000 /* ALLOW */};
  struct {
    unsigned short len;
    void *filter;
  } prog = {1, &insn};
  /* Whether this is refused or not, the old filter must still apply. */
  (void)syscall(SYS_seccomp, L(1 /* SET_MODE_FILTER */), L(0), &prog);
  long fd = syscall(SYS_socket, L(2), L(1), L(0));
  return fd < 0 ? errno : 0;
}

/* ---- resource exhaustion ---- */

int a_fork_bomb(void) {
  pid_t kids[512];
  int n = 0, err = 0;
  while (n < 512) {
    pid_t c = fork();
    if (c == 0) {
      sleep(30);
      _exit(0);
    }
    if (c < 0) {
      err = errno;
      break;
    }
    kids[n++] = c;
  }
  for (int i = 0; i < n; ++i)
    kill(kids[i], SIGKILL);
  for (int i = 0; i < n; ++i)
    waitpid(kids[i], NULL, 0);
  if (err == 0) {
    probe_custom("NO-LIMIT: %d forks succeeded", n);
    return PROBE_CUSTOM;
  }
  if (n >= 16) {
    probe_custom("%s-after-%d-forks", err == EAGAIN ? "EAGAIN" : "ERROR", n);
    return PROBE_CUSTOM;
  }
  return err;
}
int a_mem_hog(void) {
  for (int i = 0; i < 256; ++i) {
    void *p = mmap(NULL, 16 << 20, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
      return errno;
  }
  probe_custom("NO-LIMIT: 4 GiB mapped");
  return PROBE_CUSTOM;
}
int a_fsize_hog(void) {
  char p[64];
  static char chunk[65536];
  snprintf(p, sizeof(p), "fsize.%d", (int)getpid());
  int fd = open_keep(probe.rw, p, O_CREAT | O_WRONLY | O_TRUNC);
  if (fd < 0)
    return -fd;
  for (int i = 0; i < 64; ++i)
    if (write(fd, chunk, sizeof(chunk)) < 0)
      return errno;
  probe_custom("NO-LIMIT: 4 MiB written");
  return PROBE_CUSTOM;
}
int a_fd_hog(void) {
  for (int i = 0; i < 4096; ++i)
    if (syscall(SYS_dup, L(probe.out)) < 0)
      return errno;
  probe_custom("NO-LIMIT: 4096 descriptors");
  return PROBE_CUSTOM;
}
int a_cpu_hog(void) {
  struct timespec t0, t;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  do {
    for (volatile int i = 0; i < 1000000; ++i) {
    }
    clock_gettime(CLOCK_MONOTONIC, &t);
  } while (t.tv_sec - t0.tv_sec < 10);
  probe_custom("NO-LIMIT: 10 s of CPU");
  return PROBE_CUSTOM;
}

/* ---- controls ---- */

static void *thread_fn(void *arg) { return arg; }
int a_ctl_fork(void) {
  pid_t c = fork();
  if (c < 0)
    return errno;
  if (c == 0) {
    int bad = syscall(SYS_kill, L(getpid()), L(0)) < 0 ||
              syscall(SYS_tgkill, L(getpid()), L(syscall(SYS_gettid)), L(0)) <
                  0;
    _exit(bad);
  }
  int st;
  if (waitpid(c, &st, 0) != c)
    return errno;
  if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
    return ECHILD;
  pthread_t t;
  int e = pthread_create(&t, NULL, thread_fn, NULL);
  if (e != 0)
    return e;
  return pthread_join(t, NULL);
}
int a_ctl_fstatfs_ro(void) {
  struct statfs s;
  return SC(SYS_fstatfs, L(probe.ro), &s);
}
int a_ctl_pipe(void) {
  int p[2];
  char c;
  if (syscall(SYS_pipe2, p, L(O_CLOEXEC)) < 0)
    return errno;
  if (write(p[1], "x", 1) != 1 || read(p[0], &c, 1) != 1)
    return errno;
  return 0;
}
int a_ctl_mmap_anon(void) {
  char *p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    return errno;
  memset(p, 1, 1 << 20);
  return munmap(p, 1 << 20) == 0 ? 0 : errno;
}
int a_ctl_clock_gettime(void) {
  struct timespec ts;
  return SC(SYS_clock_gettime, L(CLOCK_REALTIME), &ts);
}
int a_ctl_uname(void) {
  struct utsname u;
  return SC(SYS_uname, &u);
}
int a_ctl_tty_winsz(void) {
  struct winsize ws;
  return SC(SYS_ioctl, L(probe.tty), L(TIOCGWINSZ), &ws);
}
int a_ctl_argdata_read(void) {
  char c;
  long n = syscall(SYS_pread64, L(3), &c, L(1), L(0));
  if (n < 0)
    return errno;
  return n == 1 ? 0 : EIO;
}
int a_cgroup_escape(void) {
  char line[32];
  int n = snprintf(line, sizeof(line), "%d\n", (int)getpid());
  static const char *const candidates[] = {
      "/sys/fs/cgroup/cgroup.procs",        /* v2 */
      "/sys/fs/cgroup/pids/cgroup.procs",   /* v1 pids hierarchy */
      "/sys/fs/cgroup/unified/cgroup.procs" /* hybrid */
  };
  const char *path = NULL;
  struct stat st;
  for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]); ++i)
    if (syscall(SYS_newfstatat, L(probe.ro), candidates[i], &st, L(0)) == 0) {
      path = candidates[i];
      break;
    }
  if (path == NULL) {
    probe_custom("SKIP:no cgroup.procs under /sys/fs/cgroup");
    return PROBE_CUSTOM;
  }
  int fd = open_keep(probe.ro, path, O_WRONLY);
  if (fd < 0)
    return -fd;
  return write(fd, line, (size_t)n) == n ? 0 : errno;
}
int a_stdio_devnull(void) {
  char bad[128] = "";
  size_t len = 0;
  for (int fd = 0; fd <= 2; ++fd) {
    struct stat st;
    if (fstat(fd, &st) != 0)
      len += (size_t)snprintf(bad + len, sizeof(bad) - len, "fd%d=closed ", fd);
    else if (!S_ISCHR(st.st_mode) || st.st_rdev != makedev(1, 3))
      len += (size_t)snprintf(bad + len, sizeof(bad) - len,
                              "fd%d=mode%o,rdev%llx ", fd, (unsigned)st.st_mode,
                              (unsigned long long)st.st_rdev);
  }
  probe_custom("%s", len ? bad : "DEVNULL");
  return PROBE_CUSTOM;
}
int a_argdata_seals(void) {
  long seals = syscall(SYS_fcntl, L(3), L(F_GET_SEALS));
  struct stat st;
  if (seals < 0)
    return errno;
  if (fstat(3, &st) != 0)
    return errno;
  long need = F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE;
  if ((seals & need) != need || (st.st_mode & 0111) != 0) {
    probe_custom("SEALS=%#lx,MODE=%o", seals, (unsigned)st.st_mode & 07777);
    return PROBE_CUSTOM;
  }
  probe_custom("SEALED");
  return PROBE_CUSTOM;
}
