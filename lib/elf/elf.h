/*
 * A small ELF reader: what a dynamically linked program needs from the
 * filesystem to start, computed by reading ELF files only (never by running
 * anything). The launcher turns the result into Landlock rules: READ_FILE and
 * EXECUTE on the interpreter (ld.so), READ_FILE on each library.
 *
 * Only ELF64 little-endian x86_64 is understood; anything else is -ENOEXEC.
 * Error contract: 0 or a negative errno value; nothing here prints.
 *
 * The program is untrusted input: every offset and size read from it is
 * bounds-checked against the file, files are read with pread only, and a
 * library candidate is opened O_PATH first and only reopened for reading
 * when it is a regular file (so a DT_NEEDED naming a FIFO or a device never
 * blocks or triggers a driver). The closure is bounded: at most
 * ELF_MAX_LIBRARIES libraries and ELF_MAX_DEPTH levels of dependencies.
 *
 * Search order (ld.so's, without its cache and without LD_LIBRARY_PATH,
 * which the launcher controls anyway): a DT_NEEDED name containing '/' is
 * used as a path. Otherwise, for the object O that needs it:
 *   1. if O has no DT_RUNPATH: the DT_RPATH of O, then of the object that
 *      loaded O, and so on up to the program (an object's DT_RPATH is
 *      ignored when it also has a DT_RUNPATH);
 *   2. the DT_RUNPATH of O;
 *   3. unless O is marked DF_1_NODEFLIB: the directories of /etc/ld.so.conf
 *      (following "include" globs), then /lib/x86_64-linux-gnu,
 *      /usr/lib/x86_64-linux-gnu, /lib64, /usr/lib64, /lib, /usr/lib.
 * In paths, $ORIGIN is the directory the object was found in (for the
 * program: where exec_fd's path points, via /proc/self/fd), $PLATFORM is
 * "x86_64" and $LIB is tried as "lib/x86_64-linux-gnu", "lib64" and "lib";
 * an entry with an unknown or unusable token is skipped, as are empty
 * entries. In each directory, glibc-hwcaps/x86-64-v{4,3,2}/ variants that
 * exist are added too (harmless read grants; ld.so picks one by CPU).
 * A candidate must be an x86_64 ELF64 shared object (ET_DYN); others are
 * skipped. A name already resolved (by DT_NEEDED name or DT_SONAME), or a
 * file already in the closure, is not searched or read again.
 */
#ifndef ELF_H
#define ELF_H

#include <stdbool.h>
#include <stddef.h>

/* Bounds on the closure (beyond them, -E2BIG). */
#define ELF_MAX_LIBRARIES 1024
#define ELF_MAX_DEPTH 64

/* The interpreter and the resolved shared-library closure of a program. */
struct elf_closure {
  bool dynamic;       /* false for a static program: the rest is empty */
  char *interpreter;  /* absolute path from PT_INTERP, or NULL */
  char **libraries;   /* absolute paths (symlinks resolved), no duplicates */
  size_t n_libraries;
  char **missing;     /* DT_NEEDED names that could not be found */
  size_t n_missing;
};

/*
 * Compute the closure of the program open at exec_fd (read with pread; the
 * offset is not changed). Libraries are searched like ld.so does, without
 * its cache: DT_RPATH/DT_RUNPATH ($ORIGIN expanded), /etc/ld.so.conf
 * directories, then the default directories (see the top of this file).
 * "dynamic" means the program has a PT_INTERP; a static program (including
 * a static PIE) gives dynamic == false, no interpreter and no libraries.
 * Missing libraries are not an error: they are listed in out->missing (the
 * program would fail to start; the launcher reports it).
 * Errors: -ENOEXEC (not an x86_64 ELF64 executable or shared object,
 * malformed, or a PT_INTERP that is not an absolute path), -ENOMEM, -EIO
 * (read error), -E2BIG (more than ELF_MAX_LIBRARIES libraries or deeper than
 * ELF_MAX_DEPTH). On error *out is left empty (nothing to free).
 */
int elf_closure_compute(int exec_fd, struct elf_closure *out);

/*
 * Search settings for elf_closure_compute_with (tests, and callers that
 * want another root). Every field may be NULL for the default.
 */
struct elf_search_options {
  /* ld.so.conf to read; NULL: "/etc/ld.so.conf"; "": none. */
  const char *ld_so_conf;
  /* NULL-terminated default directories; NULL: the standard list. */
  const char *const *default_dirs;
  /* $ORIGIN of the program; NULL: the directory of exec_fd's path. */
  const char *origin;
};

/* elf_closure_compute with explicit search settings (opts may be NULL). */
int elf_closure_compute_with(int exec_fd, const struct elf_search_options *opts,
                             struct elf_closure *out);

/* Free what elf_closure_compute stored and empty *closure. NULL-safe. */
void elf_closure_free(struct elf_closure *closure);

#endif
