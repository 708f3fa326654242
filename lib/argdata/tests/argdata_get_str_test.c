/*
 * argdata_get_str, argdata_get_str_c, argdata_create_str and
 * argdata_create_str_c: NUL termination, UTF-8 validation (overlongs,
 * surrogates, values above 10FFFF, stray bytes) and embedded NULs.
 */
#include <errno.h>

#include "argdata_test_util.h"

static argdata_t *from(const void *buf, size_t len) {
  return argdata_from_buffer(buf, len, NULL, NULL);
}

/* UTF-8 sequences and whether they are valid. */
static const struct {
  const char *bytes;
  size_t len;
  bool valid;
  const char *what;
} utf8[] = {
    {"", 0, true, "empty"},
    {"A", 1, true, "ASCII"},
    {"\xc2\x80", 2, true, "U+0080"},
    {"\xdf\xbf", 2, true, "U+07FF"},
    {"\xe0\xa0\x80", 3, true, "U+0800"},
    {"\xed\x9f\xbf", 3, true, "U+D7FF"},
    {"\xee\x80\x80", 3, true, "U+E000"},
    {"\xef\xbf\xbf", 3, true, "U+FFFF"},
    {"\xf0\x90\x80\x80", 4, true, "U+10000"},
    {"\xf4\x8f\xbf\xbf", 4, true, "U+10FFFF"},
    {"\xe2\x82\xac", 3, true, "euro sign"},
    {"a\0b", 3, true, "embedded NUL is valid UTF-8"},
    {"\x80", 1, false, "stray continuation byte"},
    {"\xbf", 1, false, "stray continuation byte BF"},
    {"\xc0\x80", 2, false, "overlong NUL (C0 80)"},
    {"\xc1\xbf", 2, false, "overlong C1"},
    {"\xe0\x80\x80", 3, false, "overlong 3-byte"},
    {"\xe0\x9f\xbf", 3, false, "overlong 3-byte U+07FF"},
    {"\xf0\x80\x80\x80", 4, false, "overlong 4-byte"},
    {"\xf0\x8f\xbf\xbf", 4, false, "overlong 4-byte U+FFFF"},
    {"\xed\xa0\x80", 3, false, "surrogate D800"},
    {"\xed\xbf\xbf", 3, false, "surrogate DFFF"},
    {"\xf4\x90\x80\x80", 4, false, "U+110000"},
    {"\xf5\x80\x80\x80", 4, false, "F5 lead"},
    {"\xf8\x88\x80\x80\x80", 5, false, "5-byte sequence"},
    {"\xfc\x84\x80\x80\x80\x80", 6, false, "6-byte sequence"},
    {"\xfe", 1, false, "FE"},
    {"\xff", 1, false, "FF"},
    {"\xc2", 1, false, "truncated 2-byte"},
    {"\xe2\x82", 2, false, "truncated 3-byte"},
    {"\xf0\x90\x80", 3, false, "truncated 4-byte"},
    {"\xc2\x41", 2, false, "bad continuation"},
    {"\xe2\x28\xac", 3, false, "bad 2nd continuation"},
    {"\xe2\x82\x28", 3, false, "bad 3rd continuation"},
};

static void test_utf8(void) {
  for (size_t i = 0; i < sizeof(utf8) / sizeof(utf8[0]); ++i) {
    unsigned char buf[16];
    buf[0] = 0x08;
    memcpy(buf + 1, utf8[i].bytes, utf8[i].len);
    buf[1 + utf8[i].len] = 0;
    argdata_t *ad = from(buf, utf8[i].len + 2);
    const char *s = NULL;
    size_t len = 0;
    tap_eq_int(utf8[i].valid ? 0 : EILSEQ, argdata_get_str(ad, &s, &len),
               "get_str: %s", utf8[i].what);
    if (utf8[i].valid)
      tap_eq_bytes(utf8[i].bytes, utf8[i].len, s, len, "get_str value: %s",
                   utf8[i].what);
    else
      tap_ok(s == NULL, "get_str output untouched: %s", utf8[i].what);
    argdata_free(ad);
    errno = 0;
    ad = argdata_create_str(utf8[i].bytes, utf8[i].len);
    if (utf8[i].valid) {
      tap_ok(ad != NULL, "create_str: %s", utf8[i].what);
    } else {
      tap_ok(ad == NULL, "create_str fails: %s", utf8[i].what);
      tap_eq_int(EILSEQ, errno, "create_str EILSEQ: %s", utf8[i].what);
    }
    argdata_free(ad);
    if (memchr(utf8[i].bytes, 0, utf8[i].len) == NULL) {
      char c[16];
      memcpy(c, utf8[i].bytes, utf8[i].len);
      c[utf8[i].len] = 0;
      errno = 0;
      ad = argdata_create_str_c(c);
      tap_eq_int(utf8[i].valid ? 0 : EILSEQ, ad != NULL ? 0 : errno,
                 "create_str_c: %s", utf8[i].what);
      argdata_free(ad);
    }
  }
}

