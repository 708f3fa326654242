/*
 * Filesystem attacks: paths, /proc magic links, O_PATH, openat2, links and
 * renames across grants, truncation, writes through read-only grants,
 * attribute changes and device nodes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <unistd.h>

#include "escape_probe.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE 2
#endif
#define RESOLVE_BENEATH_ 0x08
#define RESOLVE_IN_ROOT_ 0x10
#define SYS_fchmodat2_ 452
#define SYS_setxattrat_ 463
#define FS_IOC_GETFLAGS_ 0x80086601UL
#define FS_IOC_SETFLAGS_ 0x40086602UL
#define FS_NOATIME_FL_ 0x00000080

struct open_how_ {
  uint64_t flags, mode, resolve;
};

int try_open(long dfd, const char *path, int flags) {
  long fd = syscall(SYS_openat, dfd, path, L(flags), L(0600));
  if (fd < 0)
    return errno;
  close((int)fd);
  return 0;
}

int open_keep(long dfd, const char *path, int flags) {
  long fd = syscall(SYS_openat, dfd, path, L(flags), L(0600));
  return fd < 0 ? -errno : (int)fd;
}

/* A name unique to this process, so that both profiles can run. */
static const char *uniq(const char *base) {
  static char bufs[4][128];
  static unsigned next;
  char *b = bufs[next++ % 4];
  snprintf(b, 128, "%s.%d", base, (int)getpid());
  return b;
}

static const char *procfd(int fd) {
  static char bufs[2][64];
  static unsigned next;
  char *b = bufs[next++ % 2];
  snprintf(b, 64, "/proc/self/fd/%d", fd);
  return b;
}

static int openat2_err(int dfd, const char *path, uint64_t flags,
                       uint64_t resolve, int *keep) {
  struct open_how_ how = {flags, flags & O_CREAT ? 0600 : 0, resolve};
  long fd = syscall(SYS_openat2, L(dfd), path, &how, sizeof(how));
  if (fd < 0)
    return errno;
  if (keep)
    *keep = (int)fd;
  else
    close((int)fd);
  return 0;
}

/* ---- absolute paths, cwd, .., symlinks ---- */

