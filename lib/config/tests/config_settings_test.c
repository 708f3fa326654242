/* The second document, tagged !launcher. */
#include "config_test_util.h"

static void full(void) {
  struct config *c = load_ok(
      "x: 1\n"
      "--- !launcher\n"
      "argv: [prog, -v, 3, '']\n"
      "env: {LANG: C.UTF-8, EMPTY: , N: 1}\n"
      "stdin: null\n"
      "stdout: inherit\n"
      "stderr: inherit\n"
      "workdir: /srv\n"
      "profile: compat\n"
      "limits: {as: 512M, cpu: 10, nofile: 64, nproc: 16, fsize: 10M}\n"
      "timeout: 2.5\n"
      "user: nobody\n"
      "allow_degraded: true\n",
      "launcher-spec.md example");
  if (c == NULL)
    return;
  const struct config_settings *s = &c->settings;
  tap_ok(s->argv != NULL, "argv set");
  if (s->argv != NULL) {
    tap_eq_str("prog", s->argv[0], "argv[0]");
    tap_eq_str("-v", s->argv[1], "argv[1]");
    tap_eq_str("3", s->argv[2], "argv[2] is the text of an int");
    tap_eq_str("", s->argv[3], "argv[3] empty");
    tap_ok(s->argv[4] == NULL, "argv NULL-terminated");
  }
  tap_ok(s->env != NULL, "env set");
  if (s->env != NULL) {
    tap_eq_str("LANG=C.UTF-8", s->env[0], "env[0]");
    tap_eq_str("EMPTY=", s->env[1], "env[1] empty value");
    tap_eq_str("N=1", s->env[2], "env[2]");
    tap_ok(s->env[3] == NULL, "env NULL-terminated");
  }
  tap_ok(s->streams_set[0] && s->streams_set[1] && s->streams_set[2],
         "three streams set");
  tap_eq_int(CONFIG_STREAM_NULL, s->streams[0], "stdin null");
  tap_eq_int(CONFIG_STREAM_INHERIT, s->streams[1], "stdout inherit");
  tap_eq_int(CONFIG_STREAM_INHERIT, s->streams[2], "stderr inherit");
  tap_eq_str("/srv", s->workdir, "workdir");
  tap_eq_int(CONFIG_PROFILE_COMPAT, s->profile, "profile compat");
  tap_ok(s->limit_as.set, "as set");
  tap_eq_uint(UINT64_C(512) << 20, s->limit_as.value, "as 512M");
  tap_eq_uint(10, s->limit_cpu.value, "cpu 10");
  tap_eq_uint(64, s->limit_nofile.value, "nofile 64");
  tap_eq_uint(16, s->limit_nproc.value, "nproc 16");
  tap_eq_uint(UINT64_C(10) << 20, s->limit_fsize.value, "fsize 10M");
  tap_ok(s->timeout_ms.set, "timeout set");
  tap_eq_uint(2500, s->timeout_ms.value, "timeout 2.5 s");
  tap_eq_str("nobody", s->user, "user");
  tap_ok(s->allow_degraded, "allow_degraded");
  tap_eq_uint(0, c->n_resources, "settings are not resources");
  config_free(c);
}

static void partial(void) {
  struct config *c = load_ok("x: 1\n--- !launcher\nstdout: inherit\n"
                             "profile: strict\nlimits: {cpu: 1}\n"
                             "user: 1000\ntimeout: 10\n",
                             "partial settings");
  if (c == NULL)
    return;
  const struct config_settings *s = &c->settings;
  tap_ok(!s->streams_set[0] && s->streams_set[1] && !s->streams_set[2],
         "only stdout set");
  tap_eq_int(CONFIG_PROFILE_STRICT, s->profile, "profile strict");
  tap_ok(s->limit_cpu.set && !s->limit_as.set && !s->limit_nofile.set &&
             !s->limit_nproc.set && !s->limit_fsize.set,
         "only cpu set");
  tap_eq_str("1000", s->user, "numeric user");
  tap_eq_uint(10000, s->timeout_ms.value, "timeout 10 s");
  tap_ok(s->argv == NULL && s->env == NULL && s->workdir == NULL,
         "unset stays NULL");
  tap_ok(!s->allow_degraded, "allow_degraded default false");
  config_free(c);

  c = load_ok("x: 1\n--- !launcher\n", "empty !launcher");
  if (c != NULL) {
    tap_eq_int(CONFIG_PROFILE_DEFAULT, c->settings.profile, "default profile");
    config_free(c);
  }
  c = load_ok("%TAG ! tag:nuxi.nl,2015:cloudabi/\n--- 1\n--- !launcher\n"
              "stdin: inherit\n",
              "!launcher under %TAG");
  if (c != NULL) {
    tap_eq_int(CONFIG_STREAM_INHERIT, c->settings.streams[0],
               "stdin inherit");
    config_free(c);
  }
  check_bytes("{out: !fd stdout}\n--- !launcher\nstdout: inherit\n",
              "the argdata ignores the settings", 0x06, 0x85, 0x08, 'o', 'u',
              't', 0x00, 0x85, 0x03, 0, 0, 0, 4);
}

