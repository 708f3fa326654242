/*
 * cloudabi-run internals: the launcher state and its stages.
 *
 * The launcher is a flat, ordered list of stages (run.c). Each stage lives in
 * its own file, takes the one struct launcher (no globals), and returns 0 or
 * a negative errno value. A failing stage records what went wrong with
 * launcher_fail() (message, optional hint, config position, exit status);
 * run.c then undoes what earlier stages did (launcher_cleanup: created files
 * removed, descriptors closed, cgroup removed), prints the message once and
 * exits with the documented status:
 *
 *   config_load      read the YAML, merge settings (command line wins),
 *                    capture the launcher descriptors named by !fd
 *   sandbox_probe    probe Landlock/seccomp once; refuse early (103)
 *   executable_open  open the program (127/126), ELF closure, #! scripts
 *   resources_open   chdir(workdir), open/create files, sockets, !fd, ...
 *   argdata_build    serialise the argdata into a sealed memfd
 *   limits           check the limits; a cgroup for the program (pids
 *                    limit as root, or any supervised run when possible)
 *   supervise        fork when a timeout or a cgroup needs a parent
 *   fds_arrange      move everything to its final number, close the rest
 *   limits_apply     setrlimit in the process that will exec
 *   janitor          a detached helper that removes created files if
 *                    enforce or exec fail (unsupervised runs only)
 *   enforce          sandbox_apply (privileges, Landlock, seccomp)
 *   exec             execveat(exec_fd, "", argv, envp, AT_EMPTY_PATH)
 *
 * From fds_arrange on, messages are written with write(2) only, to a
 * close-on-exec copy of the launcher's standard error.
 */
#ifndef CLOUDABI_RUN_LAUNCHER_H
#define CLOUDABI_RUN_LAUNCHER_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "lib/config/config.h"
#include "lib/elf/elf.h"
#include "lib/sandbox/sandbox.h"

/* The Landlock access bits the launcher itself names (the rest comes from
 * sandbox_landlock_access); defined here so that no kernel header is
 * needed (the launcher also builds with musl). */
#define LAUNCHER_LL_EXECUTE (UINT64_C(1) << 0)
#define LAUNCHER_LL_READ_FILE (UINT64_C(1) << 2)

/* The smallest --limit-as (limits: {as: ...}) accepted: below it even a
 * small dynamic program cannot start (the limit is set before exec, and a
 * program that cannot map itself dies after the point of no return). */
#define LAUNCHER_LIMIT_AS_MIN (UINT64_C(16) << 20)

/* close_range(2) through syscall(2): musl 1.2.3 has no wrapper. */
int launcher_close_range(unsigned first, unsigned last);

/* Exit statuses of the launcher itself (cloudabi-run(1), EXIT STATUS). */
enum {
  LAUNCHER_EXIT_USAGE = 100,
  LAUNCHER_EXIT_CONFIG = 101,
  LAUNCHER_EXIT_RESOURCE = 102,
  LAUNCHER_EXIT_ENFORCE = 103,
  LAUNCHER_EXIT_SYSTEM = 111,
  LAUNCHER_EXIT_TIMEOUT = 124,
  LAUNCHER_EXIT_NOEXEC = 126,
  LAUNCHER_EXIT_NOTFOUND = 127,
};

/* What the launcher holds for one resource of the configuration. */
struct launcher_resource {
  int fd;            /* the launcher's descriptor, -1 when not open */
  bool is_dir;       /* a directory (Landlock rule with directory rights) */
  bool created;      /* the launcher created created_path */
  char *created_path; /* owned; removed again if a later stage fails */
};

struct launcher_error {
  int status;              /* exit status; 0 = no error recorded */
  struct config_pos pos;   /* file:line:col, or line 0 for none */
  char message[512];
  char hint[512];
};

struct launcher {
  /* Command line (main.c). */
  const char *executable;  /* EXECUTABLE as given */
  const char *config_path; /* CONFIG, or NULL/"-" for standard input */
  struct config_settings cli; /* settings given on the command line */
  bool explain, json;
  int debug_abi;           /* --debug-landlock-abi, or -1 */
  bool std_opened[3];      /* main opened /dev/null as this descriptor
                              (it was closed): never a !fd of the caller's */

  /* config_load */
  struct config *cfg;
  struct config_settings settings; /* merged: command line over !launcher */
  const char *config_name;         /* file name used in messages */
  struct launcher_resource *res;   /* cfg->n_resources entries */
  uid_t uid;                       /* --user, or (uid_t)-1 */
  gid_t gid;

  /* sandbox_probe */
  struct sandbox_kernel kernel;

  /* executable_open */
  int exec_fd;             /* what execveat runs (the interpreter of a script) */
  bool exec_unreadable;    /* execute-only: exec_fd is O_PATH, uninspected */
  int program_fd;          /* the program itself (the script of a script), or -1
                              when it is exec_fd; source of !executable */
  char *exec_path;         /* absolute path of exec_fd's file (messages, explain) */
  char *script_path;       /* absolute path of the script, or NULL */
  char *script_interp;     /* #! interpreter path, as written */
  char *script_arg;        /* #! optional argument, or NULL */
  struct elf_closure closure; /* of exec_fd */
  bool have_closure;
  enum sandbox_profile profile;
  char **exec_argv;        /* owned array (strings borrowed) */
  char **exec_envp;        /* owned array (strings borrowed) */

  /* argdata_build */
  int memfd;
  size_t argdata_size;

  /* resources_open */
  bool nofile_raised;      /* the soft RLIMIT_NOFILE was raised for the
                              launcher; limits_apply restores it */
  uint64_t nofile_soft;    /* the original soft limit */