int a_abs_fdcwd(void) {
  return try_open(AT_FDCWD, fx("outside/secret.txt"), O_RDONLY);
}
int a_abs_dirfd(void) {
  return try_open(probe.ro, fx("outside/secret.txt"), O_RDONLY);
}
int a_etc_shadow(void) { return try_open(probe.ro, "/etc/shadow", O_RDONLY); }
int a_etc_passwd_append(void) {
  return try_open(probe.ro, "/etc/passwd", O_WRONLY | O_APPEND);
}
int a_legacy_open(void) {
  long fd = syscall(SYS_open, fx("outside/secret.txt"), L(O_RDONLY), L(0));
  if (fd < 0)
    return errno;
  close((int)fd);
  return 0;
}
int a_legacy_creat(void) {
  long fd = syscall(SYS_creat, fx(uniq("outside/creat")), L(0600));
  if (fd < 0)
    return errno;
  close((int)fd);
  return 0;
}
int a_cwd_relative(void) { return try_open(AT_FDCWD, "secret.txt", O_RDONLY); }
int a_dotdot_ro(void) {
  return try_open(probe.ro, "../outside/secret.txt", O_RDONLY);
}
int a_dotdot_deep(void) {
  return try_open(probe.ro, "sub/../../outside/secret.txt", O_RDONLY);
}
int a_dotdot_dir(void) {
  return try_open(probe.ro, "..", O_RDONLY | O_DIRECTORY);
}
int a_root_dir(void) { return try_open(probe.ro, "/", O_RDONLY | O_DIRECTORY); }
int a_dotdot_rw_create(void) {
  return try_open(probe.rw, uniq("../outside/new"), O_CREAT | O_WRONLY);
}
int a_dotdot_rw_to_ro_write(void) {
  return try_open(probe.rw, "../ro/file.txt", O_WRONLY);
}
int a_symlink_rel_out(void) { return try_open(probe.ro, "esc", O_RDONLY); }
int a_symlink_abs_out(void) { return try_open(probe.ro, "esc_abs", O_RDONLY); }
int a_symlink_made_out(void) {
  const char *l = uniq("made_out");
  if (SC(SYS_symlinkat, fx("outside/secret.txt"), L(probe.rw), l) != 0)
    return errno;
  return try_open(probe.rw, l, O_RDONLY);
}
int a_symlink_dir_out(void) {
  const char *l = uniq("dirlink");
  char path[160];
  if (SC(SYS_symlinkat, "../outside", L(probe.rw), l) != 0)
    return errno;
  snprintf(path, sizeof(path), "%s/secret.txt", l);
  return try_open(probe.rw, path, O_RDONLY);
}
int a_symlink_to_ro_write(void) {
  const char *l = uniq("to_ro");
  if (SC(SYS_symlinkat, "../ro/file.txt", L(probe.rw), l) != 0)
    return errno;
  return try_open(probe.rw, l, O_WRONLY);
}
int a_chdir_outside(void) {
  if (SC(SYS_chdir, fx("outside")) != 0)
    return errno;
  return try_open(AT_FDCWD, "secret.txt", O_RDONLY);
}
int a_fchdir_dotdot(void) {
  if (SC(SYS_fchdir, L(probe.ro)) != 0)
    return errno;
  return try_open(AT_FDCWD, "../outside/secret.txt", O_RDONLY);
}
int a_tmp_create(void) {
  return try_open(probe.ro, uniq("/tmp/escape-probe"), O_CREAT | O_WRONLY);
}
int a_shm_create(void) {
  return try_open(probe.ro, uniq("/dev/shm/escape-probe"), O_CREAT | O_RDWR);
}

/* ---- /proc and /sys ---- */

int a_proc_fd_reopen_rw(void) {
  return try_open(probe.ro, procfd(probe.rofile), O_RDWR);
}
int a_proc_fd_dir_dotdot(void) {
  char p[96];
  snprintf(p, sizeof(p), "/proc/self/fd/%d/../outside/secret.txt", probe.ro);
  return try_open(probe.ro, p, O_RDONLY);
}
int a_proc_self_root(void) {
  return try_open(probe.ro, "/proc/self/root/etc/passwd", O_RDONLY);
}
int a_proc_self_cwd(void) {
  return try_open(probe.ro, "/proc/self/cwd/secret.txt", O_RDONLY);
}
int a_proc_1_root(void) {
  return try_open(probe.ro, "/proc/1/root/etc/passwd", O_RDONLY);
}
int a_proc_victim_root(void) {
  char p[64];
  snprintf(p, sizeof(p), "/proc/%ld/root/etc/passwd", probe.victim);
  return try_open(probe.ro, p, O_RDONLY);
}
int a_proc_victim_environ(void) {
  char p[64];
  snprintf(p, sizeof(p), "/proc/%ld/environ", probe.victim);
  return try_open(probe.ro, p, O_RDONLY);
}
int a_proc_victim_mem(void) {
  char p[64];
  snprintf(p, sizeof(p), "/proc/%ld/mem", probe.victim);
  return try_open(probe.ro, p, O_RDWR);
}
static int open_dev(const char *path, int flags);
int a_proc_sysrq(void) { return open_dev("/proc/sysrq-trigger", O_WRONLY); }
int a_proc_sys_write(void) {
  return try_open(probe.ro, "/proc/sys/kernel/hostname", O_WRONLY);
}
int a_sysfs_write(void) {
  return try_open(probe.ro, "/sys/kernel/profiling", O_WRONLY);
}

/* ---- O_PATH ---- */

