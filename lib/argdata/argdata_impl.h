/*
 * argdata_impl.h: the private representation of argdata values and the
 * helpers shared by the libargdata sources. Nothing here is public API.
 *
 * Representation. Every value is one struct argdata_t (allocated in one
 * block with any inline payload, so argdata_free is a single free):
 *
 *   AD_BUFFER  serialised bytes: values from argdata_from_buffer, the
 *              constants, the elements handed out by the iterators, and
 *              every scalar made by argdata_create_* (bool, fd, float, int,
 *              timestamp and str are encoded once, at creation, into bytes
 *              stored right after the struct). Getters decode these bytes.
 *   AD_BINARY  argdata_create_binary: borrowed bytes, tag 01 added when
 *              serialising.
 *   AD_STR     argdata_create_str_c: a borrowed NUL-terminated string; the
 *              serialised form is tag 08 + the bytes + the NUL.
 *   AD_MAP     argdata_create_map: borrowed key and value arrays.
 *   AD_SEQ     argdata_create_seq: a borrowed element array.
 *
 * length is always the exact serialised size, computed at creation, so
 * serialising a created map or seq writes each subfield length prefix
 * without recomputing sizes.
 *
 * Reading never allocates and never recurses on input: getters decode in
 * place, iterators keep their state (including the argdata_t structs they
 * hand out) inside the public iterator's data[], and the descriptor walk
 * used by argdata_serialize/argdata_serialized_length is iterative with a
 * bounded stack (argdata_impl_walk_fds.c).
 */
#ifndef LIB_ARGDATA_ARGDATA_IMPL_H
#define LIB_ARGDATA_ARGDATA_IMPL_H

#include <argdata.h>

#include <assert.h>
#include <errno.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Type tags of the wire format (the original's ADT_* values). */
enum {
  ADT_BINARY = 1,
  ADT_BOOL = 2,
  ADT_FD = 3,
  ADT_FLOAT = 4,
  ADT_INT = 5,
  ADT_MAP = 6,
  ADT_SEQ = 7,
  ADT_STR = 8,
  ADT_TIMESTAMP = 9,
};

enum argdata_kind {
  AD_BUFFER,
  AD_BINARY,
  AD_STR,
  AD_MAP,
  AD_SEQ,
};

struct argdata_t {
  enum argdata_kind kind;
  size_t length; /* exact serialised size in bytes */
  union {
    struct {
      const uint8_t *buf;
      int (*convert_fd)(void *, size_t);
      void *convert_fd_arg;
    } buffer;
    struct {
      const void *buf; /* length - 1 bytes */
    } binary;
    struct {
      const char *buf; /* length - 2 bytes, then a NUL */
    } str;
    struct {
      const argdata_t *const *keys;
      const argdata_t *const *values;
      size_t count;
    } map;
    struct {
      const argdata_t *const *entries;
      size_t count;
    } seq;
  } u;
};

/* Allocate a value with extra bytes of inline payload after the struct. */
static inline argdata_t *argdata_impl_alloc(enum argdata_kind kind,
                                            size_t extra) {
  argdata_t *ad;
  if (extra > SIZE_MAX - sizeof(*ad)) {
    errno = ENOMEM;
    return NULL;
  }
  ad = malloc(sizeof(*ad) + extra);
  if (ad == NULL) {
    errno = ENOMEM;
    return NULL;
  }
  memset(ad, 0, sizeof(*ad));
  ad->kind = kind;
  return ad;
}

/* The inline payload of a value made by argdata_impl_alloc. */
static inline uint8_t *argdata_impl_inline(argdata_t *ad) {
  return (uint8_t *)(ad + 1);
}

/*
 * A scalar from argdata_create_*: tag + payload bytes stored inline, read
 * back by the same code that decodes argdata_from_buffer values. The fd
 * converter is given by the caller (create_fd uses an identity converter).
 */
