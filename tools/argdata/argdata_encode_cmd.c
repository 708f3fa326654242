/*
 * argdata encode [FILE]: read a cloudabi-run configuration (YAML) and write
 * the program's argdata, serialised, to standard output. Resources become
 * the descriptor numbers the launcher would assign (4, 5, ...); nothing is
 * opened. The !launcher document is checked and otherwise ignored. Without
 * FILE, or with "-", the YAML is read from standard input (and, as with
 * cloudabi-run, `!fd stdin` is then an error).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "tools/argdata/commands.h"

static int usage(FILE *fp, int status) {
  fputs("usage: argdata encode [FILE]\n", fp);
  return status;
}

int argdata_cmd_encode(int argc, char **argv) {
  const char *path = NULL;
  bool dashdash = false;
  for (int i = 1; i < argc; ++i) {
    if (!dashdash && strcmp(argv[i], "--") == 0) {
      dashdash = true;
    } else if (!dashdash &&
               (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)) {
      return usage(stdout, 0);
    } else if (!dashdash && argv[i][0] == '-' && argv[i][1] != '\0') {
      fprintf(stderr, "argdata: fatal: unknown option %s\n", argv[i]);
      return usage(stderr, ARGDATA_EXIT_USAGE);
    } else if (path == NULL) {
      path = argv[i];
    } else {
      fprintf(stderr, "argdata: fatal: too many arguments\n");
      return usage(stderr, ARGDATA_EXIT_USAGE);
    }
  }
  struct config_load_options opts = {0};
  FILE *fp = stdin;
  if (path == NULL || strcmp(path, "-") == 0) {
    opts.file_name = "<stdin>";
    opts.from_stdin = true;
  } else {
    opts.file_name = path;
    fp = fopen(path, "re");
    if (fp == NULL) {
      fprintf(stderr, "argdata: fatal: unable to open \"%s\": %s\n", path,
              strerror(errno));
      return ARGDATA_EXIT_BAD_INPUT;
    }
  }
  struct config *cfg;
  struct config_error err;
  int rc = config_load_file(&cfg, fp, &opts, &err);
  if (fp != stdin)
    fclose(fp);
  if (rc != 0) {
    if (err.pos.line > 0)
      fprintf(stderr, "argdata: fatal: %s:%u:%u: %s\n", err.pos.file,
              err.pos.line, err.pos.column, err.message);
    else
      fprintf(stderr, "argdata: fatal: %s: %s\n",
              err.pos.file ? err.pos.file : opts.file_name, err.message);
    if (opts.from_stdin && strstr(err.message, "standard input") != NULL)
      /* !fd stdin with the YAML on standard input: say how, for argdata */
      fprintf(stderr, "argdata: hint: pass the configuration as a file: "
                      "argdata encode FILE\n");
    else if (err.hint[0] != '\0')
      fprintf(stderr, "argdata: hint: %s\n", err.hint);
    return rc == -EINVAL || rc == -EFBIG ? ARGDATA_EXIT_BAD_INPUT
                                         : ARGDATA_EXIT_SYSTEM;
  }
  size_t len;
  argdata_serialized_length(cfg->root, &len, NULL);
  unsigned char *buf = malloc(len ? len : 1);
  if (buf == NULL) {
    config_free(cfg);
    fprintf(stderr, "argdata: fatal: out of memory\n");
    return ARGDATA_EXIT_SYSTEM;
  }
  argdata_serialize(cfg->root, buf, NULL);
  config_free(cfg);
  size_t written = fwrite(buf, 1, len, stdout);
  free(buf);
  if (written != len || fflush(stdout) != 0) {
    fprintf(stderr, "argdata: fatal: unable to write the argdata: %s\n",
            strerror(errno));
    return ARGDATA_EXIT_SYSTEM;
  }
  return 0;
}
