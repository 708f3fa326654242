/* launcher_socket_address: host:port, [v6]:port and /unix/path. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "launcher.h"
#include "tests/harness/tap.h"

int main(void) {
  struct sockaddr_storage ss;
  unsigned len;
  char text[64], longpath[200];

  tap_eq_int(0, launcher_socket_address("127.0.0.1:8080", SOCK_STREAM, &ss, &len),
             "IPv4 address");
  struct sockaddr_in *in = (struct sockaddr_in *)&ss;
  tap_eq_int(AF_INET, ss.ss_family, "IPv4 family");
  tap_eq_int(8080, ntohs(in->sin_port), "IPv4 port");
  tap_eq_str("127.0.0.1", inet_ntop(AF_INET, &in->sin_addr, text, sizeof(text)),
             "IPv4 host");
  tap_eq_uint(sizeof(struct sockaddr_in), len, "IPv4 length");

  tap_eq_int(0, launcher_socket_address("[::1]:443", SOCK_STREAM, &ss, &len),
             "IPv6 address");
  struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
  tap_eq_int(AF_INET6, ss.ss_family, "IPv6 family");
  tap_eq_int(443, ntohs(in6->sin6_port), "IPv6 port");

  tap_eq_int(0, launcher_socket_address("/run/x.sock", SOCK_STREAM, &ss, &len),
             "unix path");
  struct sockaddr_un *un = (struct sockaddr_un *)&ss;
  tap_eq_int(AF_UNIX, ss.ss_family, "unix family");
  tap_eq_str("/run/x.sock", un->sun_path, "unix path copied");

  tap_eq_int(0, launcher_socket_address("localhost:80", SOCK_DGRAM, &ss, &len),
             "host name resolved");

  memset(longpath, 'a', sizeof(longpath));
  longpath[0] = '/';
  longpath[sizeof(longpath) - 1] = '\0';
  tap_eq_int(-ENAMETOOLONG,
             launcher_socket_address(longpath, SOCK_STREAM, &ss, &len),
             "unix path longer than sun_path");
  const char *bad[] = {"127.0.0.1", "127.0.0.1:", ":80", "127.0.0.1:99999",
                       "127.0.0.1:8x", "[::1]80", "::1:80", "[::1]:"};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); ++i)
    tap_eq_int(-EINVAL, launcher_socket_address(bad[i], SOCK_STREAM, &ss, &len),
               "malformed \"%s\"", bad[i]);
  tap_eq_int(-ENOENT,
             launcher_socket_address("no-such-host.invalid:80", SOCK_STREAM,
                                     &ss, &len),
             "unknown host name");
  return tap_done();
}
