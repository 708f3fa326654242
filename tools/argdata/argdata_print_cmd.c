/*
 * argdata print [--stream] [FILE]: show binary argdata as YAML.
 *
 * Without --stream, FILE (or standard input, also for "-") holds one
 * serialised value, such as the contents of fd 3 of a program started by
 * cloudabi-run; it is printed with argdata_print_yaml. fd values are shown
 * as the numbers stored in the data (the launcher stores final descriptor
 * numbers), and values above INT_MAX as "invalid".
 *
 * With --stream, the input is a sequence of argdata_writer messages (8-byte
 * big-endian length + argdata); each is printed as one YAML document
 * followed by the document end marker "...", so the output is a valid
 * multi-document YAML stream. If the input is a Unix socket, descriptors
 * passed with the messages are received and shown by their numbers in this
 * process (they are closed again after printing).
 *
 * Limits: the input (without --stream), or each message (with --stream), is
 * at most ARGDATA_PRINT_MAX_INPUT bytes (64 MiB); a message carries at most
 * 253 descriptors. Larger input is refused as bad input.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <argdata.h>

#include "tools/argdata/commands.h"

#define ARGDATA_PRINT_MAX_INPUT ((size_t)64 << 20)
#define ARGDATA_PRINT_MAX_FDS 253

static int usage(FILE *fp, int status) {
  fputs("usage: argdata print [--stream] [FILE]\n", fp);
  return status;
}

/* fd values are shown as stored: the launcher writes final numbers. */
static int raw_fd(void *arg, size_t fd) {
  (void)arg;
  return fd <= INT_MAX ? (int)fd : -1;
}

/* Read all of fd into *buf. Returns 0, EFBIG (over the limit) or errno. */
static int read_all(int fd, unsigned char **buf, size_t *len) {
  size_t cap = 0, used = 0;
  unsigned char *data = NULL;
  for (;;) {
    if (used == cap) {
      if (cap > ARGDATA_PRINT_MAX_INPUT) {
        free(data);
        return EFBIG;
      }
      /* Room for one byte beyond the limit, to detect larger input. */
      size_t next = cap == 0 ? 65536 : cap * 2;
      if (next > ARGDATA_PRINT_MAX_INPUT + 1)
        next = ARGDATA_PRINT_MAX_INPUT + 1;
      unsigned char *p = realloc(data, next);
      if (p == NULL) {
        free(data);
        return ENOMEM;
      }
      data = p;
      cap = next;
    }
    ssize_t n = read(fd, data + used, cap - used);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 && errno == EAGAIN) {
      struct pollfd pfd = {.fd = fd, .events = POLLIN};
      poll(&pfd, 1, -1);
      continue;
    }
    if (n < 0) {
      int error = errno;
      free(data);
      return error;
    }
    if (n == 0)
      break;
    used += (size_t)n;
  }
  if (used > ARGDATA_PRINT_MAX_INPUT) {
    free(data);
    return EFBIG;
  }
  *buf = data;
  *len = used;
  return 0;
}

static int print_one(int fd, const char *name) {
  unsigned char *buf = NULL;
  size_t len = 0;
  int error = read_all(fd, &buf, &len);
  if (error == EFBIG) {
    fprintf(stderr, "argdata: fatal: %s: input larger than %zu MiB\n", name,
            ARGDATA_PRINT_MAX_INPUT >> 20);
    return ARGDATA_EXIT_BAD_INPUT;
  }
  if (error != 0) {
    fprintf(stderr, "argdata: fatal: unable to read %s: %s\n", name,
            strerror(error));
    return ARGDATA_EXIT_SYSTEM;
  }
  argdata_t *ad = argdata_from_buffer(buf != NULL ? buf : (unsigned char *)"",
                                      len, raw_fd, NULL);
  if (ad == NULL) {
    free(buf);
    fprintf(stderr, "argdata: fatal: out of memory\n");
    return ARGDATA_EXIT_SYSTEM;
  }
  argdata_print_yaml(ad, stdout);
  argdata_free(ad);
  free(buf);
  return 0;
}

static int print_stream(int fd, const char *name) {
  argdata_reader_t *r =
      argdata_reader_create(ARGDATA_PRINT_MAX_INPUT, ARGDATA_PRINT_MAX_FDS);
  if (r == NULL) {
    fprintf(stderr, "argdata: fatal: out of memory\n");
    return ARGDATA_EXIT_SYSTEM;
  }
  int status = 0;
  for (unsigned long n = 1;; ++n) {
    int error = argdata_reader_pull(r, fd);
    if (error == EINTR)
      continue;
    if (error == EAGAIN) {
      struct pollfd pfd = {.fd = fd, .events = POLLIN};
      poll(&pfd, 1, -1);
      continue;
    }
    if (error == EMSGSIZE || error == EBADMSG) {
      fprintf(stderr, "argdata: fatal: %s: message %lu: %s\n", name, n,
              error == EBADMSG
                  ? "truncated (the stream ends inside a message)"
                  : "larger than 64 MiB or carrying over 253 descriptors");
      status = ARGDATA_EXIT_BAD_INPUT;
      break;
    }
    if (error != 0) {
      fprintf(stderr, "argdata: fatal: unable to read %s: %s\n", name,
              strerror(error));
      status = ARGDATA_EXIT_SYSTEM;
      break;
    }
    const argdata_t *ad = argdata_reader_get(r);
    if (ad == NULL)
      break; /* end of stream */
    argdata_print_yaml(ad, stdout);
    fputs("...\n", stdout);
  }
  argdata_reader_free(r);
  return status;
}

int argdata_cmd_print(int argc, char **argv) {
  const char *path = NULL;
  bool stream = false, dashdash = false;
  for (int i = 1; i < argc; ++i) {
    if (!dashdash && strcmp(argv[i], "--") == 0) {
      dashdash = true;
    } else if (!dashdash && strcmp(argv[i], "--stream") == 0) {
      stream = true;
    } else if (!dashdash &&
               (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)) {
      return usage(stdout, 0);
    } else if (!dashdash && argv[i][0] == '-' && argv[i][1] != '\0') {
      fprintf(stderr, "argdata: fatal: unknown option %s\n", argv[i]);
      return usage(stderr, ARGDATA_EXIT_USAGE);
    } else if (path == NULL) {
      path = argv[i];
    } else {
      fprintf(stderr, "argdata: fatal: too many arguments\n");
      return usage(stderr, ARGDATA_EXIT_USAGE);
    }
  }

  int fd = STDIN_FILENO;
  const char *name = "<stdin>";
  if (path != NULL && strcmp(path, "-") != 0) {
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      fprintf(stderr, "argdata: fatal: unable to open \"%s\": %s\n", path,
              strerror(errno));
      return ARGDATA_EXIT_BAD_INPUT;
    }
    name = path;
  }
  int status = stream ? print_stream(fd, name) : print_one(fd, name);
  if (fd != STDIN_FILENO)
    close(fd);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "argdata: fatal: unable to write to standard output: %s\n",
            strerror(errno));
    return ARGDATA_EXIT_SYSTEM;
  }
  return status;
}
