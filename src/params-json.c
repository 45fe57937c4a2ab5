/* SPDX-License-Identifier: ISC */
/* params-json.c: params files (JSON) <-> struct params; the json output. */
#include "config.h"

#include "params-json.h"

#include <assert.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_CJSON_CJSON_H
#include <cjson/cJSON.h>
#else
#include <cJSON.h>
#endif

#include "buf.h"
#include "fileio.h"
#include "path.h"
#include "shquote.h"
#include "unicode.h"
#include "xmalloc.h"

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

/*
 * Loading.
 *
 * cJSON builds the tree but records no positions, and it is lenient where
 * RFC 8259 is not. So the raw text is kept beside the tree: a strict scan
 * after cJSON accepts the text rejects what cJSON lets through, and a small
 * tokenizer walks the (by then valid) text to turn the JSON path of an
 * offending value into a byte offset, only when an error is reported.
 */

/* A path segment: an object member or an array element, by its position in
 * the text, so duplicate keys still point at the right occurrence. */
struct jseg {
	const char	*key;	/* member name, NULL for an array element */
	size_t		 index;	/* member or element number; SEG_MISSING */
};

/* A required key that is absent: the locator stops at its object. */
#define SEG_MISSING	SIZE_MAX

struct loader {
	const char	*name;	/* FILE in messages */
	const char	*text;
	size_t		 len;
	size_t		 start;	/* first byte after a UTF-8 byte order mark */
	struct jseg	*path;
	size_t		 depth;
	size_t		 cap;
	struct sb_error	*err;
};

/* A member an object may have, and where it was found. */
struct member {
	const char	*name;
	const cJSON	*node;
	size_t		 index;
};

typedef int (*load_fn)(struct loader *, const cJSON *, void *);

static int	fail(struct loader *, bool, enum sb_errcode, const char *, ...)
		    __attribute__((format(printf, 4, 5)));
static int	fail_at(struct loader *, size_t, enum sb_errcode, const char *,
		    ...) __attribute__((format(printf, 4, 5)));

static void
push_key(struct loader *ld, const char *key, size_t index)
{
	if (ld->depth == ld->cap) {
		ld->cap = ld->cap == 0 ? 8 : ld->cap * 2;
		ld->path = xreallocarray(ld->path, ld->cap, sizeof *ld->path);
	}
	ld->path[ld->depth].key = key;
	ld->path[ld->depth].index = index;
	ld->depth++;
}

static void
push_index(struct loader *ld, size_t index)
{
	push_key(ld, NULL, index);
}

static void
pop(struct loader *ld)
{
	assert(ld->depth > 0);
	ld->depth--;
}

/* JSON whitespace; cJSON also skips other control bytes, which the strict
 * scan has rejected before the tokenizer runs. */
static bool
is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t
tok_ws(const struct loader *ld, size_t i)
{
	while (i < ld->len && is_ws((unsigned char)ld->text[i]))
		i++;
	return i;
}

/* i at an opening quote; returns the offset just past the closing one. */
static size_t
tok_string_end(const struct loader *ld, size_t i)
{
	for (i++; i < ld->len && ld->text[i] != '"'; i++) {
		if (ld->text[i] == '\\')
			i++;
	}
	return i < ld->len ? i + 1 : ld->len;
}

/* i at the first byte of a value; returns the offset just past it. */
static size_t
tok_value_end(const struct loader *ld, size_t i)
{
	const char *t = ld->text;
	size_t depth = 0;

	if (i >= ld->len)
		return ld->len;
	if (t[i] == '"')
		return tok_string_end(ld, i);
	if (t[i] != '{' && t[i] != '[') {
		while (i < ld->len && strchr(",]}", t[i]) == NULL &&
		    !is_ws((unsigned char)t[i]))
			i++;
		return i;
	}
	/* Brackets balance in valid JSON once strings are skipped. */
	while (i < ld->len) {
		if (t[i] == '"') {
			i = tok_string_end(ld, i);
			continue;
		}
		if (t[i] == '{' || t[i] == '[')
			depth++;
		else if ((t[i] == '}' || t[i] == ']') && --depth == 0)
			return i + 1;
		i++;
	}
	return ld->len;
}

/*
 * The offset of the value that ld->path names (or of its key, with at_key).
 * For a missing key, the offset of the object that lacks it.
 */
static size_t
locate(const struct loader *ld, bool at_key)
{
	const char *t = ld->text;
	const struct jseg *s;
	size_t i, d, k, key = 0;
	bool obj;

	i = tok_ws(ld, ld->start);
	for (d = 0; d < ld->depth; d++) {
		s = &ld->path[d];
		if (s->index == SEG_MISSING || i >= ld->len ||
		    (t[i] != '{' && t[i] != '['))
			return i;
		obj = t[i] == '{';
		i = tok_ws(ld, i + 1);
		for (k = 0;; k++) {
			if (i >= ld->len || t[i] == '}' || t[i] == ']')
				return i;
			if (obj) {
				key = i;
				i = tok_ws(ld, tok_string_end(ld, i));
				if (i < ld->len && t[i] == ':')
					i = tok_ws(ld, i + 1);
			}
			if (k == s->index)
				break;
			i = tok_ws(ld, tok_value_end(ld, i));
			if (i < ld->len && t[i] == ',')
				i = tok_ws(ld, i + 1);
		}
		if (obj && at_key && d + 1 == ld->depth)
			return key;
	}
	return i;
}

/* Member names that read well bare; anything else is shown as ["..."]. */
static bool
is_plain_key(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return false;
	}
	return true;
}

static void	put_jstr(struct buf *, const char *);

