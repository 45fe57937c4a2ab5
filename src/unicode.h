/* SPDX-License-Identifier: ISC */
/* unicode.h: the one strict UTF-8 decoder of the project. */
#ifndef SBPOLICY_UNICODE_H
#define SBPOLICY_UNICODE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Decodes the character at s[0..len) (len >= 1): returns its code point and
 * sets *n to its length, or returns -1 with *n = 1 when s does not start a
 * complete, shortest-form sequence of at most U+10FFFF that is not a
 * surrogate.
 */
long	utf8_decode(const char *s, size_t len, size_t *n);

/* The offset of the first byte of s[0..len) that is not UTF-8, or len. */
size_t	utf8_invalid_at(const char *s, size_t len);

/* True when the NUL-terminated s is valid UTF-8. */
bool	utf8_valid(const char *s);

/*
 * Writes code point cp as UTF-8 into out (at least 4 bytes) and returns
 * its length, or 0 (writing nothing) for NUL, a surrogate or a value past
 * U+10FFFF.
 */
size_t	utf8_encode(long cp, char out[4]);

/*
 * True for the invisible characters that change how the text around them
 * is shown: the bidirectional marks, embeddings, overrides and isolates
 * (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069). A path shown to
 * the user writes them escaped, so "/tmp/\u202egnp.sh" cannot pass for
 * "/tmp/hs.png".
 */
bool	unicode_is_bidi_control(long cp);

#endif
