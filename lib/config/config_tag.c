/* Classifying tags: our local tags and the YAML core ones. */
#include <stdio.h>
#include <string.h>

#include "config_impl.h"

#define NUXI_PREFIX "tag:nuxi.nl,2015:cloudabi/"
#define YAML_PREFIX "tag:yaml.org,2002:"

static const struct {
  const char *name;
  enum config_tag tag;
} local_tags[] = {
    {"fd", CONFIG_TAG_FD},
    {"file", CONFIG_TAG_FILE},
    {"executable", CONFIG_TAG_EXECUTABLE},
    {"socket", CONFIG_TAG_SOCKET},
    {"launcher", CONFIG_TAG_LAUNCHER},
};

static const struct {
  const char *name;
  enum config_tag tag;
} core_tags[] = {
    {"str", CONFIG_TAG_STR},         {"int", CONFIG_TAG_INT},
    {"float", CONFIG_TAG_FLOAT},     {"bool", CONFIG_TAG_BOOL},
    {"null", CONFIG_TAG_NULL},       {"binary", CONFIG_TAG_BINARY},
    {"timestamp", CONFIG_TAG_TIMESTAMP}, {"map", CONFIG_TAG_MAP},
    {"seq", CONFIG_TAG_SEQ},
};

enum config_tag config_tag_classify(const char *tag) {
  if (tag == NULL)
    return CONFIG_TAG_NONE;
  if (strcmp(tag, "!") == 0)
    return CONFIG_TAG_NONSPECIFIC;
  const char *local = NULL;
  if (strncmp(tag, NUXI_PREFIX, strlen(NUXI_PREFIX)) == 0)
    local = tag + strlen(NUXI_PREFIX);
  else if (tag[0] == '!')
    local = tag + 1;
  if (local != NULL) {
    for (size_t i = 0; i < sizeof(local_tags) / sizeof(local_tags[0]); ++i)
      if (strcmp(local, local_tags[i].name) == 0)
        return local_tags[i].tag;
    return CONFIG_TAG_UNKNOWN;
  }
  if (strncmp(tag, YAML_PREFIX, strlen(YAML_PREFIX)) == 0) {
    const char *core = tag + strlen(YAML_PREFIX);
    for (size_t i = 0; i < sizeof(core_tags) / sizeof(core_tags[0]); ++i)
      if (strcmp(core, core_tags[i].name) == 0)
        return core_tags[i].tag;
  }
  return CONFIG_TAG_UNKNOWN;
}

const char *config_tag_display(const char *tag, char *buf, size_t size) {
  if (tag == NULL)
    return "(none)";
  if (strncmp(tag, NUXI_PREFIX, strlen(NUXI_PREFIX)) == 0)
    snprintf(buf, size, "!%s", tag + strlen(NUXI_PREFIX));
  else if (strncmp(tag, YAML_PREFIX, strlen(YAML_PREFIX)) == 0)
    snprintf(buf, size, "!!%s", tag + strlen(YAML_PREFIX));
  else if (tag[0] == '!')
    snprintf(buf, size, "%s", tag);
  else
    snprintf(buf, size, "!<%s>", tag);
  return buf;
}
