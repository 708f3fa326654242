/* The closure of a program with the system's search settings. */
#include "elf.h"

int elf_closure_compute(int exec_fd, struct elf_closure *out) {
  return elf_closure_compute_with(exec_fd, NULL, out);
}
