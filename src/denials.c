/* SPDX-License-Identifier: ISC */
/* denials.c: what the sandbox denied a run, from the unified log. */
#include "config.h"

#include "denials.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "launch.h"
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

/* A small JSON reader: just enough to find one string member of an object
 * per line. cJSON stays inside params-json.c, by design. */
struct jscan {
	const char	*p;
	const char	*end;
};

#define JSON_DEPTH_MAX	64

static void
j_ws(struct jscan *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
	    *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool
j_hex4(struct jscan *j, unsigned *out)
{
	unsigned v = 0;
	int i, h;

	if (j->end - j->p < 4)
		return false;
	for (i = 0; i < 4; i++) {
		if ((h = hexval(j->p[i])) == -1)
			return false;
		v = v << 4 | (unsigned)h;
	}
	j->p += 4;
	*out = v;
	return true;
}

static void
put_utf8(struct buf *b, unsigned cp)
{
	char s[4];

	buf_add(b, s, utf8_encode((long)cp, s));
}

/* A string at j->p (on its opening quote), decoded into out (may be NULL to
 * skip). False when it is not a valid JSON string or holds \u0000. */
static bool
j_string(struct jscan *j, struct buf *out)
{
	unsigned cp, lo;
	const char *start;

	if (j->p >= j->end || *j->p != '"')
		return false;
	j->p++;
	for (;;) {
		start = j->p;
		while (j->p < j->end && *j->p != '"' && *j->p != '\\' &&
		    (unsigned char)*j->p >= 0x20)
			j->p++;
		if (out != NULL)
			buf_add(out, start, (size_t)(j->p - start));
		if (j->p >= j->end || (unsigned char)*j->p < 0x20)
			return false;
		if (*j->p++ == '"')
			return true;
		if (j->p >= j->end)
			return false;
		switch (*j->p++) {
		case '"':
			cp = '"';
			break;
		case '\\':
			cp = '\\';
			break;
		case '/':
			cp = '/';
			break;
		case 'b':
			cp = '\b';
			break;
		case 'f':
			cp = '\f';
			break;
		case 'n':
			cp = '\n';
			break;
		case 'r':
			cp = '\r';
			break;
		case 't':
			cp = '\t';
			break;
		case 'u':
			if (!j_hex4(j, &cp))
				return false;
			if (cp >= 0xd800 && cp <= 0xdbff &&
			    j->end - j->p >= 6 && j->p[0] == '\\' &&
			    j->p[1] == 'u') {
				j->p += 2;
				if (!j_hex4(j, &lo))
					return false;
				if (lo >= 0xdc00 && lo <= 0xdfff)
					cp = 0x10000 + ((cp - 0xd800) << 10) +
					    (lo - 0xdc00);
				else {
					/* A lone high surrogate, then a
					 * separate escape: keep both. */
					if (out != NULL)
						put_utf8(out, 0xfffd);
					cp = lo >= 0xd800 && lo <= 0xdfff ?
					    0xfffd : lo;
				}
			} else if (cp >= 0xd800 && cp <= 0xdfff)
				cp = 0xfffd;
			/* A NUL would cut the C string short. */
			if (cp == 0)
				return false;
			break;
		default:
			return false;
		}
		if (out != NULL)
			put_utf8(out, cp);
	}
}

static bool j_value(struct jscan *, int);

static bool
j_literal(struct jscan *j, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(j->end - j->p) < n || strncmp(j->p, word, n) != 0)
		return false;
	j->p += n;
	return true;
}

/* Skips digits; false when there is none. */
static bool
j_digits(struct jscan *j)
{
	const char *start = j->p;

	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > start;
}

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool
j_number(struct jscan *j)
{
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p < j->end && *j->p == '0')
		j->p++;
	else if (!j_digits(j))
		return false;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (!j_digits(j))
			return false;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (!j_digits(j))
			return false;
	}
	return true;
}

/* An object or array body after its opener; close is '}' or ']'. */
static bool
j_container(struct jscan *j, int depth, char close)
{
	j_ws(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		return true;
	}
	for (;;) {
		j_ws(j);
		if (close == '}') {
			if (!j_string(j, NULL))
				return false;
			j_ws(j);
			if (j->p >= j->end || *j->p++ != ':')
				return false;
		}
		if (!j_value(j, depth + 1))
			return false;
		j_ws(j);
		if (j->p >= j->end)
			return false;
		if (*j->p == close) {
			j->p++;
			return true;
		}
		if (*j->p++ != ',')
			return false;
	}
}

static bool
j_value(struct jscan *j, int depth)
{
	if (depth > JSON_DEPTH_MAX)
		return false;
	j_ws(j);
	if (j->p >= j->end)
		return false;
	switch (*j->p) {
	case '"':
		return j_string(j, NULL);
	case '{':
		j->p++;
		return j_container(j, depth, '}');
	case '[':
		j->p++;
		return j_container(j, depth, ']');
	case 't':
		return j_literal(j, "true");
	case 'f':
		return j_literal(j, "false");
	case 'n':
		return j_literal(j, "null");
	}
	return j_number(j);
}

