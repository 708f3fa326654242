/*
 * <argdata.h>: the argdata typed argument tree.
 *
 * Argdata is the binary format in which a CloudABI program receives its
 * start-up arguments: a tree of null, bool, int, float, str, binary,
 * timestamp, map, seq and file-descriptor values. This header is source
 * compatible with the original NuxiNL argdata library: the same names,
 * signatures and error contract. doc/argdata-format.md specifies the wire
 * format; argdata(3) gives an overview.
 *
 * Error contract (the same as the original library):
 *   - constructors (argdata_create_*, argdata_from_buffer) return NULL and
 *     set errno on failure;
 *   - getters return 0 on success or a positive errno value; on failure the
 *     output arguments are left untouched;
 *   - the library never prints (except argdata_print_yaml, whose job it is)
 *     and never aborts on bad input.
 *
 * Ownership: nothing is copied unless said so. argdata_from_buffer borrows
 * the buffer; argdata_create_binary/_str_c/_map/_seq borrow their arguments.
 * argdata_create_str is the one exception: it copies its bytes (see there).
 * Borrowed memory must stay valid and unchanged for as long as the returned
 * value (or a value built on it) is used. argdata_free releases only the
 * object that argdata_create_* or argdata_from_buffer allocated, never what
 * it borrows and never the children of a map or seq.
 *
 * Thread safety: values are immutable once built; reading the same value
 * from several threads is safe. Readers and writers are not thread safe.
 *
 * Features missing, with reasons:
 *   - the C++ wrapper (argdata.hpp) of the original: out of scope for a C
 *     project;
 *   - the pre-2017 iteration API (bool argdata_map_next(it, &k, &v)): it was
 *     replaced upstream by argdata_map_get + argdata_map_next.
 */
#ifndef ARGDATA_H
#define ARGDATA_H

#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The library is built with hidden symbol visibility; everything declared
 * here is its exported interface.
 */
#pragma GCC visibility push(default)

/* An argdata value. Opaque; always handled through a pointer. */
typedef struct argdata_t argdata_t;

/*
 * Iterators over a map or a seq. They are fixed-size so that they can live on
 * the stack; the private state lives in data[]. index is the position of the
 * current element, ARGDATA_ITERATOR_END after the last element, or
 * ARGDATA_ITERATOR_INVALID when the value is not a map/seq or is corrupt.
 */
typedef struct {
  alignas(max_align_t) size_t index;
  char data[128];
} argdata_map_iterator_t;

typedef struct {
  alignas(max_align_t) size_t index;
  char data[128];
} argdata_seq_iterator_t;

#define ARGDATA_ITERATOR_END SIZE_MAX
#define ARGDATA_ITERATOR_INVALID (SIZE_MAX - 1)

/* Stream reader and writer (8-byte big-endian length + argdata bytes). */
typedef struct argdata_reader_t argdata_reader_t;
typedef struct argdata_writer_t argdata_writer_t;

/* Statically allocated constants. Never pass them to argdata_free. */
extern const argdata_t argdata_false;
extern const argdata_t argdata_true;
extern const argdata_t argdata_null;

/*
 * Wrap len bytes of serialised argdata at buf, without copying or validating
 * them: values are decoded lazily by the getters and iterators, which never
 * allocate, never recurse and never read outside buf[0..len), however
 * malformed the bytes. buf is borrowed (buf == NULL gives null).
 * convert_fd(convert_fd_arg, raw) maps a raw fd number found in the data to
 * a process descriptor and returns it, or a negative value to refuse it
 * (argdata_get_fd then returns EBADF); NULL refuses every descriptor. It is
 * called by argdata_get_fd and, once per fd value, by argdata_serialize
 * when remapping; elements reached by iteration share it.
 * Errors: ENOMEM.
 */
argdata_t *argdata_from_buffer(const void *buf, size_t len,
                               int (*convert_fd)(void *, size_t),
                               void *convert_fd_arg);

/*
 * A binary value borrowing len bytes at buf. Errors: ENOMEM (also when the
 * serialised size, len + 1, would exceed SIZE_MAX).
 */
argdata_t *argdata_create_binary(const void *buf, size_t len);

/*
 * A file descriptor value. fd is not duplicated, checked or closed; it is
 * only a number until argdata_serialize. Errors: EBADF (fd < 0), ENOMEM.
 */
argdata_t *argdata_create_fd(int fd);

/* A float value (IEEE 754 binary64). Errors: ENOMEM. */
argdata_t *argdata_create_float(double value);

/* Integer values, encoded minimally. Errors: ENOMEM. */
argdata_t *argdata_create_int_s(intmax_t value);
argdata_t *argdata_create_int_u(uintmax_t value);

