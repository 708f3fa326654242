/* launcher_fail / launcher_hint / launcher_report: the message grammar. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "launcher.h"
#include "tests/harness/tap.h"

static void report(struct launcher *l, char *buf, size_t size) {
  int p[2];
  ssize_t n;
  if (pipe(p) != 0)
    return;
  l->msg_fd = p[1];
  launcher_report(l);
  close(p[1]);
  n = read(p[0], buf, size - 1);
  buf[n > 0 ? n : 0] = '\0';
  close(p[0]);
}

int main(void) {
  struct launcher l;
  char buf[2048];
  struct config_pos pos = {"config.yaml", 3, 7};

  launcher_init(&l);
  tap_eq_int(-ENOENT,
             launcher_fail(&l, LAUNCHER_EXIT_CONFIG, &pos, ENOENT,
                           "unknown tag !%s", "fle"),
             "launcher_fail returns -err");
  launcher_hint(&l, "known tags are %s", "!fd, !file");
  tap_eq_int(LAUNCHER_EXIT_CONFIG, l.err.status, "status recorded");
  launcher_fail(&l, LAUNCHER_EXIT_SYSTEM, NULL, ENOMEM, "second");
  tap_eq_int(LAUNCHER_EXIT_CONFIG, l.err.status, "the first failure wins");
  report(&l, buf, sizeof(buf));
  tap_eq_str("cloudabi-run: fatal: config.yaml:3:7: unknown tag !fle\n"
             "cloudabi-run: hint: known tags are !fd, !file\n",
             buf, "fatal line with file:line:col, then the hint");

  launcher_init(&l);
  launcher_fail(&l, LAUNCHER_EXIT_NOTFOUND, NULL, ENOENT, "./x: %s",
                strerror(ENOENT));
  report(&l, buf, sizeof(buf));
  tap_eq_str("cloudabi-run: fatal: ./x: No such file or directory\n", buf,
             "no position, no hint");

  launcher_init(&l);
  report(&l, buf, sizeof(buf));
  tap_eq_str("", buf, "nothing recorded, nothing printed");
  return tap_done();
}
