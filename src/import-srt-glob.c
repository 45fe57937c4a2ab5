/* SPDX-License-Identifier: ISC */
/*
 * import-srt-glob.c: srt's globs (parseGlob of glob-pattern.js, and its
 * containsGlobChars and removeTrailingGlobSuffix) read into the glob
 * language of glob.h, or as the path they spell.
 */
#include "config.h"

#include "import-srt-int.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "glob.h"
#include "unicode.h"
#include "xmalloc.h"

/* --- srt's globs -------------------------------------------------------- */

/* A pattern to srt: its containsGlobChars. */
bool
import_srt_is_glob(const char *s)
{
	return strpbrk(s, "*?[]") != NULL;
}

/* s without a last "**" component, as srt's removeTrailingGlobSuffix
 * has it ("/" for the root's). New string. */
char *
import_srt_trim_any(const char *s)
{
	size_t n = strlen(s);

	if (n >= 3 && strcmp(s + n - 3, "/**") == 0)
		return n == 3 ? xstrdup("/") : xstrndup(s, n - 3);
	return xstrdup(s);
}

/* A character the glob language of glob.h would read as syntax. */
static bool
glob_special(char c)
{
	return c == '*' || c == '?' || c == '[' || c == ']' || c == '\\';
}

static void
glob_char(struct buf *b, char c)
{
	if (glob_special(c))
		buf_putc(b, '\\');
	buf_putc(b, c);
}

/*
 * The characters of srt's set [m..m+n) as UTF-16 units into u (n of room),
 * as JavaScript compares them; their number.
 */
static size_t
set_units(const char *m, size_t n, unsigned *u)
{
	size_t k, i = 0;
	long cp;

	while (n > 0) {
		cp = utf8_decode(m, n, &k);
		if (cp > 0xffff) {
			u[i++] = 0xd800 + (((unsigned)cp - 0x10000) >> 10);
			u[i++] = 0xdc00 + (((unsigned)cp - 0x10000) & 0x3ff);
		} else
			u[i++] = cp < 0 ? (unsigned char)*m : (unsigned)cp;
		m += k;
		n -= k;
	}
	return i;
}

/*
 * Whether srt reads the members [m..m+n) of brackets as a set (setRanges
 * of glob-pattern.js): there are some, and no range runs backwards
 * ("[user-id]": 'r'-'i'), a '-' first or last being a member.
 */
static bool
srt_set_ok(const char *m, size_t n)
{
	unsigned *u, from, to;
	size_t i, len;
	bool ok = true;

	if (n == 0)
		return false;
	u = xreallocarray(NULL, n, sizeof *u);
	len = set_units(m, n, u);
	for (i = 0; i < len && ok; i++) {
		from = u[i];
		if (i + 2 < len && u[i + 1] == '-')
			i += 2;
		to = u[i];
		ok = to >= from;
	}
	free(u);
	return ok;
}

/*
 * srt's set [m..m+n) (members as srt reads them: no negation, no class,
 * a '-' between two a range) in the bracket syntax of glob.h, appended
 * to b: 1 for a bracket expression, 0 for the one character it holds, or
 * -1 with *why (a new string) when ours cannot say it.
 */
static int
srt_set(struct buf *b, const char *m, size_t n, char **why)
{
	unsigned char *lo, *hi;
	char show[SB_SHOW_MAX], *set;
	size_t i, k, nitems = 0, first = SIZE_MAX;
	bool dash = false;
	int rc = -1;

	set = xstrndup(m, n);
	lo = xmalloc(n);
	hi = xmalloc(n);
	for (i = 0; i < n; i++) {
		if ((unsigned char)m[i] >= 0x80 || (unsigned char)m[i] < 0x20 ||
		    m[i] == 0x7f) {
			xasprintf(why, "the set %s holds characters other than "
			    "printable ASCII, which sbpolicy's sets do not",
			    sb_show(show, sizeof show, set));
			goto out;
		}
	}
	for (i = 0; i < n; i++, nitems++) {
		lo[nitems] = hi[nitems] = (unsigned char)m[i];
		if (i + 2 < n && m[i + 1] == '-') {
			hi[nitems] = (unsigned char)m[i + 2];
			i += 2;
		}
		if (lo[nitems] <= '/' && '/' <= hi[nitems]) {
			xasprintf(why, "the set %s can match '/', which "
			    "sbpolicy's sets cannot", sb_show(show,
			    sizeof show, set));
			goto out;
		}
	}
	/* "[!" and "[^" would negate: something else goes first, a lone
	 * '-' last, where it starts no range (or first, after "["). */
	for (k = 0; k < nitems; k++) {
		if (lo[k] == '-' && hi[k] == '-')
			dash = true;
		else if (first == SIZE_MAX && lo[k] != '!' && lo[k] != '^')
			first = k;
	}
	if (nitems == 1 && lo[0] == hi[0]) {
		glob_char(b, (char)lo[0]);
		rc = 0;		/* one character: no wildcard */
		goto out;
	}
	if (first == SIZE_MAX && !dash) {
		xasprintf(why, "every member of the set %s starts with '!' or "
		    "'^', which sbpolicy's sets read as negation",
		    sb_show(show, sizeof show, set));
		goto out;
	}
	buf_putc(b, '[');
	if (first == SIZE_MAX) {
		buf_putc(b, '-');
		first = 0;
		dash = false;
	}
	for (i = 0, k = first; i < nitems; i++, k = (k + 1) % nitems) {
		if (lo[k] == '-' && hi[k] == '-')
			continue;
		glob_char(b, (char)lo[k]);
		if (hi[k] != lo[k]) {
			buf_putc(b, '-');
			glob_char(b, (char)hi[k]);
		}
	}
	if (dash)
		buf_putc(b, '-');
	buf_putc(b, ']');
	rc = 1;
out:
	free(hi);
	free(lo);
	free(set);
	return rc;
}

