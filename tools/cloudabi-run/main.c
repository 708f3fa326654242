/*
 * cloudabi-run: run a program with exactly the capabilities that a YAML
 * file grants it (cloudabi-run(1)). main() only parses the command line
 * into settings; run.c runs the stages.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "launcher.h"

#ifndef LAUNCHER_VERSION
#define LAUNCHER_VERSION "unknown"
#endif

enum {
  OPT_HELP = 'h',
  OPT_VERSION = 256,
  OPT_CHECK,
  OPT_EXPLAIN,
  OPT_JSON,
  OPT_PROFILE,
  OPT_ARGV,
  OPT_ENV,
  OPT_STDIN,
  OPT_STDOUT,
  OPT_STDERR,
  OPT_WORKDIR,
  OPT_LIMIT_AS,
  OPT_LIMIT_CPU,
  OPT_LIMIT_NOFILE,
  OPT_LIMIT_NPROC,
  OPT_LIMIT_FSIZE,
  OPT_TIMEOUT,
  OPT_USER,
  OPT_ALLOW_DEGRADED,
  OPT_DEBUG_ABI,
};

static const struct option options[] = {
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {"check", no_argument, NULL, OPT_CHECK},
    {"explain", no_argument, NULL, OPT_EXPLAIN},
    {"json", no_argument, NULL, OPT_JSON},
    {"profile", required_argument, NULL, OPT_PROFILE},
    {"argv", required_argument, NULL, OPT_ARGV},
    {"env", required_argument, NULL, OPT_ENV},
    {"stdin", required_argument, NULL, OPT_STDIN},
    {"stdout", required_argument, NULL, OPT_STDOUT},
    {"stderr", required_argument, NULL, OPT_STDERR},
    {"workdir", required_argument, NULL, OPT_WORKDIR},
    {"limit-as", required_argument, NULL, OPT_LIMIT_AS},
    {"limit-cpu", required_argument, NULL, OPT_LIMIT_CPU},
    {"limit-nofile", required_argument, NULL, OPT_LIMIT_NOFILE},
    {"limit-nproc", required_argument, NULL, OPT_LIMIT_NPROC},
    {"limit-fsize", required_argument, NULL, OPT_LIMIT_FSIZE},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"user", required_argument, NULL, OPT_USER},
    {"allow-degraded", no_argument, NULL, OPT_ALLOW_DEGRADED},
    {"debug-landlock-abi", required_argument, NULL, OPT_DEBUG_ABI},
    {NULL, 0, NULL, 0},
};

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "cloudabi-run: fatal: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\ncloudabi-run: hint: see cloudabi-run --help\n");
  return LAUNCHER_EXIT_USAGE;
}

/* Append s to a NULL-terminated array of strings (the strings are argv's). */
static int push(const char ***list, const char *s) {
  size_t n = 0;
  if (*list != NULL)
    while ((*list)[n] != NULL)
      ++n;
  const char **grown = realloc(*list, (n + 2) * sizeof(*grown));
  if (grown == NULL)
    return -ENOMEM;
  grown[n] = s;
  grown[n + 1] = NULL;
  *list = grown;
  return 0;
}

static int parse_count(const char *text, uint64_t *out) {
  char *end;
  if (text[0] < '0' || text[0] > '9')
    return -EINVAL;
  errno = 0;
  unsigned long long v = strtoull(text, &end, 10);
  if (errno != 0 || *end != '\0')
    return -EINVAL;
  *out = v;
  return 0;
}

static int set_stream(struct config_settings *s, int which, const char *v) {
  if (strcmp(v, "null") == 0)
    s->streams[which] = CONFIG_STREAM_NULL;
  else if (strcmp(v, "inherit") == 0)
    s->streams[which] = CONFIG_STREAM_INHERIT;
  else
    return -EINVAL;
  s->streams_set[which] = true;
  return 0;
}

static int set_limit(struct config_limit *lim, int opt, const char *v) {
  int r;
  if (opt == OPT_LIMIT_AS || opt == OPT_LIMIT_FSIZE)
    r = config_parse_size(v, &lim->value);
  else if (opt == OPT_TIMEOUT)
    r = config_parse_duration_ms(v, &lim->value);
  else
    r = parse_count(v, &lim->value);
  lim->set = r == 0;
  return r;
}

