/*
 * Exec attacks: execve/execveat of anything not granted exec, memfds,
 * scripts and the dynamic loader.
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

#define MFD_CLOEXEC_ 0x1U
#define MFD_ALLOW_SEALING_ 0x2U
#define MFD_NOEXEC_SEAL_ 0x8U
#define MFD_EXEC_ 0x10U

char **probe_marker_argv(const char *argv0) {
  static char fdbuf[16];
  static char *argv[5];
  snprintf(fdbuf, sizeof(fdbuf), "%d", probe.out);
  argv[0] = (char *)argv0;
  argv[1] = (char *)"exec-marker";
  argv[2] = fdbuf;
  argv[3] = NULL;
  return argv;
}

static char *empty_env[] = {NULL};

static int exec_at(long dfd, const char *path, int flags) {
  return SC(SYS_execveat, dfd, path, probe_marker_argv("prog"), empty_env,
            L(flags));
}

int a_execve_outside(void) {
  return SC(SYS_execve, fx("outside/prog"), probe_marker_argv("prog"),
            empty_env);
}
int a_execve_bin_true(void) {
  char *argv[] = {(char *)"true", NULL};
  return SC(SYS_execve, "/bin/true", argv, empty_env);
}
int a_execveat_ro_noexec(void) { return exec_at(probe.ro, "prog", 0); }
int a_execveat_fd_ro(void) {
  int fd = open_keep(probe.ro, "prog", O_RDONLY);
  if (fd < 0)
    return -fd;
  return exec_at(fd, "", AT_EMPTY_PATH);
}
int a_execveat_abs_via_bin(void) {
  return exec_at(probe.bin, fx("outside/prog"), 0);
}
int a_execveat_dotdot_bin(void) {
  return exec_at(probe.bin, "../outside/prog", 0);
}
int a_execveat_empty_path_trick(void) {
  return exec_at(probe.bin, "../outside/prog", AT_EMPTY_PATH);
}
int a_execveat_proc_fd(void) {
  int fd = open_keep(probe.ro, "prog", O_RDONLY);
  char p[64];
  if (fd < 0)
    return -fd;
  snprintf(p, sizeof(p), "/proc/self/fd/%d", fd);
  return exec_at(probe.ro, p, 0);
}

static int memfd(unsigned long flags) {
  long fd = syscall(SYS_memfd_create, "escape", flags);
  return fd < 0 ? -errno : (int)fd;
}
int a_memfd_flags0(void) {
  int fd = memfd(0);
  return fd < 0 ? -fd : 0;
}
int a_memfd_mfd_exec(void) {
  int fd = memfd(MFD_EXEC_);
  return fd < 0 ? -fd : 0;
}
int a_memfd_exec_highbits(void) {
  int fd = memfd(MFD_EXEC_ | (1UL << 32));
  return fd < 0 ? -fd : 0;
}
int a_memfd_noexec_exec(void) {
  int fd = memfd(MFD_NOEXEC_SEAL_ | MFD_CLOEXEC_);
  if (fd < 0)
    return -fd;
  /* Copy the probe's own image (a static ELF) into the memfd. */
  char buf[65536];
  off_t off = 0;
  ssize_t n;
  while ((n = pread(probe.exe, buf, sizeof(buf), off)) > 0) {
    if (write(fd, buf, (size_t)n) != n)
      return errno;
    off += n;
  }
  if (n < 0 || off == 0) {
    probe_custom("SETUP-FAILED reading the probe image: errno %d", errno);
    return PROBE_CUSTOM;
  }
  return exec_at(fd, "", AT_EMPTY_PATH);
}
int a_memfd_chmod_x(void) {
  int fd = memfd(MFD_NOEXEC_SEAL_);
  if (fd < 0)
    return -fd;
  return SC(SYS_fchmod, L(fd), L(0755));
}
int a_script_ro(void) { return exec_at(probe.ro, "script.sh", 0); }
int a_script_in_bin(void) { return exec_at(probe.bin, "script.sh", 0); }
int a_ldso_trick(void) {
  char *argv[] = {(char *)"ld.so", (char *)fx("ro/prog"),
                  (char *)"exec-marker", probe_marker_argv("x")[2], NULL};
  return SC(SYS_execveat, L(probe.ro), "/lib64/ld-linux-x86-64.so.2", argv,
            empty_env, L(0));
}

/* ---- controls ---- */

int a_ctl_exec_bin(void) { return exec_at(probe.bin, "hello", 0); }
int a_ctl_memfd_noexec(void) {
  int fd = memfd(MFD_NOEXEC_SEAL_ | MFD_CLOEXEC_);
  char buf[8] = {0};
  if (fd < 0)
    return -fd;
  if (write(fd, "memfd", 5) != 5 || pread(fd, buf, 5, 0) != 5)
    return errno;
  return strcmp(buf, "memfd") == 0 ? 0 : EIO;
}

/* ---- planting programs ---- */

