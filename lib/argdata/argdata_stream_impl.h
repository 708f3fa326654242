/*
 * Internal state of the stream reader and writer (argdata_reader_*.c,
 * argdata_writer_*.c). Not part of the public API.
 *
 * Framing: each message is an 8-byte big-endian length followed by that
 * many bytes of argdata. Descriptors travel in one SCM_RIGHTS control
 * message attached to the first bytes of the message (the writer's first
 * sendmsg); inside the message, fd value i names the i-th descriptor
 * received with it.
 */
#ifndef ARGDATA_STREAM_IMPL_H
#define ARGDATA_STREAM_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include <argdata.h>

/* Length of the message header. */
#define ARGDATA_STREAM_HEADER_LEN 8

/*
 * The most descriptors one message can carry: Linux accepts at most 253
 * (SCM_MAX_FD) in one SCM_RIGHTS message, and the writer sends them all in
 * one. A reader's max_fds_len above this acts as this.
 */
#define ARGDATA_STREAM_MAX_FDS 253

struct argdata_reader_t {
  size_t max_data_len;
  size_t max_fds_len; /* min(the caller's limit, ARGDATA_STREAM_MAX_FDS) */

  /* The message being received, or the last one received. */
  unsigned char header[ARGDATA_STREAM_HEADER_LEN];
  size_t header_len;     /* header bytes received so far */
  unsigned char *data;   /* message body, data_cap bytes allocated */
  size_t data_cap;
  size_t data_len;       /* body bytes received so far */
  int *fds;              /* received descriptors, max_fds_len slots */
  bool *released;        /* released[i]: fds[i] belongs to the caller now */
  size_t n_fds;
  argdata_t *root;       /* the message, once complete */

  bool finished; /* a message (or EOF) was returned; the next pull resets */
  int error;     /* EMSGSIZE or EBADMSG: the stream is out of sync */
};

struct argdata_writer_t {
  const argdata_t *next; /* set but not yet serialised */
  unsigned char *buf;    /* header + body of the current message */
  size_t buf_cap;
  size_t pos, len;       /* bytes written so far, total bytes */
  int *fds;              /* descriptors to send with the first bytes */
  size_t fds_cap;
  size_t n_fds;
  bool control_pending;  /* the descriptors have not been sent yet */
};

/* Close the descriptors of the current message that were not released. */
static inline void argdata_reader_close_fds_(argdata_reader_t *r) {
  for (size_t i = 0; i < r->n_fds; ++i)
    if (!r->released[i])
      close(r->fds[i]);
  r->n_fds = 0;
}

#endif
