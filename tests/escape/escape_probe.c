/*
 * escape_probe: performs exactly one escape attempt inside the sandbox.
 *
 *   cloudabi-run [--profile=P] escape_probe CONFIG   (argdata at fd 3)
 *   escape_probe list                                print the attack table
 *   escape_probe exec-marker FD                      what the exec attacks run
 *   escape_probe euid-marker FD                      prints its effective uid
 *
 * The argdata map holds `attack: NAME`, `fixture: PATH`, `victim: PID`,
 * `tcp_port`, `udp_port`, `abstract` and the granted descriptors (see
 * struct probe_ctx). The verdict is one line on `out`:
 * "result: OK", "result: errno=NAME" or "result: WORD".
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <argdata.h>

#include "escape_probe.h"
#include "ad_common.h"

struct probe_ctx probe = {
    .out = -1, .ro = -1, .rw = -1, .rw2 = -1, .bin = -1, .rofile = -1,
    .rwfile = -1, .exe = -1, .tcp_listen = -1, .tcp_conn = -1,
    .udp_conn = -1, .tty = -1, .rotimes = -1, .single = -1, .single_exe = -1, .wonly = -1, .app = -1,
    .out2 = -1, .udp_bound = -1, .fixture = "", .abstract_name = "",
    .victim = 0, .tcp_port = 0, .udp_port = 0, .name = "",
};

enum kind { KIND_ATTACK, KIND_CONTROL, KIND_LEAK };

struct entry {
  const char *name;
  int (*fn)(void);
  const char *strict, *compat, *control, *needs, *desc;
  enum kind kind;
};

static const struct entry table[] = {
#define X(n, s, c, ctl, needs, desc) {#n, a_##n, s, c, #ctl, needs, desc, KIND_ATTACK},
    ESCAPE_ATTACKS(X)
#undef X
#define X(n, s, c, ctl, needs, desc) {#n, a_##n, s, c, #ctl, needs, desc, KIND_CONTROL},
    ESCAPE_CONTROLS(X)
#undef X
#define X(n, s, c, ctl, needs, desc) {#n, a_##n, s, c, #ctl, needs, desc, KIND_LEAK},
    ESCAPE_LEAKS(X)
#undef X
};

static char custom[256];

void probe_custom(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(custom, sizeof(custom), fmt, ap);
  va_end(ap);
}

const char *fx(const char *rel) {
  static char bufs[8][PATH_MAX];
  static unsigned next;
  char *b = bufs[next++ % 8];
  snprintf(b, PATH_MAX, "%s/%s", probe.fixture, rel);
  return b;
}

/*
 * The glibc dynamic build of the probe runs only under --profile=compat,
 * with EXECUTE on the dynamic loader (the launcher grants it for a dynamic
 * program). Where that changes the outcome, the expectation is here.
 */
static const struct {
  const char *name, *compat, *why;
} dynamic_overrides[] = {
    {"ldso_trick", "EXECUTED",
     "dynamic probe: ld.so has EXECUTE, so it runs any ELF it can read; no "
     "new authority (DESIGN.md section 5: the sandbox survives exec)"},
};

static void print_list(void) {
  static const char *kinds[] = {"attack", "control", "leak"};
  for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); ++i) {
    const struct entry *e = &table[i];
    const char *compat = e->compat, *desc = e->desc;
    char buf[1024];
#ifdef __GLIBC__
    for (size_t j = 0; j < sizeof(dynamic_overrides) /
                               sizeof(dynamic_overrides[0]); ++j)
      if (strcmp(dynamic_overrides[j].name, e->name) == 0) {
        compat = dynamic_overrides[j].compat;
        snprintf(buf, sizeof(buf), "%s; %s", e->desc, dynamic_overrides[j].why);
        desc = buf;
      }
#else
    (void)dynamic_overrides;
    (void)buf;
#endif
    printf("%s|%s|%s|%s|%s|%s|%s\n", e->name, kinds[e->kind], e->strict,
           compat, e->control, e->needs, desc);
  }
}

static int convert_fd(void *arg, size_t fd) {
  (void)arg;
  return fd <= INT_MAX ? (int)fd : -1;
}

