/*
 * ad_report: describes the process it finds itself in, for the launcher
 * integration tests (tests/launcher).
 *
 * It reads fd 3 itself (no SDK start-up code): checks that it is a sealed
 * memfd, maps it and parses it, then writes a report to the descriptor under
 * the argdata key `out` (fd 1 when there is none):
 *
 *   argc=N, argv[i]=..., environ=N, env[i]=..., uid=, gid=, rlimit ...,
 *   signals blocked=<hex mask> ignored=<hex mask> (bit N-1 = signal N)
 *   argdata-bytes=N, argdata-hex=<hex bytes of fd 3>
 *   yaml-begin / argdata_print_yaml output / yaml-end
 *   one line per open descriptor 0..1023:
 *     fd=N type=reg|dir|chr|blk|fifo|sock|lnk|memfd|anon acc=rdonly|wronly|
 *     rdwr|path append=0|1 nonblock=0|1, plus per type:
 *       reg/dir: ino=<st_dev>:<st_ino> (as `stat -c %d:%i`), mode=<octal>
 *       dir:     readdir=ok|<errno>
 *       chr/blk: rdev=MAJOR:MINOR devnull=0|1
 *       memfd:   seals=seal,shrink,grow,write[,exec] pwrite=<errno>
 *       sock:    family=inet|inet6|unix sotype=stream|dgram|seqpacket
 *                listening=0|1 addr=... [peer=...]
 *   fds-end
 *
 * The program never opens a path (the strict profile forbids AT_FDCWD):
 * /dev/null is recognised by its device number 1:3.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include "ad_common.h"

#ifndef F_SEAL_EXEC
#define F_SEAL_EXEC 0x0020
#endif

extern char **environ;

static void print_addr(char *buf, size_t size, const struct sockaddr_storage *ss,
                       socklen_t len) {
  char host[INET6_ADDRSTRLEN];
  if (ss->ss_family == AF_INET) {
    const struct sockaddr_in *in = (const void *)ss;
    inet_ntop(AF_INET, &in->sin_addr, host, sizeof(host));
    snprintf(buf, size, "%s:%u", host, ntohs(in->sin_port));
  } else if (ss->ss_family == AF_INET6) {
    const struct sockaddr_in6 *in6 = (const void *)ss;
    inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof(host));
    snprintf(buf, size, "[%s]:%u", host, ntohs(in6->sin6_port));
  } else if (ss->ss_family == AF_UNIX) {
    const struct sockaddr_un *un = (const void *)ss;
    size_t n = len > offsetof(struct sockaddr_un, sun_path)
                   ? len - offsetof(struct sockaddr_un, sun_path)
                   : 0;
    if (n == 0)
      snprintf(buf, size, "unnamed");
    else if (un->sun_path[0] == '\0')
      snprintf(buf, size, "@%.*s", (int)(n - 1), un->sun_path + 1);
    else
      snprintf(buf, size, "%.*s", (int)strnlen(un->sun_path, n), un->sun_path);
  } else {
    snprintf(buf, size, "family%d", ss->ss_family);
  }
}

static void report_socket(int out, int fd) {
  int v;
  socklen_t len = sizeof(v);
  struct sockaddr_storage ss;
  char addr[256];

  if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &v, &len) == 0)
    ad_printf(out, " family=%s", v == AF_INET    ? "inet"
                                 : v == AF_INET6 ? "inet6"
                                 : v == AF_UNIX  ? "unix"
                                                 : "other");
  else
    ad_printf(out, " family=%s", ad_errno_name(errno));
  len = sizeof(v);
  if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len) == 0)
    ad_printf(out, " sotype=%s", v == SOCK_STREAM      ? "stream"
                                 : v == SOCK_DGRAM     ? "dgram"
                                 : v == SOCK_SEQPACKET ? "seqpacket"
                                                       : "other");
  else
    ad_printf(out, " sotype=%s", ad_errno_name(errno));
  len = sizeof(v);
  if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &v, &len) == 0)
    ad_printf(out, " listening=%d", v != 0);
  else
    ad_printf(out, " listening=%s", ad_errno_name(errno));
  len = sizeof(ss);
  memset(&ss, 0, sizeof(ss));
  if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0) {
    print_addr(addr, sizeof(addr), &ss, len);
    ad_printf(out, " addr=%s", addr);
  } else {
    ad_printf(out, " addr=%s", ad_errno_name(errno));
  }
  len = sizeof(ss);
  memset(&ss, 0, sizeof(ss));
  if (getpeername(fd, (struct sockaddr *)&ss, &len) == 0) {
    print_addr(addr, sizeof(addr), &ss, len);
    ad_printf(out, " peer=%s", addr);
  }
}

static void report_fd(int out, int fd) {
  struct stat st;
  int fl = fcntl(fd, F_GETFL);
  const char *type;
  int seals = -1;

  if (fl < 0)
    return; /* not open */
  if (fstat(fd, &st) != 0) {
    ad_printf(out, "fd=%d type=unknown fstat=%s\n", fd, ad_errno_name(errno));
    return;
  }
  switch (st.st_mode & S_IFMT) {
  case S_IFREG:
    seals = fcntl(fd, F_GET_SEALS);
    type = (seals >= 0 && st.st_nlink == 0) ? "memfd" : "reg";
    break;
  case S_IFDIR: type = "dir"; break;
  case S_IFCHR: type = "chr"; break;
  case S_IFBLK: type = "blk"; break;
  case S_IFIFO: type = "fifo"; break;
  case S_IFSOCK: type = "sock"; break;
  case S_IFLNK: type = "lnk"; break;
  default: type = "anon"; break;
  }
  ad_printf(out, "fd=%d type=%s", fd, type);
  if (fl & O_PATH)
    ad_printf(out, " acc=path");
  else
    ad_printf(out, " acc=%s", (fl & O_ACCMODE) == O_RDONLY   ? "rdonly"
                              : (fl & O_ACCMODE) == O_WRONLY ? "wronly"
                              : (fl & O_ACCMODE) == O_RDWR   ? "rdwr"
                                                             : "other");
  ad_printf(out, " append=%d nonblock=%d", (fl & O_APPEND) != 0,
            (fl & O_NONBLOCK) != 0);
  if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
    ad_printf(out, " ino=%llu:%llu mode=%o size=%lld",
              (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
              (unsigned)(st.st_mode & 07777), (long long)st.st_size);
  if (S_ISDIR(st.st_mode)) {
    char buf[1024];
    long n = syscall(SYS_getdents64, fd, buf, sizeof(buf));
    ad_printf(out, " readdir=%s", n >= 0 ? "ok" : ad_errno_name(errno));
  }
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
    ad_printf(out, " rdev=%u:%u devnull=%d", major(st.st_rdev),
              minor(st.st_rdev),
              S_ISCHR(st.st_mode) && major(st.st_rdev) == 1 &&
                  minor(st.st_rdev) == 3);
  if (seals >= 0) {
    ad_printf(out, " seals=%s%s%s%s%s", (seals & F_SEAL_SEAL) ? "seal," : "",
              (seals & F_SEAL_SHRINK) ? "shrink," : "",
              (seals & F_SEAL_GROW) ? "grow," : "",
              (seals & F_SEAL_WRITE) ? "write," : "",
              (seals & F_SEAL_EXEC) ? "exec," : "");
    if (fd == 3) {
      char c = 'x';
      ssize_t n = pwrite(fd, &c, 1, st.st_size);
      ad_printf(out, " pwrite=%s", n >= 0 ? "ok" : ad_errno_name(errno));
    }
  }
  if (S_ISSOCK(st.st_mode))
    report_socket(out, fd);
  ad_printf(out, "\n");
}

