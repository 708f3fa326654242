/*
 * !file: open a file or directory with the open mode its rights ask for.
 *
 *   file:      read only -> O_RDONLY, write without read -> O_WRONLY,
 *              both -> O_RDWR, neither -> O_PATH (the descriptor names the
 *              file: fstat works, read and write fail with EBADF);
 *              append -> O_APPEND; truncate -> O_TRUNC;
 *              create -> O_CREAT (O_EXCL first, to know whether the
 *              launcher created it and must remove it on failure).
 *   directory: O_DIRECTORY|O_RDONLY, or O_PATH when `read` is not granted
 *              (getdents on the descriptor then fails with EBADF).
 * FIFOs are opened non-blocking (then switched back), so that the launcher
 * never hangs on one.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "launcher.h"
#include "lib/rights/cloudabi_rights.h"

static int file_flags(const struct config_resource *rc) {
  bool rd = (rc->rights & CLOUDABI_RIGHT_FD_READ) != 0;
  bool wr = (rc->rights & CLOUDABI_RIGHT_FD_WRITE) != 0;
  int flags = O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
  flags |= rd && wr ? O_RDWR : wr ? O_WRONLY : O_RDONLY;
  if (rc->rights & CLOUDABI_RIGHT_X_APPEND_MODE)
    flags |= O_APPEND;
  if (rc->truncate)
    flags |= O_TRUNC;
  return flags;
}

static int fail_open(struct launcher *l, const struct config_resource *rc,
                     int e) {
  launcher_fail(l, LAUNCHER_EXIT_RESOURCE, &rc->pos, e,
                "unable to open \"%s\": %s", rc->path, strerror(e));
  if (e == ENOENT && !rc->create)
    launcher_hint(l, "add `create: true` to create the file");
  else if (e == EISDIR)
    launcher_hint(l, "a directory cannot be opened for writing; grant write "
                     "beneath it with rights: [read, write]");
  return -e;
}

/* Neither read nor write: reopen as O_PATH (a directory too). */
static int path_only(struct launcher *l, const struct config_resource *rc,
                     struct launcher_resource *res) {
  struct stat st;
  int p = open(rc->path, O_PATH | O_CLOEXEC);
  if (p < 0)
    return fail_open(l, rc, errno);
  close(res->fd);
  res->fd = p;
  if (fstat(p, &st) != 0)
    return fail_open(l, rc, errno);
  res->is_dir = S_ISDIR(st.st_mode);
  return 0;
}

int launcher_resource_file_open(struct launcher *l, size_t i) {
  const struct config_resource *rc = &l->cfg->resources[i];
  struct launcher_resource *res = &l->res[i];
  bool rd = (rc->rights & CLOUDABI_RIGHT_FD_READ) != 0;
  int flags = file_flags(rc), fd = -1;
  struct stat st;

  if (rc->create) {
    fd = open(rc->path, flags | O_CREAT | O_EXCL, rc->mode);
    if (fd >= 0) {
      res->created = true;
      res->created_path = strdup(rc->path);
      if (res->created_path == NULL) {
        unlink(rc->path);
        close(fd);
        res->created = false;
        return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, &rc->pos, ENOMEM,
                             "out of memory");
      }
    } else if (errno != EEXIST) {
      return fail_open(l, rc, errno);
    }
  }
  if (fd < 0)
    fd = open(rc->path, flags);
  if (fd < 0 && errno == EISDIR)
    fd = open(rc->path, O_DIRECTORY | O_CLOEXEC | (rd ? O_RDONLY : O_PATH));
  if (fd < 0)
    return fail_open(l, rc, errno);
  res->fd = fd;
  if (!rd && (rc->rights & CLOUDABI_RIGHT_FD_WRITE) == 0)
    return path_only(l, rc, res);
  if (fstat(fd, &st) != 0)
    return fail_open(l, rc, errno);
  res->is_dir = S_ISDIR(st.st_mode);
  if (res->is_dir && !rd) {
    /* Opened read-only although `read` is not granted: reopen O_PATH. */
    int p = openat(fd, ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (p < 0)
      return fail_open(l, rc, errno);
    close(fd);
    res->fd = p;
  } else if (fcntl(fd, F_SETFL, res->is_dir ? 0 : flags & O_APPEND) != 0) {
    return fail_open(l, rc, errno);
  }
  return 0;
}
