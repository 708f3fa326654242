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

#include "launcher.h"
#include "lib/rights/cloudabi_rights.h"

struct xdesc {
  int fd;
  const char *kind;
  char what[PATH_MAX + 64];
  char mode[96];
  const struct config_pos *pos;
};

struct xrule {
  const char *path;
  uint64_t access;
  const char *reason;
};

static void json_str(FILE *fp, const char *s) {
  if (s == NULL) {
    fputs("null", fp);
    return;
  }
  fputc('"', fp);
  for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
    if (*p == '"' || *p == '\\')
      fprintf(fp, "\\%c", *p);
    else if (*p < 0x20)
      fprintf(fp, "\\u%04x", *p);
    else
      fputc(*p, fp);
  }
  fputc('"', fp);
}

static void json_list(FILE *fp, char *const *v, size_t n) {
  fputc('[', fp);
  for (size_t i = 0; i < n; ++i) {
    if (i)
      fputs(", ", fp);
    json_str(fp, v[i]);
  }
  fputc(']', fp);
}

static size_t count(char *const *v) {
  size_t n = 0;
  while (v != NULL && v[n] != NULL)
    ++n;
  return n;
}

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
  snprintf(buf, size, "%s%s%s%s", rd && wr ? "O_RDWR" : wr ? "O_WRONLY" : "O_RDONLY",
           rc->rights & CLOUDABI_RIGHT_X_APPEND_MODE ? "|O_APPEND" : "",
           rc->truncate ? "|O_TRUNC" : "", rc->create ? "|O_CREAT" : "");
}

