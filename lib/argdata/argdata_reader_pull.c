/*
 * argdata_reader_pull: receive the next message (see argdata.h).
 *
 * Every read goes through recvmsg(MSG_CMSG_CLOEXEC) so that descriptors
 * attached to the message are received (close-on-exec) whenever they come;
 * on a non-socket recvmsg fails with ENOTSOCK and read() is used instead.
 * Exactly the bytes of the current message are requested, so a message's
 * descriptors can never be taken together with the next message's. The
 * input must be a byte stream (stream socket, pipe, file): on a
 * record-oriented socket (SOCK_SEQPACKET, SOCK_DGRAM) reading the header
 * alone drops the rest of the record, which is reported as EBADMSG.
 *
 * State survives between calls, so EAGAIN and EINTR (non-blocking or
 * interrupted descriptors) resume where they stopped. EMSGSIZE and EBADMSG
 * leave the stream out of sync: the descriptors received for the broken
 * message are closed and every later pull returns the same error.
 */
#include <sys/socket.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "argdata_stream_impl.h"

/* Maps fd number i inside the message to the i-th received descriptor. */
static int convert_fd(void *arg, size_t i) {
  const argdata_reader_t *r = arg;
  return i < r->n_fds ? r->fds[i] : -1;
}

/* Keep the descriptors of one control message; false if over the limit. */
static bool take_fds(argdata_reader_t *r, struct msghdr *msg) {
  bool ok = (msg->msg_flags & MSG_CTRUNC) == 0;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c != NULL;
       c = CMSG_NXTHDR(msg, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
      continue;
    const unsigned char *p = CMSG_DATA(c);
    size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (size_t i = 0; i < n; ++i) {
      int fd;
      memcpy(&fd, p + i * sizeof(int), sizeof(int));
      if (r->n_fds < r->max_fds_len) {
        r->released[r->n_fds] = false;
        r->fds[r->n_fds++] = fd;
      } else {
        close(fd);
        ok = false;
      }
    }
  }
  return ok;
}

/* Read up to len bytes; returns the count, 0 at EOF, or -errno. */
static ssize_t receive(argdata_reader_t *r, int fd, void *buf, size_t len) {
  union {
    struct cmsghdr align;
    unsigned char buf[CMSG_SPACE(ARGDATA_STREAM_MAX_FDS * sizeof(int))];
  } control;
  struct iovec iov = {.iov_base = buf, .iov_len = len};
  struct msghdr msg = {
      .msg_iov = &iov,
      .msg_iovlen = 1,
      .msg_control = r->max_fds_len > 0 ? control.buf : NULL,
      .msg_controllen =
          r->max_fds_len > 0 ? CMSG_SPACE(r->max_fds_len * sizeof(int)) : 0,
  };
  ssize_t n = recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
  if (n >= 0) {
    if (!take_fds(r, &msg))
      return -EMSGSIZE;
    /* A record-oriented socket dropped the rest of a record. */
    return (msg.msg_flags & MSG_TRUNC) != 0 ? -EBADMSG : n;
  }
  if (errno != ENOTSOCK)
    return -errno;
  n = read(fd, buf, len);
  return n >= 0 ? n : -errno;
}

/* The stream is out of sync: drop the broken message for good. */
static int fail(argdata_reader_t *r, int error) {
  argdata_reader_close_fds_(r);
  r->error = error;
  return error;
}

int argdata_reader_pull(argdata_reader_t *r, int fd) {
  if (r->error != 0)
    return r->error;
  if (r->finished) {
    /* Discard the previous message. */
    argdata_reader_close_fds_(r);
    argdata_free(r->root);
    r->root = NULL;
    r->header_len = 0;
    r->data_len = 0;
    r->finished = false;
  }

  while (r->header_len < ARGDATA_STREAM_HEADER_LEN) {
    ssize_t n = receive(r, fd, r->header + r->header_len,
                        ARGDATA_STREAM_HEADER_LEN - r->header_len);
    if (n == -EMSGSIZE || n == -EBADMSG)
      return fail(r, (int)-n);
    if (n < 0)
      return (int)-n;
    if (n == 0) {
      if (r->header_len > 0 || r->n_fds > 0)
        return fail(r, EBADMSG);
      r->finished = true; /* clean end of stream */
      return 0;
    }
    r->header_len += (size_t)n;
  }

  uint64_t len = 0;
  for (size_t i = 0; i < ARGDATA_STREAM_HEADER_LEN; ++i)
    len = len << 8 | r->header[i];
  if (len > r->max_data_len)
    return fail(r, EMSGSIZE);
  if (len > r->data_cap) {
    unsigned char *data = realloc(r->data, (size_t)len);
    if (data == NULL)
      return ENOMEM;
    r->data = data;
    r->data_cap = (size_t)len;
  }

  while (r->data_len < len) {
    ssize_t n = receive(r, fd, r->data + r->data_len, (size_t)len - r->data_len);
    if (n == -EMSGSIZE || n == -EBADMSG)
      return fail(r, (int)-n);
    if (n < 0)
      return (int)-n;
    if (n == 0)
      return fail(r, EBADMSG);
    r->data_len += (size_t)n;
  }

  static const unsigned char empty[1];
  r->root = argdata_from_buffer(len > 0 ? r->data : empty, (size_t)len,
                                convert_fd, r);
  if (r->root == NULL)
    return ENOMEM;
  r->finished = true;
  return 0;
}
