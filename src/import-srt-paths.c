/* SPDX-License-Identifier: ISC */
/*
 * import-srt-paths.c: srt's paths in the form params keep, and the
 * filesystem lists: allowWrite into the writable roots, with srt's own,
 * then denyWrite and denyRead read against them.
 */
#include "config.h"

#include "import-srt-int.h"

#include <fnmatch.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "hash.h"
#include "json.h"
#include "params.h"
#include "path.h"
#include "strmap.h"
#include "xmalloc.h"

/*
 * What srt makes writable whatever the file says (getDefaultWritePaths:
 * SANDBOX_OWN_WRITE_PATHS and HOME_CONVENIENCE_WRITE_DIRS) and sbpolicy's
 * base policy does not: the directory srt points TMPDIR at, which it never
 * leaves out, and two of $HOME, which it leaves out when a read-deny
 * covers them. Its devices (/dev/stdout, /dev/null, /dev/tty, ...) are in
 * the base policy, /dev/autofs_nowait aside.
 */
#define SRT_TMPDIR	"/tmp/claude"
static const char *const srt_home_dirs[] = {
	"~/.npm/_logs", "~/.claude/debug",
};

/* Appends s to l unless seen (l's strings so far) holds it already. */
static void
add_unique(struct strmap *seen, struct strlist *l, const char *s)
{
	size_t len = strlen(s), h = hash_bytes(s, len);

	if (strmap_get(seen, s, len, h) != NULL)
		return;
	strlist_add(l, s);
	(void)strmap_put(seen, l->v[l->n - 1], len, h, NULL);
}

/* --- paths -------------------------------------------------------------- */

/* Whether s is relative to srt: neither absolute nor "~" nor "~/...". */
static bool
srt_relative(const char *s)
{
	return s[0] != '/' && strcmp(s, "~") != 0 && strncmp(s, "~/", 2) != 0;
}

/*
 * An entry of denyRead, allowRead, allowWrite or denyWrite: a spelling
 * (*literal false), or {"path": PATH, "literal": true}, which srt never
 * reads as a pattern. *s is borrowed from the tree.
 */
static int
path_entry(struct imp *im, const cJSON *v, const char **s, bool *literal)
{
	static const char shape[] =
	    "expected a path, or {\"path\": PATH, \"literal\": true}";
	char show[VALUE_SHOW_MAX + 8];
	const cJSON *c, *path = NULL, *lit = NULL;
	size_t k;

	*literal = false;
	if (cJSON_IsString(v)) {
		if (v->valuestring[0] == '\0')
			return import_srt_fail(im, false,
			    "path cannot be empty");
		*s = v->valuestring;
		return 0;
	}
	if (!cJSON_IsObject(v))
		return import_srt_fail(im, false, "%s, got %s: %s", shape,
		    json_type_name(v), import_srt_value_text(im, show,
		    sizeof show));
	/* srt refuses any other key here, and so does this. */
	for (c = v->child, k = 0; c != NULL; c = c->next, k++) {
		if (strcmp(c->string, "path") == 0 && path == NULL)
			path = c;
		else if (strcmp(c->string, "literal") == 0 && lit == NULL)
			lit = c;
		else {
			import_srt_push(im, c->string, k);
			import_srt_fail(im, true, "%s", shape);
			import_srt_pop(im);
			return -1;
		}
	}
	if (path == NULL || lit == NULL || !cJSON_IsTrue(lit) ||
	    !cJSON_IsString(path))
		return import_srt_fail(im, false, "%s, got %s", shape,
		    import_srt_value_text(im, show, sizeof show));
	if (path->valuestring[0] == '\0')
		return import_srt_fail(im, false, "path cannot be empty");
	*s = path->valuestring;
	*literal = true;
	return 0;
}

/*
 * An srt path in the form params keep: "~" and "~/..." as they are, an
 * absolute path cleaned, anything else joined to the cwd, as srt joins it
 * ("~user" too: srt expands only "~" and "~/"). With pattern, s is glob
 * text (a deny_read entry), joined to the cwd as escaped text. NULL with
 * im->err set when params cannot hold it (too long).
 */
