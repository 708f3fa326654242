/* ADDR of a !socket: "host:port", "[v6]:port" or "/unix/path". */
#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "launcher.h"

static int unix_address(const char *path, struct sockaddr_storage *ss,
                        unsigned *len) {
  struct sockaddr_un *sun = (struct sockaddr_un *)ss;
  size_t n = strlen(path);
  if (n >= sizeof(sun->sun_path))
    return -ENAMETOOLONG;
  memset(sun, 0, sizeof(*sun));
  sun->sun_family = AF_UNIX;
  memcpy(sun->sun_path, path, n);
  *len = (unsigned)(offsetof(struct sockaddr_un, sun_path) + n + 1);
  return 0;
}

int launcher_socket_address(const char *address, int type,
                            struct sockaddr_storage *ss, unsigned *len) {
  char host[256];
  const char *port, *colon;
  struct addrinfo hints, *ai = NULL;
  size_t hlen;
  int r;

  if (address[0] == '/')
    return unix_address(address, ss, len);
  if (address[0] == '[') {
    const char *close = strchr(address, ']');
    if (close == NULL || close[1] != ':')
      return -EINVAL;
    hlen = (size_t)(close - address - 1);
    memcpy(host, address + 1, hlen < sizeof(host) ? hlen : 0);
    port = close + 2;
  } else {
    colon = strrchr(address, ':');
    if (colon == NULL || memchr(address, ':', (size_t)(colon - address)))
      return -EINVAL;
    hlen = (size_t)(colon - address);
    memcpy(host, address, hlen < sizeof(host) ? hlen : 0);
    port = colon + 1;
  }
  if (hlen == 0 || hlen >= sizeof(host) || port[0] == '\0' ||
      strspn(port, "0123456789") != strlen(port) || strlen(port) > 5 ||
      atoi(port) > 65535)
    return -EINVAL;
  host[hlen] = '\0';
  memset(&hints, 0, sizeof(hints));
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = type;
  hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
  r = getaddrinfo(host, port, &hints, &ai);
  if (r == EAI_NONAME && address[0] != '[') {
    hints.ai_flags = AI_NUMERICSERV;
    r = getaddrinfo(host, port, &hints, &ai);
  }
  if (r != 0)
    return r == EAI_MEMORY ? -ENOMEM : r == EAI_NONAME ? -ENOENT : -EINVAL;
  memcpy(ss, ai->ai_addr, ai->ai_addrlen);
  *len = (unsigned)ai->ai_addrlen;
  freeaddrinfo(ai);
  return 0;
}
