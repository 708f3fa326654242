/* Shared helpers for lib/elf's tests. */
#ifndef ELF_TEST_UTIL_H
#define ELF_TEST_UTIL_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "elf.h"
#include "elf_builder.h"

/* A memfd holding len bytes of buf. */
static inline int memfd_with(const void *buf, size_t len) {
  int fd = memfd_create("elf-test", MFD_CLOEXEC);
  if (fd >= 0 && write(fd, buf, len) != (ssize_t)len) {
    close(fd);
    return -1;
  }
  return fd;
}

/* Write an ELF built from spec to path. */
static inline int write_elf(const char *path, const struct elf_spec *spec) {
  unsigned char buf[4096];
  size_t n = elf_build(spec, buf);
  FILE *f = fopen(path, "we");
  if (f == NULL)
    return -1;
  size_t w = fwrite(buf, 1, n, f);
  return fclose(f) == 0 && w == n ? 0 : -1;
}

/* The closure of an ELF built from spec, in a memfd. */
static inline int closure_of_spec(const struct elf_spec *spec,
                                  const struct elf_search_options *opts,
                                  struct elf_closure *out) {
  unsigned char buf[4096];
  size_t n = elf_build(spec, buf);
  int fd = memfd_with(buf, n);
  int e = elf_closure_compute_with(fd, opts, out);
  close(fd);
  return e;
}

/* Does the closure hold a library whose last path component is base? */
static inline bool has_library(const struct elf_closure *c, const char *base) {
  for (size_t i = 0; i < c->n_libraries; ++i) {
    const char *slash = strrchr(c->libraries[i], '/');
    if (slash && strcmp(slash + 1, base) == 0)
      return true;
  }
  return false;
}

/* Does the closure hold a library whose basename starts with prefix? */
static inline bool has_library_prefix(const struct elf_closure *c,
                                      const char *prefix) {
  for (size_t i = 0; i < c->n_libraries; ++i) {
    const char *slash = strrchr(c->libraries[i], '/');
    if (slash && strncmp(slash + 1, prefix, strlen(prefix)) == 0)
      return true;
  }
  return false;
}

#endif
