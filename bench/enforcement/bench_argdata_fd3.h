/*
 * Shared by the enforcement benchmark programs: find the granted directory.
 * Under cloudabi-run the argdata at fd 3 holds `dir: !file {...}`; run
 * directly, the directory is argv[1]. Returns a directory descriptor or -1.
 */
#ifndef BENCH_ARGDATA_FD3_H
#define BENCH_ARGDATA_FD3_H

#include <argdata.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int bench_convert_fd(void *arg, size_t fd) {
  (void)arg;
  return fd > 1024 ? -1 : (int)fd;
}

/* The value of key `name` in the argdata map at fd 3, or NULL. */
static const argdata_t *bench_argdata_lookup(const char *name) {
  static argdata_t *root;
  struct stat st;
  if (root == NULL) {
    if (fstat(3, &st) != 0 || st.st_size <= 0)
      return NULL;
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, 3, 0);
    if (p == MAP_FAILED)
      return NULL;
    root = argdata_from_buffer(p, (size_t)st.st_size, bench_convert_fd, NULL);
    if (root == NULL)
      return NULL;
  }
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  for (argdata_map_iterate(root, &it); argdata_map_get(&it, &k, &v);
       argdata_map_next(&it)) {
    const char *s;
    if (argdata_get_str_c(k, &s) == 0 && strcmp(s, name) == 0)
      return v;
  }
  return NULL;
}

__attribute__((unused)) static int bench_dir_fd(int argc, char **argv) {
  if (argc > 1)
    return open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  const argdata_t *v = bench_argdata_lookup("dir");
  int fd;
  return v != NULL && argdata_get_fd(v, &fd) == 0 ? fd : -1;
}

/* Where to print: `out` from the argdata, or stdout when run directly. */
__attribute__((unused)) static int bench_out_fd(int argc) {
  if (argc > 1)
    return 1;
  const argdata_t *v = bench_argdata_lookup("out");
  int fd;
  return v != NULL && argdata_get_fd(v, &fd) == 0 ? fd : -1;
}

#endif