int a_opath_openat_child(void) {
  int d = open_keep(probe.ro, fx("outside"), O_PATH | O_DIRECTORY);
  if (d < 0)
    return -d;
  return try_open(d, "secret.txt", O_RDONLY);
}
int a_opath_fchdir(void) {
  int d = open_keep(probe.ro, fx("outside"), O_PATH | O_DIRECTORY);
  if (d < 0)
    return -d;
  if (SC(SYS_fchdir, L(d)) != 0)
    return errno;
  return try_open(AT_FDCWD, ".", O_RDONLY | O_DIRECTORY);
}
int a_opath_linkat(void) {
  int f = open_keep(probe.ro, fx("outside/secret.txt"), O_PATH);
  if (f < 0)
    return -f;
  return SC(SYS_linkat, L(f), "", L(probe.rw), uniq("pulled"),
            L(AT_EMPTY_PATH));
}
int a_opath_execveat(void) {
  int f = open_keep(probe.ro, fx("outside/prog"), O_PATH);
  if (f < 0)
    return -f;
  char *envp[] = {NULL};
  return SC(SYS_execveat, L(f), "", probe_marker_argv("prog"), envp,
            L(AT_EMPTY_PATH));
}
int a_opath_proc_reopen(void) {
  int f = open_keep(probe.ro, fx("outside/secret.txt"), O_PATH);
  if (f < 0)
    return -f;
  return try_open(probe.ro, procfd(f), O_RDONLY);
}
int a_opath_ro_reopen_write(void) {
  int f = open_keep(probe.ro, "file.txt", O_PATH);
  if (f < 0)
    return -f;
  return try_open(probe.ro, procfd(f), O_WRONLY);
}

/* ---- openat2 ---- */

int a_openat2_beneath_dotdot(void) {
  return openat2_err(probe.ro, "../outside/secret.txt", O_RDONLY,
                     RESOLVE_BENEATH_, NULL);
}
int a_openat2_beneath_abs(void) {
  return openat2_err(probe.ro, "/etc/passwd", O_RDONLY, RESOLVE_BENEATH_,
                     NULL);
}
int a_openat2_plain_abs(void) {
  return openat2_err(probe.ro, fx("outside/secret.txt"), O_RDONLY, 0, NULL);
}
int a_openat2_opath_reopen(void) {
  int f = -1;
  int e = openat2_err(probe.ro, fx("outside/secret.txt"), O_PATH, 0, &f);
  if (e != 0)
    return e;
  return try_open(probe.ro, procfd(f), O_RDONLY);
}
int a_openat2_in_root(void) {
  return openat2_err(probe.ro, "esc_abs", O_RDONLY, RESOLVE_IN_ROOT_, NULL);
}
int a_openat2_rw_on_ro(void) {
  return openat2_err(probe.ro, "file.txt", O_RDWR, RESOLVE_BENEATH_, NULL);
}
int a_openat2_create_ro(void) {
  return openat2_err(probe.ro, uniq("new"), O_CREAT | O_WRONLY,
                     RESOLVE_BENEATH_, NULL);
}

/* ---- links and renames ---- */

int a_link_ro_to_rw(void) {
  return SC(SYS_linkat, L(probe.ro), "file.txt", L(probe.rw), uniq("hl"),
            L(0));
}
int a_link_outside_to_rw(void) {
  return SC(SYS_linkat, L(probe.ro), fx("outside/secret.txt"), L(probe.rw),
            uniq("hl2"), L(0));
}
int a_link_proc_fd(void) {
  return SC(SYS_linkat, L(probe.ro), procfd(probe.rofile), L(probe.rw),
            uniq("hl3"), L(AT_SYMLINK_FOLLOW));
}
int a_link_rw_to_outside(void) {
  return SC(SYS_linkat, L(probe.rw), "w.txt", L(probe.ro),
            fx(uniq("outside/hl")), L(0));
}
int a_rename_ro_to_rw(void) {
  return SC(SYS_renameat, L(probe.ro), "file.txt", L(probe.rw),
            uniq("stolen"));
}
int a_rename_rw_to_ro(void) {
  return SC(SYS_renameat, L(probe.rw), "w.txt", L(probe.ro), "w.txt");
}
int a_rename_rw_to_outside(void) {
  return SC(SYS_renameat, L(probe.rw), "w.txt", L(probe.ro),
            fx(uniq("outside/w")));
}
int a_rename_outside_in(void) {
  return SC(SYS_renameat, L(probe.ro), fx("outside/secret.txt"), L(probe.rw),
            uniq("s"));
}
int a_rename_exchange_ro(void) {
  return SC(SYS_renameat2, L(probe.rw), "w.txt", L(probe.ro), "file.txt",
            L(RENAME_EXCHANGE));
}
int a_rename_dir_out(void) {
  return SC(SYS_renameat, L(probe.rw), "sub1", L(probe.rw),
            uniq("../outside/sub1"));
}

