/*
 * --explain [--json]: print what the program would hold, without opening,
 * creating, binding or connecting any resource: each descriptor, each
 * Landlock rule with its access bits, the seccomp profile, limits, argv and
 * env. It reads the configuration and inspects the executable (read-only,
 * to tell static from dynamic and to find its libraries); paths are looked
 * at with stat only.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "explain.h"
#include "lib/rights/cloudabi_rights.h"

static const char *stream_names[] = {"stdin", "stdout", "stderr"};

/* The open mode resource_file_open would use, from rights and stat. */
static void file_mode(const struct config_resource *rc, bool is_dir,
                      char *buf, size_t size) {
  bool rd = (rc->rights & CLOUDABI_RIGHT_FD_READ) != 0;
  bool wr = (rc->rights & CLOUDABI_RIGHT_FD_WRITE) != 0;
  if (is_dir) {
    snprintf(buf, size, "%s", rd ? "O_RDONLY|O_DIRECTORY" : "O_PATH|O_DIRECTORY");
    return;
  }
  if (!rd && !wr) {
    snprintf(buf, size, "O_PATH%s", rc->create ? " (created first)" : "");
    return;
  }
  snprintf(buf, size, "%s%s%s%s", rd && wr ? "O_RDWR" : wr ? "O_WRONLY" : "O_RDONLY",
           rc->rights & CLOUDABI_RIGHT_X_APPEND_MODE ? "|O_APPEND" : "",
           rc->truncate ? "|O_TRUNC" : "", rc->create ? "|O_CREAT" : "");
}

/* The access mode of a !fd descriptor, from the launcher's own copy
 * (config_load took it; F_GETFL opens nothing). */
static void fd_mode(int fd, char *buf, size_t size) {
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0) {
    snprintf(buf, size, "unknown (%s)", strerror(errno));
    return;
  }
  if (fl & O_PATH) {
    snprintf(buf, size, "O_PATH");
    return;
  }
  snprintf(buf, size, "%s%s",
           (fl & O_ACCMODE) == O_RDWR     ? "O_RDWR"
           : (fl & O_ACCMODE) == O_WRONLY ? "O_WRONLY"
                                          : "O_RDONLY",
           fl & O_APPEND ? "|O_APPEND" : "");
}

static void describe(struct launcher *l, struct explain_desc *d, size_t i,
                     bool *is_dir) {
  const struct config_resource *rc = &l->cfg->resources[i];
  struct stat st;
  d->fd = rc->number;
  d->pos = &rc->pos;
  *is_dir = false;
  switch (rc->kind) {
  case CONFIG_RESOURCE_FD:
    d->kind = "fd";
    fd_mode(l->res[i].fd, d->mode, sizeof(d->mode));
    snprintf(d->what, sizeof(d->what), "launcher descriptor %d%s%s%s%s",
             rc->host_fd, rc->host_fd < 3 ? " (" : "",
             rc->host_fd < 3 ? stream_names[rc->host_fd] : "",
             rc->host_fd < 3 ? ")" : "",
             fstat(l->res[i].fd, &st) == 0 && S_ISDIR(st.st_mode)
                 ? ", a directory: no Landlock rule, nothing can be opened "
                   "beneath it"
                 : "");
    break;
  case CONFIG_RESOURCE_FILE:
    d->kind = "file";
    if (stat(rc->path, &st) == 0) {
      *is_dir = S_ISDIR(st.st_mode);
      snprintf(d->what, sizeof(d->what), "%s (%s)", rc->path,
               *is_dir ? "directory" : S_ISREG(st.st_mode) ? "file" : "special file");
    } else {
      snprintf(d->what, sizeof(d->what), "%s (%s)", rc->path,
               errno == ENOENT && rc->create ? "to be created"
                                             : strerror(errno));
    }
    file_mode(rc, *is_dir, d->mode, sizeof(d->mode));
    break;
  case CONFIG_RESOURCE_SOCKET:
    d->kind = "socket";
    snprintf(d->what, sizeof(d->what), "%s %s %s",
             rc->socket_type == CONFIG_SOCKET_STREAM  ? "stream"
             : rc->socket_type == CONFIG_SOCKET_DGRAM ? "dgram"
                                                      : "seqpacket",
             rc->bind ? "bound to" : "connected to", rc->address);
    snprintf(d->mode, sizeof(d->mode), "%s",
             rc->bind ? (rc->socket_type == CONFIG_SOCKET_DGRAM ? "bind"
                                                                : "bind+listen")
                      : "connect");
    break;
  case CONFIG_RESOURCE_EXECUTABLE:
    d->kind = "executable";
    snprintf(d->what, sizeof(d->what), "%s",
             l->script_path ? l->script_path : l->exec_path);
    snprintf(d->mode, sizeof(d->mode), "O_RDONLY");
    break;
  }
}