static inline argdata_t *
argdata_impl_create_scalar(uint8_t tag, const void *payload, size_t len,
                           int (*convert_fd)(void *, size_t)) {
  argdata_t *ad;
  if (len > SIZE_MAX - 1) {
    errno = ENOMEM;
    return NULL;
  }
  ad = argdata_impl_alloc(AD_BUFFER, len + 1);
  if (ad == NULL)
    return NULL;
  uint8_t *p = argdata_impl_inline(ad);
  p[0] = tag;
  if (len > 0)
    memcpy(p + 1, payload, len);
  ad->length = len + 1;
  ad->u.buffer.buf = p;
  ad->u.buffer.convert_fd = convert_fd;
  ad->u.buffer.convert_fd_arg = NULL;
  return ad;
}

/*
 * The payload of a serialised value with the given tag: 0, or EINVAL when ad
 * is not a buffer starting with that tag.
 */
static inline int argdata_impl_payload(const argdata_t *ad, uint8_t tag,
                                       const uint8_t **payload, size_t *len) {
  if (ad->kind != AD_BUFFER || ad->length < 1 || ad->u.buffer.buf[0] != tag)
    return EINVAL;
  *payload = ad->u.buffer.buf + 1;
  *len = ad->length - 1;
  return 0;
}

/*
 * Subfield length prefix (format section 3): big-endian groups of 7 bits,
 * the high bit set only on the last byte. Parse one subfield at *pos (not
 * beyond end): on success store the element's bytes, advance *pos past the
 * element and return true. Reject an empty input, a leading 0x00, a
 * missing terminating byte, size_t overflow and a length beyond end.
 */
static inline bool argdata_impl_parse_subfield(const uint8_t **pos,
                                               const uint8_t *end,
                                               const uint8_t **elem,
                                               size_t *elem_len) {
  const uint8_t *p = *pos;
  size_t len = 0;
  if (p >= end || *p == 0)
    return false;
  for (;;) {
    if (p >= end)
      return false;
    uint8_t b = *p++;
    if (len > (SIZE_MAX >> 7))
      return false;
    len = (len << 7) | (b & 0x7f);
    if (b & 0x80)
      break;
  }
  if (len > (size_t)(end - p))
    return false;
  *elem = p;
  *elem_len = len;
  *pos = p + len;
  return true;
}

/* Number of bytes of the minimal length prefix for len. */
static inline size_t argdata_impl_subfield_prefix_size(size_t len) {
  size_t n = 1;
  while (len >= 0x80) {
    len >>= 7;
    ++n;
  }
  return n;
}

/* Write the minimal length prefix of len at out; returns its size. */
static inline size_t argdata_impl_encode_subfield_length(size_t len,
                                                         uint8_t *out) {
  size_t n = argdata_impl_subfield_prefix_size(len);
  for (size_t i = n; i > 0; --i) {
    out[i - 1] = (uint8_t)(len & 0x7f);
    len >>= 7;
  }
  out[n - 1] |= 0x80;
  return n;
}

/* a + b into *sum, false on size_t overflow. */
static inline bool argdata_impl_add(size_t *sum, size_t a, size_t b) {
  return !__builtin_add_overflow(a, b, sum);
}

/* Size of one subfield (prefix + value), false on overflow. */
static inline bool argdata_impl_subfield_size(size_t *out, size_t len) {
  return argdata_impl_add(out, argdata_impl_subfield_prefix_size(len), len);
}

/*
 * Validate UTF-8 (format section 2): rejects stray continuation bytes,
 * overlong forms, surrogates D800-DFFF, values above 10FFFF and sequences
 * longer than 4 bytes. NUL bytes are valid characters.
 *
 * After an ASCII byte, the following bytes are tested 8 at a time (one
 * unaligned load, any high bit set means "not all ASCII") and skipped while
 * they are all ASCII. Fewer than 8 bytes before the end, the last 8 bytes
 * of the string are tested instead (overlapping bytes already checked):
 * all ASCII means the rest is valid. A block holding a byte >= 0x80 goes
 * through the byte-by-byte checks. Both paths accept an ASCII byte and
 * nothing else with its high bit clear, so the result is the same as the
 * byte-by-byte loop alone.
 */
