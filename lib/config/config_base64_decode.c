/* Base64 (RFC 4648, standard alphabet) for !!binary; blanks and line breaks
 * are ignored, padding is optional. */
#include <errno.h>

#include "config_impl.h"

static int sextet(unsigned char c) {
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 26;
  if (c >= '0' && c <= '9')
    return c - '0' + 52;
  if (c == '+')
    return 62;
  if (c == '/')
    return 63;
  return -1;
}

int config_base64_decode(const char *text, size_t len, unsigned char *out,
                         size_t *out_len) {
  uint32_t acc = 0;
  unsigned n = 0, pad = 0;
  size_t o = 0;
  for (size_t i = 0; i < len; ++i) {
    unsigned char c = (unsigned char)text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
      continue;
    if (c == '=') {
      ++pad;
      continue;
    }
    int v = sextet(c);
    if (v < 0 || pad > 0)
      return -EINVAL;
    acc = acc << 6 | (uint32_t)v;
    if (++n == 4) {
      out[o++] = (unsigned char)(acc >> 16);
      out[o++] = (unsigned char)(acc >> 8);
      out[o++] = (unsigned char)acc;
      acc = 0;
      n = 0;
    }
  }
  if (n == 1 || pad > 2 || (pad > 0 && n + pad != 4))
    return -EINVAL;
  if (n == 2) {
    out[o++] = (unsigned char)(acc >> 4);
  } else if (n == 3) {
    out[o++] = (unsigned char)(acc >> 10);
    out[o++] = (unsigned char)(acc >> 2);
  }
  *out_len = o;
  return 0;
}
