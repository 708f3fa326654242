/*
 * ad_sock: uses socket capabilities, for the !socket tests.
 * Argdata keys:
 *   `listener` (fd of a listening stream socket): accept one connection,
 *       write "hello from ad_sock\n" to it, close it;
 *   `dgram` (fd of a bound datagram socket): receive one datagram and write
 *       "received: <datagram>\n" to `out` (replying with sendto is not
 *       possible: the seccomp filter refuses a destination address);
 *   `dconn` (fd of a connected datagram socket): send "ping\n", receive one
 *       datagram and write "reply: <datagram>" to `out`;
 *   `conn` (fd of a connected socket): write "ping\n", then read until EOF
 *       (or 200 bytes) and write "reply: <bytes>" to `out`;
 *   `out` (fd): the report ("accepted\n", errors as "<what> failed <errno>").
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ad_common.h"

int main(void) {
  struct ad_start start;
  int out, lfd, dfd, cfd;
  int status = 0;

  ad_start_read(&start);
  out = ad_lookup_fd(start.root, "out");
  if (out < 0)
    out = 1;
  lfd = ad_lookup_fd(start.root, "listener");
  if (lfd >= 0) {
    int c = accept(lfd, NULL, NULL);
    if (c < 0) {
      ad_printf(out, "accept failed %s\n", ad_errno_name(errno));
      status = 1;
    } else {
      static const char hello[] = "hello from ad_sock\n";
      ad_write_all(c, hello, sizeof(hello) - 1);
      close(c);
      ad_printf(out, "accepted\n");
    }
  }
  dfd = ad_lookup_fd(start.root, "dgram");
  if (dfd >= 0) {
    char buf[200];
    ssize_t n = recv(dfd, buf, sizeof(buf), 0);
    if (n < 0) {
      ad_printf(out, "recv failed %s\n", ad_errno_name(errno));
      status = 1;
    } else {
      ad_printf(out, "received: %.*s\n", (int)n, buf);
    }
  }
  dfd = ad_lookup_fd(start.root, "dconn");
  if (dfd >= 0) {
    char buf[200];
    ssize_t n = send(dfd, "ping\n", 5, 0);
    if (n < 0) {
      ad_printf(out, "send failed %s\n", ad_errno_name(errno));
      status = 1;
    } else if ((n = recv(dfd, buf, sizeof(buf), 0)) < 0) {
      ad_printf(out, "recv failed %s\n", ad_errno_name(errno));
      status = 1;
    } else {
      ad_printf(out, "reply: %.*s", (int)n, buf);
    }
  }
  cfd = ad_lookup_fd(start.root, "conn");
  if (cfd >= 0) {
    char buf[200];
    size_t len = 0;
    int err = ad_write_all(cfd, "ping\n", 5);
    if (err != 0) {
      ad_printf(out, "write failed %s\n", ad_errno_name(err));
      status = 1;
    } else {
      shutdown(cfd, SHUT_WR);
      while (len < sizeof(buf)) {
        ssize_t n = read(cfd, buf + len, sizeof(buf) - len);
        if (n < 0 && errno == EINTR)
          continue;
        if (n < 0) {
          ad_printf(out, "read failed %s\n", ad_errno_name(errno));
          status = 1;
          break;
        }
        if (n == 0)
          break;
        len += (size_t)n;
      }
      ad_printf(out, "reply: %.*s", (int)len, buf);
    }
  }
  return status;
}
