/*
 * Helpers shared by the libargdata tests (header-only, included by the
 * *_test.c programs; not a test itself).
 */
#ifndef LIB_ARGDATA_TESTS_ARGDATA_TEST_UTIL_H
#define LIB_ARGDATA_TESTS_ARGDATA_TEST_UTIL_H

#include <argdata.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "tests/harness/tap.h"

/* Byte-string literal helper: B("\x08" "abc") with its length. */
#define B(s) (const void *)(s), (sizeof(s) - 1)

/* Serialise ad into a fresh buffer (caller frees); length and fd result. */
__attribute__((unused)) static unsigned char *
test_serialize(const argdata_t *ad, size_t *len, int *fds, size_t *nfds_ret) {
  size_t n_fds;
  argdata_serialized_length(ad, len, &n_fds);
  unsigned char *buf = malloc(*len + 1);
  size_t r = argdata_serialize(ad, buf, fds);
  if (nfds_ret != NULL)
    *nfds_ret = r;
  return buf;
}

/* Check that ad serialises (literally, fds == NULL) to the given bytes. */
__attribute__((unused)) static void test_encodes(const argdata_t *ad,
                                                 const void *bytes, size_t len,
                                                 const char *what) {
  size_t got_len;
  if (!tap_ok(ad != NULL, "%s: created", what))
    return;
  unsigned char *got = test_serialize(ad, &got_len, NULL, NULL);
  tap_eq_bytes(bytes, len, got, got_len, "%s: encodes", what);
  free(got);
}

/* A converter that accepts every raw value up to INT_MAX unchanged. */
__attribute__((unused)) static int test_convert_identity(void *arg,
                                                         size_t raw) {
  (void)arg;
  return raw <= INT_MAX ? (int)raw : -1;
}

#endif
