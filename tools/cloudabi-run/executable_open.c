/*
 * Stage executable_open: open EXECUTABLE read-only (127 when it does not
 * exist, 126 when it cannot be executed), tell static from dynamic with the
 * ELF closure, handle "#!" scripts, pick the profile, and build argv/envp.
 *
 * A "#!" script runs its interpreter (given by an absolute path in the "#!"
 * line) with the script's absolute path as an argument, as the kernel
 * would; the script is granted read-only (a Landlock READ_FILE rule) and the
 * interpreter READ_FILE|EXECUTE. "#!/usr/bin/env NAME" is not resolved
 * further: env would need to execute NAME, which is not granted.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "launcher.h"

#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH 0x1000
#endif
#ifndef SYS_faccessat2
#define SYS_faccessat2 439
#endif

/* Open path as a program: 0 and *fd, or a recorded failure. */
static int open_program(struct launcher *l, const char *path, const char *what,
                        int *fd) {
  struct stat st;
  int e;
  *fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (*fd < 0 && errno == EACCES) {
    /* Execute-only: run it through an O_PATH descriptor, uninspected. */
    *fd = open(path, O_PATH | O_CLOEXEC);
    if (*fd >= 0)
      l->exec_unreadable = true;
    else
      errno = EACCES;
  }
  if (*fd < 0) {
    e = errno;
    if (e == ENOENT || e == ENOTDIR)
      return launcher_fail(l, LAUNCHER_EXIT_NOTFOUND, NULL, e,
                           "%s%s: %s", what, path, strerror(e));
    launcher_fail(l, LAUNCHER_EXIT_NOEXEC, NULL, e, "%s%s: %s", what, path,
                  strerror(e));
    if (e == EACCES)
      launcher_hint(l, "the launcher must be able to read the program to "
                       "inspect it");
    return -e;
  }
  if (fstat(*fd, &st) != 0 || !S_ISREG(st.st_mode))
    return launcher_fail(l, LAUNCHER_EXIT_NOEXEC, NULL, EACCES,
                         "%s%s: %s", what, path,
                         S_ISDIR(st.st_mode) ? "is a directory"
                                             : "not a regular file");
  if (syscall(SYS_faccessat2, *fd, "", X_OK, AT_EMPTY_PATH | AT_EACCESS) !=
      0) {
    e = errno;
    if (e == ENOSYS || e == EINVAL)
      e = (st.st_mode & 0111) != 0 ? 0 : EACCES;
    if (e != 0)
      return launcher_fail(l, LAUNCHER_EXIT_NOEXEC, NULL, e,
                           "%s%s: %s (not executable)", what, path,
                           strerror(e));
  }
  return 0;
}

/* A "#!" script: exec_fd becomes its interpreter. */
static int open_script(struct launcher *l, const char *head, size_t len) {
  char magic[2];
  int r = launcher_shebang_parse(head, len, &l->script_interp,
                                 &l->script_arg);
  if (r == -ENOMEM)
    return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, ENOMEM,
                         "out of memory");
  if (r != 0)
    return launcher_fail(l, LAUNCHER_EXIT_NOEXEC, NULL, ENOEXEC,
                         "%s: %s", l->executable,
                         r == -ENAMETOOLONG ? "\"#!\" line too long"
                                            : "no interpreter after \"#!\"");
  if (l->script_interp[0] != '/')
    return launcher_fail(l, LAUNCHER_EXIT_NOEXEC, NULL, ENOEXEC,
                         "%s: the interpreter \"%s\" is not an absolute path",
                         l->executable, l->script_interp);
  l->script_path = realpath(l->executable, NULL);
  if (l->script_path == NULL)
    return launcher_fail(l, LAUNCHER_EXIT_NOEXEC, NULL, errno, "%s: %s",
                         l->executable, strerror(errno));
  l->program_fd = l->exec_fd;
  l->exec_fd = -1;
  r = open_program(l, l->script_interp, "interpreter ", &l->exec_fd);
  if (r != 0)
    return r;
  if (pread(l->exec_fd, magic, 2, 0) == 2 && memcmp(magic, "#!", 2) == 0)
    return launcher_fail(l, LAUNCHER_EXIT_NOEXEC, NULL, ENOEXEC,
                         "%s: its interpreter %s is itself a script, which is "
                         "not supported",
                         l->executable, l->script_interp);
  return 0;
}

