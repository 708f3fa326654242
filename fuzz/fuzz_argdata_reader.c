/*
 * Fuzz the stream reader: the input is written into a pipe (even length) or
 * a stream socketpair (odd length), the writing end is closed, and messages
 * are pulled with small limits until the stream ends or an error comes.
 * Each message is walked, printed and serialised again.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fuzz_argdata_walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_DATA 256
#define MAX_FDS 4
#define MAX_MESSAGES 64

static void check_message(const argdata_t *ad) {
  fuzz_walk(ad, 0);
  fuzz_print(ad);
  size_t len, n_fds;
  argdata_serialized_length(ad, &len, &n_fds);
  FUZZ_CHECK(len <= MAX_DATA);
  uint8_t *out = malloc(len + 1);
  int *fds = malloc((n_fds + 1) * sizeof(int));
  FUZZ_CHECK(out != NULL && fds != NULL);
  FUZZ_CHECK(argdata_serialize(ad, out, fds) <= n_fds);
  free(fds);
  free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int p[2];
  if (size > 60000)
    return 0; /* must fit the pipe/socket buffer: we write before reading */
  int r = size % 2 == 0 ? pipe2(p, O_CLOEXEC)
                        : socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, p);
  FUZZ_CHECK(r == 0);
  int rd = p[0], wr = p[1];
  size_t done = 0;
  while (done < size) {
    ssize_t w = write(wr, data + done, size - done);
    FUZZ_CHECK(w > 0);
    done += (size_t)w;
  }
  close(wr);

  argdata_reader_t *reader = argdata_reader_create(MAX_DATA, MAX_FDS);
  FUZZ_CHECK(reader != NULL);
  for (int i = 0; i < MAX_MESSAGES; ++i) {
    int e = argdata_reader_pull(reader, rd);
    if (e != 0) {
      FUZZ_CHECK(e == EMSGSIZE || e == EBADMSG);
      break;
    }
    const argdata_t *ad = argdata_reader_get(reader);
    if (ad == NULL)
      break; /* clean end of stream */
    check_message(ad);
  }
  argdata_reader_free(reader);
  close(rd);
  return 0;
}