static int copy_self(int dfd, const char *name, int mode) {
  long fd = syscall(SYS_openat, L(dfd), name, L(O_CREAT | O_WRONLY | O_TRUNC),
                    L(mode));
  if (fd < 0)
    return errno;
  char buf[65536];
  off_t off = 0;
  ssize_t n;
  while ((n = pread(probe.exe, buf, sizeof(buf), off)) > 0) {
    if (write((int)fd, buf, (size_t)n) != n)
      return errno;
    off += n;
  }
  close((int)fd);
  return n < 0 ? errno : 0;
}
static const char *pname(const char *base) {
  static char b[64];
  snprintf(b, sizeof(b), "%s.%d", base, (int)getpid());
  return b;
}
int a_exec_written_binary(void) {
  const char *n = pname("written");
  int e = copy_self(probe.rw, n, 0755);
  if (e != 0) {
    probe_custom("SETUP-FAILED writing rw/%s: errno %d", n, e);
    return PROBE_CUSTOM;
  }
  return exec_at(probe.rw, n, 0);
}
int a_bin_write_plant(void) { return copy_self(probe.bin, pname("planted"), 0755); }
int a_rename_into_bin(void) {
  const char *n = pname("moved");
  int e = copy_self(probe.rw, n, 0755);
  if (e != 0) {
    probe_custom("SETUP-FAILED writing rw/%s: errno %d", n, e);
    return PROBE_CUSTOM;
  }
  return SC(SYS_renameat, L(probe.rw), n, L(probe.bin), n);
}
int a_link_into_bin(void) {
  return SC(SYS_linkat, L(probe.rw), "w.txt", L(probe.bin), pname("linked"),
            L(0));
}
int a_execveat_fdcwd(void) {
  char *argv[] = {(char *)"true", NULL};
  return SC(SYS_execveat, L(AT_FDCWD), "/bin/true", argv, empty_env, L(0));
}
static int setuid_verdict(int fd, const char *n) {
  struct stat st;
  if (fstat(fd, &st) != 0)
    return errno;
  close(fd);
  (void)syscall(SYS_unlinkat, L(probe.rw), n, L(0));
  if (st.st_mode & S_ISUID) {
    probe_custom("SETUID-PLANTED mode %o uid %d", (unsigned)st.st_mode & 07777,
                 (int)st.st_uid);
    return PROBE_CUSTOM;
  }
  return 0;
}
int a_setuid_plant_create(void) {
  const char *n = pname("suid");
  long fd = syscall(SYS_openat, L(probe.rw), n, L(O_CREAT | O_WRONLY),
                    L(04755));
  if (fd < 0)
    return errno;
  return setuid_verdict((int)fd, n);
}
int a_setuid_plant_fchmod(void) {
  const char *n = pname("suid2");
  long fd = syscall(SYS_openat, L(probe.rw), n, L(O_CREAT | O_WRONLY),
                    L(0755));
  if (fd < 0) {
    probe_custom("SETUP-FAILED creating rw/%s: errno %d", n, errno);
    return PROBE_CUSTOM;
  }
  if (syscall(SYS_fchmod, fd, L(04755)) < 0) {
    int e = errno;
    close((int)fd);
    (void)syscall(SYS_unlinkat, L(probe.rw), n, L(0));
    return e;
  }
  return setuid_verdict((int)fd, n);
}
static int openat2_suid(const char *n) {
  struct {
    uint64_t flags, mode, resolve;
  } how = {O_CREAT | O_RDWR, 04755, 0};
  long fd = syscall(SYS_openat2, L(probe.rw), n, &how, sizeof(how));
  return fd < 0 ? -errno : (int)fd;
}
static int has_suid(int fd) {
  struct stat st;
  return fstat(fd, &st) == 0 && (st.st_mode & S_ISUID) != 0;
}
int a_residual_setuid_openat2(void) {
  const char *a = pname("suid3a");
  int fd = openat2_suid(a);
  if (fd < 0)
    return -fd;
  if (!has_suid(fd)) {
    close(fd);
    (void)syscall(SYS_unlinkat, L(probe.rw), a, L(0));
    return 0; /* no set-ID file could be made: closed */
  }
  /* Way 1: write() content. */
  (void)!write(fd, "#!/bin/sh\n", 10);
  int kept_write = has_suid(fd);
  close(fd);
  (void)syscall(SYS_unlinkat, L(probe.rw), a, L(0));
  /* Way 2: fallocate the size, then write through a shared mapping. */
  const char *b = pname("suid3b");
  fd = openat2_suid(b);
  if (fd < 0)
    return -fd;
  int kept_map = 0;
  if (syscall(SYS_fallocate, L(fd), L(0), L(0), L(4096)) == 0 && has_suid(fd)) {
    char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p != MAP_FAILED) {
      memcpy(p, "#!/bin/sh\n", 10);
      msync(p, 4096, MS_SYNC);
      munmap(p, 4096);
      kept_map = has_suid(fd);
    }
  }
  close(fd);
  (void)syscall(SYS_unlinkat, L(probe.rw), b, L(0));
  if (kept_write || kept_map) {
    probe_custom("SETUID-WITH-CONTENT via %s", kept_write ? "write" : "fallocate+mmap");
    return PROBE_CUSTOM;
  }
  probe_custom("EMPTY-SETUID-ONLY");
  return PROBE_CUSTOM;
}
int a_setuid_plant_creat(void) {
  const char *n = pname("suid4");
  char path[512];
  snprintf(path, sizeof(path), "%s/%s", fx("rw"), n);
  long fd = syscall(SYS_creat, path, L(04755));
  if (fd < 0)
    return errno;
  return setuid_verdict((int)fd, n);
}
int a_setgid_dir_plant(void) {
  const char *n = pname("sgid");
  struct stat st;
  if (syscall(SYS_mkdirat, L(probe.rw), n, L(02777)) < 0)
    return errno;
  int e = syscall(SYS_newfstatat, L(probe.rw), n, &st, L(0)) < 0 ? errno : 0;
  (void)syscall(SYS_unlinkat, L(probe.rw), n, L(AT_REMOVEDIR));
  if (e != 0)
    return e;
  if (st.st_mode & S_ISGID) {
    probe_custom("SETGID-PLANTED mode %o gid %d", (unsigned)st.st_mode & 07777,
                 (int)st.st_gid);
    return PROBE_CUSTOM;
  }
  return 0;
}
