/* SPDX-License-Identifier: ISC */
/* gen.c: the generator, params -> Seatbelt profile + -D parameters: its
 * entry point, paths and patterns, and the deny-read section. */
#include "config.h"

#include "gen-int.h"

#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "hash.h"
#include "params-fields.h"
#include "sbpl-data.h"
#include "xmalloc.h"

/* --- string sets: the roots, their directories, regex shapes ------------- */

/* Whether rs may hold a path of len bytes: most look-ups of a prefix
 * find no path of that length, and need neither a hash nor a probe. */
static inline bool
set_may_hold(const struct rootset *rs, size_t len)
{
	return (rs->lens[len >> 6 & 3] >> (len & 63) & 1) != 0;
}

/* The index of the root spelled by the first len bytes of path, whose hash
 * is h, or SIZE_MAX. */
size_t
gen_set_find_hashed(const struct rootset *rs, const char *path, size_t len,
    size_t h)
{
	const size_t *k;

	if (!set_may_hold(rs, len))
		return SIZE_MAX;
	k = strmap_get(&rs->index, path, len, h);
	return k != NULL ? *k : SIZE_MAX;
}

/* The index of the root spelled by the first len bytes of path, or SIZE_MAX. */
size_t
gen_set_find_len(const struct rootset *rs, const char *path, size_t len)
{
	if (!set_may_hold(rs, len))
		return SIZE_MAX;
	return gen_set_find_hashed(rs, path, len, hash_bytes(path, len));
}

/* Adds path (taking it) unless it is there already. */
void
gen_set_add(struct rootset *rs, char *path)
{
	struct root *r;
	size_t len = strlen(path), *k;
	int added;

	k = strmap_put(&rs->index, path, len, hash_bytes(path, len), &added);
	if (!added) {
		free(path);
		return;
	}
	if (rs->n == rs->cap) {
		rs->cap = rs->cap == 0 ? 8 : rs->cap * 2;
		rs->v = xreallocarray(rs->v, rs->cap, sizeof *rs->v);
	}
	*k = rs->n;
	rs->lens[len >> 6 & 3] |= (uint64_t)1 << (len & 63);
	r = &rs->v[rs->n++];
	memset(r, 0, sizeof *r);
	r->path = path;
	r->parent = SIZE_MAX;
}

void
gen_set_free(struct rootset *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		free(rs->v[i].path);
		strlist_clear(&rs->v[i].excl);
		free(rs->v[i].excl_name);
	}
	free(rs->v);
	strmap_clear(&rs->index);
	memset(rs, 0, sizeof *rs);
}

/* The JSON path of each warning's field, from the params field table
 * (PF_ROOT's is "", for a warning about no field in particular). */
static const char *const where_names[] = {
	[GEN_W_GENERAL] = params_fields[PF_ROOT].path,
	[GEN_W_WRITABLE_ROOT] = params_fields[PF_WRITABLE_ROOTS].path,
	[GEN_W_DENY_READ] = params_fields[PF_DENY_READ].path,
	[GEN_W_PROXY_PORT] = params_fields[PF_PROXY_PORTS].path,
	[GEN_W_LOCAL_BINDING] = params_fields[PF_ALLOW_LOCAL_BINDING].path,
	[GEN_W_ALLOW_ALL] = params_fields[PF_ALLOW_ALL].path,
	[GEN_W_SOCK_ALLOW] = params_fields[PF_SOCK_ALLOW].path,
	[GEN_W_SOCK_DENY] = params_fields[PF_SOCK_DENY].path,
	[GEN_W_BASE] = "the base policy",	/* no field: built in */
	[GEN_W_FS_MODE] = params_fields[PF_FS_MODE].path,
	[GEN_W_INCLUDE_CWD] = params_fields[PF_INCLUDE_CWD].path,
	[GEN_W_INCLUDE_TMP] = params_fields[PF_INCLUDE_SLASH_TMP].path,
	[GEN_W_INCLUDE_TMPDIR] = params_fields[PF_INCLUDE_TMPDIR].path,
	[GEN_W_PROTECTED_NAME] = params_fields[PF_PROTECTED_NAMES].path,
	[GEN_W_NET_MODE] = params_fields[PF_NET_MODE].path,
	[GEN_W_BUILTIN_DENY] = params_fields[PF_BUILTIN_DENIES].path,
};

