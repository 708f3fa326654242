/*
 * The ASCII fast path of the UTF-8 validator (argdata_impl_utf8_valid, used
 * by argdata_get_str, argdata_create_str and argdata_create_str_c): bytes
 * are skipped 8 at a time while they are ASCII. These tests put the
 * boundary between ASCII and non-ASCII bytes at every offset mod 8, with
 * the string itself at every address alignment, put invalid bytes right
 * after 7, 8 and 9 ASCII bytes, check argdata_get_str_c's embedded-NUL
 * detection at every offset, and compare the library with a reference
 * decoder (written differently: decode the code point, then check it) on
 * generated strings.
 */
#include <errno.h>
#include <stdint.h>

#include "argdata_test_util.h"

/* Non-ASCII sequences placed into ASCII text. */
static const struct {
  const char *bytes;
  size_t len;
  bool valid;
  const char *what;
} seqs[] = {
    {"\xc3\xa9", 2, true, "U+00E9"},
    {"\xe2\x82\xac", 3, true, "U+20AC"},
    {"\xf0\x9f\x98\x80", 4, true, "U+1F600"},
    {"\xf4\x8f\xbf\xbf", 4, true, "U+10FFFF"},
    {"\x80", 1, false, "stray 80"},
    {"\xff", 1, false, "FF"},
    {"\xc0\x80", 2, false, "overlong C0 80"},
    {"\xc2", 1, false, "truncated C2 (then ASCII)"},
    {"\xe0\x80\x80", 3, false, "overlong E0 80 80"},
    {"\xed\xa0\x80", 3, false, "surrogate D800"},
    {"\xf4\x90\x80\x80", 4, false, "U+110000"},
    {"\xe2\x82", 2, false, "truncated E2 82 (then ASCII)"},
};

#define NSEQ (sizeof(seqs) / sizeof(seqs[0]))
#define MAXLEN 64

/*
 * Reference validator: decode each code point in full, then check its
 * range, its minimal length and the surrogates.
 */
static bool ref_valid(const uint8_t *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    uint8_t c = s[i];
    size_t n;
    uint32_t cp;
    if (c < 0x80) {
      i += 1;
      continue;
    }
    if ((c & 0xe0) == 0xc0) {
      n = 2;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      n = 3;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      n = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (len - i < n)
      return false;
    for (size_t k = 1; k < n; ++k) {
      if ((s[i + k] & 0xc0) != 0x80)
        return false;
      cp = cp << 6 | (s[i + k] & 0x3f);
    }
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
      return false;
    i += n;
  }
  return true;
}

/*
 * get_str on a serialised string of len bytes whose first byte is at an
 * address that is align mod 16, plus create_str; returns true if both
 * agree with expected (and on success return the bytes unchanged).
 */
static bool check(const uint8_t *bytes, size_t len, size_t align,
                  bool expected) {
  static _Alignas(16) uint8_t area[MAXLEN + 32];
  uint8_t *p = area + 16 + align; /* the string's first byte */
  p[-1] = 0x08;
  memcpy(p, bytes, len);
  p[len] = 0;
  argdata_t *ad = argdata_from_buffer(p - 1, len + 2, NULL, NULL);
  const char *s = NULL;
  size_t got = SIZE_MAX;
  int error = argdata_get_str(ad, &s, &got);
  argdata_free(ad);
  if (error != (expected ? 0 : EILSEQ))
    return false;
  if (expected && (s != (const char *)p || got != len))
    return false;
  if (!expected && (s != NULL || got != SIZE_MAX))
    return false;
  errno = 0;
  ad = argdata_create_str((const char *)p, len);
  bool ok = expected ? ad != NULL : ad == NULL && errno == EILSEQ;
  argdata_free(ad);
  return ok;
}

/*
 * Every sequence at every offset 0..23 of an ASCII string of 32 bytes, the
 * string at every alignment 0..7: the fast path's 8-byte blocks meet the
 * sequence at every position. Also the sequence at the very end.
 */
static void test_boundaries(void) {
  for (size_t q = 0; q < NSEQ; ++q) {
    size_t bad = 0, first_off = 0, first_align = 0;
    for (size_t align = 0; align < 8; ++align) {
      for (size_t off = 0; off < 24; ++off) {
        uint8_t buf[MAXLEN];
        memset(buf, 'a', 32);
        memcpy(buf + off, seqs[q].bytes, seqs[q].len);
        if (!check(buf, 32, align, seqs[q].valid) && bad++ == 0) {
          first_off = off;
          first_align = align;
        }
        /* The sequence ends the string: ASCII run of off bytes first. */
        memset(buf, 'a', off);
        memcpy(buf + off, seqs[q].bytes, seqs[q].len);
        if (!check(buf, off + seqs[q].len, align, seqs[q].valid) &&
            bad++ == 0) {
          first_off = off;
          first_align = align;
        }
      }
    }
    if (!tap_ok(bad == 0, "%s at every offset 0..23 and alignment 0..7",
                seqs[q].what))
      tap_diag("%zu failures, first at offset %zu alignment %zu", bad,
               first_off, first_align);
  }
}

/*
 * An invalid byte right after 7, 8 and 9 ASCII bytes (the fast path's block
 * ends just before, at or just after it), followed by 0, 1, 8 or 16 more
 * ASCII bytes, at alignments 0..7.
 */
