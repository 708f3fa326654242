/*
 * Golden vectors of the argdata format (argdata README and the original
 * library's serialisation tests), checked in both directions: the value made
 * with argdata_create_* serialises to exactly these bytes, and the bytes read
 * back with argdata_from_buffer give the value again.
 */
#include <math.h>
#include <stdint.h>

#include "argdata_test_util.h"

static argdata_t *from(const void *buf, size_t len) {
  return argdata_from_buffer(buf, len, test_convert_identity, NULL);
}

/*
 * Structural equality through the public getters and iterators only (test
 * inputs are shallow, so recursion is fine here).
 */
static bool equal(const argdata_t *a, const argdata_t *b) {
  const void *pa, *pb;
  const char *sa, *sb;
  size_t la, lb;
  bool ba, bb;
  intmax_t ia, ib;
  uintmax_t ua, ub;
  struct timespec ta, tb;
  if (argdata_get_binary(a, &pa, &la) == 0)
    return argdata_get_binary(b, &pb, &lb) == 0 && la == lb &&
           memcmp(pa, pb, la) == 0;
  if (argdata_get_bool(a, &ba) == 0)
    return argdata_get_bool(b, &bb) == 0 && ba == bb;
  int fa, fb;
  if (argdata_get_fd(a, &fa) == 0)
    return argdata_get_fd(b, &fb) == 0 && fa == fb;
  double da, db;
  if (argdata_get_float(a, &da) == 0)
    return argdata_get_float(b, &db) == 0 && memcmp(&da, &db, sizeof(da)) == 0;
  if (argdata_get_int_s(a, &ia, INTMAX_MIN, INTMAX_MAX) == 0)
    return argdata_get_int_s(b, &ib, INTMAX_MIN, INTMAX_MAX) == 0 && ia == ib;
  if (argdata_get_int_u(a, &ua, UINTMAX_MAX) == 0)
    return argdata_get_int_u(b, &ub, UINTMAX_MAX) == 0 && ua == ub;
  if (argdata_get_str(a, &sa, &la) == 0)
    return argdata_get_str(b, &sb, &lb) == 0 && la == lb &&
           memcmp(sa, sb, la) == 0;
  if (argdata_get_timestamp(a, &ta) == 0)
    return argdata_get_timestamp(b, &tb) == 0 && ta.tv_sec == tb.tv_sec &&
           ta.tv_nsec == tb.tv_nsec;
  argdata_map_iterator_t ma, mb;
  argdata_map_iterate(a, &ma);
  argdata_map_iterate(b, &mb);
  if (ma.index != ARGDATA_ITERATOR_INVALID) {
    const argdata_t *ka, *va, *kb, *vb;
    for (;;) {
      bool ha = argdata_map_get(&ma, &ka, &va);
      bool hb = argdata_map_get(&mb, &kb, &vb);
      if (ha != hb || ma.index != mb.index)
        return false;
      if (!ha)
        return true;
      if (!equal(ka, kb) || !equal(va, vb))
        return false;
      argdata_map_next(&ma);
      argdata_map_next(&mb);
    }
  }
  argdata_seq_iterator_t qa, qb;
  argdata_seq_iterate(a, &qa);
  argdata_seq_iterate(b, &qb);
  if (qa.index != ARGDATA_ITERATOR_INVALID) {
    const argdata_t *ea, *eb;
    for (;;) {
      bool ha = argdata_seq_get(&qa, &ea);
      bool hb = argdata_seq_get(&qb, &eb);
      if (ha != hb || qa.index != qb.index)
        return false;
      if (!ha)
        return true;
      if (!equal(ea, eb))
        return false;
      argdata_seq_next(&qa);
      argdata_seq_next(&qb);
    }
  }
  /* null (or anything unreadable): compare the serialised sizes. */
  argdata_serialized_length(a, &la, NULL);
  argdata_serialized_length(b, &lb, NULL);
  return la == 0 && lb == 0;
}