/* A where added at the end of the enum without a name here would be a NULL
 * that gen_warn writes out. */
_Static_assert(sizeof where_names / sizeof where_names[0] ==
    GEN_W_BUILTIN_DENY + 1, "where_names misses a gen_where");

const char *
gen_where_name(enum gen_where where)
{
	return where_names[where];
}

void
gen_warn(struct gen *g, enum gen_where where, size_t index, const char *fmt, ...)
{
	struct gen_result *r = g->out;
	struct gen_warning *w;
	struct buf b;
	va_list ap;
	char *text;

	if (r->nwarnings == g->wcap) {
		g->wcap = g->wcap == 0 ? 8 : g->wcap * 2;
		r->warnings = xreallocarray(r->warnings, g->wcap, sizeof *w);
	}
	va_start(ap, fmt);
	xvasprintf(&text, fmt, ap);
	va_end(ap);
	buf_init(&b);
	buf_puts(&b, where_names[where]);
	if (index != GEN_NO_INDEX)
		buf_printf(&b, "[%zu]", index);
	if (b.len != 0)
		buf_puts(&b, ": ");
	buf_puts(&b, text);
	free(text);
	w = &r->warnings[r->nwarnings++];
	w->where = where;
	w->index = index;
	w->msg = buf_take(&b);
}

size_t
gen_origin_open(struct gen *g, const struct buf *b, enum gen_where where,
    size_t index)
{
	struct gen_result *r = g->out;
	struct gen_origin *o;

	if (r->norigins == g->ocap) {
		g->ocap = g->ocap == 0 ? 64 : g->ocap * 2;
		r->origins = xreallocarray(r->origins, g->ocap, sizeof *o);
	}
	o = &r->origins[r->norigins];
	o->start = o->end = b->len;
	o->where = where;
	o->index = index;
	return r->norigins++;
}

void
gen_origin_close(struct gen *g, const struct buf *b, size_t slot)
{
	struct gen_result *r = g->out;
	struct gen_origin *o = &r->origins[slot];

	o->end = b->len;
	/* Nothing written: whatever opened inside it was empty as well, and
	 * closed (dropped) first, so it is the last. */
	if (o->end == o->start && slot == r->norigins - 1)
		r->norigins--;
}