/* "network.unix_sockets.allow[2]"; "top level" for the whole document. */
static char *
path_str(const struct loader *ld)
{
	struct buf b;
	size_t d;

	if (ld->depth == 0)
		return xstrdup("top level");
	buf_init(&b);
	for (d = 0; d < ld->depth; d++) {
		if (ld->path[d].key == NULL)
			buf_printf(&b, "[%zu]", ld->path[d].index);
		else if (is_plain_key(ld->path[d].key)) {
			if (d > 0)
				buf_putc(&b, '.');
			buf_puts(&b, ld->path[d].key);
		} else {
			buf_putc(&b, '[');
			put_jstr(&b, ld->path[d].key);
			buf_putc(&b, ']');
		}
	}
	return buf_take(&b);
}

/* 1-based line and byte column of an offset. */
static void
line_col(const struct loader *ld, size_t off, size_t *line, size_t *col)
{
	const char *p, *bol = ld->text, *end = ld->text + off;

	*line = 1;
	for (p = ld->text; p < end; p++) {
		if (*p == '\n') {
			(*line)++;
			bol = p + 1;
		}
	}
	*col = (size_t)(end - bol) + 1;
}

static int
fail_at(struct loader *ld, size_t off, enum sb_errcode code,
    const char *fmt, ...)
{
	va_list ap;
	size_t line, col;
	char name[SB_SHOW_MAX], *msg;

	if (off > ld->len)
		off = ld->len;
	line_col(ld, off, &line, &col);
	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	sb_error_set(ld->err, code, "%s:%zu:%zu: %s",
	    sb_show_name(name, sizeof name, ld->name), line, col, msg);
	free(msg);
	return -1;
}

/* An error about the value (or key) at ld->path: "FILE:L:C: PATH: msg". */
static int
fail(struct loader *ld, bool at_key, enum sb_errcode code, const char *fmt,
    ...)
{
	va_list ap;
	char *msg, *path;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	path = path_str(ld);
	fail_at(ld, locate(ld, at_key), code, "%s: %s", path, msg);
	free(path);
	free(msg);
	return -1;
}

/* Passes on an error from params_check_*, which already names the path. */
static int
fail_checked(struct loader *ld, const struct sb_error *e)
{
	return fail_at(ld, locate(ld, false), e->code, "%s", e->msg);
}

static int
missing(struct loader *ld, const char *key)
{
	push_key(ld, key, SEG_MISSING);
	fail(ld, false, SB_EINVAL, "required key is missing");
	pop(ld);
	return -1;
}

/* What the text looks like just before offset end, for syntax_error. */
struct scan_state {
	bool	in_str;	/* end is inside a string... */
	size_t	str;	/* ...that starts here */
	size_t	depth;	/* brackets open at end */
	char	top;	/* the innermost of them, or 0 */
	char	prev;	/* the last byte before end that is not whitespace */
};

static void
scan_to(const struct loader *ld, size_t end, struct scan_state *st)
{
	const unsigned char *t = (const unsigned char *)ld->text;
	char *open;
	size_t i;

	memset(st, 0, sizeof *st);
	open = xmalloc(CJSON_NESTING_LIMIT + 2);
	for (i = ld->start; i < end; i++) {
		if (st->in_str) {
			if (t[i] == '\\')
				i++;
			else if (t[i] == '"')
				st->in_str = false;
			continue;
		}
		if (t[i] == '"') {
			st->in_str = true;
			st->str = i;
		} else if ((t[i] == '[' || t[i] == '{') &&
		    st->depth <= CJSON_NESTING_LIMIT)
			open[st->depth++] = (char)t[i];
		else if ((t[i] == ']' || t[i] == '}') && st->depth > 0)
			st->depth--;
		if (!is_ws(t[i]))
			st->prev = (char)t[i];
	}
	st->top = st->depth > 0 ? open[st->depth - 1] : 0;
	free(open);
}

/* Why cJSON stopped at pos: its parse end says where, not why. */
static int
syntax_error(struct loader *ld, size_t pos)
{
	const unsigned char *t = (const unsigned char *)ld->text;
	struct scan_state st;
	size_t i;
	bool want_key = false;

	if (pos > ld->len)
		pos = ld->len;
	/*
	 * Where a key should start, cJSON steps one byte past what it found
	 * ("{"version": 1,}" stops after the "}"): step back.
	 */
	if (pos > ld->start) {
		scan_to(ld, pos - 1, &st);
		if (!st.in_str && st.top == '{' && t[pos - 1] != '"' &&
		    !is_ws(t[pos - 1]) && (st.prev == ',' ||
		    (st.prev == '{' && t[pos - 1] != '}'))) {
			want_key = true;
			pos--;
		}
	}
	scan_to(ld, pos, &st);
	/* cJSON stops inside a string it could not finish. */
	if (st.in_str) {
		if (pos < ld->len && t[pos] == '\\')
			return fail_at(ld, pos, SB_ESYNTAX,
			    "syntax error: invalid escape sequence");
		for (i = pos; i < ld->len && t[i] != '"'; i++) {
			if (t[i] == '\\')
				i++;
		}
		if (i >= ld->len)
			return fail_at(ld, st.str, SB_ESYNTAX,
			    "syntax error: unterminated string");
	}
	if (pos >= ld->len)
		return fail_at(ld, ld->len, SB_ESYNTAX,
		    "syntax error: unexpected end of input");
	if (!st.in_str && st.depth >= CJSON_NESTING_LIMIT &&
	    (t[pos] == '[' || t[pos] == '{'))
		return fail_at(ld, pos, SB_ESYNTAX,
		    "syntax error: nested more than %d levels deep",
		    CJSON_NESTING_LIMIT);
	if (t[pos] > 0x20 && t[pos] < 0x7f)
		return fail_at(ld, pos, SB_ESYNTAX,
		    "syntax error: unexpected '%c'%s", t[pos],
		    want_key ? " (expected a key in double quotes)" : "");
	return fail_at(ld, pos, SB_ESYNTAX,
	    "syntax error: unexpected byte 0x%02x", t[pos]);
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_hex4(const unsigned char *s)
{
	size_t i;

	for (i = 0; i < 4; i++) {
		if (!is_digit(s[i]) && !(s[i] >= 'a' && s[i] <= 'f') &&
		    !(s[i] >= 'A' && s[i] <= 'F'))
			return false;
	}
	return true;
}

/* Length of an RFC 8259 number at s, or 0 when it is not one. */
static size_t
number_len(const unsigned char *s, size_t len)
{
	size_t i = 0;

	if (i < len && s[i] == '-')
		i++;
	if (i < len && s[i] == '0')
		i++;
	else if (i < len && s[i] >= '1' && s[i] <= '9') {
		while (i < len && is_digit(s[i]))
			i++;
	} else
		return 0;
	if (i < len && s[i] == '.') {
		if (++i >= len || !is_digit(s[i]))
			return 0;
		while (i < len && is_digit(s[i]))
			i++;
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= len || !is_digit(s[i]))
			return 0;
		while (i < len && is_digit(s[i]))
			i++;
	}
	/* "01", "1.2.3": cJSON reads a prefix with strtod and stops there. */
	if (i < len && (is_digit(s[i]) || strchr(".eE+-", s[i]) != NULL))
		return 0;
	return i;
}

