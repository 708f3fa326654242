/*
 * The library search order of elf_closure_compute_with, on ELF files built
 * in a temporary directory (no system library is involved).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elf.h"
#include "elf_test_util.h"
#include "tests/harness/tap.h"

static char root[PATH_MAX];
static char bin[PATH_MAX + 8];
static const char *const no_dirs[] = {NULL};

static const char *at(const char *rel) {
  static char buf[4][PATH_MAX + 64];
  static int k;
  k = (k + 1) % 4;
  snprintf(buf[k], sizeof(buf[k]), "%s/%s", root, rel);
  return buf[k];
}

static void lib(const char *rel, struct elf_spec spec) {
  spec.type = spec.type ? spec.type : 3;
  if (write_elf(at(rel), &spec) != 0)
    tap_diag("cannot write %s", rel);
}

static struct elf_search_options hermetic(void) {
  struct elf_search_options o = {.ld_so_conf = "", .default_dirs = no_dirs,
                                 .origin = bin};
  return o;
}

static struct elf_spec program(void) {
  struct elf_spec s = {.type = 2, .interp = "/lib64/ld-linux-x86-64.so.2"};
  return s;
}

static int run(const struct elf_spec *spec, struct elf_search_options opts,
               struct elf_closure *c) {
  return closure_of_spec(spec, &opts, c);
}

static void setup(void) {
  snprintf(root, sizeof(root), "/tmp/elf-search-XXXXXX");
  if (mkdtemp(root) == NULL)
    tap_diag("mkdtemp failed");
  snprintf(bin, sizeof(bin), "%s/bin", root);
  const char *dirs[] = {"bin", "lib1", "lib2", "lib64", "x86_64", "conf",
                        "conf/conf.d", "lib1/glibc-hwcaps",
                        "lib1/glibc-hwcaps/x86-64-v3", "chain"};
  for (size_t i = 0; i < sizeof(dirs) / sizeof(*dirs); ++i)
    mkdir(at(dirs[i]), 0755);
  lib("lib1/libone.so", (struct elf_spec){.needed = {"libtwo.so"},
                                          .runpath = "$ORIGIN/../lib2",
                                          .soname = "libone-alias.so"});
  lib("lib2/libtwo.so", (struct elf_spec){0});
  lib("lib2/libx.so", (struct elf_spec){0});
  lib("lib1/libnopath.so", (struct elf_spec){.needed = {"libthree.so"}});
  lib("lib2/libthree.so", (struct elf_spec){0});
  lib("lib1/libskip.so", (struct elf_spec){.machine = 3});
  lib("lib2/libskip.so", (struct elf_spec){0});
  lib("lib1/libexe.so", (struct elf_spec){.type = 2});
  lib("lib2/libexe.so", (struct elf_spec){0});
  lib("lib64/libfour.so", (struct elf_spec){0});
  lib("x86_64/libfive.so", (struct elf_spec){0});
  lib("lib1/libhw.so", (struct elf_spec){0});
  lib("lib1/glibc-hwcaps/x86-64-v3/libhw.so", (struct elf_spec){0});
  mkfifo(at("lib1/libfifo.so"), 0644);
  lib("lib2/libfifo.so", (struct elf_spec){0});
  if (symlink("libone.so", at("lib1/liblink.so")) != 0)
    tap_diag("symlink failed");
  FILE *f = fopen(at("conf/ld.so.conf"), "w");
  fprintf(f, "# comment\n\ninclude conf.d/*.conf\nhwcap 0 nosegneg\n");
  fclose(f);
  f = fopen(at("conf/conf.d/a.conf"), "w");
  fprintf(f, "%s/lib2/  # trailing slash and comment\nrelative/ignored\n",
          root);
  fclose(f);
}

static void test_runpath_origin(void) {
  struct elf_spec s = program();
  struct elf_closure c;
  s.needed[0] = "libone.so";
  s.runpath = "$ORIGIN/../lib1";
  tap_eq_int(0, run(&s, hermetic(), &c), "RUNPATH $ORIGIN: computed");
  tap_eq_uint(2, c.n_libraries, "RUNPATH $ORIGIN: two libraries");
  tap_ok(has_library(&c, "libone.so"), "program's $ORIGIN/../lib1 searched");
  tap_ok(has_library(&c, "libtwo.so"),
         "the library's own $ORIGIN (its directory) is used for its RUNPATH");
  tap_eq_uint(0, c.n_missing, "RUNPATH $ORIGIN: nothing missing");
  elf_closure_free(&c);

  s.runpath = "${ORIGIN}/../lib1";
  tap_eq_int(0, run(&s, hermetic(), &c), "${ORIGIN}: computed");
  tap_ok(has_library(&c, "libone.so"), "${ORIGIN} is expanded too");
  elf_closure_free(&c);

  struct elf_search_options o = hermetic();
  o.origin = NULL; /* a memfd has no directory */
  s.runpath = "$ORIGIN/../lib1";
  tap_eq_int(0, run(&s, o, &c), "unknown $ORIGIN: computed");
  tap_eq_uint(1, c.n_missing, "unknown $ORIGIN: the entry is skipped");
  elf_closure_free(&c);
}

