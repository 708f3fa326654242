/*
 * Undo what the stages did, after a failure: remove every file and unix
 * socket the launcher created, remove its cgroup, close the descriptors it
 * opened and free its memory. The message descriptor and the status pipe
 * stay open: the failure is reported after this.
 */
#include <stdlib.h>
#include <unistd.h>

#include "launcher.h"

static void close_fd(int *fd) {
  if (*fd >= 0) {
    close(*fd);
    *fd = -1;
  }
}

void launcher_cleanup(struct launcher *l) {
  size_t n = l->cfg != NULL ? l->cfg->n_resources : 0;
  for (size_t i = n; l->res != NULL && i-- > 0;) {
    struct launcher_resource *res = &l->res[i];
    if (res->created && res->created_path != NULL)
      unlink(res->created_path);
    res->created = false;
    free(res->created_path);
    res->created_path = NULL;
    close_fd(&res->fd);
  }
  free(l->res);
  l->res = NULL;
  launcher_cgroup_remove(l);
  close_fd(&l->memfd);
  close_fd(&l->exec_fd);
  close_fd(&l->program_fd);
  close_fd(&l->null_fd);
  if (l->have_closure) {
    elf_closure_free(&l->closure);
    l->have_closure = false;
  }
  free(l->exec_argv);
  free(l->exec_envp);
  free(l->exec_path);
  free(l->script_path);
  free(l->script_interp);
  free(l->script_arg);
  l->exec_argv = l->exec_envp = NULL;
  l->exec_path = l->script_path = l->script_interp = l->script_arg = NULL;
  config_free(l->cfg);
  l->cfg = NULL;
  free(l->cli.argv);
  free(l->cli.env);
  l->cli.argv = l->cli.env = NULL;
}