const struct gen_origin *
gen_origin_at(const struct gen_result *r, size_t off)
{
	size_t lo = 0, hi = r->norigins, mid;

	/* The first origin that starts after off... */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (r->origins[mid].start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	/*
	 * ...and back from there, to the first that still covers off: the
	 * ranges covering it nest, so the one that starts last (the later
	 * of two that start together) is the innermost. The walk passes
	 * only ranges that ended before off: none inside an entry's text,
	 * many only for an offset between the terms of a long rule, and
	 * this runs once per question, not once per entry.
	 */
	while (lo > 0) {
		lo--;
		if (off < r->origins[lo].end)
			return &r->origins[lo];
	}
	return NULL;
}

/* The byte order of gen_sort's paths: '/' first, the rest as they are
 * (none is 0, which stands for the end). */
static inline unsigned
path_byte(unsigned char c)
{
	return c == '/' ? 1 : c < '/' ? c + 1u : c;
}

/* Bytes off to off + 8 of k's text as a big-endian number, 0 past its end. */
static inline uint64_t
key_head(const struct gen_key *k, size_t off, bool paths)
{
	const unsigned char *p = (const unsigned char *)k->s + off;
	size_t i, n = k->len > off ? k->len - off : 0;
	uint64_t h = 0;

	if (n >= 8 && !paths)
		return (uint64_t)p[0] << 56 | (uint64_t)p[1] << 48 |
		    (uint64_t)p[2] << 40 | (uint64_t)p[3] << 32 |
		    (uint64_t)p[4] << 24 | (uint64_t)p[5] << 16 |
		    (uint64_t)p[6] << 8 | p[7];
	for (i = 0; i < 8; i++)
		h = h << 8 | (i >= n ? 0 : paths ? path_byte(p[i]) : p[i]);
	return h;
}

/* Stable sort of the n heads and their places v, on the bytes of the
 * heads that differ somewhere (vary); tmp and vtmp hold n each. */
static void
sort_heads(uint64_t *head, size_t *v, size_t n, uint64_t vary,
    uint64_t *tmp, size_t *vtmp)
{
	size_t count[256], i, j, b, sum, c, *vfrom, *vto, *vswap;
	uint64_t h, *from, *to, *swap;

	if (n < 32) {
		/* Insertion: for the short runs, most of them. */
		for (i = 1; i < n; i++) {
			h = head[i];
			c = v[i];
			for (j = i; j > 0 && head[j - 1] > h; j--) {
				head[j] = head[j - 1];
				v[j] = v[j - 1];
			}
			head[j] = h;
			v[j] = c;
		}
		return;
	}
	/* A pass a byte that varies, from the last, each from one pair of
	 * arrays into the other. */
	from = head;
	vfrom = v;
	to = tmp;
	vto = vtmp;
	for (b = 0; b < 64; b += 8) {
		if ((vary >> b & 0xff) == 0)
			continue;
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[from[i] >> b & 0xff]++;
		for (i = 0, sum = 0; i < 256; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++) {
			j = count[from[i] >> b & 0xff]++;
			to[j] = from[i];
			vto[j] = vfrom[i];
		}
		swap = from;
		from = to;
		to = swap;
		vswap = vfrom;
		vfrom = vto;
		vto = vswap;
	}
	if (from != head) {
		memcpy(head, from, n * sizeof *head);
		memcpy(v, vfrom, n * sizeof *v);
	}
}

/* Sorts the n places v of k on their text from off on; head, tmp and vtmp
 * hold n each. */
static void
sort_run(const struct gen_key *k, size_t *v, size_t n, size_t off,
    bool paths, uint64_t *head, uint64_t *tmp, size_t *vtmp)
{
	uint64_t all, any;
	size_t i, j;
	bool more;

	/* Past the bytes they all share, 8 at a time. */
	for (;;) {
		all = ~(uint64_t)0;
		any = 0;
		more = false;
		for (i = 0; i < n; i++) {
			head[i] = key_head(&k[v[i]], off, paths);
			all &= head[i];
			any |= head[i];
			more = more || k[v[i]].len > off + 8;
		}
		if (all != any)
			break;
		if (!more)
			return;	/* all the same string */
		off += 8;
	}
	sort_heads(head, v, n, all ^ any, tmp, vtmp);
	/* Equal heads: the next 8 bytes decide. */
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && head[j] == head[i]; j++)
			;
		if (j - i > 1)
			sort_run(k, v + i, j - i, off + 8, paths, head + i,
			    tmp, vtmp);
	}
}

void
gen_sort(struct gen_key *k, size_t n, bool paths)
{
	struct gen_key save;
	uint64_t *head, *tmp;
	size_t *v, *vtmp, i, j, next;

	if (n < 2)
		return;
	head = xreallocarray(NULL, n, sizeof *head);
	tmp = xreallocarray(NULL, n, sizeof *tmp);
	v = xreallocarray(NULL, n, sizeof *v);
	vtmp = xreallocarray(NULL, n, sizeof *vtmp);
	for (i = 0; i < n; i++)
		v[i] = i;
	sort_run(k, v, n, 0, paths, head, tmp, vtmp);
	/* k[i] = k[v[i]] in place, a cycle at a time. */
	for (i = 0; i < n; i++) {
		if (v[i] == i)
			continue;
		save = k[i];
		for (j = i; v[j] != i; j = next) {
			next = v[j];
			k[j] = k[next];
			v[j] = j;
		}
		k[j] = save;
		v[j] = j;
	}
	free(vtmp);
	free(v);
	free(tmp);
	free(head);
}

/* a then b, as a new string; no printf: this runs once per entry. */
char *
gen_concat(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *out = xmalloc(na + nb + 1);

	memcpy(out, a, na);
	memcpy(out + na, b, nb + 1);
	return out;
}

struct gen_store {
	struct gen_store	*prev;
	size_t			 used;
	size_t			 cap;
	char			 data[];
};

