/* sandbox_landlock_access: CloudABI rights -> Landlock access bits.
 *
 * The mapping (abi-facts.md, DESIGN.md section 5):
 *
 *   FILE_OPEN + FD_READ       READ_FILE   (a file grant: FD_READ alone)
 *   FILE_READDIR              READ_DIR    (directories only)
 *   FD_WRITE                  WRITE_FILE, and IOCTL_DEV (device ioctls
 *                             only ever come with write)
 *   FILE_CREATE_FILE          MAKE_REG
 *   FILE_CREATE_DIRECTORY     MAKE_DIR
 *   FILE_UNLINK               REMOVE_FILE | REMOVE_DIR
 *   FILE_SYMLINK              MAKE_SYM
 *   FILE_LINK_* / RENAME_*    REFER
 *   FILE_STAT_FPUT_SIZE       TRUNCATE (only if FD_WRITE is also granted:
 *                             a read-only grant never truncates)
 *   PROC_EXEC                 EXECUTE
 *
 * MAKE_CHAR, MAKE_BLOCK, MAKE_FIFO and MAKE_SOCK are never granted.
 */
#include "sandbox_impl.h"

#include "lib/rights/cloudabi_rights.h"

static bool has(uint64_t rights, uint64_t want) {
  return (rights & want) == want;
}

uint64_t sandbox_landlock_access(uint64_t rights, bool is_dir, int abi) {
  uint64_t a = 0;
  uint64_t read = is_dir ? CLOUDABI_RIGHT_FILE_OPEN | CLOUDABI_RIGHT_FD_READ
                         : CLOUDABI_RIGHT_FD_READ;

  if (has(rights, read))
    a |= SBX_LL_FS_READ_FILE;
  if (has(rights, CLOUDABI_RIGHT_FD_WRITE))
    a |= SBX_LL_FS_WRITE_FILE | SBX_LL_FS_IOCTL_DEV;
  if (has(rights, CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE))
    a |= SBX_LL_FS_TRUNCATE;
  if (has(rights, CLOUDABI_RIGHT_PROC_EXEC))
    a |= SBX_LL_FS_EXECUTE;
  if (is_dir) {
    if (has(rights, CLOUDABI_RIGHT_FILE_READDIR))
      a |= SBX_LL_FS_READ_DIR;
    if (has(rights, CLOUDABI_RIGHT_FILE_CREATE_FILE))
      a |= SBX_LL_FS_MAKE_REG;
    if (has(rights, CLOUDABI_RIGHT_FILE_CREATE_DIRECTORY))
      a |= SBX_LL_FS_MAKE_DIR;
    if (has(rights, CLOUDABI_RIGHT_FILE_UNLINK))
      a |= SBX_LL_FS_REMOVE_FILE | SBX_LL_FS_REMOVE_DIR;
    if (has(rights, CLOUDABI_RIGHT_FILE_SYMLINK))
      a |= SBX_LL_FS_MAKE_SYM;
    if (rights & (CLOUDABI_RIGHT_FILE_LINK_SOURCE |
                  CLOUDABI_RIGHT_FILE_LINK_TARGET |
                  CLOUDABI_RIGHT_FILE_RENAME_SOURCE |
                  CLOUDABI_RIGHT_FILE_RENAME_TARGET))
      a |= SBX_LL_FS_REFER;
  } else {
    a &= SBX_LL_FS_FILE_RIGHTS;
  }
  return a & sbx_landlock_fs_handled(abi);
}
