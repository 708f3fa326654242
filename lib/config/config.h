/*
 * The configuration loader: turns a cloudabi-run YAML file into
 *   - the program's argdata tree, with every resource replaced by the fd
 *     number the program will hold (4, 5, ... in order of first appearance),
 *   - the list of resources the launcher must open to honour those numbers,
 *   - the launcher settings of an optional second document tagged !launcher.
 *
 * It parses only; it opens, creates and connects nothing. The launcher
 * (tools/cloudabi-run) and `argdata encode` (tools/argdata) share it, so
 * there is one YAML dialect. The accepted language is specified in
 * cloudabi-run(1), section YAML TAGS, and in full (every key, bound and
 * error message) in doc/config-reference.md.
 *
 * Error contract: functions return 0 or a negative errno value; a load
 * error fills struct config_error with a position and one-line message and
 * returns -EINVAL (bad configuration), -EFBIG (larger than max_size),
 * -ENOMEM or -EIO (reading failed). Nothing here prints.
 */
#ifndef CONFIG_H
#define CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <argdata.h>

/* The first descriptor number handed to a program (process contract). */
#define CONFIG_FIRST_FD 4

/* The default and the documented upper bound of a configuration's size. */
#define CONFIG_MAX_SIZE_DEFAULT (1024 * 1024)

/*
 * Bounds that keep a hostile or mistaken configuration from exhausting the
 * launcher (each is a configuration error, -EINVAL, when exceeded):
 *   CONFIG_MAX_DEPTH      nesting of sequences and mappings, counting what
 *                         aliases expand to (the root collection is level 1);
 *   CONFIG_MAX_EXPANSION  size of a document with every alias expanded, in
 *                         units of one node or one byte of scalar text
 *                         ("billion laughs"); the bound actually used is
 *                         max(CONFIG_MAX_EXPANSION, 4 * max_size), so a
 *                         document without aliases never reaches it;
 *   CONFIG_MAX_RESOURCES  distinct descriptors handed to the program.
 */
#define CONFIG_MAX_DEPTH 64
#define CONFIG_MAX_EXPANSION (4 * 1024 * 1024)
#define CONFIG_MAX_RESOURCES 4096

/* A place in the configuration. line and column are 1-based; 0 = unknown. */
struct config_pos {
  const char *file; /* the name given to config_load; borrowed */
  unsigned line;
  unsigned column;
};

struct config_error {
  struct config_pos pos;
  char message[256]; /* what is wrong, one line, no trailing newline */
  char hint[256];    /* what to do, one line, or "" */
};

enum config_resource_kind {
  CONFIG_RESOURCE_FD,         /* !fd stdin|stdout|stderr|N */
  CONFIG_RESOURCE_FILE,       /* !file {path, rights, create, ...} */
  CONFIG_RESOURCE_EXECUTABLE, /* !executable */
  CONFIG_RESOURCE_SOCKET,     /* !socket {type, bind|connect} */
};

enum config_socket_type {
  CONFIG_SOCKET_STREAM,
  CONFIG_SOCKET_DGRAM,
  CONFIG_SOCKET_SEQPACKET,
};

/* One descriptor the program will hold. Strings are owned by the config. */
struct config_resource {
  enum config_resource_kind kind;
  struct config_pos pos; /* where the tag stands */
  int number;            /* the fd number in the program (>= 4) */

  /* CONFIG_RESOURCE_FD: the launcher's descriptor (stdin = 0, ...). */
  int host_fd;

  /* CONFIG_RESOURCE_FILE. */
  const char *path;   /* as written; relative to the working directory */
  uint64_t rights;    /* CLOUDABI_RIGHT_* bits (lib/rights) */
  bool create;        /* create if missing */
  bool truncate;      /* truncate on open (the load checks FD_WRITE) */
  unsigned mode;      /* permission bits for create (default 0600) */

  /* CONFIG_RESOURCE_SOCKET. */
  enum config_socket_type socket_type;
  bool bind;           /* true: bind + listen; false: connect */
  const char *address; /* "host:port", "[v6]:port" or "/unix/path" */
};

