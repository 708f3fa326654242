/* sbx_ruleset_build: the Landlock ruleset of a policy, not yet enforced.
 *
 * Handles every FS right of the ABI, TCP bind/connect with no port rule
 * (ABI >= 4, so both are denied), and scopes abstract unix sockets and
 * signals (ABI >= 6). One path-beneath rule per policy rule, made from the
 * rule's own descriptor; a non-directory descriptor only keeps file rights.
 * A rule whose access ends up empty is skipped (Landlock refuses it).
 * Returns the ruleset fd (close-on-exec) or -errno.
 */
#include <sys/stat.h>

#include "sandbox_impl.h"

static size_t attr_size(int abi) {
  if (abi >= 6)
    return offsetof(struct sbx_ruleset_attr, scoped) + sizeof(uint64_t);
  if (abi >= 4)
    return offsetof(struct sbx_ruleset_attr, scoped);
  return offsetof(struct sbx_ruleset_attr, handled_access_net);
}

static int add_rule(int rs, const struct sandbox_rule *rule, uint64_t handled,
                    size_t index, struct sandbox_error *err) {
  struct stat st;
  struct sbx_path_beneath_attr pb;
  int rc;

  if (fstat(rule->fd, &st) != 0)
    return sbx_fail(err, -errno, "unable to add Landlock rule %zu (fd %d): %s",
                    index, rule->fd, strerror(errno));
  pb.allowed_access = rule->access & handled;
  if (!S_ISDIR(st.st_mode))
    pb.allowed_access &= SBX_LL_FS_FILE_RIGHTS;
  pb.parent_fd = rule->fd;
  if (pb.allowed_access == 0)
    return 0;
  rc = sbx_landlock_add_rule(rs, SBX_LANDLOCK_RULE_PATH_BENEATH, &pb);
  if (rc < 0)
    return sbx_fail(err, rc, "unable to add Landlock rule %zu (fd %d): %s",
                    index, rule->fd, strerror(-rc));
  return 0;
}

int sbx_ruleset_build(const struct sandbox_policy *policy, int abi,
                      struct sandbox_error *err) {
  struct sbx_ruleset_attr attr;
  int rs;

  memset(&attr, 0, sizeof(attr));
  attr.handled_access_fs = sbx_landlock_fs_handled(abi);
  if (abi >= 4)
    attr.handled_access_net = SBX_LL_NET_BIND_TCP | SBX_LL_NET_CONNECT_TCP;
  if (abi >= 6)
    attr.scoped = SBX_LL_SCOPE_ABSTRACT_UNIX_SOCKET | SBX_LL_SCOPE_SIGNAL;
  rs = sbx_landlock_create_ruleset(&attr, attr_size(abi), 0);
  if (rs < 0)
    return sbx_fail(err, rs, "unable to create a Landlock ruleset (ABI %d): %s",
                    abi, strerror(-rs));
  for (size_t i = 0; i < policy->n_rules; i++) {
    int rc = add_rule(rs, &policy->rules[i], attr.handled_access_fs, i, err);
    if (rc < 0) {
      close(rs);
      return rc;
    }
  }
  return rs;
}