  /* limits */
  char *cgroup_dir;        /* owned; created by the launcher, or NULL */
  int cgroup_procs_fd;     /* its cgroup.procs, open for writing, or -1 */
  bool nproc_rlimit;       /* RLIMIT_NPROC is meaningful (not uid 0) */
  bool signals_held;       /* SIGINT/SIGTERM/SIGHUP blocked since before the
                              cgroup was made (supervise takes them over) */
  sigset_t signals_saved;  /* the mask before that */

  /* supervise */
  bool supervised;         /* this is the child of a supervising launcher */
  int status_fd;           /* child: pipe to the parent, or -1 */

  /* janitor */
  int janitor_fd;          /* write one byte: remove the created files */
  int janitor_ack_fd;      /* its answer */

  /* fds_arrange */
  int msg_fd;              /* where messages go (copy of stderr), or -1 */
  int null_fd;             /* /dev/null while arranging, or -1 */
  int last_fd;             /* highest capability number (>= 3) */
  bool late;               /* fds_arrange is done: failures end in _exit */

  struct launcher_error err;
};

/* Set every field to its empty value (descriptors -1). */
void launcher_init(struct launcher *l);

/*
 * Record a failure: exit status, the config position (or NULL), and the
 * message (printf format). Returns -err (err > 0), so that a stage can write
 * `return launcher_fail(l, ...)`. The first failure recorded wins.
 */
__attribute__((format(printf, 5, 6))) int
launcher_fail(struct launcher *l, int status, const struct config_pos *pos,
              int err, const char *fmt, ...);

/* Add a hint line to the recorded failure (printf format). */
__attribute__((format(printf, 2, 3))) void
launcher_hint(struct launcher *l, const char *fmt, ...);

/* Print a warning line "cloudabi-run: WARNING: ..." with write(2). */
__attribute__((format(printf, 2, 3))) void
launcher_warn(const struct launcher *l, const char *fmt, ...);

/* Print the recorded failure: "cloudabi-run: fatal: ..." (+ hint), write(2). */
void launcher_report(const struct launcher *l);

/* Undo what the stages did: remove created files and the cgroup, close
 * every descriptor, free memory. Safe to call more than once. */
void launcher_cleanup(struct launcher *l);

/* Run the stages in order; returns only when the launcher must exit, with
 * the exit status (a failure has been reported). */
int launcher_run(struct launcher *l);

/* Merge the command-line settings over the !launcher document's. */
void launcher_settings_merge(struct config_settings *out,
                             const struct config_settings *cli,
                             const struct config_settings *doc);

/* Parse "host:port", "[v6]:port" or "/unix/path" for a socket of `type`
 * (SOCK_STREAM, ...). Returns 0 and fills *ss and *len, or -EINVAL (malformed),
 * -ENAMETOOLONG (unix path too long), -ENOENT (host not found). */
struct sockaddr_storage;
int launcher_socket_address(const char *address, int type,
                            struct sockaddr_storage *ss, unsigned *len);

/* Parse a "#!" line in buf[0..len): *interp and *arg (or NULL) receive
 * malloc'ed copies. Returns 0, -ENOEXEC (not a "#!" line or no
 * interpreter), -ENAMETOOLONG (line longer than 255 bytes), -ENOMEM. */
int launcher_shebang_parse(const char *buf, size_t len, char **interp,
                           char **arg);

/* Turn a setting's user (name or number) into uid and gid. Names come from
 * /etc/passwd (no NSS). Returns 0, -ENOENT (no such user), -EINVAL. */
int launcher_user_lookup(const char *user, uid_t *uid, gid_t *gid);

/* Landlock access bits as "READ_FILE|READ_DIR" into buf. */
void launcher_landlock_names(uint64_t access, char *buf, size_t size);

/* Pids cgroup helpers (cgroup.c). launcher_cgroup_own reads
 * /proc/self/cgroup's format from fp: the v2 path, or the v1 pids path.
 * Returns 0, or -ENOENT. */
int launcher_cgroup_own(FILE *fp, bool v2, char *out, size_t size);
int launcher_cgroup_create(struct launcher *l, uint64_t pids_max);
void launcher_cgroup_kill(const char *dir);
void launcher_cgroup_remove(struct launcher *l);

/* After a failure: have the janitor remove the created files, and wait. */
void launcher_janitor_call(struct launcher *l);

/* Lower RLIMIT_NOFILE to its final value right before exec (limits_apply
 * explains why it waits). */
int launcher_nofile_finish(struct launcher *l);

/* --check and --explain. Both return the exit status. */
int launcher_check(struct launcher *l);
int launcher_explain(struct launcher *l);

/* The stages, in order. */
int launcher_config_load(struct launcher *l);
int launcher_sandbox_probe(struct launcher *l);
int launcher_executable_open(struct launcher *l);
int launcher_resources_open(struct launcher *l);
int launcher_resource_file_open(struct launcher *l, size_t i);
int launcher_resource_socket_open(struct launcher *l, size_t i);
int launcher_argdata_build(struct launcher *l);
int launcher_limits(struct launcher *l);
int launcher_supervise(struct launcher *l);
int launcher_fds_arrange(struct launcher *l);
int launcher_limits_apply(struct launcher *l);
int launcher_janitor(struct launcher *l);
int launcher_enforce(struct launcher *l);
int launcher_exec(struct launcher *l);

/* The usage text (equal to the SYNOPSIS of cloudabi-run(1)). */
extern const char launcher_usage[];

#endif
