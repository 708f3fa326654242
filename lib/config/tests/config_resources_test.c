/* !fd, !file, !executable, !socket: fields, numbering and deduplication. */
#include "config_test_util.h"
#include "lib/rights/cloudabi_rights.h"

/* The fd number stored at key `key` of a root mapping, or -1. */
static int fd_at(const struct config *c, const char *key) {
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  for (argdata_map_iterate(c->root, &it); argdata_map_get(&it, &k, &v);
       argdata_map_next(&it)) {
    const char *s;
    if (argdata_get_str_c(k, &s) == 0 && strcmp(s, key) == 0) {
      size_t len;
      unsigned char buf[8];
      argdata_serialized_length(v, &len, NULL);
      if (len != 5)
        return -1;
      argdata_serialize(v, buf, NULL);
      return buf[0] == 0x03 ? (buf[1] << 24 | buf[2] << 16 | buf[3] << 8 |
                               buf[4])
                            : -1;
    }
  }
  return -1;
}

static void numbering(void) {
  struct config *c = load_ok("a: !file {path: /a}\n"
                             "b: !fd stdout\n"
                             "c: !fd stdout\n"
                             "d: !fd 1\n"
                             "e: !file {path: /a}\n"
                             "f: !fd stderr\n"
                             "g: !executable\n"
                             "h: !executable\n"
                             "i: !fd 2\n"
                             "j: !fd 9\n",
                             "numbering");
  if (c == NULL)
    return;
  static const char keys[] = "abcdefghij";
  static const int expected[] = {4, 5, 5, 5, 6, 7, 8, 8, 7, 9};
  for (int i = 0; i < 10; ++i) {
    char k[2] = {keys[i], '\0'};
    tap_eq_int(expected[i], fd_at(c, k), "%s: fd %d", k, expected[i]);
  }
  tap_eq_uint(6, c->n_resources, "six distinct resources");
  for (size_t i = 0; i < c->n_resources; ++i)
    tap_eq_int(CONFIG_FIRST_FD + (int)i, c->resources[i].number,
               "resource %zu numbered in order", i);
  tap_eq_int(CONFIG_RESOURCE_FILE, c->resources[2].kind,
             "the second /a is its own resource");
  tap_eq_int(9, c->resources[5].host_fd, "!fd 9: host fd 9");
  tap_eq_int(CONFIG_RESOURCE_EXECUTABLE, c->resources[4].kind,
             "!executable");
  tap_eq_uint(7, c->resources[4].pos.line, "first !executable's line");
  config_free(c);
}

static void key_before_value(void) {
  struct config *c = load_ok("? !fd stderr\n: !fd stdout\n",
                             "key before value");
  if (c == NULL)
    return;
  tap_eq_uint(2, c->n_resources, "two resources");
  tap_eq_int(2, c->resources[0].host_fd, "the key (stderr) is 4");
  tap_eq_int(1, c->resources[1].host_fd, "the value (stdout) is 5");
  config_free(c);
  c = load_ok("[[!fd 7, [!fd 8]], !fd 9, {x: !fd 10}]", "depth first");
  if (c == NULL)
    return;
  tap_eq_uint(4, c->n_resources, "four resources");
  for (int i = 0; i < 4 && (size_t)i < c->n_resources; ++i)
    tap_eq_int(7 + i, c->resources[i].host_fd, "resource %d is !fd %d", i,
               7 + i);
  config_free(c);
}

static void aliases(void) {
  struct config *c = load_ok("a: &x !file {path: /a}\nb: *x\n"
                             "c: &l [!socket {connect: /s}]\nd: *l\n"
                             "e: !file {path: /a}\n",
                             "aliases");
  if (c == NULL)
    return;
  tap_eq_uint(3, c->n_resources, "an alias is the same resource");
  tap_eq_int(4, fd_at(c, "a"), "a is 4");
  tap_eq_int(4, fd_at(c, "b"), "b (alias of a) is 4");
  tap_eq_int(6, fd_at(c, "e"), "e is 6");
  config_free(c);
  check_bytes("a: &x !fd stderr\nb: *x\n", "alias bytes", 0x06, 0x83, 0x08,
              'a', 0x00, 0x85, 0x03, 0, 0, 0, 4, 0x83, 0x08, 'b', 0x00, 0x85,
              0x03, 0, 0, 0, 4);
}