/* Blocks double from the first to the largest, so that the default
 * policy takes one small block and a large one no more than a few. */
#define STORE_FIRST	4096
#define STORE_MAX	(1024 * 1024)

char *
gen_store_add(struct gen_store **st, const char *s, size_t n)
{
	struct gen_store *b = *st;
	size_t cap;
	char *out;

	if (b == NULL || b->cap - b->used < n + 1) {
		cap = b == NULL ? STORE_FIRST : b->cap < STORE_MAX ?
		    b->cap * 2 : STORE_MAX;
		if (cap < n + 1)
			cap = n + 1;
		b = xmalloc(sizeof *b + cap);
		b->prev = *st;
		b->used = 0;
		b->cap = cap;
		*st = b;
	}
	out = b->data + b->used;
	memcpy(out, s, n);
	out[n] = '\0';
	b->used += n + 1;
	return out;
}

void
gen_store_free(struct gen_store *st)
{
	struct gen_store *prev;

	for (; st != NULL; st = prev) {
		prev = st->prev;
		free(st);
	}
}

/* Adds parameter key, whose value is value, of vlen bytes (a socket's
 * path, whose length is known: it is far from the cache by then), in the
 * result's store. */
void
gen_add_param_stored(struct gen *g, const char *key, char *value,
    size_t vlen)
{
	struct gen_result *r = g->out;
	size_t klen = strlen(key);

	if (r->nparams == g->pcap) {
		g->pcap = g->pcap == 0 ? 16 : g->pcap * 2;
		r->params = xreallocarray(r->params, g->pcap,
		    sizeof *r->params);
	}
	r->params[r->nparams].key = gen_store_add(&r->store, key, klen);
	r->params[r->nparams].value = value;
	r->nparams++;
	g->pbytes += klen + vlen + 4;
}

void
gen_add_param(struct gen *g, const char *key, const char *value)
{
	size_t vlen = strlen(value);

	gen_add_param_stored(g, key, gen_store_add(&g->out->store, value,
	    vlen), vlen);
}

/* "~" and "~/x" against ctx->home; anything else cleaned as it is. */
char *
gen_expand(const char *path, const struct gen_ctx *ctx, const char *what,
    struct sb_error *err)
{
	char show[SB_SHOW_MAX], *joined, *clean;

	if (path[0] != '~')
		return path_clean(path);
	if (ctx->home == NULL || ctx->home[0] != '/') {
		sb_error_set(err, SB_EINVAL, "%s: cannot expand %s: $HOME is "
		    "not set to an absolute path", what,
		    sb_show(show, sizeof show, path));
		return NULL;
	}
	xasprintf(&joined, "%s/%s", ctx->home, path[1] == '/' ? path + 2 : "");
	clean = path_clean(joined);
	free(joined);
	return clean;
}

/*
 * A pattern (a deny_read entry, a glob socket entry) split where its first
 * wildcard component starts: *lit is the literal directory before it as
 * text ("~" expanded against ctx->home, escapes removed, cleaned; "" for
 * none), *rest the glob text after it (from a '/', or a whole pattern
 * starting with "**"; "" when there is no wildcard). The home directory and
 * the escaped prefix are never read as glob syntax.
 */
int
gen_pattern_split(const char *path, const struct gen_ctx *ctx, const char *what,
    char **lit, const char **rest, struct sb_error *err)
{
	const char *text = path, *base = "";
	char show[SB_SHOW_MAX], *raw, *joined;
	size_t n;

	*lit = NULL;
	if (strncmp(path, "**", 2) == 0) {
		*lit = xstrdup("");	/* a glob anchored nowhere */
		*rest = path;
		return 0;
	}
	if (path[0] == '~') {
		if (ctx->home == NULL || ctx->home[0] != '/') {
			sb_error_set(err, SB_EINVAL, "%s: cannot expand %s: "
			    "$HOME is not set to an absolute path", what,
			    sb_show(show, sizeof show, path));
			return -1;
		}
		base = ctx->home;
		text = path + 1;
	}
	n = glob_literal_len(text);
	raw = glob_unescape(text, n);
	joined = gen_concat(base, raw);
	*lit = joined[0] == '\0' ? xstrdup("") : path_clean(joined);
	*rest = text + n;
	free(joined);
	free(raw);
	return 0;
}

