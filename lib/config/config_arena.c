/*
 * The arena that owns everything a struct config holds: blocks of memory
 * freed together, and the list of argdata values to argdata_free.
 */
#include <errno.h>
#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

#define ARENA_BLOCK 16384
#define ARENA_ALIGN 16

struct arena_block {
  struct arena_block *next;
  size_t used, size;
  alignas(ARENA_ALIGN) unsigned char data[];
};

struct config_arena {
  struct arena_block *blocks;
  argdata_t **values;
  size_t n_values, cap_values;
};

int config_arena_create(struct config_arena **out) {
  struct config_arena *a = calloc(1, sizeof(*a));
  if (a == NULL)
    return -ENOMEM;
  *out = a;
  return 0;
}

void *config_arena_alloc(struct config_arena *a, size_t size) {
  size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  if (size == 0)
    size = ARENA_ALIGN;
  struct arena_block *b = a->blocks;
  if (b == NULL || b->size - b->used < size) {
    size_t bsize = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
    if (bsize > SIZE_MAX - sizeof(*b))
      return NULL;
    b = malloc(sizeof(*b) + bsize);
    if (b == NULL)
      return NULL;
    b->size = bsize;
    b->used = 0;
    if (a->blocks != NULL && bsize != ARENA_BLOCK) {
      /* A big private block: keep the current block as the one to fill. */
      b->next = a->blocks->next;
      a->blocks->next = b;
    } else {
      b->next = a->blocks;
      a->blocks = b;
    }
  }
  void *p = b->data + b->used;
  b->used += size;
  memset(p, 0, size);
  return p;
}

char *config_arena_strndup(struct config_arena *a, const char *s, size_t len) {
  if (len == SIZE_MAX)
    return NULL;
  char *p = config_arena_alloc(a, len + 1);
  if (p == NULL)
    return NULL;
  if (len > 0)
    memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

int config_arena_track(struct config_arena *a, argdata_t *ad) {
  if (a->n_values == a->cap_values) {
    size_t cap = a->cap_values ? a->cap_values * 2 : 64;
    argdata_t **v = realloc(a->values, cap * sizeof(*v));
    if (v == NULL) {
      argdata_free(ad);
      return -ENOMEM;
    }
    a->values = v;
    a->cap_values = cap;
  }
  a->values[a->n_values++] = ad;
  return 0;
}

void config_arena_free(struct config_arena *a) {
  if (a == NULL)
    return;
  /* Parents were created after their children: free in reverse. */
  for (size_t i = a->n_values; i-- > 0;)
    argdata_free(a->values[i]);
  free(a->values);
  struct arena_block *b = a->blocks;
  while (b != NULL) {
    struct arena_block *next = b->next;
    free(b);
    b = next;
  }
  free(a);
}