static int closure(struct launcher *l) {
  const char *name = l->script_interp ? l->script_interp : l->executable;
  int r = elf_closure_compute(l->exec_fd, &l->closure);
  if (r == -ENOMEM)
    return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, ENOMEM,
                         "out of memory");
  if (r == -ENOEXEC)
    return launcher_fail(l, LAUNCHER_EXIT_NOEXEC, NULL, ENOEXEC,
                         "%s: not an x86_64 ELF executable or \"#!\" script",
                         name);
  if (r != 0)
    return launcher_fail(l, LAUNCHER_EXIT_NOEXEC, NULL, -r,
                         "%s: unable to read: %s", name, strerror(-r));
  l->have_closure = true;
  if (l->closure.dynamic && l->closure.interpreter != NULL &&
      access(l->closure.interpreter, F_OK) != 0) {
    int e = errno;
    return launcher_fail(l, e == ENOENT ? LAUNCHER_EXIT_NOTFOUND
                                        : LAUNCHER_EXIT_NOEXEC,
                         NULL, e, "%s: its ELF interpreter %s: %s", name,
                         l->closure.interpreter, strerror(e));
  }
  if (!l->explain)
    for (size_t i = 0; i < l->closure.n_missing; ++i)
      launcher_warn(l, "%s needs %s, which was not found; the program will "
                       "probably not start",
                    name, l->closure.missing[i]);
  return 0;
}

static int build_argv(struct launcher *l) {
  const char **given = l->settings.argv;
  size_t n_given = 0, n = 0, n_env = 0;
  static const char *const none[] = {NULL};
  const char *const *env = l->settings.env ? l->settings.env : none;

  if (given != NULL)
    while (given[n_given] != NULL)
      ++n_given;
  while (env[n_env] != NULL)
    ++n_env;
  l->exec_argv = calloc(n_given + 5, sizeof(char *));
  l->exec_envp = calloc(n_env + 1, sizeof(char *));
  if (l->exec_argv == NULL || l->exec_envp == NULL)
    return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, ENOMEM,
                         "out of memory");
  if (l->script_path != NULL) {
    /* As the kernel does: interpreter, its argument, script, argv[1..]. */
    l->exec_argv[n++] = l->script_interp;
    if (l->script_arg != NULL)
      l->exec_argv[n++] = l->script_arg;
    l->exec_argv[n++] = l->script_path;
    for (size_t i = 1; i < n_given; ++i)
      l->exec_argv[n++] = (char *)given[i];
  } else if (n_given > 0) {
    for (size_t i = 0; i < n_given; ++i)
      l->exec_argv[n++] = (char *)given[i];
  } else {
    const char *slash = strrchr(l->executable, '/');
    l->exec_argv[n++] = (char *)(slash != NULL && slash[1] != '\0'
                                     ? slash + 1
                                     : l->executable);
  }
  /* The same NAME twice: one entry, the last value, at the first place. */
  size_t m = 0;
  for (size_t i = 0; i < n_env; ++i) {
    size_t name_len = strcspn(env[i], "=") + 1, j;
    for (j = 0; j < m; ++j)
      if (strncmp(l->exec_envp[j], env[i], name_len) == 0)
        break;
    l->exec_envp[j] = (char *)env[i];
    if (j == m)
      ++m;
  }
  return 0;
}

int launcher_executable_open(struct launcher *l) {
  char head[256];
  ssize_t len;
  int r = open_program(l, l->executable, "", &l->exec_fd);
  if (r != 0)
    return r;
  if (l->exec_unreadable) {
    /* Not readable: neither a script nor a dynamic program can be run
     * (the loader or the interpreter must read it); run it as static. */
    if (!l->explain)
      launcher_warn(l, "%s is execute-only: run without inspection, as a "
                       "static program",
                    l->executable);
  } else {
    len = pread(l->exec_fd, head, sizeof(head), 0);
    if (len >= 2 && memcmp(head, "#!", 2) == 0)
      r = open_script(l, head, (size_t)len);
    if (r == 0)
      r = closure(l);
    if (r != 0)
      return r;
  }
  switch (l->settings.profile) {
  case CONFIG_PROFILE_STRICT:
    l->profile = SANDBOX_PROFILE_STRICT;
    break;
  case CONFIG_PROFILE_COMPAT:
    l->profile = SANDBOX_PROFILE_COMPAT;
    break;
  case CONFIG_PROFILE_DEFAULT:
    l->profile = l->closure.dynamic || l->script_path != NULL
                     ? SANDBOX_PROFILE_COMPAT
                     : SANDBOX_PROFILE_STRICT;
    break;
  }
  return build_argv(l);
}