/* ---- truncation and writes ---- */

int a_otrunc_ro(void) {
  return try_open(probe.ro, "file.txt", O_RDONLY | O_TRUNC);
}
int a_otrunc_outside(void) {
  return try_open(probe.ro, fx("outside/secret.txt"), O_WRONLY | O_TRUNC);
}
int a_otrunc_proc_fd(void) {
  return try_open(probe.ro, procfd(probe.rofile), O_RDONLY | O_TRUNC);
}
int a_ftruncate_ro_fd(void) {
  return SC(SYS_ftruncate, L(probe.rofile), L(0));
}
int a_truncate_path_ro(void) {
  return SC(SYS_truncate, fx("ro/file.txt"), L(0));
}
int a_truncate_path_outside(void) {
  return SC(SYS_truncate, fx("outside/secret.txt"), L(0));
}
int a_fallocate_ro_fd(void) {
  return SC(SYS_fallocate, L(probe.rofile), L(0x02 | 0x01), L(0), L(4));
}
int a_write_ro_fd(void) {
  return SC(SYS_write, L(probe.rofile), "escape", L(6));
}
int a_copy_file_range_ro(void) {
  int64_t in = 0, out = 0;
  return SC(SYS_copy_file_range, L(probe.rwfile), &in, L(probe.rofile), &out,
            L(4), L(0));
}
int a_mmap_shared_write_ro(void) {
  void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, probe.rofile,
                 0);
  if (p == MAP_FAILED)
    return errno;
  munmap(p, 4096);
  return 0;
}
int a_mprotect_shared_ro(void) {
  void *p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, probe.rofile, 0);
  if (p == MAP_FAILED)
    return errno;
  return mprotect(p, 4096, PROT_READ | PROT_WRITE) == 0 ? 0 : errno;
}
int a_openat_ro_wronly(void) {
  return try_open(probe.ro, "file.txt", O_WRONLY);
}
int a_openat_ro_create(void) {
  return try_open(probe.ro, uniq("new"), O_CREAT | O_WRONLY);
}
int a_otmpfile_ro(void) { return try_open(probe.ro, ".", O_TMPFILE | O_RDWR); }
int a_mkdir_ro(void) {
  return SC(SYS_mkdirat, L(probe.ro), uniq("d"), L(0700));
}
int a_unlink_ro(void) {
  return SC(SYS_unlinkat, L(probe.ro), "file.txt", L(0));
}
int a_rmdir_ro(void) {
  return SC(SYS_unlinkat, L(probe.ro), "sub", L(AT_REMOVEDIR));
}
int a_symlink_ro(void) {
  return SC(SYS_symlinkat, "x", L(probe.ro), uniq("l"));
}

/* ---- attributes ---- */

