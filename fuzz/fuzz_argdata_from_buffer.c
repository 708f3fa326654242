/*
 * Fuzz argdata_from_buffer: decode arbitrary bytes, walk the tree calling
 * every getter, print it as YAML, and serialise it again:
 *   - with a converter mapping every descriptor to itself and fds == NULL,
 *     the bytes must come back unchanged (unless a descriptor number does
 *     not fit in an int, which the converter cannot map to itself);
 *   - with a converter accepting only some descriptors and fds != NULL, the
 *     output must have argdata_serialized_length's size, the number of
 *     distinct descriptors must be within its bound, and the output must
 *     decode again.
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_argdata_walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct convert_state {
  bool unmappable; /* a raw number above INT_MAX, other than UINT32_MAX */
};

static int convert_identity(void *arg, size_t raw) {
  struct convert_state *st = arg;
  if (raw > INT_MAX) {
    if (raw != UINT32_MAX)
      st->unmappable = true;
    return -1;
  }
  return (int)raw;
}

/* Accept small even numbers only. */
static int convert_some(void *arg, size_t raw) {
  (void)arg;
  return raw < 1000 && raw % 2 == 0 ? (int)raw + 3 : -1;
}

static void check_identity(const uint8_t *data, size_t size) {
  struct convert_state st = {false};
  argdata_t *ad = argdata_from_buffer(data, size, convert_identity, &st);
  if (ad == NULL)
    return;
  fuzz_walk(ad, 0);
  fuzz_print(ad);
  size_t len = SIZE_MAX, n_fds = SIZE_MAX;
  argdata_serialized_length(ad, &len, &n_fds);
  FUZZ_CHECK(len == size);
  uint8_t *out = malloc(len + 1);
  FUZZ_CHECK(out != NULL);
  st.unmappable = false;
  FUZZ_CHECK(argdata_serialize(ad, out, NULL) == 0);
  if (!st.unmappable)
    FUZZ_CHECK(memcmp(out, data, size) == 0);
  free(out);
  argdata_free(ad);
}

static void check_remap(const uint8_t *data, size_t size) {
  argdata_t *ad = argdata_from_buffer(data, size, convert_some, NULL);
  if (ad == NULL)
    return;
  size_t len = SIZE_MAX, n_fds = SIZE_MAX;
  argdata_serialized_length(ad, &len, &n_fds);
  FUZZ_CHECK(len == size);
  uint8_t *out = malloc(len + 1);
  int *fds = malloc((n_fds + 1) * sizeof(int));
  FUZZ_CHECK(out != NULL && fds != NULL);
  out[len] = 0xA5; /* canary: nothing is written past len */
  size_t unique = argdata_serialize(ad, out, fds);
  FUZZ_CHECK(out[len] == 0xA5);
  FUZZ_CHECK(unique <= n_fds);
  for (size_t i = 0; i < unique; ++i) {
    FUZZ_CHECK(fds[i] >= 3 && fds[i] < 1003 && (fds[i] - 3) % 2 == 0);
    for (size_t j = 0; j < i; ++j)
      FUZZ_CHECK(fds[i] != fds[j]);
  }
  argdata_t *again = argdata_from_buffer(out, len, NULL, NULL);
  FUZZ_CHECK(again != NULL);
  fuzz_walk(again, 0);
  argdata_free(again);
  free(fds);
  free(out);
  argdata_free(ad);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  check_identity(data, size);
  check_remap(data, size);
  argdata_t *ad = argdata_from_buffer(data, size, NULL, NULL);
  if (ad != NULL) { /* no converter: every descriptor is refused */
    int fd;
    FUZZ_CHECK(argdata_get_fd(ad, &fd) != 0);
    fuzz_print(ad);
    argdata_free(ad);
  }
  return 0;
}