/*
 * srt's reading of the pattern s (parseGlob of glob-pattern.js) in the
 * glob language of glob.h, as a new string: no character escapes another
 * there, so each that is syntax here is escaped; a set runs from a '[' to
 * the next ']' and is rewritten in our syntax; brackets that spell no set
 * (none closes the '[', nothing is between them, a range runs backwards)
 * are text, and so is a ']' that nothing opens; '?', '*', "**" and "**\/"
 * are ours too. *wild says whether it holds a wildcard. NULL with *why set
 * (a new string) for a set that ours cannot say.
 */
char *
import_srt_glob(const char *s, bool *wild, char **why)
{
	struct buf b;
	const char *close;
	size_t i, n = strlen(s), run, text_until = 0;
	bool slash;
	int set;

	*wild = false;
	*why = NULL;
	buf_init(&b);
	for (i = 0; i < n;) {
		switch (s[i]) {
		case '?':
			buf_putc(&b, '?');
			*wild = true;
			i++;
			break;
		case '*':
			for (run = 0; s[i] == '*'; i++)
				run++;
			slash = run >= 2 && s[i] == '/';
			run -= slash ? 2 : 0;
			if (run >= 2)
				buf_puts(&b, "**");
			else if (run == 1)
				buf_putc(&b, '*');
			if (slash) {
				buf_puts(&b, "**/");
				i++;
			}
			*wild = true;
			break;
		case '[':
			if (i >= text_until) {
				close = strchr(s + i + 1, ']');
				if (close == NULL)
					text_until = n;
				else if (!srt_set_ok(s + i + 1,
				    (size_t)(close - s) - i - 1))
					text_until = (size_t)(close - s) + 1;
				else {
					if ((set = srt_set(&b, s + i + 1,
					    (size_t)(close - s) - i - 1,
					    why)) == -1) {
						buf_clear(&b);
						return NULL;
					}
					*wild = *wild || set == 1;
					i = (size_t)(close - s) + 1;
					break;
				}
			}
			glob_char(&b, s[i++]);
			break;
		default:
			glob_char(&b, s[i++]);
			break;
		}
	}
	return buf_take(&b);
}

/* Whether the glob language of glob.h reads stored pattern s, as the
 * generator will; e says why not. */
bool
import_srt_glob_reads(const char *s, const char *what, struct sb_error *e)
{
	struct buf b;
	const char *t = s[0] == '~' ? s + 1 : s;
	bool ok;

	if (strncmp(s, "**", 2) == 0)
		t = "";
	buf_init(&b);
	ok = glob_regex(&b, NULL, t + glob_literal_len(t), what, e) == 0 &&
	    glob_regex_check(buf_str(&b), what, e) == 0;
	buf_clear(&b);
	return ok;
}

/*
 * srt refuses a deny pattern that ends in a separator: it matches no
 * path, and a deny that misses is a hole. It says so only of a rooted
 * spelling: a relative one goes through path.resolve, which drops the
 * '/'. Not checked when filesystem.disabled drops every rule.
 */
int
import_srt_deny_glob_check(struct imp *im, const char *s, bool literal)
{
	size_t n = strlen(s);

	if (im->fs_apply && !literal && import_srt_is_glob(s) &&
	    s[n - 1] == '/' && (s[0] == '/' || s[0] == '~'))
		return import_srt_fail(im, false, "a deny pattern cannot end "
		    "in '/': it matches no path (write \"%.*s\", or add a "
		    "\"**\" component)", (int)(n - 1), s);
	return 0;
}

/*
 * srt's path or pattern s as a path, into *plain (a new string): true for
 * a path, or a pattern without a wildcard once a last "**" component is
 * gone
 * (brackets that spell no set, to srt). A pattern that is none: false,
 * and *plain NULL.
 */
bool
import_srt_plain(const char *s, bool literal, char **plain)
{
	char *trimmed, *g, *why;
	bool wild;

	*plain = NULL;
	if (literal || !import_srt_is_glob(s)) {
		*plain = xstrdup(s);
		return true;
	}
	trimmed = import_srt_trim_any(s);
	if (!import_srt_is_glob(trimmed)) {
		*plain = trimmed;
		return true;
	}
	g = import_srt_glob(trimmed, &wild, &why);
	free(trimmed);
	free(why);
	if (g != NULL && !wild)
		*plain = glob_unescape(g, strlen(g));
	free(g);
	return *plain != NULL;
}
