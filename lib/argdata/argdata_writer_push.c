/*
 * argdata_writer_push: write the message set with argdata_writer_set.
 *
 * The message is serialised on the first call, with its descriptors
 * renumbered 0, 1, ... (argdata_serialize). Without descriptors it is
 * written with write(), which works on pipes, files and sockets alike; with
 * descriptors the first bytes go out with sendmsg() and one SCM_RIGHTS
 * control message, which fails with ENOTSOCK on a non-socket. Partial
 * writes are resumed by the next call (EAGAIN on non-blocking descriptors,
 * EINTR). As with write(), writing to a socket or pipe whose reader has gone
 * raises SIGPIPE unless the caller ignores it.
 */
#include <sys/socket.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "argdata_stream_impl.h"

/* Make room for a message of len bytes and n_fds descriptors. */
static int reserve(argdata_writer_t *w, size_t len, size_t n_fds) {
  if (len > w->buf_cap) {
    unsigned char *buf = realloc(w->buf, len);
    if (buf == NULL)
      return ENOMEM;
    w->buf = buf;
    w->buf_cap = len;
  }
  if (n_fds > w->fds_cap) {
    if (n_fds > SIZE_MAX / sizeof(int))
      return ENOMEM;
    int *fds = realloc(w->fds, n_fds * sizeof(int));
    if (fds == NULL)
      return ENOMEM;
    w->fds = fds;
    w->fds_cap = n_fds;
  }
  return 0;
}

static int serialize(argdata_writer_t *w) {
  size_t size, n_fds;
  argdata_serialized_length(w->next, &size, &n_fds);
  if (size > SIZE_MAX - ARGDATA_STREAM_HEADER_LEN)
    return ENOMEM;
  int error = reserve(w, ARGDATA_STREAM_HEADER_LEN + size, n_fds);
  if (error != 0)
    return error;

  /* A non-NULL table requests renumbering even when it stays empty. */
  int no_fds[1];
  w->n_fds = argdata_serialize(w->next, w->buf + ARGDATA_STREAM_HEADER_LEN,
                               n_fds > 0 ? w->fds : no_fds);
  for (size_t i = 0; i < ARGDATA_STREAM_HEADER_LEN; ++i)
    w->buf[i] = (unsigned char)((uint64_t)size >> (8 * (7 - i)));
  w->pos = 0;
  w->len = ARGDATA_STREAM_HEADER_LEN + size;
  w->control_pending = w->n_fds > 0;
  w->next = NULL;
  return 0;
}

static ssize_t send_with_fds(argdata_writer_t *w, int fd) {
  union {
    struct cmsghdr align;
    unsigned char buf[CMSG_SPACE(ARGDATA_STREAM_MAX_FDS * sizeof(int))];
  } control;
  if (w->n_fds > ARGDATA_STREAM_MAX_FDS) {
    errno = EINVAL; /* what the kernel says beyond SCM_MAX_FD */
    return -1;
  }
  /* Zero the alignment padding after the descriptors too. */
  memset(&control, 0, CMSG_SPACE(w->n_fds * sizeof(int)));
  struct iovec iov = {.iov_base = w->buf + w->pos, .iov_len = w->len - w->pos};
  struct msghdr msg = {
      .msg_iov = &iov,
      .msg_iovlen = 1,
      .msg_control = control.buf,
      .msg_controllen = CMSG_SPACE(w->n_fds * sizeof(int)),
  };
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(w->n_fds * sizeof(int));
  memcpy(CMSG_DATA(c), w->fds, w->n_fds * sizeof(int));
  return sendmsg(fd, &msg, 0);
}

int argdata_writer_push(argdata_writer_t *w, int fd) {
  if (w->next != NULL) {
    int error = serialize(w);
    if (error != 0)
      return error;
  }
  while (w->pos < w->len) {
    ssize_t n = w->control_pending ? send_with_fds(w, fd)
                                   : write(fd, w->buf + w->pos, w->len - w->pos);
    if (n < 0)
      return errno;
    if (n == 0)
      return EIO; /* no progress on a non-empty write; not expected */
    w->pos += (size_t)n;
    w->control_pending = false;
  }
  return 0;
}
