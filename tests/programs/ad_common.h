/*
 * Shared helpers of the launcher test programs (tests/programs). These
 * programs run UNDER cloudabi-run: they read their argdata from fd 3
 * themselves (no SDK start-up code), so that the tests see exactly what the
 * launcher handed over.
 */
#ifndef TESTS_PROGRAMS_AD_COMMON_H
#define TESTS_PROGRAMS_AD_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include <argdata.h>

/* The argdata of this process, mapped from fd 3 (fd 3 stays open). */
struct ad_start {
  const unsigned char *bytes; /* the mapped memfd, or NULL when empty */
  size_t len;
  argdata_t *root; /* argdata_from_buffer over bytes; accepts every fd */
  int error;       /* 0, or the errno that prevented reading fd 3 */
};

/* Map fd 3 and parse it. Never exits; on failure start->error is set and
 * start->root is a null value. */
void ad_start_read(struct ad_start *start);

/* The value under a string key of a top-level map, or NULL. */
const argdata_t *ad_lookup(const argdata_t *root, const char *key);

/* The fd under key, or -1. */
int ad_lookup_fd(const argdata_t *root, const char *key);

/* The integer under key, or dflt. */
long long ad_lookup_int(const argdata_t *root, const char *key, long long dflt);

/* The number (int or float) under key, or dflt. */
double ad_lookup_num(const argdata_t *root, const char *key, double dflt);

/* The bool under key, or false. */
bool ad_lookup_bool(const argdata_t *root, const char *key);

/* The symbolic name of an errno value ("EMFILE"), or its number. The result
 * lives in a static buffer. */
const char *ad_errno_name(int err);

/* write() all of buf to fd; returns 0 or an errno value. */
int ad_write_all(int fd, const void *buf, size_t len);

/* printf to a descriptor, via ad_write_all. */
__attribute__((format(printf, 2, 3))) void ad_printf(int fd, const char *fmt,
                                                     ...);

#endif
