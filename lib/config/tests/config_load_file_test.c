/* config_load_file: reading a stream, the size limit, read errors. */
#include <fcntl.h>
#include <unistd.h>

#include "config_test_util.h"

static FILE *stream_of(const char *text, size_t len) {
  FILE *fp = tmpfile();
  if (fp != NULL) {
    fwrite(text, 1, len, fp);
    rewind(fp);
  }
  return fp;
}

int main(void) {
  const char *y = "out: !fd stdout\ndir: !file {path: /srv}\n";
  FILE *fp = stream_of(y, strlen(y));
  struct config *c = NULL;
  struct config_error err;
  tap_eq_int(0, config_load_file(&c, fp, &test_opts, &err), "loads a file");
  if (c != NULL) {
    size_t len;
    unsigned char *b = serialize(c, &len);
    static const unsigned char exp[] = {
        0x06, 0x85, 0x08, 0x6f, 0x75, 0x74, 0x00, 0x85, 0x03,
        0x00, 0x00, 0x00, 0x04, 0x85, 0x08, 0x64, 0x69, 0x72,
        0x00, 0x85, 0x03, 0x00, 0x00, 0x00, 0x05};
    tap_eq_bytes(exp, sizeof(exp), b, len, "worked example from a file");
    free(b);
    config_free(c);
  }
  fclose(fp);

  /* A file bigger than the buffer growth steps, below the limit. */
  size_t n = 100000;
  char *big = malloc(n + 16);
  memset(big, 'x', n);
  memcpy(big, "a: ", 3);
  big[n] = '\n';
  fp = stream_of(big, n + 1);
  c = NULL;
  tap_eq_int(0, config_load_file(&c, fp, NULL, &err), "100 kB loads");
  config_free(c);
  fclose(fp);

  struct config_load_options o = {.file_name = "big.yaml", .max_size = 5000};
  fp = stream_of(big, n + 1);
  c = (struct config *)1;
  tap_eq_int(-EFBIG, config_load_file(&c, fp, &o, &err), "over max_size");
  tap_ok(c == NULL, "no config");
  tap_ok(strstr(err.message, "larger than 5000 bytes") != NULL,
         "size message: %s", err.message);
  tap_eq_str("big.yaml", err.pos.file, "file name");
  fclose(fp);
  free(big);

  /* Reading a directory fails with EISDIR: -EIO. */
  fp = fopen("/", "r");
  if (fp == NULL) {
    tap_skip("cannot fopen /", "read error");
  } else {
    c = (struct config *)1;
    tap_eq_int(-EIO, config_load_file(&c, fp, &test_opts, &err),
               "read error is -EIO");
    tap_ok(c == NULL, "no config after a read error");
    tap_ok(strstr(err.message, "cannot read the configuration") != NULL,
           "read error message: %s", err.message);
    fclose(fp);
  }

  /* from_stdin names the file <stdin> by default. */
  struct config_load_options si = {.from_stdin = true};
  fp = stream_of("a: !fd stdin\n", 13);
  tap_eq_int(-EINVAL, config_load_file(&c, fp, &si, &err),
             "!fd stdin refused");
  tap_eq_str("<stdin>", err.pos.file, "<stdin> is the default name");
  fclose(fp);
  config_free(NULL);
  tap_ok(true, "config_free(NULL) is a no-op");
  return tap_done();
}