/*
 * What RFC 8259 forbids and cJSON 1.7 accepts: control bytes as whitespace
 * or raw inside strings, "\u" with non-hex digits (read as U+0000), numbers
 * like "01" or "1.". Also finds the first string holding "\u0000", which
 * cJSON would silently cut short (*nul_at, or SIZE_MAX). The text has
 * already been accepted by cJSON, so strings and brackets are balanced.
 */
static int
scan_strict(struct loader *ld, size_t *nul_at)
{
	const unsigned char *t = (const unsigned char *)ld->text;
	size_t i = ld->start, str, n;

	*nul_at = SIZE_MAX;
	while (i < ld->len) {
		if (t[i] == '"') {
			str = i++;
			while (i < ld->len && t[i] != '"') {
				if (t[i] < 0x20)
					return fail_at(ld, i, SB_ESYNTAX,
					    "syntax error: control character "
					    "in a string (write it as \\u%04x)",
					    t[i]);
				if (t[i] != '\\') {
					i++;
					continue;
				}
				if (i + 1 < ld->len && t[i + 1] == 'u') {
					if (ld->len - i < 6 || !is_hex4(t + i + 2))
						return fail_at(ld, i, SB_ESYNTAX,
						    "syntax error: invalid "
						    "\\u escape");
					if (memcmp(t + i + 2, "0000", 4) == 0 &&
					    *nul_at == SIZE_MAX)
						*nul_at = str;
					i += 6;
				} else
					i += 2;
			}
			i++;
		} else if (t[i] == '-' || is_digit(t[i])) {
			if ((n = number_len(t + i, ld->len - i)) == 0)
				return fail_at(ld, i, SB_ESYNTAX,
				    "syntax error: invalid number");
			i += n;
		} else if (t[i] < 0x20 && !is_ws(t[i]))
			return fail_at(ld, i, SB_ESYNTAX,
			    "syntax error: unexpected byte 0x%02x", t[i]);
		else
			i++;
	}
	return 0;
}

/*
 * Points ld->path at the string token that starts at off, found by walking
 * the tree and the text side by side. Returns true when it is a key.
 */
static bool
path_at(struct loader *ld, const cJSON *root, size_t off)
{
	const char *t = ld->text;
	const cJSON *v = root, *c;
	size_t i, k, end;
	bool obj;

	i = tok_ws(ld, ld->start);
	while (i != off && (cJSON_IsObject(v) || cJSON_IsArray(v))) {
		obj = cJSON_IsObject(v);
		i = tok_ws(ld, i + 1);
		for (c = v->child, k = 0; c != NULL; c = c->next, k++) {
			if (obj) {
				if (i == off) {
					push_key(ld, c->string, k);
					return true;
				}
				i = tok_ws(ld, tok_string_end(ld, i));
				i = tok_ws(ld, i + 1);	/* ':' */
			}
			end = tok_value_end(ld, i);
			if (off >= i && off < end) {
				push_key(ld, obj ? c->string : NULL, k);
				v = c;
				break;
			}
			i = tok_ws(ld, end);
			if (i < ld->len && t[i] == ',')
				i = tok_ws(ld, i + 1);
		}
		if (c == NULL)
			break;
	}
	return false;
}

static const char *
type_name(const cJSON *v)
{
	if (cJSON_IsNull(v))
		return "null";
	if (cJSON_IsBool(v))
		return "a boolean";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsArray(v))
		return "an array";
	return "an object";
}

static int
wrong_type(struct loader *ld, const cJSON *v, const char *expected)
{
	return fail(ld, false, SB_EINVAL, "expected %s, got %s", expected,
	    type_name(v));
}

/*
 * Matches the members of obj against m[]: an unknown or repeated key is an
 * error pointing at the key; found members get their node and position.
 */
