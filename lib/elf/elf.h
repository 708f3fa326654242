/*
 * A small ELF reader: what a dynamically linked program needs from the
 * filesystem to start, computed by reading ELF files only (never by running
 * anything). The launcher turns the result into Landlock rules: READ_FILE and
 * EXECUTE on the interpreter (ld.so), READ_FILE on each library.
 *
 * Only ELF64 little-endian x86_64 is understood; anything else is -ENOEXEC.
 * Error contract: 0 or a negative errno value; nothing here prints.
 */
#ifndef ELF_H
#define ELF_H

#include <stdbool.h>
#include <stddef.h>

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
 * directories, then the default directories. Errors: -ENOEXEC (not an
 * x86_64 ELF64, or malformed), -ENOMEM, -EIO.
 */
int elf_closure_compute(int exec_fd, struct elf_closure *out);

/* Free what elf_closure_compute stored. */
void elf_closure_free(struct elf_closure *closure);

#endif