/*
 * A params path as the kernel will see it: "~/" expanded, cleaned and
 * canonicalised. A pattern (as_pattern) is split first and only its literal
 * directory canonicalised: the result is that canonical text followed by
 * the glob text, and *literal is the length of the former, so that a
 * symlink whose target holds '*' or '[' stays literal text.
 */
char *
gen_resolve(const char *path, bool as_pattern, const struct gen_ctx *ctx,
    struct path_cache *pc, const char *what, size_t *literal,
    struct sb_error *err)
{
	const char *rest, *plain;
	char *clean, *lit, *canon, *out;

	*literal = 0;
	/* The common case, a clean absolute path (so no "~" either),
	 * without a copy to clean. */
	if (!as_pattern && (plain = path_cache_canon_clean(pc, path,
	    literal)) != NULL)
		return xstrndup(plain, *literal);
	if (!as_pattern) {
		if ((clean = gen_expand(path, ctx, what, err)) == NULL)
			return NULL;
		out = path_cache_canon(pc, clean);
		free(clean);
		*literal = strlen(out);
		return out;
	}
	if (gen_pattern_split(path, ctx, what, &lit, &rest, err) == -1)
		return NULL;
	canon = lit[0] == '\0' ? xstrdup("") : path_cache_canon(pc, lit);
	if (strcmp(canon, "/") == 0 && rest[0] == '/')
		canon[0] = '\0';	/* the glob text brings its own '/' */
	out = gen_concat(canon, rest);
	*literal = strlen(canon);
	free(canon);
	free(lit);
	return out;
}

char *
gen_resolve_path(const char *path, bool as_pattern, const struct gen_ctx *ctx,
    struct sb_error *err)
{
	struct path_cache *pc = path_cache_new(ctx->fs);
	size_t literal;
	char *canon;

	canon = gen_resolve(path, as_pattern, ctx, pc, "path", &literal, err);
	path_cache_free(pc);
	return canon;
}

/*
 * The anchored regex of s, whose first `literal` bytes are text and the
 * rest glob text. dir_tail adds "and everything below". Returns a new
 * string, or NULL with err set for glob text that cannot mean what it
 * looks like.
 */
char *
gen_pattern_regex(struct gen *g, const char *s, size_t literal, bool dir_tail,
    const char *what)
{
	struct buf b, skel;
	int rc = 0;

	buf_init(&b);
	buf_putc(&b, '^');
	if (dir_tail && strcmp(s, "/") == 0) {
		buf_puts(&b, "/.*$");	/* the root: everything */
		return buf_take(&b);
	}
	glob_regex_literal(&b, s, literal);
	buf_init(&skel);
	buf_putc(&skel, '^');
	if (glob_regex(&b, &skel, s + literal, what, g->err) == -1) {
		buf_clear(&skel);
		buf_clear(&b);
		return NULL;
	}
	if (dir_tail && !glob_ends_in_any(s + literal))
		buf_puts(&b, "(/.*)?");
	buf_putc(&b, '$');
	buf_putc(&skel, '$');
	/*
	 * A regex that does not compile would match nothing, silently. Its
	 * literal characters, escaped, cannot break it: regcomp is asked
	 * about its skeleton (glob.h), once per shape, so that a hundred
	 * thousand patterns of a few shapes cost a few compiles.
	 */
	if (gen_set_find_len(&g->shapes, skel.data, skel.len) == SIZE_MAX) {
		if ((rc = glob_regex_check(buf_str(&skel), what, g->err)) == 0)
			gen_set_add(&g->shapes, buf_take(&skel));
	}
	buf_clear(&skel);
	if (rc == -1) {
		buf_clear(&b);
		return NULL;
	}
	return buf_take(&b);
}

/*
 * Appends s as an SBPL string literal: `\` and `"` escaped, nothing else
 * touched. Returns -1 when s is longer than the profile reader accepts in
 * one string (the limit is on the string read, not on its escaped form).
 */
