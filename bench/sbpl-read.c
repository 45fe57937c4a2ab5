/* SPDX-License-Identifier: ISC */
/*
 * sbpl-read.c: the SBPL reader and compiler on a large profile. Builds a
 * profile of about SIZE MiB (default 10) in the shapes profiles have
 * (rules with literal, subpath and regex filters, require-all, params,
 * comments), then times sbpl_read alone and sbpl_read + sbpl_compile, N
 * runs each (default 20), and prints the medians. Goal: the read of 10 MiB
 * in well under 100 ms.
 *
 * usage: sbpl-read [SIZE_MIB [N]]
 */
#include "bench.h"
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sbpl-eval.h"
#include "sbpl-read.h"

static void
build(struct buf *b, size_t size)
{
	size_t i;

	buf_puts(b, "(version 1)\n(deny default)\n");
	for (i = 0; b->len < size; i++) {
		buf_printf(b, "; rule %zu\n", i);
		switch (i % 4) {
		case 0:
			buf_printf(b, "(allow file-read* (literal "
			    "\"/Users/me/p/file-%zu\"))\n", i);
			break;
		case 1:
			buf_printf(b, "(allow file-write*\n  (require-all "
			    "(subpath (param \"ROOT\")) (require-not (literal "
			    "\"/Users/me/p/.git/%zu\"))))\n", i);
			break;
		case 2:
			buf_printf(b, "(deny file-read* (regex "
			    "#\"^/Users/me/secret-%zu(/.*)?$\"))\n", i);
			break;
		default:
			buf_printf(b, "(allow network-outbound (remote "
			    "unix-socket (subpath \"/private/tmp/s-%zu\")))\n",
			    i);
			break;
		}
	}
}

int
main(int argc, char **argv)
{
	struct sbpl_def def = { "ROOT", "/Users/me/p" };
	size_t mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 10;
	int n = argc > 2 ? atoi(argv[2]) : 20, i;
	double *tr, *tc, t0;
	struct sbpl_policy pol;
	struct sbpl_doc doc;
	struct sb_error err;
	struct buf b;

	if (mib == 0 || n <= 0) {
		fputs("usage: sbpl-read [SIZE_MIB [N]]\n", stderr);
		return 2;
	}
	buf_init(&b);
	build(&b, mib * 1024 * 1024);
	tr = calloc((size_t)n, sizeof *tr);
	tc = calloc((size_t)n, sizeof *tc);
	for (i = 0; i < n; i++) {
		sb_error_init(&err);
		t0 = now_ms();
		if (sbpl_read(&doc, "big.sb", b.data, b.len, &err) == -1) {
			fprintf(stderr, "%s\n", err.msg);
			return 1;
		}
		tr[i] = now_ms() - t0;
		/* Regexes as a hand-written profile has them: each checked. */
		if (sbpl_compile(&pol, &doc, &def, 1, &err) == -1) {
			fprintf(stderr, "%s\n", err.msg);
			return 1;
		}
		tc[i] = now_ms() - t0;
		sbpl_policy_clear(&pol);
		sbpl_doc_clear(&doc);
	}
	qsort(tr, (size_t)n, sizeof *tr, cmp_double);
	qsort(tc, (size_t)n, sizeof *tc, cmp_double);
	printf("%.1f MiB profile, %d runs: read median %.1f ms, "
	    "read + compile median %.1f ms\n", b.len / 1048576.0, n,
	    tr[n / 2], tc[n / 2]);
	printf("goal: read under 100 ms: %s\n", tr[n / 2] < 100 ? "met" :
	    "MISSED");
	free(tr);
	free(tc);
	buf_clear(&b);
	return 0;
}
