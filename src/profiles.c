/* SPDX-License-Identifier: ISC */
/* profiles.c: saved policies by name, in the profiles directory. */
#include "config.h"

#include "profiles.h"

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

char **
profiles_list(const char *dir, size_t *n, struct sb_error *err)
{
	struct dirent *de;
	char **v, *name;
	size_t len, cap = 8;
	DIR *d;

	*n = 0;
	v = xcalloc(cap, sizeof *v);
	if ((d = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return v;
		sb_error_set(err, SB_EIO, "%s: %s", dir, strerror(errno));
		free(v);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (!ends_with_json(de->d_name, len))
			continue;
		name = xstrndup(de->d_name, len - 5);
		if (!profiles_is_name(name)) {
			free(name);
			continue;
		}
		if (*n + 1 == cap) {
			cap *= 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[(*n)++] = name;
	}
	closedir(d);
	v[*n] = NULL;
	qsort(v, *n, sizeof *v, cmp_names);
	return v;
}

void
profiles_list_free(char **v)
{
	size_t i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}
