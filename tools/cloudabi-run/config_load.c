/*
 * Stage config_load: read the YAML (CONFIG or standard input), merge the
 * settings (command line over the !launcher document), resolve --user, and
 * capture the launcher descriptors that !fd names, before the launcher opens
 * anything of its own that could take their numbers.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "launcher.h"

static int load(struct launcher *l) {
  struct config_error cerr;
  struct config_load_options opts = {0};
  bool from_stdin = l->config_path == NULL || strcmp(l->config_path, "-") == 0;
  FILE *fp = stdin;
  int r;

  memset(&cerr, 0, sizeof(cerr));
  l->config_name = from_stdin ? "<stdin>" : l->config_path;
  if (!from_stdin && (fp = fopen(l->config_path, "re")) == NULL) {
    r = errno;
    return launcher_fail(l, LAUNCHER_EXIT_CONFIG, NULL, r,
                         "unable to open configuration %s: %s",
                         l->config_path, strerror(r));
  }
  opts.file_name = l->config_name;
  opts.from_stdin = from_stdin;
  r = config_load_file(&l->cfg, fp, &opts, &cerr);
  if (!from_stdin)
    fclose(fp);
  if (r == 0)
    return 0;
  if (cerr.pos.file == NULL)
    cerr.pos.file = l->config_name;
  if (r == -ENOMEM || r == -EIO)
    return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, &cerr.pos, -r, "%s",
                         cerr.message[0] ? cerr.message : strerror(-r));
  launcher_fail(l, LAUNCHER_EXIT_CONFIG, &cerr.pos, -r, "%s",
                cerr.message[0] ? cerr.message : strerror(-r));
  if (cerr.hint[0] != '\0')
    launcher_hint(l, "%s", cerr.hint);
  return r;
}

static int resolve_user(struct launcher *l) {
  const char *user = l->settings.user;
  uid_t uid;
  gid_t gid;
  int r;
  if (user == NULL)
    return 0;
  r = launcher_user_lookup(user, &uid, &gid);
  if (r != 0) {
    launcher_fail(l, LAUNCHER_EXIT_CONFIG, NULL, -r, "unknown user \"%s\"",
                  user);
    launcher_hint(l, "give a user name from /etc/passwd or a numeric uid");
    return r;
  }
  if (geteuid() != 0 && uid != geteuid())
    return launcher_fail(l, LAUNCHER_EXIT_ENFORCE, NULL, EPERM,
                         "switching to user \"%s\" needs root", user);
  if (geteuid() != 0)
    return 0; /* already that user: nothing to switch */
  l->uid = uid;
  l->gid = gid;
  return 0;
}

/* !fd N: take a close-on-exec copy of the launcher's descriptor N now. */
static int capture_fds(struct launcher *l) {
  size_t n = l->cfg->n_resources;
  l->res = calloc(n > 0 ? n : 1, sizeof(*l->res));
  if (l->res == NULL)
    return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, ENOMEM,
                         "out of memory");
  for (size_t i = 0; i < n; ++i)
    l->res[i].fd = -1;
  for (size_t i = 0; i < n; ++i) {
    const struct config_resource *rc = &l->cfg->resources[i];
    if (rc->kind != CONFIG_RESOURCE_FD)
      continue;
    l->res[i].fd = fcntl(rc->host_fd, F_DUPFD_CLOEXEC, 3);
    if (l->res[i].fd < 0) {
      int e = errno;
      if (e == EBADF)
        return launcher_fail(l, LAUNCHER_EXIT_RESOURCE, &rc->pos, e,
                             "descriptor %d is not open in the launcher",
                             rc->host_fd);
      return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, &rc->pos, e,
                           "unable to duplicate descriptor %d: %s",
                           rc->host_fd, strerror(e));
    }
  }
  return 0;
}

int launcher_config_load(struct launcher *l) {
  int r = load(l);
  if (r != 0)
    return r;
  launcher_settings_merge(&l->settings, &l->cli, &l->cfg->settings);
  if (l->settings.timeout_ms.set && l->settings.timeout_ms.value == 0)
    l->settings.timeout_ms.set = false; /* 0: no timeout, as in timeout(1) */
  if ((r = resolve_user(l)) != 0)
    return r;
  return capture_fds(l);
}
