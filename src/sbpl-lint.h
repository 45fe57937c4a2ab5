/* SPDX-License-Identifier: ISC */
/* sbpl-lint.h: what loads but does not do what it says: the warnings of
 * `sbpolicy lint` on a compiled profile (SBPL-FACTS §8). */
#ifndef SBPOLICY_SBPL_LINT_H
#define SBPOLICY_SBPL_LINT_H

#include <stddef.h>

#include "sbpl-eval.h"

/*
 * Adds the linter's findings to a compiled policy (sbpl_compile's errors
 * are there already), each SBPL_WARNING with a short code: private-path,
 * path-form, socket-file-rule, shadowed, duplicate, child-allow,
 * allow-default, no-deny-default, unfiltered-network, local-outbound,
 * raw-quote, unanchored-regex, socket-path-length, terminal-op,
 * modifier-no-effect, newer-operation. A policy whose compile failed may
 * be linted: its refused rules are simply not there.
 */
void	sbpl_lint(struct sbpl_policy *);

/*
 * The raw-quote check alone, on profile text (len bytes, NUL-terminated):
 * a #"..." literal ends at its first `"`, so one written with a quote in it
 * runs straight into the text after that quote. Such text often does not
 * read at all ("a string that is never closed"); the command line calls
 * this after a reader error, on a policy with no document, to say why.
 * sbpl_lint calls it on the document's text.
 */
void	sbpl_lint_raw_quotes(struct sbpl_policy *, const char *text,
	    size_t len);

#endif
