/*
 * !socket: a socket bound and listening (stream/seqpacket; a dgram socket is
 * only bound) with a backlog of SOMAXCONN (a TCP listening socket with
 * SO_REUSEADDR, no other kind), or a connected socket. A unix socket file the launcher binds is removed again if a later
 * stage fails.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "launcher.h"

static int socket_type(enum config_socket_type t) {
  switch (t) {
  case CONFIG_SOCKET_STREAM:
    return SOCK_STREAM;
  case CONFIG_SOCKET_DGRAM:
    return SOCK_DGRAM;
  case CONFIG_SOCKET_SEQPACKET:
    return SOCK_SEQPACKET;
  }
  return SOCK_STREAM;
}

static int fail(struct launcher *l, const struct config_resource *rc,
                const char *what, int e) {
  launcher_fail(l, LAUNCHER_EXIT_RESOURCE, &rc->pos, e, "unable to %s %s: %s",
                what, rc->address, strerror(e));
  if (e == EADDRINUSE)
    launcher_hint(l, rc->address[0] == '/'
                         ? "another program listens there, or a stale socket "
                           "file is left: remove it"
                         : "another program, or another !socket of this "
                           "configuration, uses this port");
  else if (e == ECONNREFUSED)
    launcher_hint(l, "is the server listening on %s? start it before "
                     "cloudabi-run",
                  rc->address);
  else if (e == ENOENT && rc->address[0] == '/')
    launcher_hint(l, "no socket file %s: is the server running?",
                  rc->address);
  return -e;
}

int launcher_resource_socket_open(struct launcher *l, size_t i) {
  const struct config_resource *rc = &l->cfg->resources[i];
  struct launcher_resource *res = &l->res[i];
  struct sockaddr_storage ss;
  unsigned len;
  int type = socket_type(rc->socket_type), one = 1, fd, r;

  r = launcher_socket_address(rc->address, type, &ss, &len);
  if (r == -ENOMEM)
    return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, &rc->pos, ENOMEM,
                         "out of memory");
  if (r != 0)
    return launcher_fail(l, r == -ENOENT ? LAUNCHER_EXIT_RESOURCE
                                         : LAUNCHER_EXIT_CONFIG,
                         &rc->pos, -r, "%s address \"%s\"",
                         r == -ENOENT ? "unknown host in" : "invalid",
                         rc->address);
  fd = socket(ss.ss_family, type | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return fail(l, rc, "create a socket for", errno);
  res->fd = fd;
  if (!rc->bind) {
    if (connect(fd, (struct sockaddr *)&ss, len) != 0)
      return fail(l, rc, "connect to", errno);
    return 0;
  }
  /* SO_REUSEADDR only for a TCP listening socket (rebinding a port whose
   * old connections linger in TIME_WAIT); on a datagram socket it would
   * let the bind share a port that another socket with SO_REUSEADDR
   * holds, instead of failing. */
  if (ss.ss_family != AF_UNIX && type == SOCK_STREAM &&
      setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0)
    return fail(l, rc, "set SO_REUSEADDR on", errno);
  if (bind(fd, (struct sockaddr *)&ss, len) != 0)
    return fail(l, rc, "bind", errno);
  if (ss.ss_family == AF_UNIX) {
    res->created = true;
    res->created_path = strdup(rc->address);
    if (res->created_path == NULL) {
      unlink(rc->address);
      res->created = false;
      return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, &rc->pos, ENOMEM,
                           "out of memory");
    }
  }
  if (type != SOCK_DGRAM && listen(fd, SOMAXCONN) != 0)
    return fail(l, rc, "listen on", errno);
  return 0;
}
