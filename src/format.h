/* SPDX-License-Identifier: ISC */
/* format.h: the output formats of generate, in one table: name -> writer. */
#ifndef SBPOLICY_FORMAT_H
#define SBPOLICY_FORMAT_H

#include <stdbool.h>

#include "err.h"
#include "gen.h"

/*
 * One output format. write renders r for the command cmd (NULL-terminated,
 * or NULL: none given after "--") and returns a new string, or NULL with
 * err set.
 */
struct format {
	const char	*name;
	bool		 shows_command;	/* what cmd is for: json, args */
	char		*(*write)(const struct gen_result *r, char *const cmd[],
			    struct sb_error *err);
};

/* The format called name, or NULL. The first of the table is the default. */
const struct format *format_find(const char *name);
const struct format *format_default(void);

/* The i-th format of the table, or NULL past the last: for messages. */
const struct format *format_at(size_t i);

/* The `sbpl` format: "; -D KEY=VALUE" comment lines, then the profile. New string. */
char	*format_sbpl(const struct gen_result *);

/* The `inline` format: every (param "KEY") replaced by an escaped string
 * literal. Returns a new string, or NULL with err set when a value holds a
 * control character or is longer than GEN_LITERAL_MAX bytes. */
char	*format_inline(const struct gen_result *, struct sb_error *);

/*
 * The `json` format: {"profile", "params": [[K, V]...], "argv",
 * "warnings"}; argv may be NULL (then it is written as []). New string, or
 * NULL with err set when a value is not UTF-8.
 */
char	*format_json(const struct gen_result *, char *const argv[],
	    struct sb_error *);

#endif
