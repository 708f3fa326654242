/*
 * argdata_map_iterate/_get/_next: created and parsed maps, END and INVALID
 * (not a map, odd number of subfields, corrupt first or later entry), and
 * every rule of the subfield length prefix.
 */
#include <errno.h>

#include "argdata_test_util.h"

static argdata_t *from(const void *buf, size_t len) {
  return argdata_from_buffer(buf, len, NULL, NULL);
}

/* Count the pairs of a map; *final receives the index after iteration. */
static size_t count_pairs(const argdata_t *ad, size_t *final) {
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  size_t n = 0;
  argdata_map_iterate(ad, &it);
  while (argdata_map_get(&it, &k, &v)) {
    if (it.index != n)
      break;
    ++n;
    argdata_map_next(&it);
  }
  *final = it.index;
  return n;
}

static void expect(const void *buf, size_t len, size_t pairs, size_t final,
                   const char *what) {
  argdata_t *ad = from(buf, len);
  size_t got_final;
  tap_eq_uint(pairs, count_pairs(ad, &got_final), "%s: %zu pairs", what, pairs);
  tap_eq_uint(final, got_final, "%s: ends %s", what,
              final == ARGDATA_ITERATOR_END ? "END" : "INVALID");
  argdata_free(ad);
}

#define END ARGDATA_ITERATOR_END
#define INVALID ARGDATA_ITERATOR_INVALID

static void test_parsed(void) {
  static const unsigned char yaml_map[] =
      "\x06\x87\x08Hello\x00\x87\x08World\x00\x81\x02\x82\x02\x01"
      "\x85\x05\x01\x80\x29\x15\x84\x05\x58\xe5\xd9\x80\x83\x06\x80\x80";
  argdata_t *ad = from(yaml_map, sizeof(yaml_map) - 1);
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  const char *s;
  bool b;
  uintmax_t u;
  intmax_t i;
  argdata_map_iterate(ad, &it);
  tap_eq_uint(0, it.index, "map vector: index 0");
  tap_ok(argdata_map_get(&it, &k, &v), "map vector: pair 0");
  tap_ok(argdata_get_str_c(k, &s) == 0 && strcmp(s, "Hello") == 0,
         "pair 0 key \"Hello\"");
  tap_ok(argdata_get_str_c(v, &s) == 0 && strcmp(s, "World") == 0,
         "pair 0 value \"World\"");
  argdata_map_next(&it);
  tap_eq_uint(1, it.index, "map vector: index 1");
  tap_ok(argdata_map_get(&it, &k, &v), "map vector: pair 1");
  tap_ok(argdata_get_bool(k, &b) == 0 && !b, "pair 1 key false");
  tap_ok(argdata_get_bool(v, &b) == 0 && b, "pair 1 value true");
  argdata_map_next(&it);
  tap_ok(argdata_map_get(&it, &k, &v), "map vector: pair 2");
  tap_ok(argdata_get_int_u(k, &u, UINTMAX_MAX) == 0 && u == 25176341,
         "pair 2 key 25176341");
  tap_ok(argdata_get_int_s(v, &i, INTMAX_MIN, INTMAX_MAX) == 0 && i == 5826009,
         "pair 2 value 5826009");
  argdata_map_next(&it);
  tap_ok(argdata_map_get(&it, &k, &v), "map vector: pair 3");
  size_t len = 9;
  argdata_serialized_length(k, &len, NULL);
  tap_eq_uint(0, len, "pair 3 key null");
  argdata_map_iterator_t inner;
  size_t final;
  tap_eq_uint(1, count_pairs(v, &final), "pair 3 value {null: null}");
  argdata_map_iterate(v, &inner);
  argdata_map_next(&it);
  tap_eq_uint(END, it.index, "map vector: END after 4 pairs");
  tap_ok(!argdata_map_get(&it, &k, &v), "get at END is false");
  argdata_map_next(&it);
  tap_eq_uint(END, it.index, "next at END stays END");
  /* The inner iterator does not depend on the outer one's storage. */
  tap_ok(argdata_map_get(&inner, &k, &v), "inner iterator still valid");
  argdata_free(ad);

  expect(B("\x06"), 0, END, "empty map");
  expect(B("\x06\x80\x80"), 1, END, "{null: null}");
  expect(B("\x06\x80"), 0, INVALID, "key without value");
  expect(B("\x06\x80\x80\x80"), 1, INVALID, "odd count (3 subfields)");
  expect(B("\x06\x82\x08\x00\x81\x05\x00"), 1, INVALID,
         "corrupt later entry (print_yaml example)");
  expect(B("\x06\x00"), 0, INVALID, "leading 00 length byte");
  expect(B("\x06\x01"), 0, INVALID, "length without terminating byte");
  expect(B("\x06\x85\x02"), 0, INVALID, "length beyond the map");
  expect(B("\x06\x01\x80\x80"), 0, INVALID, "128 > remaining");
  expect(B("\x06\x80\x81"), 0, INVALID, "value length beyond the map");
  /* 10 x 7 bits = 70 bits: overflows a 64-bit size_t. */
  expect(B("\x06\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\xff"), 0, INVALID,
         "length overflowing size_t");
  /* Non-minimal-looking but valid: 00 only forbidden as the first byte. */
  expect(B("\x06\x81\x02\x01\x00\x80\x02\x01"), 0, INVALID,
         "01 00 80 = 16384: beyond the map");

  tap_eq_uint(0, count_pairs(&argdata_null, &len), "null: no pairs");
  tap_eq_uint(INVALID, len, "null: INVALID");
  tap_eq_uint(0, count_pairs(&argdata_true, &len), "bool: no pairs");
  tap_eq_uint(INVALID, len, "bool: INVALID");
  ad = from(B("\x07\x80\x80"));
  tap_eq_uint(0, count_pairs(ad, &len), "seq: no pairs");
  tap_eq_uint(INVALID, len, "seq: INVALID");
  argdata_free(ad);
  argdata_map_iterate(&argdata_null, &it);
  argdata_map_next(&it);
  tap_eq_uint(INVALID, it.index, "next at INVALID stays INVALID");
}