static void print_rlimit(int out, const char *name, int resource) {
  struct rlimit rl;
  if (getrlimit(resource, &rl) != 0) {
    ad_printf(out, " %s=%s", name, ad_errno_name(errno));
    return;
  }
  ad_printf(out, " %s=", name);
  if (rl.rlim_cur == RLIM_INFINITY)
    ad_printf(out, "inf:");
  else
    ad_printf(out, "%llu:", (unsigned long long)rl.rlim_cur);
  if (rl.rlim_max == RLIM_INFINITY)
    ad_printf(out, "inf");
  else
    ad_printf(out, "%llu", (unsigned long long)rl.rlim_max);
}

int main(int argc, char **argv) {
  struct ad_start start;
  int out, i;
  char *yaml = NULL;
  size_t yaml_len = 0;
  FILE *fp;

  ad_start_read(&start);
  out = ad_lookup_fd(start.root, "out");
  if (out < 0)
    out = 1;

  ad_printf(out, "argc=%d\n", argc);
  for (i = 0; i < argc; ++i)
    ad_printf(out, "argv[%d]=%s\n", i, argv[i]);
  for (i = 0; environ != NULL && environ[i] != NULL; ++i)
    ;
  ad_printf(out, "environ=%d\n", i);
  for (i = 0; environ != NULL && environ[i] != NULL; ++i)
    ad_printf(out, "env[%d]=%s\n", i, environ[i]);
  ad_printf(out, "uid=%u gid=%u euid=%u\n", (unsigned)getuid(),
            (unsigned)getgid(), (unsigned)geteuid());
  ad_printf(out, "rlimit");
  print_rlimit(out, "nofile", RLIMIT_NOFILE);
  print_rlimit(out, "fsize", RLIMIT_FSIZE);
  print_rlimit(out, "as", RLIMIT_AS);
  print_rlimit(out, "nproc", RLIMIT_NPROC);
  print_rlimit(out, "cpu", RLIMIT_CPU);
  ad_printf(out, "\n");

  {
    sigset_t blocked;
    unsigned long long bmask = 0, imask = 0;
    sigemptyset(&blocked);
    sigprocmask(SIG_BLOCK, NULL, &blocked);
    for (int sig = 1; sig < 64; ++sig) {
      struct sigaction sa;
      if (sigismember(&blocked, sig) == 1)
        bmask |= 1ULL << (sig - 1);
      if (sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
        imask |= 1ULL << (sig - 1);
    }
    ad_printf(out, "signals blocked=%llx ignored=%llx\n", bmask, imask);
  }

  if (start.error != 0)
    ad_printf(out, "fd3-error=%s\n", ad_errno_name(start.error));
  ad_printf(out, "argdata-bytes=%zu\n", start.len);
  ad_printf(out, "argdata-hex=");
  for (size_t k = 0; k < start.len; ++k)
    ad_printf(out, k == 0 ? "%02x" : " %02x", start.bytes[k]);
  ad_printf(out, "\n");

  fp = open_memstream(&yaml, &yaml_len);
  if (fp != NULL) {
    argdata_print_yaml(start.root, fp);
    fclose(fp);
    ad_printf(out, "yaml-begin\n");
    ad_write_all(out, yaml, yaml_len);
    if (yaml_len == 0 || yaml[yaml_len - 1] != '\n')
      ad_printf(out, "\n");
    ad_printf(out, "yaml-end\n");
    free(yaml);
  } else {
    ad_printf(out, "yaml-error=%s\n", ad_errno_name(errno));
  }

  for (int fd = 0; fd < 1024; ++fd)
    report_fd(out, fd);
  ad_printf(out, "fds-end\n");
  return 0;
}
