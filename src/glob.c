/* SPDX-License-Identifier: ISC */
/* glob.c: the glob language of deny_read entries and socket patterns. */
#include "config.h"

#include "glob.h"

#include <sys/types.h>

#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "xmalloc.h"

/* The characters that a backslash makes literal. */
static bool
escapable(char c)
{
	return c == '*' || c == '?' || c == '[' || c == ']' || c == '\\';
}

/* The ':' of the ":]" that ends a class opening at p ("[:"), looked for
 * within the component; NULL when there is none (the '[' is then a member). */
static const char *
class_end(const char *p)
{
	for (p += 2; *p != '\0' && *p != '/'; p++) {
		if (p[0] == ':' && p[1] == ']')
			return p;
	}
	return NULL;
}

/*
 * The ']' that closes the bracket expression opening at s, or NULL when
 * none does within the component (the '[' is then an ordinary character).
 * A ']' right after the '[' (or "[!", "[^") is a member, and a class such
 * as [:alpha:] holds a ']' of its own.
 */
static const char *
bracket_close(const char *s)
{
	const char *p = s + 1, *q;

	if (*p == '!' || *p == '^')
		p++;
	if (*p == ']')
		p++;
	while (*p != '\0' && *p != '/') {
		if (*p == '\\' && escapable(p[1])) {
			p += 2;
			continue;
		}
		if (p[0] == '[' && p[1] == ':' && (q = class_end(p)) != NULL) {
			p = q + 2;
			continue;
		}
		if (*p == ']')
			return p;
		p++;
	}
	return NULL;
}

/*
 * The first wildcard of s, or NULL. strcspn steps over the bytes that
 * cannot start one: every socket entry of a params file is asked, and
 * most paths hold none of these bytes at all.
 */
static const char *
first_wild(const char *s)
{
	static const char starts[] = "\\*?[";

	for (s += strcspn(s, starts); *s != '\0'; s += strcspn(s, starts)) {
		/* An escaped byte is no wildcard. */
		if (*s == '\\' && escapable(s[1]))
			s += 2;
		else if (*s == '*' || *s == '?' ||
		    (*s == '[' && bracket_close(s) != NULL))
			return s;
		else
			s++;
	}
	return NULL;
}

bool
glob_is_pattern(const char *s)
{
	return first_wild(s) != NULL;
}

size_t
glob_literal_len(const char *s)
{
	const char *wild = first_wild(s), *slash;

	if (wild == NULL)
		return strlen(s);
	for (slash = wild; slash > s && *slash != '/'; slash--)
		;
	return (size_t)(slash - s);
}

char *
glob_unescape(const char *s, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;
	const char *end = s + n;

	while (s < end) {
		if (*s == '\\' && s + 1 < end && escapable(s[1]))
			s++;
		*o++ = *s++;
	}
	*o = '\0';
	return out;
}

char *
glob_escape(const char *s)
{
	struct buf b;

	buf_init(&b);
	for (; *s != '\0'; s++) {
		if (escapable(*s))
			buf_putc(&b, '\\');
		buf_putc(&b, *s);
	}
	return buf_take(&b);
}

static bool
regex_special(char c)
{
	switch (c) {
	case '.': case '^': case '$': case '*': case '+': case '?':
	case '(': case ')': case '[': case ']': case '{': case '}':
	case '|': case '\\':
		return true;
	}
	return false;
}

static void
regex_char(struct buf *b, char c)
{
	if (regex_special(c))
		buf_putc(b, '\\');
	buf_putc(b, c);
}

void
glob_regex_literal(struct buf *b, const char *s, size_t n)
{
	size_t i, from = 0;

	/* Runs of ordinary bytes in one copy: paths are mostly those. */
	for (i = 0; i < n; i++) {
		if (!regex_special(s[i]))
			continue;
		buf_add(b, s + from, i - from);
		buf_putc(b, '\\');
		from = i;
	}
	buf_add(b, s + from, n - from);
}

/* --- bracket expressions ------------------------------------------------- */

/* A set of printable ASCII characters. */
struct cset {
	bool	in[128];
	size_t	n;
};

