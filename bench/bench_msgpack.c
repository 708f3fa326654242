/*
 * The msgpack-c reference point, on the same trees: encode = pack every
 * node into an sbuffer (fds as ext type 1 with a 4-byte payload); decode =
 * msgpack_unpack_next (which materialises the whole tree) + reading every
 * top-level key; full = the same + reading every element.
 */
#include <msgpack.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_model.h"

static void fail(const char *what) {
  fprintf(stderr, "argdata_bench: fatal: %s\n", what);
  exit(111);
}

static void pack(msgpack_packer *pk, const struct bench_node *n) {
  switch (n->kind) {
  case BK_STR:
    msgpack_pack_str(pk, n->len);
    msgpack_pack_str_body(pk, n->s, n->len);
    break;
  case BK_INT:
    msgpack_pack_int64(pk, (int64_t)n->i);
    break;
  case BK_BOOL:
    if (n->b)
      msgpack_pack_true(pk);
    else
      msgpack_pack_false(pk);
    break;
  case BK_FLOAT:
    msgpack_pack_double(pk, n->f);
    break;
  case BK_FD: {
    unsigned char be[4] = {(unsigned char)(n->i >> 24),
                           (unsigned char)(n->i >> 16),
                           (unsigned char)(n->i >> 8), (unsigned char)n->i};
    msgpack_pack_ext(pk, 4, 1);
    msgpack_pack_ext_body(pk, be, 4);
    break;
  }
  case BK_MAP:
    msgpack_pack_map(pk, n->n);
    for (size_t i = 0; i < 2 * n->n; ++i)
      pack(pk, &n->kids[i]);
    break;
  case BK_SEQ:
    msgpack_pack_array(pk, n->n);
    for (size_t i = 0; i < n->n; ++i)
      pack(pk, &n->kids[i]);
    break;
  }
}

static void walk(const msgpack_object *o, const struct bench_node *n) {
  uint64_t sum = 0;
  bool ok = true;
  switch (n->kind) {
  case BK_STR:
    ok = o->type == MSGPACK_OBJECT_STR;
    sum = o->via.str.size + (unsigned char)o->via.str.ptr[0];
    break;
  case BK_INT:
    ok = o->type == MSGPACK_OBJECT_POSITIVE_INTEGER ||
         o->type == MSGPACK_OBJECT_NEGATIVE_INTEGER;
    sum = (uint64_t)o->via.i64;
    break;
  case BK_BOOL:
    ok = o->type == MSGPACK_OBJECT_BOOLEAN;
    sum = o->via.boolean;
    break;
  case BK_FLOAT:
    ok = o->type == MSGPACK_OBJECT_FLOAT64;
    sum = (uint64_t)(o->via.f64 * 100);
    break;
  case BK_FD: {
    ok = o->type == MSGPACK_OBJECT_EXT && o->via.ext.size == 4;
    const unsigned char *p = (const unsigned char *)o->via.ext.ptr;
    sum = (uint64_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
    break;
  }
  case BK_MAP:
    ok = o->type == MSGPACK_OBJECT_MAP && o->via.map.size == n->n;
    for (size_t i = 0; ok && i < n->n; ++i) {
      walk(&o->via.map.ptr[i].key, &n->kids[2 * i]);
      walk(&o->via.map.ptr[i].val, &n->kids[2 * i + 1]);
    }
    break;
  case BK_SEQ:
    ok = o->type == MSGPACK_OBJECT_ARRAY && o->via.array.size == n->n;
    for (size_t i = 0; ok && i < n->n; ++i)
      walk(&o->via.array.ptr[i], &n->kids[i]);
    break;
  }
  if (!ok)
    fail("msgpack data does not match the model");
  bench_sink += sum;
}

struct ctx {
  const struct bench_node *tree;
  msgpack_sbuffer buf;
};

static void encode(void *arg) {
  struct ctx *c = arg;
  msgpack_sbuffer sb;
  msgpack_packer pk;
  msgpack_sbuffer_init(&sb);
  msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
  pack(&pk, c->tree);
  bench_sink += sb.size;
  msgpack_sbuffer_destroy(&sb);
}

static void decode_common(struct ctx *c, bool everything) {
  msgpack_unpacked u;
  msgpack_unpacked_init(&u);
  if (msgpack_unpack_next(&u, c->buf.data, c->buf.size, NULL) !=
      MSGPACK_UNPACK_SUCCESS)
    fail("msgpack_unpack_next failed");
  if (everything) {
    walk(&u.data, c->tree);
  } else {
    for (size_t i = 0; i < u.data.via.map.size; ++i)
      bench_sink += u.data.via.map.ptr[i].key.via.str.size;
  }
  msgpack_unpacked_destroy(&u);
}

static void decode(void *arg) {
  decode_common(arg, false);
}

static void full(void *arg) {
  decode_common(arg, true);
}

void bench_msgpack(const struct bench_node *tree, struct bench_result *r) {
  struct ctx c = {.tree = tree};
  msgpack_packer pk;
  msgpack_sbuffer_init(&c.buf);
  msgpack_packer_init(&pk, &c.buf, msgpack_sbuffer_write);
  pack(&pk, tree);
  r->bytes = c.buf.size;
  r->encode = bench_time(encode, &c, 5);
  r->serialize = r->encode; /* packing is the only way to serialise */
  r->decode = bench_time(decode, &c, 5);
  r->full = bench_time(full, &c, 5);
  msgpack_sbuffer_destroy(&c.buf);
}