enum config_stream {
  CONFIG_STREAM_NULL = 0, /* /dev/null (the default) */
  CONFIG_STREAM_INHERIT,  /* the launcher's own descriptor */
};

enum config_profile {
  CONFIG_PROFILE_DEFAULT = 0, /* strict, unless the launcher decides */
  CONFIG_PROFILE_STRICT,
  CONFIG_PROFILE_COMPAT,
};

/* A limit that is set or not. */
struct config_limit {
  bool set;
  uint64_t value;
};

/*
 * Launcher settings. Each field is "unset" when zero/NULL/false, so that
 * command-line options and the !launcher document can be merged (the
 * command line wins). None of this reaches the program's argdata.
 */
struct config_settings {
  const char **argv;   /* NULL-terminated, or NULL: [basename(executable)] */
  const char **env;    /* NULL-terminated "NAME=value", or NULL: empty */
  enum config_stream streams[3]; /* stdin, stdout, stderr */
  bool streams_set[3];
  const char *workdir; /* chdir before opening resources, or NULL */
  enum config_profile profile;
  struct config_limit limit_as;      /* address space, bytes */
  struct config_limit limit_cpu;     /* CPU time, seconds */
  struct config_limit limit_nofile;  /* open descriptors */
  struct config_limit limit_nproc;   /* processes */
  struct config_limit limit_fsize;   /* file size, bytes */
  struct config_limit timeout_ms;    /* wall clock, milliseconds */
  const char *user;    /* user name or uid to switch to (root only) */
  bool allow_degraded; /* run on a kernel below the required Landlock ABI */
};

struct config {
  argdata_t *root; /* the program's argdata; owned by the config */
  struct config_resource *resources; /* in order of fd number */
  size_t n_resources;
  struct config_settings settings; /* from the !launcher document */
  /* private: the arena that owns everything above */
  void *arena_;
};

struct config_load_options {
  const char *file_name; /* for messages; "<stdin>" for standard input */
  bool from_stdin;       /* the YAML is read from fd 0: !fd stdin refused */
  size_t max_size;       /* 0 = CONFIG_MAX_SIZE_DEFAULT */
};

/*
 * Parse the YAML text in buf[0..len). On success *out holds a new config
 * (free it with config_free). On failure *out is NULL and err is filled.
 * Errors: -EINVAL (bad configuration: err says where and why), -EFBIG,
 * -ENOMEM.
 */
int config_load_buffer(struct config **out, const char *buf, size_t len,
                       const struct config_load_options *opts,
                       struct config_error *err);

/* Read all of fp (at most max_size bytes) and call config_load_buffer.
 * Also: -EIO when reading fails (err->message says why). */
int config_load_file(struct config **out, FILE *fp,
                     const struct config_load_options *opts,
                     struct config_error *err);

/* Free a config and everything it owns. NULL is ignored. */
void config_free(struct config *cfg);

/*
 * Parse a list of right names and group names (read, write, create, delete,
 * rename, exec, append, or a CloudABI right name such as FILE_OPEN, with or
 * without the CLOUDABI_RIGHT_ prefix, case-insensitive) into a rights set.
 * name is one name, or several separated by commas and/or blanks
 * ("read,write"). On success *rights is SET (not or-ed) to the union of the
 * named rights and 0 is returned; -EINVAL for an unknown or empty name
 * (*rights untouched).
 */
int config_right_from_name(const char *name, uint64_t *rights);

/*
 * Parse a size with an optional binary suffix: "4096", "64K", "512M", "2G"
 * (K = 1024). Returns 0, or -EINVAL (not a size) / -ERANGE (overflow).
 * Used for the !launcher document and the launcher's options alike.
 */
int config_parse_size(const char *text, uint64_t *bytes);

/*
 * Parse a duration in seconds, with up to three decimals: "10", "0.5".
 * Returns 0 and milliseconds, or -EINVAL / -ERANGE.
 */
int config_parse_duration_ms(const char *text, uint64_t *ms);

#endif
