/*
 * argdata: inspect and produce argdata, the typed argument tree that
 * CloudABI programs receive (see argdata(1)).
 *
 *   argdata print [--stream] [FILE]   binary argdata -> YAML
 *   argdata encode [FILE]             cloudabi-run YAML -> binary argdata
 *
 * main only dispatches; each subcommand lives in argdata_<name>_cmd.c and
 * returns the exit status (commands.h: 0, 100 usage, 101 bad input, 111
 * system error). encode needs the YAML loader (lib/config); a build without
 * it defines no ARGDATA_HAVE_ENCODE and `argdata encode` says so.
 */
#include <stdio.h>
#include <string.h>

#include "tools/argdata/commands.h"

#ifndef ARGDATA_VERSION
#define ARGDATA_VERSION "unknown"
#endif

static int usage(FILE *fp, int status) {
  fputs("usage: argdata print [--stream] [FILE]\n"
        "       argdata encode [FILE]\n"
        "       argdata help [COMMAND]\n"
        "       argdata --help | --version\n",
        fp);
  return status;
}

static int encode(int argc, char **argv) {
#ifdef ARGDATA_HAVE_ENCODE
  return argdata_cmd_encode(argc, argv);
#else
  (void)argc;
  (void)argv;
  fputs("argdata: fatal: encode is not available in this build\n"
        "argdata: hint: rebuild with lib/config (the YAML loader)\n",
        stderr);
  return ARGDATA_EXIT_USAGE;
#endif
}

static int dispatch(const char *name, int argc, char **argv) {
  if (strcmp(name, "print") == 0)
    return argdata_cmd_print(argc, argv);
  if (strcmp(name, "encode") == 0)
    return encode(argc, argv);
  fprintf(stderr, "argdata: fatal: unknown command \"%s\"\n", name);
  fputs("argdata: hint: run \"argdata --help\" for the list of commands\n",
        stderr);
  return ARGDATA_EXIT_USAGE;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return usage(stderr, ARGDATA_EXIT_USAGE);
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0)
    return usage(stdout, 0);
  if (strcmp(cmd, "--version") == 0) {
    puts("argdata " ARGDATA_VERSION);
    return 0;
  }
  if (strcmp(cmd, "help") == 0) {
    if (argc == 2)
      return usage(stdout, 0);
    /* argdata help COMMAND is argdata COMMAND --help. */
    char *help_argv[] = {argv[2], "--help", NULL};
    return dispatch(argv[2], 2, help_argv);
  }
  if (cmd[0] == '-') {
    fprintf(stderr, "argdata: fatal: unknown option %s\n", cmd);
    return usage(stderr, ARGDATA_EXIT_USAGE);
  }
  return dispatch(cmd, argc - 1, argv + 1);
}