/* Encode check plus decode check: the bytes read back equal the value. */
static void golden(const argdata_t *ad, const void *bytes, size_t len,
                   const char *what) {
  test_encodes(ad, bytes, len, what);
  argdata_t *parsed = from(bytes, len);
  tap_ok(equal(ad, parsed) && equal(parsed, ad), "%s: decodes", what);
  argdata_free(parsed);
}

static void int_vector(intmax_t v, bool is_unsigned, uintmax_t uv,
                       const void *bytes, size_t len) {
  argdata_t *ad =
      is_unsigned ? argdata_create_int_u(uv) : argdata_create_int_s(v);
  char what[64];
  if (is_unsigned)
    snprintf(what, sizeof(what), "int %ju", uv);
  else
    snprintf(what, sizeof(what), "int %jd", v);
  test_encodes(ad, bytes, len, what);
  argdata_free(ad);
  ad = from(bytes, len);
  if (is_unsigned) {
    uintmax_t got = 0;
    tap_eq_int(0, argdata_get_int_u(ad, &got, UINTMAX_MAX), "%s: decodes",
               what);
    tap_eq_uint(uv, got, "%s: value", what);
  } else {
    intmax_t got = 0;
    tap_eq_int(0, argdata_get_int_s(ad, &got, INTMAX_MIN, INTMAX_MAX),
               "%s: decodes", what);
    tap_eq_int(v, got, "%s: value", what);
  }
  argdata_free(ad);
}

#define INT_S(v, s) int_vector((v), false, 0, B(s))
#define INT_U(v, s) int_vector(0, true, (v), B(s))

static void test_ints(void) {
  /* README. */
  INT_S(0, "\x05");
  INT_S(1, "\x05\x01");
  INT_S(127, "\x05\x7f");
  INT_S(-128, "\x05\x80");
  INT_S(-1, "\x05\xff");
  INT_S(255, "\x05\x00\xff");
  INT_S(1000, "\x05\x03\xe8");
  INT_S(-1000, "\x05\xfc\x18");
  INT_U(UINT32_MAX, "\x05\x00\xff\xff\xff\xff");
  /* argdata_serialize_test. */
  INT_S(INT64_MIN, "\x05\x80\x00\x00\x00\x00\x00\x00\x00");
  INT_S(-129, "\x05\xff\x7f");
  INT_S(-256, "\x05\xff\x00");
  INT_S(-257, "\x05\xfe\xff");
  INT_S(INT16_MIN, "\x05\x80\x00");
  INT_S(128, "\x05\x00\x80");
  INT_S(256, "\x05\x01\x00");
  INT_S(32768, "\x05\x00\x80\x00");
  INT_S(65535, "\x05\x00\xff\xff");
  INT_S(INT32_MAX, "\x05\x7f\xff\xff\xff");
  INT_S((intmax_t)1 << 31, "\x05\x00\x80\x00\x00\x00");
  INT_S(INT64_MAX, "\x05\x7f\xff\xff\xff\xff\xff\xff\xff");
  INT_U((uintmax_t)1 << 63, "\x05\x00\x80\x00\x00\x00\x00\x00\x00\x00");
  INT_U(UINT64_MAX, "\x05\x00\xff\xff\xff\xff\xff\xff\xff\xff");
  INT_U(0, "\x05");
  INT_U(127, "\x05\x7f");
  INT_U(128, "\x05\x00\x80");
}

static void float_vector(double v, const void *bytes, size_t len,
                         const char *what) {
  argdata_t *ad = argdata_create_float(v);
  test_encodes(ad, bytes, len, what);
  argdata_free(ad);
  ad = from(bytes, len);
  double got = 0.5;
  tap_eq_int(0, argdata_get_float(ad, &got), "%s: decodes", what);
  tap_ok(memcmp(&v, &got, sizeof(v)) == 0 || (isnan(v) && isnan(got)),
         "%s: value", what);
  argdata_free(ad);
}