__attribute__((noreturn)) static void die(const char *what) {
  char line[256];
  int n = snprintf(line, sizeof(line), "result: PROBE-ERROR %s\n", what);
  if (probe.out >= 0)
    (void)!write(probe.out, line, (size_t)n);
  (void)!write(2, line, (size_t)n);
  _exit(70);
}

static void read_args(void) {
  struct stat st;
  if (fstat(3, &st) != 0 || st.st_size <= 0)
    die("no argdata at fd 3");
  void *buf = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, 3, 0);
  if (buf == MAP_FAILED)
    die("cannot map fd 3");
  argdata_t *ad = argdata_from_buffer(buf, (size_t)st.st_size, convert_fd,
                                      NULL);
  if (ad == NULL)
    die("argdata_from_buffer");
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &k, &v);
       argdata_map_next(&it)) {
    const char *key;
    if (argdata_get_str_c(k, &key) != 0)
      continue;
    static const struct {
      const char *key;
      int *fd;
    } fds[] = {
        {"out", &probe.out},         {"ro", &probe.ro},
        {"rw", &probe.rw},           {"rw2", &probe.rw2},
        {"bin", &probe.bin},         {"rofile", &probe.rofile},
        {"rwfile", &probe.rwfile},   {"exe", &probe.exe},
        {"tcp_listen", &probe.tcp_listen}, {"tcp_conn", &probe.tcp_conn},
        {"udp_conn", &probe.udp_conn}, {"tty", &probe.tty},
        {"rotimes", &probe.rotimes}, {"single", &probe.single},
        {"single_exe", &probe.single_exe}, {"wonly", &probe.wonly},
        {"app", &probe.app},         {"out2", &probe.out2},
        {"udp_bound", &probe.udp_bound},
    };
    for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); ++i)
      if (strcmp(key, fds[i].key) == 0)
        (void)argdata_get_fd(v, fds[i].fd);
    intmax_t n;
    if (strcmp(key, "attack") == 0)
      (void)argdata_get_str_c(v, &probe.name);
    else if (strcmp(key, "fixture") == 0)
      (void)argdata_get_str_c(v, &probe.fixture);
    else if (strcmp(key, "abstract") == 0)
      (void)argdata_get_str_c(v, &probe.abstract_name);
    else if (strcmp(key, "victim") == 0 &&
             argdata_get_int_s(v, &n, 0, INT_MAX) == 0)
      probe.victim = (long)n;
    else if (strcmp(key, "tcp_port") == 0 &&
             argdata_get_int_s(v, &n, 0, 65535) == 0)
      probe.tcp_port = (int)n;
    else if (strcmp(key, "udp_port") == 0 &&
             argdata_get_int_s(v, &n, 0, 65535) == 0)
      probe.udp_port = (int)n;
  }
  /* ad and buf stay alive: the strings point into them. */
  if (probe.out < 0)
    die("no `out` descriptor");
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "list") == 0) {
    print_list();
    return 0;
  }
  if (argc >= 3 && strcmp(argv[1], "exec-marker") == 0) {
    static const char line[] = "result: EXECUTED\n";
    (void)!write(atoi(argv[2]), line, sizeof(line) - 1);
    return 0;
  }
  if (argc >= 3 && strcmp(argv[1], "euid-marker") == 0) {
    char line[64];
    int len = snprintf(line, sizeof(line), "result: EUID=%d\n", (int)geteuid());
    (void)!write(atoi(argv[2]), line, (size_t)len);
    return 0;
  }
  read_args();
  for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); ++i) {
    if (strcmp(table[i].name, probe.name) != 0)
      continue;
    errno = 0;
    int r = table[i].fn();
    char line[384];
    int n;
    if (r == PROBE_CUSTOM)
      n = snprintf(line, sizeof(line), "result: %s\n", custom);
    else if (r == 0)
      n = snprintf(line, sizeof(line), "result: OK\n");
    else
      n = snprintf(line, sizeof(line), "result: errno=%s\n", ad_errno_name(r));
    (void)!write(probe.out, line, (size_t)n);
    return 0;
  }
  die("unknown attack");
}
