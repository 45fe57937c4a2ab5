/* SPDX-License-Identifier: ISC */
/*
 * import-srt.h: a sandbox-runtime (srt) settings file read into params,
 * with a warning for each setting that sbpolicy cannot express. Pure: the
 * text comes in, params and warnings go out; no cJSON type crosses this
 * header.
 */
#ifndef SBPOLICY_IMPORT_SRT_H
#define SBPOLICY_IMPORT_SRT_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "gen.h"
#include "params.h"

/* What differs, about one setting of the settings file. */
struct import_warning {
	char	*path;	/* its JSON path, "filesystem.denyWrite[1]" */
	size_t	 line;	/* where it is, 1-based, as an editor counts */
	size_t	 col;
	char	*text;	/* what differs, without file or path */
	char	*msg;	/* the whole line: "FILE:LINE:COL: PATH: text" */
};

/* In the order of the file. Zero it, or clear it, before use. */
struct import_warnings {
	struct import_warning	*v;
	size_t			 n;
	size_t			 cap;
};

void	import_warnings_clear(struct import_warnings *);	/* safe twice */

/* Where relative paths of the settings file go, and $HOME. */
struct import_ctx {
	const char	*cwd;	/* absolute: srt resolves a relative path
				 * against the directory it runs in */
	const char	*home;	/* $HOME, or NULL: only to compare "~/"
				 * paths with absolute ones */
};

/*
 * True when text looks like an srt settings file rather than a params
 * file: a JSON object without "version" that has one of srt's top-level
 * keys ("filesystem", "network", "credentials", ...). For the TUI, to ask
 * before it converts a file it was given to open. Never fails: text that
 * is not JSON is not an srt file.
 */
bool	import_srt_detect(const char *text, size_t len);
/* The same for the file at path, read with file_read's cap; false when it
 * cannot be read (the caller's own read says why). */
bool	import_srt_detect_file(const char *path);

/*
 * Reads an srt settings file (text[0..len), called `name` in messages)
 * into *out, which must hold initialised params: they are replaced by the
 * equivalent policy. *w gets one warning per setting that has no
 * equivalent or only a partial one (the import still succeeds; the caller
 * decides whether that is an error), unknown keys among them. Returns 0;
 * or -1, *out unchanged and *w empty, with err set to "NAME:LINE:COL:
 * PATH: what is wrong" for a file srt would refuse too (not JSON, a wrong
 * type or value, an empty path, a port out of range, an unknown key where
 * srt takes none), and for a params file (one with "version").
 */
int	import_srt_text(const char *name, const char *text, size_t len,
	    const struct import_ctx *, struct params *out,
	    struct import_warnings *w, struct sb_error *);
/* The same for a file, read with file_read's cap. */
int	import_srt_file(const char *file, const struct import_ctx *,
	    struct params *out, struct import_warnings *w, struct sb_error *);

/*
 * Whether the params p that the import of file name made are what
 * `generate -p` takes: written as a params file, read back, rendered with
 * ctx. Returns 0, or -1 with err set to "NAME: the params file it converts
 * to would not generate a profile: why".
 */
int	import_srt_check(const char *name, const struct params *p,
	    const struct gen_ctx *ctx, struct sb_error *);

#endif
