/* Parse a "#!" line the way Linux does: interpreter, then at most one
 * argument (the rest of the line, trailing blanks removed). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "launcher.h"

static bool blank(char c) { return c == ' ' || c == '\t'; }

int launcher_shebang_parse(const char *buf, size_t len, char **interp,
                           char **arg) {
  const char *nl, *p, *end, *i_end;
  *interp = *arg = NULL;
  if (len < 2 || buf[0] != '#' || buf[1] != '!')
    return -ENOEXEC;
  nl = memchr(buf, '\n', len);
  if (nl == NULL) {
    if (len >= 256)
      return -ENAMETOOLONG;
    nl = buf + len;
  }
  p = buf + 2;
  end = nl;
  while (p < end && blank(*p))
    ++p;
  while (end > p && (blank(end[-1]) || end[-1] == '\r'))
    --end;
  if (p == end)
    return -ENOEXEC;
  i_end = p;
  while (i_end < end && !blank(*i_end))
    ++i_end;
  if (memchr(p, '\0', (size_t)(end - p)) != NULL)
    return -ENOEXEC;
  *interp = strndup(p, (size_t)(i_end - p));
  p = i_end;
  while (p < end && blank(*p))
    ++p;
  if (p < end)
    *arg = strndup(p, (size_t)(end - p));
  if (*interp == NULL || (p < end && *arg == NULL)) {
    free(*interp);
    free(*arg);
    *interp = *arg = NULL;
    return -ENOMEM;
  }
  return 0;
}