int launcher_explain(struct launcher *l) {
  size_t n, n_d = 0, n_rules = 0;
  struct explain_desc *d = NULL;
  struct explain_rule *rules = NULL;
  int status = 0;

  if (launcher_config_load(l) != 0 || launcher_executable_open(l) != 0)
    goto fail;
#ifdef LAUNCHER_HAVE_SANDBOX
  sandbox_probe(&l->kernel, l->debug_abi);
#endif
  l->exec_path = realpath(l->script_path ? l->script_interp : l->executable,
                          NULL);
  if (l->settings.workdir != NULL && chdir(l->settings.workdir) != 0) {
    int e = errno;
    launcher_fail(l, LAUNCHER_EXIT_RESOURCE, NULL, e,
                  "unable to change to working directory %s: %s",
                  l->settings.workdir, strerror(e));
    launcher_hint(l, "%s", e == ENOENT || e == ENOTDIR
                               ? "create that directory first, or give an "
                                 "existing one (--workdir=DIR, or workdir: "
                                 "in the !launcher document)"
                               : "the launcher's user needs search (x) "
                                 "permission on the directory and its "
                                 "parents");
    goto fail;
  }
  n = l->cfg->n_resources;
  d = calloc(n + 4, sizeof(*d));
  rules = calloc(n + 4 + l->closure.n_libraries, sizeof(*rules));
  if (d == NULL || rules == NULL) {
    launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, ENOMEM, "out of memory");
    goto fail;
  }
  for (int s = 0; s < 3; ++s) {
    d[n_d].fd = s;
    d[n_d].kind = stream_names[s];
    snprintf(d[n_d].what, sizeof(d[n_d].what), "%s",
             l->settings.streams[s] == CONFIG_STREAM_INHERIT
                 ? "inherited from the launcher"
                 : "/dev/null");
    snprintf(d[n_d++].mode, sizeof(d->mode), "%s",
             l->settings.streams[s] == CONFIG_STREAM_INHERIT ? "inherit"
                                                             : "O_RDWR");
  }
  size_t size;
  argdata_serialized_length(l->cfg->root, &size, NULL);
  d[n_d].fd = 3;
  d[n_d].kind = "argdata";
  snprintf(d[n_d].what, sizeof(d->what),
           "memfd, %zu bytes, sealed against writes", size);
  snprintf(d[n_d++].mode, sizeof(d->mode), "O_RDWR");
  for (size_t i = 0; i < n; ++i) {
    bool is_dir;
    describe(l, &d[n_d++], i, &is_dir);
    const struct config_resource *rc = &l->cfg->resources[i];
    if (rc->kind != CONFIG_RESOURCE_FILE)
      continue;
#ifdef LAUNCHER_HAVE_SANDBOX
    uint64_t access = sandbox_landlock_access(rc->rights, is_dir,
                                              l->kernel.landlock_abi);
#else
    uint64_t access = 0;
#endif
    if (access != 0)
      rules[n_rules++] = (struct explain_rule){rc->path, access, "grant"};
  }
  rules[n_rules++] = (struct explain_rule){
      l->exec_path ? l->exec_path : l->executable,
      LAUNCHER_LL_READ_FILE | LAUNCHER_LL_EXECUTE,
      l->script_path ? "script interpreter" : "program"};
  if (l->script_path)
    rules[n_rules++] = (struct explain_rule){l->script_path,
                                      LAUNCHER_LL_READ_FILE, "script"};
  if (l->closure.dynamic && l->closure.interpreter)
    rules[n_rules++] = (struct explain_rule){
        l->closure.interpreter,
        LAUNCHER_LL_READ_FILE | LAUNCHER_LL_EXECUTE,
        "ELF interpreter"};
  for (size_t i = 0; i < l->closure.n_libraries; ++i)
    rules[n_rules++] = (struct explain_rule){l->closure.libraries[i],
                                      LAUNCHER_LL_READ_FILE, "library"};
  struct explanation x = {d, n_d, rules, n_rules, NULL, NULL, NULL};
  x.kind = l->script_path ? "script" : l->closure.dynamic ? "dynamic" : "static";
  x.profile = l->profile == SANDBOX_PROFILE_STRICT ? "strict" : "compat";
  x.enforcement =
      l->kernel.landlock_abi < 1 || !l->kernel.seccomp ? "refused"
      : l->kernel.landlock_abi >= SANDBOX_LANDLOCK_ABI_REQUIRED ? "full"
      : l->settings.allow_degraded                           ? "degraded"
                                                             : "refused";
  if (l->json)
    launcher_explain_json(l, &x, stdout);
  else
    launcher_explain_text(l, &x, stdout);
  fflush(stdout);
  free(d);
  free(rules);
  launcher_cleanup(l);
  return 0;

fail:
  free(d);
  free(rules);
  launcher_cleanup(l);
  launcher_report(l);
  status = l->err.status;
  return status;
}
