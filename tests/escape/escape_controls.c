/*
 * Positive controls for the filesystem attacks (the same kind of operation
 * on a granted resource: must succeed), and the documented residual leaks.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "escape_probe.h"

static const char *name(const char *base) {
  static char bufs[4][128];
  static unsigned next;
  char *b = bufs[next++ % 4];
  snprintf(b, 128, "%s.%d", base, (int)getpid());
  return b;
}

int a_ctl_open_ro(void) {
  char buf[16];
  int fd = open_keep(probe.ro, "file.txt", O_RDONLY);
  if (fd < 0)
    return -fd;
  long n = read(fd, buf, sizeof(buf));
  close(fd);
  return n > 0 ? 0 : (n < 0 ? errno : EIO);
}
int a_ctl_open_subdir(void) {
  char buf[1024];
  int fd = open_keep(probe.ro, "sub", O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -fd;
  long n = syscall(SYS_getdents64, L(fd), buf, L(sizeof(buf)));
  close(fd);
  return n > 0 ? 0 : (n < 0 ? errno : EIO);
}
int a_ctl_symlink_in(void) { return try_open(probe.ro, "inlink", O_RDONLY); }
int a_ctl_create_rw(void) {
  const char *n = name("created");
  int fd = open_keep(probe.rw, n, O_CREAT | O_EXCL | O_WRONLY);
  if (fd < 0)
    return -fd;
  if (write(fd, "x", 1) != 1)
    return errno;
  close(fd);
  return SC(SYS_unlinkat, L(probe.rw), n, L(0));
}
int a_ctl_write_rw(void) {
  int fd = open_keep(probe.rw, "w.txt", O_WRONLY | O_APPEND);
  if (fd < 0)
    return -fd;
  return write(fd, "c\n", 2) == 2 ? 0 : errno;
}
int a_ctl_symlink_create(void) {
  const char *l = name("sl");
  if (SC(SYS_symlinkat, "w.txt", L(probe.rw), l) != 0)
    return errno;
  int e = try_open(probe.rw, l, O_RDONLY);
  if (e != 0)
    return e;
  return SC(SYS_unlinkat, L(probe.rw), l, L(0));
}
int a_ctl_proc_fd_reopen_ro(void) {
  char p[64];
  snprintf(p, sizeof(p), "/proc/self/fd/%d", probe.rofile);
  return try_open(probe.ro, p, O_RDONLY);
}
int a_ctl_openat2_beneath(void) {
  struct {
    uint64_t flags, mode, resolve;
  } how = {O_RDONLY, 0, 0x08};
  long fd = syscall(SYS_openat2, L(probe.ro), "sub/s.txt", &how, sizeof(how));
  if (fd < 0)
    return errno;
  close((int)fd);
  return 0;
}
int a_ctl_link_rw(void) {
  const char *n = name("link");
  if (SC(SYS_linkat, L(probe.rw), "w.txt", L(probe.rw), n, L(0)) != 0)
    return errno;
  return SC(SYS_unlinkat, L(probe.rw), n, L(0));
}
static int make(int dfd, const char *n) {
  int fd = open_keep(dfd, n, O_CREAT | O_EXCL | O_WRONLY);
  if (fd < 0)
    return -fd;
  close(fd);
  return 0;
}
int a_ctl_rename_rw(void) {
  const char *n = name("mv");
  char to[160];
  int e = make(probe.rw, n);
  if (e != 0)
    return e;
  snprintf(to, sizeof(to), "sub2/%s", n);
  if (SC(SYS_renameat, L(probe.rw), n, L(probe.rw), to) != 0)
    return errno;
  if (SC(SYS_renameat, L(probe.rw), to, L(probe.rw), n) != 0)
    return errno;
  return SC(SYS_unlinkat, L(probe.rw), n, L(0));
}
int a_ctl_rename_rw_rw2(void) {
  const char *n = name("cross");
  int e = make(probe.rw, n);
  if (e != 0)
    return e;
  if (SC(SYS_renameat, L(probe.rw), n, L(probe.rw2), n) != 0)
    return errno;
  return SC(SYS_unlinkat, L(probe.rw2), n, L(0));
}
int a_ctl_truncate_rw(void) {
  const char *n = name("trunc");
  int fd = open_keep(probe.rw, n, O_CREAT | O_RDWR | O_TRUNC);
  if (fd < 0)
    return -fd;
  if (SC(SYS_ftruncate, L(fd), L(10)) != 0)
    return errno;
  close(fd);
  return SC(SYS_unlinkat, L(probe.rw), n, L(0));
}
int a_ctl_write_rwfile(void) {
  return SC(SYS_pwrite64, L(probe.rwfile), "rw", L(2), L(0));
}
int a_ctl_mmap_shared_rw(void) {
  void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, probe.rwfile,
                 0);
  if (p == MAP_FAILED)
    return errno;
  munmap(p, 4096);
  return 0;
}
int a_ctl_mkdir_rw(void) {
  const char *n = name("dir");
  if (SC(SYS_mkdirat, L(probe.rw), n, L(0700)) != 0)
    return errno;
  return SC(SYS_unlinkat, L(probe.rw), n, L(AT_REMOVEDIR));
}
int a_ctl_futimens_rw(void) {
  return SC(SYS_utimensat, L(probe.rwfile), NULL, NULL, L(0));
}

/* ---- documented residual leaks ---- */