static void
cset_add(struct cset *cs, unsigned char c)
{
	if (!cs->in[c]) {
		cs->in[c] = true;
		cs->n++;
	}
}

static void
cset_range(struct cset *cs, unsigned char lo, unsigned char hi)
{
	unsigned c;

	for (c = lo; c <= hi; c++)
		cset_add(cs, (unsigned char)c);
}

static const struct {
	const char	*name;
	const char	*ranges;	/* pairs lo hi; NULL: refused */
	const char	*why;
} classes[] = {
	{ "alpha", "AZaz", NULL },
	{ "digit", "09", NULL },
	{ "alnum", "09AZaz", NULL },
	{ "upper", "AZ", NULL },
	{ "lower", "az", NULL },
	{ "xdigit", "09AFaf", NULL },
	{ "punct", NULL, "it includes '/'" },
	{ "graph", NULL, "it includes '/'" },
	{ "print", NULL, "it includes '/'" },
	{ "space", NULL, "it holds control characters" },
	{ "blank", NULL, "it holds a control character" },
	{ "cntrl", NULL, "it holds control characters" },
};

static int
add_class(struct cset *cs, const char *name, size_t len, const char *what,
    struct sb_error *err)
{
	const char *r;
	size_t i;

	for (i = 0; i < sizeof classes / sizeof classes[0]; i++) {
		if (strlen(classes[i].name) != len ||
		    strncmp(classes[i].name, name, len) != 0)
			continue;
		if (classes[i].ranges == NULL) {
			sb_error_set(err, SB_EINVAL, "%s: [:%s:] is not "
			    "supported: %s; list the characters instead", what,
			    classes[i].name, classes[i].why);
			return -1;
		}
		for (r = classes[i].ranges; *r != '\0'; r += 2)
			cset_range(cs, (unsigned char)r[0], (unsigned char)r[1]);
		return 0;
	}
	sb_error_set(err, SB_EINVAL, "%s: unknown character class [:%.*s:] "
	    "(alpha, digit, alnum, upper, lower, xdigit)", what,
	    len > 20 ? 20 : (int)len, name);
	return -1;
}

/* A character for a message: itself when printable, else \xHH. */
static const char *
show_char(char *buf, size_t size, unsigned char c)
{
	if (c >= 0x21 && c < 0x7f)
		snprintf(buf, size, "'%c'", c);
	else
		snprintf(buf, size, "\\x%02x", c);
	return buf;
}

/*
 * One member character at *q (the end of the expression is at close):
 * an escape, or a plain byte. Refuses what no bracket of ours may hold.
 */
static int
member(const char **q, unsigned char *c, const char *what,
    struct sb_error *err)
{
	const char *p = *q;
	char show[16];

	if (p[0] == '[' && (p[1] == '.' || p[1] == '=')) {
		sb_error_set(err, SB_EINVAL, "%s: [%c is not supported inside "
		    "[...]; write \\[ for a '['", what, p[1]);
		return -1;
	}
	if (p[0] == '\\' && escapable(p[1]))
		p++;
	*c = (unsigned char)*p++;
	*q = p;
	if (*c == '/') {
		sb_error_set(err, SB_EINVAL, "%s: a bracket expression cannot "
		    "match '/'", what);
		return -1;
	}
	if (*c >= 0x80 || *c < 0x20 || *c == 0x7f) {
		sb_error_set(err, SB_EINVAL, "%s: %s inside [...]: only "
		    "printable ASCII characters are supported there", what,
		    show_char(show, sizeof show, *c));
		return -1;
	}
	return 0;
}

/* In a POSIX bracket these mean something by their position. */
static bool
bracket_special(unsigned char c)
{
	return c == ']' || c == '^' || c == '-' || c == '[' || c == '\\';
}

/* Appends the members of cs (negated: after "[^/") in an order that no
 * regex engine reads otherwise: ']' first, '[' and '^' late, '-' last. */
