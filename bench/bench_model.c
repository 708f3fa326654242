/* The workloads and the timer of the argdata benchmark. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_model.h"

volatile uint64_t bench_sink;

static struct bench_node *kids(size_t n) {
  struct bench_node *k = calloc(n ? n : 1, sizeof(*k));
  if (k == NULL) {
    perror("argdata_bench: calloc");
    exit(111);
  }
  return k;
}

static void str(struct bench_node *n, const char *s) {
  n->kind = BK_STR;
  n->s = s;
  n->len = strlen(s);
}

static void num(struct bench_node *n, enum bench_kind kind, intmax_t i) {
  n->kind = kind;
  n->i = i;
}

/* Fill entry i of map m with key k. */
static struct bench_node *entry(struct bench_node *m, size_t i, const char *k) {
  str(&m->kids[2 * i], k);
  return &m->kids[2 * i + 1];
}

static void map(struct bench_node *n, size_t pairs) {
  n->kind = BK_MAP;
  n->kids = kids(2 * pairs);
  n->n = pairs;
}

static void seq(struct bench_node *n, size_t count) {
  n->kind = BK_SEQ;
  n->kids = kids(count);
  n->n = count;
}

static void vhost(struct bench_node *v, const char *name, const char *root,
                  intmax_t fd) {
  map(v, 5);
  str(entry(v, 0, "server_name"), name);
  str(entry(v, 1, "root"), root);
  num(entry(v, 2, "root_dir"), BK_FD, fd);
  struct bench_node *idx = entry(v, 3, "index");
  seq(idx, 2);
  str(&idx->kids[0], "index.html");
  str(&idx->kids[1], "index.htm");
  struct bench_node *b = entry(v, 4, "gzip");
  b->kind = BK_BOOL;
  b->b = true;
}

struct bench_node *bench_config_tree(void) {
  struct bench_node *root = kids(1);
  map(root, 20);
  str(entry(root, 0, "name"), "www.example.org front end");
  num(entry(root, 1, "listen"), BK_FD, 4);
  num(entry(root, 2, "listen_tls"), BK_FD, 5);
  num(entry(root, 3, "access_log"), BK_FD, 6);
  num(entry(root, 4, "error_log"), BK_FD, 7);
  num(entry(root, 5, "workers"), BK_INT, 8);
  num(entry(root, 6, "max_connections"), BK_INT, 10000);
  num(entry(root, 7, "keepalive_timeout_ms"), BK_INT, 65000);
  num(entry(root, 8, "client_max_body_size"), BK_INT, 10485760);
  struct bench_node *f = entry(root, 9, "load_factor");
  f->kind = BK_FLOAT;
  f->f = 0.75;
  struct bench_node *b = entry(root, 10, "sendfile");
  b->kind = BK_BOOL;
  b->b = true;
  str(entry(root, 11, "server_tokens"), "off");
  struct bench_node *tls = entry(root, 12, "tls");
  map(tls, 5);
  num(entry(tls, 0, "certificate"), BK_FD, 8);
  num(entry(tls, 1, "private_key"), BK_FD, 9);
  str(entry(tls, 2, "ciphers"), "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-"
                                "AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305");
  struct bench_node *protos = entry(tls, 3, "protocols");
  seq(protos, 2);
  str(&protos->kids[0], "TLSv1.2");
  str(&protos->kids[1], "TLSv1.3");
  num(entry(tls, 4, "session_timeout_s"), BK_INT, 300);
  struct bench_node *hosts = entry(root, 13, "virtual_hosts");
  seq(hosts, 3);
  vhost(&hosts->kids[0], "example.org", "/srv/www/example.org", 10);
  vhost(&hosts->kids[1], "static.example.org", "/srv/www/static", 11);
  vhost(&hosts->kids[2], "api.example.org", "/srv/www/api", 12);
  struct bench_node *up = entry(root, 14, "upstreams");
  seq(up, 4);
  for (int i = 0; i < 4; ++i)
    num(&up->kids[i], BK_FD, 13 + i);
  struct bench_node *mime = entry(root, 15, "mime_types");
  map(mime, 6);
  static const char *const mt[][2] = {
      {"html", "text/html"}, {"css", "text/css"},
      {"js", "application/javascript"}, {"png", "image/png"},
      {"svg", "image/svg+xml"}, {"json", "application/json"}};
  for (size_t i = 0; i < 6; ++i)
    str(entry(mime, i, mt[i][0]), mt[i][1]);
  num(entry(root, 16, "rate_limit_per_s"), BK_INT, 250);
  num(entry(root, 17, "temp_dir"), BK_FD, 17);
  str(entry(root, 18, "user_agent_deny"), "BadBot/1.0");
  num(entry(root, 19, "backlog"), BK_INT, -1);
  return root;
}

struct bench_node *bench_big_map(size_t n) {
  struct bench_node *root = kids(1);
  map(root, n);
  char *text = malloc(n * 96);
  if (text == NULL) {
    perror("argdata_bench: malloc");
    exit(111);
  }
  root->s = text; /* owned; freed with the tree */
  for (size_t i = 0; i < n; ++i) {
    char *k = text + i * 96, *v = k + 24;
    snprintf(k, 24, "key-%06zu", i % 1000000);
    snprintf(v, 72, "/srv/www/data/%06zu/index.html?lang=en", i % 1000000);
    str(&root->kids[2 * i], k);
    str(&root->kids[2 * i + 1], v);
  }
  return root;
}

static void free_kids(struct bench_node *n) {
  if (n->kind != BK_MAP && n->kind != BK_SEQ)
    return;
  size_t count = n->kind == BK_MAP ? 2 * n->n : n->n;
  for (size_t i = 0; i < count; ++i)
    free_kids(&n->kids[i]);
  free(n->kids);
}

void bench_tree_free(struct bench_node *root) {
  free_kids(root);
  if (root->kind == BK_MAP)
    free((void *)root->s);
  free(root);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double bench_time(void (*fn)(void *), void *ctx, int rounds) {
  size_t iters = 1;
  for (;;) { /* calibrate: a batch of at least 50 ms */
    double t0 = now();
    for (size_t i = 0; i < iters; ++i)
      fn(ctx);
    double dt = now() - t0;
    if (dt >= 0.05)
      break;
    iters = dt < 0.005 ? iters * 10 : (size_t)(iters * 0.06 / dt) + 1;
  }
  double best = 1e30;
  for (int r = 0; r < rounds; ++r) {
    double t0 = now();
    for (size_t i = 0; i < iters; ++i)
      fn(ctx);
    double per = (now() - t0) / (double)iters;
    if (per < best)
      best = per;
  }
  return best;
}
