/* SPDX-License-Identifier: ISC */
/* denials.c: tagging a profile, reading log lines, the report of denials. */
#include "config.h"

#include "denials.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef HAVE_CJSON_CJSON_H
#include <cjson/cJSON.h>
#else
#include <cJSON.h>
#endif

#include "json.h"
#include "sbpl-lex.h"
#include "unicode.h"
#include "xmalloc.h"

/* --- tagging the profile ------------------------------------------------ */

char *
denials_tag_new(void)
{
	struct timespec ts;
	char *tag;

	/* Unique enough among runs on one machine: pid and start time. */
	clock_gettime(CLOCK_REALTIME, &ts);
	xasprintf(&tag, "sbpolicy-run-%ld-%lx%05lx", (long)getpid(),
	    (unsigned long)ts.tv_sec,
	    (unsigned long)(ts.tv_nsec / 1000) & 0xfffffUL);
	return tag;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

char *
denials_tag_profile(const char *profile, const char *tag)
{
	struct sbpl_lexer lx;
	struct sbpl_token t;
	struct buf b;
	const char *copied = profile;
	size_t depth = 0;
	bool in_deny = false, has_with = false, head = false;

	buf_init(&b);
	sbpl_lex_init(&lx, profile);
	while (sbpl_lex_next(&lx, &t) != SBPL_T_END) {
		switch (t.kind) {
		case SBPL_T_OPEN:
			/* The word after a top-level "(" says what it is, the
			 * one after a second-level one whether it is a with. */
			head = depth <= 1;
			if (depth == 0)
				in_deny = has_with = false;
			depth++;
			break;
		case SBPL_T_ATOM:
			if (head && depth == 1)
				in_deny = sbpl_tok_is(&t, "deny");
			else if (head && depth == 2 && in_deny &&
			    sbpl_tok_is(&t, "with"))
				has_with = true;
			head = false;
			break;
		case SBPL_T_CLOSE:
			head = false;
			if (depth == 0)
				break;
			if (--depth == 0 && in_deny && !has_with) {
				buf_add(&b, copied, (size_t)(t.start - copied));
				buf_printf(&b, " (with message \"%s\")", tag);
				copied = t.start;
			}
			if (depth == 0)
				in_deny = false;
			break;
		default:
			head = false;
			break;
		}
	}
	buf_puts(&b, copied);
	return buf_take(&b);
}

/* --- one line of log stream output ------------------------------------- */

void
denial_clear(struct denial *d)
{
	free(d->process);
	free(d->operation);
	free(d->target);
	memset(d, 0, sizeof *d);
}

/*
 * A line is one JSON object, read by cJSON. cJSON is lenient where RFC 8259
 * is not (control bytes as whitespace or raw in strings, "01", "1.", a byte
 * order mark, nesting 1000 deep) and strict where the log reader is not: it
 * refuses a lone surrogate escape, which is read as U+FFFD, and a number
 * longer than 63 bytes. So prepare_line goes over a copy of the line first,
 * rejecting the former and rewriting the latter in place.
 */
#define JSON_DEPTH_MAX	64	/* values nested deeper make a line malformed */

static bool
is_surrogate(long cp)
{
	return cp >= 0xd800 && cp <= 0xdfff;
}

/*
 * The string at t[*ip] (its opening quote): false for a raw control byte,
 * an unknown escape, a \u without 4 hex digits, or \u0000 (which would cut
 * the C string short). A lone surrogate becomes \ufffd; a high one followed
 * by another escape that is no low surrogate takes that one with it, which
 * stays as it is unless it is a surrogate too. *ip ends past the string.
 */
static bool
prepare_string(unsigned char *t, size_t len, size_t *ip)
{
	size_t i = *ip + 1;
	long cp, lo;

	while (i < len && t[i] != '"') {
		if (t[i] < 0x20)
			return false;
		if (t[i] != '\\') {
			i++;
			continue;
		}
		if (i + 1 >= len)
			return false;
		if (t[i + 1] != 'u') {
			if (t[i + 1] == '\0' ||
			    strchr("\"\\/bfnrt", t[i + 1]) == NULL)
				return false;
			i += 2;
			continue;
		}
		if ((cp = json_hex4(t + i + 2, len - i - 2)) <= 0)
			return false;
		if (cp >= 0xd800 && cp <= 0xdbff && len - i >= 12 &&
		    t[i + 6] == '\\' && t[i + 7] == 'u') {
			if ((lo = json_hex4(t + i + 8, len - i - 8)) <= 0)
				return false;
			if (lo < 0xdc00 || lo > 0xdfff) {
				memcpy(t + i + 2, "fffd", 4);
				if (is_surrogate(lo))
					memcpy(t + i + 8, "fffd", 4);
			}
			i += 12;
			continue;
		}
		if (is_surrogate(cp))
			memcpy(t + i + 2, "fffd", 4);
		i += 6;
	}
	if (i >= len)
		return false;
	*ip = i + 1;
	return true;
}

/*
 * Makes the line t (len bytes, NUL-terminated, no other NUL) one that cJSON
 * reads as the log reader means it, in place: every number, once checked,
 * becomes "0" and blanks, and lone surrogates \ufffd (prepare_string). False
 * when the line is no JSON though cJSON would take it: whitespace other than
 * JSON's, a byte outside strings that is not printable ASCII, a bad number,
 * a bad string, a value nested more than JSON_DEPTH_MAX deep.
 */
static bool
prepare_line(unsigned char *t, size_t len)
{
	size_t i = 0, depth = 0, n;

	while (i < len) {
		if (json_is_ws(t[i])) {
			i++;
			continue;
		}
		if (t[i] == ']' || t[i] == '}') {
			if (depth > 0)
				depth--;
			i++;
			continue;
		}
		/* Anything else is, or follows, a key or value here. */
		if (depth > JSON_DEPTH_MAX)
			return false;
		if (t[i] == '"') {
			if (!prepare_string(t, len, &i))
				return false;
		} else if (t[i] == '-' || (t[i] >= '0' && t[i] <= '9')) {
			if ((n = json_number_len(t + i, len - i)) == 0)
				return false;
			t[i] = '0';
			memset(t + i + 1, ' ', n - 1);
			i += n;
		} else if (t[i] < 0x20 || t[i] >= 0x7f)
			return false;
		else {
			if (t[i] == '[' || t[i] == '{')
				depth++;
			i++;
		}
	}
	return true;
}

/*
 * Reads a whole line as one JSON object and returns the first of its
 * top-level string members named "eventMessage" in *msg (free(3); NULL when
 * there is none). False when the line is not exactly one well-formed object.
 */
static bool
event_message(const char *line, size_t len, char **msg)
{
	const cJSON *item;
	cJSON *root = NULL;
	unsigned char *t;
	bool ok = false;

	*msg = NULL;
	t = xmalloc(len + 1);
	memcpy(t, line, len);
	t[len] = '\0';
	if (!prepare_line(t, len))
		goto out;
	root = cJSON_ParseWithOpts((const char *)t, NULL, 1);
	if (!cJSON_IsObject(root))
		goto out;
	ok = true;
	cJSON_ArrayForEach(item, root) {
		if (cJSON_IsString(item) &&
		    strcmp(item->string, "eventMessage") == 0) {
			*msg = xstrdup(item->valuestring);
			break;
		}
	}
out:
	cJSON_Delete(root);
	free(t);
	return ok;
}

/*
 * "Sandbox: NAME(PID) deny(N) OPERATION TARGET[\nMESSAGE]": the name runs
 * to the first "(digits)" that is followed by blanks and "deny(" (names may
 * hold parentheses themselves: "Chrome Helper (Renderer)(123)").
 */
static bool
parse_message(const char *msg, const char *tag, struct denial *d)
{
	const char *name, *name_end = NULL, *p, *q, *r, *op, *op_end, *tgt;
	const char *eol, *cut;
	long pid = 0, v;
	int ndig;

	if (strncmp(msg, "Sandbox:", 8) != 0)
		return false;
	name = msg + 8;
	while (*name == ' ' || *name == '\t')
		name++;
	if ((eol = strchr(name, '\n')) == NULL)
		eol = name + strlen(name);
	p = eol;
	for (q = name + 1; q < eol && name_end == NULL; q++) {
		if (*q != '(')
			continue;
		v = 0;
		for (r = q + 1, ndig = 0; r < eol && *r >= '0' && *r <= '9';
		    r++, ndig++) {
			if (ndig < 10)
				v = v * 10 + (*r - '0');
		}
		if (ndig == 0 || ndig > 10 || v > INT32_MAX || r >= eol ||
		    *r != ')')
			continue;
		r++;
		if (r >= eol || (*r != ' ' && *r != '\t'))
			continue;
		while (r < eol && (*r == ' ' || *r == '\t'))
			r++;
		if ((size_t)(eol - r) < 5 || strncmp(r, "deny(", 5) != 0)
			continue;
		name_end = q;
		pid = v;
		p = r + 5;
	}
	if (name_end == NULL)
		return false;
	/* "deny(1)": the count of coalesced repeats, not needed. */
	while (p < eol && *p != ')')
		p++;
	if (p >= eol)
		return false;
	p++;
	while (p < eol && (*p == ' ' || *p == '\t'))
		p++;
	op = p;
	while (p < eol && *p != ' ' && *p != '\t')
		p++;
	op_end = p;
	if (op_end == op)
		return false;
	while (p < eol && (*p == ' ' || *p == '\t'))
		p++;
	tgt = p;
	d->tagged = false;
	if (tag != NULL && *tag != '\0' && strstr(msg, tag) != NULL) {
		d->tagged = true;
		/* Should the tag share the first line, it is no part of the
		 * target. */
		if ((cut = strstr(tgt, tag)) != NULL && cut < eol)
			eol = cut;
	}
	while (eol > tgt && (eol[-1] == ' ' || eol[-1] == '\t' ||
	    eol[-1] == '\r'))
		eol--;
	d->process = xstrndup(name, (size_t)(name_end - name));
	d->pid = (pid_t)pid;
	d->operation = xstrndup(op, (size_t)(op_end - op));
	d->target = xstrndup(tgt, (size_t)(eol > tgt ? eol - tgt : 0));
	return true;
}

static bool
is_banner(const char *line, size_t len)
{
	size_t n = sizeof DENIALS_BANNER_PREFIX - 1;

	return len >= n && memcmp(line, DENIALS_BANNER_PREFIX, n) == 0;
}

enum denials_kind
denials_parse_line(const char *line, size_t len, const char *tag,
    struct denial *d)
{
	enum denials_kind kind;
	char *msg;

	memset(d, 0, sizeof *d);
	if (memchr(line, '\0', len) != NULL)
		return DENIALS_MALFORMED;
	if (is_banner(line, len))
		return DENIALS_BANNER;
	if (!event_message(line, len, &msg))
		kind = DENIALS_MALFORMED;
	else if (msg != NULL && parse_message(msg, tag, d))
		kind = DENIALS_DENIAL;
	else
		kind = DENIALS_OTHER;
	free(msg);
	return kind;
}

/* --- the denials of one run --------------------------------------------- */

void
denials_init(struct denials *ds, const char *tag, pid_t root)
{
	memset(ds, 0, sizeof *ds);
	ds->tag = tag != NULL ? xstrdup(tag) : NULL;
	ds->root = root;
	buf_init(&ds->partial);
}

void
denials_clear(struct denials *ds)
{
	size_t i;

	for (i = 0; i < ds->n; i++)
		denial_clear(&ds->v[i]);
	free(ds->v);
	free(ds->tag);
	buf_clear(&ds->partial);
	memset(ds, 0, sizeof *ds);
}

bool
denials_is_ours(const struct denials *ds, const struct denial *d)
{
	return d->tagged || (ds->root > 0 && d->pid == ds->root);
}

static bool
same(const struct denial *a, const struct denial *b)
{
	return strcmp(a->process, b->process) == 0 &&
	    strcmp(a->operation, b->operation) == 0 &&
	    strcmp(a->target, b->target) == 0;
}

static void
take_line(struct denials *ds, const char *line, size_t len)
{
	struct denial d;
	size_t i;

	while (len > 0 && is_space(line[len - 1]))
		len--;
	/* Blank lines are no records, and no errors either. */
	if (len == 0)
		return;
	ds->lines++;
	switch (denials_parse_line(line, len, ds->tag, &d)) {
	case DENIALS_MALFORMED:
		ds->malformed++;
		return;
	case DENIALS_BANNER:
	case DENIALS_OTHER:
		return;
	case DENIALS_DENIAL:
		break;
	}
	if (!denials_is_ours(ds, &d)) {
		denial_clear(&d);
		return;
	}
	for (i = 0; i < ds->n; i++) {
		if (same(&ds->v[i], &d)) {
			denial_clear(&d);
			return;
		}
	}
	if (ds->n == ds->cap) {
		ds->cap = ds->cap == 0 ? 8 : ds->cap * 2;
		ds->v = xreallocarray(ds->v, ds->cap, sizeof *ds->v);
	}
	ds->v[ds->n++] = d;
}

void
denials_feed(struct denials *ds, const char *data, size_t len)
{
	const char *nl;
	size_t n;

	while (len > 0) {
		nl = memchr(data, '\n', len);
		n = nl != NULL ? (size_t)(nl - data) : len;
		if (ds->toolong)
			;	/* the rest of a line already given up on */
		else if (ds->partial.len == 0 && nl != NULL &&
		    n <= DENIALS_LINE_MAX) {
			take_line(ds, data, n);
			goto next;
		} else if (ds->partial.len + n > DENIALS_LINE_MAX) {
			ds->toolong = true;
			buf_reset(&ds->partial);
		} else
			buf_add(&ds->partial, data, n);
		if (nl == NULL)
			return;
		if (ds->toolong) {
			ds->lines++;
			ds->malformed++;
			ds->toolong = false;
		} else
			take_line(ds, ds->partial.data, ds->partial.len);
		buf_reset(&ds->partial);
next:
		data += n + 1;
		len -= n + 1;
	}
}

void
denials_finish(struct denials *ds)
{
	if (ds->toolong) {
		ds->lines++;
		ds->malformed++;
		ds->toolong = false;
	} else if (ds->partial.len > 0)
		take_line(ds, ds->partial.data, ds->partial.len);
	buf_reset(&ds->partial);
}

/* The length of the UTF-8 sequence at p, or 0 when it is not one. */
static size_t
utf8_len_at(const unsigned char *p)
{
	size_t n;

	return utf8_decode((const char *)p, strlen((const char *)p), &n) < 0 ?
	    0 : n;
}

/*
 * s for a terminal: control bytes (C0, DEL, and C1 as U+0080..U+009F, which
 * some terminals obey), and bytes that are not UTF-8, as \xHH.
 */
static void
put_safe(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	while (*p != '\0') {
		n = utf8_len_at(p);
		if (n == 0 || *p < 0x20 || *p == 0x7f ||
		    (n == 2 && p[0] == 0xc2 && p[1] < 0xa0)) {
			if (n == 0)
				n = 1;
			while (n-- > 0)
				buf_printf(b, "\\x%02x", *p++);
			continue;
		}
		buf_add(b, p, n);
		p += n;
	}
}

char *
denials_report(const struct denials *ds)
{
	return denials_report_fixes(ds, NULL, NULL);
}

char *
denials_report_fixes(const struct denials *ds,
    char *(*suggest)(const struct denial *, void *), void *arg)
{
	struct buf b;
	char *fix;
	size_t i;

	buf_init(&b);
	buf_puts(&b, "=== Sandbox denials ===\n");
	if (ds->n == 0)
		buf_puts(&b, "None found.\n");
	for (i = 0; i < ds->n; i++) {
		buf_putc(&b, '(');
		put_safe(&b, ds->v[i].process);
		buf_puts(&b, ") ");
		put_safe(&b, ds->v[i].operation);
		if (ds->v[i].target[0] != '\0') {
			buf_putc(&b, ' ');
			put_safe(&b, ds->v[i].target);
		}
		buf_putc(&b, '\n');
		if (suggest != NULL &&
		    (fix = suggest(&ds->v[i], arg)) != NULL) {
			buf_puts(&b, "  fix: ");
			put_safe(&b, fix);
			buf_putc(&b, '\n');
			free(fix);
		}
	}
	return buf_take(&b);
}
