/*
 * Stage config_load: read the YAML (CONFIG or standard input), merge the
 * settings (command line over the !launcher document), check that every
 * descriptor !fd names is open (before the launcher has anything of its
 * own open that could take such a number), resolve --user, and capture
 * those descriptors.
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
  if (from_stdin && strstr(cerr.message, "standard input") != NULL)
    launcher_hint(l, "pass the configuration as a file: cloudabi-run "
                     "[options] EXECUTABLE CONFIG");
  else if (cerr.hint[0] != '\0')
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

/*
 * !fd N, first: every N must be a descriptor the launcher was started
 * with. This runs right after the configuration was read, while nothing of
 * the launcher's own is open above 2 (the configuration file is closed
 * again; standard input, when it held the YAML, is descriptor 0), so that
 * no descriptor of the launcher can be mistaken for an inherited one.
 * Descriptors 0-2 that were closed, and that main() filled with /dev/null,
 * are not open either.
 */
static int check_fds(struct launcher *l) {
  for (size_t i = 0; i < l->cfg->n_resources; ++i) {
    const struct config_resource *rc = &l->cfg->resources[i];
    if (rc->kind != CONFIG_RESOURCE_FD ||
        (fcntl(rc->host_fd, F_GETFD) >= 0 &&
         !(rc->host_fd < 3 && l->std_opened[rc->host_fd])))
      continue;
    launcher_fail(l, LAUNCHER_EXIT_RESOURCE, &rc->pos, EBADF,
                  "descriptor %d is not open", rc->host_fd);
    launcher_hint(l, "!fd %d passes on a descriptor that cloudabi-run was "
                  "started with: open it in the shell (e.g. %d<FILE or "
                  "%d>FILE), or grant a path with !file",
                  rc->host_fd, rc->host_fd, rc->host_fd);
    return -EBADF;
  }
  return 0;
}

/* !fd N, then: take a close-on-exec copy of each (all N are valid, so a
 * copy can never take the number of a later N). */
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
      return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, &rc->pos, e,
                           "unable to duplicate descriptor %d: %s",
                           rc->host_fd, strerror(e));
    }
  }
  return 0;
}

/* limits: {as: SIZE} below the minimum (--limit-as is checked in main). */
static int check_limit_as(struct launcher *l) {
  const struct config_limit *as = &l->settings.limit_as;
  if (!as->set || as->value >= LAUNCHER_LIMIT_AS_MIN || l->cli.limit_as.set)
    return 0;
  struct config_pos pos = {.file = l->config_name};
  launcher_fail(l, LAUNCHER_EXIT_CONFIG, &pos, EINVAL,
                "limits: as: %llu bytes is below the minimum of 16M: the "
                "program could not even start",
                (unsigned long long)as->value);
  launcher_hint(l, "give as: 16M or more in the !launcher document");
  return -EINVAL;
}

/* --stdin=inherit (or stdin: inherit) would hand the program the
 * configuration's stream, as !fd stdin would. */
static int check_stdin(struct launcher *l) {
  bool from_stdin = l->config_path == NULL || strcmp(l->config_path, "-") == 0;
  if (!from_stdin || l->settings.streams[0] != CONFIG_STREAM_INHERIT)
    return 0;
  if (l->cli.streams_set[0]) {
    launcher_fail(l, LAUNCHER_EXIT_USAGE, NULL, EINVAL,
                  "--stdin=inherit: standard input holds the configuration");
    launcher_hint(l, "give the configuration as a file (cloudabi-run [options] "
                     "EXECUTABLE CONFIG) to pass standard input on");
    return -EINVAL;
  }
  struct config_pos pos = {.file = l->config_name};
  launcher_fail(l, LAUNCHER_EXIT_CONFIG, &pos, EINVAL,
                "stdin: inherit in the !launcher document: standard input "
                "holds the configuration");
  launcher_hint(l, "give the configuration as a file (cloudabi-run [options] "
                   "EXECUTABLE CONFIG) to pass standard input on");
  return -EINVAL;
}

int launcher_config_load(struct launcher *l) {
  int r = load(l);
  if (r != 0 || (r = check_fds(l)) != 0)
    return r;
  launcher_settings_merge(&l->settings, &l->cli, &l->cfg->settings);
  if (l->settings.timeout_ms.set && l->settings.timeout_ms.value == 0)
    l->settings.timeout_ms.set = false; /* 0: no timeout, as in timeout(1) */
  if ((r = check_stdin(l)) != 0 || (r = check_limit_as(l)) != 0 ||
      (r = resolve_user(l)) != 0)
    return r;
  return capture_fds(l);
}
