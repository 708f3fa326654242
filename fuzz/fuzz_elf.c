/*
 * Fuzz the ELF reader: the input becomes a memfd and is parsed by
 * elf_object_read and elf_closure_compute_with. The library search is
 * restricted to no ld.so.conf and no default directories, so only paths the
 * input itself names (RPATH, RUNPATH, names with '/') are looked at; those
 * may reach real files, which are opened O_PATH and read only when regular.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "elf.h"
#include "elf_impl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);  \
      abort();                                                                 \
    }                                                                          \
  } while (0)

static int memfd;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (memfd == 0) {
    memfd = memfd_create("fuzz-elf", MFD_CLOEXEC);
    CHECK(memfd > 0);
  }
  CHECK(ftruncate(memfd, 0) == 0);
  CHECK(pwrite(memfd, data, size, 0) == (ssize_t)size);

  struct elf_object obj;
  int e = elf_object_read(memfd, &obj);
  CHECK(e == 0 || e == -ENOEXEC);
  if (e == 0) {
    CHECK(obj.interp == NULL || obj.interp[0] == '/');
    for (size_t i = 0; i < obj.needed.n; ++i)
      CHECK(strlen(obj.needed.v[i]) < ELF_MAX_STRING);
    elf_object_free(&obj);
  }

  static const char *const no_dirs[] = {NULL};
  struct elf_search_options opts = {.ld_so_conf = "", .default_dirs = no_dirs,
                                    .origin = "/nonexistent"};
  struct elf_closure c;
  e = elf_closure_compute_with(memfd, &opts, &c);
  CHECK(e == 0 || e == -ENOEXEC || e == -E2BIG);
  if (e == 0) {
    CHECK(c.dynamic || (c.n_libraries == 0 && c.interpreter == NULL));
    for (size_t i = 0; i < c.n_libraries; ++i)
      CHECK(c.libraries[i][0] == '/');
  }
  elf_closure_free(&c);
  return 0;
}