static int stat_at(const char *path) {
  struct stat st;
  return SC(SYS_newfstatat, L(probe.ro), path, &st, L(0));
}
int a_leak_stat_outside(void) { return stat_at(fx("outside/secret.txt")); }
int a_leak_stat_dotdot(void) { return stat_at("../outside/secret.txt"); }
int a_leak_statx_shadow(void) {
  char buf[256];
  return SC(SYS_statx, L(probe.ro), "/etc/shadow", L(0), L(0x7ff), buf);
}
int a_leak_faccessat(void) {
  return SC(SYS_faccessat, L(probe.ro), "../outside/secret.txt", L(R_OK));
}
int a_leak_readlink_outside(void) {
  char buf[256];
  long n = syscall(SYS_readlinkat, L(probe.ro), fx("outside/link"), buf,
                   L(sizeof(buf)));
  return n < 0 ? errno : 0;
}
int a_leak_existence(void) { return stat_at(fx("outside/no-such-file")); }
int a_leak_opath_outside(void) {
  struct stat st;
  int fd = open_keep(probe.ro, fx("outside/secret.txt"), O_PATH);
  if (fd < 0)
    return -fd;
  return SC(SYS_fstat, L(fd), &st);
}
int a_ctl_hardlink_read(void) {
  return try_open(probe.ro, "hardlink", O_RDONLY);
}
int a_hardlink_ro_write(void) {
  return try_open(probe.ro, "hardlink", O_RDWR);
}

/* ---- file grants, write-only directories, append ---- */

