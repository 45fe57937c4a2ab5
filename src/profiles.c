/* SPDX-License-Identifier: ISC */
/* profiles.c: saved policies by name, in the profiles directory. */
#include "config.h"

#include "profiles.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

char *
profiles_dir(const char *config_home, const char *home)
{
	char *dir;

	if (config_home != NULL && config_home[0] == '/')
		xasprintf(&dir, "%s/sbpolicy/profiles", config_home);
	else if (home != NULL && home[0] == '/')
		xasprintf(&dir, "%s/.config/sbpolicy/profiles", home);
	else
		return NULL;
	return dir;
}

static bool
ends_with_json(const char *s, size_t len)
{
	return len >= 5 && strcmp(s + len - 5, ".json") == 0;
}

bool
profiles_is_name(const char *arg)
{
	size_t len = strlen(arg);

	if (len == 0 || len > 255 || arg[0] == '.' || ends_with_json(arg, len))
		return false;
	return strspn(arg, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == len;
}

char *
profiles_path(const char *name, const char *config_home, const char *home,
    struct sb_error *err)
{
	char *dir, *path;

	if ((dir = profiles_dir(config_home, home)) == NULL) {
		sb_error_set(err, SB_EINVAL, "-p %s: a profile name needs "
		    "$XDG_CONFIG_HOME or $HOME for the profiles directory "
		    "(or give a file: ./%s.json)", name, name);
		return NULL;
	}
	xasprintf(&path, "%s/%s.json", dir, name);
	free(dir);
	return path;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A growing NULL-terminated array of strings. */
struct names {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

static void
names_add(struct names *l, char *s)
{
	if (l->n + 1 >= l->cap) {
		l->cap = l->cap == 0 ? 8 : l->cap * 2;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

static char **
names_done(struct names *l)
{
	if (l->v == NULL)
		l->v = xcalloc(1, sizeof *l->v);
	qsort(l->v, l->n, sizeof *l->v, cmp_names);
	return l->v;
}

/* Whether dir/name is a regular file, following links. */
static bool
is_regular(const char *dir, const char *name)
{
	struct stat st;
	char *path;
	bool reg;

	xasprintf(&path, "%s/%s", dir, name);
	reg = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return reg;
}

char **
profiles_list(const char *dir, size_t *n, char ***others,
    struct sb_error *err)
{
	struct names good = { NULL, 0, 0 }, bad = { NULL, 0, 0 };
	struct dirent *de;
	char *name;
	size_t len;
	DIR *d;

	*n = 0;
	if (others != NULL)
		*others = NULL;
	if ((d = opendir(dir)) == NULL) {
		if (errno != ENOENT) {
			sb_error_set(err, SB_EIO, "%s: %s", dir,
			    strerror(errno));
			return NULL;
		}
	} else {
		while ((de = readdir(d)) != NULL) {
			len = strlen(de->d_name);
			/* Hidden files are not anyone's profiles. */
			if (de->d_name[0] == '.' ||
			    !ends_with_json(de->d_name, len) ||
			    !is_regular(dir, de->d_name))
				continue;
			name = xstrndup(de->d_name, len - 5);
			if (profiles_is_name(name))
				names_add(&good, name);
			else {
				free(name);
				names_add(&bad, xstrdup(de->d_name));
			}
		}
		closedir(d);
	}
	*n = good.n;
	if (others != NULL)
		*others = names_done(&bad);
	else
		profiles_list_free(bad.v);
	return names_done(&good);
}

void
profiles_list_free(char **v)
{
	size_t i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}