static int
members(struct loader *ld, const cJSON *obj, struct member *m, size_t n)
{
	const cJSON *c;
	struct buf known;
	size_t i, k, line, col;

	if (!cJSON_IsObject(obj))
		return wrong_type(ld, obj, "an object");
	for (c = obj->child, k = 0; c != NULL; c = c->next, k++) {
		for (i = 0; i < n; i++) {
			if (strcmp(m[i].name, c->string) == 0)
				break;
		}
		push_key(ld, c->string, k);
		if (i == n) {
			buf_init(&known);
			for (i = 0; i < n; i++) {
				buf_printf(&known, "%s%s", i > 0 ? ", " : "",
				    m[i].name);
			}
			fail(ld, true, SB_EINVAL, "unknown key (known: %s)",
			    buf_str(&known));
			buf_clear(&known);
			pop(ld);
			return -1;
		}
		if (m[i].node != NULL) {
			ld->path[ld->depth - 1].index = m[i].index;
			line_col(ld, locate(ld, true), &line, &col);
			ld->path[ld->depth - 1].index = k;
			fail(ld, true, SB_EINVAL, "duplicate key (first at "
			    "%zu:%zu)", line, col);
			pop(ld);
			return -1;
		}
		pop(ld);
		m[i].node = c;
		m[i].index = k;
	}
	return 0;
}

/* Runs fn on a member that is present, with the path pointing at it. */
static int
field(struct loader *ld, const struct member *m, load_fn fn, void *arg)
{
	int rc;

	if (m->node == NULL)
		return 0;
	push_key(ld, m->name, m->index);
	rc = fn(ld, m->node, arg);
	pop(ld);
	return rc;
}

/* The number as written, for messages: "1.5", "1e400". */
static void
raw_number(const struct loader *ld, char *out, size_t size)
{
	size_t i = locate(ld, false), n = 0;

	while (i < ld->len && n + 1 < size &&
	    (is_digit((unsigned char)ld->text[i]) ||
	    strchr("-+.eE", ld->text[i]) != NULL))
		out[n++] = ld->text[i++];
	out[n] = '\0';
}

static int
load_bool(struct loader *ld, const cJSON *v, void *arg)
{
	bool *out = arg;

	if (!cJSON_IsBool(v))
		return wrong_type(ld, v, "a boolean");
	*out = cJSON_IsTrue(v);
	return 0;
}

/* A short, quoted, escaped form of a string for messages. */
static char *
quote_short(const char *s)
{
	struct buf b;
	char *cut;
	size_t n = strlen(s);

	if (n <= 64)
		cut = xstrdup(s);
	else {
		/* Cut on a character boundary; the text is valid UTF-8. */
		n = 60;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		cut = xstrndup(s, n);
	}
	buf_init(&b);
	put_jstr(&b, cut);
	if (strlen(s) > 64)
		buf_puts(&b, "...");
	free(cut);
	return buf_take(&b);
}

static int
load_name(struct loader *ld, const cJSON *v, int (*from_name)(const char *),
    const char *what, const char *choices, int *out)
{
	char *q;

	if (!cJSON_IsString(v))
		return wrong_type(ld, v, "a string");
	if ((*out = from_name(v->valuestring)) == -1) {
		q = quote_short(v->valuestring);
		fail(ld, false, SB_EINVAL, "unknown %s %s (%s)", what, q,
		    choices);
		free(q);
		return -1;
	}
	return 0;
}

static int
load_fs_mode(struct loader *ld, const cJSON *v, void *arg)
{
	enum fs_mode *out = arg;
	int m;

	if (load_name(ld, v, fs_mode_from_name, "mode",
	    "read-only, workspace-write, full-access", &m) == -1)
		return -1;
	*out = (enum fs_mode)m;
	return 0;
}

static int
load_net_mode(struct loader *ld, const cJSON *v, void *arg)
{
	enum net_mode *out = arg;
	int m;

	if (load_name(ld, v, net_mode_from_name, "mode",
	    "off, restricted, full", &m) == -1)
		return -1;
	*out = (enum net_mode)m;
	return 0;
}

static int
load_match(struct loader *ld, const cJSON *v, void *arg)
{
	enum sock_match *out = arg;
	int m;

	if (load_name(ld, v, sock_match_from_name, "match",
	    "subpath, literal, glob", &m) == -1)
		return -1;
	*out = (enum sock_match)m;
	return 0;
}

static int
load_access(struct loader *ld, const cJSON *v, void *arg)
{
	enum sock_access *out = arg;
	int a;

	if (load_name(ld, v, sock_access_from_name, "access",
	    "connect-bind, connect", &a) == -1)
		return -1;
	*out = (enum sock_access)a;
	return 0;
}

/* A path string that passes params_check_path; *out is borrowed. */
static int
load_path(struct loader *ld, const cJSON *v, bool allow_glob,
    const char **out)
{
	struct sb_error e;
	char *what;
	int rc;

	if (!cJSON_IsString(v))
		return wrong_type(ld, v, "a path string");
	/* The check names the value; the name is built only on failure. */
	if (params_check_path(v->valuestring, strlen(v->valuestring),
	    allow_glob, "", NULL) == 0) {
		*out = v->valuestring;
		return 0;
	}
	sb_error_init(&e);
	what = path_str(ld);
	rc = params_check_path(v->valuestring, strlen(v->valuestring),
	    allow_glob, what, &e);
	free(what);
	if (rc == -1)
		return fail_checked(ld, &e);
	*out = v->valuestring;
	return 0;
}