int
gen_string_literal(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	const char *from = s;

	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s != '\\' && *s != '"')
			continue;
		buf_add(b, from, (size_t)(s - from));
		buf_putc(b, '\\');
		from = s;
	}
	buf_add(b, from, (size_t)(s - from));
	buf_putc(b, '"');
	return n > GEN_LITERAL_MAX ? -1 : 0;
}

static bool
has_control(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	}
	return false;
}

/* Appends a (regex "...") filter; errors name the params entry. */
int
gen_regex_filter(struct gen *g, struct buf *b, const char *regex, const char *what)
{
	if (has_control(regex)) {
		/* Only -D values may hold them; this is profile text. */
		sb_error_set(g->err, SB_EINVAL, "%s: a pattern with a control "
		    "character cannot be written into a profile", what);
		return -1;
	}
	buf_puts(b, "(regex ");
	if (gen_string_literal(b, regex) == -1) {
		sb_error_set(g->err, SB_ELIMIT, "%s: the pattern becomes a "
		    "regex of more than %d bytes, which the profile reader "
		    "rejects", what, GEN_LITERAL_MAX);
		return -1;
	}
	buf_putc(b, ')');
	return 0;
}

/* --- deny read ----------------------------------------------------------- */

/*
 * The regex pieces of the directories above one deny_read entry that lie
 * inside a writable root (or may hold one, for a wildcard directory): the
 * first piece is the whole regex of the shallowest such directory, each
 * later one adds a component. s is the resolved entry, literal the length
 * of its text part; a plain path (no glob text) is not its own ancestor.
 * Returns the number of pieces that are not roots (those have their own
 * guard), or -1 with err set.
 */
static ssize_t
deny_ancestors(struct gen *g, const char *s, size_t literal,
    struct strlist *pieces, const char *what)
{
	struct buf full, piece;
	const char *rest = s + literal, *end;
	char *comp;
	size_t i, from = 0, h;
	ssize_t fresh = 0;
	bool inside;

	inside = g->all_writable ||
	    gen_set_find_len(&g->roots, "/", 1) != SIZE_MAX;
	buf_init(&full);
	buf_init(&piece);
	/* The text part, a component at a time; the hash of each prefix is
	 * carried along, so that a deep path costs no more than its length. */
	h = hash_bytes(s, 0);
	for (i = 1; i <= literal; i++) {
		h = hash_more(h, s[i - 1]);
		if (i < literal && s[i] != '/')
			continue;
		if (i == literal && *rest == '\0')
			break;	/* the path itself: file-write* covers it */
		buf_reset(&piece);
		glob_regex_literal(&piece, s + from, i - from);
		buf_add(&full, piece.data, piece.len);
		from = i;
		if (gen_set_find_hashed(&g->roots, s, i, h) != SIZE_MAX)
			inside = true;
		else if (inside)
			fresh++;
		if (inside)
			strlist_add(pieces, pieces->n != 0 ? buf_str(&piece) :
			    buf_str(&full));
	}
	/* The glob part, up to its last component or its first "**": a
	 * directory under "**" can be renamed without leaving the pattern. */
	if (*rest != '\0' && (inside || literal == 0 ||
	    gen_set_find_len(&g->root_dirs, s, literal) != SIZE_MAX)) {
		while (*rest == '/') {
			if ((end = strchr(rest + 1, '/')) == NULL)
				break;
			if (end - rest == 3 && rest[1] == '*' && rest[2] == '*')
				break;
			comp = xstrndup(rest, (size_t)(end - rest));
			buf_reset(&piece);
			if (glob_regex(&piece, NULL, comp, what,
			    g->err) == -1) {
				free(comp);
				fresh = -1;
				break;
			}
			free(comp);
			buf_add(&full, piece.data, piece.len);
			strlist_add(pieces, pieces->n != 0 ? buf_str(&piece) :
			    buf_str(&full));
			fresh++;
			rest = end;
		}
	}
	buf_clear(&full);
	buf_clear(&piece);
	return fresh;
}

/*
 * The guard rule for the ancestors in pieces: one regex that matches each
 * of them, nested as ^A(/b(/c)?)?$ so that its size stays linear in the
 * path. Returns 0, or -1 with err set when it would pass the string
 * literal limit (splitting it would repeat the directories, quadratic in
 * the depth).
 */
