/* sbx_landlock_fs_handled: the FS access rights of a Landlock ABI. */
#include "sandbox_impl.h"

uint64_t sbx_landlock_fs_handled(int abi) {
  uint64_t bits = 0;
  if (abi >= 1)
    bits |= (SBX_LL_FS_MAKE_SYM << 1) - 1; /* EXECUTE .. MAKE_SYM */
  if (abi >= 2)
    bits |= SBX_LL_FS_REFER;
  if (abi >= 3)
    bits |= SBX_LL_FS_TRUNCATE;
  if (abi >= 5)
    bits |= SBX_LL_FS_IOCTL_DEV;
  /* ABI 4, 6 and 7 added no filesystem right. */
  return bits;
}
