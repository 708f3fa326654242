/* Release what elf_object_read stored and empty the object. */
#include <stdlib.h>
#include <string.h>

#include "elf_impl.h"

void elf_object_free(struct elf_object *obj) {
  free(obj->interp);
  elf_strlist_free(&obj->needed);
  free(obj->rpath);
  free(obj->runpath);
  free(obj->soname);
  memset(obj, 0, sizeof(*obj));
}
