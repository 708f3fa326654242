/*
 * argdata_reader_pull: framing limits and errors (EMSGSIZE, EBADMSG), clean
 * EOF, reading pipes and files (recvmsg's ENOTSOCK fallback), fd passing
 * with remapping, close-on-exec, release_fd, closing on the next pull, and
 * resumable non-blocking reads.
 */
#include <argdata.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/harness/tap.h"

static size_t open_fds(void) {
  size_t n = 0;
  DIR *d = opendir("/proc/self/fd");
  if (d == NULL)
    return 0;
  while (readdir(d) != NULL)
    ++n;
  closedir(d);
  return n;
}

static bool is_open(int fd) { return fcntl(fd, F_GETFD) != -1; }

static bool same_file(int a, int b) {
  struct stat sa, sb;
  return fstat(a, &sa) == 0 && fstat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

/* A pipe holding len bytes, with the write end closed. */
static int pipe_with(const void *buf, size_t len) {
  int p[2];
  if (pipe(p) != 0 || write(p[1], buf, len) != (ssize_t)len)
    abort();
  close(p[1]);
  return p[0];
}

static void send_fds(int sock, const void *buf, size_t len, const int *fds,
                     size_t n_fds) {
  union {
    struct cmsghdr align;
    unsigned char buf[CMSG_SPACE(8 * sizeof(int))];
  } control;
  memset(&control, 0, sizeof(control));
  struct iovec iov = {.iov_base = (void *)buf, .iov_len = len};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
                       .msg_control = control.buf,
                       .msg_controllen = CMSG_SPACE(n_fds * sizeof(int))};
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(n_fds * sizeof(int));
  memcpy(CMSG_DATA(c), fds, n_fds * sizeof(int));
  if (sendmsg(sock, &msg, 0) != (ssize_t)len)
    abort();
}

static void test_emsgsize(void) {
  static const unsigned char header[] = {0, 0, 0, 0, 0, 0x01, 0xe2, 0xb5};
  int fd = pipe_with(header, sizeof(header));
  argdata_reader_t *r = argdata_reader_create(123572, 0);
  tap_ok(r != NULL, "argdata_reader_create");
  tap_eq_int(EMSGSIZE, argdata_reader_pull(r, fd),
             "length 123573 with max_data_len 123572: EMSGSIZE");
  tap_ok(argdata_reader_get(r) == NULL, "no message after EMSGSIZE");
  tap_eq_int(EMSGSIZE, argdata_reader_pull(r, fd),
             "the stream stays out of sync: EMSGSIZE again");
  argdata_reader_free(r);
  close(fd);

  /* One byte more allowed: the 123573-byte message is read. */
  size_t len = 8 + 123573;
  unsigned char *buf = calloc(1, len);
  memcpy(buf, header, 8);
  buf[8] = 0x01; /* binary of 123572 bytes */
  int p[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, p) != 0)
    abort();
  pid_t child = fork();
  if (child == 0) {
    size_t off = 0;
    while (off < len) {
      ssize_t n = write(p[1], buf + off, len - off);
      if (n <= 0)
        _exit(1);
      off += (size_t)n;
    }
    _exit(0);
  }
  close(p[1]);
  r = argdata_reader_create(123573, 0);
  tap_eq_int(0, argdata_reader_pull(r, p[0]), "length == max_data_len is read");
  const void *bin;
  size_t bin_len = 0;
  tap_eq_int(0, argdata_get_binary(argdata_reader_get(r), &bin, &bin_len),
             "it is a binary value");
  tap_eq_uint(123572, bin_len, "of 123572 bytes");
  tap_eq_int(0, argdata_reader_pull(r, p[0]), "then EOF");
  tap_ok(argdata_reader_get(r) == NULL, "get() is NULL at EOF");
  argdata_reader_free(r);
  close(p[0]);
  free(buf);
  int status;
  tap_ok(waitpid(child, &status, 0) == child && WIFEXITED(status) &&
             WEXITSTATUS(status) == 0,
         "writer child wrote everything");
}

static void test_ebadmsg(void) {
  argdata_reader_t *r = argdata_reader_create(1024, 4);
  int fd = pipe_with("\x00\x00\x00", 3);
  tap_eq_int(EBADMSG, argdata_reader_pull(r, fd), "truncated header: EBADMSG");
  tap_eq_int(EBADMSG, argdata_reader_pull(r, fd), "and EBADMSG again");
  close(fd);
  argdata_reader_free(r);

  r = argdata_reader_create(1024, 4);
  fd = pipe_with("\x00\x00\x00\x00\x00\x00\x00\x05\x08\x41", 10);
  tap_eq_int(EBADMSG, argdata_reader_pull(r, fd), "truncated body: EBADMSG");
  tap_ok(argdata_reader_get(r) == NULL, "no message after EBADMSG");
  close(fd);
  argdata_reader_free(r);

  /* A record socket would silently drop the body after the header. */
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) != 0)
    abort();
  argdata_writer_t *w = argdata_writer_create();
  argdata_writer_set(w, &argdata_true);
  argdata_writer_push(w, sv[0]);
  argdata_writer_free(w);
  r = argdata_reader_create(1024, 4);
  tap_eq_int(EBADMSG, argdata_reader_pull(r, sv[1]),
             "SOCK_SEQPACKET record cut after the header: EBADMSG");
  argdata_reader_free(r);
  close(sv[0]);
  close(sv[1]);
}

