/*
 * elf_closure_compute on real system programs and on malformed input.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "elf.h"
#include "elf_test_util.h"
#include "tests/harness/tap.h"

static void test_true(void) {
  const char *path = access("/bin/true", R_OK) == 0 ? "/bin/true"
                                                    : "/usr/bin/true";
  struct elf_closure c;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  off_t before = lseek(fd, 0, SEEK_CUR);
  tap_eq_int(0, elf_closure_compute(fd, &c), "%s: closure computed", path);
  tap_eq_int(before, lseek(fd, 0, SEEK_CUR), "%s: offset unchanged", path);
  tap_ok(c.dynamic, "%s is dynamic", path);
  tap_eq_str("/lib64/ld-linux-x86-64.so.2", c.interpreter,
             "%s: interpreter", path);
  tap_ok(has_library(&c, "libc.so.6"), "%s: libc.so.6 in the closure", path);
  tap_eq_uint(0, c.n_missing, "%s: nothing missing", path);
  bool absolute = true, unique = true;
  for (size_t i = 0; i < c.n_libraries; ++i) {
    absolute &= c.libraries[i][0] == '/';
    for (size_t j = 0; j < i; ++j)
      unique &= strcmp(c.libraries[i], c.libraries[j]) != 0;
  }
  tap_ok(absolute && unique, "%s: absolute paths, no duplicates", path);
  elf_closure_free(&c);
  tap_ok(c.libraries == NULL && c.interpreter == NULL,
         "elf_closure_free empties the closure");
  elf_closure_free(NULL);
  close(fd);
}

static void test_python(void) {
  const char *path = "/usr/bin/python3.11";
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    tap_skip("/usr/bin/python3.11 is not installed", "python3.11 closure");
    return;
  }
  struct elf_closure c;
  tap_eq_int(0, elf_closure_compute(fd, &c), "python3.11: closure computed");
  tap_ok(has_library(&c, "libm.so.6"), "python3.11: libm.so.6");
  tap_ok(has_library_prefix(&c, "libz.so.1"), "python3.11: libz.so.1");
  tap_ok(has_library_prefix(&c, "libexpat.so.1"), "python3.11: libexpat.so.1");
  tap_ok(has_library(&c, "libc.so.6"), "python3.11: libc.so.6");
  elf_closure_free(&c);
  close(fd);
}

static void test_static(void) {
  int fd = open(ELF_TEST_STATIC, O_RDONLY | O_CLOEXEC);
  struct elf_closure c;
  tap_ok(fd >= 0, "the musl static test program exists");
  tap_eq_int(0, elf_closure_compute(fd, &c), "static: closure computed");
  tap_ok(!c.dynamic, "a musl static program is not dynamic");
  tap_ok(c.interpreter == NULL && c.n_libraries == 0 && c.n_missing == 0,
         "static: no interpreter, no libraries");
  elf_closure_free(&c);
  close(fd);
}

static int closure_of_bytes(const void *buf, size_t len) {
  struct elf_closure c;
  int fd = memfd_with(buf, len);
  int e = elf_closure_compute(fd, &c);
  elf_closure_free(&c);
  close(fd);
  return e;
}

static void test_malformed(void) {
  unsigned char elf[4096];
  struct elf_spec spec = {.type = 2, .interp = "/lib64/ld-linux-x86-64.so.2",
                          .needed = {"libc.so.6"}};
  size_t n = elf_build(&spec, elf);
  tap_eq_int(-ENOEXEC, closure_of_bytes("hello, world\n", 13),
             "a text file is -ENOEXEC");
  tap_eq_int(-ENOEXEC, closure_of_bytes("", 0), "an empty file is -ENOEXEC");
  tap_eq_int(-ENOEXEC, closure_of_bytes(elf, 40),
             "a truncated ELF header is -ENOEXEC");
  tap_eq_int(-ENOEXEC, closure_of_bytes(elf, 64 + 56),
             "truncated program headers are -ENOEXEC");
  tap_eq_int(-ENOEXEC, closure_of_bytes(elf, n - 20),
             "a truncated dynamic segment is -ENOEXEC");
  tap_eq_int(0, closure_of_bytes(elf, n), "the untruncated file is fine");

  struct elf_spec bad = spec;
  bad.interp_offset = 1u << 20;
  n = elf_build(&bad, elf);
  tap_eq_int(-ENOEXEC, closure_of_bytes(elf, n),
             "PT_INTERP beyond the end of the file is -ENOEXEC");
  bad.interp_offset = UINT64_MAX - 4;
  n = elf_build(&bad, elf);
  tap_eq_int(-ENOEXEC, closure_of_bytes(elf, n),
             "PT_INTERP offset overflowing is -ENOEXEC");

  bad = spec;
  bad.interp = "lib/ld.so";
  n = elf_build(&bad, elf);
  tap_eq_int(-ENOEXEC, closure_of_bytes(elf, n),
             "a relative PT_INTERP is -ENOEXEC");

  bad = spec;
  bad.strtab_vaddr = 0x10;
  n = elf_build(&bad, elf);
  tap_eq_int(-ENOEXEC, closure_of_bytes(elf, n),
             "DT_STRTAB outside every PT_LOAD is -ENOEXEC");

  bad = spec;
  bad.machine = 3; /* EM_386 */
  n = elf_build(&bad, elf);
  tap_eq_int(-ENOEXEC, closure_of_bytes(elf, n), "i386 is -ENOEXEC");
  bad = spec;
  bad.elfclass = 1;
  n = elf_build(&bad, elf);
  tap_eq_int(-ENOEXEC, closure_of_bytes(elf, n), "ELFCLASS32 is -ENOEXEC");
  n = elf_build(&spec, elf);
  elf[5] = 2; /* big endian */
  tap_eq_int(-ENOEXEC, closure_of_bytes(elf, n), "big endian is -ENOEXEC");
  n = elf_build(&spec, elf);
  elf[16] = 1; /* ET_REL */
  tap_eq_int(-ENOEXEC, closure_of_bytes(elf, n), "ET_REL is -ENOEXEC");
  n = elf_build(&spec, elf);
  elf[54] = 32; /* e_phentsize */
  tap_eq_int(-ENOEXEC, closure_of_bytes(elf, n),
             "a wrong e_phentsize is -ENOEXEC");

  int fd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  struct elf_closure c;
  tap_eq_int(-ENOEXEC, elf_closure_compute(fd, &c), "a directory is -ENOEXEC");
  close(fd);
}

