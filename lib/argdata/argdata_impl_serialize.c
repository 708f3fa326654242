/*
 * argdata_impl_serialize: write a value's bytes, renumbering descriptors when
 * a remap table is given. Serialised buffers are copied as they are; only
 * their fd payloads are rewritten in place afterwards.
 */
#include "argdata_impl.h"

struct remap {
  const argdata_t *ad;
  uint8_t *out;
  int *fds;
  size_t *n_fds;
};

static void remap_one(void *ctx, size_t offset) {
  struct remap *r = ctx;
  const uint8_t *src = r->ad->u.buffer.buf + offset;
  uint8_t *dst = r->out + offset;
  uint32_t raw = (uint32_t)src[0] << 24 | (uint32_t)src[1] << 16 |
                 (uint32_t)src[2] << 8 | (uint32_t)src[3];
  int fd = -1;
  uint32_t num = UINT32_MAX; /* invalid descriptors stay invalid */
  if (r->ad->u.buffer.convert_fd != NULL)
    fd = r->ad->u.buffer.convert_fd(r->ad->u.buffer.convert_fd_arg, raw);
  if (fd >= 0) {
    size_t i = 0;
    while (i < *r->n_fds && r->fds[i] != fd)
      ++i;
    if (i == *r->n_fds)
      r->fds[(*r->n_fds)++] = fd;
    num = (uint32_t)i;
  }
  dst[0] = (uint8_t)(num >> 24);
  dst[1] = (uint8_t)(num >> 16);
  dst[2] = (uint8_t)(num >> 8);
  dst[3] = (uint8_t)num;
}

void argdata_impl_serialize(const argdata_t *ad, uint8_t *out, int *fds,
                            size_t *n_fds) {
  switch (ad->kind) {
  case AD_BUFFER:
    if (ad->length > 0)
      memcpy(out, ad->u.buffer.buf, ad->length);
    if (fds != NULL) {
      struct remap r = {.ad = ad, .out = out, .fds = fds, .n_fds = n_fds};
      argdata_impl_walk_fds(ad->u.buffer.buf, ad->length, remap_one, &r);
    }
    return;
  case AD_BINARY:
    out[0] = ADT_BINARY;
    if (ad->length > 1)
      memcpy(out + 1, ad->u.binary.buf, ad->length - 1);
    return;
  case AD_STR:
    out[0] = ADT_STR;
    memcpy(out + 1, ad->u.str.buf, ad->length - 1); /* includes the NUL */
    return;
  case AD_MAP:
    *out++ = ADT_MAP;
    for (size_t i = 0; i < ad->u.map.count; ++i) {
      const argdata_t *k = ad->u.map.keys[i], *v = ad->u.map.values[i];
      out += argdata_impl_encode_subfield_length(k->length, out);
      argdata_impl_serialize(k, out, fds, n_fds);
      out += k->length;
      out += argdata_impl_encode_subfield_length(v->length, out);
      argdata_impl_serialize(v, out, fds, n_fds);
      out += v->length;
    }
    return;
  case AD_SEQ:
    *out++ = ADT_SEQ;
    for (size_t i = 0; i < ad->u.seq.count; ++i) {
      const argdata_t *e = ad->u.seq.entries[i];
      out += argdata_impl_encode_subfield_length(e->length, out);
      argdata_impl_serialize(e, out, fds, n_fds);
      out += e->length;
    }
    return;
  }
}