static void fd(void) {
  struct config *c = load_ok("[!fd stdin, !fd 0, !fd '3', !fd 2147483647]",
                             "!fd forms");
  if (c == NULL)
    return;
  tap_eq_uint(3, c->n_resources, "stdin and 0 are one");
  tap_eq_int(0, c->resources[0].host_fd, "stdin is 0");
  tap_eq_int(3, c->resources[1].host_fd, "quoted 3");
  tap_eq_int(2147483647, c->resources[2].host_fd, "INT_MAX");
  config_free(c);
  struct config_load_options o = {.file_name = "<stdin>", .from_stdin = true};
  const char *y = "out: !fd stdout\nin: !fd stdin\n";
  check_error_opts(y, strlen(y), &o, -EINVAL, 2, 5,
                   "!fd stdin cannot be used", "as a file",
                   "!fd stdin with YAML on stdin");
  y = "in: !fd 0\n";
  check_error_opts(y, strlen(y), &o, -EINVAL, 1, 5, "!fd 0 cannot be used",
                   NULL, "!fd 0 with YAML on stdin");
  check_error("x: !fd stdot\n", 1, 4, "!fd \"stdot\" is not stdin, stdout",
              "did you mean !fd stdout?", "!fd typo");
  check_error("x: !fd -1\n", 1, 4, "is not stdin", NULL, "!fd -1");
  check_error("x: !fd 2147483648\n", 1, 4, "is not stdin", NULL,
              "!fd above INT_MAX");
  check_error("x: !fd\n", 1, 4, "is not stdin", NULL, "!fd empty");
  check_error("x: !fd [1]\n", 1, 4, "!fd takes a scalar, not a sequence",
              NULL, "!fd on a seq");
}

