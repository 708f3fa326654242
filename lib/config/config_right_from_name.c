/* Right and group names -> a CloudABI rights set. */
#include <errno.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "lib/rights/cloudabi_rights.h"

#define R(name) {#name, CLOUDABI_RIGHT_##name}

static const struct {
  const char *name;
  uint64_t bits;
} names[] = {
    {"read", CLOUDABI_RIGHTS_GROUP_READ},
    {"write", CLOUDABI_RIGHTS_GROUP_WRITE},
    {"create", CLOUDABI_RIGHTS_GROUP_CREATE},
    {"delete", CLOUDABI_RIGHTS_GROUP_DELETE},
    {"rename", CLOUDABI_RIGHTS_GROUP_RENAME},
    {"exec", CLOUDABI_RIGHTS_GROUP_EXEC},
    {"append", CLOUDABI_RIGHTS_GROUP_APPEND},
    R(FD_DATASYNC),
    R(FD_READ),
    R(FD_SEEK),
    R(FD_STAT_PUT_FLAGS),
    R(FD_SYNC),
    R(FD_TELL),
    R(FD_WRITE),
    R(FILE_ADVISE),
    R(FILE_ALLOCATE),
    R(FILE_CREATE_DIRECTORY),
    R(FILE_CREATE_FILE),
    R(FILE_LINK_SOURCE),
    R(FILE_LINK_TARGET),
    R(FILE_OPEN),
    R(FILE_READDIR),
    R(FILE_READLINK),
    R(FILE_RENAME_SOURCE),
    R(FILE_RENAME_TARGET),
    R(FILE_STAT_FGET),
    R(FILE_STAT_FPUT_SIZE),
    R(FILE_STAT_FPUT_TIMES),
    R(FILE_STAT_GET),
    R(FILE_STAT_PUT_TIMES),
    R(FILE_SYMLINK),
    R(FILE_UNLINK),
    R(MEM_MAP),
    R(MEM_MAP_EXEC),
    R(POLL_FD_READWRITE),
    R(POLL_PROC_TERMINATE),
    R(PROC_EXEC),
    R(SOCK_SHUTDOWN),
    R(X_APPEND_MODE),
};

static int one_name(const char *s, size_t len, uint64_t *bits) {
  static const char prefix[] = "CLOUDABI_RIGHT_";
  if (len > sizeof(prefix) - 1 &&
      strncasecmp(s, prefix, sizeof(prefix) - 1) == 0) {
    s += sizeof(prefix) - 1;
    len -= sizeof(prefix) - 1;
  }
  for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); ++i)
    if (strlen(names[i].name) == len &&
        strncasecmp(s, names[i].name, len) == 0) {
      *bits = names[i].bits;
      return 0;
    }
  return -EINVAL;
}

static bool separator(char c) {
  return c == ',' || c == ' ' || c == '\t';
}

int config_right_from_name(const char *name, uint64_t *rights) {
  uint64_t set = 0;
  bool any = false;
  if (name == NULL)
    return -EINVAL;
  for (const char *p = name; *p != '\0';) {
    if (separator(*p)) {
      ++p;
      continue;
    }
    const char *end = p;
    while (*end != '\0' && !separator(*end))
      ++end;
    uint64_t bits;
    if (one_name(p, (size_t)(end - p), &bits) != 0)
      return -EINVAL;
    set |= bits;
    any = true;
    p = end;
  }
  if (!any)
    return -EINVAL;
  *rights = set;
  return 0;
}
