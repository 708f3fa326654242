/*
 * hello: a small capability program.
 *
 * It holds no ambient authority: everything it may touch arrives as argdata
 * on fd 3 (see hello.yaml):
 *   out:  a descriptor to write the greeting to (`!fd stdout`);
 *   name: who to greet (a string, default "world");
 *   dir:  a directory whose entries it lists (`!file {path: ...}`), and
 *         through which it then tries, and fails, to reach /etc/passwd.
 *
 *   cloudabi-run build/examples/hello/hello examples/hello/hello.yaml
 *
 * It reads fd 3 itself (a sealed memfd holding the argdata) so that it needs
 * nothing but libargdata; it opens no path at all.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <argdata.h>

static int accept_fd(void *arg, size_t raw) {
  (void)arg;
  return raw > INT_MAX ? -1 : (int)raw;
}

static const argdata_t *lookup(const argdata_t *map, const char *key) {
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  for (argdata_map_iterate(map, &it); argdata_map_get(&it, &k, &v);
       argdata_map_next(&it)) {
    const char *s;
    if (argdata_get_str_c(k, &s) == 0 && strcmp(s, key) == 0)
      return v;
  }
  return NULL;
}

static int compare(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void) {
  struct stat st;
  void *buf;
  argdata_t *ad;
  const argdata_t *v;
  const char *name = "world";
  int out = -1, dir = -1;
  FILE *fp;

  /* The launcher's fd 3 is a memfd sealed against any change. */
  int seals = fcntl(3, F_GET_SEALS);
  int need = F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE;
  if (seals < 0 || (seals & need) != need || fstat(3, &st) != 0 ||
      st.st_size == 0) {
    fprintf(stderr, "hello: no argdata on fd 3; start me with cloudabi-run:\n"
                    "  cloudabi-run hello hello.yaml\n");
    return 1;
  }
  buf = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, 3, 0);
  if (buf == MAP_FAILED)
    return 1;
  ad = argdata_from_buffer(buf, (size_t)st.st_size, accept_fd, NULL);
  if (ad == NULL)
    return 1;
  if ((v = lookup(ad, "out")) == NULL || argdata_get_fd(v, &out) != 0)
    return 2; /* nowhere to write to: nothing useful to do */
  if ((v = lookup(ad, "name")) != NULL)
    argdata_get_str_c(v, &name);
  fp = fdopen(out, "w");
  if (fp == NULL)
    return 1;

  fprintf(fp, "Hello, %s!\n", name);

  if ((v = lookup(ad, "dir")) != NULL && argdata_get_fd(v, &dir) == 0) {
    DIR *d = fdopendir(dup(dir));
    struct dirent *de;
    char **names = NULL;
    size_t n = 0, cap = 0;
    if (d == NULL) {
      fprintf(fp, "I cannot list my directory: %s\n", strerror(errno));
    } else {
      while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
          continue;
        if (n == cap) {
          cap = cap ? 2 * cap : 16;
          names = realloc(names, cap * sizeof(*names));
          if (names == NULL)
            return 1;
        }
        names[n++] = strdup(de->d_name);
      }
      closedir(d);
      qsort(names, n, sizeof(*names), compare);
      fprintf(fp, "My directory holds %zu entries:\n", n);
      for (size_t i = 0; i < n; ++i)
        fprintf(fp, "  %s\n", names[i]);
    }
  }

  /* Anything not handed in is out of reach, even through the directory. */
  if (dir >= 0) {
    int fd = openat(dir, "../../../../../../etc/passwd", O_RDONLY);
    fprintf(fp, "Reading ../../etc/passwd through my directory: %s\n",
            fd >= 0 ? "it worked (NOT sandboxed!)" : strerror(errno));
  }
  return fclose(fp) == 0 ? 0 : 1;
}
