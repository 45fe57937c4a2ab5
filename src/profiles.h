/* SPDX-License-Identifier: ISC */
/* profiles.h: saved policies by name, in the profiles directory. */
#ifndef SBPOLICY_PROFILES_H
#define SBPOLICY_PROFILES_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

/*
 * The directory saved policies live in: $XDG_CONFIG_HOME/sbpolicy/profiles
 * when config_home is absolute, else $HOME/.config/sbpolicy/profiles; NULL
 * when there is neither. New string.
 */
char	*profiles_dir(const char *config_home, const char *home);

/* True when a -p argument is a profile's name, not a file: letters,
 * digits, '.', '_' and '-', not starting with '.', not ending in ".json". */
bool	profiles_is_name(const char *arg);

/* The file of the profile called name: DIR/NAME.json. New string, or NULL
 * with err set when there is no profiles directory. */
char	*profiles_path(const char *name, const char *config_home,
	    const char *home, struct sb_error *);

/*
 * The names of the profiles in dir (its regular *.json files, links to them
 * included, that profiles_is_name accepts without the suffix), sorted; a
 * directory that does not exist has none. A new NULL-terminated array of
 * new strings (*n of them), or NULL with err set when dir cannot be read.
 * others, when not NULL, gets the file names of the other regular *.json
 * files (which -p NAME cannot name), sorted, in an array of the same kind.
 */
char	**profiles_list(const char *dir, size_t *n, char ***others,
	    struct sb_error *);
void	profiles_list_free(char **);

#endif