static void test_rpath_runpath(void) {
  struct elf_spec s = program();
  struct elf_closure c;
  s.needed[0] = "libx.so";
  s.rpath = at("lib2");
  s.runpath = at("lib1");
  tap_eq_int(0, run(&s, hermetic(), &c), "RPATH+RUNPATH: computed");
  tap_eq_uint(1, c.n_missing, "DT_RPATH is ignored when DT_RUNPATH exists");
  elf_closure_free(&c);

  s.runpath = NULL;
  tap_eq_int(0, run(&s, hermetic(), &c), "RPATH alone: computed");
  tap_ok(has_library(&c, "libx.so"), "DT_RPATH is searched without RUNPATH");
  elf_closure_free(&c);

  struct elf_spec p = program();
  p.needed[0] = "libnopath.so";
  p.rpath = NULL;
  char list[2 * PATH_MAX + 80];
  snprintf(list, sizeof(list), "%s:%s", at("lib1"), at("lib2"));
  p.rpath = list;
  tap_eq_int(0, run(&p, hermetic(), &c), "inherited RPATH: computed");
  tap_ok(has_library(&c, "libthree.so"),
         "the program's DT_RPATH serves its libraries' names too");
  elf_closure_free(&c);

  p.rpath = NULL;
  p.runpath = list;
  tap_eq_int(0, run(&p, hermetic(), &c), "RUNPATH not inherited: computed");
  tap_ok(has_library(&c, "libnopath.so"), "RUNPATH found the direct need");
  tap_eq_uint(1, c.n_missing, "DT_RUNPATH does not serve indirect needs");
  if (c.n_missing == 1)
    tap_eq_str("libthree.so", c.missing[0], "libthree.so is missing");
  elf_closure_free(&c);
}

static void test_candidates(void) {
  struct elf_spec s = program();
  struct elf_closure c;
  char list[2 * PATH_MAX + 80];
  snprintf(list, sizeof(list), "%s:%s", at("lib1"), at("lib2"));
  s.runpath = list;
  s.needed[0] = "libskip.so";
  s.needed[1] = "libexe.so";
  s.needed[2] = "libfifo.so";
  tap_eq_int(0, run(&s, hermetic(), &c), "candidates: computed");
  tap_eq_uint(3, c.n_libraries, "candidates: three libraries");
  bool all_lib2 = c.n_libraries == 3;
  for (size_t i = 0; i < c.n_libraries; ++i)
    all_lib2 &= strstr(c.libraries[i], "/lib2/") != NULL;
  tap_ok(all_lib2, "an i386 library, an ET_EXEC and a FIFO are skipped");
  elf_closure_free(&c);

  s.needed[0] = "libone.so";
  s.needed[1] = "libone-alias.so";
  s.needed[2] = "liblink.so";
  tap_eq_int(0, run(&s, hermetic(), &c), "dedup: computed");
  tap_eq_uint(2, c.n_libraries,
              "a soname and a symlink do not duplicate libone.so");
  tap_eq_uint(0, c.n_missing, "dedup: nothing missing");
  elf_closure_free(&c);

  s.runpath = NULL;
  s.needed[0] = "$ORIGIN/../lib1/libone.so";
  s.needed[1] = NULL;
  tap_eq_int(0, run(&s, hermetic(), &c), "a path in DT_NEEDED: computed");
  tap_ok(has_library(&c, "libone.so"), "a DT_NEEDED path is opened as is");
  elf_closure_free(&c);

  s.needed[0] = "libhw.so";
  s.runpath = at("lib1");
  tap_eq_int(0, run(&s, hermetic(), &c), "hwcaps: computed");
  tap_eq_uint(2, c.n_libraries, "hwcaps: the variant and the plain library");
  elf_closure_free(&c);
}

static void test_tokens_and_conf(void) {
  struct elf_spec s = program();
  struct elf_closure c;
  s.needed[0] = "libfour.so";
  s.needed[1] = "libfive.so";
  s.runpath = "$ORIGIN/../$LIB:$ORIGIN/../$PLATFORM:$ORIGIN/../$UNKNOWN";
  tap_eq_int(0, run(&s, hermetic(), &c), "$LIB/$PLATFORM: computed");
  tap_ok(has_library(&c, "libfour.so"), "$LIB tries lib64");
  tap_ok(has_library(&c, "libfive.so"), "$PLATFORM is x86_64");
  elf_closure_free(&c);

  struct elf_spec p = program();
  struct elf_search_options o = hermetic();
  char conf[PATH_MAX + 64];
  snprintf(conf, sizeof(conf), "%s", at("conf/ld.so.conf"));
  o.ld_so_conf = conf;
  p.needed[0] = "libtwo.so";
  tap_eq_int(0, run(&p, o, &c), "ld.so.conf: computed");
  tap_ok(has_library(&c, "libtwo.so"), "ld.so.conf include globs are read");
  elf_closure_free(&c);

  static const char *dirs[2];
  dirs[0] = at("lib2");
  o = hermetic();
  o.default_dirs = dirs;
  tap_eq_int(0, run(&p, o, &c), "default dirs: computed");
  tap_ok(has_library(&c, "libtwo.so"), "default directories are searched");
  elf_closure_free(&c);
}

static void test_bounds(void) {
  char name[64], next[64];
  for (int i = 0; i < ELF_MAX_DEPTH + 2; ++i) {
    snprintf(name, sizeof(name), "chain/lib%d.so", i);
    snprintf(next, sizeof(next), "lib%d.so", i + 1);
    lib(name, (struct elf_spec){.needed = {next}, .runpath = "$ORIGIN"});
  }
  struct elf_spec s = program();
  struct elf_closure c;
  s.needed[0] = "lib0.so";
  s.runpath = at("chain");
  tap_eq_int(-E2BIG, run(&s, hermetic(), &c),
             "a dependency chain deeper than ELF_MAX_DEPTH is -E2BIG");
  tap_ok(c.libraries == NULL && c.n_libraries == 0,
         "-E2BIG leaves the closure empty");
}

int main(void) {
  setup();
  test_runpath_origin();
  test_rpath_runpath();
  test_candidates();
  test_tokens_and_conf();
  test_bounds();
  char cmd[PATH_MAX + 16];
  snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
  if (system(cmd) != 0)
    tap_diag("could not remove %s", root);
  return tap_done();
}
