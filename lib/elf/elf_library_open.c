/*
 * Open one library candidate safely: the path is opened O_PATH (no side
 * effects even on a FIFO or a device), checked to be a regular file, then
 * the same inode is reopened read-only through /proc/self/fd and parsed.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elf_impl.h"

static int reopen_readonly(int pfd) {
  char proc[64];
  snprintf(proc, sizeof(proc), "/proc/self/fd/%d", pfd);
  int fd = open(proc, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0 && errno == ENOENT) /* no /proc: the type was checked above */
    return -ENOENT;
  return fd < 0 ? -errno : fd;
}

int elf_library_open(const char *path, struct elf_object *obj, char **real) {
  struct stat st;
  int e, fd = -1;
  memset(obj, 0, sizeof(*obj));
  *real = NULL;
  int pfd = open(path, O_PATH | O_CLOEXEC);
  if (pfd < 0)
    return -errno;
  if (fstat(pfd, &st) != 0)
    e = -errno;
  else if (!S_ISREG(st.st_mode))
    e = -ENOEXEC;
  else if ((fd = reopen_readonly(pfd)) < 0)
    e = fd;
  else
    e = elf_object_read(fd, obj);
  if (fd >= 0)
    close(fd);
  close(pfd);
  if (e == 0 && obj->type != 3 /* ET_DYN */)
    e = -ENOEXEC;
  if (e == 0) {
    *real = realpath(path, NULL);
    if (*real == NULL)
      e = errno == ENOMEM ? -ENOMEM : -errno;
  }
  if (e != 0)
    elf_object_free(obj);
  return e;
}