char *
import_srt_stored_path(struct imp *im, const char *s, bool pattern)
{
	struct sb_error e;
	char *rel = NULL, *out, *what;

	if (srt_relative(s)) {
		xasprintf(&rel, "./%s", s);
		s = rel;
	}
	sb_error_init(&e);
	what = json_path_str(&im->path);
	out = params_path_from_cli(s, im->cwd, pattern, what, &e);
	free(what);
	free(rel);
	if (out == NULL)
		json_fail_at(im->doc, json_locate(im->doc, &im->path, false),
		    im->err, e.code, "%s", e.msg);
	return out;
}

/*
 * A stored path in the form two can be compared in: "~" expanded when
 * $HOME is known, and /tmp, /var, /etc as /private/tmp, /private/var,
 * /private/etc, where macOS links them. Lexical: a comparison of what the
 * file says, before the generator resolves links.
 */
static char *
compare_form(const struct imp *im, const char *s)
{
	static const char *const linked[] = { "/tmp", "/var", "/etc" };
	const char *home = im->ctx->home;
	char *x, *out;
	size_t i, n;

	if (s[0] == '~' && home != NULL && home[0] == '/')
		xasprintf(&x, "%s/%s", home, s + 1);
	else
		x = xstrdup(s);
	out = x[0] == '/' ? path_clean(x) : xstrdup(x);
	free(x);
	for (i = 0; i < sizeof linked / sizeof linked[0]; i++) {
		n = strlen(linked[i]);
		if (strncmp(out, linked[i], n) == 0 &&
		    (out[n] == '/' || out[n] == '\0')) {
			xasprintf(&x, "/private%s", out);
			free(out);
			return x;
		}
	}
	return out;
}

/* --- writable roots ----------------------------------------------------- */

/*
 * Each path of roots (n of them, NULL ones left out) and every directory
 * above it into map m, to its index: the first root at a place is the
 * one named. One lookup then says whether a path is at or above a root,
 * whatever the number of roots.
 */
static void
dirs_build(struct strmap *m, char *const *roots, size_t n)
{
	const char *r;
	size_t i, k, len, h, *slot;
	int added;

	for (i = 0; i < n; i++) {
		if ((r = roots[i]) == NULL)
			continue;
		k = strlen(r);
		h = hash_bytes(r, 0);
		for (len = 1; len <= k; len++) {
			h = hash_more(h, r[len - 1]);
			/* Each directory above r ("/" first), and r. */
			if (len < k && r[len] != '/' && !(len == 1 &&
			    r[0] == '/'))
				continue;
			slot = strmap_put(m, r, len, h, &added);
			if (added)
				*slot = i;
		}
	}
}

/*
 * im->root_paths and im->root_dirs: each writable root (compare_form, 0
 * the cwd, 1 /tmp, 2 + i writable root i), once the roots are final, for
 * deny_read_roots.
 */
static void
root_dirs_build(struct imp *im)
{
	struct params *p = im->p;
	size_t i;

	im->root_paths = xcalloc(p->writable_roots.n + 2,
	    sizeof *im->root_paths);
	if (p->include_cwd)
		im->root_paths[0] = compare_form(im, im->cwd);
	if (p->include_slash_tmp)
		im->root_paths[1] = compare_form(im, "/tmp");
	for (i = 0; i < p->writable_roots.n; i++)
		im->root_paths[i + 2] = compare_form(im, p->writable_roots.v[i]);
	im->nroot_paths = p->writable_roots.n + 2;
	dirs_build(&im->root_dirs, im->root_paths, im->nroot_paths);
}

/*
 * Warns when the deny_read entry stored (from srt's s) is at or above a
 * writable root: srt's denyRead leaves writing alone, sbpolicy's
 * deny_read refuses it too, and a whole root that cannot be written is
 * worth a word. (Below a root, what it covers is not writable either, as
 * the documentation says.) A pattern is let be: it names what it matches.
 */
