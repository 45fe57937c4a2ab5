/* SPDX-License-Identifier: ISC */
/* sbpl-int.h: what the SBPL compiler (sbpl-eval.c) and the decision
 * (sbpl-decide.c) share: the compiled filter. Not part of the engine's
 * interface (sbpl-eval.h); only those two files see it. */
#ifndef SBPOLICY_SBPL_INT_H
#define SBPOLICY_SBPL_INT_H

#include <sys/types.h>

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

#include "sbpl-eval.h"
#include "sbpl-ops.h"

enum fl_kind {
	FL_OR,		/* the filters of a rule, require-any */
	FL_AND,		/* require-all */
	FL_NOT,		/* require-not */
	FL_PATH,	/* literal, subpath, prefix, regex */
	FL_NAME,	/* global-name, sysctl-name, ... */
	FL_IP,		/* (local|remote ip "HOST:PORT") */
	FL_UNIX,	/* (local|remote unix-socket [path filter]) */
	FL_VNODE,	/* vnode-type */
	FL_DOMAIN,	/* socket-domain */
	FL_TYPE,	/* socket-type */
	FL_PROTOCOL,	/* socket-protocol */
	FL_TARGET,	/* target */
	FL_MAYBE,	/* what cannot be known from outside */
};

/* IP kinds: which protocols and families a filter covers. */
#define IPK_TCP		0x1u
#define IPK_UDP		0x2u
#define IPK_V4		0x4u
#define IPK_V6		0x8u

struct sbpl_filter {
	enum fl_kind		  kind;
	const struct sbpl_node	 *node;
	enum sbpl_fmatch	  match;	/* PATH, NAME */
	bool			  local_name;	/* NAME: local-name-* */
	bool			  local;	/* IP, UNIX */
	unsigned		  ipkinds;	/* IP */
	bool			  any_host;	/* IP: "*", else localhost */
	unsigned		  port;		/* IP: 0 for "*" */
	struct value_of {
		const char		*s;	/* NULL for a number */
		const struct sbpl_node	*node;
		long			 num;
		/* A REGEX value: compiled at its first use when the
		 * profile's regexes are known to compile (a generated one),
		 * so that an answer pays only for the ones it reads. */
		int			 re_state;
		bool			 re_uncertain;
		regex_t			 re;
	}			 *values;	/* PATH, NAME, VNODE ... */
	size_t			  nvalues;
	struct sbpl_filter	**kids;
	size_t			  nkids;
};

/* States of a regex value. */
#define RE_LATER	0	/* not compiled yet */
#define RE_READY	1
#define RE_BAD		2	/* does not compile: never matches */

/* Compiles v's regex, setting its state; regcomp's result. */
int	sbpl_regex_compile(struct value_of *);

#endif