static void test_missing(void) {
  static const char *const no_dirs[] = {NULL};
  struct elf_search_options opts = {.ld_so_conf = "", .default_dirs = no_dirs};
  struct elf_spec spec = {.type = 3, .interp = "/lib64/ld-linux-x86-64.so.2",
                          .needed = {"libcloudabi-missing.so.7",
                                     "libcloudabi-missing.so.7",
                                     "libc.so.6"}};
  struct elf_closure c;
  tap_eq_int(0, closure_of_spec(&spec, NULL, &c),
             "missing library: closure computed");
  tap_ok(c.dynamic, "missing library: dynamic");
  tap_eq_uint(1, c.n_missing, "one missing name, listed once");
  if (c.n_missing == 1)
    tap_eq_str("libcloudabi-missing.so.7", c.missing[0], "the missing name");
  tap_ok(has_library(&c, "libc.so.6"), "libc.so.6 still found");
  elf_closure_free(&c);

  tap_eq_int(0, closure_of_spec(&spec, &opts, &c),
             "no search directories: closure computed");
  tap_eq_uint(2, c.n_missing, "no search directories: both names missing");
  tap_eq_uint(0, c.n_libraries, "no search directories: no libraries");
  elf_closure_free(&c);
}

int main(void) {
  test_true();
  test_python();
  test_static();
  test_malformed();
  test_missing();
  return tap_done();
}
