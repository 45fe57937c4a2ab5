/* SPDX-License-Identifier: ISC */
/* xmalloc.c: allocation that cannot fail. */
#include "config.h"

#include "xmalloc.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void (*xmalloc_fatal)(void);

void
xmalloc_set_fatal(void (*fn)(void))
{
	xmalloc_fatal = fn;
}

static void
xmalloc_die(void)
{
	static const char msg[] = "sbpolicy: out of memory\n";

	if (xmalloc_fatal != NULL) {
		/* Once: the hook itself may run out of memory. */
		void (*fn)(void) = xmalloc_fatal;

		xmalloc_fatal = NULL;
		fn();
	}

	/* write(2), not stdio: stdio may itself need memory. */
	(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
	_exit(1);
}

void *
xmalloc(size_t size)
{
	void *p;

	assert(size != 0);
	if ((p = malloc(size)) == NULL)
		xmalloc_die();
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p;

	assert(nmemb != 0 && size != 0);
	if ((p = calloc(nmemb, size)) == NULL)
		xmalloc_die();
	return p;
}

void *
xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	void *p;

	assert(nmemb != 0 && size != 0);
	if (nmemb > SIZE_MAX / size)
		xmalloc_die();
	if ((p = realloc(ptr, nmemb * size)) == NULL)
		xmalloc_die();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
xasprintf(char **ret, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = xvasprintf(ret, fmt, ap);
	va_end(ap);
	return n;
}

int
xvasprintf(char **ret, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		xmalloc_die();
	*ret = xmalloc((size_t)n + 1);
	(void)vsnprintf(*ret, (size_t)n + 1, fmt, ap);
	return n;
}