static void test_eof_and_vector(void) {
  argdata_reader_t *r = argdata_reader_create(1024, 0);
  int fd = pipe_with("", 0);
  tap_ok(argdata_reader_get(r) == NULL, "get() is NULL before the first pull");
  tap_eq_int(0, argdata_reader_pull(r, fd), "empty stream: clean EOF is 0");
  tap_ok(argdata_reader_get(r) == NULL, "get() is NULL at EOF");
  close(fd);
  argdata_reader_free(r);

  static const unsigned char stream[27] = {
      0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 2, 0x02, 0x01,
      0, 0, 0, 0, 0, 0, 0, 1, 0x02,
  };
  /* From a pipe and from a regular file: recvmsg fails with ENOTSOCK and
   * the reader falls back to read(). */
  for (int kind = 0; kind < 2; ++kind) {
    const char *what = kind == 0 ? "pipe" : "file";
    FILE *f = NULL;
    if (kind == 0) {
      fd = pipe_with(stream, sizeof(stream));
    } else {
      f = tmpfile();
      fwrite(stream, 1, sizeof(stream), f);
      fflush(f);
      rewind(f);
      fd = fileno(f);
    }
    r = argdata_reader_create(1024, 0);
    bool value = false;
    tap_eq_int(0, argdata_reader_pull(r, fd), "%s: message 1", what);
    const argdata_t *ad = argdata_reader_get(r);
    tap_ok(ad != NULL && argdata_get_bool(ad, &value) == EINVAL,
           "%s: message 1 is null (not a bool)", what);
    tap_eq_int(0, argdata_reader_pull(r, fd), "%s: message 2", what);
    tap_ok(argdata_get_bool(argdata_reader_get(r), &value) == 0 && value,
           "%s: message 2 is true", what);
    tap_eq_int(0, argdata_reader_pull(r, fd), "%s: message 3", what);
    tap_ok(argdata_get_bool(argdata_reader_get(r), &value) == 0 && !value,
           "%s: message 3 is false", what);
    tap_eq_int(0, argdata_reader_pull(r, fd), "%s: then EOF", what);
    tap_ok(argdata_reader_get(r) == NULL, "%s: get() is NULL", what);
    argdata_reader_free(r);
    if (f != NULL)
      fclose(f);
    else
      close(fd);
  }
  r = argdata_reader_create(8, 0);
  tap_eq_int(EBADF, argdata_reader_pull(r, -1), "pull from fd -1: EBADF");
  argdata_reader_free(r);
}

static void test_fd_passing(void) {
  size_t before = open_fds();
  int sv[2], pa[2], pb[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0 || pipe(pa) != 0 ||
      pipe(pb) != 0)
    abort();

  /* Written by our writer: {fd A, fd B, fd A} then true then false. */
  argdata_t *a = argdata_create_fd(pa[0]);
  argdata_t *b = argdata_create_fd(pb[1]);
  const argdata_t *elems[] = {a, b, a};
  argdata_t *seq = argdata_create_seq(elems, 3);
  argdata_writer_t *w = argdata_writer_create();
  argdata_writer_set(w, seq);
  tap_eq_int(0, argdata_writer_push(w, sv[0]), "writer sends {A, B, A}");
  argdata_writer_set(w, &argdata_true);
  tap_eq_int(0, argdata_writer_push(w, sv[0]), "writer sends true");
  /* A message with fds whose data refers to a descriptor that was not sent. */
  int one[1] = {pa[1]};
  send_fds(sv[0], "\x00\x00\x00\x00\x00\x00\x00\x05\x03\x00\x00\x00\x01", 13,
           one, 1);
  close(sv[0]);

  argdata_reader_t *r = argdata_reader_create(1024, 8);
  tap_eq_int(0, argdata_reader_pull(r, sv[1]), "reader receives {A, B, A}");
  argdata_seq_iterator_t it;
  argdata_seq_iterate(argdata_reader_get(r), &it);
  int got[3] = {-1, -1, -1};
  const argdata_t *e;
  for (int i = 0; i < 3 && argdata_seq_get(&it, &e); ++i, argdata_seq_next(&it))
    argdata_get_fd(e, &got[i]);
  tap_ok(got[0] >= 0 && got[1] >= 0 && got[0] != got[1] && got[2] == got[0],
         "fd values map to received descriptors (%d, %d, %d)", got[0], got[1],
         got[2]);
  tap_ok(got[0] != pa[0] && same_file(got[0], pa[0]),
         "value 0 is a new descriptor for pipe A");
  tap_ok(same_file(got[1], pb[1]), "value 1 is pipe B");
  tap_ok((fcntl(got[0], F_GETFD) & FD_CLOEXEC) != 0 &&
             (fcntl(got[1], F_GETFD) & FD_CLOEXEC) != 0,
         "received descriptors are close-on-exec");

  argdata_reader_release_fd(r, got[1]);
  argdata_reader_release_fd(r, 12345); /* not ours: ignored */
  tap_eq_int(0, argdata_reader_pull(r, sv[1]), "next message (true)");
  tap_ok(!is_open(got[0]), "unreleased descriptor closed by the next pull");
  tap_ok(is_open(got[1]), "released descriptor stays open");
  close(got[1]);

  tap_eq_int(0, argdata_reader_pull(r, sv[1]), "message referring to fd 1");
  int fd = -1;
  tap_eq_int(EBADF, argdata_get_fd(argdata_reader_get(r), &fd),
             "fd value beyond the received descriptors: EBADF");
  tap_eq_int(0, argdata_reader_pull(r, sv[1]), "EOF");
  tap_ok(argdata_reader_get(r) == NULL, "get() is NULL at EOF");

  argdata_reader_free(r);
  argdata_writer_free(w);
  argdata_free(seq);
  argdata_free(a);
  argdata_free(b);
  close(sv[1]);
  close(pa[0]);
  close(pa[1]);
  close(pb[0]);
  close(pb[1]);
  tap_eq_uint(before, open_fds(), "no descriptor leaked");
}