static void file(void) {
  struct config *c = load_ok(
      "- !file {path: /a, rights: [read, write], create: true, mode: 0644, "
      "truncate: true}\n"
      "- !file {path: b, rights: [FILE_OPEN, cloudabi_right_fd_read], mode: "
      "0o755}\n"
      "- !file {path: '/c d', rights: [], create: false, mode: 644}\n"
      "- !file {path: 12, rights: [exec, append, rename, delete, create]}\n",
      "!file fields");
  if (c == NULL)
    return;
  struct config_resource *r = c->resources;
  tap_eq_str("/a", r[0].path, "path");
  tap_eq_uint(CLOUDABI_RIGHTS_GROUP_READ | CLOUDABI_RIGHTS_GROUP_WRITE,
              r[0].rights, "read + write");
  tap_ok(r[0].create && r[0].truncate, "create and truncate");
  tap_eq_uint(0644, r[0].mode, "mode 0644");
  tap_eq_str("b", r[1].path, "relative path");
  tap_eq_uint(CLOUDABI_RIGHT_FILE_OPEN | CLOUDABI_RIGHT_FD_READ, r[1].rights,
              "CloudABI names, any case, with prefix");
  tap_eq_uint(0755, r[1].mode, "mode 0o755");
  tap_eq_str("/c d", r[2].path, "quoted path");
  tap_eq_uint(0, r[2].rights, "no rights");
  tap_ok(!r[2].create, "create: false");
  tap_eq_uint(0644, r[2].mode, "mode 644 is octal");
  tap_eq_str("12", r[3].path, "a numeric path is its text");
  tap_eq_uint(CLOUDABI_RIGHTS_GROUP_EXEC | CLOUDABI_RIGHTS_GROUP_APPEND |
                  CLOUDABI_RIGHTS_GROUP_RENAME | CLOUDABI_RIGHTS_GROUP_DELETE |
                  CLOUDABI_RIGHTS_GROUP_CREATE,
              r[3].rights, "every group");
  tap_eq_uint(0600, r[3].mode, "default mode");
  config_free(c);

  check_error("x: !file {rights: [read]}\n", 1, 4, "!file has no path",
              "{path:", "missing path");
  check_error("x: !file /srv\n", 1, 4, "!file takes a mapping",
              "{path: /some/where}", "!file on a scalar");
  check_error("x: !file {path: /a, pth: /b}\n", 1, 21,
              "unknown key \"pth\" in !file", "did you mean path?",
              "unknown !file key");
  check_error("x: !file {path: /a, owner: me}\n", 1, 21,
              "unknown key \"owner\" in !file",
              "known keys are path, rights, create, mode, truncate",
              "unknown !file key, no suggestion");
  check_error("x: !file {path: /a, path: /b}\n", 1, 21,
              "duplicate key \"path\" in !file", "line 1, column 11",
              "duplicate !file key");
  check_error("x: !file {path: /a, rights: [raed]}\n", 1, 30,
              "unknown right \"raed\"", "did you mean read?",
              "unknown right");
  check_error("x: !file {path: /a, rights: [FILE_OPN]}\n", 1, 30,
              "unknown right \"FILE_OPN\"", "FILE_OPEN", "unknown CloudABI right");
  check_error("x: !file {path: /a, rights: read}\n", 1, 29,
              "rights must be a sequence", "[read, write]",
              "rights as a scalar");
  check_error("x: !file {path: /a, rights: [[read]]}\n", 1, 30,
              "a right must be a scalar", NULL, "nested rights");
  check_error("x: !file {path: /a, create: yes}\n", 1, 29,
              "create must be true or false", NULL, "create: yes");
  check_error("x: !file {path: /a, mode: 0888}\n", 1, 27,
              "mode \"0888\" is not an octal", "0644", "mode 0888");
  check_error("x: !file {path: /a, mode: 010000}\n", 1, 27,
              "is not an octal", NULL, "mode too big");
  check_error("x: !file {path: /a, mode: rw}\n", 1, 27, "is not an octal",
              NULL, "mode rw");
  check_error("x: !file {path: /a, truncate: true}\n", 1, 31,
              "truncate: true needs the write right", "add write",
              "truncate without write");
  check_error("x: !file {path: /a, truncate: 1}\n", 1, 31,
              "truncate must be true or false", NULL, "truncate: 1");
  check_error("x: !file {path: }\n", 1, 17, "path is empty", NULL,
              "empty path");
  check_error("x: !file {path: ''}\n", 1, 17, "path is empty", NULL,
              "quoted empty path");
  check_error("x: !file {path: \"a\\0b\"}\n", 1, 17,
              "path contains a NUL byte", NULL, "NUL in path");
  check_error("x: !file {path: [a]}\n", 1, 17,
              "path must be a scalar, not a sequence", NULL, "path as seq");
  check_error("x: !file {path: !fd 1}\n", 1, 17, "path cannot be tagged !fd",
              NULL, "tagged path");
  check_error("x: !file {[path]: /a}\n", 1, 11,
              "a key of !file must be a plain name", "known keys",
              "collection key in !file");
}

static void executable(void) {
  struct config *c = load_ok("a: !executable\nb: !executable ~\nc: !executable ''\n",
                             "!executable forms");
  if (c != NULL) {
    tap_eq_uint(1, c->n_resources, "one executable resource");
    config_free(c);
  }
  check_error("x: !executable /bin/sh\n", 1, 4, "!executable takes no value",
              NULL, "!executable with a value");
  check_error("x: !executable {a: 1}\n", 1, 4, "!executable takes no value",
              NULL, "!executable on a map");
}

