/*
 * Read an ld.so.conf file: one directory per line (an optional "=TYPE"
 * suffix is ignored), '#' comments, "include PATTERN..." lines whose glob
 * patterns are relative to the including file's directory, and "hwcap"
 * lines (ignored). Only absolute directories are kept, without duplicates.
 */
#include <ctype.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf_impl.h"

#define LDCONF_MAX_DEPTH 8

static int load(const char *path, struct elf_strlist *dirs, int depth);

static char *trim(char *s) {
  char *hash = strchr(s, '#');
  if (hash != NULL)
    *hash = '\0';
  while (isspace((unsigned char)*s))
    ++s;
  size_t n = strlen(s);
  while (n > 0 && isspace((unsigned char)s[n - 1]))
    s[--n] = '\0';
  return s;
}

static int add_dir(char *line, struct elf_strlist *dirs) {
  line[strcspn(line, "= \t")] = '\0';
  size_t n = strlen(line);
  while (n > 1 && line[n - 1] == '/')
    line[--n] = '\0';
  if (line[0] != '/' || elf_strlist_contains(dirs, line) ||
      dirs->n >= ELF_MAX_SEARCH_DIRS)
    return 0;
  return elf_strlist_add(dirs, line);
}

static int include(const char *path, char *patterns, struct elf_strlist *dirs,
                   int depth) {
  char full[PATH_MAX];
  const char *slash = strrchr(path, '/');
  int dlen = slash ? (int)(slash - path) : 1;
  const char *dir = slash ? path : ".";
  int e = 0;
  for (char *save = NULL, *pat = strtok_r(patterns, " \t", &save);
       e == 0 && pat != NULL; pat = strtok_r(NULL, " \t", &save)) {
    int n = pat[0] == '/'
                ? snprintf(full, sizeof(full), "%s", pat)
                : snprintf(full, sizeof(full), "%.*s/%s", dlen, dir, pat);
    if (n < 0 || (size_t)n >= sizeof(full))
      continue;
    glob_t g;
    int r = glob(full, 0, NULL, &g);
    if (r == GLOB_NOSPACE)
      e = -ENOMEM;
    for (size_t i = 0; r == 0 && e == 0 && i < g.gl_pathc; ++i)
      e = load(g.gl_pathv[i], dirs, depth + 1);
    if (r == 0 || r == GLOB_NOSPACE)
      globfree(&g);
  }
  return e;
}

static int load(const char *path, struct elf_strlist *dirs, int depth) {
  if (depth > LDCONF_MAX_DEPTH)
    return 0;
  FILE *f = fopen(path, "re");
  if (f == NULL)
    return errno == ENOMEM ? -ENOMEM : 0;
  char *line = NULL;
  size_t cap = 0;
  int e = 0;
  while (e == 0 && getline(&line, &cap, f) >= 0) {
    char *s = trim(line);
    if (strncmp(s, "include", 7) == 0 && isspace((unsigned char)s[7]))
      e = include(path, s + 8, dirs, depth);
    else if (strncmp(s, "hwcap", 5) == 0 && isspace((unsigned char)s[5]))
      continue;
    else if (*s != '\0')
      e = add_dir(s, dirs);
  }
  free(line);
  fclose(f);
  return e;
}

int elf_ldconf_load(const char *path, struct elf_strlist *dirs) {
  return load(path, dirs, 0);
}
