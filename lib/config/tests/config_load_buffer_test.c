/* config_load_buffer: the worked example of DESIGN.md and the main tags. */
#include "config_test_util.h"
#include "lib/rights/cloudabi_rights.h"

static void worked_example(void) {
  /* DESIGN.md section 3, serialised literally. */
  check_bytes("out: !fd stdout\ndir: !file {path: /srv}\n", "worked example",
              0x06, 0x85, 0x08, 0x6f, 0x75, 0x74, 0x00, 0x85, 0x03, 0x00,
              0x00, 0x00, 0x04, 0x85, 0x08, 0x64, 0x69, 0x72, 0x00, 0x85,
              0x03, 0x00, 0x00, 0x00, 0x05);
  struct config *c = load_ok("out: !fd stdout\ndir: !file {path: /srv}\n",
                             "worked example resources");
  if (c == NULL)
    return;
  tap_eq_uint(2, c->n_resources, "two resources");
  tap_eq_int(CONFIG_RESOURCE_FD, c->resources[0].kind, "first is !fd");
  tap_eq_int(4, c->resources[0].number, "!fd stdout is 4");
  tap_eq_int(1, c->resources[0].host_fd, "!fd stdout is host fd 1");
  tap_eq_uint(1, c->resources[0].pos.line, "!fd at line 1");
  tap_eq_uint(6, c->resources[0].pos.column, "!fd at column 6");
  tap_eq_str("t.yaml", c->resources[0].pos.file, "position file");
  tap_eq_int(CONFIG_RESOURCE_FILE, c->resources[1].kind, "second is !file");
  tap_eq_int(5, c->resources[1].number, "!file is 5");
  tap_eq_str("/srv", c->resources[1].path, "!file path");
  tap_eq_uint(CLOUDABI_RIGHTS_DEFAULT, c->resources[1].rights,
              "default rights");
  tap_ok(!c->resources[1].create && !c->resources[1].truncate,
         "no create, no truncate");
  tap_eq_uint(0600, c->resources[1].mode, "default mode 0600");
  tap_ok(c->settings.argv == NULL && c->settings.env == NULL &&
             !c->settings.timeout_ms.set,
         "no launcher settings");
  config_free(c);
}

static void with_tag_directive(void) {
  check_bytes("%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n"
              "out: !fd stdout\ndir: !file {path: /srv}\n",
              "%TAG directive", 0x06, 0x85, 0x08, 0x6f, 0x75, 0x74, 0x00,
              0x85, 0x03, 0x00, 0x00, 0x00, 0x04, 0x85, 0x08, 0x64, 0x69,
              0x72, 0x00, 0x85, 0x03, 0x00, 0x00, 0x00, 0x05);
  check_bytes("out: !<tag:nuxi.nl,2015:cloudabi/fd> stdout\n", "full tag",
              0x06, 0x85, 0x08, 0x6f, 0x75, 0x74, 0x00, 0x85, 0x03, 0x00,
              0x00, 0x00, 0x04);
}

static void empty(void) {
  check_bytes("", "empty stream is null");
  check_bytes("---\n", "empty document is null");
  check_bytes("# only a comment\n", "comment only is null");
}

int main(void) {
  worked_example();
  with_tag_directive();
  empty();
  return tap_done();
}
