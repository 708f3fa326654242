/* Standard base64 (RFC 4648 section 4: A-Z a-z 0-9 + /, '=' padding). */
#include "argdata_print_yaml_impl.h"

static const char alphabet[64] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void argdata_print_yaml_base64_(const void *buf, size_t len, FILE *fp) {
  const unsigned char *p = buf;
  for (; len >= 3; p += 3, len -= 3) {
    uint32_t group = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
    for (int shift = 18; shift >= 0; shift -= 6)
      putc(alphabet[group >> shift & 0x3f], fp);
  }
  if (len > 0) {
    /* One or two trailing bytes: two or three characters, then padding. */
    uint32_t group = (uint32_t)p[0] << 16 | (len == 2 ? (uint32_t)p[1] << 8 : 0);
    putc(alphabet[group >> 18 & 0x3f], fp);
    putc(alphabet[group >> 12 & 0x3f], fp);
    putc(len == 2 ? alphabet[group >> 6 & 0x3f] : '=', fp);
    putc('=', fp);
  }
}
