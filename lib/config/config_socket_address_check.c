/* Socket address syntax: "host:port", "[v6]:port" or "/unix/path". Nothing
 * is resolved here; the launcher does that. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/un.h>

#include "config_impl.h"

static int why_(char *why, size_t size, const char *text) {
  snprintf(why, size, "%s", text);
  return -EINVAL;
}

static int check_port(const char *p, size_t len, char *why, size_t size) {
  unsigned long v = 0;
  if (len == 0)
    return why_(why, size, "the port is missing");
  if (len > 5)
    return why_(why, size, "the port is not a number from 0 to 65535");
  for (size_t i = 0; i < len; ++i) {
    if (p[i] < '0' || p[i] > '9')
      return why_(why, size, "the port is not a number from 0 to 65535");
    v = v * 10 + (unsigned long)(p[i] - '0');
  }
  if (v > 65535)
    return why_(why, size, "the port is not a number from 0 to 65535");
  return 0;
}

int config_socket_address_check(const char *text, size_t len, char *why,
                                size_t why_size) {
  char host[256];
  if (len == 0)
    return why_(why, why_size, "the address is empty");
  if (memchr(text, '\0', len) != NULL)
    return why_(why, why_size, "the address contains a NUL byte");
  if (text[0] == '/') {
    if (len >= sizeof(((struct sockaddr_un *)0)->sun_path))
      return why_(why, why_size, "a unix socket path is at most 107 bytes");
    return 0;
  }
  if (text[0] == '[') {
    const char *close = memchr(text, ']', len);
    struct in6_addr a6;
    size_t hl = close ? (size_t)(close - text - 1) : 0;
    if (close == NULL)
      return why_(why, why_size, "missing ] after the IPv6 address");
    if (hl >= sizeof(host))
      return why_(why, why_size, "the IPv6 address is too long");
    memcpy(host, text + 1, hl);
    host[hl] = '\0';
    if (inet_pton(AF_INET6, host, &a6) != 1)
      return why_(why, why_size, "not a valid IPv6 address in brackets");
    const char *rest = close + 1;
    size_t rl = len - (size_t)(rest - text);
    if (rl == 0 || rest[0] != ':')
      return why_(why, why_size, "the port is missing");
    return check_port(rest + 1, rl - 1, why, why_size);
  }
  const char *colon = NULL;
  for (size_t i = len; i-- > 0;)
    if (text[i] == ':') {
      colon = text + i;
      break;
    }
  if (colon == NULL)
    return why_(why, why_size, "the port is missing");
  size_t hl = (size_t)(colon - text);
  if (hl == 0)
    return why_(why, why_size, "the host is missing");
  if (memchr(text, ':', hl) != NULL)
    return why_(why, why_size, "write an IPv6 address in brackets, such as "
                               "[::1]:80");
  if (hl > 253)
    return why_(why, why_size, "the host name is too long");
  bool numeric = true;
  for (size_t i = 0; i < hl; ++i) {
    char c = text[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9');
    if (!alnum && c != '-' && c != '.' && c != '_')
      return why_(why, why_size, "the host is not a name or an address");
    if (!(c >= '0' && c <= '9') && c != '.')
      numeric = false;
  }
  if (numeric) {
    struct in_addr a4;
    memcpy(host, text, hl);
    host[hl] = '\0';
    if (inet_pton(AF_INET, host, &a4) != 1)
      return why_(why, why_size, "not a valid IPv4 address");
  }
  return check_port(colon + 1, len - hl - 1, why, why_size);
}