static void errors(void) {
  check_error("x: 1\n--- !launcher\ntimout: 1\n", 3, 1,
              "unknown key \"timout\" in !launcher", "did you mean timeout?",
              "unknown setting");
  check_error("x: 1\n--- !launcher\ncolor: red\n", 3, 1,
              "unknown key \"color\" in !launcher",
              "known keys are argv, env, stdin", "unknown setting, no match");
  check_error("x: 1\n--- !launcher\nuser: a\nuser: b\n", 4, 1,
              "duplicate key \"user\" in !launcher", "line 3, column 1",
              "duplicate setting");
  check_error("x: 1\n--- !launcher\nstdout: file\n", 3, 9,
              "stdout must be null or inherit", NULL, "bad stream");
  check_error("x: 1\n--- !launcher\nprofile: lax\n", 3, 10,
              "unknown profile \"lax\"", "strict and compat", "bad profile");
  check_error("x: 1\n--- !launcher\nargv: prog\n", 3, 7,
              "argv must be a sequence", NULL, "argv scalar");
  check_error("x: 1\n--- !launcher\nargv: []\n", 3, 7, "argv is empty",
              "argv[0]", "argv empty");
  check_error("x: 1\n--- !launcher\nargv: [a, [b]]\n", 3, 11,
              "an argv element must be a scalar", NULL, "argv nested");
  check_error("x: 1\n--- !launcher\nenv: [A=1]\n", 3, 6,
              "env must be a mapping", NULL, "env seq");
  check_error("x: 1\n--- !launcher\nenv: {A: 1, B: 2, A: 3}\n", 3, 19,
              "duplicate key \"A\" in env", "line 3, column 7", "env dup");
  check_error("x: 1\n--- !launcher\nenv: {A=B: 1}\n", 3, 7, "contains =",
              NULL, "env name with =");
  check_error("x: 1\n--- !launcher\nenv: {'': 1}\n", 3, 7,
              "an environment variable name is empty", NULL, "env empty name");
  check_error("x: 1\n--- !launcher\nworkdir: [a]\n", 3, 10,
              "workdir must be a scalar", NULL, "workdir seq");
  check_error("x: 1\n--- !launcher\nlimits: {as: lots}\n", 3, 14,
              "limits.as: \"lots\" is not a size", "512M", "bad size");
  check_error("x: 1\n--- !launcher\nlimits: {cpu: 1.5}\n", 3, 15,
              "limits.cpu: \"1.5\" is not a whole number", NULL, "bad cpu");
  check_error("x: 1\n--- !launcher\nlimits: {fsize: 99999999999999999999}\n",
              3, 17, "is not a size in range", NULL, "size overflow");
  check_error("x: 1\n--- !launcher\nlimits: {stack: 8M}\n", 3, 10,
              "unknown key \"stack\" in limits",
              "known keys are as, cpu, nofile, nproc, fsize",
              "unknown limit");
  check_error("x: 1\n--- !launcher\nlimits: 5\n", 3, 9,
              "limits must be a mapping", NULL, "limits scalar");
  check_error("x: 1\n--- !launcher\ntimeout: 0.0001\n", 3, 10,
              "timeout \"0.0001\" is not a number of seconds",
              "three decimals", "timeout too precise");
  check_error("x: 1\n--- !launcher\ntimeout: -1\n", 3, 10,
              "is not a number of seconds", NULL, "negative timeout");
  check_error("x: 1\n--- !launcher\nallow_degraded: 1\n", 3, 17,
              "allow_degraded must be true or false", NULL,
              "allow_degraded: 1");
  check_error("x: 1\n--- !launcher\nuser: ~\n", 3, 7, "user is empty", NULL,
              "null user");
  check_error("x: 1\n--- !launcher\nstdout: !fd 1\n", 3, 9,
              "stdout cannot be tagged !fd", NULL, "resource in settings");
  check_error("x: 1\n--- !launcher [a]\n", 2, 5,
              "!launcher takes a mapping", NULL, "!launcher on a seq");
  check_error("x: 1\n---\nstdout: inherit\n", 3, 1,
              "the second document must be tagged !launcher", "--- !launcher",
              "untagged second document");
  check_error("--- !launcher\nstdout: inherit\n", 1, 5,
              "the first document is the program's argdata", "--- null",
              "!launcher first");
  check_error("x: !launcher {}\n", 1, 4,
              "!launcher may only tag the second document", NULL,
              "!launcher inside the argdata");
  check_error("x: 1\n--- !launcher\nstdout: inherit\n--- !launcher\n", 4, 1,
              "a third YAML document", "one --- !launcher document",
              "third document");
}

int main(void) {
  full();
  partial();
  errors();
  return tap_done();
}
