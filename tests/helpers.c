/* SPDX-License-Identifier: ISC */
/* helpers.c: small shared helpers for the cmocka tests. */
#include "config.h"

#include "helpers.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

const char *
test_srcdir(void)
{
	const char *s = getenv("top_srcdir");

	return s != NULL && *s != '\0' ? s : ".";
}

char *
test_srcpath(const char *rel)
{
	char *p;

	xasprintf(&p, "%s/%s", test_srcdir(), rel);
	return p;
}

char *
test_slurp(const char *path, size_t *len)
{
	FILE *f;
	char *data = NULL;
	size_t have = 0, cap = 0, n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	do {
		if (cap - have < 4096) {
			cap = cap == 0 ? 8192 : cap * 2;
			data = xreallocarray(data, cap, 1);
		}
		n = fread(data + have, 1, cap - have - 1, f);
		have += n;
	} while (n != 0);
	fclose(f);
	data[have] = '\0';
	if (len != NULL)
		*len = have;
	return data;
}

size_t
test_count_entries(const char *dir)
{
	struct dirent *de;
	DIR *d;
	size_t n = 0;

	if ((d = opendir(dir)) == NULL)
		return (size_t)-1;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			n++;
	}
	closedir(d);
	return n;
}

int
test_write_file(const char *path, const char *data, size_t len)
{
	FILE *f;
	int rc = 0;

	if ((f = fopen(path, "wb")) == NULL)
		return -1;
	if (fwrite(data, 1, len, f) != len)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

const struct test_fs_entry test_fs_macos[] = {
	{ "/private", 'd', NULL },
	{ "/private/tmp", 'd', NULL },
	{ "/private/var", 'd', NULL },
	{ "/private/var/run", 'd', NULL },
	{ "/private/var/folders", 'd', NULL },
	{ "/private/var/folders/xy", 'd', NULL },
	{ "/private/var/folders/xy/T", 'd', NULL },
	{ "/private/etc", 'd', NULL },
	{ "/tmp", 'l', "/private/tmp" },
	{ "/var", 'l', "/private/var" },
	{ "/etc", 'l', "/private/etc" },
	{ "/Users", 'd', NULL },
	{ "/Users/me", 'd', NULL },
	{ "/Users/me/.ssh", 'd', NULL },
	{ "/Users/me/project", 'd', NULL },
	{ "/Users/me/project/.git", 'd', NULL },
	{ "/Users/me/wt", 'd', NULL },
	{ "/Users/me/wt/.git", 'f', "gitdir: /Users/me/project/.git/worktrees/wt\n" },
	{ "/Users/me/project/.git/worktrees", 'd', NULL },
	{ "/Users/me/project/.git/worktrees/wt", 'd', NULL },
	{ "/Users/me/link", 'l', "project" },
	{ "/Users/me/we*ird[1]", 'd', NULL },
	{ "/Users/me/lnk", 'l', "we*ird[1]" },
	{ "/Users/me/symgit", 'd', NULL },
	{ "/Users/me/symgit/.git", 'l', "/Users/me/real.git" },
	{ "/Users/me/real.git", 'd', NULL },
	{ "/Users/me/lk", 'd', NULL },
	{ "/Users/me/lk/.git", 'l', "../gitfile" },
	{ "/Users/me/gitfile", 'f', "gitdir: project/.git/worktrees/wt\n" },
	{ NULL, 0, NULL },
};

static const struct test_fs_entry *
fs_find(const struct test_fs_entry *t, const char *path)
{
	for (; t->path != NULL; t++) {
		if (strcmp(t->path, path) == 0)
			return t;
	}
	return NULL;
}

/* realpath over the table: resolve each component, following symlinks. */
static char *
fs_resolve(const struct test_fs_entry *t, const char *path, int depth)
{
	const struct test_fs_entry *e;
	char *cur, *next, *target, *rest;
	const char *p = path, *seg;
	size_t n;

	if (depth > 16)
		return NULL;
	cur = xstrdup("");
	while (*p != '\0') {
		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		seg = p;
		while (*p != '/' && *p != '\0')
			p++;
		n = (size_t)(p - seg);
		xasprintf(&next, "%s/%.*s", cur, (int)n, seg);
		free(cur);
		if ((e = fs_find(t, next)) == NULL) {
			free(next);
			return NULL;
		}
		if (e->type == 'l') {
			if (e->data[0] == '/')
				target = xstrdup(e->data);
			else {
				*strrchr(next, '/') = '\0';
				xasprintf(&target, "%s/%s", next, e->data);
			}
			xasprintf(&rest, "%s%s", target, p);
			free(target);
			free(next);
			/* A relative target may climb with "..". */
			target = path_clean(rest);
			free(rest);
			rest = target;
			cur = fs_resolve(t, rest, depth + 1);
			free(rest);
			return cur;
		}
		cur = next;
	}
	if (*cur == '\0') {
		free(cur);
		cur = xstrdup("/");
	}
	return cur;
}

static char *
fake_realpath(const char *path, void *arg)
{
	return fs_resolve(arg, path, 0);
}

static bool
fake_is_dir(const char *path, void *arg)
{
	const struct test_fs_entry *e;
	char *real = fs_resolve(arg, path, 0);
	bool dir;

	if (real == NULL)
		return false;
	e = fs_find(arg, real);
	dir = strcmp(real, "/") == 0 || (e != NULL && e->type == 'd');
	free(real);
	return dir;
}

static char *
fake_read_file(const char *path, size_t max, void *arg)
{
	const struct test_fs_entry *e;
	char *real = fs_resolve(arg, path, 0);

	/* Links are followed, as open(2) follows them. */
	e = real != NULL ? fs_find(arg, real) : NULL;
	free(real);

	if (e == NULL || e->type != 'f')
		return NULL;
	return xstrndup(e->data, strlen(e->data) < max ? strlen(e->data) : max);
}

static enum path_kind
fake_kind(const char *path, void *arg)
{
	const struct test_fs_entry *e = fs_find(arg, path);

	if (strcmp(path, "/") == 0)
		return PATH_DIR;
	if (e == NULL)
		return PATH_MISSING;
	if (e->type == 'l')
		return PATH_LINK;
	return e->type == 'd' ? PATH_DIR : PATH_OTHER;
}

/* The names of the table's entries whose parent is path, as the real
 * readdir would give them; NULL when path is not a directory there. */
static char *
fake_list_dir(const char *path, size_t max, size_t *len, void *arg)
{
	const struct test_fs_entry *t = arg, *e;
	const char *slash;
	char *names = NULL;
	size_t n = 0, plen = strcmp(path, "/") == 0 ? 0 : strlen(path), k;

	e = fs_find(t, path);
	if (plen != 0 && (e == NULL || e->type != 'd'))
		return NULL;
	for (; t->path != NULL; t++) {
		if (strncmp(t->path, path, plen) != 0 || t->path[plen] != '/')
			continue;
		slash = strchr(t->path + plen + 1, '/');
		if (slash != NULL)
			continue;	/* deeper */
		k = strlen(t->path + plen + 1) + 1;
		if (k > max - n) {
			free(names);
			return NULL;
		}
		names = xreallocarray(names, n + k, 1);
		memcpy(names + n, t->path + plen + 1, k);
		n += k;
	}
	if (names == NULL)
		names = xmalloc(1);
	*len = n;
	return names;
}

struct path_fs
test_fs(const struct test_fs_entry *table)
{
	struct path_fs fs;

	fs.realpath = fake_realpath;
	fs.is_dir = fake_is_dir;
	fs.read_file = fake_read_file;
	fs.arg = (void *)(uintptr_t)table;
	fs.kind = fake_kind;
	fs.list_dir = fake_list_dir;
	return fs;
}

void
test_macos_ctx(struct gen_ctx *ctx)
{
	static struct path_fs fs;

	fs = test_fs(test_fs_macos);
	ctx->cwd = "/Users/me/project";
	ctx->home = "/Users/me";
	ctx->tmpdir = "/var/folders/xy/T/";
	ctx->fs = &fs;
}

const char *
test_param(const struct gen_result *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nparams; i++) {
		if (strcmp(r->params[i].key, key) == 0)
			return r->params[i].value;
	}
	return NULL;
}