static void test_invalid_after_ascii(void) {
  static const uint8_t invalid[] = {0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff};
  static const size_t tails[] = {0, 1, 8, 16};
  for (size_t lead = 7; lead <= 9; ++lead) {
    for (size_t b = 0; b < sizeof(invalid); ++b) {
      size_t bad = 0;
      for (size_t t = 0; t < sizeof(tails) / sizeof(tails[0]); ++t) {
        for (size_t align = 0; align < 8; ++align) {
          uint8_t buf[MAXLEN];
          size_t len = lead + 1 + tails[t];
          memset(buf, 'x', len);
          buf[lead] = invalid[b];
          if (!check(buf, len, align, false))
            ++bad;
        }
      }
      tap_eq_uint(0, bad, "byte %02x after %zu ASCII bytes: EILSEQ",
                  invalid[b], lead);
    }
    /* And a valid 2-byte sequence there, for contrast. */
    size_t bad = 0;
    for (size_t align = 0; align < 8; ++align) {
      uint8_t buf[MAXLEN];
      memset(buf, 'x', lead + 10);
      buf[lead] = 0xc3;
      buf[lead + 1] = 0xa9;
      if (!check(buf, lead + 10, align, true))
        ++bad;
    }
    tap_eq_uint(0, bad, "C3 A9 after %zu ASCII bytes: valid", lead);
  }
  /* The last byte of a long ASCII string is invalid (checked bytewise). */
  for (size_t len = 15; len <= 17; ++len) {
    uint8_t buf[MAXLEN];
    memset(buf, 'x', len);
    buf[len - 1] = 0x80;
    tap_ok(check(buf, len, 0, false), "80 as byte %zu of %zu: EILSEQ", len,
           len);
  }
}

/*
 * argdata_get_str_c refuses a string holding a NUL (EILSEQ) wherever the
 * NUL is; argdata_get_str accepts it (U+0000 is valid UTF-8, also inside
 * the fast path's blocks) and counts it in the length.
 */
static void test_nul(void) {
  size_t bad_c = 0, bad_str = 0;
  for (size_t align = 0; align < 8; ++align) {
    for (size_t off = 0; off < 32; ++off) {
      static _Alignas(16) uint8_t area[MAXLEN + 32];
      uint8_t *p = area + 16 + align;
      p[-1] = 0x08;
      memset(p, 'n', 32);
      if (off >= 2 && off < 30) {
        p[off - 2] = 0xc3; /* non-ASCII right before the NUL, sometimes */
        p[off - 1] = 0xa9;
      }
      p[off] = 0;
      p[32] = 0;
      argdata_t *ad = argdata_from_buffer(p - 1, 34, NULL, NULL);
      const char *s = NULL;
      size_t len = 0;
      if (argdata_get_str_c(ad, &s) != EILSEQ || s != NULL)
        ++bad_c;
      if (argdata_get_str(ad, &s, &len) != 0 || len != 32 ||
          s != (const char *)p)
        ++bad_str;
      argdata_free(ad);
    }
  }
  tap_eq_uint(0, bad_c, "get_str_c: embedded NUL at offsets 0..31: EILSEQ");
  tap_eq_uint(0, bad_str, "get_str: embedded NUL at offsets 0..31 accepted");
  argdata_t *ad = argdata_from_buffer(B("\x08"
                                        "0123456789abcdefghij"
                                        "\0"),
                                      NULL, NULL);
  const char *s = NULL;
  tap_eq_int(0, argdata_get_str_c(ad, &s), "get_str_c: 20 ASCII bytes");
  tap_eq_str("0123456789abcdefghij", s, "get_str_c: value");
  argdata_free(ad);
}

/*
 * Generated strings: runs of ASCII of length 0..17 (NULs included)
 * alternating with pieces from the sequence table and lone random bytes;
 * the library must agree with the reference decoder on every one.
 */
static void test_differential(void) {
  uint64_t state = 0x9e3779b97f4a7c15u;
  size_t n = 0, disagree = 0, n_valid = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    uint8_t buf[MAXLEN];
    size_t len = 0;
    for (;;) {
      state = state * 6364136223846793005u + 1442695040888963407u;
      uint32_t r = (uint32_t)(state >> 33);
      size_t run = r % 18;
      if (len + run + 4 > MAXLEN)
        break;
      for (size_t k = 0; k < run; ++k)
        buf[len++] = (uint8_t)((r >> 8) + k * 7) & 0x7f;
      if ((r >> 16) % 4 == 0) {
        buf[len++] = (uint8_t)(r >> 20);
      } else if ((r >> 16) % 4 != 1) {
        size_t q = (r >> 18) % NSEQ;
        memcpy(buf + len, seqs[q].bytes, seqs[q].len);
        len += seqs[q].len;
      }
      if ((r >> 24) % 3 == 0)
        break;
    }
    bool expected = ref_valid(buf, len);
    n_valid += expected;
    ++n;
    if (!check(buf, len, (size_t)iter % 8, expected))
      ++disagree;
  }
  tap_eq_uint(0, disagree, "%zu generated strings (%zu valid): agree with "
                           "the reference decoder", n, n_valid);
  tap_ok(n_valid > n / 10 && n_valid < n - n / 10,
         "generated strings mix valid and invalid");
}

int main(void) {
  test_boundaries();
  test_invalid_after_ascii();
  test_nul();
  test_differential();
  return tap_done();
}