static void describe(struct launcher *l, struct xdesc *d, size_t i,
                     bool *is_dir) {
  const struct config_resource *rc = &l->cfg->resources[i];
  struct stat st;
  d->fd = rc->number;
  d->pos = &rc->pos;
  *is_dir = false;
  switch (rc->kind) {
  case CONFIG_RESOURCE_FD:
    d->kind = "fd";
    snprintf(d->what, sizeof(d->what), "launcher descriptor %d%s%s%s",
             rc->host_fd, rc->host_fd < 3 ? " (" : "",
             rc->host_fd < 3 ? stream_names[rc->host_fd] : "",
             rc->host_fd < 3 ? ")" : "");
    snprintf(d->mode, sizeof(d->mode), "duplicate");
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

static void print_limit(FILE *fp, bool json, bool *first, const char *name,
                        const struct config_limit *lim) {
  if (json) {
    fprintf(fp, "%s\"%s\": ", *first ? "" : ", ", name);
    if (lim->set)
      fprintf(fp, "%llu", (unsigned long long)lim->value);
    else
      fputs("null", fp);
  } else if (lim->set) {
    fprintf(fp, "%s%s=%llu", *first ? "" : " ", name,
            (unsigned long long)lim->value);
  } else {
    return;
  }
  *first = false;
}

static void print_all(struct launcher *l, FILE *fp, struct xdesc *d,
                      size_t n_d, struct xrule *rules, size_t n_rules) {
  const struct config_settings *s = &l->settings;
  const char *kind = l->script_path      ? "script"
                     : l->closure.dynamic ? "dynamic"
                                          : "static";
  const char *enforcement =
      l->insecure                                         ? "none (insecure)"
      : l->kernel.landlock_abi < 1 || !l->kernel.seccomp ? "refused"
      : l->kernel.landlock_abi < SANDBOX_LANDLOCK_ABI_REQUIRED
          ? (s->allow_degraded ? "degraded" : "refused")
          : "full";
  const char *profile = l->profile == SANDBOX_PROFILE_STRICT ? "strict" : "compat";
  char access[256];
  bool first = true;

  if (l->json) {
    fputs("{\"program\": {\"path\": ", fp);
    json_str(fp, l->script_path ? l->script_path : l->exec_path);
    fprintf(fp, ", \"kind\": \"%s\", \"interpreter\": ", kind);
    json_str(fp, l->script_path ? l->script_interp : l->closure.interpreter);
    fputs(", \"libraries\": ", fp);
    json_list(fp, l->closure.libraries, l->closure.n_libraries);
    fputs(", \"missing\": ", fp);
    json_list(fp, l->closure.missing, l->closure.n_missing);
    fprintf(fp, "}, \"profile\": \"%s\", \"argv\": ", profile);
    json_list(fp, l->exec_argv, count(l->exec_argv));
    fputs(", \"env\": ", fp);
    json_list(fp, l->exec_envp, count(l->exec_envp));
    fputs(", \"workdir\": ", fp);
    json_str(fp, s->workdir);
    fputs(", \"descriptors\": [", fp);
    for (size_t i = 0; i < n_d; ++i) {
      fprintf(fp, "%s{\"fd\": %d, \"kind\": \"%s\", \"what\": ", i ? ", " : "",
              d[i].fd, d[i].kind);
      json_str(fp, d[i].what);
      fputs(", \"mode\": ", fp);
      json_str(fp, d[i].mode);
      if (d[i].pos != NULL && d[i].pos->line > 0)
        fprintf(fp, ", \"line\": %u, \"column\": %u", d[i].pos->line,
                d[i].pos->column);
      fputc('}', fp);
    }
    fprintf(fp, "], \"landlock\": {\"abi\": %d, \"rules\": [",
            l->kernel.landlock_abi);
    for (size_t i = 0; i < n_rules; ++i) {
      launcher_landlock_names(rules[i].access, access, sizeof(access));
      fprintf(fp, "%s{\"path\": ", i ? ", " : "");
      json_str(fp, rules[i].path);
      fprintf(fp, ", \"access\": \"%s\", \"bits\": %llu, \"reason\": \"%s\"}",
              access, (unsigned long long)rules[i].access, rules[i].reason);
    }
    fprintf(fp, "], \"net\": \"tcp bind and connect denied\", \"scoped\": "
                "[\"abstract_unix_socket\", \"signal\"]}, \"seccomp\": \"%s\", "
                "\"enforcement\": \"%s\", \"limits\": {",
            profile, enforcement);
  } else {
    fprintf(fp, "program: %s (%s", l->script_path ? l->script_path : l->exec_path,
            kind);
    if (l->script_path)
      fprintf(fp, ", run by %s", l->script_interp);
    if (l->closure.dynamic)
      fprintf(fp, ", ELF interpreter %s, %zu libraries",
              l->closure.interpreter ? l->closure.interpreter : "none",
              l->closure.n_libraries);
    fprintf(fp, ")\nprofile: %s\nargv:", profile);
    for (size_t i = 0; i < count(l->exec_argv); ++i)
      fprintf(fp, " \"%s\"", l->exec_argv[i]);
    fputs("\nenv:", fp);
    for (size_t i = 0; i < count(l->exec_envp); ++i)
      fprintf(fp, " \"%s\"", l->exec_envp[i]);
    fprintf(fp, "%s\nworkdir: %s\ndescriptors:\n",
            count(l->exec_envp) ? "" : " (empty)",
            s->workdir ? s->workdir : "(unchanged)");
    for (size_t i = 0; i < n_d; ++i) {
      fprintf(fp, "  %-3d %-10s %s [%s]", d[i].fd, d[i].kind, d[i].what,
              d[i].mode);
      if (d[i].pos != NULL && d[i].pos->line > 0)
        fprintf(fp, "  (%s:%u:%u)", d[i].pos->file, d[i].pos->line,
                d[i].pos->column);
      fputc('\n', fp);
    }
    fprintf(fp, "landlock rules (ABI %d):\n", l->kernel.landlock_abi);
    for (size_t i = 0; i < n_rules; ++i) {
      launcher_landlock_names(rules[i].access, access, sizeof(access));
      fprintf(fp, "  %s: %s (%s)\n", rules[i].path, access, rules[i].reason);
    }
    fprintf(fp, "  network: TCP bind and connect denied\n"
                "  scoped: abstract unix sockets, signals\n"
                "seccomp: %s profile\nenforcement: %s\nlimits: ",
            profile, enforcement);
  }
  print_limit(fp, l->json, &first, "as", &s->limit_as);
  print_limit(fp, l->json, &first, "cpu", &s->limit_cpu);
  print_limit(fp, l->json, &first, "nofile", &s->limit_nofile);
  print_limit(fp, l->json, &first, "nproc", &s->limit_nproc);
  print_limit(fp, l->json, &first, "fsize", &s->limit_fsize);
  if (l->json) {
    fputs("}, \"timeout_ms\": ", fp);
    if (s->timeout_ms.set)
      fprintf(fp, "%llu", (unsigned long long)s->timeout_ms.value);
    else
      fputs("null", fp);
    fputs(", \"user\": ", fp);
    json_str(fp, s->user);
    fputs("}\n", fp);
    return;
  }
  if (first)
    fputs("none", fp);
  fputs("\ntimeout: ", fp);
  if (s->timeout_ms.set)
    fprintf(fp, "%llu.%03llu s\n", (unsigned long long)s->timeout_ms.value / 1000,
            (unsigned long long)s->timeout_ms.value % 1000);
  else
    fputs("none\n", fp);
  fprintf(fp, "user: %s\n", s->user ? s->user : "(unchanged)");
  if (l->closure.dynamic || l->script_path)
    fputs("hint: code loaded with dlopen (plugins, gconv, Python's "
          "lib-dynload) needs a directory grant such as\n"
          "      !file {path: /usr/lib/x86_64-linux-gnu}\n",
          fp);
}

int launcher_explain(struct launcher *l) {
  size_t n, n_d = 0, n_rules = 0;
  struct xdesc *d = NULL;
  struct xrule *rules = NULL;
  int status = 0;

  if (launcher_config_load(l) != 0 || launcher_executable_open(l) != 0)
    goto fail;
#ifdef LAUNCHER_HAVE_SANDBOX
  sandbox_probe(&l->kernel, l->debug_abi);
#endif
  l->exec_path = realpath(l->script_path ? l->script_interp : l->executable,
                          NULL);
  if (l->settings.workdir != NULL && chdir(l->settings.workdir) != 0) {
    launcher_fail(l, LAUNCHER_EXIT_RESOURCE, NULL, errno,
                  "unable to change to working directory %s: %s",
                  l->settings.workdir, strerror(errno));
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
  snprintf(d[n_d].what, sizeof(d->what), "sealed memfd, %zu bytes", size);
  snprintf(d[n_d++].mode, sizeof(d->mode), "O_RDONLY");
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
      rules[n_rules++] = (struct xrule){rc->path, access, "grant"};
  }
  rules[n_rules++] = (struct xrule){
      l->exec_path ? l->exec_path : l->executable,
      LAUNCHER_LL_READ_FILE | LAUNCHER_LL_EXECUTE,
      l->script_path ? "script interpreter" : "program"};
  if (l->script_path)
    rules[n_rules++] = (struct xrule){l->script_path,
                                      LAUNCHER_LL_READ_FILE, "script"};
  if (l->closure.dynamic && l->closure.interpreter)
    rules[n_rules++] = (struct xrule){
        l->closure.interpreter,
        LAUNCHER_LL_READ_FILE | LAUNCHER_LL_EXECUTE,
        "ELF interpreter"};
  for (size_t i = 0; i < l->closure.n_libraries; ++i)
    rules[n_rules++] = (struct xrule){l->closure.libraries[i],
                                      LAUNCHER_LL_READ_FILE, "library"};
  print_all(l, stdout, d, n_d, rules, n_rules);
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
