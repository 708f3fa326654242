/*
 * The closure of a program: parse it, then resolve its DT_NEEDED names
 * breadth-first. The node array is the queue: node 0 is the program, every
 * later node a library found on the way, expanded in the order it was found.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "elf_impl.h"

static const char *const default_dirs[] = {
    "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
    "/lib64", "/usr/lib64", "/lib", "/usr/lib", NULL};

static const char *const hwcaps[] = {"x86-64-v4", "x86-64-v3", "x86-64-v2"};

struct node {
  char *origin; /* directory the object was found in, or NULL */
  char *real;   /* realpath (libraries only) */
  struct elf_object obj;
  size_t parent;
  unsigned depth;
};

struct ctx {
  struct node *nodes;
  size_t n, cap;
  struct elf_strlist names;   /* resolved DT_NEEDED names and sonames */
  struct elf_strlist missing; /* names not found */
  struct elf_strlist ldconf;  /* ld.so.conf directories, read once */
  bool ldconf_loaded;
  const struct elf_search_options *opts;
};

/* The directory part of path, or NULL when it has none. */
static char *dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (slash == NULL)
    return NULL;
  return slash == path ? strdup("/") : strndup(path, (size_t)(slash - path));
}

static char *program_origin(int fd) {
  char proc[64], path[PATH_MAX];
  snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
  ssize_t n = readlink(proc, path, sizeof(path) - 1);
  if (n <= 0 || path[0] != '/')
    return NULL;
  path[n] = '\0';
  static const char deleted[] = " (deleted)";
  size_t dl = sizeof(deleted) - 1;
  if ((size_t)n >= dl && strcmp(path + n - dl, deleted) == 0)
    return NULL; /* a memfd or an unlinked file has no usable directory */
  return dir_of(path);
}

static int add_node(struct ctx *c, struct node *nd) {
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 16;
    struct node *v = realloc(c->nodes, cap * sizeof(*v));
    if (v == NULL)
      return -ENOMEM;
    c->nodes = v;
    c->cap = cap;
  }
  c->nodes[c->n++] = *nd;
  return 0;
}

/*
 * Try path as the library needed by node `parent`. Returns 1 when it is
 * (or already was) in the closure, 0 when it is not a usable candidate, or
 * a negative errno value.
 */
static int try_candidate(struct ctx *c, size_t parent, const char *path) {
  struct node nd = {0};
  char *real;
  int e = elf_library_open(path, &nd.obj, &real);
  if (e == -ENOMEM)
    return e;
  if (e != 0)
    return 0;
  for (size_t i = 1; i < c->n; ++i) {
    if (strcmp(c->nodes[i].real, real) == 0) {
      elf_object_free(&nd.obj);
      free(real);
      return 1;
    }
  }
  nd.real = real;
  nd.parent = parent;
  nd.depth = c->nodes[parent].depth + 1;
  nd.origin = dir_of(path);
  if (nd.depth > ELF_MAX_DEPTH || c->n > ELF_MAX_LIBRARIES)
    e = -E2BIG;
  else if (nd.origin == NULL && strchr(path, '/') != NULL)
    e = -ENOMEM;
  else if (nd.obj.soname != NULL &&
           !elf_strlist_contains(&c->names, nd.obj.soname))
    e = elf_strlist_add(&c->names, nd.obj.soname);
  if (e == 0)
    e = add_node(c, &nd);
  if (e != 0) {
    elf_object_free(&nd.obj);
    free(nd.origin);
    free(nd.real);
    return e;
  }
  return 1;
}

/* The directories searched for the DT_NEEDED names of node i. */
static int search_dirs(struct ctx *c, size_t i, struct elf_strlist *dirs) {
  const struct node *nd = &c->nodes[i];
  int e = 0;
  if (nd->obj.runpath == NULL) {
    for (size_t j = i;; j = c->nodes[j].parent) {
      const struct node *l = &c->nodes[j];
      if (e == 0 && l->obj.runpath == NULL && l->obj.rpath != NULL)
        e = elf_path_expand(l->obj.rpath, l->origin, dirs);
      if (j == 0)
        break;
    }
  } else {
    e = elf_path_expand(nd->obj.runpath, nd->origin, dirs);
  }
  if (e != 0 || nd->obj.nodeflib)
    return e;
  if (!c->ldconf_loaded) {
    const char *conf = c->opts->ld_so_conf ? c->opts->ld_so_conf
                                           : "/etc/ld.so.conf";
    if (conf[0] != '\0')
      e = elf_ldconf_load(conf, &c->ldconf);
    c->ldconf_loaded = e == 0;
  }
  for (size_t k = 0; e == 0 && k < c->ldconf.n; ++k)
    e = elf_strlist_add(dirs, c->ldconf.v[k]);
  const char *const *defaults =
      c->opts->default_dirs ? c->opts->default_dirs : default_dirs;
  for (size_t k = 0; e == 0 && defaults[k] != NULL; ++k)
    e = elf_strlist_add(dirs, defaults[k]);
  return e;
}