static void socket_ok(const char *yaml, enum config_socket_type type,
                      bool bind, const char *address) {
  struct config *c = load_ok(yaml, yaml);
  if (c == NULL)
    return;
  tap_eq_int(CONFIG_RESOURCE_SOCKET, c->resources[0].kind, "%s: socket", yaml);
  tap_eq_int(type, c->resources[0].socket_type, "%s: type", yaml);
  tap_eq_int(bind, c->resources[0].bind, "%s: bind", yaml);
  tap_eq_str(address, c->resources[0].address, "%s: address", yaml);
  config_free(c);
}

static void socket_bad(const char *addr, const char *why) {
  char yaml[512];
  snprintf(yaml, sizeof(yaml), "x: !socket {bind: '%s'}\n", addr);
  check_error(yaml, 1, 19, why, "host:port", addr);
}

static void sockets(void) {
  socket_ok("!socket {bind: 127.0.0.1:8080}", CONFIG_SOCKET_STREAM, true,
            "127.0.0.1:8080");
  socket_ok("!socket {type: dgram, connect: '[::1]:53'}", CONFIG_SOCKET_DGRAM,
            false, "[::1]:53");
  socket_ok("!socket {type: seqpacket, bind: /run/app.sock}",
            CONFIG_SOCKET_SEQPACKET, true, "/run/app.sock");
  socket_ok("!socket {connect: localhost:0, type: stream}",
            CONFIG_SOCKET_STREAM, false, "localhost:0");
  socket_ok("!socket {bind: 0.0.0.0:65535}", CONFIG_SOCKET_STREAM, true,
            "0.0.0.0:65535");
  socket_ok("!socket {connect: db-1.example.com:5432}", CONFIG_SOCKET_STREAM,
            false, "db-1.example.com:5432");
  struct config *c = load_ok("[!socket {bind: /s}, !socket {bind: /s}]",
                             "two sockets");
  if (c != NULL) {
    tap_eq_uint(2, c->n_resources, "every !socket is a resource");
    config_free(c);
  }
  socket_bad("127.0.0.1", "the port is missing");
  socket_bad("host:", "the port is missing");
  socket_bad("host:65536", "the port is not a number from 0 to 65535");
  socket_bad("host:-1", "the port is not a number");
  socket_bad("host:http", "the port is not a number");
  socket_bad(":80", "the host is missing");
  socket_bad("::1:80", "write an IPv6 address in brackets");
  socket_bad("[::1]", "the port is missing");
  socket_bad("[::1]80", "the port is missing");
  socket_bad("[zz]:1", "not a valid IPv6 address");
  socket_bad("[::1:1", "missing ]");
  socket_bad("1.2.3.400:1", "not a valid IPv4 address");
  socket_bad("a b:1", "the host is not a name or an address");
  socket_bad("", "the address is empty");
  char longpath[200];
  memset(longpath, 'a', sizeof(longpath) - 1);
  longpath[0] = '/';
  longpath[sizeof(longpath) - 1] = '\0';
  socket_bad(longpath, "a unix socket path is at most 107 bytes");
  check_error("x: !socket {bind: /a, connect: /b}\n", 1, 23,
              "!socket has both bind and connect", NULL, "bind and connect");
  check_error("x: !socket {type: stream}\n", 1, 4,
              "!socket needs bind or connect", NULL, "neither");
  check_error("x: !socket {type: steam, bind: /a}\n", 1, 19,
              "unknown socket type \"steam\"", "did you mean stream?",
              "socket type typo");
  check_error("x: !socket {bind: /a, listen: true}\n", 1, 23,
              "unknown key \"listen\" in !socket",
              "known keys are type, bind, connect", "unknown socket key");
  check_error("x: !socket /a\n", 1, 4, "!socket takes a mapping", NULL,
              "!socket on a scalar");
}

int main(void) {
  numbering();
  key_before_value();
  aliases();
  fd();
  file();
  executable();
  sockets();
  return tap_done();
}
