/*
 * Stage enforce: lock the process down right before exec (sandbox_apply:
 * privileges dropped, no_new_privs, Landlock, seccomp). The Landlock rules:
 *   - one per !file resource, made from its own descriptor, with
 *     sandbox_landlock_access(rights, is_dir, abi);
 *   - READ_FILE|EXECUTE on the program (the interpreter of a script);
 *   - READ_FILE on a "#!" script;
 *   - for a dynamic program, READ_FILE|EXECUTE on its ELF interpreter and
 *     READ_FILE on each library of its closure (opened O_PATH here).
 * Messages after a failure are written with write(2) only.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "launcher.h"

#define EXEC_ACCESS (LAUNCHER_LL_READ_FILE | LAUNCHER_LL_EXECUTE)

#ifdef LAUNCHER_HAVE_SANDBOX
static int open_rule(struct launcher *l, struct sandbox_rule *rule,
                     const char *path, uint64_t access) {
  rule->fd = open(path, O_PATH | O_CLOEXEC);
  rule->access = access;
  if (rule->fd >= 0)
    return 0;
  return launcher_fail(l, LAUNCHER_EXIT_ENFORCE, NULL, errno,
                       "unable to open %s for its Landlock rule: %s", path,
                       strerror(errno));
}

static int apply(struct launcher *l) {
  size_t n = l->cfg->n_resources, n_rules = 0;
  size_t cap = n + 3 + l->closure.n_libraries;
  struct sandbox_rule *rules = calloc(cap, sizeof(*rules));
  struct sandbox_policy policy;
  struct sandbox_error serr;
  char warnings[512] = "";
  int abi = l->kernel.landlock_abi, r = 0;

  if (rules == NULL)
    return launcher_fail(l, LAUNCHER_EXIT_SYSTEM, NULL, ENOMEM,
                         "out of memory");
  for (size_t i = 0; i < n; ++i) {
    const struct config_resource *rc = &l->cfg->resources[i];
    if (rc->kind != CONFIG_RESOURCE_FILE)
      continue;
    uint64_t access = sandbox_landlock_access(rc->rights, l->res[i].is_dir,
                                              abi);
    if (access != 0)
      rules[n_rules++] = (struct sandbox_rule){l->res[i].fd, access};
  }
  rules[n_rules++] = (struct sandbox_rule){l->exec_fd, EXEC_ACCESS};
  if (l->program_fd >= 0)
    rules[n_rules++] =
        (struct sandbox_rule){l->program_fd, LAUNCHER_LL_READ_FILE};
  size_t first_opened = n_rules;
  if (l->closure.dynamic && l->closure.interpreter != NULL)
    r = open_rule(l, &rules[n_rules++], l->closure.interpreter, EXEC_ACCESS);
  for (size_t i = 0; r == 0 && i < l->closure.n_libraries; ++i)
    r = open_rule(l, &rules[n_rules++], l->closure.libraries[i],
                  LAUNCHER_LL_READ_FILE);
  if (r == 0) {
    memset(&policy, 0, sizeof(policy));
    policy.profile = l->profile;
    policy.rules = rules;
    policy.n_rules = n_rules;
    policy.allow_degraded = l->settings.allow_degraded;
    policy.uid = l->uid;
    policy.gid = l->gid;
    memset(&serr, 0, sizeof(serr));
    r = sandbox_apply(&policy, &l->kernel, warnings, sizeof(warnings), &serr);
    if (r != 0) {
      launcher_fail(l, LAUNCHER_EXIT_ENFORCE, NULL, -r, "%s",
                    serr.message[0] ? serr.message : strerror(-r));
      if (serr.hint[0] != '\0')
        launcher_hint(l, "%s", serr.hint);
    } else if (warnings[0] != '\0') {
      launcher_warn(l, "%s", warnings);
    }
  }
  for (size_t i = first_opened; i < n_rules; ++i)
    if (rules[i].fd >= 0)
      close(rules[i].fd);
  free(rules);
  return r;
}
#endif

int launcher_enforce(struct launcher *l) {
#ifdef LAUNCHER_HAVE_SANDBOX
  return apply(l);
#else
  return launcher_fail(l, LAUNCHER_EXIT_ENFORCE, NULL, ENOSYS,
                       "this cloudabi-run was built without its enforcement "
                       "library");
#endif
}
