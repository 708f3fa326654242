/* sandbox_filter_length (see sandbox.h). */
#include "sandbox_impl.h"

size_t sandbox_filter_length(enum sandbox_profile profile) {
  switch (profile) {
  case SANDBOX_PROFILE_STRICT:
    return sandbox_filter_strict_len;
  case SANDBOX_PROFILE_COMPAT:
    return sandbox_filter_compat_len;
  }
  return 0;
}