static void
deny_read_roots(struct imp *im, const char *s, const char *stored)
{
	char show[SB_SHOW_MAX], root[SB_SHOW_MAX + 64], *plain, *d;
	size_t *k;

	if (glob_is_pattern(stored))
		return;
	plain = glob_unescape(stored, strlen(stored));
	d = compare_form(im, plain);
	k = strmap_get(&im->root_dirs, d, strlen(d), hash_bytes(d,
	    strlen(d)));
	if (k != NULL && *k == 0)
		snprintf(root, sizeof root, "the cwd (include_cwd)");
	else if (k != NULL && *k == 1)
		snprintf(root, sizeof root,
		    "writable root \"/tmp\" (include_slash_tmp)");
	else if (k != NULL)
		snprintf(root, sizeof root, "writable root %s", sb_show(show,
		    sizeof show, im->p->writable_roots.v[*k - 2]));
	if (k != NULL)
		import_srt_warn(im, false, "%s is at or above %s; sbpolicy's "
		    "deny_read refuses writing too (srt's denyRead only "
		    "reading): not writable", sb_show(show, sizeof show, s),
		    root);
	free(d);
	free(plain);
}

/* Keeps the deny_read entry stored, added at im->path, for
 * deny_read_roots. */
static void
deny_read_keep(struct imp *im, const char *s, const char *stored)
{
	struct deny_read *r;

	if (im->ndr == im->drcap) {
		im->drcap = im->drcap == 0 ? 16 : im->drcap * 2;
		im->dr = xreallocarray(im->dr, im->drcap, sizeof *im->dr);
	}
	r = &im->dr[im->ndr++];
	r->stored = xstrdup(stored);
	r->text = s;
	r->nat = im->path.n;
	r->at = xreallocarray(NULL, r->nat, sizeof *r->at);
	memcpy(r->at, im->path.v, r->nat * sizeof *r->at);
}

/*
 * One read-deny entry at im->path into deny_read. A relative one is
 * fixed to the cwd: a params file holds no relative path, so the policy
 * run in another directory would not deny it there, which is worth a
 * word. slash_check: srt refuses a rooted pattern that ends in '/' here.
 */
int
import_srt_deny_read_add(struct imp *im, const char *s, bool literal,
    bool slash_check)
{
	struct sb_error e;
	char show[SB_SHOW_MAX], where[SB_SHOW_MAX], *text, *stored, *why;
	char *trimmed;
	bool wild;

	if (slash_check && import_srt_deny_glob_check(im, s, literal) == -1)
		return -1;
	trimmed = literal ? xstrdup(s) : import_srt_trim_any(s);
	if (literal || !import_srt_is_glob(trimmed))
		text = glob_escape(trimmed);
	else if ((text = import_srt_glob(trimmed, &wild, &why)) == NULL) {
		free(trimmed);
		import_srt_warn(im, false, "sbpolicy cannot say this pattern "
		    "(%s): not carried over, what it matches stays readable",
		    why);
		free(why);
		return 0;
	}
	free(trimmed);
	stored = import_srt_stored_path(im, text, true);
	free(text);
	if (stored == NULL)
		return -1;
	sb_error_init(&e);
	if (!import_srt_glob_reads(stored, sb_show(show, sizeof show, s), &e))
		import_srt_warn(im, false, "sbpolicy cannot read this pattern "
		    "(%s): not carried over, what it matches stays readable",
		    e.msg);
	else {
		add_unique(&im->seen_denies, &im->p->deny_read, stored);
		deny_read_keep(im, s, stored);
		if (srt_relative(s))
			import_srt_warn(im, false, "%s is relative, and a "
			    "params file holds no relative path: fixed to the "
			    "directory of the import, %s, so that run "
			    "elsewhere it denies nothing there", sb_show(show,
			    sizeof show, s), sb_show(where, sizeof where,
			    im->cwd));
	}
	free(stored);
	return 0;
}

/* A read-deny entry of filesystem.denyRead. */
static int
deny_read_entry(struct imp *im, const char *s, bool literal)
{
	return import_srt_deny_read_add(im, s, literal, true);
}

/* Each entry of a list of path entries, checked; each goes to fn, when
 * there is one. *n gets the number of entries. */
