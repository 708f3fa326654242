/*
 * The musl build of cloudabi-run links the distribution's libyaml.a, which
 * was compiled against glibc with _FORTIFY_SOURCE. Its only reference that
 * musl lacks is __sprintf_chk; this is it (the size check becomes
 * vsnprintf's bound). meson.build checks at configure time that nothing
 * else is missing and otherwise builds the launcher with glibc.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

int __sprintf_chk(char *s, int flag, size_t size, const char *fmt, ...);

int __sprintf_chk(char *s, int flag, size_t size, const char *fmt, ...) {
  va_list ap;
  int n;
  (void)flag;
  va_start(ap, fmt);
  n = vsnprintf(s, size, fmt, ap);
  va_end(ap);
  return n;
}
