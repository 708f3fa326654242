/*
 * The subcommands of the `argdata` tool. Each takes the arguments after its
 * name (argv[0] is the subcommand name) and returns the process exit status:
 * 0 success, 100 usage error, 101 bad input (argdata or YAML), 111 system
 * error (I/O, memory).
 */
#ifndef TOOLS_ARGDATA_COMMANDS_H
#define TOOLS_ARGDATA_COMMANDS_H

#define ARGDATA_EXIT_USAGE 100
#define ARGDATA_EXIT_BAD_INPUT 101
#define ARGDATA_EXIT_SYSTEM 111

/* argdata print [--stream] [FILE]: binary argdata -> YAML on stdout. */
int argdata_cmd_print(int argc, char **argv);

/* argdata encode [FILE]: cloudabi-run YAML -> binary argdata on stdout
 * (lib/config; resources become the numbers the launcher would give). */
int argdata_cmd_encode(int argc, char **argv);

#endif
