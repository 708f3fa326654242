/* Shared helpers of the launcher test programs; see ad_common.h. */
#include "ad_common.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int accept_fd(void *arg, size_t raw) {
  (void)arg;
  return raw > INT_MAX ? -1 : (int)raw;
}

void ad_start_read(struct ad_start *start) {
  struct stat st;
  memset(start, 0, sizeof(*start));
  if (fstat(3, &st) != 0) {
    start->error = errno;
  } else if (st.st_size > 0) {
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, 3, 0);
    if (p == MAP_FAILED) {
      start->error = errno;
    } else {
      start->bytes = p;
      start->len = (size_t)st.st_size;
    }
  }
  start->root = argdata_from_buffer(start->bytes ? start->bytes : (const void *)"",
                                    start->len, accept_fd, NULL);
}

const argdata_t *ad_lookup(const argdata_t *root, const char *key) {
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  if (root == NULL)
    return NULL;
  for (argdata_map_iterate(root, &it); argdata_map_get(&it, &k, &v);
       argdata_map_next(&it)) {
    const char *s;
    if (argdata_get_str_c(k, &s) == 0 && strcmp(s, key) == 0)
      return v;
  }
  return NULL;
}

int ad_lookup_fd(const argdata_t *root, const char *key) {
  const argdata_t *v = ad_lookup(root, key);
  int fd;
  if (v == NULL || argdata_get_fd(v, &fd) != 0)
    return -1;
  return fd;
}

long long ad_lookup_int(const argdata_t *root, const char *key,
                        long long dflt) {
  const argdata_t *v = ad_lookup(root, key);
  intmax_t x;
  if (v == NULL || argdata_get_int_s(v, &x, LLONG_MIN, LLONG_MAX) != 0)
    return dflt;
  return (long long)x;
}

double ad_lookup_num(const argdata_t *root, const char *key, double dflt) {
  const argdata_t *v = ad_lookup(root, key);
  double d;
  intmax_t x;
  if (v == NULL)
    return dflt;
  if (argdata_get_float(v, &d) == 0)
    return d;
  if (argdata_get_int_s(v, &x, INTMAX_MIN, INTMAX_MAX) == 0)
    return (double)x;
  return dflt;
}

bool ad_lookup_bool(const argdata_t *root, const char *key) {
  const argdata_t *v = ad_lookup(root, key);
  bool b;
  return v != NULL && argdata_get_bool(v, &b) == 0 && b;
}

const char *ad_errno_name(int err) {
  static char buf[16];
  switch (err) {
#define N(e)                                                                   \
  case e:                                                                      \
    return #e
    N(EPERM); N(ENOENT); N(ESRCH); N(EINTR); N(EIO); N(ENXIO); N(E2BIG);
    N(ENOEXEC); N(EBADF); N(ECHILD); N(EAGAIN); N(ENOMEM); N(EACCES);
    N(EFAULT); N(EBUSY); N(EEXIST); N(EXDEV); N(ENODEV); N(ENOTDIR);
    N(EISDIR); N(EINVAL); N(ENFILE); N(EMFILE); N(ENOTTY); N(ETXTBSY);
    N(EFBIG); N(ENOSPC); N(ESPIPE); N(EROFS); N(EMLINK); N(EPIPE); N(ERANGE);
    N(ENAMETOOLONG); N(ENOSYS); N(ENOTEMPTY); N(ELOOP); N(ENODATA);
    N(EOPNOTSUPP); N(EAFNOSUPPORT); N(EPROTONOSUPPORT); N(ESOCKTNOSUPPORT);
    N(EADDRINUSE); N(EADDRNOTAVAIL); N(ENETUNREACH); N(ECONNREFUSED);
    N(EISCONN); N(ENOTCONN); N(EDESTADDRREQ); N(EPROTOTYPE); N(ENOTSOCK);
    N(EALREADY); N(EINPROGRESS); N(EOVERFLOW); N(ECONNRESET);
    N(EHOSTUNREACH); N(EMSGSIZE); N(ENOKEY); N(EDQUOT); N(ESTALE);
    N(EBADMSG); N(ENOTBLK); N(ENOPKG); N(EKEYREJECTED);
#undef N
  default:
    snprintf(buf, sizeof(buf), "E%d", err);
    return buf;
  }
}

int ad_write_all(int fd, const void *buf, size_t len) {
  const char *p = buf;
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    p += n;
    len -= (size_t)n;
  }
  return 0;
}

void ad_printf(int fd, const char *fmt, ...) {
  char buf[4096];
  va_list ap;
  int n;
  va_start(ap, fmt);
  n = vsnprintf(buf, sizeof(buf), fmt, ap);
  va_end(ap);
  if (n < 0)
    return;
  if ((size_t)n >= sizeof(buf))
    n = sizeof(buf) - 1;
  ad_write_all(fd, buf, (size_t)n);
}