/*
 * Reads a whole line as one JSON object and decodes its top-level string
 * member "eventMessage" into msg (left empty when there is none). False
 * when the line is not exactly one well-formed object.
 */
static bool
j_event_message(const char *line, size_t len, struct buf *msg, bool *found)
{
	struct jscan j;
	struct buf key;
	bool ok = false;

	j.p = line;
	j.end = line + len;
	*found = false;
	buf_init(&key);
	j_ws(&j);
	if (j.p >= j.end || *j.p++ != '{')
		goto out;
	j_ws(&j);
	if (j.p < j.end && *j.p == '}') {
		j.p++;
		goto end;
	}
	for (;;) {
		j_ws(&j);
		buf_reset(&key);
		if (!j_string(&j, &key))
			goto out;
		j_ws(&j);
		if (j.p >= j.end || *j.p++ != ':')
			goto out;
		j_ws(&j);
		if (!*found && strcmp(buf_str(&key), "eventMessage") == 0 &&
		    j.p < j.end && *j.p == '"') {
			if (!j_string(&j, msg))
				goto out;
			*found = true;
		} else if (!j_value(&j, 1))
			goto out;
		j_ws(&j);
		if (j.p >= j.end)
			goto out;
		if (*j.p == '}') {
			j.p++;
			break;
		}
		if (*j.p++ != ',')
			goto out;
	}
end:
	j_ws(&j);
	ok = j.p == j.end;
out:
	buf_clear(&key);
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
	struct buf msg;
	enum denials_kind kind;
	bool found;

	memset(d, 0, sizeof *d);
	if (memchr(line, '\0', len) != NULL)
		return DENIALS_MALFORMED;
	if (is_banner(line, len))
		return DENIALS_BANNER;
	buf_init(&msg);
	if (!j_event_message(line, len, &msg, &found))
		kind = DENIALS_MALFORMED;
	else if (found && parse_message(buf_str(&msg), tag, d))
		kind = DENIALS_DENIAL;
	else
		kind = DENIALS_OTHER;
	buf_clear(&msg);
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
	struct buf b;
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
	}
	return buf_take(&b);
}

/* --- the log stream process --------------------------------------------- */

char *const denials_log_argv[] = {
	(char *)DENIALS_LOG_PATH, (char *)"stream", (char *)"--style",
	(char *)"ndjson", (char *)"--predicate", (char *)DENIALS_PREDICATE,
	NULL
};

/* The longest sleep between two looks at the cancel flag. */
#define LOG_STEP_MS	10

static bool
cancelled(const struct denials_log *lg)
{
	return lg->cancel != NULL && *lg->cancel != 0;
}

/*
 * Sleeps ms, or less when the cancel flag goes up: it is looked at every
 * LOG_STEP_MS, so a signal that came just before a nanosleep, which then
 * does not see it, costs that much at most.
 */
static void
sleep_ms(const struct denials_log *lg, int ms)
{
	struct timespec ts;
	int step;

	while (ms > 0 && !cancelled(lg)) {
		step = ms < LOG_STEP_MS ? ms : LOG_STEP_MS;
		ts.tv_sec = 0;
		ts.tv_nsec = (long)step * 1000000L;
		/* Interrupted: the flag may be up; look before going on. */
		(void)nanosleep(&ts, NULL);
		ms -= step;
	}
}

/* The log process has ended or is stopped here; reaps it. */
static void
stop_process(pid_t pid)
{
	int ws;

	/* Its own process group holds only it (and what it started). */
	if (kill(-pid, SIGTERM) == -1)
		(void)kill(pid, SIGTERM);
	while (waitpid(pid, &ws, 0) == -1 && errno == EINTR)
		;
}

/*
 * The log's output is read a chunk at a time, however much it wrote: a long
 * run can log far more than we want in memory at once.
 */
#define LOG_CHUNK	8192

/* pread(2), retried on EINTR. */
static ssize_t
pread_chunk(int fd, char *buf, size_t size, off_t off)
{
	ssize_t n;

	while ((n = pread(fd, buf, size, off)) == -1 && errno == EINTR)
		;
	return n;
}

/* How far the banner search of denials_log_start has got in the output. */
struct banner_scan {
	off_t	off;	/* bytes looked at */
	size_t	col;	/* of the current line, counted up to the prefix's */
	bool	same;	/* the current line so far starts as the banner does */
};

/*
 * True when a complete line starting with the banner is in the output;
 * each call goes on from where the last one stopped.
 */