/* Look for name in dir: the glibc-hwcaps variants, then dir/name. */
static int search_dir(struct ctx *c, size_t i, const char *dir,
                      const char *name, bool *hw_found) {
  char path[PATH_MAX];
  int e, n;
  for (size_t k = 0; k < sizeof(hwcaps) / sizeof(*hwcaps); ++k) {
    n = snprintf(path, sizeof(path), "%s/glibc-hwcaps/%s/%s", dir, hwcaps[k],
                 name);
    if (n < 0 || (size_t)n >= sizeof(path))
      continue;
    if ((e = try_candidate(c, i, path)) < 0)
      return e;
    *hw_found |= e == 1;
  }
  n = snprintf(path, sizeof(path), "%s/%s", dir, name);
  if (n < 0 || (size_t)n >= sizeof(path))
    return 0;
  return try_candidate(c, i, path);
}

/* Resolve one DT_NEEDED name of node i. */
static int resolve(struct ctx *c, size_t i, const char *name) {
  struct elf_strlist dirs = {0};
  bool hw_found = false;
  int e, found = 0;
  if (strchr(name, '/') != NULL) {
    e = elf_path_expand(name, c->nodes[i].origin, &dirs);
    for (size_t k = 0; e == 0 && found == 0 && k < dirs.n; ++k)
      found = e = try_candidate(c, i, dirs.v[k]);
  } else {
    e = search_dirs(c, i, &dirs);
    for (size_t k = 0; e == 0 && found == 0 && k < dirs.n; ++k)
      found = e = search_dir(c, i, dirs.v[k], name, &hw_found);
  }
  elf_strlist_free(&dirs);
  if (e < 0)
    return e;
  if (found == 1 || hw_found)
    return elf_strlist_add(&c->names, name);
  return elf_strlist_add(&c->missing, name);
}

static void ctx_free(struct ctx *c) {
  for (size_t i = 0; i < c->n; ++i) {
    elf_object_free(&c->nodes[i].obj);
    free(c->nodes[i].origin);
    free(c->nodes[i].real);
  }
  free(c->nodes);
  elf_strlist_free(&c->names);
  elf_strlist_free(&c->missing);
  elf_strlist_free(&c->ldconf);
}

/* Move the result out of the context into *out. */
static int harvest(struct ctx *c, struct elf_closure *out) {
  out->dynamic = true;
  out->interpreter = c->nodes[0].obj.interp;
  c->nodes[0].obj.interp = NULL;
  if (c->n > 1) {
    out->libraries = calloc(c->n - 1, sizeof(char *));
    if (out->libraries == NULL)
      return -ENOMEM;
    for (size_t i = 1; i < c->n; ++i) {
      out->libraries[i - 1] = c->nodes[i].real;
      c->nodes[i].real = NULL;
    }
    out->n_libraries = c->n - 1;
  }
  out->missing = c->missing.v;
  out->n_missing = c->missing.n;
  c->missing.v = NULL;
  c->missing.n = c->missing.cap = 0;
  return 0;
}

int elf_closure_compute_with(int exec_fd, const struct elf_search_options *opts,
                             struct elf_closure *out) {
  static const struct elf_search_options none = {0};
  struct ctx c = {.opts = opts ? opts : &none};
  struct node prog = {0};
  memset(out, 0, sizeof(*out));
  int e = elf_object_read(exec_fd, &prog.obj);
  if (e != 0)
    return e;
  if (prog.obj.interp == NULL) {
    elf_object_free(&prog.obj); /* static: nothing else is needed */
    return 0;
  }
  prog.origin = c.opts->origin ? strdup(c.opts->origin)
                               : program_origin(exec_fd);
  if (c.opts->origin != NULL && prog.origin == NULL)
    e = -ENOMEM;
  if (e == 0)
    e = add_node(&c, &prog);
  if (e != 0) {
    elf_object_free(&prog.obj);
    free(prog.origin);
    return e;
  }
  for (size_t i = 0; e == 0 && i < c.n; ++i) {
    for (size_t k = 0; e == 0 && k < c.nodes[i].obj.needed.n; ++k) {
      const char *name = c.nodes[i].obj.needed.v[k];
      if (!elf_strlist_contains(&c.names, name) &&
          !elf_strlist_contains(&c.missing, name))
        e = resolve(&c, i, name);
    }
  }
  if (e == 0)
    e = harvest(&c, out);
  if (e != 0)
    elf_closure_free(out);
  ctx_free(&c);
  return e;
}
