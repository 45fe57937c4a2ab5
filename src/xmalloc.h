/* SPDX-License-Identifier: ISC */
/* xmalloc.h: allocation that cannot fail (it exits the program instead). */
#ifndef SBPOLICY_XMALLOC_H
#define SBPOLICY_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

/*
 * These are the only functions in the core that may end the process: when
 * memory runs out they print "sbpolicy: out of memory" and exit with status 1.
 * Zero sizes are programmer errors (assert). Results are freed with free(3).
 */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 xasprintf(char **, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	 xvasprintf(char **, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));

/*
 * A function run before the out-of-memory exit, so that a program holding
 * the terminal (the TUI) can give it back first. NULL for none.
 */
void	 xmalloc_set_fatal(void (*)(void));

#endif