static void test_floats(void) {
  float_vector(-INFINITY, B("\x04\xff\xf0\0\0\0\0\0\0"), "float -inf");
  float_vector(-2.0, B("\x04\xc0\0\0\0\0\0\0\0"), "float -2");
  float_vector(-1.0, B("\x04\xbf\xf0\0\0\0\0\0\0"), "float -1");
  float_vector(-0.0, B("\x04\x80\0\0\0\0\0\0\0"), "float -0");
  float_vector(0.0, B("\x04\0\0\0\0\0\0\0\0"), "float 0");
  float_vector(1.0, B("\x04\x3f\xf0\0\0\0\0\0\0"), "float 1");
  float_vector(2.0, B("\x04\x40\0\0\0\0\0\0\0"), "float 2");
  float_vector(INFINITY, B("\x04\x7f\xf0\0\0\0\0\0\0"), "float +inf");
  float_vector(NAN, B("\x04\x7f\xf8\0\0\0\0\0\0"), "float nan");
}

static void test_bool_null(void) {
  bool b = true;
  test_encodes(&argdata_false, B("\x02"), "false");
  test_encodes(&argdata_true, B("\x02\x01"), "true");
  test_encodes(&argdata_null, B(""), "null");
  argdata_t *ad = from(B("\x02"));
  tap_eq_int(0, argdata_get_bool(ad, &b), "02 decodes as a bool");
  tap_ok(!b, "02 is false");
  argdata_free(ad);
  ad = from(B("\x02\x01"));
  tap_eq_int(0, argdata_get_bool(ad, &b), "02 01 decodes as a bool");
  tap_ok(b, "02 01 is true");
  argdata_free(ad);
  b = true;
  tap_eq_int(0, argdata_get_bool(&argdata_false, &b), "argdata_false");
  tap_ok(!b, "argdata_false is false");
  tap_eq_int(0, argdata_get_bool(&argdata_true, &b), "argdata_true");
  tap_ok(b, "argdata_true is true");
  ad = from(B(""));
  size_t len = 1, n_fds = 1;
  argdata_serialized_length(ad, &len, &n_fds);
  tap_eq_uint(0, len, "null from an empty buffer has length 0");
  tap_eq_uint(0, n_fds, "null has no fds");
  argdata_free(ad);
}

static void test_fd(void) {
  argdata_t *ad = argdata_create_fd(12);
  size_t len, nfds;
  int fds[2] = {-1, -1};
  unsigned char *got = test_serialize(ad, &len, fds, &nfds);
  tap_eq_bytes("\x03\0\0\0\0", 5, got, len, "create_fd(12) remaps to 0");
  tap_eq_uint(1, nfds, "create_fd(12): one fd");
  tap_eq_int(12, fds[0], "create_fd(12): fds[0] is 12");
  free(got);
  test_encodes(ad, B("\x03\0\0\0\x0c"), "create_fd(12) written literally");
  int fd = -1;
  tap_eq_int(0, argdata_get_fd(ad, &fd), "get_fd on create_fd(12)");
  tap_eq_int(12, fd, "get_fd on create_fd(12) gives 12");
  argdata_free(ad);
  /* README: fd 2. */
  ad = argdata_create_fd(2);
  test_encodes(ad, B("\x03\0\0\0\x02"), "fd 2 (README)");
  argdata_free(ad);
  ad = from(B("\x03\0\0\0\x02"));
  fd = -1;
  tap_eq_int(0, argdata_get_fd(ad, &fd), "03 00 00 00 02 decodes");
  tap_eq_int(2, fd, "03 00 00 00 02 is fd 2");
  argdata_free(ad);
}

static void test_str(void) {
  argdata_t *ad = argdata_create_str_c("123");
  test_encodes(ad,
               B("\x08"
                 "123"
                 "\0"),
               "\"123\" (README)");
  argdata_free(ad);
  ad = argdata_create_str("Hello\0world", 11);
  test_encodes(ad, B("\x08Hello\0world\0"), "str with embedded NUL");
  argdata_free(ad);
  ad = from(B("\x08Hello\0world\0"));
  const char *s = NULL;
  size_t len = 0;
  tap_eq_int(0, argdata_get_str(ad, &s, &len), "embedded NUL str decodes");
  tap_eq_bytes("Hello\0world", 11, s, len, "embedded NUL str value");
  argdata_free(ad);
  ad = from(B("\x08"
              "123"
              "\0"));
  tap_eq_int(0, argdata_get_str_c(ad, &s), "\"123\" decodes");
  tap_eq_str("123", s, "\"123\" value");
  argdata_free(ad);
}