int a_chmod_outside(void) {
  return SC(SYS_chmod, fx("outside/secret.txt"), L(0777));
}
int a_fchmodat_outside(void) {
  return SC(SYS_fchmodat, L(probe.ro), fx("outside/secret.txt"), L(0777));
}
int a_fchmodat2_outside(void) {
  return SC(SYS_fchmodat2_, L(probe.ro), "../outside/secret.txt", L(0777),
            L(0));
}
int a_fchmodat_in_ro(void) {
  return SC(SYS_fchmodat, L(probe.ro), "file.txt", L(0777));
}
int a_fchmod_ro_fd(void) { return SC(SYS_fchmod, L(probe.rofile), L(0777)); }
int a_chown_outside(void) {
  return SC(SYS_chown, fx("outside/secret.txt"), L(1), L(1));
}
int a_lchown_outside(void) {
  return SC(SYS_lchown, fx("outside/link"), L(1), L(1));
}
int a_fchownat_outside(void) {
  return SC(SYS_fchownat, L(probe.ro), fx("outside/secret.txt"), L(1), L(1),
            L(0));
}
int a_fchown_give_away(void) {
  return SC(SYS_fchown, L(probe.rwfile), L(65534), L(65534));
}
int a_utimensat_outside(void) {
  return SC(SYS_utimensat, L(probe.ro), fx("outside/secret.txt"), NULL, L(0));
}
int a_utimensat_in_ro(void) {
  return SC(SYS_utimensat, L(probe.ro), "file.txt", NULL, L(0));
}
int a_residual_futimens_ro_fd(void) {
  struct timespec ts[2] = {{0, 0}, {0, 0}};
  return SC(SYS_utimensat, L(probe.rotimes), NULL, ts, L(0));
}
int a_utimes_outside(void) {
  return SC(SYS_utimes, fx("outside/secret.txt"), NULL);
}
int a_utime_outside(void) {
  return SC(SYS_utime, fx("outside/secret.txt"), NULL);
}
int a_futimesat_outside(void) {
  return SC(SYS_futimesat, L(probe.ro), "../outside/secret.txt", NULL);
}
int a_setxattr_outside(void) {
  return SC(SYS_setxattr, fx("outside/secret.txt"), "user.escape", "x", L(1),
            L(0));
}
int a_lsetxattr_outside(void) {
  return SC(SYS_lsetxattr, fx("outside/link"), "user.escape", "x", L(1), L(0));
}
int a_removexattr_outside(void) {
  return SC(SYS_removexattr, fx("outside/secret.txt"), "user.keep");
}
int a_setxattrat_outside(void) {
  struct {
    uint64_t value;
    uint32_t size, flags;
  } args = {(uint64_t)(uintptr_t) "x", 1, 0};
  return SC(SYS_setxattrat_, L(probe.ro), "../outside/secret.txt", L(0),
            "user.escape", &args, sizeof(args));
}
int a_fsetxattr_ro_fd(void) {
  return SC(SYS_fsetxattr, L(probe.rofile), "user.escape", "x", L(1), L(0));
}
int a_ioctl_setflags_ro(void) {
  long flags = 0;
  (void)syscall(SYS_ioctl, L(probe.rofile), FS_IOC_GETFLAGS_, &flags);
  flags |= FS_NOATIME_FL_;
  return SC(SYS_ioctl, L(probe.rofile), FS_IOC_SETFLAGS_, &flags);
}