static void
emit_set(struct buf *b, const struct cset *cs, bool negated)
{
	unsigned c, end;
	bool any = negated;

	buf_puts(b, negated ? "[^" : "[");
	if (cs->in[']']) {
		buf_putc(b, ']');
		any = true;
	}
	if (negated)
		buf_putc(b, '/');
	for (c = 0x20; c < 0x7f; c++) {
		if (!cs->in[c] || bracket_special((unsigned char)c) || c == '/')
			continue;
		for (end = c; end + 1 < 0x7f && cs->in[end + 1] &&
		    !bracket_special((unsigned char)(end + 1)); end++)
			;
		if (end - c >= 2) {
			buf_putc(b, (char)c);
			buf_putc(b, '-');
			buf_putc(b, (char)end);
			c = end;
		} else
			buf_putc(b, (char)c);
		any = true;
	}
	if (cs->in['[']) {
		buf_putc(b, '[');
		any = true;
	}
	if (cs->in['^']) {
		/* Never first, where it would negate. */
		if (!any && cs->in['-']) {
			buf_puts(b, "-^]");
			return;
		}
		buf_putc(b, '^');
	}
	if (cs->in['-'])
		buf_putc(b, '-');
	buf_putc(b, ']');
}

/*
 * Translates the bracket expression [body..close) (body is just past the
 * '[') and appends its regex. Returns 0, or -1 with err set.
 */
static int
bracket(struct buf *b, const char *body, const char *close, const char *what,
    struct sb_error *err)
{
	struct cset cs;
	const char *q = body, *end;
	unsigned char lo, hi;
	bool negated = false;
	char s1[16], s2[16];

	memset(&cs, 0, sizeof cs);
	if (*q == '!' || *q == '^') {
		negated = true;
		q++;
	}
	while (q < close) {
		if (q[0] == '[' && q[1] == ':' &&
		    (end = class_end(q)) != NULL) {
			if (add_class(&cs, q + 2, (size_t)(end - q - 2), what,
			    err) == -1)
				return -1;
			q = end + 2;
			continue;
		}
		if (member(&q, &lo, what, err) == -1)
			return -1;
		if (q[0] != '-' || q + 1 >= close) {
			cset_add(&cs, lo);
			continue;
		}
		q++;
		if (q[0] == '[' && q[1] == ':' && class_end(q) != NULL) {
			sb_error_set(err, SB_EINVAL, "%s: a range cannot end in "
			    "a class", what);
			return -1;
		}
		if (member(&q, &hi, what, err) == -1)
			return -1;
		if (hi < lo) {
			sb_error_set(err, SB_EINVAL, "%s: the range %s-%s is "
			    "backwards", what, show_char(s1, sizeof s1, lo),
			    show_char(s2, sizeof s2, hi));
			return -1;
		}
		if (lo <= '/' && '/' <= hi) {
			sb_error_set(err, SB_EINVAL, "%s: the range %s-%s "
			    "includes '/', which a bracket expression cannot "
			    "match", what, show_char(s1, sizeof s1, lo),
			    show_char(s2, sizeof s2, hi));
			return -1;
		}
		cset_range(&cs, lo, hi);
	}
	if (cs.in['\\'] && (negated || cs.n > 1)) {
		/* Engines differ on '\' inside brackets: keep it out. */
		if (negated) {
			sb_error_set(err, SB_EINVAL, "%s: a '\\' inside [!...] "
			    "is not supported", what);
			return -1;
		}
		cs.in['\\'] = false;
		cs.n--;
		buf_putc(b, '(');
		if (cs.n == 1) {
			for (lo = 0x20; !cs.in[lo]; lo++)
				;
			regex_char(b, (char)lo);
		} else
			emit_set(b, &cs, false);
		buf_puts(b, "|\\\\)");
		return 0;
	}
	if (!negated && cs.n == 1) {
		for (lo = 0x20; !cs.in[lo]; lo++)
			;
		regex_char(b, (char)lo);
		return 0;
	}
	emit_set(b, &cs, negated);
	return 0;
}

/* --- components ---------------------------------------------------------- */