static int
path_list(struct imp *im, const cJSON *v, size_t *n,
    int (*fn)(struct imp *, const char *, bool))
{
	const cJSON *c;
	const char *s = NULL;
	bool literal;
	int rc = 0;

	*n = 0;
	if (!cJSON_IsArray(v))
		return import_srt_wrong_type(im, v, "an array");
	if (import_srt_too_many(im, v) == -1)
		return -1;
	for (c = v->child; c != NULL && rc == 0; c = c->next) {
		import_srt_push(im, NULL, (*n)++);
		rc = path_entry(im, c, &s, &literal);
		if (rc == 0 && fn != NULL)
			rc = fn(im, s, literal);
		import_srt_pop(im);
	}
	return rc;
}

/* A deny entry checked, as srt checks it, and nothing more. */
static int
deny_checked(struct imp *im, const char *s, bool literal)
{
	return import_srt_deny_glob_check(im, s, literal);
}

/* One allowWrite entry. */
static int
allow_write_entry(struct imp *im, const char *s, bool literal)
{
	struct params *p = im->p;
	char show[SB_SHOW_MAX], *plain, *stored;

	if (!import_srt_plain(s, literal, &plain)) {
		import_srt_warn(im, false, "%s is a pattern; sbpolicy's "
		    "writable roots are directories: not writable",
		    sb_show(show, sizeof show, s));
		return 0;
	}
	if ((stored = import_srt_stored_path(im, plain, false)) == NULL) {
		free(plain);
		return -1;
	}
	if (srt_relative(plain) && strcmp(stored, im->cwd) == 0)
		p->include_cwd = true;
	else if (strcmp(stored, "/tmp") == 0 ||
	    strcmp(stored, "/private/tmp") == 0)
		p->include_slash_tmp = true;
	else
		add_unique(&im->seen_roots, &p->writable_roots, stored);
	free(plain);
	free(stored);
	return 0;
}

/*
 * One denyWrite entry, kept for deny_write_apply, which reads them all
 * against the roots at once: a path as its compare_form, a pattern as the
 * compare_form of the directory before its first wildcard.
 */
static int
deny_write_entry(struct imp *im, const char *s, bool literal)
{
	char *plain, *stored, *g, *why, *lit, *path = NULL, *dir = NULL;
	bool wild;

	if (im->ndw == im->dwcap) {
		im->dwcap = im->dwcap == 0 ? 16 : im->dwcap * 2;
		im->dw = xreallocarray(im->dw, im->dwcap, sizeof *im->dw);
	}
	if (import_srt_plain(s, literal, &plain)) {
		stored = import_srt_stored_path(im, plain, false);
		free(plain);
		if (stored == NULL)
			return -1;
		path = compare_form(im, stored);
	} else {
		/* What srt says before the first wildcard is where it
		 * lies; a set ours cannot say leaves the text as it is. */
		if ((g = import_srt_glob(s, &wild, &why)) == NULL)
			g = glob_escape(s);
		free(why);
		stored = import_srt_stored_path(im, g, true);
		free(g);
		if (stored == NULL)
			return -1;
		lit = glob_unescape(stored, glob_literal_len(stored));
		dir = compare_form(im, lit[0] == '\0' ? "/" : lit);
		free(lit);
	}
	free(stored);
	im->dw[im->ndw].path = path;
	im->dw[im->ndw].dir = dir;
	im->dw[im->ndw].text = s;
	im->ndw++;
	return 0;
}

/*
 * Whether map m holds p or, unless proper, a directory above it: each
 * prefix of p that ends at a '/' is asked, "/" first, in one pass.
 */
static bool
map_holds_above(const struct strmap *m, const char *p, bool proper)
{
	size_t h = hash_bytes(p, 0), n = strlen(p), len;

	if (p[0] == '/' && n > 1 && strmap_get(m, "/", 1,
	    hash_bytes("/", 1)) != NULL)
		return true;
	for (len = 1; len <= n; len++) {
		h = hash_more(h, p[len - 1]);
		if ((len == n ? !proper : p[len] == '/') &&
		    strmap_get(m, p, len, h) != NULL)
			return true;
	}
	return false;
}

