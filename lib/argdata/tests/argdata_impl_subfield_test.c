/*
 * The subfield length prefix helpers of argdata_impl.h: the encoding table
 * of the format (high bit on the last byte) and each rejection rule.
 */
#include "argdata_impl.h"
#include "argdata_test_util.h"

static void test_encode(size_t len, const void *bytes, size_t n) {
  uint8_t out[16];
  size_t got = argdata_impl_encode_subfield_length(len, out);
  tap_eq_bytes(bytes, n, out, got, "length %zu encodes", len);
  tap_eq_uint(n, argdata_impl_subfield_prefix_size(len),
              "length %zu prefix size", len);
  /* Decoding needs len bytes after the prefix. */
  uint8_t *in = malloc(n + len);
  memcpy(in, bytes, n);
  memset(in + n, 0, len);
  const uint8_t *pos = in, *elem = NULL;
  size_t elem_len = 0;
  tap_ok(argdata_impl_parse_subfield(&pos, in + n + len, &elem, &elem_len) &&
             elem == in + n && elem_len == len && pos == in + n + len,
         "length %zu decodes", len);
  free(in);
}

static void test_reject(const void *bytes, size_t n, const char *what) {
  const uint8_t *in = bytes, *pos = in, *elem = NULL;
  size_t elem_len = 0;
  tap_ok(!argdata_impl_parse_subfield(&pos, in + n, &elem, &elem_len) &&
             pos == in && elem == NULL,
         "rejected: %s", what);
}

int main(void) {
  test_encode(0, B("\x80"));
  test_encode(1, B("\x81"));
  test_encode(6, B("\x86"));
  test_encode(127, B("\xff"));
  test_encode(128, B("\x01\x80"));
  test_encode(16383, B("\x7f\xff"));
  test_encode(16384, B("\x01\x00\x80"));
  uint8_t out[16];
  size_t n = argdata_impl_encode_subfield_length(SIZE_MAX, out);
  tap_eq_uint(10, n, "SIZE_MAX takes 10 bytes");
  tap_ok(out[0] == 0x01 && out[9] == 0xff, "SIZE_MAX encoding 01 7F.. FF");
  test_reject(B(""), "empty input");
  test_reject(B("\x00\x81\x00"), "leading 00");
  test_reject(B("\x01"), "no terminating byte");
  test_reject(B("\x01\x7f"), "no terminating byte (2)");
  test_reject(B("\x82\x00"), "length beyond the input");
  test_reject(B("\x02\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\xff"),
              "65-bit length overflows size_t");
  /* 01 7F x8 FF is 2^64 - 1 (fits) but is beyond the input. */
  test_reject(B("\x01\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\xff"),
              "SIZE_MAX beyond the input");
  /* Non-minimal prefixes after a non-zero first byte are fine. */
  const uint8_t in[] = {0x01, 0x00, 0x80};
  const uint8_t *pos = in, *elem;
  size_t elem_len;
  tap_ok(!argdata_impl_parse_subfield(&pos, in + 3, &elem, &elem_len),
         "16384 needs 16384 bytes");
  tap_ok(argdata_impl_utf8_valid((const uint8_t *)"", 0), "utf8: empty ok");
  return tap_done();
}
