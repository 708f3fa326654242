/*
 * Stage argdata_build: serialise the configuration's argdata (its fd
 * values are already the program's final numbers, so they are written
 * literally) into a memfd sealed against any change:
 * F_SEAL_SEAL|F_SEAL_SHRINK|F_SEAL_GROW|F_SEAL_WRITE, created with
 * MFD_NOEXEC_SEAL where the kernel has it (Linux 6.3) and plain
 * MFD_ALLOW_SEALING otherwise.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "launcher.h"

#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U
#endif

static int fail(struct launcher *l, const char *what, int e) {
  return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, e,
                       "unable to %s the argdata memfd: %s", what,
                       strerror(e));
}

int launcher_argdata_build(struct launcher *l) {
  size_t size, done = 0;
  char *buf;
  int fd;

  argdata_serialized_length(l->cfg->root, &size, NULL);
  buf = malloc(size > 0 ? size : 1);
  if (buf == NULL)
    return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, ENOMEM,
                         "out of memory (argdata of %zu bytes)", size);
  argdata_serialize(l->cfg->root, buf, NULL);
  l->argdata_size = size;

  fd = memfd_create("argdata", MFD_CLOEXEC | MFD_ALLOW_SEALING |
                                   MFD_NOEXEC_SEAL);
  if (fd < 0 && errno == EINVAL)
    fd = memfd_create("argdata", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (fd < 0) {
    free(buf);
    return fail(l, "create", errno);
  }
  l->memfd = fd;
  while (done < size) {
    ssize_t n = write(fd, buf + done, size - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      int e = n < 0 ? errno : EIO;
      free(buf);
      return fail(l, "write", e);
    }
    done += (size_t)n;
  }
  free(buf);
  if (lseek(fd, 0, SEEK_SET) != 0)
    return fail(l, "rewind", errno);
  if (fcntl(fd, F_ADD_SEALS,
            F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE) != 0)
    return fail(l, "seal", errno);
  return 0;
}
