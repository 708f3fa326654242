/*
 * The stages resources_open, argdata_build, fds_arrange and cleanup on a
 * real configuration, each checked in a forked child (fds_arrange closes
 * every other descriptor) that reports through its exit status.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "launcher.h"
#include "tests/harness/tap.h"

static char dir[] = "/tmp/launcher-stages-XXXXXX";

static int load(struct launcher *l, const char *yaml) {
  struct config_error err;
  struct config_load_options opts = {.file_name = "t.yaml"};
  launcher_init(l);
  l->executable = "/proc/self/exe";
  if (config_load_buffer(&l->cfg, yaml, strlen(yaml), &opts, &err) != 0) {
    tap_diag("config: %s", err.message);
    return -1;
  }
  l->res = calloc(l->cfg->n_resources + 1, sizeof(*l->res));
  for (size_t i = 0; i < l->cfg->n_resources; ++i)
    l->res[i].fd = -1;
  return 0;
}

static int acc_mode(int fd) { return fcntl(fd, F_GETFL) & (O_ACCMODE | O_PATH); }

static void open_modes(void) {
  struct launcher l;
  char yaml[2048];
  snprintf(yaml, sizeof(yaml),
           "r: !file {path: %s/f}\n"
           "w: !file {path: %s/f, rights: [write]}\n"
           "rw: !file {path: %s/f, rights: [read, write]}\n"
           "a: !file {path: %s/f, rights: [append]}\n"
           "d: !file {path: %s}\n"
           "dp: !file {path: %s, rights: [write]}\n"
           "n: !file {path: %s/f, rights: []}\n",
           dir, dir, dir, dir, dir, dir, dir);
  if (load(&l, yaml) != 0 || launcher_resources_open(&l) != 0) {
    tap_ok(false, "open modes: %s", l.err.message);
    return;
  }
  tap_eq_int(O_RDONLY, acc_mode(l.res[0].fd), "read -> O_RDONLY");
  tap_eq_int(O_WRONLY, acc_mode(l.res[1].fd), "write without read -> O_WRONLY");
  tap_eq_int(O_RDWR, acc_mode(l.res[2].fd), "read and write -> O_RDWR");
  tap_ok(fcntl(l.res[3].fd, F_GETFL) & O_APPEND, "append -> O_APPEND");
  tap_eq_int(0, fcntl(l.res[3].fd, F_GETFL) & O_NONBLOCK, "no O_NONBLOCK left");
  tap_ok(l.res[4].is_dir, "directory recognised");
  tap_eq_int(O_RDONLY, acc_mode(l.res[4].fd), "directory with read -> O_RDONLY");
  tap_eq_int(O_PATH, acc_mode(l.res[5].fd) & O_PATH, "directory without read -> O_PATH");
  tap_eq_int(O_PATH, acc_mode(l.res[6].fd) & O_PATH, "file without read or write -> O_PATH");
  tap_ok(!l.res[6].is_dir, "... and still a file");
  tap_ok(fcntl(l.res[0].fd, F_GETFD) & FD_CLOEXEC, "close-on-exec until arranged");
  launcher_cleanup(&l);
}

static void create_and_cleanup(void) {
  struct launcher l;
  char yaml[1024], made[300], missing[300];
  struct stat st;
  snprintf(made, sizeof(made), "%s/made", dir);
  snprintf(missing, sizeof(missing), "%s/missing/x", dir);
  snprintf(yaml, sizeof(yaml),
           "m: !file {path: %s, create: true, mode: 0640, rights: [write]}\n"
           "e: !file {path: %s/f, create: true}\n"
           "x: !file {path: %s}\n",
           made, dir, missing);
  if (load(&l, yaml) != 0) {
    tap_ok(false, "config");
    return;
  }
  int r = launcher_resources_open(&l);
  tap_eq_int(-ENOENT, r, "a missing path fails with ENOENT");
  tap_eq_int(LAUNCHER_EXIT_RESOURCE, l.err.status, "... and exit status 102");
  tap_eq_int(3, l.err.pos.line, "... at the resource's line");
  tap_ok(l.res[0].created, "the new file is marked as created");
  tap_ok(!l.res[1].created, "an existing file is not");
  tap_ok(stat(made, &st) == 0 && (st.st_mode & 0777) == 0640,
         "created with mode 0640");
  launcher_cleanup(&l);
  tap_eq_int(-1, stat(made, &st), "cleanup removes the created file");
  snprintf(made, sizeof(made), "%s/f", dir);
  tap_eq_int(0, stat(made, &st), "cleanup keeps the existing file");
}

/* Runs in a child: argdata_build + fds_arrange, then checks. */
static int arrange_child(void) {
  struct launcher l;
  char yaml[512], buf[64];
  struct stat st;
  snprintf(yaml, sizeof(yaml), "a: !fd stderr\nb: !file {path: %s}\nc: [1, 2]\n",
           dir);
  /* Occupy low numbers so that sources and targets collide. */
  for (int i = 0; i < 6; ++i)
    open("/dev/null", O_RDONLY);
  if (load(&l, yaml) != 0)
    return 10;
  l.res[0].fd = fcntl(2, F_DUPFD_CLOEXEC, 3);
  l.settings.streams[2] = CONFIG_STREAM_INHERIT;
  l.exec_fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  if (launcher_resources_open(&l) != 0 || launcher_argdata_build(&l) != 0)
    return 11;
  if (launcher_fds_arrange(&l) != 0)
    return 12;
  if (fstat(0, &st) != 0 || !S_ISCHR(st.st_mode) || st.st_rdev != makedev(1, 3))
    return 13; /* /dev/null */
  if (fcntl(3, F_GET_SEALS) !=
      (F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE |
       (fcntl(3, F_GET_SEALS) & 0x20)))
    return 14;
  if (pread(3, buf, sizeof(buf), 0) != (ssize_t)l.argdata_size)
    return 15;
  if (fstat(5, &st) != 0 || !S_ISDIR(st.st_mode))
    return 16;
  for (int fd = 0; fd <= 5; ++fd)
    if (fcntl(fd, F_GETFD) != 0)
      return 17; /* not close-on-exec */
  if (l.exec_fd != 6 || fcntl(6, F_GETFD) != FD_CLOEXEC)
    return 18;
  if (l.msg_fd != 7 || fcntl(7, F_GETFD) != FD_CLOEXEC)
    return 19;
  for (int fd = 8; fd < 64; ++fd)
    if (fcntl(fd, F_GETFD) >= 0)
      return 20; /* leaked */
  return 0;
}

int main(void) {
  char path[300];
  int status;
  if (mkdtemp(dir) == NULL)
    return 1;
  snprintf(path, sizeof(path), "%s/f", dir);
  close(open(path, O_CREAT | O_WRONLY, 0644));

  open_modes();
  create_and_cleanup();
  pid_t pid = fork();
  if (pid == 0)
    _exit(arrange_child());
  waitpid(pid, &status, 0);
  tap_eq_int(0, WIFEXITED(status) ? WEXITSTATUS(status) : -1,
             "fds_arrange: 0-2, memfd at 3 sealed, resources at 4-5, "
             "exec fd 6 and message fd 7 close-on-exec, nothing else");

  unlink(path);
  rmdir(dir);
  return tap_done();
}