/* Parse one option into l; returns 0, or an exit status. */
static int parse_option(struct launcher *l, int opt, const char *arg,
                        bool *check) {
  struct config_settings *s = &l->cli;
  const char *name = NULL;
  for (const struct option *o = options; o->name != NULL; ++o)
    if (o->val == opt)
      name = o->name;
  switch (opt) {
  case OPT_HELP:
    fputs(launcher_usage, stdout);
    exit(0);
  case OPT_VERSION:
    printf("cloudabi-run %s\n", LAUNCHER_VERSION);
    exit(0);
  case OPT_CHECK:
    *check = true;
    return 0;
  case OPT_EXPLAIN:
    l->explain = true;
    return 0;
  case OPT_JSON:
    l->json = true;
    return 0;
  case OPT_PROFILE:
    if (strcmp(arg, "strict") == 0)
      s->profile = CONFIG_PROFILE_STRICT;
    else if (strcmp(arg, "compat") == 0)
      s->profile = CONFIG_PROFILE_COMPAT;
    else
      return usage_error("--profile must be strict or compat, not \"%s\"",
                         arg);
    return 0;
  case OPT_ARGV:
    return push(&s->argv, arg) == 0 ? 0 : LAUNCHER_EXIT_SYSTEM;
  case OPT_ENV:
    if (strchr(arg, '=') == NULL || arg[0] == '=')
      return usage_error("--env needs NAME=VALUE, not \"%s\"", arg);
    return push(&s->env, arg) == 0 ? 0 : LAUNCHER_EXIT_SYSTEM;
  case OPT_STDIN:
  case OPT_STDOUT:
  case OPT_STDERR:
    if (set_stream(s, opt - OPT_STDIN, arg) != 0)
      return usage_error("standard streams are null or inherit, not \"%s\"",
                         arg);
    return 0;
  case OPT_WORKDIR:
    s->workdir = arg;
    return 0;
  case OPT_LIMIT_AS:
  case OPT_LIMIT_FSIZE:
  case OPT_LIMIT_CPU:
  case OPT_LIMIT_NOFILE:
  case OPT_LIMIT_NPROC:
  case OPT_TIMEOUT: {
    struct config_limit *lim =
        opt == OPT_LIMIT_AS       ? &s->limit_as
        : opt == OPT_LIMIT_FSIZE  ? &s->limit_fsize
        : opt == OPT_LIMIT_CPU    ? &s->limit_cpu
        : opt == OPT_LIMIT_NOFILE ? &s->limit_nofile
        : opt == OPT_LIMIT_NPROC  ? &s->limit_nproc
                                  : &s->timeout_ms;
    if (set_limit(lim, opt, arg) == 0 && opt == OPT_LIMIT_AS &&
        lim->value < LAUNCHER_LIMIT_AS_MIN) {
      fprintf(stderr,
              "cloudabi-run: fatal: --limit-as=%s is below the minimum of "
              "16M: the program could not even start\n",
              arg);
      fprintf(stderr, "cloudabi-run: hint: give --limit-as=16M or more\n");
      return LAUNCHER_EXIT_USAGE;
    }
    if (!lim->set) {
      fprintf(stderr, "cloudabi-run: fatal: --%s: invalid value \"%s\"\n",
              name, arg);
      fprintf(stderr, "cloudabi-run: hint: %s\n",
              opt == OPT_LIMIT_AS || opt == OPT_LIMIT_FSIZE
                  ? "a size is a number with an optional K, M or G suffix"
              : opt == OPT_TIMEOUT
                  ? "a duration is a number of seconds, such as 2.5"
                  : "give a non-negative integer");
      return LAUNCHER_EXIT_USAGE;
    }
    return 0;
  }
  case OPT_USER:
    s->user = arg;
    return 0;
  case OPT_ALLOW_DEGRADED:
    s->allow_degraded = true;
    return 0;
  case OPT_DEBUG_ABI: {
    uint64_t v;
    if (parse_count(arg, &v) != 0 || v > 1000)
      return usage_error("--debug-landlock-abi needs a number, not \"%s\"",
                         arg);
    l->debug_abi = (int)v;
    return 0;
  }
  default:
    fputs(launcher_usage, stderr);
    return LAUNCHER_EXIT_USAGE;
  }
}

int main(int argc, char **argv) {
  struct launcher l;
  bool check = false;
  int opt, status;

  launcher_init(&l);
  /* Descriptors 0-2 are always open, so that nothing the launcher opens
   * takes their numbers (and "inherit" of a closed one gives /dev/null). */
  for (int fd = 0; fd < 3; ++fd)
    if (fcntl(fd, F_GETFD) < 0) {
      if (open("/dev/null", O_RDWR) != fd)
        return LAUNCHER_EXIT_SYSTEM;
      l.std_opened[fd] = true;
    }
  opterr = 0;
  while ((opt = getopt_long(argc, argv, "+h", options, NULL)) != -1) {
    if (opt == '?') {
      const char *bad = argv[optind - 1];
      if (optopt == 0)
        return usage_error("unknown option %s", bad);
      if (optopt >= 256)
        return usage_error("option %s takes exactly one value", bad);
      return usage_error("unknown option -%s", (char[]){(char)optopt, 0});
    }
    if ((status = parse_option(&l, opt, optarg, &check)) != 0)
      return status;
  }
  if (l.json && !check && !l.explain)
    return usage_error("%s", "--json needs --check or --explain (it selects "
                             "their output format)");
  if (check) {
    if (optind != argc)
      return usage_error("--check takes no operands (got \"%s\")",
                         argv[optind]);
    return launcher_check(&l);
  }
  if (optind == argc)
    return usage_error("%s", "missing EXECUTABLE");
  if (argc - optind > 2)
    return usage_error("unexpected operand \"%s\"", argv[optind + 2]);
  l.executable = argv[optind];
  l.config_path = optind + 1 < argc ? argv[optind + 1] : NULL;
  return launcher_run(&l);
}