static int
load_list(struct loader *ld, const cJSON *v, load_fn item, void *arg)
{
	const cJSON *c;
	size_t n = 0, i;
	int rc;

	if (!cJSON_IsArray(v))
		return wrong_type(ld, v, "an array");
	for (c = v->child; c != NULL; c = c->next)
		n++;
	if (n > PARAMS_LIST_MAX)
		return fail(ld, false, SB_ELIMIT,
		    "too many entries: %zu (at most %d)", n, PARAMS_LIST_MAX);
	for (c = v->child, i = 0; c != NULL; c = c->next, i++) {
		push_index(ld, i);
		rc = item(ld, c, arg);
		pop(ld);
		if (rc == -1)
			return -1;
	}
	return 0;
}

static int
item_root(struct loader *ld, const cJSON *v, void *arg)
{
	const char *path;

	if (load_path(ld, v, false, &path) == -1)
		return -1;
	strlist_add(arg, path);
	return 0;
}

static int
item_deny_read(struct loader *ld, const cJSON *v, void *arg)
{
	const char *path;

	if (load_path(ld, v, true, &path) == -1)
		return -1;
	strlist_add(arg, path);
	return 0;
}

static int
item_name(struct loader *ld, const cJSON *v, void *arg)
{
	struct sb_error e;
	char *what;
	int rc;

	if (!cJSON_IsString(v))
		return wrong_type(ld, v, "a string");
	if (params_check_name(v->valuestring, strlen(v->valuestring), "",
	    NULL) == 0) {
		strlist_add(arg, v->valuestring);
		return 0;
	}
	sb_error_init(&e);
	what = path_str(ld);
	rc = params_check_name(v->valuestring, strlen(v->valuestring), what,
	    &e);
	free(what);
	if (rc == -1)
		return fail_checked(ld, &e);
	strlist_add(arg, v->valuestring);
	return 0;
}

static int
item_port(struct loader *ld, const cJSON *v, void *arg)
{
	struct sb_error e;
	char raw[64], *what;
	double d;
	long long port;
	int rc;

	if (!cJSON_IsNumber(v))
		return wrong_type(ld, v, "an integer");
	d = v->valuedouble;
	/* Range first: casting a huge double to an integer is undefined. */
	if (!(d >= -1e15 && d <= 1e15)) {
		raw_number(ld, raw, sizeof raw);
		return fail(ld, false, SB_EINVAL, "port must be 1..65535: %s",
		    raw);
	}
	port = (long long)d;
	if ((double)port != d) {
		raw_number(ld, raw, sizeof raw);
		return fail(ld, false, SB_EINVAL, "port must be an integer: %s",
		    raw);
	}
	if (params_check_port(port, "", NULL) == 0) {
		portlist_add(arg, (unsigned)port);
		return 0;
	}
	sb_error_init(&e);
	what = path_str(ld);
	rc = params_check_port(port, what, &e);
	free(what);
	if (rc == -1)
		return fail_checked(ld, &e);
	portlist_add(arg, (unsigned)port);
	return 0;
}

/* "PATH" (a glob when it holds * ? [) or {"path", "match", "access"}. */
static int
item_socket(struct loader *ld, const cJSON *v, void *arg)
{
	struct member m[] = {
		{ "path", NULL, 0 },
		{ "match", NULL, 0 },
		{ "access", NULL, 0 },
	};
	enum sock_match match = MATCH_SUBPATH;
	enum sock_access access = ACCESS_CONNECT_BIND;
	const char *path;

	if (cJSON_IsString(v)) {
		if (load_path(ld, v, false, &path) == -1)
			return -1;
		/* The same reading as --allow-unix-socket on the CLI. */
		match = params_socket_match(path);
		socklist_add(arg, path, match, access);
		return 0;
	}
	if (!cJSON_IsObject(v))
		return wrong_type(ld, v, "a path string or an object");
	if (members(ld, v, m, NITEMS(m)) == -1)
		return -1;
	if (m[0].node == NULL)
		return missing(ld, "path");
	push_key(ld, m[0].name, m[0].index);
	if (load_path(ld, m[0].node, false, &path) == -1) {
		pop(ld);
		return -1;
	}
	pop(ld);
	if (field(ld, &m[1], load_match, &match) == -1 ||
	    field(ld, &m[2], load_access, &access) == -1)
		return -1;
	socklist_add(arg, path, match, access);
	return 0;
}

static int
load_roots(struct loader *ld, const cJSON *v, void *arg)
{
	return load_list(ld, v, item_root, arg);
}

static int
load_deny_read(struct loader *ld, const cJSON *v, void *arg)
{
	return load_list(ld, v, item_deny_read, arg);
}

static int
load_names(struct loader *ld, const cJSON *v, void *arg)
{
	return load_list(ld, v, item_name, arg);
}

static int
load_ports(struct loader *ld, const cJSON *v, void *arg)
{
	return load_list(ld, v, item_port, arg);
}

static int
load_sockets(struct loader *ld, const cJSON *v, void *arg)
{
	return load_list(ld, v, item_socket, arg);
}

static int
load_unix_sockets(struct loader *ld, const cJSON *v, void *arg)
{
	struct params *p = arg;
	struct member m[] = {
		{ "allow_all", NULL, 0 },
		{ "allow", NULL, 0 },
		{ "deny", NULL, 0 },
		{ "builtin_denies", NULL, 0 },
	};

	if (members(ld, v, m, NITEMS(m)) == -1 ||
	    field(ld, &m[0], load_bool, &p->allow_all_sockets) == -1 ||
	    field(ld, &m[1], load_sockets, &p->sock_allow) == -1 ||
	    field(ld, &m[2], load_sockets, &p->sock_deny) == -1 ||
	    field(ld, &m[3], load_bool, &p->builtin_denies) == -1)
		return -1;
	return 0;
}

