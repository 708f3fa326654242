/* sandbox_profile_name (see sandbox.h). */
#include "sandbox_impl.h"

const char *sandbox_profile_name(enum sandbox_profile profile) {
  switch (profile) {
  case SANDBOX_PROFILE_STRICT:
    return "strict";
  case SANDBOX_PROFILE_COMPAT:
    return "compat";
  }
  return "unknown";
}