static void test_timestamp_vector(time_t sec, long nsec, const void *bytes,
                                  size_t len) {
  struct timespec ts = {.tv_sec = sec, .tv_nsec = nsec};
  char what[80];
  snprintf(what, sizeof(what), "timestamp (%jd, %ld)", (intmax_t)sec, nsec);
  argdata_t *ad = argdata_create_timestamp(&ts);
  test_encodes(ad, bytes, len, what);
  argdata_free(ad);
  ad = from(bytes, len);
  struct timespec got = {1, 1};
  tap_eq_int(0, argdata_get_timestamp(ad, &got), "%s: decodes", what);
  tap_ok(got.tv_sec == sec && got.tv_nsec == nsec, "%s: value", what);
  argdata_free(ad);
}

static void test_timestamps(void) {
  test_timestamp_vector(0, 0, B("\x09"));
  test_timestamp_vector(0, 1, B("\x09\x01"));
  test_timestamp_vector(0, 128, B("\x09\x00\x80"));
  test_timestamp_vector(-1, 999999999, B("\x09\xff"));
  test_timestamp_vector(-1, 999999872, B("\x09\x80"));
  test_timestamp_vector(2, 147483647, B("\x09\x7f\xff\xff\xff"));
  test_timestamp_vector(INT64_MAX, 999999999,
                        B("\x09\x1d\xcd\x64\xff\xff\xff\xff\xff\xff\xff\xff"
                          "\xff"));
  test_timestamp_vector(INT64_MIN, 0,
                        B("\x09\xe2\x32\x9b\x00\x00\x00\x00\x00\x00\x00\x00"
                          "\x00"));
}

static void test_containers(void) {
  /* README: seq [0, true, "A"]. */
  argdata_t *zero = argdata_create_int_s(0);
  argdata_t *a = argdata_create_str_c("A");
  const argdata_t *elems[] = {zero, &argdata_true, a};
  argdata_t *seq = argdata_create_seq(elems, 3);
  golden(seq, B("\x07\x81\x05\x82\x02\x01\x83\x08\x41\x00"),
         "seq [0, true, \"A\"] (README)");
  argdata_free(seq);
  argdata_free(a);
  argdata_free(zero);

  const argdata_t *keys[] = {&argdata_true, &argdata_false, &argdata_null};
  const argdata_t *values[] = {&argdata_null, &argdata_true, &argdata_false};
  argdata_t *map = argdata_create_map(keys, values, 3);
  golden(map, B("\x06\x82\x02\x01\x80\x81\x02\x82\x02\x01\x80\x81\x02"),
         "map {true: null, false: true, null: false}");
  argdata_free(map);

  const argdata_t *e2[] = {&argdata_false, &argdata_null, &argdata_true};
  seq = argdata_create_seq(e2, 3);
  golden(seq, B("\x07\x81\x02\x80\x82\x02\x01"), "seq [false, null, true]");
  argdata_free(seq);

  /* 125- and 126-char strings: the length prefix grows to two bytes. */
  for (size_t n = 125; n <= 126; ++n) {
    char str[127];
    unsigned char want[140];
    size_t w = 0;
    memset(str, 'x', n);
    str[n] = '\0';
    argdata_t *s = argdata_create_str(str, n);
    const argdata_t *e3[] = {&argdata_null, s, &argdata_null};
    seq = argdata_create_seq(e3, 3);
    want[w++] = 0x07;
    want[w++] = 0x80;
    if (n == 125) {
      want[w++] = 0xff;
    } else {
      want[w++] = 0x01;
      want[w++] = 0x80;
    }
    want[w++] = 0x08;
    memcpy(want + w, str, n);
    w += n;
    want[w++] = 0x00;
    want[w++] = 0x80;
    char what[64];
    snprintf(what, sizeof(what), "seq [null, <%zu-char str>, null]", n);
    golden(seq, want, w, what);
    argdata_free(seq);
    argdata_free(s);
  }
}

