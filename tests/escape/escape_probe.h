/*
 * escape_probe: internal interface between the probe's files.
 *
 * The probe is started by cloudabi-run with its argdata at fd 3. It reads
 * `attack: NAME` and the granted descriptors, runs exactly one attack
 * (escape_table.h) and prints one line to the granted `out` descriptor:
 *
 *   result: OK              the operation succeeded
 *   result: errno=EACCES    the operation failed with that errno
 *   result: WORD            an attack-specific verdict (EXECUTED, CAPS=...)
 *
 * A signal death (SIGSYS, SIGXFSZ, ...) is seen by the runner in the exit
 * status. Attack functions return 0 (success), a positive errno value, or
 * PROBE_CUSTOM after writing their verdict with probe_custom().
 */
#ifndef ESCAPE_PROBE_H
#define ESCAPE_PROBE_H

#include <stddef.h>
#include <stdint.h>

#define PROBE_CUSTOM (-1)

/* What the launcher handed in (-1 / NULL / 0 when absent). */
struct probe_ctx {
  int out;        /* `out: !fd stdout` */
  int ro;         /* FIXTURE/ro, rights [read] */
  int rw;         /* FIXTURE/rw, rights [read write create delete rename] */
  int rw2;        /* FIXTURE/rw2, same rights as rw */
  int bin;        /* FIXTURE/bin, rights [read exec] */
  int rofile;     /* FIXTURE/ro/file.txt, rights [read] */
  int rwfile;     /* FIXTURE/rw/w.txt, rights [read write] */
  int exe;        /* !executable */
  int tcp_listen; /* !socket {type: stream, bind: 127.0.0.1:P} */
  int tcp_conn;   /* !socket {type: stream, connect: the runner's server} */
  int udp_conn;   /* !socket {type: dgram, connect: the runner's server} */
  int tty;        /* !fd N: the slave side of a pty made by the runner */
  int rotimes;    /* FIXTURE/ro/times.txt, rights [read] */
  int single;     /* FIXTURE/outside/single.txt, rights [read] (a file grant) */
  int single_exe; /* FIXTURE/outside/prog, rights [read, exec] (a file grant) */
  int wonly;      /* FIXTURE/wonly, rights [write, create] (no read: O_PATH) */
  int app;        /* FIXTURE/rw/app.log, rights [append] */
  int out2;       /* `out2: !fd stdout`: a second copy of the launcher's fd 1 */
  int udp_bound;  /* !socket {type: dgram, bind: 127.0.0.1:0} (no peer) */
  const char *fixture; /* absolute path of the fixture directory */
  const char *abstract_name; /* abstract unix socket of the runner */
  long victim;    /* pid of an unrelated process (same process group) */
  int tcp_port;   /* the runner's TCP server on 127.0.0.1 */
  int udp_port;   /* the runner's UDP server on 127.0.0.1 */
  const char *name; /* the attack being run */
};

extern struct probe_ctx probe;

/* FIXTURE "/" rel, in one of 8 rotating static buffers. */
const char *fx(const char *rel);

/* Set the verdict of an attack that returns PROBE_CUSTOM. */
void probe_custom(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* errno of a raw syscall: 0 when it returned >= 0. */
#define SC(...) (syscall(__VA_ARGS__) < 0 ? errno : 0)
/* Cast to the type the raw syscall() varargs expect. */
#define L(x) ((long)(x))

/* The program run by the exec attacks: a copy of the probe itself, which
 * prints `result: EXECUTED` on the descriptor named in argv[2]. */
char **probe_marker_argv(const char *argv0);

/* openat(dfd, path, flags, 0600) as a raw syscall; closes what it opened.
 * Returns 0 or the errno. */
int try_open(long dfd, const char *path, int flags);

/* Same, but keeps the descriptor: returns it, or -errno. */
int open_keep(long dfd, const char *path, int flags);

/* fcntl(fd, cmd, whole-file lock of type) as a raw syscall: 0 or errno. */
int lock_cmd(int fd, int cmd, int type);

#include "escape_table.h"

#define X(n, strict, compat, ctl, needs, desc) int a_##n(void);
ESCAPE_ATTACKS(X)
ESCAPE_CONTROLS(X)
ESCAPE_LEAKS(X)
#undef X

#endif
