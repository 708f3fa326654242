/*
 * libFuzzer target: arbitrary bytes as a cloudabi-run configuration. On
 * success the argdata is serialised (which walks every alias expansion) and
 * everything is freed; errors must fill a position and a message.
 * Seed corpus: fuzz/corpus/fuzz_config_yaml/.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct config_load_options opts = {.file_name = "fuzz.yaml"};
  struct config *cfg = NULL;
  struct config_error err;
  int rc = config_load_buffer(&cfg, (const char *)data, size, &opts, &err);
  if (rc != 0) {
    if (cfg != NULL || err.message[0] == '\0' ||
        memchr(err.message, '\0', sizeof(err.message)) == NULL)
      abort();
    return 0;
  }
  size_t len, n_fds;
  argdata_serialized_length(cfg->root, &len, &n_fds);
  unsigned char *buf = malloc(len ? len : 1);
  if (buf != NULL) {
    argdata_serialize(cfg->root, buf, NULL);
    free(buf);
  }
  for (size_t i = 0; i < cfg->n_resources; ++i)
    if (cfg->resources[i].number != CONFIG_FIRST_FD + (int)i)
      abort();
  config_free(cfg);
  return 0;
}
