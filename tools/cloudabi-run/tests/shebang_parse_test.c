/* launcher_shebang_parse: "#!" lines as Linux reads them. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "launcher.h"
#include "tests/harness/tap.h"

static void check(const char *line, int expected, const char *interp,
                  const char *arg) {
  char *i = NULL, *a = NULL;
  int r = launcher_shebang_parse(line, strlen(line), &i, &a);
  tap_eq_int(expected, r, "parse \"%.20s\" returns %d", line, expected);
  if (expected == 0) {
    tap_eq_str(interp, i, "interpreter of \"%.20s\"", line);
    if (arg == NULL)
      tap_ok(a == NULL, "no argument in \"%.20s\"", line);
    else
      tap_eq_str(arg, a, "argument of \"%.20s\"", line);
  }
  free(i);
  free(a);
}

int main(void) {
  char longline[300];
  check("#!/bin/sh\necho hi\n", 0, "/bin/sh", NULL);
  check("#! /usr/bin/python3 -u \nprint()\n", 0, "/usr/bin/python3", "-u");
  check("#!/usr/bin/env  python3   -x y\n", 0, "/usr/bin/env", "python3   -x y");
  check("#!/bin/sh\r\n", 0, "/bin/sh", NULL);
  check("#!/bin/sh", 0, "/bin/sh", NULL);
  check("#!   \n", -ENOEXEC, NULL, NULL);
  check("#!\n", -ENOEXEC, NULL, NULL);
  check("\x7f" "ELF", -ENOEXEC, NULL, NULL);
  check("#", -ENOEXEC, NULL, NULL);
  memset(longline, 'a', sizeof(longline));
  longline[0] = '#';
  longline[1] = '!';
  longline[2] = '/';
  longline[sizeof(longline) - 1] = '\0';
  check(longline, -ENAMETOOLONG, NULL, NULL);
  return tap_done();
}