static int
load_network(struct loader *ld, const cJSON *v, void *arg)
{
	struct params *p = arg;
	struct member m[] = {
		{ "mode", NULL, 0 },
		{ "proxy_ports", NULL, 0 },
		{ "allow_local_binding", NULL, 0 },
		{ "unix_sockets", NULL, 0 },
	};

	if (members(ld, v, m, NITEMS(m)) == -1 ||
	    field(ld, &m[0], load_net_mode, &p->net_mode) == -1 ||
	    field(ld, &m[1], load_ports, &p->proxy_ports) == -1 ||
	    field(ld, &m[2], load_bool, &p->allow_local_binding) == -1 ||
	    field(ld, &m[3], load_unix_sockets, p) == -1)
		return -1;
	return 0;
}

static int
load_filesystem(struct loader *ld, const cJSON *v, void *arg)
{
	struct params *p = arg;
	struct member m[] = {
		{ "mode", NULL, 0 },
		{ "writable_roots", NULL, 0 },
		{ "include_cwd", NULL, 0 },
		{ "include_slash_tmp", NULL, 0 },
		{ "include_tmpdir", NULL, 0 },
		{ "protected_names", NULL, 0 },
		{ "deny_read", NULL, 0 },
	};

	if (members(ld, v, m, NITEMS(m)) == -1)
		return -1;
	/* A list that is present replaces the default (".git" included). */
	if (m[5].node != NULL)
		strlist_clear(&p->protected_names);
	if (field(ld, &m[0], load_fs_mode, &p->fs_mode) == -1 ||
	    field(ld, &m[1], load_roots, &p->writable_roots) == -1 ||
	    field(ld, &m[2], load_bool, &p->include_cwd) == -1 ||
	    field(ld, &m[3], load_bool, &p->include_slash_tmp) == -1 ||
	    field(ld, &m[4], load_bool, &p->include_tmpdir) == -1 ||
	    field(ld, &m[5], load_names, &p->protected_names) == -1 ||
	    field(ld, &m[6], load_deny_read, &p->deny_read) == -1)
		return -1;
	return 0;
}

static int
load_version(struct loader *ld, const cJSON *v, void *arg)
{
	char raw[64];

	(void)arg;
	if (!cJSON_IsNumber(v))
		return wrong_type(ld, v, "a number");
	if (v->valuedouble != 1.0) {
		raw_number(ld, raw, sizeof raw);
		return fail(ld, false, SB_EINVAL,
		    "unsupported version %s (this sbpolicy reads version 1)",
		    raw);
	}
	return 0;
}

static int
load_root(struct loader *ld, const cJSON *root, struct params *p)
{
	struct member m[] = {
		{ "version", NULL, 0 },
		{ "filesystem", NULL, 0 },
		{ "network", NULL, 0 },
	};

	const cJSON *c;
	size_t k;

	if (!cJSON_IsObject(root))
		return wrong_type(ld, root, "an object");
	/*
	 * The version decides how to read the rest, so it is checked before
	 * anything else: a newer file says "unsupported version", not
	 * "unknown key" about whatever that version added.
	 */
	for (c = root->child, k = 0; c != NULL; c = c->next, k++) {
		if (strcmp(c->string, "version") == 0)
			break;
	}
	if (c == NULL)
		return missing(ld, "version");
	push_key(ld, c->string, k);
	if (load_version(ld, c, NULL) == -1) {
		pop(ld);
		return -1;
	}
	pop(ld);
	if (members(ld, root, m, NITEMS(m)) == -1 ||
	    field(ld, &m[1], load_filesystem, p) == -1 ||
	    field(ld, &m[2], load_network, p) == -1)
		return -1;
	return 0;
}

/* An upper bound on the values in text: one per container and comma. */
static size_t
count_values(const char *text, size_t len)
{
	size_t i, n = 1;
	bool in_string = false;

	for (i = 0; i < len; i++) {
		if (in_string) {
			if (text[i] == '\\')
				i++;
			else if (text[i] == '"')
				in_string = false;
			continue;
		}
		switch (text[i]) {
		case '"':
			in_string = true;
			break;
		case ',':
		case '[':
		case '{':
			n++;
			break;
		}
	}
	return n;
}

int
params_json_load_text(const char *name, const char *text, size_t len,
    struct params *out, struct sb_error *err)
{
	struct loader ld;
	struct params tmp;
	const char *end = NULL;
	cJSON *root = NULL;
	size_t bad, nul_at;
	char show[SB_SHOW_MAX], *path, *copy = NULL;
	int rc = -1;

	memset(&ld, 0, sizeof ld);
	ld.name = name;
	ld.text = text;
	ld.len = len;
	ld.err = err;
	params_init(&tmp);

