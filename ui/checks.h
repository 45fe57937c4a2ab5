/* SPDX-License-Identifier: ISC */
/* checks.h: the access checks typed in the TUI, asked of the preview. */
#ifndef SBPOLICY_CHECKS_H
#define SBPOLICY_CHECKS_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "explain.h"
#include "gen.h"

/* Few enough to ask them all at every key press. */
#define UI_CHECKS_MAX	20

/* One check, "VERB TARGET" as `sbpolicy explain` takes them, and its
 * answer from the last profile it was asked of. */
struct ui_check {
	char			*text;		/* as typed */
	bool			 asked;		/* false: why says what
						 * failed */
	enum sbpl_verdict	 verdict;
	enum sbpl_verdict	 was;		/* before, when flipped */
	bool			 flipped;	/* the last change of the
						 * profile changed the verdict */
	char			*why;		/* "allowed by line 197:
						 * (allow ...)", or the error */
	/* The deciding rule: bytes of the profile text (the preview);
	 * SIZE_MAX when no rule decided (an operation's own default). */
	size_t			 rule_off;
	size_t			 rule_end;
};

/*
 * The checks, which are not policy: the model keeps them and no params file
 * holds them. They are asked of the profile text given by ui_checks_ask
 * (the preview, `generate`'s sbpl text), compiled once per text and only
 * when there is a check to ask.
 */
struct ui_checks {
	struct ui_check		 v[UI_CHECKS_MAX];
	size_t			 n;

	const char		*text;		/* borrowed, or NULL */
	const struct gen_result	*gen;		/* borrowed: its -D values */
	const struct gen_ctx	*ctx;		/* borrowed */
	int			 state;		/* 0 not compiled, 1 pr ready,
						 * -1 it failed: error says */
	struct explain_profile	 pr;
	char			*defs;		/* "KEY=VALUE\0..." for pr */
	char			**defv;
	char			*error;
};

void	ui_checks_init(struct ui_checks *);
void	ui_checks_clear(struct ui_checks *);

/*
 * Asks every check of a new profile: text (the sbpl format of gen, as the
 * preview shows it) and its generator result, both borrowed until the next
 * call. changed says the profile is not the one asked before: a verdict
 * that then stays the same loses its flipped mark; one that differs gets
 * it. A NULL text forgets the profile (the preview is gone) and keeps the
 * answers; a check put meanwhile is refused. Returns how many verdicts
 * changed, *first the first of them (SIZE_MAX: none).
 */
size_t	ui_checks_ask(struct ui_checks *, const char *text,
	    const struct gen_result *gen, const struct gen_ctx *, bool changed,
	    size_t *first);

/*
 * Adds a check (or with replace puts it in place of check i), asked at
 * once. Returns 0, or -1 with err set and the list unchanged: a check that
 * does not parse or that explain refuses (an unknown verb), a duplicate,
 * more than UI_CHECKS_MAX, no profile to ask.
 */
int	ui_checks_put(struct ui_checks *, const char *text, bool replace,
	    size_t i, struct sb_error *);
void	ui_checks_remove(struct ui_checks *, size_t i);

/* The verdict as a row shows it: "allowed", "allowed -> denied" after a
 * flip, "error". New string. */
char	*ui_check_verdict_new(const struct ui_check *);

#endif