/* Map vector of the print_yaml test: created, then decoded with getters. */
static void test_yaml_map_vector(void) {
  static const unsigned char bytes[] =
      "\x06\x87\x08Hello\x00\x87\x08World\x00\x81\x02\x82\x02\x01"
      "\x85\x05\x01\x80\x29\x15\x84\x05\x58\xe5\xd9\x80\x83\x06\x80\x80";
  argdata_t *hello = argdata_create_str_c("Hello");
  argdata_t *world = argdata_create_str_c("World");
  argdata_t *k3 = argdata_create_int_u(25176341);
  argdata_t *v3 = argdata_create_int_s(5826009);
  const argdata_t *nk[] = {&argdata_null};
  const argdata_t *nv[] = {&argdata_null};
  argdata_t *inner = argdata_create_map(nk, nv, 1);
  const argdata_t *keys[] = {hello, &argdata_false, k3, &argdata_null};
  const argdata_t *values[] = {world, &argdata_true, v3, inner};
  argdata_t *map = argdata_create_map(keys, values, 4);
  golden(map, bytes, sizeof(bytes) - 1,
         "map {\"Hello\":\"World\", false:true, 25176341:5826009, "
         "null:{null:null}}");
  argdata_free(map);
  argdata_free(inner);
  argdata_free(v3);
  argdata_free(k3);
  argdata_free(world);
  argdata_free(hello);
}

static int reject_above_int_max(void *arg, size_t raw) {
  (void)arg;
  return raw > INT_MAX ? -1 : (int)raw;
}

static void test_remap(void) {
  static const unsigned char in[] =
      "\x06\x85\x03\x12\x34\x56\x78\x85\x03\x01\x23\x45\x67\x85\x03\x01\x23"
      "\x45\x67\x85\x03\x00\x00\x00\x12Garbage!";
  static const unsigned char want[] =
      "\x06\x85\x03\x00\x00\x00\x00\x85\x03\x00\x00\x00\x01\x85\x03\x00\x00"
      "\x00\x01\x85\x03\x00\x00\x00\x02Garbage!";
  argdata_t *ad =
      argdata_from_buffer(in, sizeof(in) - 1, test_convert_identity, NULL);
  size_t len, nfds, bound = 0;
  argdata_serialized_length(ad, &len, &bound);
  tap_eq_uint(sizeof(in) - 1, len, "remap vector: length unchanged");
  tap_eq_uint(4, bound, "remap vector: 4 fd occurrences counted");
  int fds[4] = {-1, -1, -1, -1};
  unsigned char *got = test_serialize(ad, &len, fds, &nfds);
  tap_eq_bytes(want, sizeof(want) - 1, got, len,
               "remap vector: fds become 0, 1, 1, 2, garbage kept");
  tap_eq_uint(3, nfds, "remap vector: 3 distinct fds");
  tap_eq_int(0x12345678, fds[0], "remap vector: fds[0]");
  tap_eq_int(0x01234567, fds[1], "remap vector: fds[1]");
  tap_eq_int(0x12, fds[2], "remap vector: fds[2]");
  free(got);
  /* Literal mode leaves the buffer byte for byte. */
  got = test_serialize(ad, &len, NULL, &nfds);
  tap_eq_bytes(in, sizeof(in) - 1, got, len, "remap vector: literal copy");
  tap_eq_uint(0, nfds, "literal mode returns 0");
  free(got);
  argdata_free(ad);

  ad = argdata_from_buffer(B("\x03\xca\xfe\xba\xbe"), reject_above_int_max,
                           NULL);
  got = test_serialize(ad, &len, fds, &nfds);
  tap_eq_bytes("\x03\xff\xff\xff\xff", 5, got, len,
               "03 CAFEBABE with a refusing converter becomes FFFFFFFF");
  tap_eq_uint(0, nfds, "refused fd is not counted as distinct");
  free(got);
  argdata_free(ad);

  /* No converter: every fd is invalid when remapping. */
  ad = argdata_from_buffer(B("\x03\0\0\0\x01"), NULL, NULL);
  got = test_serialize(ad, &len, fds, &nfds);
  tap_eq_bytes("\x03\xff\xff\xff\xff", 5, got, len,
               "fd without a converter becomes FFFFFFFF");
  free(got);
  argdata_free(ad);
}

