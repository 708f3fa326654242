/*
 * ad_exit: ends in a chosen way, for the supervision tests.
 * Argdata keys: `out` (fd: "started\n" is written there first), `signal`
 * (int: raise that signal; if raise returns, "raise failed <errno>" is
 * written and the exit status is 99), `code` (int: the exit status,
 * default 0).
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>

#include "ad_common.h"

int main(void) {
  struct ad_start start;
  int out;
  long long sig;

  ad_start_read(&start);
  out = ad_lookup_fd(start.root, "out");
  if (out >= 0)
    ad_printf(out, "started\n");
  sig = ad_lookup_int(start.root, "signal", 0);
  if (sig > 0) {
    signal((int)sig, SIG_DFL);
    raise((int)sig);
    if (out >= 0)
      ad_printf(out, "raise failed %s\n", ad_errno_name(errno));
    return 99;
  }
  return (int)ad_lookup_int(start.root, "code", 0);
}
