/*
 * Stage fds_arrange: in the process that will exec, give every descriptor
 * its final number (process contract, cloudabi-run(1)):
 *   0-2   /dev/null, or the launcher's own when inherited
 *   3     the sealed argdata memfd
 *   4..   resource i at its number (the value written in the argdata)
 * then, close-on-exec and above the last capability: the program to exec,
 * the launcher's copy of its standard error (for messages), the status pipe
 * of a supervised child and the script of a "#!" program. Every other
 * descriptor is closed (close_range).
 *
 * No clobbering: every source first moves above all target numbers, then
 * each is dup3'ed to its target.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "launcher.h"


struct move {
  int *fd;     /* source, updated to the target */
  int target;
  bool cloexec;
};

static int fail(struct launcher *l, const char *what, int e) {
  return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, e,
                       "unable to arrange descriptors (%s): %s", what,
                       strerror(e));
}

/* Move *fd to a number >= high (close-on-exec). */
static int lift(int *fd, int high) {
  int n;
  if (*fd < 0 || *fd >= high)
    return 0;
  n = fcntl(*fd, F_DUPFD_CLOEXEC, high);
  if (n < 0)
    return -errno;
  if (*fd > 2)
    close(*fd);
  *fd = n;
  return 0;
}

int launcher_fds_arrange(struct launcher *l) {
  size_t n = l->cfg->n_resources, m = 0;
  struct move moves[8 + n];
  int top = 3, high, next, r, msg = -1, inherit[3];

  for (size_t i = 0; i < n; ++i)
    if (l->cfg->resources[i].number > top)
      top = l->cfg->resources[i].number;
  l->last_fd = top;
  next = top + 1;
  high = top + 5;

  /* Sources. */
  if ((l->null_fd = open("/dev/null", O_RDWR | O_CLOEXEC)) < 0)
    return fail(l, "/dev/null", errno);
  if (fcntl(2, F_GETFD) >= 0 && (msg = fcntl(2, F_DUPFD_CLOEXEC, high)) < 0)
    return fail(l, "standard error", errno);
  for (int s = 0; s < 3; ++s) {
    inherit[s] = l->settings.streams[s] == CONFIG_STREAM_INHERIT &&
                 fcntl(s, F_GETFD) >= 0;
    if (!inherit[s])
      moves[m++] = (struct move){&l->null_fd, s, false};
  }
  moves[m++] = (struct move){&l->memfd, 3, false};
  for (size_t i = 0; i < n; ++i)
    moves[m++] = (struct move){&l->res[i].fd, l->cfg->resources[i].number,
                               false};
  moves[m++] = (struct move){&l->exec_fd, next++, true};
  if (msg >= 0)
    moves[m++] = (struct move){&msg, next++, true};
  if (l->status_fd >= 0)
    moves[m++] = (struct move){&l->status_fd, next++, true};
  if (l->program_fd >= 0)
    moves[m++] = (struct move){&l->program_fd, next++, true};

  /* Lift every source above the targets, then place it. */
  for (size_t i = 0; i < m; ++i)
    if ((r = lift(moves[i].fd, high)) != 0)
      return fail(l, "lift", -r);
  for (size_t i = 0; i < m; ++i)
    if (dup3(*moves[i].fd, moves[i].target,
             moves[i].cloexec ? O_CLOEXEC : 0) < 0)
      return fail(l, "dup3", errno);
  for (int s = 0; s < 3; ++s)
    if (inherit[s] && fcntl(s, F_SETFD, 0) != 0)
      return fail(l, "inherit", errno);
  if ((r = launcher_close_range((unsigned)next, ~0U)) != 0)
    return fail(l, "close_range", -r);

  /* Everything now lives at its target. */
  for (size_t i = 0; i < m; ++i)
    if (moves[i].fd != &l->null_fd)
      *moves[i].fd = moves[i].target;
  l->null_fd = -1;
  l->msg_fd = msg >= 0 ? msg : -1;
  return 0;
}
