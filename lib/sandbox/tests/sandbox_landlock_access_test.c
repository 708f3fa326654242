/* sandbox_landlock_access: the rights -> Landlock access table. */
#include "sandbox_test.h"
#include "sandbox_impl.h"

#include "lib/rights/cloudabi_rights.h"

#define R CLOUDABI_RIGHTS_GROUP_READ
#define W CLOUDABI_RIGHTS_GROUP_WRITE
#define RW (R | W)

int main(void) {
  uint64_t all7 = sbx_landlock_fs_handled(7);

  tap_eq_uint(0xffffU, all7, "ABI 7 handles FS bits 0-15");
  tap_eq_uint(0x1fffU, sbx_landlock_fs_handled(1), "ABI 1: bits 0-12");
  tap_eq_uint(0x7fffU, sbx_landlock_fs_handled(4), "ABI 4: up to TRUNCATE");
  tap_eq_uint(0, sbx_landlock_fs_handled(0), "ABI 0: nothing");

  tap_eq_uint(SBX_LL_FS_READ_FILE | SBX_LL_FS_READ_DIR,
              sandbox_landlock_access(R, true, 7),
              "dir [read] -> READ_FILE|READ_DIR (no TRUNCATE)");
  tap_eq_uint(SBX_LL_FS_READ_FILE, sandbox_landlock_access(R, false, 7),
              "file [read] -> READ_FILE");
  tap_eq_uint(SBX_LL_FS_READ_DIR,
              sandbox_landlock_access(CLOUDABI_RIGHT_FILE_READDIR |
                                          CLOUDABI_RIGHT_FD_READ,
                                      true, 7),
              "dir FD_READ without FILE_OPEN: no READ_FILE");
  tap_eq_uint(SBX_LL_FS_READ_FILE | SBX_LL_FS_READ_DIR |
                  SBX_LL_FS_WRITE_FILE | SBX_LL_FS_TRUNCATE |
                  SBX_LL_FS_IOCTL_DEV,
              sandbox_landlock_access(RW, true, 7),
              "dir [read, write] -> + WRITE_FILE|TRUNCATE|IOCTL_DEV");
  tap_eq_uint(SBX_LL_FS_READ_FILE | SBX_LL_FS_READ_DIR |
                  SBX_LL_FS_WRITE_FILE | SBX_LL_FS_TRUNCATE,
              sandbox_landlock_access(RW, true, 4),
              "dir [read, write] at ABI 4: no IOCTL_DEV");
  tap_eq_uint(SBX_LL_FS_READ_FILE | SBX_LL_FS_READ_DIR |
                  SBX_LL_FS_WRITE_FILE,
              sandbox_landlock_access(RW, true, 2),
              "dir [read, write] at ABI 2: no TRUNCATE");
  tap_eq_uint(0, sandbox_landlock_access(CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE,
                                         true, 7),
              "FPUT_SIZE without FD_WRITE: never TRUNCATE");
  tap_eq_uint(SBX_LL_FS_MAKE_REG | SBX_LL_FS_MAKE_DIR | SBX_LL_FS_MAKE_SYM,
              sandbox_landlock_access(CLOUDABI_RIGHTS_GROUP_CREATE &
                                          ~CLOUDABI_RIGHT_FILE_OPEN,
                                      true, 7),
              "dir [create] -> MAKE_REG|MAKE_DIR|MAKE_SYM");
  tap_eq_uint(SBX_LL_FS_REMOVE_FILE | SBX_LL_FS_REMOVE_DIR,
              sandbox_landlock_access(CLOUDABI_RIGHTS_GROUP_DELETE, true, 7),
              "dir [delete] -> REMOVE_FILE|REMOVE_DIR");
  tap_eq_uint(SBX_LL_FS_REFER,
              sandbox_landlock_access(CLOUDABI_RIGHTS_GROUP_RENAME, true, 7),
              "dir [rename] -> REFER");
  tap_eq_uint(SBX_LL_FS_REFER,
              sandbox_landlock_access(CLOUDABI_RIGHT_FILE_LINK_TARGET, true,
                                      7),
              "dir LINK_TARGET alone -> REFER");
  tap_eq_uint(0, sandbox_landlock_access(CLOUDABI_RIGHTS_GROUP_RENAME, true, 1),
              "dir [rename] at ABI 1: REFER unknown");
  tap_eq_uint(SBX_LL_FS_EXECUTE | SBX_LL_FS_READ_FILE,
              sandbox_landlock_access(R | CLOUDABI_RIGHTS_GROUP_EXEC, false, 7),
              "file [read, exec] -> READ_FILE|EXECUTE");
  tap_eq_uint(SBX_LL_FS_WRITE_FILE | SBX_LL_FS_IOCTL_DEV | SBX_LL_FS_TRUNCATE,
              sandbox_landlock_access(W | CLOUDABI_RIGHTS_GROUP_CREATE |
                                          CLOUDABI_RIGHTS_GROUP_DELETE,
                                      false, 7),
              "file [write, create, delete] keeps only file rights");
  tap_eq_uint(SBX_LL_FS_WRITE_FILE | SBX_LL_FS_IOCTL_DEV,
              sandbox_landlock_access(CLOUDABI_RIGHTS_GROUP_APPEND, false, 7),
              "file [append] -> WRITE_FILE|IOCTL_DEV, no TRUNCATE");
  {
    uint64_t every = sandbox_landlock_access(~UINT64_C(0), true, 7);
    tap_eq_uint(0, every & (SBX_LL_FS_MAKE_CHAR | SBX_LL_FS_MAKE_BLOCK |
                            SBX_LL_FS_MAKE_FIFO | SBX_LL_FS_MAKE_SOCK),
                "all rights: never MAKE_CHAR/BLOCK/FIFO/SOCK");
    tap_eq_uint(0xffffU & ~(SBX_LL_FS_MAKE_CHAR | SBX_LL_FS_MAKE_BLOCK |
                            SBX_LL_FS_MAKE_FIFO | SBX_LL_FS_MAKE_SOCK),
                every, "all rights: every other right");
    tap_eq_uint(0, sandbox_landlock_access(~UINT64_C(0), false, 7) &
                       ~SBX_LL_FS_FILE_RIGHTS,
                "file with all rights: only file rights");
    tap_eq_uint(0, sandbox_landlock_access(~UINT64_C(0), true, 0),
                "ABI 0: nothing");
  }
  tap_eq_uint(0, sandbox_landlock_access(0, true, 7), "no rights: nothing");
  return tap_done();
}
