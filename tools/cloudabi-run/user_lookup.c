/* --user NAME|UID -> uid, gid, from /etc/passwd (no NSS: the launcher is a
 * static program). */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "launcher.h"

int launcher_user_lookup(const char *user, uid_t *uid, gid_t *gid) {
  char *end;
  bool numeric = user[0] >= '0' && user[0] <= '9';
  unsigned long n = 0;
  struct passwd *pw;
  FILE *fp;

  if (user[0] == '\0')
    return -EINVAL;
  if (numeric) {
    errno = 0;
    n = strtoul(user, &end, 10);
    if (errno != 0 || *end != '\0' || n >= (unsigned long)(uid_t)-1)
      return -EINVAL;
  }
  fp = fopen("/etc/passwd", "re");
  if (fp != NULL) {
    while ((pw = fgetpwent(fp)) != NULL) {
      if (numeric ? pw->pw_uid == (uid_t)n : strcmp(pw->pw_name, user) == 0) {
        *uid = pw->pw_uid;
        *gid = pw->pw_gid;
        fclose(fp);
        return 0;
      }
    }
    fclose(fp);
  }
  if (!numeric)
    return -ENOENT;
  *uid = (uid_t)n; /* a uid without a passwd entry: its group is its uid */
  *gid = (gid_t)n;
  return 0;
}