static void test_long_prefix(void) {
  /* A 200-byte binary as a key: two-byte length prefix 01 C9 (201). */
  unsigned char buf[1 + 2 + 201 + 1];
  buf[0] = 0x06;
  buf[1] = 0x01;
  buf[2] = 0xc9;
  buf[3] = 0x01;
  memset(buf + 4, 0xab, 200);
  buf[204] = 0x80;
  argdata_t *ad = from(buf, sizeof(buf));
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  const void *p;
  size_t len;
  argdata_map_iterate(ad, &it);
  tap_ok(argdata_map_get(&it, &k, &v), "two-byte prefix: pair read");
  tap_ok(argdata_get_binary(k, &p, &len) == 0 && len == 200 && p == buf + 4,
         "two-byte prefix: 200-byte binary key, zero-copy");
  argdata_map_next(&it);
  tap_eq_uint(END, it.index, "two-byte prefix: END");
  argdata_free(ad);
}

static void test_created(void) {
  argdata_t *one = argdata_create_int_s(1);
  const argdata_t *keys[] = {one, &argdata_true};
  const argdata_t *values[] = {&argdata_false, &argdata_null};
  argdata_t *map = argdata_create_map(keys, values, 2);
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  argdata_map_iterate(map, &it);
  tap_eq_uint(0, it.index, "created map: index 0");
  tap_ok(argdata_map_get(&it, &k, &v) && k == one && v == &argdata_false,
         "created map: pair 0 is the caller's values");
  argdata_map_next(&it);
  tap_ok(argdata_map_get(&it, &k, &v) && k == &argdata_true &&
             v == &argdata_null,
         "created map: pair 1");
  argdata_map_next(&it);
  tap_eq_uint(END, it.index, "created map: END");
  tap_ok(!argdata_map_get(&it, &k, &v), "created map: get at END false");
  argdata_free(map);
  map = argdata_create_map(NULL, NULL, 0);
  argdata_map_iterate(map, &it);
  tap_eq_uint(END, it.index, "created empty map: END");
  argdata_free(map);
  argdata_t *seq = argdata_create_seq(keys, 2);
  argdata_map_iterate(seq, &it);
  tap_eq_uint(INVALID, it.index, "created seq as map: INVALID");
  argdata_free(seq);
  argdata_free(one);
}

int main(void) {
  test_parsed();
  test_long_prefix();
  test_created();
  return tap_done();
}