/*
 * A map of n key/value pairs. The two arrays and the values they point to
 * are borrowed (not copied) until the map is freed; they must not change
 * (the serialised size is computed here). Duplicate keys are not checked,
 * as in the original. Errors: ENOMEM (also when the serialised size would
 * exceed SIZE_MAX).
 */
argdata_t *argdata_create_map(argdata_t const *const *keys,
                              argdata_t const *const *values,
                              size_t n_key_value_pairs);

/*
 * A seq of n values; the array and the values are borrowed, as for maps.
 * Errors: ENOMEM (also when the serialised size would exceed SIZE_MAX).
 */
argdata_t *argdata_create_seq(argdata_t const *const *entries, size_t n);

/*
 * String values. Errors: EILSEQ (not valid UTF-8: overlong forms,
 * surrogates, values above U+10FFFF and stray bytes are refused; U+0000 is
 * valid), ENOMEM.
 *
 * argdata_create_str(buf, len): len bytes at buf, which need not be
 * NUL-terminated and may hold NUL bytes. Unlike the original, the bytes are
 * COPIED into the value, followed by a NUL: the original's
 * argdata_get_str_c read buf[len], which may be outside the caller's
 * buffer. So buf may be freed right after the call, and argdata_get_str and
 * argdata_get_str_c on the value return pointers to that NUL-terminated copy
 * (valid until argdata_free); argdata_get_str_c gives EILSEQ if the bytes
 * hold a NUL.
 *
 * argdata_create_str_c(str): the NUL-terminated str is borrowed (not
 * copied); its own NUL is the terminator. The getters return str itself.
 */
argdata_t *argdata_create_str(const char *buf, size_t len);
argdata_t *argdata_create_str_c(const char *str);

/*
 * A timestamp in nanoseconds since the epoch; *ts is copied.
 * Errors: EINVAL (tv_nsec outside [0, 1e9)), ENOMEM.
 */
argdata_t *argdata_create_timestamp(const struct timespec *ts);

/*
 * Free a value made by argdata_create_* or argdata_from_buffer. Borrowed
 * memory and the elements of maps and seqs are not freed. NULL is ignored.
 */
void argdata_free(argdata_t *ad);

/*
 * The exact number of bytes argdata_serialize writes, and an upper bound on
 * the number of descriptors it reports (each occurrence counted). Either
 * pointer may be NULL. The size is known since creation; counting fds reads
 * the whole value (without recursing on the depth of serialised input).
 */
void argdata_serialized_length(const argdata_t *ad, size_t *size,
                               size_t *n_fds);

/*
 * Write ad to buf (argdata_serialized_length bytes). With fds == NULL, fd
 * values are written literally and 0 is returned: a descriptor made by
 * argdata_create_fd as its number, and the bytes of argdata_from_buffer
 * values unchanged (convert_fd is not called). Otherwise each distinct
 * descriptor is renumbered 0, 1, 2, ... in order of first appearance in a
 * depth-first walk (map key before value), fds[i] receives the descriptor
 * written as i, and the number of distinct descriptors is returned. fds
 * must have room for the n_fds bound of argdata_serialized_length.
 * Descriptors of argdata_from_buffer values are the results of convert_fd;
 * those it refuses (negative, or no converter) are written as 0xFFFFFFFF.
 * Bytes that cannot be parsed (a corrupt tail of a map or seq from
 * argdata_from_buffer) are copied verbatim. Cannot fail; never allocates.
 * Maps and seqs built with argdata_create_map/_seq are serialised
 * recursively (their depth is the caller's choice); serialised data is
 * copied whole and its fd values are found by an iterative walk that uses
 * 8 KiB of stack however deep the input nests. Remapping costs that walk
 * plus a linear search of fds[] per fd value.
 */
size_t argdata_serialize(const argdata_t *ad, void *buf, int *fds);