/* The components of path p (split at each '/'; the first "" for an
 * absolute one, which is left out), borrowed from p, which is cut. */
static size_t
components(char *p, char **v, size_t max)
{
	size_t n = 0;
	char *q;

	for (q = p; q != NULL && n < max; q = strchr(q, '/') != NULL ?
	    strchr(q, '/') + 1 : NULL) {
		if (q > p)
			q[-1] = '\0';
		if (*q != '\0')
			v[n++] = q;
	}
	return n;
}

/* Whether the glob components pat[0..np) match the path components
 * path[0..nc) or some of them from the first: "**" is any number of
 * components, each other one matched as fnmatch(3) matches a name. */
static bool
match_prefix(char *const *pat, size_t np, char *const *path, size_t nc)
{
	size_t k;

	if (np == 0)
		return true;
	if (strcmp(pat[0], "**") == 0) {
		for (k = 0; k <= nc; k++) {
			if (match_prefix(pat + 1, np - 1, path + k, nc - k))
				return true;
		}
		return false;
	}
	return nc > 0 && fnmatch(pat[0], path[0], 0) == 0 &&
	    match_prefix(pat + 1, np - 1, path + 1, nc - 1);
}

#define COVER_DEPTH	64	/* components compared, at most */

/*
 * Marks in covered[] the directories of dirs[0..n) (compare_form) that
 * deny_read entry e (stored form) covers, as srt's readRuleCovers has it:
 * a directory lies at or below the path e names, or e's pattern matches it
 * or a directory above it. Component by component: a file may hold a
 * hundred thousand patterns, too many to compile each as a regex.
 */
static void
deny_covers(const struct imp *im, const char *e, char *const *dirs,
    size_t ndirs, bool *covered)
{
	char *pat[COVER_DEPTH], *path[COVER_DEPTH];
	char *lit, *plain, *text, *d;
	size_t n, i, np, nc;

	n = strncmp(e, "**", 2) == 0 ? 0 : glob_literal_len(e);
	lit = glob_unescape(e, n);
	plain = n == 0 ? xstrdup("") : compare_form(im, lit);
	if (!glob_is_pattern(e)) {
		for (i = 0; i < ndirs; i++)
			covered[i] = covered[i] || path_is_under(dirs[i], plain);
		free(plain);
		free(lit);
		return;
	}
	free(lit);
	lit = glob_escape(plain);
	xasprintf(&text, "%s%s", lit, e + n);
	np = components(text, pat, COVER_DEPTH);
	for (i = 0; i < ndirs; i++) {
		/* What does not start with its literal directory is not
		 * matched, nor is anything above it. */
		if (covered[i] || (plain[0] != '\0' &&
		    !path_is_under(dirs[i], plain)))
			continue;
		d = xstrdup(dirs[i]);
		nc = components(d, path, COVER_DEPTH);
		covered[i] = match_prefix(pat, np, path, nc);
		free(d);
	}
	free(text);
	free(plain);
	free(lit);
}

/*
 * The roots srt adds whatever the file says (SRT_TMPDIR, srt_home_dirs),
 * after the listed ones: the directories of $HOME unless a deny_read
 * entry covers them, as srt leaves them out then.
 */
static void
srt_default_roots(struct imp *im)
{
	enum { NHOME = sizeof srt_home_dirs / sizeof srt_home_dirs[0] };
	struct params *p = im->p;
	char *dirs[NHOME];
	bool covered[NHOME];
	size_t i, k, left = NHOME;

	add_unique(&im->seen_roots, &p->writable_roots, SRT_TMPDIR);
	for (i = 0; i < NHOME; i++) {
		dirs[i] = compare_form(im, srt_home_dirs[i]);
		covered[i] = false;
	}
	for (k = 0; k < p->deny_read.n && left > 0; k++) {
		deny_covers(im, p->deny_read.v[k], dirs, NHOME, covered);
		for (i = 0, left = 0; i < NHOME; i++)
			left += !covered[i];
	}
	for (i = 0; i < NHOME; i++) {
		if (!covered[i])
			add_unique(&im->seen_roots, &p->writable_roots,
			    srt_home_dirs[i]);
		free(dirs[i]);
	}
}

