/*
 * Expand a DT_RPATH/DT_RUNPATH list: split on ':', substitute the dynamic
 * string tokens $ORIGIN, $LIB and $PLATFORM (also in ${...} form), and
 * append each resulting directory. An unknown "$NAME" is kept literally (as
 * ld.so does); an entry needing $ORIGIN when it is unknown is skipped;
 * empty entries are skipped. $LIB yields one directory per alternative.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "elf_impl.h"

static const char *const lib_alternatives[] = {"lib/x86_64-linux-gnu",
                                               "lib64", "lib"};

/*
 * If s (just after a '$') starts the token name, return the number of bytes
 * the token uses after the '$', else 0.
 */
static size_t token_len(const char *s, size_t avail, const char *name) {
  size_t n = strlen(name);
  if (avail >= n + 2 && s[0] == '{' && memcmp(s + 1, name, n) == 0 &&
      s[n + 1] == '}')
    return n + 2;
  if (avail >= n && memcmp(s, name, n) == 0 &&
      (avail == n || !(isalnum((unsigned char)s[n]) || s[n] == '_')))
    return n;
  return 0;
}

/* Substitute the tokens of entry[0..len) into out (PATH_MAX bytes). */
static bool substitute(const char *entry, size_t len, const char *origin,
                       const char *lib, char *out, bool *uses_lib) {
  size_t o = 0;
  for (size_t i = 0; i < len;) {
    const char *value = NULL;
    size_t used = 0;
    if (entry[i] == '$') {
      const char *t = entry + i + 1;
      size_t avail = len - i - 1;
      if ((used = token_len(t, avail, "ORIGIN")) != 0) {
        if (origin == NULL)
          return false;
        value = origin;
      } else if ((used = token_len(t, avail, "PLATFORM")) != 0) {
        value = "x86_64";
      } else if ((used = token_len(t, avail, "LIB")) != 0) {
        value = lib;
        *uses_lib = true;
      }
    }
    if (value != NULL) {
      size_t vl = strlen(value);
      if (o + vl >= PATH_MAX)
        return false;
      memcpy(out + o, value, vl);
      o += vl;
      i += used + 1;
    } else {
      if (o + 1 >= PATH_MAX)
        return false;
      out[o++] = entry[i++];
    }
  }
  out[o] = '\0';
  return o > 0;
}

int elf_path_expand(const char *list, const char *origin,
                    struct elf_strlist *dirs) {
  char *out = malloc(PATH_MAX);
  if (out == NULL)
    return -ENOMEM;
  int e = 0;
  for (const char *p = list; e == 0 && *p != '\0';) {
    size_t len = strcspn(p, ":");
    for (size_t k = 0; e == 0 && len > 0 && k < 3; ++k) {
      bool uses_lib = false;
      if (dirs->n >= ELF_MAX_SEARCH_DIRS)
        break;
      if (substitute(p, len, origin, lib_alternatives[k], out, &uses_lib))
        e = elf_strlist_add(dirs, out);
      if (!uses_lib)
        break;
    }
    p += len;
    if (*p == ':')
      ++p;
  }
  free(out);
  return e;
}
