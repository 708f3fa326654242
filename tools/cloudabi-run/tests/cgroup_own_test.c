/* launcher_cgroup_own: finding the launcher's cgroup, v2 and v1 pids. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "launcher.h"
#include "tests/harness/tap.h"

static int own(const char *text, bool v2, char *out) {
  FILE *fp = fmemopen((void *)text, strlen(text), "r");
  int r = launcher_cgroup_own(fp, v2, out, 256);
  fclose(fp);
  return r;
}

int main(void) {
  char out[256];
  const char *hybrid = "9:name=systemd:/\n8:pids:/a/b\n4:memory:/x\n0::/u\n";
  const char *v2 = "0::/user.slice/user-0.slice/session-1.scope\n";
  const char *v1_joined = "3:cpu,pids,memory:/grp\n";

  tap_eq_int(0, own(v2, true, out), "pure v2: found");
  tap_eq_str("/user.slice/user-0.slice/session-1.scope", out, "pure v2: path");
  tap_eq_int(-ENOENT, own(v2, false, out), "pure v2: no v1 pids hierarchy");
  tap_eq_int(0, own(hybrid, false, out), "hybrid: v1 pids found");
  tap_eq_str("/a/b", out, "hybrid: v1 pids path");
  tap_eq_int(0, own(hybrid, true, out), "hybrid: v2 line found");
  tap_eq_str("/u", out, "hybrid: v2 path");
  tap_eq_int(0, own(v1_joined, false, out), "joined controllers");
  tap_eq_str("/grp", out, "joined controllers: path");
  tap_eq_int(-ENOENT, own("5:pidsx:/no\n", false, out), "pidsx is not pids");
  return tap_done();
}