/* Copies what b gained since mark to skel, when there is a skel. */
static void
skel_copy(struct buf *skel, const struct buf *b, size_t mark)
{
	if (skel != NULL)
		buf_add(skel, b->data + mark, b->len - mark);
}

/* Appends the regex of one component [s..end) that is not "**". */
static int
component(struct buf *b, struct buf *skel, const char *s, const char *end,
    const char *what, struct sb_error *err)
{
	const char *close;
	size_t mark;

	while (s < end) {
		mark = b->len;
		switch (*s) {
		case '\\':
			if (escapable(s[1])) {
				regex_char(b, s[1]);
				s += 2;
				continue;
			}
			break;
		case '*':
			if (s[1] == '*') {
				sb_error_set(err, SB_EINVAL, "%s: '**' must be a "
				    "whole path component (as in /a/**/b)", what);
				return -1;
			}
			buf_puts(b, "[^/]*");
			skel_copy(skel, b, mark);
			s++;
			continue;
		case '?':
			buf_puts(b, "[^/]");
			skel_copy(skel, b, mark);
			s++;
			continue;
		case '[':
			if ((close = bracket_close(s)) == NULL)
				break;
			if (bracket(b, s + 1, close, what, err) == -1)
				return -1;
			skel_copy(skel, b, mark);
			s = close + 1;
			continue;
		}
		regex_char(b, *s++);
	}
	return 0;
}

static bool
is_any(const char *s, const char *end)
{
	return end - s == 2 && s[0] == '*' && s[1] == '*';
}

int
glob_regex(struct buf *b, struct buf *skel, const char *s, const char *what,
    struct sb_error *err)
{
	const char *end;
	size_t mark;
	bool sep = *s == '/';

	for (;;) {
		while (*s == '/')
			s++;
		if (*s == '\0')
			break;
		if ((end = strchr(s, '/')) == NULL)
			end = s + strlen(s);
		if ((end - s == 1 && s[0] == '.') ||
		    (end - s == 2 && s[0] == '.' && s[1] == '.')) {
			sb_error_set(err, SB_EINVAL, "%s: '%.*s' after a "
			    "wildcard is not supported", what, (int)(end - s), s);
			return -1;
		}
		if (is_any(s, end)) {
			while (*end == '/')
				end++;
			mark = b->len;
			if (*end == '\0')
				buf_puts(b, sep ? "/.*" : ".*");
			else
				buf_puts(b, sep ? "/(.*/)?" : "(.*/)?");
			skel_copy(skel, b, mark);
			sep = false;
			s = end;
			continue;
		}
		if (sep)
			buf_putc(b, '/');
		if (component(b, skel, s, end, what, err) == -1)
			return -1;
		sep = true;
		s = end;
	}
	return 0;
}

bool
glob_ends_in_any(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == '/')
		n--;
	return n >= 2 && s[n - 1] == '*' && s[n - 2] == '*' &&
	    (n == 2 || s[n - 3] == '/');
}

int
glob_check(const char *s, const char *what, struct sb_error *err)
{
	struct buf b;
	char show[SB_SHOW_MAX];
	size_t n;
	int rc;

	if (!glob_is_pattern(s))
		return 0;
	buf_init(&b);
	rc = glob_regex(&b, NULL, s + glob_literal_len(s), what, err);
	buf_clear(&b);
	/* The why names a part; the pattern is named whole after it. */
	if (rc == -1 && err != NULL && (n = strlen(err->msg)) <
	    sizeof err->msg - 1)
		(void)snprintf(err->msg + n, sizeof err->msg - n, ": %s",
		    sb_show(show, sizeof show, s));
	return rc;
}

int
glob_regex_check(const char *regex, const char *what, struct sb_error *err)
{
	regex_t re;
	char msg[128];
	int rc;

	if ((rc = regcomp(&re, regex, REG_EXTENDED | REG_NOSUB)) != 0) {
		regerror(rc, &re, msg, sizeof msg);
		sb_error_set(err, SB_EINVAL, "%s: the pattern gives a regex that "
		    "does not compile (%s)", what, msg);
		return -1;
	}
	regfree(&re);
	return 0;
}
