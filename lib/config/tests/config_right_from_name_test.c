/* config_right_from_name: groups, CloudABI names, prefixes, case, lists. */
#include <ctype.h>

#include "config_test_util.h"
#include "lib/rights/cloudabi_rights.h"

static void expect(const char *name, uint64_t bits) {
  uint64_t r = 0xdead;
  tap_eq_int(0, config_right_from_name(name, &r), "\"%s\" is known", name);
  tap_eq_uint(bits, r, "\"%s\" bits", name);
}

static void unknown(const char *name) {
  uint64_t r = 0xdead;
  tap_eq_int(-EINVAL, config_right_from_name(name, &r), "\"%s\" is unknown",
             name ? name : "(null)");
  tap_eq_uint(0xdead, r, "\"%s\": output untouched", name ? name : "(null)");
}

#define RIGHT(n) {#n, CLOUDABI_RIGHT_##n}
static const struct {
  const char *name;
  uint64_t bits;
} rights[] = {
    RIGHT(FD_DATASYNC), RIGHT(FD_READ), RIGHT(FD_SEEK),
    RIGHT(FD_STAT_PUT_FLAGS), RIGHT(FD_SYNC), RIGHT(FD_TELL), RIGHT(FD_WRITE),
    RIGHT(FILE_ADVISE), RIGHT(FILE_ALLOCATE), RIGHT(FILE_CREATE_DIRECTORY),
    RIGHT(FILE_CREATE_FILE), RIGHT(FILE_LINK_SOURCE), RIGHT(FILE_LINK_TARGET),
    RIGHT(FILE_OPEN), RIGHT(FILE_READDIR), RIGHT(FILE_READLINK),
    RIGHT(FILE_RENAME_SOURCE), RIGHT(FILE_RENAME_TARGET),
    RIGHT(FILE_STAT_FGET), RIGHT(FILE_STAT_FPUT_SIZE),
    RIGHT(FILE_STAT_FPUT_TIMES), RIGHT(FILE_STAT_GET),
    RIGHT(FILE_STAT_PUT_TIMES), RIGHT(FILE_SYMLINK), RIGHT(FILE_UNLINK),
    RIGHT(MEM_MAP), RIGHT(MEM_MAP_EXEC), RIGHT(POLL_FD_READWRITE),
    RIGHT(POLL_PROC_TERMINATE), RIGHT(PROC_EXEC), RIGHT(SOCK_SHUTDOWN),
};

int main(void) {
  expect("read", CLOUDABI_RIGHTS_GROUP_READ);
  expect("write", CLOUDABI_RIGHTS_GROUP_WRITE);
  expect("create", CLOUDABI_RIGHTS_GROUP_CREATE);
  expect("delete", CLOUDABI_RIGHTS_GROUP_DELETE);
  expect("rename", CLOUDABI_RIGHTS_GROUP_RENAME);
  expect("exec", CLOUDABI_RIGHTS_GROUP_EXEC);
  expect("append", CLOUDABI_RIGHTS_GROUP_APPEND);
  expect("READ", CLOUDABI_RIGHTS_GROUP_READ);
  tap_eq_uint(31, sizeof(rights) / sizeof(rights[0]), "31 CloudABI rights");
  for (size_t i = 0; i < sizeof(rights) / sizeof(rights[0]); ++i) {
    char buf[80];
    expect(rights[i].name, rights[i].bits);
    snprintf(buf, sizeof(buf), "CLOUDABI_RIGHT_%s", rights[i].name);
    expect(buf, rights[i].bits);
    for (char *p = buf; *p; ++p)
      *p = (char)tolower((unsigned char)*p);
    expect(buf, rights[i].bits);
  }
  expect("x_append_mode", CLOUDABI_RIGHT_X_APPEND_MODE);
  expect("read,write", CLOUDABI_RIGHTS_GROUP_READ | CLOUDABI_RIGHTS_GROUP_WRITE);
  expect(" read , FD_WRITE ", CLOUDABI_RIGHTS_GROUP_READ |
                                  CLOUDABI_RIGHT_FD_WRITE);
  unknown("raed");
  unknown("");
  unknown(" , ");
  unknown("read,bogus");
  unknown("CLOUDABI_RIGHT_");
  unknown("CLOUDABI_RIGHT_read_x");
  unknown("FILE_CREATE_FIFO"); /* retired */
  unknown("SOCK_ACCEPT");      /* retired */
  unknown(NULL);
  return tap_done();
}