static int
guard_rule(struct gen *g, struct buf *b, const struct strlist *pieces,
    const char *what)
{
	struct buf re;
	size_t k;

	buf_init(&re);
	buf_putc(&re, '^');
	buf_puts(&re, pieces->v[0]);
	for (k = 1; k < pieces->n; k++) {
		buf_putc(&re, '(');
		buf_puts(&re, pieces->v[k]);
	}
	for (k = 1; k < pieces->n; k++)
		buf_puts(&re, ")?");
	buf_putc(&re, '$');
	/* Not through regex_filter's checks: the pieces are those of the
	 * entry's own regex, and the groups around them are balanced. */
	buf_puts(b, "(deny file-write-unlink (regex ");
	if (gen_string_literal(b, buf_str(&re)) == -1) {
		sb_error_set(g->err, SB_ELIMIT, "%s: %zu directories lie between "
		    "it and its writable root; the regex that keeps them from "
		    "being moved would pass %d bytes: deny a shorter path", what,
		    pieces->n, GEN_LITERAL_MAX);
		buf_clear(&re);
		return -1;
	}
	buf_puts(b, "))\n");
	buf_clear(&re);
	return 0;
}

/* Fails when the profile so far (b) would pass GEN_OUTPUT_MAX. */
int
gen_output_check(struct gen *g, const struct buf *b)
{
	if (g->done + g->pbytes + (b->len - g->start) <= GEN_OUTPUT_MAX)
		return 0;
	sb_error_set(g->err, SB_ELIMIT, "the profile would be larger than "
	    "%d MiB: fewer or shorter entries", GEN_OUTPUT_MAX >> 20);
	return -1;
}

/*
 * Whether a deny_read regex takes in the whole disk: the shell and the
 * dynamic linker, which every command needs, among the rest.
 */
static bool
denies_everything(const char *regex)
{
	static const char *const probes[] = { "/bin/sh", "/usr/lib/dyld" };
	regex_t re;
	size_t i;
	bool all = true;

	if (regcomp(&re, regex, REG_EXTENDED | REG_NOSUB) != 0)
		return false;
	for (i = 0; i < sizeof probes / sizeof probes[0] && all; i++)
		all = regexec(&re, probes[i], 0, NULL, 0) == 0;
	regfree(&re);
	return all;
}

static int
section_deny_read(struct gen *g, struct buf *b)
{
	const struct params *p = g->p;
	struct strlist pieces;
	struct buf filter;
	char *path, *regex, what[80];
	size_t i, literal, slot;
	ssize_t fresh;
	int rc = 0;

	if (p->deny_read.n == 0)
		return 0;
	buf_init(&filter);
	memset(&pieces, 0, sizeof pieces);
	buf_puts(b, "; never readable, never writable, and not to be moved "
	    "away: the directories\n; above them inside a writable root "
	    "cannot be removed or renamed\n");
	for (i = 0; i < p->deny_read.n && rc == 0; i++) {
		gen_key_num(what, "filesystem.deny_read[", i);
		strcat(what, "]");
		if ((path = gen_resolve(p->deny_read.v[i], true, g->ctx, g->pc,
		    what, &literal, g->err)) == NULL) {
			rc = -1;
			break;
		}
		if ((regex = gen_pattern_regex(g, path, literal, true,
		    what)) == NULL) {
			free(path);
			rc = -1;
			break;
		}
		/* No literal start but "/": no regcomp for the others. */
		if (literal <= 1 && denies_everything(regex))
			gen_warn(g, GEN_W_DENY_READ, i, "it covers every path, "
			    "which makes every file unreadable, the command's "
			    "own programs and libraries included");
		buf_reset(&filter);
		rc = gen_regex_filter(g, &filter, regex, what);
		if (rc == 0) {
			slot = gen_origin_open(g, b, GEN_W_DENY_READ, i);
			buf_puts(b, "(deny file-read* ");
			buf_add(b, filter.data, filter.len);
			buf_puts(b, ")\n(deny file-write* ");
			buf_add(b, filter.data, filter.len);
			buf_puts(b, ")\n");
			fresh = deny_ancestors(g, path, literal, &pieces, what);
			if (fresh == -1)
				rc = -1;
			else if (fresh > 0)
				rc = guard_rule(g, b, &pieces, what);
			gen_origin_close(g, b, slot);
			strlist_clear(&pieces);
		}
		if (rc == 0)
			rc = gen_output_check(g, b);
		free(regex);
		free(path);
	}
	buf_clear(&filter);
	strlist_clear(&pieces);
	return rc;
}

