/* launcher_janitor: the detached helper removes created files only when
 * the launcher reports a failure, not when the program was exec'd. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "launcher.h"
#include "tests/harness/tap.h"

static bool exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

static void setup(struct launcher *l, struct config *cfg,
                  struct launcher_resource *res, const char *path) {
  launcher_init(l);
  memset(cfg, 0, sizeof(*cfg));
  memset(res, 0, sizeof(*res));
  cfg->n_resources = 1;
  l->cfg = cfg;
  l->res = res;
  res->fd = -1;
  res->created = true;
  res->created_path = (char *)path;
  close(open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0600));
}

int main(void) {
  char path[] = "/tmp/launcher-janitor-XXXXXX";
  struct launcher l;
  struct config cfg;
  struct launcher_resource res;
  int fd = mkstemp(path);
  close(fd);

  setup(&l, &cfg, &res, path);
  tap_eq_int(0, launcher_janitor(&l), "janitor started");
  tap_ok(l.janitor_fd >= 0 && l.janitor_ack_fd >= 0, "it holds two pipes");
  tap_ok(fcntl(l.janitor_fd, F_GETFD) & FD_CLOEXEC, "close-on-exec");
  launcher_janitor_call(&l);
  tap_ok(!exists(path), "after a failure the created file is gone");
  tap_eq_int(-1, l.janitor_fd, "pipes closed");

  setup(&l, &cfg, &res, path);
  launcher_janitor(&l);
  close(l.janitor_fd); /* what a successful exec does */
  close(l.janitor_ack_fd);
  nanosleep(&(struct timespec){0, 50000000}, NULL);
  tap_ok(exists(path), "after exec (EOF) the created file stays");

  res.created = false;
  setup(&l, &cfg, &res, path);
  res.created = false;
  tap_eq_int(0, launcher_janitor(&l), "nothing created");
  tap_eq_int(-1, l.janitor_fd, "... no janitor");
  l.supervised = true;
  res.created = true;
  tap_eq_int(0, launcher_janitor(&l), "supervised");
  tap_eq_int(-1, l.janitor_fd, "... the parent cleans up instead");
  unlink(path);
  return tap_done();
}