static bool
scan_banner(int fd, struct banner_scan *sc)
{
	static const char prefix[] = DENIALS_BANNER_PREFIX;
	char chunk[LOG_CHUNK];
	ssize_t n, i;

	while ((n = pread_chunk(fd, chunk, sizeof chunk, sc->off)) > 0) {
		for (i = 0; i < n; i++) {
			if (chunk[i] == '\n') {
				if (sc->same && sc->col == sizeof prefix - 1)
					return true;
				sc->col = 0;
				sc->same = true;
			} else if (sc->col < sizeof prefix - 1) {
				if (chunk[i] != prefix[sc->col])
					sc->same = false;
				sc->col++;
			}
		}
		sc->off += n;
	}
	return false;
}

/* The start of the first line of the output, NUL-terminated, in buf. */
static void
first_line(int fd, char *buf, size_t size)
{
	ssize_t n;
	char *nl;

	if ((n = pread_chunk(fd, buf, size - 1, 0)) < 0)
		n = 0;
	buf[n] = '\0';
	if ((nl = memchr(buf, '\n', (size_t)n)) != NULL)
		*nl = '\0';
}

/* Feeds all of the output to ds, a chunk at a time. */
static void
feed_output(int fd, struct denials *ds)
{
	char chunk[LOG_CHUNK];
	off_t off = 0;
	ssize_t n;

	while ((n = pread_chunk(fd, chunk, sizeof chunk, off)) > 0) {
		denials_feed(ds, chunk, (size_t)n);
		off += n;
	}
}

int
denials_log_start(struct denials_log *lg, char *const argv[],
    const char *tmpdir, int timeout_ms, const volatile sig_atomic_t *cancel,
    struct sb_error *err)
{
	struct banner_scan sc;
	char *path, show[SB_SHOW_MAX], line[4 * SB_SHOW_MAX];
	sigset_t none;
	pid_t pid, w;
	int wfd = -1, rfd = -1, nullfd, waited, ws, i;

	lg->pid = 0;
	lg->fd = -1;
	lg->cancel = cancel;
	if ((wfd = launch_temp_open(launch_temp_dir(tmpdir),
	    "sbpolicy-log.XXXXXX", "a file", &path, err)) == -1)
		return -1;
	/* A second, independent offset for reading; then no name at all. */
	rfd = open(path, O_RDONLY);
	unlink(path);
	free(path);
	if (rfd == -1 || launch_set_cloexec(rfd) == -1 ||
	    launch_set_cloexec(wfd) == -1) {
		sb_error_set(err, SB_EIO, "log output file: %s",
		    strerror(errno));
		goto fail;
	}
	if ((pid = fork()) == -1) {
		sb_error_set(err, SB_EIO, "cannot start %s: %s", argv[0],
		    strerror(errno));
		goto fail;
	}
	if (pid == 0) {
		setpgid(0, 0);
		for (i = 0; launch_forwarded_signals[i] != 0; i++)
			signal(launch_forwarded_signals[i], SIG_DFL);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if ((nullfd = open("/dev/null", O_RDONLY)) != -1)
			dup2(nullfd, 0);
		dup2(wfd, 1);
		dup2(wfd, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	/* Also from here, so it is in its group before we might signal it. */
	setpgid(pid, pid);
	close(wfd);
	wfd = -1;
	lg->pid = pid;
	lg->fd = rfd;

	sc.off = 0;
	sc.col = 0;
	sc.same = true;
	for (waited = 0;; waited += LOG_STEP_MS) {
		if (scan_banner(rfd, &sc))
			return 0;
		if (cancelled(lg)) {
			sb_error_set(err, SB_EIO, "%s: interrupted before it "
			    "was ready", argv[0]);
			goto fail;
		}
		w = waitpid(pid, &ws, WNOHANG);
		if (w == pid) {
			lg->pid = 0;
			/* It may have written its last words after our read;
			 * they are at the start, and only their start shows. */
			first_line(rfd, line, sizeof line);
			sb_error_set(err, SB_EIO, "%s exited before it was "
			    "ready%s%s", argv[0], line[0] != '\0' ? ": " : "",
			    line[0] != '\0' ? sb_show(show, sizeof show, line) :
			    "");
			goto fail;
		}
		if (waited >= timeout_ms) {
			sb_error_set(err, SB_EIO, "%s was not ready after "
			    "%d ms", argv[0], timeout_ms);
			goto fail;
		}
		sleep_ms(lg, LOG_STEP_MS);
	}

fail:
	if (lg->pid > 0)
		stop_process(lg->pid);
	if (wfd != -1)
		close(wfd);
	if (rfd != -1)
		close(rfd);
	lg->pid = 0;
	lg->fd = -1;
	return -1;
}

void
denials_log_stop(struct denials_log *lg, int grace_ms, struct denials *ds)
{
	if (lg->pid > 0) {
		/* The kernel's records reach the log a little after the
		 * fact; a signal cuts the wait short. */
		sleep_ms(lg, grace_ms);
		stop_process(lg->pid);
		lg->pid = 0;
	}
	if (lg->fd != -1) {
		feed_output(lg->fd, ds);
		denials_finish(ds);
		close(lg->fd);
		lg->fd = -1;
	}
}
