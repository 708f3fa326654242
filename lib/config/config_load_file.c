/* config_load_file: read a stream (at most max_size bytes), then parse. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

int config_load_file(struct config **out, FILE *fp,
                     const struct config_load_options *opts,
                     struct config_error *err) {
  static const struct config_load_options defaults = {0};
  struct config_error scratch;
  if (err == NULL)
    err = &scratch;
  memset(err, 0, sizeof(*err));
  *out = NULL;
  if (opts == NULL)
    opts = &defaults;
  size_t max = opts->max_size ? opts->max_size : CONFIG_MAX_SIZE_DEFAULT;
  size_t cap = 4096, len = 0;
  char *buf = malloc(cap);
  if (buf == NULL)
    return -ENOMEM;
  for (;;) {
    if (len == cap) {
      /* Read one byte past max, so that config_load_buffer says -EFBIG. */
      if (len > max)
        break;
      cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
      if (cap <= len)
        cap = len + 1;
      char *b = realloc(buf, cap);
      if (b == NULL) {
        free(buf);
        return -ENOMEM;
      }
      buf = b;
    }
    size_t n = fread(buf + len, 1, cap - len, fp);
    len += n;
    if (n == 0) {
      if (ferror(fp)) {
        int e = errno;
        err->pos.file = opts->file_name ? opts->file_name
                                        : (opts->from_stdin ? "<stdin>"
                                                            : "<config>");
        snprintf(err->message, sizeof(err->message),
                 "cannot read the configuration: %s", strerror(e ? e : EIO));
        free(buf);
        return -EIO;
      }
      break;
    }
  }
  int rc = config_load_buffer(out, buf, len, opts, err);
  /* The config keeps no pointer into buf: the arena holds copies. */
  free(buf);
  return rc;
}