/*
 * Getters. Each returns 0 and stores the value, or returns an error and
 * leaves the outputs untouched. They work on serialised data and on values
 * made by argdata_create_* alike (argdata_get_int_s on argdata_create_int_u(5)
 * gives 5), never allocate and never read outside the value's bytes.
 * Pointers returned by argdata_get_binary/_str/_str_c point into ad's
 * storage (the borrowed buffer, or the copy made by argdata_create_str).
 * EINVAL: ad is not of that type or is malformed for it (decoding follows
 * the original library; doc/argdata-format.md lists the rules):
 *   argdata_get_binary:    tag 01.
 *   argdata_get_bool:      tag 02 with no payload (false) or exactly 01.
 *   argdata_get_fd:        tag 03 with exactly 4 bytes. Also EBADF: the
 *                          value has no convert_fd, or it refused the number.
 *   argdata_get_float:     tag 04 with exactly 8 bytes.
 *   argdata_get_int_s/_u:  tag 05. Also ERANGE: outside [min, max] / above
 *                          max, negative for _u, or more bytes than intmax_t
 *                          holds (_u allows one more if it is a leading 00).
 *                          Non-minimal encodings (00 01) are accepted.
 *   argdata_get_str:       tag 08 ending in a NUL. Also EILSEQ (invalid
 *                          UTF-8). *len excludes the terminating NUL; the
 *                          string may contain NULs.
 *   argdata_get_str_c:     as argdata_get_str; also EILSEQ when the string
 *                          holds a NUL. The result is always NUL-terminated.
 *   argdata_get_timestamp: tag 09. Also ERANGE: more than 12 bytes, or the
 *                          seconds do not fit in time_t.
 */
int argdata_get_binary(const argdata_t *ad, const void **buf, size_t *len);
int argdata_get_bool(const argdata_t *ad, bool *value);
int argdata_get_fd(const argdata_t *ad, int *fd);
int argdata_get_float(const argdata_t *ad, double *value);
int argdata_get_int_s(const argdata_t *ad, intmax_t *value, intmax_t min,
                      intmax_t max);
int argdata_get_int_u(const argdata_t *ad, uintmax_t *value, uintmax_t max);
int argdata_get_str(const argdata_t *ad, const char **buf, size_t *len);
int argdata_get_str_c(const argdata_t *ad, const char **str);
int argdata_get_timestamp(const argdata_t *ad, struct timespec *ts);

/*
 * Iteration. argdata_map_iterate sets it->index to 0 (first element), to
 * ARGDATA_ITERATOR_END (empty map) or to ARGDATA_ITERATOR_INVALID (not a
 * map, or the first pair is corrupt or lacks a value). argdata_map_get
 * returns false unless the iterator is on a pair, in which case it stores
 * pointers to the key and the value. argdata_map_next advances to the next
 * pair, to END, or to INVALID (the next pair is corrupt or lacks a value: the
 * pairs before it remain valid). END and INVALID are final.
 *
 * Lifetime of what map_get/seq_get return: for a map or seq made by
 * argdata_create_map/_seq, the caller's own values; for serialised data,
 * argdata_t objects stored inside the iterator, valid until that iterator
 * is advanced, restarted or goes out of scope (never pass them to
 * argdata_free). Their bytes point into the original buffer. An iterator
 * started on such an element stays valid after the outer iterator moves on.
 *
 * Iteration never allocates and never recurses. The seq functions work the
 * same way.
 */
void argdata_map_iterate(const argdata_t *ad, argdata_map_iterator_t *it);
bool argdata_map_get(const argdata_map_iterator_t *it, const argdata_t **key,
                     const argdata_t **value);
void argdata_map_next(argdata_map_iterator_t *it);
void argdata_seq_iterate(const argdata_t *ad, argdata_seq_iterator_t *it);
bool argdata_seq_get(const argdata_seq_iterator_t *it,
                     const argdata_t **element);
void argdata_seq_next(argdata_seq_iterator_t *it);

/*
 * Print ad to fp as YAML with explicit tags (the layout is specified in
 * doc/argdata-format.md, "YAML rendering"). Independent of the locale.
 */
void argdata_print_yaml(const argdata_t *ad, FILE *fp);

/*
 * Stream reader: receives one message per argdata_reader_pull.
 * argdata_reader_create(max_data_len, max_fds_len) returns NULL with errno
 * ENOMEM. argdata_reader_pull(r, fd) returns 0 when a message was received
 * or the stream ended cleanly (argdata_reader_get then returns NULL), or an
 * errno value: EMSGSIZE (message or descriptor count above the limits),
 * EBADMSG (truncated header or body), or any error of recvmsg/read (EAGAIN:
 * call again). Each pull closes the descriptors of the previous message
 * except those released with argdata_reader_release_fd. The value returned
 * by argdata_reader_get is owned by the reader and valid until the next pull
 * or argdata_reader_free; argdata_reader_free closes unreleased descriptors.
 */
argdata_reader_t *argdata_reader_create(size_t max_data_len,
                                        size_t max_fds_len);
void argdata_reader_free(argdata_reader_t *r);
const argdata_t *argdata_reader_get(const argdata_reader_t *r);
void argdata_reader_release_fd(argdata_reader_t *r, int fd);
int argdata_reader_pull(argdata_reader_t *r, int fd);

