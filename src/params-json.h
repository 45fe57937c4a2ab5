/* SPDX-License-Identifier: ISC */
/* params-json.h: the params file (JSON), by the field table of
 * params-fields.h; no cJSON type crosses this header. */
#ifndef SBPOLICY_PARAMS_JSON_H
#define SBPOLICY_PARAMS_JSON_H

#include <stddef.h>

#include "err.h"
#include "params.h"

/* Files larger than this are refused before parsing. */
#define PARAMS_JSON_FILE_MAX	(16 * 1024 * 1024)
/* Files with more values than this are refused before parsing. */
#define PARAMS_JSON_VALUES_MAX	500000

/*
 * Loads a params file strictly: UTF-8 JSON, "version": 1, no unknown keys,
 * no duplicate keys, the right types, ranges and path forms. On success
 * *out is replaced (it must hold initialised params, which are cleared) and
 * 0 is returned. On failure *out is unchanged and err says
 * "FILE:LINE:COL: JSON.PATH: what is wrong" (FILE through sb_show_name).
 */
int	params_json_load(const char *file, struct params *out, struct sb_error *);
/* The same for text already in memory; `name` stands for FILE in errors. */
int	params_json_load_text(const char *name, const char *text, size_t len,
	    struct params *out, struct sb_error *);

/*
 * The complete, normalised params as JSON text: every field, stable key
 * order, two-space indent, trailing newline. Returns a new string (free(3)),
 * or NULL with err set when a value cannot be written as JSON (not UTF-8).
 */
char	*params_json_dump(const struct params *, struct sb_error *);

/*
 * Writes params_json_dump() to file with file_write_atomic_flags (fileio.h):
 * a temporary file in the same directory, fsync, rename; a symlink is
 * followed. The TUI passes FILE_WRITE_REGULAR, so a FIFO at file is refused,
 * never opened. Returns 0, or -1 with err set and file untouched.
 */
int	params_json_save_flags(const char *file, const struct params *,
	    unsigned flags, struct sb_error *);

#endif
