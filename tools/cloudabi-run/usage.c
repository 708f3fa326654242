/* The usage text; doc/man/cloudabi-run.1's SYNOPSIS says the same. */
#include "launcher.h"

const char launcher_usage[] =
    "usage: cloudabi-run [options] EXECUTABLE [CONFIG]\n"
    "       cloudabi-run --explain [--json] [options] EXECUTABLE [CONFIG]\n"
    "       cloudabi-run --check [--json] [--debug-landlock-abi=N]\n"
    "       cloudabi-run -h | --help | --version\n"
    "options:\n"
    "  --profile=strict|compat    seccomp profile (default: strict for a\n"
    "                             static executable, compat otherwise)\n"
    "  --argv=ARG                 repeatable: the program's argv, argv[0] first\n"
    "  --env=NAME=VALUE           repeatable: the program's environment\n"
    "  --stdin=null|inherit       also --stdout, --stderr (default null)\n"
    "  --workdir=DIR              chdir before opening resources\n"
    "  --limit-as=SIZE            also --limit-cpu=SECONDS, --limit-nofile=N,\n"
    "                             --limit-nproc=N, --limit-fsize=SIZE\n"
    "  --timeout=SECONDS          kill the program after this wall-clock time\n"
    "  --user=NAME|UID            run as this user (when started as root)\n"
    "  --allow-degraded           run below Landlock ABI 6, with a WARNING\n"
    "  --debug-landlock-abi=N     testing only: lower the probed Landlock ABI\n"
    "CONFIG is a YAML file; without it (or with -) the YAML is read from\n"
    "standard input. See cloudabi-run(1).\n";
