/*
 * argdata_writer_push: stream framing into pipes, files and sockets, fd
 * passing with SCM_RIGHTS, ENOTSOCK and resumable partial writes.
 */
#include <argdata.h>

#include <sys/socket.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/harness/tap.h"

/* Read everything until EOF (the write end must be closed). */
static size_t slurp(int fd, unsigned char *buf, size_t cap) {
  size_t len = 0;
  ssize_t n;
  while (len < cap && (n = read(fd, buf + len, cap - len)) > 0)
    len += (size_t)n;
  return len;
}

static bool same_file(int a, int b) {
  struct stat sa, sb;
  return fstat(a, &sa) == 0 && fstat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

static void test_pipe_vector(void) {
  int p[2];
  if (pipe(p) != 0)
    abort();
  argdata_writer_t *w = argdata_writer_create();
  tap_ok(w != NULL, "argdata_writer_create");
  const argdata_t *msgs[] = {&argdata_null, &argdata_true, &argdata_false};
  for (int i = 0; i < 3; ++i) {
    argdata_writer_set(w, msgs[i]);
    tap_eq_int(0, argdata_writer_push(w, p[1]), "push message %d into a pipe", i);
  }
  tap_eq_int(0, argdata_writer_push(w, p[1]),
             "push with nothing pending returns 0");
  close(p[1]);
  unsigned char buf[64];
  size_t len = slurp(p[0], buf, sizeof(buf));
  static const unsigned char expected[27] = {
      0, 0, 0, 0, 0, 0, 0, 0,                   /* null: length 0 */
      0, 0, 0, 0, 0, 0, 0, 2, 0x02, 0x01,       /* true */
      0, 0, 0, 0, 0, 0, 0, 1, 0x02,             /* false */
  };
  tap_eq_bytes(expected, sizeof(expected), buf, len,
               "null, true, false: the 27-byte vector");
  close(p[0]);
  argdata_writer_free(w);
  argdata_writer_free(NULL);
  tap_ok(true, "argdata_writer_free(NULL) is a no-op");
}

static void test_regular_file(void) {
  FILE *f = tmpfile();
  argdata_writer_t *w = argdata_writer_create();
  argdata_t *s = argdata_create_str_c("123");
  argdata_writer_set(w, s);
  tap_eq_int(0, argdata_writer_push(w, fileno(f)), "push into a regular file");
  unsigned char buf[32];
  size_t len = (size_t)pread(fileno(f), buf, sizeof(buf), 0);
  static const unsigned char expected[] = {0, 0, 0, 0, 0, 0, 0, 5,
                                           0x08, '1', '2', '3', 0};
  tap_eq_bytes(expected, sizeof(expected), buf, len, "file holds the message");
  argdata_free(s);
  argdata_writer_free(w);
  fclose(f);
}

/* Receive one message's bytes and descriptors from a socket. */
static size_t recv_all(int sock, unsigned char *buf, size_t cap, int *fds,
                       size_t *n_fds) {
  union {
    struct cmsghdr align;
    unsigned char buf[CMSG_SPACE(16 * sizeof(int))];
  } control;
  struct iovec iov = {.iov_base = buf, .iov_len = cap};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
                       .msg_control = control.buf,
                       .msg_controllen = sizeof(control.buf)};
  ssize_t n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
  *n_fds = 0;
  for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c != NULL;
       c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
      *n_fds = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
      memcpy(fds, CMSG_DATA(c), *n_fds * sizeof(int));
    }
  }
  return n < 0 ? 0 : (size_t)n;
}

static void test_fds_over_socket(void) {
  int sv[2], pa[2], pb[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0 || pipe(pa) != 0 ||
      pipe(pb) != 0)
    abort();
  /* {fd A, fd B, fd A}: A is sent once, as 0; B as 1. */
  argdata_t *a = argdata_create_fd(pa[0]);
  argdata_t *b = argdata_create_fd(pb[1]);
  const argdata_t *elems[] = {a, b, a};
  argdata_t *seq = argdata_create_seq(elems, 3);

  argdata_writer_t *w = argdata_writer_create();
  argdata_writer_set(w, seq);
  tap_eq_int(0, argdata_writer_push(w, sv[0]), "push with fds over a socket");

  unsigned char buf[64];
  int fds[16];
  size_t n_fds;
  size_t len = recv_all(sv[1], buf, sizeof(buf), fds, &n_fds);
  static const unsigned char expected[] = {
      0, 0, 0, 0, 0, 0, 0, 19, 0x07, 0x85, 0x03, 0, 0, 0, 0,
      0x85, 0x03, 0, 0, 0, 1, 0x85, 0x03, 0, 0, 0, 0};
  tap_eq_bytes(expected, sizeof(expected), buf, len,
               "fds renumbered 0, 1, 0 in order of first appearance");
  tap_eq_uint(2, n_fds, "two distinct descriptors in one SCM_RIGHTS message");
  if (n_fds == 2) {
    tap_ok(same_file(pa[0], fds[0]), "descriptor 0 is pipe A");
    tap_ok(same_file(pb[1], fds[1]), "descriptor 1 is pipe B");
    close(fds[0]);
    close(fds[1]);
  }

  /* A message without fds on the same writer goes out with write(). */
  argdata_writer_set(w, &argdata_true);
  tap_eq_int(0, argdata_writer_push(w, sv[0]), "next message without fds");
  len = recv_all(sv[1], buf, sizeof(buf), fds, &n_fds);
  static const unsigned char expected2[] = {0, 0, 0, 0, 0, 0, 0, 2, 0x02, 0x01};
  tap_eq_bytes(expected2, sizeof(expected2), buf, len, "its bytes");
  tap_eq_uint(0, n_fds, "and no descriptors");

  argdata_writer_free(w);
  argdata_free(seq);
  argdata_free(a);
  argdata_free(b);
  close(sv[0]);
  close(sv[1]);
  close(pa[0]);
  close(pa[1]);
  close(pb[0]);
  close(pb[1]);
}

