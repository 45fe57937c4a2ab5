/* SPDX-License-Identifier: ISC */
/* exec-time.c: run a command N times, print the median, min and max wall
 * time and the peak resident set size of the children. Whole-process
 * timing, so start-up, parsing and output all count. With EXEC_TIME_ERRORS
 * set, exit status 1 (an error the command reports) counts as a run too,
 * and standard error goes to /dev/null as standard output does. */
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

int
main(int argc, char **argv)
{
	struct rusage ru;
	double *t, start;
	long rss;
	int n, i, status, devnull, errors_ok;
	pid_t pid;

	if (argc < 3 || (n = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: exec-time N COMMAND [ARG...]\n");
		return 2;
	}
	t = calloc((size_t)n, sizeof *t);
	devnull = open("/dev/null", O_WRONLY);
	errors_ok = getenv("EXEC_TIME_ERRORS") != NULL;
	for (i = 0; i < n; i++) {
		start = now_ms();
		if ((pid = fork()) == 0) {
			dup2(devnull, STDOUT_FILENO);
			if (errors_ok)
				dup2(devnull, STDERR_FILENO);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		waitpid(pid, &status, 0);
		t[i] = now_ms() - start;
		if (!WIFEXITED(status) || (WEXITSTATUS(status) != 0 &&
		    !(errors_ok && WEXITSTATUS(status) == 1))) {
			fprintf(stderr, "exec-time: %s failed\n", argv[2]);
			return 1;
		}
	}
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	getrusage(RUSAGE_CHILDREN, &ru);
	rss = ru.ru_maxrss;
#ifdef __APPLE__
	rss /= 1024;	/* bytes there, KiB elsewhere */
#endif
	printf("runs %d  median %.3f ms  min %.3f ms  max %.3f ms  peak RSS %ld KiB\n",
	    n, t[n / 2], t[0], t[n - 1], rss);
	free(t);
	return 0;
}
