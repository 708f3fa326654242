/* Release what elf_closure_compute stored and empty the closure. */
#include <stdlib.h>
#include <string.h>

#include "elf.h"

void elf_closure_free(struct elf_closure *closure) {
  if (closure == NULL)
    return;
  free(closure->interpreter);
  for (size_t i = 0; i < closure->n_libraries; ++i)
    free(closure->libraries[i]);
  free(closure->libraries);
  for (size_t i = 0; i < closure->n_missing; ++i)
    free(closure->missing[i]);
  free(closure->missing);
  memset(closure, 0, sizeof(*closure));
}