/*
 * Stream writer. argdata_writer_set(w, ad) queues ad (borrowed until the
 * message has been pushed completely); argdata_writer_push(w, fd) writes as
 * much as it can and returns 0 when the message is complete, or an errno
 * value: EAGAIN or EINTR (call again), ENOMEM, ENOTSOCK (descriptors cannot
 * travel over a non-socket), or any error of write/sendmsg. Descriptors go
 * in one SCM_RIGHTS message with the first bytes. argdata_writer_create
 * returns NULL with errno ENOMEM.
 */
argdata_writer_t *argdata_writer_create(void);
void argdata_writer_free(argdata_writer_t *w);
int argdata_writer_push(argdata_writer_t *w, int fd);
void argdata_writer_set(argdata_writer_t *w, const argdata_t *ad);

/*
 * Type-generic helpers. argdata_create_int(x) picks _s or _u by the
 * signedness of x (char, whatever its signedness, goes through _s, which
 * encodes non-negative values exactly as _u does). argdata_get_int(ad, &x)
 * range-checks against the limits of x's type and returns 0, EINVAL or ERANGE
 * like argdata_get_int_s/_u.
 */
#ifndef __cplusplus
#define ARGDATA_INT_GETTER_(name, type, min, max)                              \
  static inline int argdata_get_int_##name(const argdata_t *ad_, type *v_) {   \
    intmax_t s_;                                                               \
    uintmax_t u_;                                                              \
    int e_;                                                                    \
    if ((min) == 0) {                                                          \
      e_ = argdata_get_int_u(ad_, &u_, (uintmax_t)(max));                      \
      if (e_ == 0)                                                             \
        *v_ = (type)u_;                                                        \
    } else {                                                                   \
      e_ = argdata_get_int_s(ad_, &s_, (intmax_t)(min), (intmax_t)(max));      \
      if (e_ == 0)                                                             \
        *v_ = (type)s_;                                                        \
    }                                                                          \
    return e_;                                                                 \
  }
#include <limits.h>
ARGDATA_INT_GETTER_(char, char, CHAR_MIN, CHAR_MAX)
ARGDATA_INT_GETTER_(schar, signed char, SCHAR_MIN, SCHAR_MAX)
ARGDATA_INT_GETTER_(uchar, unsigned char, 0, UCHAR_MAX)
ARGDATA_INT_GETTER_(short, short, SHRT_MIN, SHRT_MAX)
ARGDATA_INT_GETTER_(ushort, unsigned short, 0, USHRT_MAX)
ARGDATA_INT_GETTER_(int, int, INT_MIN, INT_MAX)
ARGDATA_INT_GETTER_(uint, unsigned int, 0, UINT_MAX)
ARGDATA_INT_GETTER_(long, long, LONG_MIN, LONG_MAX)
ARGDATA_INT_GETTER_(ulong, unsigned long, 0, ULONG_MAX)
ARGDATA_INT_GETTER_(llong, long long, LLONG_MIN, LLONG_MAX)
ARGDATA_INT_GETTER_(ullong, unsigned long long, 0, ULLONG_MAX)
#undef ARGDATA_INT_GETTER_

/* clang-format off */
/* (clang-format cannot lay out _Generic associations.) */
#define argdata_create_int(value)                                              \
  _Generic(value,                                                              \
      char: argdata_create_int_s,                                              \
      signed char: argdata_create_int_s,                                       \
      unsigned char: argdata_create_int_u,                                     \
      short: argdata_create_int_s,                                             \
      unsigned short: argdata_create_int_u,                                    \
      int: argdata_create_int_s,                                               \
      unsigned int: argdata_create_int_u,                                      \
      long: argdata_create_int_s,                                              \
      unsigned long: argdata_create_int_u,                                     \
      long long: argdata_create_int_s,                                         \
      unsigned long long: argdata_create_int_u)(value)

#define argdata_get_int(ad, value)                                             \
  _Generic(*(value),                                                           \
      char: argdata_get_int_char,                                              \
      signed char: argdata_get_int_schar,                                      \
      unsigned char: argdata_get_int_uchar,                                    \
      short: argdata_get_int_short,                                            \
      unsigned short: argdata_get_int_ushort,                                  \
      int: argdata_get_int_int,                                                \
      unsigned int: argdata_get_int_uint,                                      \
      long: argdata_get_int_long,                                              \
      unsigned long: argdata_get_int_ulong,                                    \
      long long: argdata_get_int_llong,                                        \
      unsigned long long: argdata_get_int_ullong)(ad, value)
/* clang-format on */
#endif

#pragma GCC visibility pop

#ifdef __cplusplus
}
#endif

#endif