/* A writable root, for deny_write_apply. */
struct root {
	char		*path;	/* compare_form */
	char		*shown;	/* for the warnings */
	size_t		 index;	/* in writable_roots, or SIZE_MAX */
	bool		*flag;	/* include_cwd or include_slash_tmp, or NULL */
	bool		 gone;
};

/* Fills the next of the roots, which has room for it. */
static void
root_add(struct root **v, size_t *n, char *path, char *shown, size_t index,
    bool *flag)
{
	(*v)[*n].path = path;
	(*v)[*n].shown = shown;
	(*v)[*n].index = index;
	(*v)[*n].flag = flag;
	(*v)[*n].gone = false;
	(*n)++;
}

/*
 * Deny write path i (compare_form d) against the roots that stayed (in
 * map m, to their index in r): a root right above it gets its name
 * protected (in every root, then: that only refuses more); a root further
 * up keeps it writable, which is warned, at the entry, unless a root
 * right above protects it: the generator denies the protected paths of a
 * root inside another in the outer one too. Each prefix of d is asked of
 * the map once.
 */
static void
deny_write_inside(struct imp *im, const struct strmap *m,
    const struct root *r, size_t i)
{
	const char *d = im->dw[i].path;
	const char *deep = NULL, *name, *patterned = NULL;
	char show[SB_SHOW_MAX];
	size_t h = hash_bytes(d, 0), n = strlen(d), len, parent, *k;
	bool named = false;

	parent = strrchr(d, '/') != NULL ? (size_t)(strrchr(d, '/') - d) : 0;
	for (len = 1; len < n; len++) {
		h = hash_more(h, d[len - 1]);
		if (d[len] != '/' || (k = strmap_get(m, d, len, h)) == NULL)
			continue;
		name = d + len + 1;
		if (len == parent && params_check_name(name, strlen(name), "",
		    NULL) == 0) {
			add_unique(&im->seen_names,
			    &im->p->protected_names, name);
			named = true;
		} else if (len == parent)
			patterned = r[*k].shown;
		else
			deep = r[*k].shown;	/* the nearest above */
	}
	/* "/" as a root: no '/' follows it in d. */
	if (d[0] == '/' && n > 1 && (k = strmap_get(m, "/", 1,
	    hash_bytes("/", 1))) != NULL) {
		if (parent == 0 && params_check_name(d + 1, n - 1, "",
		    NULL) == 0) {
			add_unique(&im->seen_names,
			    &im->p->protected_names, d + 1);
			named = true;
		} else if (parent == 0 && patterned == NULL)
			patterned = r[*k].shown;
		else if (deep == NULL)
			deep = r[*k].shown;
	}
	if (named || (deep == NULL && patterned == NULL))
		return;
	import_srt_push(im, NULL, i);
	if (patterned != NULL)
		import_srt_warn(im, false, "%s lies directly in %s, but its "
		    "name holds '*', '?' or '[', which a protected name "
		    "cannot: stays writable", sb_show(show, sizeof show,
		    im->dw[i].text), patterned);
	else
		import_srt_warn(im, false, "%s lies below the top of %s; "
		    "sbpolicy keeps only names directly inside a root "
		    "read-only: stays writable", sb_show(show, sizeof show,
		    im->dw[i].text), deep);
	import_srt_pop(im);
}

/* A denyWrite entry in no writable root (nor above one): nothing there
 * is writable, nothing to keep read-only. */
static void
deny_write_nowhere(struct imp *im, size_t i)
{
	char show[SB_SHOW_MAX];

	import_srt_push(im, NULL, i);
	import_srt_warn(im, false, "%s lies in no writable root, where nothing "
	    "is writable anyway: not carried over (a root added there later is "
	    "not kept read-only)", sb_show(show, sizeof show, im->dw[i].text));
	import_srt_pop(im);
}