static void test_free_closes(void) {
  int sv[2], p[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0 || pipe(p) != 0)
    abort();
  int fds[1] = {p[0]};
  send_fds(sv[0], "\x00\x00\x00\x00\x00\x00\x00\x05\x03\x00\x00\x00\x00", 13,
           fds, 1);
  argdata_reader_t *r = argdata_reader_create(64, 1);
  tap_eq_int(0, argdata_reader_pull(r, sv[1]), "message with one fd");
  int fd = -1;
  tap_eq_int(0, argdata_get_fd(argdata_reader_get(r), &fd), "get_fd");
  argdata_reader_free(r);
  tap_ok(!is_open(fd), "argdata_reader_free closes unreleased descriptors");
  argdata_reader_free(NULL);
  close(sv[0]);
  close(sv[1]);
  close(p[0]);
  close(p[1]);
}

static void test_max_fds(void) {
  size_t before = open_fds();
  int sv[2], p[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0 || pipe(p) != 0)
    abort();
  int fds[2] = {p[0], p[1]};
  send_fds(sv[0], "\x00\x00\x00\x00\x00\x00\x00\x00", 8, fds, 2);
  argdata_reader_t *r = argdata_reader_create(64, 1);
  tap_eq_int(EMSGSIZE, argdata_reader_pull(r, sv[1]),
             "2 fds with max_fds_len 1: EMSGSIZE");
  argdata_reader_free(r);
  close(sv[0]);
  close(sv[1]);

  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
    abort();
  send_fds(sv[0], "\x00\x00\x00\x00\x00\x00\x00\x00", 8, fds, 1);
  r = argdata_reader_create(64, 0);
  tap_eq_int(EMSGSIZE, argdata_reader_pull(r, sv[1]),
             "1 fd with max_fds_len 0: EMSGSIZE");
  argdata_reader_free(r);
  close(sv[0]);
  close(sv[1]);

  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
    abort();
  send_fds(sv[0], "\x00\x00\x00\x00\x00\x00\x00\x00", 8, fds, 2);
  r = argdata_reader_create(64, 2);
  tap_eq_int(0, argdata_reader_pull(r, sv[1]), "2 fds with max_fds_len 2: read");
  argdata_reader_free(r);
  close(sv[0]);
  close(sv[1]);
  close(p[0]);
  close(p[1]);
  tap_eq_uint(before, open_fds(), "excess descriptors were closed, none leaked");
}

static void test_nonblocking(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv) != 0)
    abort();
  argdata_reader_t *r = argdata_reader_create(64, 0);
  tap_eq_int(EAGAIN, argdata_reader_pull(r, sv[1]), "nothing to read: EAGAIN");
  if (write(sv[0], "\x00\x00\x00\x00\x00", 5) != 5)
    abort();
  tap_eq_int(EAGAIN, argdata_reader_pull(r, sv[1]), "half a header: EAGAIN");
  if (write(sv[0], "\x00\x00\x05\x08\x41", 5) != 5)
    abort();
  tap_eq_int(EAGAIN, argdata_reader_pull(r, sv[1]), "half a body: EAGAIN");
  tap_ok(argdata_reader_get(r) == NULL, "no message while incomplete");
  if (write(sv[0], "\x42\x43\x00", 3) != 3)
    abort();
  tap_eq_int(0, argdata_reader_pull(r, sv[1]), "rest arrives: message complete");
  const char *s = NULL;
  tap_eq_int(0, argdata_get_str_c(argdata_reader_get(r), &s), "it is a str");
  tap_eq_str("ABC", s, "resumed read assembled \"ABC\"");
  argdata_reader_free(r);
  close(sv[0]);
  close(sv[1]);
}

int main(void) {
  test_emsgsize();
  test_ebadmsg();
  test_eof_and_vector();
  test_fd_passing();
  test_free_closes();
  test_max_fds();
  test_nonblocking();
  return tap_done();
}