	if (len > PARAMS_JSON_FILE_MAX) {
		sb_error_set(err, SB_ELIMIT, "%s: larger than %zu bytes",
		    sb_show_name(show, sizeof show, name),
		    (size_t)PARAMS_JSON_FILE_MAX);
		goto out;
	}
	if ((bad = utf8_invalid_at(text, len)) != len) {
		fail_at(&ld, bad, SB_EINVAL, "not valid UTF-8");
		goto out;
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		ld.start = 3;
	/* cJSON reads up to the first NUL; a NUL byte is never JSON. */
	if ((end = memchr(text, '\0', len)) != NULL) {
		fail_at(&ld, (size_t)(end - text), SB_ESYNTAX,
		    "syntax error: unexpected byte 0x00");
		goto out;
	}
	/* A cJSON node costs some 64 bytes: bound the tree before building it,
	 * so a file of a few MiB of tiny values cannot take a gigabyte. */
	if ((bad = count_values(text, len)) > PARAMS_JSON_VALUES_MAX) {
		sb_error_set(err, SB_ELIMIT, "%s: more than %d values (%zu)",
		    sb_show_name(show, sizeof show, name),
		    PARAMS_JSON_VALUES_MAX, bad);
		goto out;
	}
	/* cJSON reads to a NUL, which the caller's text need not have. */
	copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	ld.text = copy;
	if ((root = cJSON_ParseWithOpts(copy, &end, 1)) == NULL) {
		syntax_error(&ld, end != NULL ? (size_t)(end - copy) : 0);
		goto out;
	}
	if (scan_strict(&ld, &nul_at) == -1)
		goto out;
	if (nul_at != SIZE_MAX) {
		if (path_at(&ld, root, nul_at)) {
			/* cJSON cut the key short: name its object instead. */
			nul_at = locate(&ld, true);
			pop(&ld);
			path = path_str(&ld);
			fail_at(&ld, nul_at, SB_EINVAL,
			    "%s: a key contains a NUL byte (\\u0000)", path);
			free(path);
		} else {
			fail(&ld, false, SB_EINVAL,
			    "string contains a NUL byte (\\u0000)");
		}
		goto out;
	}
	if (load_root(&ld, root, &tmp) == -1)
		goto out;
	params_clear(out);
	*out = tmp;
	params_init(&tmp);
	rc = 0;
out:
	cJSON_Delete(root);
	params_clear(&tmp);
	free(ld.path);
	free(copy);
	return rc;
}

int
params_json_load(const char *file, struct params *out, struct sb_error *err)
{
	char *text;
	size_t len;
	int rc;

	if ((text = file_read(file, PARAMS_JSON_FILE_MAX, &len, err)) == NULL)
		return -1;
	rc = params_json_load_text(file, text, len, out, err);
	free(text);
	return rc;
}

/*
 * Writing. Printed by hand rather than with cJSON_Print, which indents
 * with tabs and would need a tree built only to be thrown away.
 */

/* s as a JSON string literal; s is valid UTF-8, written as it is. */
static void
put_jstr(struct buf *b, const char *s)
{
	const unsigned char *p;

	buf_putc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			buf_puts(b, "\\\"");
			break;
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '\b':
			buf_puts(b, "\\b");
			break;
		case '\f':
			buf_puts(b, "\\f");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\r':
			buf_puts(b, "\\r");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				buf_printf(b, "\\u%04x", *p);
			else
				buf_putc(b, (char)*p);
			break;
		}
	}
	buf_putc(b, '"');
}

static void
put_indent(struct buf *b, int level)
{
	int i;

	for (i = 0; i < level; i++)
		buf_puts(b, "  ");
}

static void
put_key(struct buf *b, int level, const char *key)
{
	put_indent(b, level);
	put_jstr(b, key);
	buf_puts(b, ": ");
}

static void
put_end(struct buf *b, bool last)
{
	buf_puts(b, last ? "\n" : ",\n");
}

static void
put_bool(struct buf *b, int level, const char *key, bool v, bool last)
{
	put_key(b, level, key);
	buf_puts(b, v ? "true" : "false");
	put_end(b, last);
}

static void
put_name(struct buf *b, int level, const char *key, const char *v, bool last)
{
	put_key(b, level, key);
	put_jstr(b, v);
	put_end(b, last);
}

/* Whether s can go into JSON; otherwise err names it "PREFIX[i]SUFFIX". */
static int
check_utf8(const char *s, const char *prefix, size_t i, const char *suffix,
    struct sb_error *err)
{
	if (utf8_valid(s))
		return 0;
	sb_error_set(err, SB_EINVAL, "%s[%zu]%s: not valid UTF-8", prefix, i,
	    suffix);
	return -1;
}

static int
put_strlist(struct buf *b, int level, const char *key, const char *field,
    const struct strlist *l, bool last, struct sb_error *err)
{
	size_t i;

	put_key(b, level, key);
	if (l->n == 0) {
		buf_puts(b, "[]");
		put_end(b, last);
		return 0;
	}
	buf_puts(b, "[\n");
	for (i = 0; i < l->n; i++) {
		if (check_utf8(l->v[i], field, i, "", err) == -1)
			return -1;
		put_indent(b, level + 1);
		put_jstr(b, l->v[i]);
		put_end(b, i + 1 == l->n);
	}
	put_indent(b, level);
	buf_putc(b, ']');
	put_end(b, last);
	return 0;
}

static void
put_ports(struct buf *b, int level, const char *key, const struct portlist *l,
    bool last)
{
	size_t i;

	put_key(b, level, key);
	if (l->n == 0) {
		buf_puts(b, "[]");
		put_end(b, last);
		return;
	}
	buf_puts(b, "[\n");
	for (i = 0; i < l->n; i++) {
		put_indent(b, level + 1);
		buf_printf(b, "%u", l->v[i]);
		put_end(b, i + 1 == l->n);
	}
	put_indent(b, level);
	buf_putc(b, ']');
	put_end(b, last);
}

static int
put_socklist(struct buf *b, int level, const char *key, const char *field,
    const struct socklist *l, bool last, struct sb_error *err)
{
	const struct sock_entry *e;
	size_t i;

	put_key(b, level, key);
	if (l->n == 0) {
		buf_puts(b, "[]");
		put_end(b, last);
		return 0;
	}
	buf_puts(b, "[\n");
	for (i = 0; i < l->n; i++) {
		e = &l->v[i];
		if (check_utf8(e->path, field, i, ".path", err) == -1)
			return -1;
		put_indent(b, level + 1);
		buf_puts(b, "{\n");
		put_name(b, level + 2, "path", e->path, false);
		put_name(b, level + 2, "match", sock_match_name(e->match), false);
		put_name(b, level + 2, "access", sock_access_name(e->access),
		    true);
		put_indent(b, level + 1);
		buf_putc(b, '}');
		put_end(b, i + 1 == l->n);
	}
	put_indent(b, level);
	buf_putc(b, ']');
	put_end(b, last);
	return 0;
}

