/* launcher_settings_merge: the command line wins over !launcher. */
#include <string.h>

#include "launcher.h"
#include "tests/harness/tap.h"

int main(void) {
  struct config_settings cli, doc, out;
  const char *cli_argv[] = {"a", NULL}, *doc_argv[] = {"b", NULL};
  const char *doc_env[] = {"X=1", NULL};

  memset(&cli, 0, sizeof(cli));
  memset(&doc, 0, sizeof(doc));
  launcher_settings_merge(&out, &cli, &doc);
  tap_ok(out.argv == NULL && out.env == NULL, "nothing set: defaults");
  tap_eq_int(CONFIG_STREAM_NULL, out.streams[1], "stdout defaults to null");
  tap_eq_int(CONFIG_PROFILE_DEFAULT, out.profile, "profile left to the launcher");

  doc.argv = doc_argv;
  doc.env = doc_env;
  doc.streams[1] = CONFIG_STREAM_INHERIT;
  doc.streams_set[1] = true;
  doc.profile = CONFIG_PROFILE_COMPAT;
  doc.limit_as = (struct config_limit){true, 100};
  doc.timeout_ms = (struct config_limit){true, 2500};
  doc.user = "nobody";
  doc.workdir = "/srv";
  doc.allow_degraded = true;
  cli.argv = cli_argv;
  cli.streams[1] = CONFIG_STREAM_NULL;
  cli.streams_set[1] = true;
  cli.limit_as = (struct config_limit){true, 50};
  cli.profile = CONFIG_PROFILE_STRICT;
  launcher_settings_merge(&out, &cli, &doc);
  tap_ok(out.argv == cli_argv, "--argv wins over !launcher argv");
  tap_ok(out.env == doc_env, "env from !launcher when not on the command line");
  tap_eq_int(CONFIG_STREAM_NULL, out.streams[1], "--stdout=null wins over inherit");
  tap_ok(out.streams_set[1], "stdout marked as set");
  tap_eq_int(CONFIG_PROFILE_STRICT, out.profile, "--profile wins");
  tap_eq_uint(50, out.limit_as.value, "--limit-as wins");
  tap_ok(out.timeout_ms.set && out.timeout_ms.value == 2500, "timeout from !launcher");
  tap_eq_str("nobody", out.user, "user from !launcher");
  tap_eq_str("/srv", out.workdir, "workdir from !launcher");
  tap_ok(out.allow_degraded, "allow_degraded from !launcher");
  return tap_done();
}
