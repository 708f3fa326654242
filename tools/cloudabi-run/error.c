/* Recording and printing the launcher's one-line messages. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "launcher.h"

void launcher_init(struct launcher *l) {
  memset(l, 0, sizeof(*l));
  l->debug_abi = -1;
  l->uid = (uid_t)-1;
  l->gid = (gid_t)-1;
  l->exec_fd = -1;
  l->program_fd = -1;
  l->memfd = -1;
  l->cgroup_procs_fd = -1;
  l->status_fd = -1;
  l->msg_fd = 2;
  l->null_fd = -1;
  l->janitor_fd = -1;
  l->janitor_ack_fd = -1;
  l->last_fd = 3;
}

int launcher_fail(struct launcher *l, int status, const struct config_pos *pos,
                  int err, const char *fmt, ...) {
  va_list ap;
  if (err <= 0)
    err = EINVAL;
  if (l->err.status != 0)
    return -err;
  l->err.status = status;
  if (pos != NULL)
    l->err.pos = *pos;
  va_start(ap, fmt);
  vsnprintf(l->err.message, sizeof(l->err.message), fmt, ap);
  va_end(ap);
  l->err.hint[0] = '\0';
  return -err;
}

void launcher_hint(struct launcher *l, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(l->err.hint, sizeof(l->err.hint), fmt, ap);
  va_end(ap);
}

static void write_all(int fd, const char *buf, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, buf, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return;
    buf += n;
    len -= (size_t)n;
  }
}

void launcher_warn(const struct launcher *l, const char *fmt, ...) {
  char line[1024];
  va_list ap;
  int n = snprintf(line, sizeof(line), "cloudabi-run: WARNING: ");
  va_start(ap, fmt);
  vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
  va_end(ap);
  strcat(line, "\n");
  if (l->msg_fd >= 0)
    write_all(l->msg_fd, line, strlen(line));
}

void launcher_report(const struct launcher *l) {
  char line[1400];
  const struct launcher_error *e = &l->err;
  if (l->msg_fd < 0 || e->status == 0)
    return;
  if (e->pos.file != NULL && e->pos.line > 0)
    snprintf(line, sizeof(line), "cloudabi-run: fatal: %s:%u:%u: %s\n",
             e->pos.file, e->pos.line, e->pos.column, e->message);
  else if (e->pos.file != NULL)
    snprintf(line, sizeof(line), "cloudabi-run: fatal: %s: %s\n", e->pos.file,
             e->message);
  else
    snprintf(line, sizeof(line), "cloudabi-run: fatal: %s\n", e->message);
  write_all(l->msg_fd, line, strlen(line));
  if (e->hint[0] != '\0') {
    snprintf(line, sizeof(line), "cloudabi-run: hint: %s\n", e->hint);
    write_all(l->msg_fd, line, strlen(line));
  }
}
