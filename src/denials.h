/* SPDX-License-Identifier: ISC */
/* denials.h: what the sandbox denied a run: tags, log lines, the report. */
#ifndef SBPOLICY_DENIALS_H
#define SBPOLICY_DENIALS_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/*
 * How a denial is attributed to one run: every deny rule of the profile is
 * tagged with (with message "TAG"), which the kernel appends to its log
 * message, and children inherit the sandbox, so every process of the run is
 * covered without tracking pids. The root pid (the process sandbox-exec
 * became) is accepted as well, untagged, in case a record lacks the text.
 */

/* A new tag for one run: letters, digits and '-' only, so it needs no
 * escaping in a profile or a log predicate. free(3) it. */
char	*denials_tag_new(void);

/*
 * The profile with ` (with message "TAG")` added to every top-level
 * (deny ...) form that has no (with ...) modifier yet. Comments, strings and
 * #"..." literals are skipped, so a "(deny" inside them is left alone.
 * Returns a new string.
 */
char	*denials_tag_profile(const char *profile, const char *tag);

/* One denial as the kernel logs it: "Sandbox: cat(22304) deny(1)
 * file-read-data /private/tmp/x". Strings are owned. */
struct denial {
	char	*process;	/* "cat" */
	pid_t	 pid;		/* 22304 */
	char	*operation;	/* "file-read-data" */
	char	*target;	/* "/private/tmp/x", "<private>" or "" */
	bool	 tagged;	/* the message carries the run's tag */
};

void	denial_clear(struct denial *);

enum denials_kind {
	DENIALS_BANNER,		/* "Filtering the log data using ..." */
	DENIALS_DENIAL,		/* a denial: *d is filled */
	DENIALS_OTHER,		/* a well-formed record that is no denial */
	DENIALS_MALFORMED,	/* not one JSON object per line, or bad JSON */
};

/* The first words log stream prints once it is ready. */
#define DENIALS_BANNER_PREFIX	"Filtering the log data"

/*
 * Parses one line of `log stream --style ndjson` (without its newline; len
 * bytes, NUL bytes make it malformed). For DENIALS_DENIAL *d is filled (the
 * caller clears it); tag (may be NULL) sets d->tagged and is cut from the
 * target. Pure: no allocation survives any other result.
 */
enum denials_kind denials_parse_line(const char *line, size_t len,
	    const char *tag, struct denial *d);

/* The denials of one run, distinct by (process, operation, target), in the
 * order first seen. */
struct denials {
	char		*tag;		/* owned copy, or NULL */
	pid_t		 root;		/* the command's pid, or 0 */
	struct denial	*v;
	size_t		 n;
	size_t		 cap;
	size_t		 lines;		/* lines seen */
	size_t		 malformed;	/* of which could not be read */
	struct buf	 partial;	/* an unfinished last line */
	bool		 toolong;	/* partial grew past DENIALS_LINE_MAX */
};

#define DENIALS_LINE_MAX	(1024 * 1024)	/* longer lines are dropped */

void	denials_init(struct denials *, const char *tag, pid_t root);
void	denials_clear(struct denials *);

/* True when d belongs to the run: tagged, or from the root pid. */
bool	denials_is_ours(const struct denials *, const struct denial *);

/* Feeds log output in pieces of any size; complete lines are parsed and
 * the run's denials kept. denials_finish parses an unfinished last line. */
void	denials_feed(struct denials *, const char *data, size_t len);
void	denials_finish(struct denials *);

/*
 * The report: "=== Sandbox denials ===" and one "(process) operation target"
 * line per denial, or "None found.", each line ending in a newline. Control
 * characters in names and targets are written as \xHH, so a hostile file
 * name cannot send escape sequences to the terminal. New string.
 */
char	*denials_report(const struct denials *);

/* The same, with under each denial the line "  fix: TEXT" when suggest
 * (called with the denial and arg) returns TEXT, a new string. */
char	*denials_report_fixes(const struct denials *,
	    char *(*suggest)(const struct denial *, void *), void *arg);

#endif