static int refuse_fd(void *arg, size_t fd) {
  (void)arg;
  (void)fd;
  return -1;
}

static void test_enotsock(void) {
  int p[2], sv[2];
  if (pipe(p) != 0 || socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
    abort();
  argdata_t *fd = argdata_create_fd(0);
  argdata_writer_t *w = argdata_writer_create();
  argdata_writer_set(w, fd);
  tap_eq_int(ENOTSOCK, argdata_writer_push(w, p[1]),
             "fds over a pipe: ENOTSOCK");
  FILE *f = tmpfile();
  tap_eq_int(ENOTSOCK, argdata_writer_push(w, fileno(f)),
             "fds into a regular file: ENOTSOCK");
  fclose(f);
  tap_eq_int(0, argdata_writer_push(w, sv[0]),
             "the same message can then go over a socket");
  unsigned char buf[32];
  int fds[16];
  size_t n_fds;
  size_t len = recv_all(sv[1], buf, sizeof(buf), fds, &n_fds);
  tap_eq_uint(13, len, "13 bytes arrive");
  tap_eq_uint(1, n_fds, "with one descriptor");
  for (size_t i = 0; i < n_fds; ++i)
    close(fds[i]);
  unsigned char drop[32];
  int dropped[16];
  size_t n_dropped;
  argdata_writer_set(w, fd);
  tap_eq_int(ENOTSOCK, argdata_writer_push(w, p[1]), "ENOTSOCK again");
  argdata_writer_set(w, &argdata_null);
  tap_ok(true, "a message of which nothing was written can be replaced");
  tap_eq_int(0, argdata_writer_push(w, sv[0]), "the replacement is sent");
  tap_eq_uint(8, recv_all(sv[1], drop, sizeof(drop), dropped, &n_dropped),
              "only the replacement arrives, first");

  /* An fd the source refuses is written as FFFFFFFF; nothing to pass, so a
   * pipe works. */
  argdata_t *bad = argdata_from_buffer("\x03\x00\x00\x00\x07", 5, refuse_fd, NULL);
  argdata_writer_set(w, bad);
  tap_eq_int(0, argdata_writer_push(w, p[1]),
             "refused fd needs no SCM_RIGHTS: pipe works");
  close(p[1]);
  len = slurp(p[0], buf, sizeof(buf));
  static const unsigned char expected[] = {0, 0, 0, 0, 0, 0, 0, 5,
                                           0x03, 0xff, 0xff, 0xff, 0xff};
  tap_eq_bytes(expected, sizeof(expected), buf, len,
               "refused fd written as FF FF FF FF");

  argdata_writer_set(w, &argdata_true);
  tap_eq_int(EBADF, argdata_writer_push(w, -1), "push to fd -1: EBADF");
  tap_eq_int(EBADF, argdata_writer_push(w, p[1]), "push to a closed fd: EBADF");

  argdata_writer_free(w);
  argdata_free(bad);
  argdata_free(fd);
  close(p[0]);
  close(sv[0]);
  close(sv[1]);
}

static void test_partial_writes(void) {
  int p[2];
  if (pipe2(p, O_NONBLOCK) != 0)
    abort();
  size_t size = 1 << 20; /* far more than a pipe buffer */
  unsigned char *payload = malloc(size);
  for (size_t i = 0; i < size; ++i)
    payload[i] = (unsigned char)(i * 7 + 3);
  argdata_t *bin = argdata_create_binary(payload, size);
  argdata_writer_t *w = argdata_writer_create();
  argdata_writer_set(w, bin);

  unsigned char *got = malloc(size + 16);
  size_t got_len = 0;
  int first = argdata_writer_push(w, p[1]);
  tap_eq_int(EAGAIN, first, "non-blocking pipe fills up: EAGAIN");
  int error = first, calls = 1;
  while (error == EAGAIN && calls < 100000) {
    ssize_t n;
    while ((n = read(p[0], got + got_len, size + 16 - got_len)) > 0)
      got_len += (size_t)n;
    error = argdata_writer_push(w, p[1]);
    ++calls;
  }
  tap_eq_int(0, error, "pushing again resumes and completes (%d calls)", calls);
  ssize_t n;
  while ((n = read(p[0], got + got_len, size + 16 - got_len)) > 0)
    got_len += (size_t)n;
  tap_eq_uint(8 + 1 + size, got_len, "every byte arrives once");
  bool ok = got_len == 8 + 1 + size && got[7] == (((1 + size) & 0xff)) &&
            got[6] == (((1 + size) >> 8) & 0xff) &&
            got[5] == (((1 + size) >> 16) & 0xff) && got[8] == 0x01 &&
            memcmp(got + 9, payload, size) == 0;
  tap_ok(ok, "header is the big-endian length; payload intact");

  argdata_writer_free(w);
  argdata_free(bin);
  free(payload);
  free(got);
  close(p[0]);
  close(p[1]);
}

int main(void) {
  test_pipe_vector();
  test_regular_file();
  test_fds_over_socket();
  test_enotsock();
  test_partial_writes();
  return tap_done();
}
