/*
 * Internal helpers of argdata_print_yaml (not part of the public API).
 *
 * The printer is split by job: argdata_print_yaml.c walks maps and seqs
 * iteratively; argdata_print_yaml_scalar.c prints every other type; the
 * other argdata_print_yaml_*.c files each format one kind of scalar. Every
 * helper writes plain ASCII (or the UTF-8 bytes of a string) with
 * fputs/fwrite/putc and never calls a locale-dependent function, so the
 * output is the same under every setlocale().
 */
#ifndef ARGDATA_PRINT_YAML_IMPL_H
#define ARGDATA_PRINT_YAML_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <argdata.h>

#define ARGDATA_PRINT_YAML_HIDDEN_ __attribute__((visibility("hidden")))

/*
 * Maps and seqs nested more deeply than this are not expanded: the nested
 * container prints as `!truncated "map"` or `!truncated "seq"` instead (also
 * used if memory for the printer's own stack runs out). The top-level value
 * is at depth 0; its elements are at depth 1.
 */
#define ARGDATA_PRINT_YAML_MAX_DEPTH 1000

/*
 * Print ad if it is not a map or seq (binary, bool, fd, float, int, str,
 * timestamp, in that order, then null). Returns true when printed, false if
 * ad is a map or seq that the caller must print. A map or seq whose first
 * element is corrupt is neither and prints as null.
 */
ARGDATA_PRINT_YAML_HIDDEN_ bool argdata_print_yaml_scalar_(const argdata_t *ad,
                                                           FILE *fp);

/* Write the text of a nonzero finite double: the significand and exponent
 * of "%.17e" with trailing zeros stripped (see the file for the rule).
 * buf must hold ARGDATA_PRINT_YAML_FLOAT_LEN bytes; returns buf. */
#define ARGDATA_PRINT_YAML_FLOAT_LEN 64
ARGDATA_PRINT_YAML_HIDDEN_ char *argdata_print_yaml_float_(double value,
                                                           char *buf);

/* Write len bytes as standard base64 with '=' padding. */
ARGDATA_PRINT_YAML_HIDDEN_ void argdata_print_yaml_base64_(const void *buf,
                                                           size_t len,
                                                           FILE *fp);

/* Whether the code point c is written as itself inside a double-quoted
 * string (see argdata_print_yaml_str.c for the exact rule). */
ARGDATA_PRINT_YAML_HIDDEN_ bool argdata_print_yaml_isprint_(uint32_t c);

/* Write the characters of a valid UTF-8 string with YAML escapes (without
 * the surrounding quotes). */
ARGDATA_PRINT_YAML_HIDDEN_ void argdata_print_yaml_str_(const char *buf,
                                                        size_t len, FILE *fp);

/* Format sec/nsec as "YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ" (UTC, proleptic
 * Gregorian calendar). Returns false, writing nothing, when the year minus
 * 1900 does not fit in an int (the range of struct tm). buf must hold
 * ARGDATA_PRINT_YAML_TIME_LEN bytes. */
#define ARGDATA_PRINT_YAML_TIME_LEN 48
ARGDATA_PRINT_YAML_HIDDEN_ bool argdata_print_yaml_time_(int64_t sec,
                                                         long nsec, char *buf);

/* Write value in decimal, NUL-terminated, at the end of buf (which must
 * hold ARGDATA_PRINT_YAML_UTOA_LEN bytes) and return its first digit. */
#define ARGDATA_PRINT_YAML_UTOA_LEN 24
ARGDATA_PRINT_YAML_HIDDEN_ char *argdata_print_yaml_utoa_(uintmax_t value,
                                                          char *buf);

#endif