char *
params_json_dump(const struct params *p, struct sb_error *err)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "{\n");
	put_key(&b, 1, "version");
	buf_puts(&b, "1,\n");

	put_key(&b, 1, "filesystem");
	buf_puts(&b, "{\n");
	put_name(&b, 2, "mode", fs_mode_name(p->fs_mode), false);
	if (put_strlist(&b, 2, "writable_roots", "filesystem.writable_roots",
	    &p->writable_roots, false, err) == -1)
		goto fail;
	put_bool(&b, 2, "include_cwd", p->include_cwd, false);
	put_bool(&b, 2, "include_slash_tmp", p->include_slash_tmp, false);
	put_bool(&b, 2, "include_tmpdir", p->include_tmpdir, false);
	if (put_strlist(&b, 2, "protected_names",
	    "filesystem.protected_names", &p->protected_names, false,
	    err) == -1 ||
	    put_strlist(&b, 2, "deny_read", "filesystem.deny_read",
	    &p->deny_read, true, err) == -1)
		goto fail;
	put_indent(&b, 1);
	buf_puts(&b, "},\n");

	put_key(&b, 1, "network");
	buf_puts(&b, "{\n");
	put_name(&b, 2, "mode", net_mode_name(p->net_mode), false);
	put_ports(&b, 2, "proxy_ports", &p->proxy_ports, false);
	put_bool(&b, 2, "allow_local_binding", p->allow_local_binding, false);
	put_key(&b, 2, "unix_sockets");
	buf_puts(&b, "{\n");
	put_bool(&b, 3, "allow_all", p->allow_all_sockets, false);
	if (put_socklist(&b, 3, "allow", "network.unix_sockets.allow",
	    &p->sock_allow, false, err) == -1 ||
	    put_socklist(&b, 3, "deny", "network.unix_sockets.deny",
	    &p->sock_deny, false, err) == -1)
		goto fail;
	put_bool(&b, 3, "builtin_denies", p->builtin_denies, true);
	put_indent(&b, 2);
	buf_puts(&b, "}\n");
	put_indent(&b, 1);
	buf_puts(&b, "}\n");
	buf_puts(&b, "}\n");
	return buf_take(&b);

fail:
	buf_clear(&b);
	return NULL;
}

int
params_json_save(const char *file, const struct params *p,
    struct sb_error *err)
{
	return params_json_save_flags(file, p, 0, err);
}

int
params_json_save_flags(const char *file, const struct params *p,
    unsigned flags, struct sb_error *err)
{
	char *text;
	int rc;

	if ((text = params_json_dump(p, err)) == NULL)
		return -1;
	rc = file_write_atomic_flags(file, text, strlen(text), flags, err);
	free(text);
	return rc;
}

char *
params_json_render_result(const struct gen_result *r, char *const argv[],
    struct sb_error *err)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	if (!utf8_valid(r->profile)) {
		sb_error_set(err, SB_EINVAL, "profile: not valid UTF-8");
		goto fail;
	}
	buf_puts(&b, "{\n");
	put_name(&b, 1, "profile", r->profile, false);

	put_key(&b, 1, "params");
	buf_puts(&b, r->nparams == 0 ? "[]" : "[\n");
	for (i = 0; i < r->nparams; i++) {
		if (check_utf8(r->params[i].key, "params", i, "", err) == -1)
			goto fail;
		if (!utf8_valid(r->params[i].value)) {
			sb_error_set(err, SB_EINVAL, "%s: value is not valid "
			    "UTF-8, which JSON cannot hold", r->params[i].key);
			goto fail;
		}
		put_indent(&b, 2);
		buf_putc(&b, '[');
		put_jstr(&b, r->params[i].key);
		buf_puts(&b, ", ");
		put_jstr(&b, r->params[i].value);
		buf_putc(&b, ']');
		put_end(&b, i + 1 == r->nparams);
	}
	if (r->nparams > 0) {
		put_indent(&b, 1);
		buf_putc(&b, ']');
	}
	put_end(&b, false);

	put_key(&b, 1, "argv");
	buf_puts(&b, argv == NULL || argv[0] == NULL ? "[]" : "[\n");
	for (i = 0; argv != NULL && argv[i] != NULL; i++) {
		if (check_utf8(argv[i], "argv", i, "", err) == -1)
			goto fail;
		put_indent(&b, 2);
		put_jstr(&b, argv[i]);
		put_end(&b, argv[i + 1] == NULL);
	}
	if (argv != NULL && argv[0] != NULL) {
		put_indent(&b, 1);
		buf_putc(&b, ']');
	}
	put_end(&b, false);

	put_key(&b, 1, "warnings");
	buf_puts(&b, r->nwarnings == 0 ? "[]" : "[\n");
	for (i = 0; i < r->nwarnings; i++) {
		if (check_utf8(r->warnings[i].msg, "warnings", i, "",
		    err) == -1)
			goto fail;
		put_indent(&b, 2);
		put_jstr(&b, r->warnings[i].msg);
		put_end(&b, i + 1 == r->nwarnings);
	}
	if (r->nwarnings > 0) {
		put_indent(&b, 1);
		buf_putc(&b, ']');
	}
	put_end(&b, true);
	buf_puts(&b, "}\n");
	return buf_take(&b);

fail:
	buf_clear(&b);
	return NULL;
}
