/*
 * launcher_executable_open: exit statuses, dynamic programs, "#!" scripts,
 * the default profile and argv.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "launcher.h"
#include "tests/harness/tap.h"

static char dir[] = "/tmp/launcher-exec-XXXXXX";

static int open_exe(struct launcher *l, const char *path,
                    const char *const *argv) {
  launcher_init(l);
  l->msg_fd = -1; /* no warnings on the TAP stream */
  l->executable = path;
  l->settings.argv = (const char **)argv;
  return launcher_executable_open(l);
}

static void write_file(const char *path, const char *text, mode_t mode) {
  int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, mode);
  (void)!write(fd, text, strlen(text));
  close(fd);
  chmod(path, mode);
}

int main(void) {
  struct launcher l;
  char path[256], script[256];
  if (mkdtemp(dir) == NULL)
    return 1;

  snprintf(path, sizeof(path), "%s/missing", dir);
  tap_eq_int(-ENOENT, open_exe(&l, path, NULL), "missing executable");
  tap_eq_int(LAUNCHER_EXIT_NOTFOUND, l.err.status, "... exits 127");
  launcher_cleanup(&l);

  tap_eq_int(-EACCES, open_exe(&l, dir, NULL), "a directory");
  tap_eq_int(LAUNCHER_EXIT_NOEXEC, l.err.status, "... exits 126");
  launcher_cleanup(&l);

  snprintf(path, sizeof(path), "%s/data", dir);
  write_file(path, "just text\n", 0644);
  tap_eq_int(-EACCES, open_exe(&l, path, NULL), "not executable");
  tap_eq_int(LAUNCHER_EXIT_NOEXEC, l.err.status, "... exits 126");
  launcher_cleanup(&l);

  chmod(path, 0755);
  tap_eq_int(-ENOEXEC, open_exe(&l, path, NULL), "executable text file");
  tap_eq_int(LAUNCHER_EXIT_NOEXEC, l.err.status, "... exits 126");
  launcher_cleanup(&l);

  if (access("/bin/sh", X_OK) == 0) {
    tap_eq_int(0, open_exe(&l, "/bin/sh", NULL), "a dynamic program");
    tap_ok(l.closure.dynamic && l.closure.interpreter != NULL,
           "... has an ELF interpreter");
    tap_eq_int(SANDBOX_PROFILE_COMPAT, l.profile, "... runs compat by default");
    tap_eq_str("sh", l.exec_argv[0], "argv[0] is the base name");
    tap_ok(l.exec_argv[1] == NULL, "... and nothing else");
    tap_ok(l.exec_envp[0] == NULL, "empty environment");
    launcher_cleanup(&l);

    snprintf(script, sizeof(script), "%s/s.sh", dir);
    write_file(script, "#!/bin/sh -e\necho hi\n", 0755);
    const char *argv[] = {"name", "one", "two", NULL};
    tap_eq_int(0, open_exe(&l, script, argv), "a #! script");
    tap_ok(l.program_fd >= 0 && l.exec_fd >= 0, "script and interpreter open");
    tap_eq_str("/bin/sh", l.exec_argv[0], "argv[0]: the interpreter");
    tap_eq_str("-e", l.exec_argv[1], "argv[1]: its argument");
    tap_eq_str(script, l.exec_argv[2], "argv[2]: the script");
    tap_eq_str("one", l.exec_argv[3], "then argv[1..] as given");
    tap_ok(l.exec_argv[5] == NULL, "nothing more");
    tap_eq_int(SANDBOX_PROFILE_COMPAT, l.profile, "scripts run compat");
    launcher_cleanup(&l);

    write_file(script, "#!sh\n", 0755);
    tap_eq_int(-ENOEXEC, open_exe(&l, script, NULL), "relative interpreter");
    launcher_cleanup(&l);
    write_file(script, "#!/no/such/interp\n", 0755);
    tap_eq_int(-ENOENT, open_exe(&l, script, NULL), "missing interpreter");
    tap_eq_int(LAUNCHER_EXIT_NOTFOUND, l.err.status, "... exits 127");
    launcher_cleanup(&l);
    unlink(script);
  } else {
    tap_skip("no /bin/sh", "dynamic program and scripts");
  }

  const char *envs[] = {"A=1", "B=2", "A=3", NULL};
  launcher_init(&l);
  l.msg_fd = -1;
  l.executable = "/bin/sh";
  l.settings.env = envs;
  if (launcher_executable_open(&l) == 0) {
    tap_eq_str("A=3", l.exec_envp[0], "a NAME given twice keeps the last value");
    tap_eq_str("B=2", l.exec_envp[1], "... at its first place");
    tap_ok(l.exec_envp[2] == NULL, "... once");
  }
  launcher_cleanup(&l);

  unlink(path);
  rmdir(dir);
  return tap_done();
}