static inline bool argdata_impl_utf8_valid(const uint8_t *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    uint8_t c = s[i];
    size_t n;
    uint8_t lo = 0x80, hi = 0xbf; /* range of the second byte */
    if (c < 0x80) {
      ++i;
      while (len - i >= 8) {
        uint64_t block;
        memcpy(&block, s + i, sizeof(block));
        if ((block & UINT64_C(0x8080808080808080)) != 0)
          break;
        i += 8;
      }
      if (len - i < 8 && i < len && len >= 8) {
        /* 1 to 7 bytes left: test the last 8 (overlapping). */
        uint64_t block;
        memcpy(&block, s + len - 8, sizeof(block));
        if ((block & UINT64_C(0x8080808080808080)) == 0)
          return true;
      }
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 3;
      if (c == 0xe0)
        lo = 0xa0; /* overlong */
      else if (c == 0xed)
        hi = 0x9f; /* surrogates */
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 4;
      if (c == 0xf0)
        lo = 0x90; /* overlong */
      else if (c == 0xf4)
        hi = 0x8f; /* above 10FFFF */
    } else {
      return false;
    }
    if (len - i < n)
      return false;
    if (s[i + 1] < lo || s[i + 1] > hi)
      return false;
    for (size_t k = 2; k < n; ++k)
      if ((s[i + k] & 0xc0) != 0x80)
        return false;
    i += n;
  }
  return true;
}

/*
 * Minimal two's-complement form of the big-endian number in buf[0..len):
 * drop leading bytes that only repeat the sign, and a lone 00. Returns the
 * offset of the first byte kept; *out_len receives the kept length.
 */
static inline size_t argdata_impl_trim_int(const uint8_t *buf, size_t len,
                                           size_t *out_len) {
  size_t i = 0;
  while (len - i >= 2 && ((buf[i] == 0x00 && (buf[i + 1] & 0x80) == 0) ||
                          (buf[i] == 0xff && (buf[i + 1] & 0x80) != 0)))
    ++i;
  if (len - i == 1 && buf[i] == 0x00)
    ++i;
  *out_len = len - i;
  return i;
}

/* An fd value's converter for descriptors made by argdata_create_fd. */
int argdata_impl_convert_fd_identity(void *arg, size_t raw);

/*
 * The descriptor walk. Calls visit(ctx, offset) for each fd value (tag 03
 * with exactly 4 payload bytes) reachable in the serialised value buf[0..len),
 * with offset the position of its 4-byte payload, in increasing offset order
 * (that is, depth first, map key before value). Containers are read like the
 * iterators read them: a corrupt subfield or a key without a value ends
 * that container. Never recurses, never allocates; the nesting depth of the
 * input only costs time (a bounded stack is refilled from the root when it
 * runs out), never stack space.
 */
void argdata_impl_walk_fds(const uint8_t *buf, size_t len,
                           void (*visit)(void *ctx, size_t offset), void *ctx);

/*
 * Serialise ad to out (ad->length bytes). With fds != NULL, descriptors are
 * renumbered in order of first appearance, appending new ones to
 * fds[*n_fds]; otherwise values are written as stored. Recurses over the
 * caller-built tree only.
 */
void argdata_impl_serialize(const argdata_t *ad, uint8_t *out, int *fds,
                            size_t *n_fds);

/* Number of fd values in ad, each occurrence counted. */
size_t argdata_impl_count_fds(const argdata_t *ad);

/*
 * Iterator state, kept in the public iterator's data[]. For a created map or
 * seq it is a position in the caller's arrays; for a serialised value it is
 * the read position and end, plus the argdata_t structs that map_get and
 * seq_get hand out (so iteration never allocates).
 */
struct argdata_impl_map_it {
  const argdata_t *container; /* a created map, or NULL (serialised) */
  const uint8_t *pos;         /* next key's length prefix (serialised) */
  const uint8_t *end;
  int (*convert_fd)(void *, size_t); /* the serialised map's converter */
  void *convert_fd_arg;
  argdata_t key;
  argdata_t value;
} __attribute__((may_alias));

struct argdata_impl_seq_it {
  const argdata_t *container; /* a created seq, or NULL (serialised) */
  const uint8_t *pos;         /* next element's length prefix (serialised) */
  const uint8_t *end;
  int (*convert_fd)(void *, size_t); /* the serialised seq's converter */
  void *convert_fd_arg;
  argdata_t element;
} __attribute__((may_alias));