/*
 * The denyWrite entries (im->dw) against the writable roots: a root at or
 * below a deny is not writable (srt's deny wins); then each deny inside a
 * root that stayed; a pattern or a deny in no root is warned. Called with
 * the path at filesystem.denyWrite.
 */
static void
deny_write_apply(struct imp *im)
{
	struct params *p = im->p;
	struct strmap denies, roots, dirs;
	struct root *r = NULL;
	char show[SB_SHOW_MAX], *shown, *d, **paths;
	size_t nr = 0, i, j, *k;
	int added;

	/* Its keys are strings that may go now. */
	strmap_clear(&im->seen_roots);
	strmap_init(&im->seen_roots);
	if (im->ndw == 0)
		return;
	strmap_init(&denies);
	for (i = 0; i < im->ndw; i++) {
		if ((d = im->dw[i].path) != NULL)
			*strmap_put(&denies, d, strlen(d), hash_bytes(d,
			    strlen(d)), NULL) = i;
	}
	r = xcalloc(p->writable_roots.n + 2, sizeof *r);
	if (p->include_cwd)
		root_add(&r, &nr, compare_form(im, im->cwd),
		    xstrdup("the cwd (include_cwd)"), SIZE_MAX, &p->include_cwd);
	if (p->include_slash_tmp)
		root_add(&r, &nr, compare_form(im, "/tmp"),
		    xstrdup("writable root \"/tmp\" (include_slash_tmp)"),
		    SIZE_MAX, &p->include_slash_tmp);
	for (i = 0; i < p->writable_roots.n; i++) {
		xasprintf(&shown, "writable root %s", sb_show(show,
		    sizeof show, p->writable_roots.v[i]));
		root_add(&r, &nr, compare_form(im, p->writable_roots.v[i]),
		    shown, i, NULL);
	}
	/* Every root, and the directories above them: a deny there takes
	 * a root away, or a pattern there may match in one. */
	paths = xcalloc(nr + 1, sizeof *paths);
	for (i = 0; i < nr; i++)
		paths[i] = r[i].path;
	strmap_init(&dirs);
	dirs_build(&dirs, paths, nr);
	free(paths);
	strmap_init(&roots);
	for (i = 0; i < nr; i++) {
		if ((r[i].gone = denies.n > 0 && map_holds_above(&denies,
		    r[i].path, false)))
			continue;
		k = strmap_put(&roots, r[i].path, strlen(r[i].path),
		    hash_bytes(r[i].path, strlen(r[i].path)), &added);
		if (added)
			*k = i;
	}
	for (i = 0; i < im->ndw; i++) {
		d = im->dw[i].path != NULL ? im->dw[i].path : im->dw[i].dir;
		if (im->dw[i].path == NULL && (map_holds_above(&roots, d,
		    false) || strmap_get(&dirs, d, strlen(d), hash_bytes(d,
		    strlen(d))) != NULL)) {
			import_srt_push(im, NULL, i);
			import_srt_warn(im, false, "%s is a pattern; sbpolicy "
			    "keeps only paths read-only inside a writable root "
			    "(a name directly in it): stays writable",
			    sb_show(show, sizeof show, im->dw[i].text));
			import_srt_pop(im);
		} else if (im->dw[i].path == NULL)
			deny_write_nowhere(im, i);
		else if (map_holds_above(&roots, d, true))
			deny_write_inside(im, &roots, r, i);
		else if (strmap_get(&dirs, d, strlen(d), hash_bytes(d,
		    strlen(d))) == NULL)
			deny_write_nowhere(im, i);
		/* (At or above a root, it took that away.) */
	}
	/* The roots that go, in one pass: r lists writable_roots in its
	 * order, after the two flags. */
	for (i = 0, j = 0; i < nr; i++) {
		if (r[i].flag != NULL && r[i].gone)
			*r[i].flag = false;
		else if (r[i].flag == NULL && r[i].gone)
			free(p->writable_roots.v[r[i].index]);
		else if (r[i].flag == NULL)
			p->writable_roots.v[j++] =
			    p->writable_roots.v[r[i].index];
		free(r[i].path);
		free(r[i].shown);
	}
	p->writable_roots.n = j;
	free(r);
	strmap_clear(&dirs);
	strmap_clear(&roots);
	strmap_clear(&denies);
}