int a_single_sibling(void) {
  return try_open(probe.ro, fx("outside/secret.txt"), O_RDONLY);
}
int a_single_reopen_rw(void) {
  return try_open(probe.ro, fx("outside/single.txt"), O_RDWR);
}
int a_single_exe_sibling(void) {
  return SC(SYS_execveat, L(probe.ro), fx("outside/prog_sibling"),
            probe_marker_argv("prog_sibling"), NULL, L(0));
}
int a_single_exe_write(void) {
  return try_open(probe.ro, fx("outside/prog"), O_WRONLY);
}
int a_ctl_single_read(void) {
  char c;
  if (pread(probe.single, &c, 1, 0) != 1)
    return errno ? errno : EIO;
  return try_open(probe.ro, fx("outside/single.txt"), O_RDONLY);
}
int a_ctl_single_exe(void) {
  char *envp[] = {NULL};
  return SC(SYS_execveat, L(probe.single_exe), "",
            probe_marker_argv("prog"), envp, L(AT_EMPTY_PATH));
}
int a_wonly_getdents(void) {
  char buf[1024];
  return SC(SYS_getdents64, L(probe.wonly), buf, L(sizeof(buf)));
}
int a_wonly_read_file(void) {
  return try_open(probe.wonly, "existing.txt", O_RDONLY);
}
int a_ctl_wonly_create(void) {
  const char *n = name("new");
  int fd = open_keep(probe.wonly, n, O_CREAT | O_EXCL | O_WRONLY);
  if (fd < 0)
    return -fd;
  return write(fd, "x", 1) == 1 ? 0 : errno;
}
int a_residual_append_clear(void) {
  int fl = (int)syscall(SYS_fcntl, L(probe.app), L(F_GETFL));
  if (fl < 0)
    return errno;
  if (!(fl & O_APPEND)) {
    probe_custom("NOT-APPEND-MODE");
    return PROBE_CUSTOM;
  }
  if (syscall(SYS_fcntl, L(probe.app), L(F_SETFL), L(fl & ~O_APPEND)) < 0)
    return errno;
  return SC(SYS_pwrite64, L(probe.app), "X", L(1), L(0));
}

/* ---- held files: sync and locks ---- */

int a_ctl_fsync_rwfile(void) {
  if (syscall(SYS_fsync, L(probe.rwfile)) < 0)
    return errno;
  if (syscall(SYS_fdatasync, L(probe.rwfile)) < 0)
    return errno;
  return SC(SYS_sync_file_range, L(probe.rwfile), L(0), L(0),
            L(2 /* SYNC_FILE_RANGE_WRITE */));
}
int a_ctl_lock_rwfile(void) {
  int e;
  if ((e = SC(SYS_flock, L(probe.rwfile), L(2 /* LOCK_EX */ | 4 /* NB */))))
    return e;
  if ((e = SC(SYS_flock, L(probe.rwfile), L(8 /* LOCK_UN */))))
    return e;
  if ((e = lock_cmd(probe.rwfile, F_SETLK, F_WRLCK)) ||
      (e = lock_cmd(probe.rwfile, F_SETLK, F_UNLCK)))
    return e;
  if ((e = lock_cmd(probe.rwfile, 37 /* F_OFD_SETLK */, F_WRLCK)))
    return e;
  return lock_cmd(probe.rwfile, 37 /* F_OFD_SETLK */, F_UNLCK);
}
int a_residual_flock_ro(void) {
  return SC(SYS_flock, L(probe.rofile), L(2 /* LOCK_EX */ | 4 /* LOCK_NB */));
}
int a_residual_ofd_rdlock_ro(void) {
  return lock_cmd(probe.rofile, 37 /* F_OFD_SETLK */, F_RDLCK);
}

/* ---- the open file description of `!fd stdout` is the launcher's ---- */

int a_residual_setfl_shared_out(void) {
  int fl = (int)syscall(SYS_fcntl, L(probe.out), L(F_GETFL));
  int fl2 = (int)syscall(SYS_fcntl, L(probe.out2), L(F_GETFL));
  if (fl < 0 || fl2 < 0)
    return errno;
  if ((fl | fl2) & O_NONBLOCK) {
    probe_custom("SETUP-FAILED out is already O_NONBLOCK");
    return PROBE_CUSTOM;
  }
  if (syscall(SYS_fcntl, L(probe.out), L(F_SETFL), L(fl | O_NONBLOCK)) < 0)
    return errno;
  fl2 = (int)syscall(SYS_fcntl, L(probe.out2), L(F_GETFL));
  (void)syscall(SYS_fcntl, L(probe.out), L(F_SETFL), L(fl));
  if (fl2 < 0)
    return errno;
  probe_custom(fl2 & O_NONBLOCK ? "SHARED" : "PRIVATE");
  return PROBE_CUSTOM;
}

int a_leak_statfs_outside(void) {
  char buf[256]; /* struct statfs is 120 bytes on x86_64 */
  return SC(SYS_statfs, fx("outside"), buf);
}
