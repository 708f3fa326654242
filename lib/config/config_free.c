/* config_free: the config and its arena (argdata values, strings, arrays). */
#include <stdlib.h>

#include "config_impl.h"

void config_free(struct config *cfg) {
  if (cfg == NULL)
    return;
  config_arena_free(cfg->arena_);
  free(cfg);
}