static_assert(sizeof(struct argdata_impl_map_it) <=
                  sizeof(((argdata_map_iterator_t *)0)->data),
              "map iterator state must fit in data[]");
static_assert(sizeof(struct argdata_impl_seq_it) <=
                  sizeof(((argdata_seq_iterator_t *)0)->data),
              "seq iterator state must fit in data[]");
static_assert(offsetof(argdata_map_iterator_t, data) %
                      alignof(struct argdata_impl_map_it) ==
                  0,
              "map iterator data[] must be aligned for the state");
static_assert(offsetof(argdata_seq_iterator_t, data) %
                      alignof(struct argdata_impl_seq_it) ==
                  0,
              "seq iterator data[] must be aligned for the state");
static_assert(alignof(argdata_map_iterator_t) %
                      alignof(struct argdata_impl_map_it) ==
                  0,
              "map iterator alignment must suit the state");
static_assert(alignof(argdata_seq_iterator_t) %
                      alignof(struct argdata_impl_seq_it) ==
                  0,
              "seq iterator alignment must suit the state");

static inline struct argdata_impl_map_it *
argdata_impl_map_state(argdata_map_iterator_t *it) {
  return (struct argdata_impl_map_it *)(void *)it->data;
}

static inline const struct argdata_impl_map_it *
argdata_impl_map_state_c(const argdata_map_iterator_t *it) {
  return (const struct argdata_impl_map_it *)(const void *)it->data;
}

static inline struct argdata_impl_seq_it *
argdata_impl_seq_state(argdata_seq_iterator_t *it) {
  return (struct argdata_impl_seq_it *)(void *)it->data;
}

static inline const struct argdata_impl_seq_it *
argdata_impl_seq_state_c(const argdata_seq_iterator_t *it) {
  return (const struct argdata_impl_seq_it *)(const void *)it->data;
}

/*
 * An element of a serialised container, sharing the container's converter
 * (copied into the iterator, so an iterator does not depend on the value it
 * was started on staying in place, only on the bytes).
 */
static inline void argdata_impl_init_child(argdata_t *child,
                                           int (*convert_fd)(void *, size_t),
                                           void *convert_fd_arg,
                                           const uint8_t *buf, size_t len) {
  child->kind = AD_BUFFER;
  child->length = len;
  child->u.buffer.buf = buf;
  child->u.buffer.convert_fd = convert_fd;
  child->u.buffer.convert_fd_arg = convert_fd_arg;
}

/*
 * Load the pair/element at the read position of a serialised container's
 * iterator: keep it->index, or set ARGDATA_ITERATOR_END (no bytes left) or
 * ARGDATA_ITERATOR_INVALID (corrupt subfield, or a key without a value).
 */
static inline void argdata_impl_map_load(argdata_map_iterator_t *it) {
  struct argdata_impl_map_it *s = argdata_impl_map_state(it);
  const uint8_t *p = s->pos, *k, *v;
  size_t kl, vl;
  if (p == s->end) {
    it->index = ARGDATA_ITERATOR_END;
    return;
  }
  if (!argdata_impl_parse_subfield(&p, s->end, &k, &kl) ||
      !argdata_impl_parse_subfield(&p, s->end, &v, &vl)) {
    it->index = ARGDATA_ITERATOR_INVALID;
    return;
  }
  s->pos = p;
  argdata_impl_init_child(&s->key, s->convert_fd, s->convert_fd_arg, k, kl);
  argdata_impl_init_child(&s->value, s->convert_fd, s->convert_fd_arg, v, vl);
}

static inline void argdata_impl_seq_load(argdata_seq_iterator_t *it) {
  struct argdata_impl_seq_it *s = argdata_impl_seq_state(it);
  const uint8_t *p = s->pos, *e;
  size_t el;
  if (p == s->end) {
    it->index = ARGDATA_ITERATOR_END;
    return;
  }
  if (!argdata_impl_parse_subfield(&p, s->end, &e, &el)) {
    it->index = ARGDATA_ITERATOR_INVALID;
    return;
  }
  s->pos = p;
  argdata_impl_init_child(&s->element, s->convert_fd, s->convert_fd_arg, e, el);
}

#endif
