/* SPDX-License-Identifier: ISC */
/*
 * json.c: the JSON text beside cJSON's tree.
 *
 * cJSON builds the tree but records no positions, and it is lenient where
 * RFC 8259 is not. So the text is kept beside the tree: a strict scan after
 * cJSON accepts the text rejects what cJSON lets through, and a small
 * tokenizer walks the (by then valid) text to turn the path of an offending
 * value into a byte offset, only when an error is reported.
 */
#include "config.h"

#include "json.h"

#include <assert.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_CJSON_CJSON_H
#include <cjson/cJSON.h>
#else
#include <cJSON.h>
#endif

#include "unicode.h"
#include "xmalloc.h"

void
json_path_init(struct json_path *p)
{
	p->v = NULL;
	p->n = 0;
	p->cap = 0;
}

void
json_path_clear(struct json_path *p)
{
	free(p->v);
	json_path_init(p);
}

void
json_path_push(struct json_path *p, const char *key, size_t index)
{
	if (p->n == p->cap) {
		p->cap = p->cap == 0 ? 8 : p->cap * 2;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	p->v[p->n].key = key;
	p->v[p->n].index = index;
	p->n++;
}

void
json_path_pop(struct json_path *p)
{
	assert(p->n > 0);
	p->n--;
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

char *
json_path_str(const struct json_path *p)
{
	struct buf b;
	size_t d;

	if (p->n == 0)
		return xstrdup("top level");
	buf_init(&b);
	for (d = 0; d < p->n; d++) {
		if (p->v[d].key == NULL)
			buf_printf(&b, "[%zu]", p->v[d].index);
		else if (is_plain_key(p->v[d].key)) {
			if (d > 0)
				buf_putc(&b, '.');
			buf_puts(&b, p->v[d].key);
		} else {
			buf_putc(&b, '[');
			json_put_string(&b, p->v[d].key);
			buf_putc(&b, ']');
		}
	}
	return buf_take(&b);
}

/*
 * The tokenizer, for text that cJSON and the strict scan have accepted.
 */

/* cJSON also skips other control bytes as whitespace; the strict scan has
 * rejected them before the tokenizer runs. */
bool
json_is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static size_t
tok_ws(const struct json_doc *doc, size_t i)
{
	while (i < doc->len && json_is_ws((unsigned char)doc->text[i]))
		i++;
	return i;
}

/* i at an opening quote; returns the offset just past the closing one. */
static size_t
tok_string_end(const struct json_doc *doc, size_t i)
{
	for (i++; i < doc->len && doc->text[i] != '"'; i++) {
		if (doc->text[i] == '\\')
			i++;
	}
	return i < doc->len ? i + 1 : doc->len;
}

/* i at the first byte of a value; returns the offset just past it. */
static size_t
tok_value_end(const struct json_doc *doc, size_t i)
{
	const char *t = doc->text;
	size_t depth = 0;

	if (i >= doc->len)
		return doc->len;
	if (t[i] == '"')
		return tok_string_end(doc, i);
	if (t[i] != '{' && t[i] != '[') {
		while (i < doc->len && strchr(",]}", t[i]) == NULL &&
		    !json_is_ws((unsigned char)t[i]))
			i++;
		return i;
	}
	/* Brackets balance in valid JSON once strings are skipped. */
	while (i < doc->len) {
		if (t[i] == '"') {
			i = tok_string_end(doc, i);
			continue;
		}
		if (t[i] == '{' || t[i] == '[')
			depth++;
		else if ((t[i] == '}' || t[i] == ']') && --depth == 0)
			return i + 1;
		i++;
	}
	return doc->len;
}

/* i at a member's key (obj) or an element; returns the offset of its
 * value, past the key and the colon. */
static size_t
tok_member_value(const struct json_doc *doc, size_t i, bool obj)
{
	if (!obj)
		return i;
	i = tok_ws(doc, tok_string_end(doc, i));
	if (i < doc->len && doc->text[i] == ':')
		i = tok_ws(doc, i + 1);
	return i;
}

/* i at a value; returns the offset of the next member or element. */
static size_t
tok_next(const struct json_doc *doc, size_t i)
{
	i = tok_ws(doc, tok_value_end(doc, i));
	if (i < doc->len && doc->text[i] == ',')
		i = tok_ws(doc, i + 1);
	return i;
}

size_t
json_locate(const struct json_doc *doc, const struct json_path *path,
    bool at_key)
{
	const char *t = doc->text;
	const struct json_seg *s;
	size_t i, d, k, key = 0;
	bool obj;

	i = tok_ws(doc, doc->start);
	for (d = 0; d < path->n; d++) {
		s = &path->v[d];
		if (s->index == JSON_MISSING || i >= doc->len ||
		    (t[i] != '{' && t[i] != '['))
			return i;
		obj = t[i] == '{';
		i = tok_ws(doc, i + 1);
		for (k = 0;; k++) {
			if (i >= doc->len || t[i] == '}' || t[i] == ']')
				return i;
			key = i;
			i = tok_member_value(doc, i, obj);
			if (k == s->index)
				break;
			i = tok_next(doc, i);
		}
		if (obj && at_key && d + 1 == path->n)
			return key;
	}
	return i;
}

void
json_line_col(const struct json_doc *doc, size_t off, size_t *line,
    size_t *col)
{
	const char *p, *bol = doc->text, *end = doc->text + off;

	*line = 1;
	for (p = doc->text; p < end; p++) {
		if (*p == '\n') {
			(*line)++;
			bol = p + 1;
		}
	}
	*col = (size_t)(end - bol) + 1;
}

int
json_fail_at(const struct json_doc *doc, size_t off, struct sb_error *err,
    enum sb_errcode code, const char *fmt, ...)
{
	va_list ap;
	size_t line, col;
	char name[SB_SHOW_MAX], *msg;

	if (off > doc->len)
		off = doc->len;
	json_line_col(doc, off, &line, &col);
	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	sb_error_set(err, code, "%s:%zu:%zu: %s",
	    sb_show_name(name, sizeof name, doc->name), line, col, msg);
	free(msg);
	return -1;
}

int
json_fail(const struct json_doc *doc, const struct json_path *path,
    bool at_key, struct sb_error *err, enum sb_errcode code,
    const char *fmt, ...)
{
	va_list ap;
	char *msg, *where;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	where = json_path_str(path);
	json_fail_at(doc, json_locate(doc, path, at_key), err, code, "%s: %s",
	    where, msg);
	free(where);
	free(msg);
	return -1;
}

const char *
json_type_name(const struct cJSON *v)
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

void
json_number_text(const struct json_doc *doc, const struct json_path *path,
    char *out, size_t size)
{
	size_t i = json_locate(doc, path, false), n = 0;

	while (i < doc->len && n + 1 < size &&
	    (is_digit((unsigned char)doc->text[i]) ||
	    strchr("-+.eE", doc->text[i]) != NULL))
		out[n++] = doc->text[i++];
	out[n] = '\0';
}

/*
 * Syntax errors: cJSON's parse end says where it stopped, not why.
 */

/* What the text looks like just before offset end. */
struct scan_state {
	bool	in_str;	/* end is inside a string... */
	size_t	str;	/* ...that starts here */
	size_t	depth;	/* brackets open at end */
	char	top;	/* the innermost of them, or 0 */
	char	prev;	/* the last byte before end that is not whitespace */
};

static void
scan_to(const struct json_doc *doc, size_t end, struct scan_state *st)
{
	const unsigned char *t = (const unsigned char *)doc->text;
	char *open;
	size_t i;

	memset(st, 0, sizeof *st);
	open = xmalloc(CJSON_NESTING_LIMIT + 2);
	for (i = doc->start; i < end; i++) {
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
		if (!json_is_ws(t[i]))
			st->prev = (char)t[i];
	}
	st->top = st->depth > 0 ? open[st->depth - 1] : 0;
	free(open);
}

/*
 * Where a key should start, cJSON steps one byte past what it found
 * ("{"version": 1,}" stops after the "}"): the position to report, moved
 * back onto that byte, and whether a key was expected there.
 */
static size_t
syntax_pos(const struct json_doc *doc, size_t pos, bool *want_key)
{
	const unsigned char *t = (const unsigned char *)doc->text;
	struct scan_state st;

	*want_key = false;
	if (pos <= doc->start)
		return pos;
	scan_to(doc, pos - 1, &st);
	if (!st.in_str && st.top == '{' && t[pos - 1] != '"' &&
	    !json_is_ws(t[pos - 1]) && (st.prev == ',' ||
	    (st.prev == '{' && t[pos - 1] != '}'))) {
		*want_key = true;
		return pos - 1;
	}
	return pos;
}

/* Why cJSON stopped at pos. Returns -1 with err set. */
static int
syntax_error(const struct json_doc *doc, size_t pos, struct sb_error *err)
{
	const unsigned char *t = (const unsigned char *)doc->text;
	struct scan_state st;
	size_t i;
	bool want_key;

	if (pos > doc->len)
		pos = doc->len;
	pos = syntax_pos(doc, pos, &want_key);
	scan_to(doc, pos, &st);
	/* cJSON stops inside a string it could not finish. */
	if (st.in_str) {
		if (pos < doc->len && t[pos] == '\\')
			return json_fail_at(doc, pos, err, SB_ESYNTAX,
			    "syntax error: invalid escape sequence");
		for (i = pos; i < doc->len && t[i] != '"'; i++) {
			if (t[i] == '\\')
				i++;
		}
		if (i >= doc->len)
			return json_fail_at(doc, st.str, err, SB_ESYNTAX,
			    "syntax error: unterminated string");
	}
	if (pos >= doc->len)
		return json_fail_at(doc, doc->len, err, SB_ESYNTAX,
		    "syntax error: unexpected end of input");
	if (!st.in_str && st.depth >= CJSON_NESTING_LIMIT &&
	    (t[pos] == '[' || t[pos] == '{'))
		return json_fail_at(doc, pos, err, SB_ESYNTAX,
		    "syntax error: nested more than %d levels deep",
		    CJSON_NESTING_LIMIT);
	if (t[pos] > 0x20 && t[pos] < 0x7f)
		return json_fail_at(doc, pos, err, SB_ESYNTAX,
		    "syntax error: unexpected '%c'%s", t[pos],
		    want_key ? " (expected a key in double quotes)" : "");
	return json_fail_at(doc, pos, err, SB_ESYNTAX,
	    "syntax error: unexpected byte 0x%02x", t[pos]);
}

/*
 * The strict scan: what RFC 8259 forbids and cJSON 1.7 accepts.
 */

long
json_hex4(const unsigned char *s, size_t len)
{
	long v = 0;
	size_t i;

	if (len < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		v <<= 4;
		if (is_digit(s[i]))
			v |= s[i] - '0';
		else if (s[i] >= 'a' && s[i] <= 'f')
			v |= s[i] - 'a' + 10;
		else if (s[i] >= 'A' && s[i] <= 'F')
			v |= s[i] - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* Past the digits at s[i..len). */
static size_t
digits_end(const unsigned char *s, size_t i, size_t len)
{
	while (i < len && is_digit(s[i]))
		i++;
	return i;
}

size_t
json_number_len(const unsigned char *s, size_t len)
{
	size_t i = 0;

	if (i < len && s[i] == '-')
		i++;
	if (i < len && s[i] == '0')
		i++;
	else if (i < len && s[i] >= '1' && s[i] <= '9')
		i = digits_end(s, i, len);
	else
		return 0;
	if (i < len && s[i] == '.') {
		if (++i >= len || !is_digit(s[i]))
			return 0;
		i = digits_end(s, i, len);
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= len || !is_digit(s[i]))
			return 0;
		i = digits_end(s, i, len);
	}
	/* "01", "1.2.3": cJSON reads a prefix with strtod and stops there. */
	if (i < len && (is_digit(s[i]) ||
	    (s[i] != '\0' && strchr(".eE+-", s[i]) != NULL)))
		return 0;
	return i;
}

/*
 * Points path at the string token that starts at off, found by walking the
 * tree and the text side by side. Returns true when it is a key.
 */
static bool
path_at(const struct json_doc *doc, struct json_path *path, size_t off)
{
	const cJSON *v = doc->root, *c;
	size_t i, k, end;
	bool obj;

	i = tok_ws(doc, doc->start);
	while (i != off && (cJSON_IsObject(v) || cJSON_IsArray(v))) {
		obj = cJSON_IsObject(v);
		i = tok_ws(doc, i + 1);
		for (c = v->child, k = 0; c != NULL; c = c->next, k++) {
			if (obj && i == off) {
				json_path_push(path, c->string, k);
				return true;
			}
			i = tok_member_value(doc, i, obj);
			end = tok_value_end(doc, i);
			if (off >= i && off < end) {
				json_path_push(path, obj ? c->string : NULL, k);
				v = c;
				break;
			}
			i = tok_next(doc, i);
		}
		if (c == NULL)
			break;
	}
	return false;
}

/* The string at off holds "\u0000": names it, or the object of a key. */
static int
nul_error(const struct json_doc *doc, size_t off, struct sb_error *err)
{
	struct json_path path;
	char *where;

	json_path_init(&path);
	if (path_at(doc, &path, off)) {
		/* cJSON cut the key short: name its object instead. */
		off = json_locate(doc, &path, true);
		json_path_pop(&path);
		where = json_path_str(&path);
		json_fail_at(doc, off, err, SB_EINVAL,
		    "%s: a key contains a NUL byte (\\u0000)", where);
		free(where);
	} else {
		json_fail(doc, &path, false, err, SB_EINVAL,
		    "string contains a NUL byte (\\u0000)");
	}
	json_path_clear(&path);
	return -1;
}

/*
 * What one pass over the text finds, for the checks that cJSON lacks, to
 * be reported in their order: UTF-8, then a NUL byte, then the count of
 * values, then (when cJSON accepts the text, so that its syntax errors
 * come first) what RFC 8259 forbids and cJSON 1.7 accepts: control bytes
 * as whitespace or raw in strings, "\u" with non-hex digits (which cJSON
 * reads as U+0000), numbers like "01" or "1."; and last a string holding
 * "\u0000", which cJSON would cut short.
 */
enum strict_what {
	STRICT_CONTROL,	/* a control byte in a string */
	STRICT_ESCAPE,	/* a bad "\u" */
	STRICT_NUMBER,
	STRICT_BYTE,	/* a control byte between tokens */
};

struct text_scan {
	size_t			 bad_utf8;	/* or len */
	size_t			 nul;		/* the first NUL byte, or SIZE_MAX */
	size_t			 values;	/* at most: one a container and comma */
	size_t			 strict;	/* the first strict error, or SIZE_MAX */
	enum strict_what	 what;
	unsigned char		 byte;
	size_t			 nul_string;	/* first with \u0000, or SIZE_MAX */
};

static void
strict_error(struct text_scan *sc, size_t at, enum strict_what what,
    unsigned char byte)
{
	if (sc->strict != SIZE_MAX)
		return;
	sc->strict = at;
	sc->what = what;
	sc->byte = byte;
}

/* A control byte at i, in a string or not. */
static void
scan_control(struct text_scan *sc, size_t i, unsigned char c, bool in_str)
{
	if (c == '\0' && sc->nul == SIZE_MAX)
		sc->nul = i;
	strict_error(sc, i, in_str ? STRICT_CONTROL : STRICT_BYTE, c);
}

/*
 * Whether any of the eight bytes of w is one that scan_string must look at
 * on its own: '"', '\\', a control byte or one that is not ASCII. The
 * classic tests on a word: (x - 0x0101...) & ~x sets the high bit of some
 * byte exactly when x has a zero byte, so x = w ^ 0x2222... finds a quote
 * and w ^ 0x5c5c... a backslash; (w - 0x2020...) & ~w does the same for a
 * byte below 0x20; w itself has it set in a byte of 0x80 or more. A test
 * may mark bytes past the first it finds, but never when there is none:
 * enough for a yes or no.
 */
static inline bool
word_has_special(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u;
	const uint64_t high = 0x8080808080808080u;
	uint64_t quote = w ^ (ones * '"'), bslash = w ^ (ones * '\\');

	return (((quote - ones) & ~quote) | ((bslash - ones) & ~bslash) |
	    ((w - ones * 0x20) & ~w) | w) & high;
}

/* A byte that scan_string passes over: most of a file. */
static inline bool
is_plain_in_string(unsigned char c)
{
	return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* Past the plain bytes of a string from j, eight at a step while there
 * are eight: a params file is mostly paths, in strings. */
static inline size_t
skip_plain_words(const unsigned char *t, size_t len, size_t j)
{
	uint64_t w;

	while (len - j >= 8) {
		memcpy(&w, t + j, 8);
		if (word_has_special(w))
			break;
		j += 8;
	}
	return j;
}

/*
 * The string that starts at i (an opening quote); returns the offset past
 * its closing quote (past len when it has none). A byte after a backslash
 * is skipped, as cJSON skips it, unless it is one that the checks must see
 * (cJSON refuses such an escape anyway). Returns SIZE_MAX with
 * sc->bad_utf8 set at a byte that is not UTF-8.
 */
static size_t
scan_string(const unsigned char *t, size_t len, size_t i,
    struct text_scan *sc)
{
	size_t j = i + 1, n;
	bool nul = false;
	unsigned char c;

	for (;;) {
		/* Up to the word that holds a byte to look at, then to that
		 * byte, a byte at a time. */
		j = skip_plain_words(t, len, j);
		while (j < len && is_plain_in_string(t[j]))
			j++;
		if (j >= len || t[j] == '"')
			break;
		c = t[j];
		if (c >= 0x80) {
			if (utf8_decode((const char *)t + j, len - j, &n) < 0) {
				sc->bad_utf8 = j;
				return SIZE_MAX;
			}
			j += n;
		} else if (c < 0x20) {
			scan_control(sc, j, c, true);
			j++;
		} else {
			if (j + 1 < len && t[j + 1] == 'u') {
				if (len - j < 6 || json_hex4(t + j + 2, 4) < 0)
					strict_error(sc, j, STRICT_ESCAPE, 0);
				else if (memcmp(t + j + 2, "0000", 4) == 0)
					nul = true;
			}
			j += j + 1 < len && t[j + 1] >= 0x20 && t[j + 1] < 0x80 ?
			    2 : 1;
		}
	}
	if (nul && sc->nul_string == SIZE_MAX)
		sc->nul_string = i;
	return j + 1;
}

/* The pass; false when a byte is not UTF-8 (sc->bad_utf8). */
static bool
scan_text(const struct json_doc *doc, struct text_scan *sc)
{
	const unsigned char *t = (const unsigned char *)doc->text;
	size_t len = doc->len, i = 0, n;
	unsigned char c;

	sc->bad_utf8 = len;
	sc->nul = sc->strict = sc->nul_string = SIZE_MAX;
	sc->values = 1;
	while (i < len) {
		c = t[i];
		if (c == '"') {
			if ((i = scan_string(t, len, i, sc)) == SIZE_MAX)
				return false;
		} else if (c == '-' || is_digit(c)) {
			if ((n = json_number_len(t + i, len - i)) == 0) {
				strict_error(sc, i, STRICT_NUMBER, 0);
				n = 1;
			}
			i += n;
		} else if (c >= 0x80) {
			if (utf8_decode((const char *)t + i, len - i, &n) < 0) {
				sc->bad_utf8 = i;
				return false;
			}
			i += n;
		} else {
			if (c == ',' || c == '[' || c == '{')
				sc->values++;
			else if (c < 0x20 && !json_is_ws(c))
				scan_control(sc, i, c, false);
			i++;
		}
	}
	return true;
}

/* The first strict error that sc found. */
static int
strict_fail(const struct json_doc *doc, const struct text_scan *sc,
    struct sb_error *err)
{
	switch (sc->what) {
	case STRICT_CONTROL:
		return json_fail_at(doc, sc->strict, err, SB_ESYNTAX,
		    "syntax error: control character in a string "
		    "(write it as \\u%04x)", sc->byte);
	case STRICT_ESCAPE:
		return json_fail_at(doc, sc->strict, err, SB_ESYNTAX,
		    "syntax error: invalid \\u escape");
	case STRICT_NUMBER:
		return json_fail_at(doc, sc->strict, err, SB_ESYNTAX,
		    "syntax error: invalid number");
	case STRICT_BYTE:
		break;
	}
	return json_fail_at(doc, sc->strict, err, SB_ESYNTAX,
	    "syntax error: unexpected byte 0x%02x", sc->byte);
}

/*
 * The tree's memory. cJSON allocates a node and a string for each value
 * and frees them one by one: a file of a hundred thousand paths spent a
 * quarter of its parse in malloc, and a fifth as much again in
 * cJSON_Delete. Its hooks point here for the parse (and back at malloc
 * right after), so that the tree lives in a few blocks of its document,
 * freed at once by json_doc_clear. Nothing frees a node alone: the
 * callers only read the tree, and what cJSON frees while it parses (after
 * a syntax error) goes with the rest.
 */
struct json_block {
	struct json_block	*prev;
	size_t			 used;
	size_t			 cap;
	max_align_t		 data[];
};

/* Blocks double from the first to the largest, which is below malloc's
 * threshold for mapping a block of its own (128 KiB in glibc): freed,
 * the blocks go back to the heap for what the generator allocates next,
 * rather than to the kernel, to be faulted in again. */
#define BLOCK_FIRST	4096
#define BLOCK_MAX	(64 * 1024)

/* The blocks of the document being parsed: the hooks take no argument. */
static struct json_block **tree_mem;

static void *
tree_alloc(size_t n)
{
	struct json_block *b = *tree_mem;
	size_t cap, align = sizeof(max_align_t);
	void *p;

	n = (n + align - 1) / align * align;
	if (b == NULL || b->cap - b->used < n) {
		cap = b == NULL ? BLOCK_FIRST : b->cap < BLOCK_MAX ?
		    b->cap * 2 : BLOCK_MAX;
		if (cap < n)
			cap = n;
		b = xmalloc(sizeof *b + cap);
		b->prev = *tree_mem;
		b->used = 0;
		b->cap = cap;
		*tree_mem = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

static void
tree_free(void *p)
{
	(void)p;	/* with its block, in json_doc_clear */
}

static void
tree_mem_free(struct json_block *b)
{
	struct json_block *prev;

	for (; b != NULL; b = prev) {
		prev = b->prev;
		free(b);
	}
}

/* cJSON_ParseWithOpts, the tree in doc's blocks. */
static cJSON *
tree_parse(struct json_doc *doc, const char **end)
{
	cJSON_Hooks hooks = { tree_alloc, tree_free };
	cJSON *root;

	tree_mem = &doc->mem;
	cJSON_InitHooks(&hooks);
	root = cJSON_ParseWithOpts(doc->text, end, 1);
	/* Every other use of cJSON (denials.c) gets malloc as before. */
	cJSON_InitHooks(NULL);
	tree_mem = NULL;
	return root;
}

int
json_doc_parse(struct json_doc *doc, const char *name, const char *text,
    size_t len, size_t max_values, struct sb_error *err)
{
	struct text_scan sc;
	const char *end = NULL;
	char show[SB_SHOW_MAX];

	memset(doc, 0, sizeof *doc);
	doc->name = name;
	doc->len = len;
	/* cJSON reads to a NUL, which the caller's text need not have. */
	doc->text = xmalloc(len + 1);
	memcpy(doc->text, text, len);
	doc->text[len] = '\0';
	if (!scan_text(doc, &sc)) {
		json_fail_at(doc, sc.bad_utf8, err, SB_EINVAL,
		    "not valid UTF-8");
		goto fail;
	}
	if (doc->len >= 3 && memcmp(doc->text, "\xef\xbb\xbf", 3) == 0)
		doc->start = 3;
	/* cJSON reads up to the first NUL; a NUL byte is never JSON. */
	if (sc.nul != SIZE_MAX) {
		json_fail_at(doc, sc.nul, err, SB_ESYNTAX,
		    "syntax error: unexpected byte 0x00");
		goto fail;
	}
	/* Before the tree is built: each node costs some 64 bytes. */
	if (sc.values > max_values) {
		sb_error_set(err, SB_ELIMIT, "%s: more than %zu values (%zu)",
		    sb_show_name(show, sizeof show, doc->name), max_values,
		    sc.values);
		goto fail;
	}
	if ((doc->root = tree_parse(doc, &end)) == NULL) {
		syntax_error(doc, end != NULL ? (size_t)(end - doc->text) : 0,
		    err);
		goto fail;
	}
	if (sc.strict != SIZE_MAX) {
		strict_fail(doc, &sc, err);
		goto fail;
	}
	if (sc.nul_string != SIZE_MAX) {
		nul_error(doc, sc.nul_string, err);
		goto fail;
	}
	return 0;

fail:
	json_doc_clear(doc);
	return -1;
}

void
json_doc_clear(struct json_doc *doc)
{
	/* Not cJSON_Delete: the tree is in these blocks (tree_parse). */
	tree_mem_free(doc->mem);
	free(doc->text);
	doc->root = NULL;
	doc->mem = NULL;
	doc->text = NULL;
	doc->len = 0;
	doc->start = 0;
}

/*
 * Output.
 */

/* The escape of c in a string, or NULL when c is written as it is. */
static const char *
escape_of(unsigned char c, char hex[7])
{
	switch (c) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\b':
		return "\\b";
	case '\f':
		return "\\f";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	}
	if (c >= 0x20 && c != 0x7f)
		return NULL;
	hex[0] = '\\';
	hex[1] = 'u';
	hex[2] = '0';
	hex[3] = '0';
	hex[4] = "0123456789abcdef"[c >> 4];
	hex[5] = "0123456789abcdef"[c & 0xf];
	hex[6] = '\0';
	return hex;
}

void
json_put_string(struct buf *b, const char *s)
{
	const char *run = s, *esc;
	char hex[7];

	buf_putc(b, '"');
	/* Runs that need no escape go in with one copy each: a saved file
	 * of ten thousand paths is mostly such runs. */
	for (; *s != '\0'; s++) {
		if ((esc = escape_of((unsigned char)*s, hex)) == NULL)
			continue;
		buf_add(b, run, (size_t)(s - run));
		buf_puts(b, esc);
		run = s + 1;
	}
	buf_add(b, run, (size_t)(s - run));
	buf_putc(b, '"');
}

void
json_put_indent(struct buf *b, int level)
{
	int i;

	for (i = 0; i < level; i++)
		buf_add(b, "  ", 2);
}

void
json_put_key(struct buf *b, int level, const char *key)
{
	json_put_indent(b, level);
	json_put_string(b, key);
	buf_add(b, ": ", 2);
}

void
json_put_end(struct buf *b, bool last)
{
	buf_puts(b, last ? "\n" : ",\n");
}

void
json_put_string_lossy(struct buf *b, const char *s)
{
	char *valid, *p;

	if (utf8_valid(s)) {
		json_put_string(b, s);
		return;
	}
	valid = xstrdup(s);
	for (p = valid; *(p += utf8_invalid_at(p, strlen(p))) != '\0'; p++)
		*p = '?';
	json_put_string(b, valid);
	free(valid);
}
