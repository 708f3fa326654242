/*
 * The characters of a string inside YAML double quotes.
 *
 * Short escapes: NUL \0, BEL \a, BS \b, TAB \t, LF \n, VT \v, FF \f, CR \r,
 * ESC \e, '"' \", '\' \\, U+0085 \N, U+00A0 \_, U+2028 \L, U+2029 \P.
 *
 * Printable characters are written as their UTF-8 bytes. The rule is fixed
 * here and does not depend on the process locale or on a Unicode version
 * (the original asked iswprint in a C.UTF-8 locale, whose answer changes
 * with the C library and its Unicode tables). A code point is printable
 * when it is in YAML 1.2's c-printable set, without the byte order mark,
 * which is also the set libyaml's emitter writes unescaped:
 *
 *   U+0020..U+007E, U+00A0..U+D7FF, U+E000..U+FFFD except U+FEFF,
 *   U+10000..U+10FFFF
 *
 * (TAB, LF, CR and U+0085, which c-printable also contains, have short
 * escapes above.) Everything else, that is the C0 and C1 controls, DEL,
 * U+FEFF, U+FFFE and U+FFFF, is written as \xNN (up to U+00FF), \uNNNN (up
 * to U+FFFF) or \UNNNNNNNN, in lowercase hex as the original did. Unlike
 * glibc's iswprint, unassigned code points count as printable, and so do
 * format characters such as U+200B. A byte that does not start a valid
 * UTF-8 sequence (impossible after argdata_get_str, which validates) is
 * written as \xNN.
 */
#include "argdata_print_yaml_impl.h"

bool argdata_print_yaml_isprint_(uint32_t c) {
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) ||
         (c >= 0xe000 && c <= 0xfffd && c != 0xfeff) ||
         (c >= 0x10000 && c <= 0x10ffff);
}

/* Decode one UTF-8 sequence; returns its length, or 0 if invalid. */
static size_t decode(const unsigned char *p, size_t len, uint32_t *c) {
  size_t n;
  uint32_t min;
  if (p[0] < 0x80) {
    *c = p[0];
    return 1;
  } else if (p[0] >= 0xc2 && p[0] <= 0xdf) {
    n = 2, min = 0x80, *c = p[0] & 0x1f;
  } else if (p[0] >= 0xe0 && p[0] <= 0xef) {
    n = 3, min = 0x800, *c = p[0] & 0x0f;
  } else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
    n = 4, min = 0x10000, *c = p[0] & 0x07;
  } else {
    return 0;
  }
  if (len < n)
    return 0;
  for (size_t i = 1; i < n; ++i) {
    if ((p[i] & 0xc0) != 0x80)
      return 0;
    *c = *c << 6 | (p[i] & 0x3f);
  }
  if (*c < min || *c > 0x10ffff || (*c >= 0xd800 && *c <= 0xdfff))
    return 0;
  return n;
}

static char short_escape(uint32_t c) {
  switch (c) {
  case 0x00: return '0';
  case 0x07: return 'a';
  case 0x08: return 'b';
  case 0x09: return 't';
  case 0x0a: return 'n';
  case 0x0b: return 'v';
  case 0x0c: return 'f';
  case 0x0d: return 'r';
  case 0x1b: return 'e';
  case '"': return '"';
  case '\\': return '\\';
  case 0x85: return 'N';
  case 0xa0: return '_';
  case 0x2028: return 'L';
  case 0x2029: return 'P';
  default: return 0;
  }
}

static void hex_escape(uint32_t c, FILE *fp) {
  static const char hex[16] = "0123456789abcdef";
  int digits = c <= 0xff ? 2 : c <= 0xffff ? 4 : 8;
  putc('\\', fp);
  putc(digits == 2 ? 'x' : digits == 4 ? 'u' : 'U', fp);
  for (int i = digits - 1; i >= 0; --i)
    putc(hex[c >> (4 * i) & 0xf], fp);
}

void argdata_print_yaml_str_(const char *buf, size_t len, FILE *fp) {
  const unsigned char *p = (const unsigned char *)buf;
  while (len > 0) {
    uint32_t c;
    size_t n = decode(p, len, &c);
    char e;
    if (n == 0) {
      hex_escape(p[0], fp);
      n = 1;
    } else if ((e = short_escape(c)) != 0) {
      putc('\\', fp);
      putc(e, fp);
    } else if (argdata_print_yaml_isprint_(c)) {
      fwrite(p, 1, n, fp);
    } else {
      hex_escape(c, fp);
    }
    p += n;
    len -= n;
  }
}