int
import_srt_read_filesystem(struct imp *im, const cJSON *v)
{
	const struct sk *o = &import_srt_sk_root_members[R_FILESYSTEM];
	struct member m[MEMBERS_MAX];
	const cJSON *c;
	bool disabled = false, flag = false;
	size_t n;
	int rc;

	if (import_srt_members(im, v, o, m) == -1)
		return -1;
	if (m[F_DISABLED].node != NULL) {
		c = import_srt_enter(im, o, m, F_DISABLED);
		rc = import_srt_get_bool(im, c, &disabled);
		import_srt_pop(im);
		if (rc == -1)
			return -1;
	}
	if (disabled) {
		/* No rule at all, as srt has none: the lists are still
		 * checked, as srt checks them. */
		im->fs_apply = false;
		im->p->fs_mode = FS_FULL_ACCESS;
	}
	/* The roots first: denyWrite is read against them, once srt's
	 * own are in (read_root). */
	if (m[F_ALLOW_WRITE].node != NULL) {
		c = import_srt_enter(im, o, m, F_ALLOW_WRITE);
		rc = path_list(im, c, &n, im->fs_apply ? allow_write_entry :
		    NULL);
		import_srt_pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[F_DENY_WRITE].node != NULL) {
		c = import_srt_enter(im, o, m, F_DENY_WRITE);
		rc = path_list(im, c, &n, im->fs_apply ? deny_write_entry :
		    deny_checked);
		import_srt_pop(im);
		if (rc == -1)
			return -1;
		im->dw_at = m[F_DENY_WRITE].index;
	}
	if (m[F_DENY_READ].node != NULL) {
		c = import_srt_enter(im, o, m, F_DENY_READ);
		rc = path_list(im, c, &im->deny_reads, im->fs_apply ?
		    deny_read_entry : deny_checked);
		import_srt_pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[F_ALLOW_READ].node != NULL) {
		c = import_srt_enter(im, o, m, F_ALLOW_READ);
		rc = path_list(im, c, &n, NULL);
		/* It re-opens what denyRead closes: with nothing closed,
		 * there is nothing to re-open. */
		if (rc == 0 && n > 0 && im->fs_apply && im->deny_reads > 0)
			import_srt_warn(im, true, "sbpolicy cannot re-allow "
			    "reading inside deny_read: %zu %s not carried "
			    "over, what %s re-open%s stays unreadable", n,
			    n == 1 ? "entry" : "entries",
			    n == 1 ? "it" : "they", n == 1 ? "s" : "");
		import_srt_pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[F_ALLOW_GIT_CONFIG].node != NULL) {
		c = import_srt_enter(im, o, m, F_ALLOW_GIT_CONFIG);
		rc = import_srt_get_bool(im, c, &flag);
		if (rc == 0 && flag && im->fs_apply)
			import_srt_warn(im, true, "sbpolicy protects .git "
			    "whole: .git/config stays read-only");
		import_srt_pop(im);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/*
 * What the filesystem lists come to once everything that reads into them
 * is read: srt's own roots are added, denyWrite is read against the
 * roots, then the deny_read entries are (deny_read_roots).
 */
void
import_srt_filesystem_finish(struct imp *im)
{
	struct json_path at;
	size_t i;

	if (!im->fs_apply)
		return;
	srt_default_roots(im);
	import_srt_push(im, "filesystem", im->fs_at);
	import_srt_push(im, "denyWrite", im->dw_at);
	deny_write_apply(im);
	import_srt_pop(im);
	import_srt_pop(im);
	if (im->p->fs_mode != FS_WORKSPACE_WRITE || im->ndr == 0)
		return;
	root_dirs_build(im);
	at = im->path;
	for (i = 0; i < im->ndr; i++) {
		im->path.v = im->dr[i].at;
		im->path.n = im->path.cap = im->dr[i].nat;
		deny_read_roots(im, im->dr[i].text, im->dr[i].stored);
	}
	im->path = at;
}
