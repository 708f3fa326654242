/*
 * argdata_seq_iterate/_get/_next: created and parsed seqs, END, INVALID on
 * a corrupt first or later element, and a non-seq.
 */
#include <errno.h>

#include "argdata_test_util.h"

#define END ARGDATA_ITERATOR_END
#define INVALID ARGDATA_ITERATOR_INVALID

static argdata_t *from(const void *buf, size_t len) {
  return argdata_from_buffer(buf, len, test_convert_identity, NULL);
}

static size_t count_elems(const argdata_t *ad, size_t *final) {
  argdata_seq_iterator_t it;
  const argdata_t *e;
  size_t n = 0;
  argdata_seq_iterate(ad, &it);
  while (argdata_seq_get(&it, &e)) {
    if (it.index != n)
      break;
    ++n;
    argdata_seq_next(&it);
  }
  *final = it.index;
  return n;
}

static void expect(const void *buf, size_t len, size_t elems, size_t final,
                   const char *what) {
  argdata_t *ad = from(buf, len);
  size_t got_final;
  tap_eq_uint(elems, count_elems(ad, &got_final), "%s: %zu elements", what,
              elems);
  tap_eq_uint(final, got_final, "%s: ends %s", what,
              final == END ? "END" : "INVALID");
  argdata_free(ad);
}

static void test_parsed(void) {
  argdata_t *ad = from(B("\x07\x81\x05\x82\x02\x01\x83\x08\x41\x00"));
  argdata_seq_iterator_t it;
  const argdata_t *e;
  intmax_t i = 9;
  bool b = false;
  const char *s;
  argdata_seq_iterate(ad, &it);
  tap_ok(argdata_seq_get(&it, &e) && argdata_get_int_s(e, &i, 0, 0) == 0 &&
             i == 0,
         "README seq: element 0 is 0");
  argdata_seq_next(&it);
  tap_ok(argdata_seq_get(&it, &e) && argdata_get_bool(e, &b) == 0 && b,
         "README seq: element 1 is true");
  argdata_seq_next(&it);
  tap_ok(argdata_seq_get(&it, &e) && argdata_get_str_c(e, &s) == 0 &&
             strcmp(s, "A") == 0,
         "README seq: element 2 is \"A\"");
  tap_eq_uint(2, it.index, "README seq: index 2");
  argdata_seq_next(&it);
  tap_eq_uint(END, it.index, "README seq: END");
  tap_ok(!argdata_seq_get(&it, &e), "get at END is false");
  argdata_seq_next(&it);
  tap_eq_uint(END, it.index, "next at END stays END");
  argdata_free(ad);

  /* Elements share the container's fd converter. */
  ad = from(B("\x07\x85\x03\x00\x00\x00\x09"));
  int fd = -1;
  argdata_seq_iterate(ad, &it);
  tap_ok(argdata_seq_get(&it, &e) && argdata_get_fd(e, &fd) == 0 && fd == 9,
         "element fd uses the buffer's converter");
  argdata_free(ad);

  expect(B("\x07"), 0, END, "empty seq");
  expect(B("\x07\x81\x02\x80\x82\x02\x01"), 3, END, "[false, null, true]");
  expect(B("\x07\x80\x00"), 1, INVALID, "corrupt later element (00)");
  expect(B("\x07\x80\x81"), 1, INVALID, "later element beyond the end");
  expect(B("\x07\x00"), 0, INVALID, "leading 00 length byte");
  expect(B("\x07\x7f"), 0, INVALID, "unterminated length");
  expect(B("\x07\x85\x02"), 0, INVALID, "length beyond the seq");
  expect(B("\x07\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\xff"), 0, INVALID,
         "length overflowing size_t");
  size_t final;
  tap_eq_uint(0, count_elems(&argdata_null, &final), "null: no elements");
  tap_eq_uint(INVALID, final, "null: INVALID");
  ad = from(B("\x06"));
  tap_eq_uint(0, count_elems(ad, &final), "map: no elements");
  tap_eq_uint(INVALID, final, "map: INVALID");
  argdata_free(ad);
  argdata_seq_iterate(&argdata_false, &it);
  argdata_seq_next(&it);
  tap_eq_uint(INVALID, it.index, "next at INVALID stays INVALID");
}

static void test_created(void) {
  const argdata_t *entries[] = {&argdata_true, &argdata_null, &argdata_false};
  argdata_t *seq = argdata_create_seq(entries, 3);
  argdata_seq_iterator_t it;
  const argdata_t *e;
  size_t n = 0;
  bool same = true;
  for (argdata_seq_iterate(seq, &it); argdata_seq_get(&it, &e);
       argdata_seq_next(&it))
    same = same && it.index == n && e == entries[n++];
  tap_ok(same && n == 3, "created seq: the caller's 3 elements in order");
  tap_eq_uint(END, it.index, "created seq: END");
  argdata_free(seq);
  seq = argdata_create_seq(NULL, 0);
  argdata_seq_iterate(seq, &it);
  tap_eq_uint(END, it.index, "created empty seq: END");
  argdata_free(seq);
  argdata_t *map = argdata_create_map(entries, entries, 1);
  argdata_seq_iterate(map, &it);
  tap_eq_uint(INVALID, it.index, "created map as seq: INVALID");
  argdata_free(map);
  argdata_t *s = argdata_create_str_c("x");
  argdata_seq_iterate(s, &it);
  tap_eq_uint(INVALID, it.index, "created str as seq: INVALID");
  argdata_free(s);
}

int main(void) {
  test_parsed();
  test_created();
  return tap_done();
}
