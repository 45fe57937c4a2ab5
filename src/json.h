/* SPDX-License-Identifier: ISC */
/*
 * json.h: the JSON text beside cJSON's tree. cJSON parses the values but
 * records no positions and accepts what RFC 8259 does not; this module
 * keeps the text, rejects what cJSON lets through, says why cJSON stopped,
 * finds a value's line and column for messages, and writes JSON strings.
 * The tree is handed out as an incomplete struct cJSON: only the few files
 * that include cJSON.h (HACKING.md names them) look inside it; json_put_*
 * need nothing of cJSON.
 */
#ifndef SBPOLICY_JSON_H
#define SBPOLICY_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"

struct cJSON;
struct json_block;

/* One step of a path: an object member or an array element, by its place
 * in the text, so that a duplicate key points at the right occurrence. */
struct json_seg {
	const char	*key;	/* member name (borrowed); NULL: an element */
	size_t		 index;	/* member or element number, or JSON_MISSING */
};

/* The index of a required key that is absent: it is located at the object
 * that lacks it. */
#define JSON_MISSING	SIZE_MAX

/* Where a value is, from the top: grown and shrunk as a loader descends. */
struct json_path {
	struct json_seg	*v;
	size_t		 n;
	size_t		 cap;
};

void	json_path_init(struct json_path *);
void	json_path_clear(struct json_path *);	/* frees the steps */
void	json_path_push(struct json_path *, const char *key, size_t index);
void	json_path_pop(struct json_path *);
/* "network.unix_sockets.allow[2]"; a key that is not a plain word as
 * ["a b"]; "top level" for the empty path. New string. */
char	*json_path_str(const struct json_path *);

/* A parsed text. The name and text are what messages point into. */
struct json_doc {
	const char	*name;	/* FILE in messages (borrowed) */
	char		*text;	/* a NUL-terminated copy of the text */
	size_t		 len;
	size_t		 start;	/* the first byte after a byte order mark */
	struct cJSON	*root;	/* the tree, for json.c and params-json.c */
	struct json_block *mem;	/* the tree's memory (json.c) */
};

/*
 * Parses text[0..len) strictly: UTF-8 (a byte order mark is skipped), no
 * NUL byte, at most max_values values (a bound taken before the tree is
 * built, as each node costs some 64 bytes), RFC 8259 syntax (no control
 * bytes as whitespace or raw in strings, no "01", no bad "\u" escape) and
 * no "\u0000" in a string or key, which cJSON would cut short. Duplicate
 * keys are kept in the tree, for the caller to refuse where it knows the
 * keys. Returns 0, or -1 with doc cleared and err set to
 * "NAME:LINE:COL: what is wrong" or "NAME: more than N values (M)".
 */
int	json_doc_parse(struct json_doc *, const char *name, const char *text,
	    size_t len, size_t max_values, struct sb_error *);
void	json_doc_clear(struct json_doc *);	/* safe twice */

/* The offset of the value that path names, or of its key with at_key; for
 * a JSON_MISSING step, of the object that lacks it. */
size_t	json_locate(const struct json_doc *, const struct json_path *,
	    bool at_key);
/* 1-based line and byte column of an offset, as an editor counts them. */
void	json_line_col(const struct json_doc *, size_t off, size_t *line,
	    size_t *col);
/* Sets err to "NAME:LINE:COL: message" for offset off; returns -1. */
int	json_fail_at(const struct json_doc *, size_t off, struct sb_error *,
	    enum sb_errcode, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
/* The same at the value (or key) that path names, with the path:
 * "NAME:LINE:COL: PATH: message". Returns -1. */
int	json_fail(const struct json_doc *, const struct json_path *,
	    bool at_key, struct sb_error *, enum sb_errcode, const char *fmt,
	    ...) __attribute__((format(printf, 6, 7)));
/* A value's JSON type for a message: "null", "a boolean", "a number",
 * "a string", "an array" or "an object". */
const char	*json_type_name(const struct cJSON *);
/* The number at path as it is written ("1.5", "1e400"), for messages,
 * cut to fit out[size]. */
void	json_number_text(const struct json_doc *, const struct json_path *,
	    char *out, size_t size);

/*
 * Pieces of RFC 8259 for a reader that scans JSON text itself (the log
 * lines): JSON's four whitespace bytes; the value of the 4 hex digits at s
 * (len bytes there), or -1; the length of the number at s, or 0 when it is
 * none ("01", "1.", "-" and a number running into ".eE+-" or a digit).
 */
bool	json_is_ws(unsigned char);
long	json_hex4(const unsigned char *s, size_t len);
size_t	json_number_len(const unsigned char *s, size_t len);

/*
 * Output. json_put_string writes s as a JSON string literal: `"` and `\`
 * escaped, \b \f \n \r \t, other control bytes and DEL as \u00XX, all else
 * as it is (s must be valid UTF-8: check with utf8_valid first).
 * json_put_indent writes two spaces per level; json_put_key the indent,
 * the key as a string and ": "; json_put_end the "," after a member or an
 * item that is not the last, then the newline.
 */
void	json_put_string(struct buf *, const char *s);
/* The same for s that need not be UTF-8 (a path from the command line, a
 * profile's text): bytes that are not become '?', as sb_show shows them. */
void	json_put_string_lossy(struct buf *, const char *s);
void	json_put_indent(struct buf *, int level);
void	json_put_key(struct buf *, int level, const char *key);
void	json_put_end(struct buf *, bool last);

#endif