/* A string placed at exactly 0x100000000: its low 32 bits are zero. */
static const char *high_string(const char *s) {
  void *p = mmap((void *)0x100000000UL, 4096, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (p != (void *)0x100000000UL)
    return NULL;
  strcpy(p, s);
  return p;
}
int a_highptr_utimensat(void) {
  const char *p = high_string(fx("outside/secret.txt"));
  if (p == NULL) {
    probe_custom("SETUP-FAILED mmap at 0x100000000: errno %d", errno);
    return PROBE_CUSTOM;
  }
  return SC(SYS_utimensat, L(probe.ro), p, NULL, L(0));
}

/* ---- device nodes ---- */

int a_mknodat_chr(void) {
  return SC(SYS_mknodat, L(probe.rw), uniq("mem"), L(S_IFCHR | 0600),
            L(makedev(1, 1)));
}
int a_mknodat_blk(void) {
  return SC(SYS_mknodat, L(probe.rw), uniq("disk"), L(S_IFBLK | 0600),
            L(makedev(254, 0)));
}
int a_mknodat_fifo(void) {
  return SC(SYS_mknodat, L(probe.rw), uniq("fifo"), L(S_IFIFO | 0600), L(0));
}
int a_mknodat_sock(void) {
  return SC(SYS_mknodat, L(probe.rw), uniq("sock"), L(S_IFSOCK | 0600), L(0));
}
int a_mknod_legacy(void) {
  return SC(SYS_mknod, fx(uniq("rw/mem2")), L(S_IFCHR | 0600),
            L(makedev(1, 1)));
}

/* Open a device if this machine has it; SKIP otherwise. */
static int open_dev(const char *path, int flags) {
  struct stat st;
  if (syscall(SYS_newfstatat, L(probe.ro), path, &st, L(0)) != 0 &&
      errno == ENOENT) {
    probe_custom("SKIP:%s does not exist on this machine", path);
    return PROBE_CUSTOM;
  }
  return try_open(probe.ro, path, flags);
}
int a_dev_mem(void) { return open_dev("/dev/mem", O_RDONLY); }
int a_dev_disk(void) { return open_dev("/dev/vda", O_RDONLY); }
int a_dev_tty(void) { return try_open(probe.ro, "/dev/tty", O_RDWR); }
int a_dev_kmsg(void) { return open_dev("/dev/kmsg", O_WRONLY); }

/* ---- more on descriptors of read-only grants ---- */

int a_lease_ro_fd(void) {
  return SC(SYS_fcntl, L(probe.rofile), L(1024 /* F_SETLEASE */),
            L(1 /* F_WRLCK */));
}
int a_rename_whiteout(void) {
  const char *n = uniq("wsrc");
  int fd = open_keep(probe.rw, n, O_CREAT | O_WRONLY);
  if (fd < 0) {
    probe_custom("SETUP-FAILED creating rw/%s: errno %d", n, -fd);
    return PROBE_CUSTOM;
  }
  close(fd);
  return SC(SYS_renameat2, L(probe.rw), n, L(probe.rw), uniq("wdst"),
            L(4 /* RENAME_WHITEOUT */));
}
int a_linkat_empty_path_rofile(void) {
  return SC(SYS_linkat, L(probe.rofile), "", L(probe.rw), uniq("hl4"),
            L(AT_EMPTY_PATH));
}
int a_highptr_openat(void) {
  const char *p = high_string(fx("outside/secret.txt"));
  if (p == NULL) {
    probe_custom("SETUP-FAILED mmap at 0x100000000: errno %d", errno);
    return PROBE_CUSTOM;
  }
  return try_open(probe.ro, p, O_RDONLY);
}
int a_highptr_fchmodat(void) {
  const char *p = high_string("file.txt");
  if (p == NULL) {
    probe_custom("SETUP-FAILED mmap at 0x100000000: errno %d", errno);
    return PROBE_CUSTOM;
  }
  return SC(SYS_fchmodat, L(probe.ro), p, L(0777));
}

/* ---- whole-file-system calls and locks through held descriptors ---- */

int a_syncfs_ro(void) { return SC(SYS_syncfs, L(probe.ro)); }

/* fcntl(fd, cmd, &{type, SEEK_SET, whole file}) as a raw syscall. */
int lock_cmd(int fd, int cmd, int type) {
  struct flock fl;
  memset(&fl, 0, sizeof(fl));
  fl.l_type = (short)type;
  fl.l_whence = SEEK_SET;
  return SC(SYS_fcntl, L(fd), L(cmd), &fl);
}
int a_posix_wrlock_ro(void) {
  return lock_cmd(probe.rofile, F_SETLK, F_WRLCK);
}
int a_ofd_wrlock_ro(void) {
  return lock_cmd(probe.rofile, 37 /* F_OFD_SETLK */, F_WRLCK);
}