/*
 * The process contract's worked example: the launcher gives the program
 * fd 4 as "out" and fd 5 as "dir", and fd 3 holds this map. Literal mode
 * (fds == NULL) writes the numbers as they are; remapping lists the
 * descriptors [4, 5] and writes their indices 0 and 1 instead.
 */
static void test_process_contract(void) {
  static const unsigned char want[] =
      "\x06\x85\x08\x6f\x75\x74\x00\x85\x03\x00\x00\x00\x04"
      "\x85\x08\x64\x69\x72\x00\x85\x03\x00\x00\x00\x05";
  static const unsigned char want_remapped[] =
      "\x06\x85\x08\x6f\x75\x74\x00\x85\x03\x00\x00\x00\x00"
      "\x85\x08\x64\x69\x72\x00\x85\x03\x00\x00\x00\x01";
  argdata_t *out_key = argdata_create_str_c("out");
  argdata_t *dir_key = argdata_create_str_c("dir");
  argdata_t *out_fd = argdata_create_fd(4);
  argdata_t *dir_fd = argdata_create_fd(5);
  const argdata_t *keys[] = {out_key, dir_key};
  const argdata_t *values[] = {out_fd, dir_fd};
  argdata_t *map = argdata_create_map(keys, values, 2);
  size_t len, bound = 0, nfds;
  argdata_serialized_length(map, &len, &bound);
  tap_eq_uint(sizeof(want) - 1, len, "process contract: 25 bytes");
  tap_eq_uint(2, bound, "process contract: 2 fd occurrences");
  golden(map, want, sizeof(want) - 1, "process contract (literal)");

  int fds[2] = {-1, -1};
  unsigned char *got = test_serialize(map, &len, fds, &nfds);
  tap_eq_bytes(want_remapped, sizeof(want_remapped) - 1, got, len,
               "process contract (remapped): values 0 and 1");
  tap_eq_uint(2, nfds, "process contract (remapped): 2 fds");
  tap_eq_int(4, fds[0], "process contract (remapped): fds[0] is 4");
  tap_eq_int(5, fds[1], "process contract (remapped): fds[1] is 5");
  free(got);

  /* The program's view: the literal bytes read back as out=4, dir=5. */
  argdata_t *parsed = from(want, sizeof(want) - 1);
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  const char *name;
  int fd;
  static const char *const names[] = {"out", "dir"};
  size_t i = 0;
  argdata_map_iterate(parsed, &it);
  while (argdata_map_get(&it, &k, &v)) {
    name = NULL;
    fd = -1;
    tap_eq_int(0, argdata_get_str_c(k, &name), "process contract: key %zu",
               i);
    tap_eq_str(i < 2 ? names[i] : "(none)", name,
               "process contract: key %zu name", i);
    tap_eq_int(0, argdata_get_fd(v, &fd), "process contract: value %zu", i);
    tap_eq_int((int)(4 + i), fd, "process contract: value %zu fd", i);
    argdata_map_next(&it);
    ++i;
  }
  tap_eq_uint(2, i, "process contract: 2 entries");
  argdata_free(parsed);

  argdata_free(map);
  argdata_free(out_key);
  argdata_free(dir_key);
  argdata_free(out_fd);
  argdata_free(dir_fd);
}

static void test_garbage(void) {
  static const char *const garbage[] = {
      "\x05Integers should not get modified",
      "Some random data",
  };
  for (size_t i = 0; i < 2; ++i) {
    size_t n = strlen(garbage[i]), len, nfds;
    int fds[1];
    argdata_t *ad =
        argdata_from_buffer(garbage[i], n, test_convert_identity, NULL);
    unsigned char *got = test_serialize(ad, &len, fds, &nfds);
    tap_eq_bytes(garbage[i], n, got, len, "garbage %zu copied unchanged", i);
    tap_eq_uint(0, nfds, "garbage %zu has no fds", i);
    free(got);
    argdata_free(ad);
  }
}