static void test_termination(void) {
  const char *s = NULL;
  size_t len = 0;
  argdata_t *ad = from(B("\x08Hello"));
  tap_eq_int(EINVAL, argdata_get_str(ad, &s, &len), "unterminated: EINVAL");
  tap_eq_int(EINVAL, argdata_get_str_c(ad, &s), "unterminated: str_c EINVAL");
  argdata_free(ad);
  ad = from(B("\x08"));
  tap_eq_int(EINVAL, argdata_get_str(ad, &s, &len), "empty payload: EINVAL");
  argdata_free(ad);
  ad = from(B("\x08\0"));
  tap_eq_int(0, argdata_get_str(ad, &s, &len), "empty string");
  tap_eq_uint(0, len, "empty string length");
  tap_eq_int(0, argdata_get_str_c(ad, &s), "empty string as C string");
  tap_eq_str("", s, "empty string value");
  argdata_free(ad);
  /* The UTF-8 check comes after the NUL check. */
  ad = from(B("\x08\xff"));
  tap_eq_int(EINVAL, argdata_get_str(ad, &s, &len),
             "unterminated bad UTF-8: EINVAL first");
  argdata_free(ad);
  ad = from(B("\x08\xff\0"));
  tap_eq_int(EILSEQ, argdata_get_str_c(ad, &s), "bad UTF-8: str_c EILSEQ");
  argdata_free(ad);
  tap_eq_int(EINVAL, argdata_get_str(&argdata_null, &s, &len), "null: EINVAL");
  tap_eq_int(EINVAL, argdata_get_str_c(&argdata_true, &s), "bool: EINVAL");
  argdata_t *bin = argdata_create_binary("a", 2);
  tap_eq_int(EINVAL, argdata_get_str_c(bin, &s), "binary: EINVAL");
  argdata_free(bin);
}

static void test_embedded_nul(void) {
  const char *s = NULL;
  argdata_t *ad = from(B("\x08Hello\0world\0"));
  tap_eq_int(EILSEQ, argdata_get_str_c(ad, &s), "embedded NUL: str_c EILSEQ");
  tap_ok(s == NULL, "str_c output untouched");
  argdata_free(ad);
  ad = argdata_create_str("Hello\0world", 11);
  tap_eq_int(EILSEQ, argdata_get_str_c(ad, &s),
             "create_str with embedded NUL: str_c EILSEQ");
  argdata_free(ad);
}

/*
 * argdata_create_str(buf, len) where buf[len] is not a NUL and not even
 * ours to read: the value holds a terminated copy.
 */
static void test_create_str_unterminated(void) {
  char *buf = malloc(5);
  memcpy(buf, "abcde", 5); /* no NUL anywhere */
  argdata_t *ad = argdata_create_str(buf, 3);
  const char *s = NULL;
  size_t len = 0;
  tap_eq_int(0, argdata_get_str_c(ad, &s), "create_str(\"abcde\", 3): str_c");
  tap_eq_str("abc", s, "str_c gives a terminated \"abc\"");
  tap_ok(s != buf, "create_str copied the bytes");
  memset(buf, 'z', 5);
  free(buf);
  tap_eq_int(0, argdata_get_str(ad, &s, &len), "get_str after buf freed");
  tap_eq_bytes("abc", 3, s, len, "value survives the caller's buffer");
  test_encodes(ad,
               B("\x08"
                 "abc"
                 "\0"),
               "create_str(\"abc\", 3)");
  argdata_free(ad);

  static const char hello[] = "hello";
  ad = argdata_create_str_c(hello);
  tap_eq_int(0, argdata_get_str_c(ad, &s), "create_str_c: str_c");
  tap_ok(s == hello, "create_str_c borrows the string");
  tap_eq_int(0, argdata_get_str(ad, &s, &len), "create_str_c: get_str");
  tap_ok(s == hello && len == 5, "create_str_c: get_str pointer and length");
  argdata_free(ad);
}

int main(void) {
  test_utf8();
  test_termination();
  test_embedded_nul();
  test_create_str_unterminated();
  return tap_done();
}
