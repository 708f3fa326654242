/* Command-line settings win over those of the !launcher document. */
#include "launcher.h"

static struct config_limit limit(struct config_limit cli,
                                 struct config_limit doc) {
  return cli.set ? cli : doc;
}

void launcher_settings_merge(struct config_settings *out,
                             const struct config_settings *cli,
                             const struct config_settings *doc) {
  out->argv = cli->argv != NULL ? cli->argv : doc->argv;
  out->env = cli->env != NULL ? cli->env : doc->env;
  for (int i = 0; i < 3; ++i) {
    out->streams_set[i] = cli->streams_set[i] || doc->streams_set[i];
    out->streams[i] = cli->streams_set[i]   ? cli->streams[i]
                      : doc->streams_set[i] ? doc->streams[i]
                                            : CONFIG_STREAM_NULL;
  }
  out->workdir = cli->workdir != NULL ? cli->workdir : doc->workdir;
  out->profile =
      cli->profile != CONFIG_PROFILE_DEFAULT ? cli->profile : doc->profile;
  out->limit_as = limit(cli->limit_as, doc->limit_as);
  out->limit_cpu = limit(cli->limit_cpu, doc->limit_cpu);
  out->limit_nofile = limit(cli->limit_nofile, doc->limit_nofile);
  out->limit_nproc = limit(cli->limit_nproc, doc->limit_nproc);
  out->limit_fsize = limit(cli->limit_fsize, doc->limit_fsize);
  out->timeout_ms = limit(cli->timeout_ms, doc->timeout_ms);
  out->user = cli->user != NULL ? cli->user : doc->user;
  out->allow_degraded = cli->allow_degraded || doc->allow_degraded;
}