/* --- the entry point ----------------------------------------------------- */

/* The whole disk is readable in every mode, but for deny_read (after). */
static int
section_read(struct gen *g, struct buf *b)
{
	(void)g;
	buf_puts(b, "; allow read-only file operations\n(allow file-read*)\n");
	return 0;
}

/* Frees the work state of a render; on failure the result too. */
static int
gen_done(struct gen *g, int rc)
{
	path_cache_free(g->pc);
	free(g->home);
	gen_socks_free(g->builtin, g->nbuiltin);
	for (; g->nbuiltin > 0; g->nbuiltin--)
		free(g->probes[g->nbuiltin - 1]);
	free(g->probes);
	free(g->builtin_used);
	gen_set_free(&g->builtin_paths);
	gen_set_free(&g->builtin_dirs);
	gen_set_free(&g->roots);
	gen_set_free(&g->root_dirs);
	gen_set_free(&g->shapes);
	if (rc == -1)
		gen_result_clear(g->out);
	return rc;
}

int
gen_render(const struct params *p, const struct gen_ctx *ctx,
    struct gen_result *out, struct sb_error *err)
{
	/* The sections in order, each with the field its text is from where
	 * no entry's range is narrower. */
	static const struct {
		int		(*fn)(struct gen *, struct buf *);
		enum gen_where	 where;
	} sections[] = {
		{ section_read, GEN_W_BASE },
		{ gen_section_write, GEN_W_FS_MODE },
		{ section_deny_read, GEN_W_DENY_READ },
		{ gen_section_network, GEN_W_NET_MODE },
	};
	struct gen g;
	struct buf profile;
	size_t i, slot;

	memset(out, 0, sizeof *out);
	memset(&g, 0, sizeof g);
	g.p = p;
	g.ctx = ctx;
	g.err = err;
	g.out = out;
	g.pc = path_cache_new(ctx->fs);

	if (p->fs_mode != FS_WORKSPACE_WRITE && p->writable_roots.n != 0)
		gen_warn(&g, GEN_W_WRITABLE_ROOT, GEN_NO_INDEX, "no effect unless "
		    "filesystem.mode is workspace-write");
	if (gen_roots_build(&g) == -1)
		return gen_done(&g, -1);

	buf_init(&profile);
	slot = gen_origin_open(&g, &profile, GEN_W_BASE, GEN_NO_INDEX);
	buf_puts(&profile, sbpl_base);
	gen_origin_close(&g, &profile, slot);
	for (i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		/* Into the profile itself, after the newline that sets it
		 * apart (taken back when the section has no text): a large
		 * section is not copied. */
		g.done = profile.len;
		buf_putc(&profile, '\n');
		g.start = profile.len;
		slot = gen_origin_open(&g, &profile, sections[i].where,
		    GEN_NO_INDEX);
		if (sections[i].fn(&g, &profile) == -1 ||
		    gen_output_check(&g, &profile) == -1) {
			buf_clear(&profile);
			return gen_done(&g, -1);
		}
		gen_origin_close(&g, &profile, slot);
		if (profile.len == g.start)
			profile.data[--profile.len] = '\0';
	}
	out->profile = buf_take(&profile);
	return gen_done(&g, 0);
}

void
gen_result_clear(struct gen_result *r)
{
	size_t i;

	if (r == NULL)
		return;
	free(r->profile);
	if (r->store != NULL)
		gen_store_free(r->store);
	else {
		for (i = 0; i < r->nparams; i++) {
			free(r->params[i].key);
			free(r->params[i].value);
		}
	}
	free(r->params);
	for (i = 0; i < r->nwarnings; i++)
		free(r->warnings[i].msg);
	free(r->warnings);
	free(r->origins);
	memset(r, 0, sizeof *r);
}
