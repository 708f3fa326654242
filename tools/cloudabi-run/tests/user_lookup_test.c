/* launcher_user_lookup: names from /etc/passwd, numbers as they are. */
#include <errno.h>

#include "launcher.h"
#include "tests/harness/tap.h"

int main(void) {
  uid_t uid = 7;
  gid_t gid = 7;
  tap_eq_int(0, launcher_user_lookup("root", &uid, &gid), "root by name");
  tap_eq_int(0, uid, "root is uid 0");
  tap_eq_int(0, launcher_user_lookup("0", &uid, &gid), "root by number");
  tap_eq_int(0, gid, "root's group is 0");
  tap_eq_int(0, launcher_user_lookup("4242420", &uid, &gid),
             "a uid without a passwd entry");
  tap_ok(uid == 4242420 && gid == 4242420, "its gid is its uid");
  tap_eq_int(-ENOENT, launcher_user_lookup("no-such-user-xyz", &uid, &gid),
             "unknown name");
  tap_eq_int(-EINVAL, launcher_user_lookup("", &uid, &gid), "empty name");
  tap_eq_int(-EINVAL, launcher_user_lookup("12abc", &uid, &gid),
             "number with garbage");
  return tap_done();
}
