/*
 * Internal helpers of lib/elf: the parsed view of one ELF file and a small
 * owned string list. Every function returns 0 or a negative errno value.
 */
#ifndef ELF_IMPL_H
#define ELF_IMPL_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elf.h"

/* Limits on what one file may contain (beyond them: -ENOEXEC). */
#define ELF_MAX_PHNUM 4096         /* program headers */
#define ELF_MAX_DYN 65536          /* PT_DYNAMIC entries read */
#define ELF_MAX_NEEDED 4096        /* DT_NEEDED entries */
#define ELF_MAX_STRING 4096        /* bytes of one string, NUL included */
#define ELF_MAX_SEARCH_DIRS 4096   /* directories searched for one name */

/* An owned list of owned strings. */
struct elf_strlist {
  char **v;
  size_t n, cap;
};

/* Append s (taken over; freed on failure). -ENOMEM. */
static inline int elf_strlist_take(struct elf_strlist *l, char *s) {
  if (s == NULL)
    return -ENOMEM;
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 8;
    char **v = realloc(l->v, cap * sizeof(*v));
    if (v == NULL) {
      free(s);
      return -ENOMEM;
    }
    l->v = v;
    l->cap = cap;
  }
  l->v[l->n++] = s;
  return 0;
}

/* Append a copy of s. -ENOMEM. */
static inline int elf_strlist_add(struct elf_strlist *l, const char *s) {
  return elf_strlist_take(l, strdup(s));
}

static inline bool elf_strlist_contains(const struct elf_strlist *l,
                                        const char *s) {
  for (size_t i = 0; i < l->n; ++i)
    if (strcmp(l->v[i], s) == 0)
      return true;
  return false;
}

static inline void elf_strlist_free(struct elf_strlist *l) {
  for (size_t i = 0; i < l->n; ++i)
    free(l->v[i]);
  free(l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}

/* What lib/elf needs from one ELF file. */
struct elf_object {
  uint16_t type;            /* ET_EXEC or ET_DYN */
  char *interp;             /* PT_INTERP, or NULL */
  bool has_dynamic;         /* PT_DYNAMIC present */
  struct elf_strlist needed; /* DT_NEEDED, in order */
  char *rpath;              /* DT_RPATH, or NULL */
  char *runpath;            /* DT_RUNPATH, or NULL */
  char *soname;             /* DT_SONAME, or NULL */
  bool nodeflib;            /* DF_1_NODEFLIB */
};

/*
 * Parse the ELF file open at fd (pread only). Errors: -ENOEXEC (not an
 * x86_64 ELF64 ET_EXEC/ET_DYN, or any offset/size out of range), -ENOMEM,
 * -EIO. On error *obj is left empty.
 */
int elf_object_read(int fd, struct elf_object *obj);
void elf_object_free(struct elf_object *obj);

/*
 * Open path as a library candidate: O_PATH first, a regular file only, then
 * reopened read-only and parsed; it must be an ET_DYN. On success *obj is
 * filled and *real holds realpath(path) (caller frees). Errors: -ENOENT and
 * other open errors, -ENOEXEC (not a regular file or not a shared object),
 * -ENOMEM, -EIO.
 */
int elf_library_open(const char *path, struct elf_object *obj, char **real);

/*
 * Expand the ':'-separated search list `list` (DT_RPATH/DT_RUNPATH) with
 * $ORIGIN = origin (may be NULL: entries using it are skipped), $PLATFORM
 * and $LIB, appending directories to *dirs. Errors: -ENOMEM.
 */
int elf_path_expand(const char *list, const char *origin,
                    struct elf_strlist *dirs);

/*
 * Append the directories named by the ld.so.conf file at path (following
 * "include" globs, at most 8 levels deep) to *dirs; a missing file adds
 * nothing. Errors: -ENOMEM.
 */
int elf_ldconf_load(const char *path, struct elf_strlist *dirs);

#endif