/* A created tree mixing created fds and a parsed buffer holding fds. */
static void test_mixed_remap(void) {
  static const unsigned char inner[] =
      "\x07\x85\x03\x00\x00\x00\x07\x85\x03\x00\x00\x00\x05";
  argdata_t *fd5 = argdata_create_fd(5);
  argdata_t *fd9 = argdata_create_fd(9);
  argdata_t *buf = argdata_from_buffer(inner, sizeof(inner) - 1,
                                       test_convert_identity, NULL);
  const argdata_t *keys[] = {fd5, fd9};
  const argdata_t *values[] = {buf, fd5};
  argdata_t *map = argdata_create_map(keys, values, 2);
  size_t len, nfds, bound;
  argdata_serialized_length(map, &len, &bound);
  tap_eq_uint(5, bound, "mixed tree: 5 fd occurrences");
  int fds[5];
  unsigned char *got = test_serialize(map, &len, fds, &nfds);
  static const unsigned char want[] =
      "\x06\x85\x03\x00\x00\x00\x00\x8d\x07\x85\x03\x00\x00\x00\x01\x85\x03"
      "\x00\x00\x00\x00\x85\x03\x00\x00\x00\x02\x85\x03\x00\x00\x00\x00";
  tap_eq_bytes(want, sizeof(want) - 1, got, len,
               "mixed tree: depth-first numbering, key before value");
  tap_eq_uint(3, nfds, "mixed tree: 3 distinct fds");
  tap_ok(fds[0] == 5 && fds[1] == 7 && fds[2] == 9,
         "mixed tree: fds = [5, 7, 9]");
  free(got);
  argdata_free(map);
  argdata_free(buf);
  argdata_free(fd9);
  argdata_free(fd5);
}

static void test_binary(void) {
  argdata_t *ad = argdata_create_binary("\x00\xff\x10", 3);
  golden(ad, B("\x01\x00\xff\x10"), "binary 00 FF 10");
  argdata_free(ad);
  ad = argdata_create_binary(NULL, 0);
  test_encodes(ad, B("\x01"), "empty binary");
  argdata_free(ad);
}

/* The comparison used by the decode checks can tell values apart. */
static void test_equal(void) {
  argdata_t *one = argdata_create_int_s(1), *two = argdata_create_int_s(2);
  argdata_t *fd = argdata_create_fd(1);
  const argdata_t *e1[] = {one, &argdata_true}, *e2[] = {one, &argdata_false};
  argdata_t *s1 = argdata_create_seq(e1, 2), *s2 = argdata_create_seq(e2, 2);
  argdata_t *s3 = argdata_create_seq(e1, 1);
  argdata_t *m1 = argdata_create_map(e1, e1 + 1, 1); /* {1: true} */
  argdata_t *m2 = argdata_create_map(e1, e2 + 1, 1); /* {1: false} */
  tap_ok(equal(s1, s1) && equal(m1, m1) && equal(fd, fd), "equal: same");
  tap_ok(!equal(one, two) && !equal(one, fd) &&
             !equal(&argdata_true, &argdata_false),
         "equal: scalars differ");
  tap_ok(!equal(s1, s2) && !equal(s1, s3) && !equal(s3, s1) && !equal(m1, m2) &&
             !equal(m1, s1) && !equal(&argdata_null, one),
         "equal: containers differ");
  argdata_free(m2);
  argdata_free(m1);
  argdata_free(s3);
  argdata_free(s2);
  argdata_free(s1);
  argdata_free(fd);
  argdata_free(two);
  argdata_free(one);
}

int main(void) {
  test_equal();
  test_ints();
  test_floats();
  test_bool_null();
  test_fd();
  test_str();
  test_timestamps();
  test_containers();
  test_yaml_map_vector();
  test_remap();
  test_process_contract();
  test_garbage();
  test_mixed_remap();
  test_binary();
  return tap_done();
}
