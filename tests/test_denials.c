/* SPDX-License-Identifier: ISC */
/* test_denials.c: the denial log parser, attribution, report and reader. */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "denials.h"
#include "denials-stream.h"
#include "helpers.h"
#include "launch.h"
#include "xmalloc.h"

#define TAG	"sbpolicy-run-4242-TEST"
#define ROOT	4242

/* --- one line ------------------------------------------------------------ */

static enum denials_kind
parse(const char *line, struct denial *d)
{
	return denials_parse_line(line, strlen(line), TAG, d);
}

static void
denials_parse_kernel_record(void **state)
{
	struct denial d;

	(void)state;
	assert_int_equal(parse("{\"processImagePath\":\"/kernel\","
	    "\"senderImagePath\":\"/System/Library/Extensions/Sandbox.kext/"
	    "Contents/MacOS/Sandbox\",\"eventMessage\":\"Sandbox: cat(22304) "
	    "deny(1) file-read-data /private/tmp/a b/.env\",\"processID\":0}",
	    &d), DENIALS_DENIAL);
	assert_string_equal(d.process, "cat");
	assert_int_equal(d.pid, 22304);
	assert_string_equal(d.operation, "file-read-data");
	assert_string_equal(d.target, "/private/tmp/a b/.env");
	assert_false(d.tagged);
	denial_clear(&d);
}

static void
denials_parse_tag_after_newline(void **state)
{
	struct denial d;

	(void)state;
	assert_int_equal(parse("{\"eventMessage\":\"Sandbox: curl(1234) "
	    "deny(1) network-outbound /private/var/run/mDNSResponder\\n"
	    TAG "\"}", &d), DENIALS_DENIAL);
	assert_true(d.tagged);
	assert_string_equal(d.target, "/private/var/run/mDNSResponder");
	denial_clear(&d);
}

static void
denials_parse_tag_on_the_same_line(void **state)
{
	struct denial d;

	(void)state;
	assert_int_equal(parse("{\"eventMessage\":\"Sandbox: x(1) deny(1) "
	    "file-read-data /a " TAG "\"}", &d), DENIALS_DENIAL);
	assert_true(d.tagged);
	assert_string_equal(d.target, "/a");
	denial_clear(&d);
}

static void
denials_parse_name_with_parentheses(void **state)
{
	struct denial d;

	(void)state;
	assert_int_equal(parse("{\"eventMessage\":\"Sandbox: Helper (GPU)(77)"
	    "  deny(3) mach-lookup com.apple.x\"}", &d), DENIALS_DENIAL);
	assert_string_equal(d.process, "Helper (GPU)");
	assert_int_equal(d.pid, 77);
	assert_string_equal(d.operation, "mach-lookup");
	assert_string_equal(d.target, "com.apple.x");
	denial_clear(&d);
}

static void
denials_parse_without_target(void **state)
{
	struct denial d;

	(void)state;
	assert_int_equal(parse("{\"eventMessage\":\"Sandbox: sh(9) deny(1) "
	    "process-fork\"}", &d), DENIALS_DENIAL);
	assert_string_equal(d.operation, "process-fork");
	assert_string_equal(d.target, "");
	denial_clear(&d);
}

static void
denials_parse_private_target(void **state)
{
	struct denial d;

	(void)state;
	assert_int_equal(parse("{\"eventMessage\":\"Sandbox: a(9) deny(1) "
	    "file-read-data <private>\"}", &d), DENIALS_DENIAL);
	assert_string_equal(d.target, "<private>");
	denial_clear(&d);
}

static void
denials_parse_unicode_escapes(void **state)
{
	struct denial d;

	(void)state;
	assert_int_equal(parse("{\"eventMessage\":\"Sandbox: a(9) deny(1) "
	    "file-read-data /caf\\u00e9/\\ud83d\\ude00/\\u20ac\\/x\"}", &d),
	    DENIALS_DENIAL);
	assert_string_equal(d.target, "/caf\xc3\xa9/\xf0\x9f\x98\x80/"
	    "\xe2\x82\xac/x");
	denial_clear(&d);
}

static void
denials_parse_banner_and_others(void **state)
{
	struct denial d;

	(void)state;
	assert_int_equal(parse("Filtering the log data using \"x\"", &d),
	    DENIALS_BANNER);
	assert_int_equal(parse("{\"eventMessage\":\"Sandbox: a(9) allow "
	    "file-read-data /x\"}", &d), DENIALS_OTHER);
	assert_int_equal(parse("{\"eventMessage\":\"hello\"}", &d),
	    DENIALS_OTHER);
	assert_int_equal(parse("{\"eventMessage\":null}", &d), DENIALS_OTHER);
	assert_int_equal(parse("{}", &d), DENIALS_OTHER);
	assert_int_equal(parse(" { } ", &d), DENIALS_OTHER);
	assert_int_equal(parse("{\"eventMessage\":\"Sandbox: 2 duplicate "
	    "reports for a deny(1) file-read-data /x\"}", &d), DENIALS_OTHER);
}

static void
denials_parse_malformed(void **state)
{
	static const char *const bad[] = {
		"",
		"not json",
		"{",
		"{\"eventMessage\":\"x\"",
		"{\"eventMessage\":\"x\"} {}",
		"[{\"eventMessage\":\"x\"}]",
		"{\"eventMessage\":\"\\x\"}",
		"{\"eventMessage\":\"\\u12\"}",
		"{\"eventMessage\":\"\\u0000\"}",
		"{\"eventMessage\":\"a\tb\"}",
		"{\"a\":01}",
		"{\"a\":1.}",
		"{\"a\":-}",
		"{\"a\":tru}",
		"{\"a\":[1,]}",
		"{\"a\":1,}",
		"{\"a\" 1}",
		"{1:2}",
		NULL
	};
	struct denial d;
	size_t i;

	(void)state;
	for (i = 0; bad[i] != NULL; i++) {
		if (parse(bad[i], &d) != DENIALS_MALFORMED)
			fail_msg("not malformed: %s", bad[i]);
	}
	/* A NUL byte inside the line. */
	assert_int_equal(denials_parse_line("{}\0{}", 5, TAG, &d),
	    DENIALS_MALFORMED);
}

static void
denials_parse_deep_nesting_is_malformed(void **state)
{
	struct denial d;
	char *line;
	size_t i, n = 200;

	(void)state;
	line = xmalloc(2 * n + 10);
	strcpy(line, "{\"a\":");
	for (i = 0; i < n; i++)
		strcat(line, "[");
	for (i = 0; i < n; i++)
		strcat(line, "]");
	strcat(line, "}");
	assert_int_equal(parse(line, &d), DENIALS_MALFORMED);
	free(line);
}

/* --- recorded samples -------------------------------------------------- */

/* Feeds file NAME.ndjson in chunks of `chunk` bytes (0: all at once). */
static char *
report_of(const char *name, const char *tag, pid_t root, size_t chunk,
    size_t *lines, size_t *malformed)
{
	struct denials ds;
	char *rel, *path, *data, *report;
	size_t len, off, n;

	xasprintf(&rel, "tests/denials/%s.ndjson", name);
	path = test_srcpath(rel);
	if ((data = test_slurp(path, &len)) == NULL)
		fail_msg("cannot read %s", path);
	denials_init(&ds, tag, root);
	for (off = 0; off < len; off += n) {
		n = chunk == 0 || len - off < chunk ? len - off : chunk;
		denials_feed(&ds, data + off, n);
	}
	denials_finish(&ds);
	report = denials_report(&ds);
	if (lines != NULL)
		*lines = ds.lines;
	if (malformed != NULL)
		*malformed = ds.malformed;
	denials_clear(&ds);
	free(data);
	free(path);
	free(rel);
	return report;
}

static char *
expected(const char *name)
{
	char *rel, *path, *data;

	xasprintf(&rel, "tests/denials/%s.expected", name);
	path = test_srcpath(rel);
	if ((data = test_slurp(path, NULL)) == NULL)
		fail_msg("cannot read %s", path);
	free(path);
	free(rel);
	return data;
}

static void
check_sample(const char *name, const char *tag, pid_t root)
{
	static const size_t chunks[] = { 0, 1, 7, 4096 };
	char *want, *got;
	size_t i;

	want = expected(name);
	for (i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
		got = report_of(name, tag, root, chunks[i], NULL, NULL);
		if (strcmp(got, want) != 0)
			fail_msg("%s (chunks of %zu):\n--- got\n%s--- want\n%s",
			    name, chunks[i], got, want);
		free(got);
	}
	free(want);
}

static void
denials_sample_basic(void **state)
{
	size_t lines, malformed;
	char *got;

	(void)state;
	check_sample("basic", TAG, ROOT);
	got = report_of("basic", TAG, ROOT, 0, &lines, &malformed);
	assert_int_equal(lines, 18);
	assert_int_equal(malformed, 0);
	free(got);
}

static void
denials_sample_others_none_found(void **state)
{
	(void)state;
	check_sample("others", TAG, ROOT);
}

static void
denials_sample_others_by_root_pid_only(void **state)
{
	char *got;

	(void)state;
	/* No tag (it did not make it into the records): the root pid alone. */
	got = report_of("others", NULL, 5000, 0, NULL, NULL);
	assert_string_equal(got, "=== Sandbox denials ===\n"
	    "(cat) file-read-data /Users/me/.ssh/id_ed25519\n");
	free(got);
}

static void
denials_sample_malformed(void **state)
{
	size_t lines, malformed;
	char *got;

	(void)state;
	check_sample("malformed", TAG, ROOT);
	got = report_of("malformed", TAG, ROOT, 0, &lines, &malformed);
	assert_int_equal(lines, 24);
	assert_int_equal(malformed, 11);
	free(got);
}

static void
denials_overlong_line_is_dropped(void **state)
{
	static const char ok[] = "{\"eventMessage\":\"Sandbox: a(4242) deny(1) "
	    "file-read-data /after\"}\n";
	struct denials ds;
	char *big, *report;
	size_t i;

	(void)state;
	big = xmalloc(DENIALS_LINE_MAX / 4);
	memset(big, 'x', DENIALS_LINE_MAX / 4);
	denials_init(&ds, TAG, ROOT);
	denials_feed(&ds, "{\"eventMessage\":\"", 17);
	for (i = 0; i < 5; i++)
		denials_feed(&ds, big, DENIALS_LINE_MAX / 4);
	denials_feed(&ds, "\"}\n", 3);
	denials_feed(&ds, ok, sizeof ok - 1);
	denials_finish(&ds);
	assert_int_equal(ds.lines, 2);
	assert_int_equal(ds.malformed, 1);
	report = denials_report(&ds);
	assert_string_equal(report, "=== Sandbox denials ===\n"
	    "(a) file-read-data /after\n");
	free(report);
	denials_clear(&ds);
	free(big);
}

static void
denials_report_none_found(void **state)
{
	struct denials ds;
	char *report;

	(void)state;
	denials_init(&ds, NULL, 0);
	report = denials_report(&ds);
	assert_string_equal(report, "=== Sandbox denials ===\nNone found.\n");
	free(report);
	denials_clear(&ds);
}

static void
denials_report_escapes_for_the_terminal(void **state)
{
	static const char line[] = "{\"eventMessage\":\"Sandbox: "
	    "e\\u001bvil(4242) deny(1) file-read-data "
	    "/a\\u009b2J\\u007f\\r\"}\n";
	struct denials ds;
	char *report;

	(void)state;
	denials_init(&ds, NULL, ROOT);
	denials_feed(&ds, line, sizeof line - 1);
	report = denials_report(&ds);
	assert_string_equal(report, "=== Sandbox denials ===\n"
	    "(e\\x1bvil) file-read-data /a\\xc2\\x9b2J\\x7f\n");
	free(report);
	denials_clear(&ds);
}

/* --- tagging the profile ------------------------------------------------- */

static void
denials_tag_profile_tags_every_deny(void **state)
{
	static const char in[] =
	    "; (deny in a comment)\n"
	    "(version 1)\n"
	    "(deny default)\n"
	    "(allow file-read*)\n"
	    "(deny file-read* (regex \"^/a\\\\(b\\\")(/.*)?$\"))\n"
	    "(deny network-outbound\n"
	    "  (remote unix-socket (subpath (param \"UNIX_SOCKET_DENY_0\"))))\n"
	    "(allow sysctl-read (sysctl-name-regex #\"^net.(route\"))\n"
	    "(deny file-write-unlink (regex #\"^/x)\"))\n"
	    "(deny mach-lookup (with no-report))\n"
	    "(denying-is-not-deny)\n";
	static const char want[] =
	    "; (deny in a comment)\n"
	    "(version 1)\n"
	    "(deny default (with message \"T\"))\n"
	    "(allow file-read*)\n"
	    "(deny file-read* (regex \"^/a\\\\(b\\\")(/.*)?$\") "
	    "(with message \"T\"))\n"
	    "(deny network-outbound\n"
	    "  (remote unix-socket (subpath (param \"UNIX_SOCKET_DENY_0\"))) "
	    "(with message \"T\"))\n"
	    "(allow sysctl-read (sysctl-name-regex #\"^net.(route\"))\n"
	    "(deny file-write-unlink (regex #\"^/x)\") (with message \"T\"))\n"
	    "(deny mach-lookup (with no-report))\n"
	    "(denying-is-not-deny)\n";
	char *out;

	(void)state;
	out = denials_tag_profile(in, "T");
	assert_string_equal(out, want);
	free(out);
}

static void
denials_tag_new_is_plain(void **state)
{
	char *a;
	const char *p;

	(void)state;
	a = denials_tag_new();
	assert_int_equal(strncmp(a, "sbpolicy-run-", 13), 0);
	for (p = a; *p != '\0'; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-'))
			fail_msg("tag %s has '%c'", a, *p);
	}
	free(a);
}

/* --- the log reader, with a fake `log` ---------------------------------- */

static char *sh_argv[6];

/* /bin/sh -c SCRIPT sh ARG: the fake log process. */
static char *const *
fake_log(const char *script, const char *arg)
{
	sh_argv[0] = (char *)"/bin/sh";
	sh_argv[1] = (char *)"-c";
	sh_argv[2] = (char *)script;
	sh_argv[3] = (char *)"sh";
	sh_argv[4] = (char *)arg;
	sh_argv[5] = NULL;
	return sh_argv;
}

static void
denials_log_reads_what_log_wrote(void **state)
{
	struct denials_log lg;
	struct denials ds;
	struct sb_error err;
	char *sample, *report, *want;

	(void)state;
	sample = test_srcpath("tests/denials/basic.ndjson");
	sb_error_init(&err);
	/* The banner comes in the sample's first line; then the records are
	 * there before the command even starts, as with a real log. */
	if (denials_log_start(&lg, fake_log("cat \"$1\"; exec sleep 30",
	    sample), NULL, 5000, NULL, &err) != 0)
		fail_msg("denials_log_start: %s", err.msg);
	assert_true(lg.pid > 0);
	denials_init(&ds, TAG, ROOT);
	denials_log_stop(&lg, 0, &ds);
	assert_int_equal(lg.pid, 0);
	assert_int_equal(lg.fd, -1);
	report = denials_report(&ds);
	want = expected("basic");
	assert_string_equal(report, want);
	free(want);
	free(report);
	denials_clear(&ds);
	free(sample);
}

static void
denials_log_waits_for_a_late_banner(void **state)
{
	struct denials_log lg;
	struct denials ds;
	struct sb_error err;
	char *report;

	(void)state;
	sb_error_init(&err);
	if (denials_log_start(&lg, fake_log("sleep 1; echo 'Filtering the log "
	    "data using \"p\"'; printf '%s\\n' '{\"eventMessage\":\"Sandbox: "
	    "a(1) deny(1) file-read-data /x\\n" TAG "\"}'; exec sleep 30", ""),
	    NULL, 5000, NULL, &err) != 0)
		fail_msg("denials_log_start: %s", err.msg);
	denials_init(&ds, TAG, ROOT);
	denials_log_stop(&lg, 100, &ds);
	report = denials_report(&ds);
	assert_string_equal(report, "=== Sandbox denials ===\n"
	    "(a) file-read-data /x\n");
	free(report);
	denials_clear(&ds);
}

static void
denials_log_not_ready_times_out(void **state)
{
	struct denials_log lg;
	struct sb_error err;
	struct timespec t0, t1;
	double ms;

	(void)state;
	sb_error_init(&err);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(denials_log_start(&lg, fake_log("exec sleep 30", ""),
	    "/tmp/", 200, NULL, &err), -1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
	assert_true(ms >= 200 && ms < 5000);
	assert_string_equal(err.msg, "/bin/sh was not ready after 200 ms");
	assert_int_equal(lg.pid, 0);
	assert_int_equal(lg.fd, -1);
	/* Nothing is left running: no child of ours remains. */
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);
}

static void
denials_log_exit_before_ready_says_why(void **state)
{
	struct denials_log lg;
	struct denials ds;
	struct sb_error err;

	(void)state;
	sb_error_init(&err);
	assert_int_equal(denials_log_start(&lg, fake_log("echo 'log: Must be "
	    "admin to run '\\''stream'\\'' command'; echo second; exit 64", ""),
	    NULL, 5000, NULL, &err), -1);
	assert_string_equal(err.msg, "/bin/sh exited before it was ready: "
	    "\"log: Must be admin to run 'stream' command\"");
	assert_int_equal(lg.pid, 0);
	/* Stopping a log that never started is harmless. */
	denials_init(&ds, TAG, ROOT);
	denials_log_stop(&lg, 0, &ds);
	assert_int_equal(ds.n, 0);
	denials_clear(&ds);
}

static void
denials_log_missing_program(void **state)
{
	static char *argv[] = { (char *)"/nonexistent/log", NULL };
	struct denials_log lg;
	struct sb_error err;

	(void)state;
	sb_error_init(&err);
	assert_int_equal(denials_log_start(&lg, argv, NULL, 2000, NULL, &err),
	    -1);
	assert_string_equal(err.msg, "/nonexistent/log exited before it was "
	    "ready");
}

static void
denials_log_names_a_hostile_tmpdir_on_one_line(void **state)
{
	static char *argv[] = { (char *)"/nonexistent/log", NULL };
	struct denials_log lg;
	struct sb_error err;

	(void)state;
	sb_error_init(&err);
	assert_int_equal(denials_log_start(&lg, argv, "/nonexistent/a\nb/",
	    2000, NULL, &err), -1);
	assert_string_equal(err.msg, "cannot create a file in "
	    "\"/nonexistent/a\\nb\": No such file or directory");
}

/*
 * A log of several MiB: the banner across the first 8 KiB chunk boundary,
 * lines of every kind (a long one over several chunks, a malformed one, a
 * CRLF one) and denials scattered through. Returns its length.
 */
static size_t
write_big_log(const char *path)
{
	struct stat sb;
	FILE *fp;
	long i;
	int j;

	if ((fp = fopen(path, "w")) == NULL)
		fail_msg("%s: %s", path, strerror(errno));
	/* 8190 bytes, so the banner starts 2 bytes before offset 8192. */
	for (j = 0; j < 8189; j++)
		putc('a', fp);
	fputs("\nFiltering the log data using \"p\"\n", fp);
	for (i = 0; i < 150000; i++) {
		fprintf(fp, "{\"eventMessage\":\"someone else's record %ld\","
		    "\"processID\":%ld}\n", i, i);
		if (i % 30000 == 7)
			fprintf(fp, "{\"eventMessage\":\"Sandbox: p%ld(1) "
			    "deny(1) file-read-data /x/%ld\\n" TAG "\"}\n",
			    i, i);
		if (i == 1000) {
			fputs("{\"eventMessage\":\"", fp);
			for (j = 0; j < 20000; j++)
				putc('y', fp);
			fputs("\"}\n", fp);
		}
		if (i == 2000)
			fputs("not json\n{\"eventMessage\":\"crlf\"}\r\n", fp);
	}
	/* Unfinished: denials_finish takes it. */
	fputs("{\"eventMessage\":\"Sandbox: last(4242) deny(1) "
	    "file-write-data /z\"}", fp);
	if (fclose(fp) != 0 || stat(path, &sb) == -1)
		fail_msg("%s: %s", path, strerror(errno));
	return (size_t)sb.st_size;
}

static void
denials_log_reads_a_large_log_in_chunks(void **state)
{
	struct denials_log lg;
	struct denials ds, one;
	struct sb_error err;
	char *data, *got, *want;
	size_t len, size;
	int i;

	(void)state;
	size = write_big_log("denials-big.ndjson");
	assert_true(size > 4 * 1024 * 1024);
	sb_error_init(&err);
	unlink("denials-big.done");
	if (denials_log_start(&lg, fake_log("cat \"$1\"; : >denials-big.done; "
	    "exec sleep 30", "denials-big.ndjson"), NULL, 5000, NULL,
	    &err) != 0)
		fail_msg("denials_log_start: %s", err.msg);
	/* Ready is at the banner: wait for the rest before stopping it. */
	for (i = 0; i < 1000 && access("denials-big.done", F_OK) == -1; i++)
		usleep(10000);
	assert_int_equal(access("denials-big.done", F_OK), 0);
	denials_init(&ds, TAG, ROOT);
	denials_log_stop(&lg, 0, &ds);

	/* The same bytes in one piece. */
	data = test_slurp("denials-big.ndjson", &len);
	assert_int_equal(len, size);
	denials_init(&one, TAG, ROOT);
	denials_feed(&one, data, len);
	denials_finish(&one);
	free(data);

	assert_int_equal(ds.lines, one.lines);
	assert_int_equal(ds.malformed, one.malformed);
	assert_int_equal(ds.n, one.n);
	got = denials_report(&ds);
	want = denials_report(&one);
	assert_string_equal(got, want);
	/* And what that is: 5 tagged denials and the root's last one; the
	 * first line, the 'not json' one and nothing else malformed. */
	assert_int_equal(ds.n, 6);
	assert_int_equal(ds.malformed, 2);
	assert_non_null(strstr(got, "(p7) file-read-data /x/7\n"));
	assert_non_null(strstr(got, "(p120007) file-read-data /x/120007\n"));
	assert_non_null(strstr(got, "(last) file-write-data /z\n"));
	free(got);
	free(want);
	denials_clear(&ds);
	denials_clear(&one);
	unlink("denials-big.ndjson");
	unlink("denials-big.done");
}

static double
ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1e3 +
	    (t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* The disposition of sig is the plain handler h (SIG_DFL, SIG_IGN). */
static bool
disposition_is(int sig, void (*h)(int))
{
	struct sigaction sa;

	return sigaction(sig, NULL, &sa) == 0 && !(sa.sa_flags & SA_SIGINFO) &&
	    sa.sa_handler == h;
}

/*
 * `run --log-denials` waits up to 5 s for log stream with the signals
 * caught: one that comes meanwhile ends the wait at once and leaves no log
 * process behind (by default it would have killed us and left it running).
 */
static void
denials_log_start_ends_on_a_signal(void **state)
{
	const volatile sig_atomic_t *caught;
	struct denials_log lg;
	struct denials ds;
	struct sb_error err;
	struct timespec t0;

	(void)state;
	sb_error_init(&err);
	caught = launch_catch_begin();
	assert_int_equal(*caught, 0);
	assert_false(disposition_is(SIGTERM, SIG_DFL));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* Its parent is us: a SIGTERM from outside, during the wait. */
	assert_int_equal(denials_log_start(&lg, fake_log("sleep 1; "
	    "kill -TERM $PPID; exec sleep 30", ""), NULL, 20000, caught,
	    &err), -1);
	assert_true(ms_since(&t0) < 10000);
	assert_int_equal(*caught, SIGTERM);
	assert_string_equal(err.msg, "/bin/sh: interrupted before it was "
	    "ready");
	assert_int_equal(lg.pid, 0);
	assert_int_equal(lg.fd, -1);
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);
	denials_init(&ds, TAG, ROOT);
	denials_log_stop(&lg, 1000, &ds);
	denials_clear(&ds);
	launch_catch_end();
	/* Still readable, and the default is back. */
	assert_int_equal(*caught, SIGTERM);
	assert_true(disposition_is(SIGTERM, SIG_DFL));
}

/* The grace after the command, the same: cut short, the log stopped and
 * read. */
static void
denials_log_grace_ends_on_a_signal(void **state)
{
	const volatile sig_atomic_t *caught;
	struct denials_log lg;
	struct denials ds;
	struct sb_error err;
	struct timespec t0;
	pid_t sender;
	char *report;

	(void)state;
	sb_error_init(&err);
	caught = launch_catch_begin();
	if (denials_log_start(&lg, fake_log("echo 'Filtering the log data'; "
	    "printf '%s\\n' '{\"eventMessage\":\"Sandbox: a(1) deny(1) "
	    "file-read-data /x\\n" TAG "\"}'; exec sleep 30", ""), NULL, 5000,
	    caught, &err) != 0)
		fail_msg("denials_log_start: %s", err.msg);
	assert_int_equal(*caught, 0);
	if ((sender = fork()) == -1)
		fail_msg("fork: %s", strerror(errno));
	if (sender == 0) {
		usleep(300000);
		kill(getppid(), SIGINT);
		_exit(0);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	denials_init(&ds, TAG, ROOT);
	denials_log_stop(&lg, 20000, &ds);
	assert_true(ms_since(&t0) < 10000);
	assert_int_equal(*caught, SIGINT);
	assert_int_equal(lg.pid, 0);
	report = denials_report(&ds);
	assert_string_equal(report, "=== Sandbox denials ===\n"
	    "(a) file-read-data /x\n");
	free(report);
	denials_clear(&ds);
	assert_int_equal(waitpid(sender, NULL, 0), sender);
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
	launch_catch_end();
	assert_true(disposition_is(SIGINT, SIG_DFL));
}

/* An ignored signal (nohup) stays ignored: the command inherits that. */
static void
denials_catch_leaves_ignored_signals_alone(void **state)
{
	(void)state;
	signal(SIGHUP, SIG_IGN);
	(void)launch_catch_begin();
	assert_true(disposition_is(SIGHUP, SIG_IGN));
	assert_false(disposition_is(SIGQUIT, SIG_DFL));
	launch_catch_end();
	assert_true(disposition_is(SIGHUP, SIG_IGN));
	assert_true(disposition_is(SIGQUIT, SIG_DFL));
	signal(SIGHUP, SIG_DFL);
}

static void
denials_log_argv_is_the_codex_predicate(void **state)
{
	(void)state;
	assert_string_equal(denials_log_argv[0], "/usr/bin/log");
	assert_string_equal(denials_log_argv[1], "stream");
	assert_string_equal(denials_log_argv[2], "--style");
	assert_string_equal(denials_log_argv[3], "ndjson");
	assert_string_equal(denials_log_argv[4], "--predicate");
	assert_string_equal(denials_log_argv[5], "(((processID == 0) AND "
	    "(senderImagePath CONTAINS \"/Sandbox\")) OR (subsystem == "
	    "\"com.apple.sandbox.reporting\"))");
	assert_null(denials_log_argv[6]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(denials_parse_kernel_record),
		cmocka_unit_test(denials_parse_tag_after_newline),
		cmocka_unit_test(denials_parse_tag_on_the_same_line),
		cmocka_unit_test(denials_parse_name_with_parentheses),
		cmocka_unit_test(denials_parse_without_target),
		cmocka_unit_test(denials_parse_private_target),
		cmocka_unit_test(denials_parse_unicode_escapes),
		cmocka_unit_test(denials_parse_banner_and_others),
		cmocka_unit_test(denials_parse_malformed),
		cmocka_unit_test(denials_parse_deep_nesting_is_malformed),
		cmocka_unit_test(denials_sample_basic),
		cmocka_unit_test(denials_sample_others_none_found),
		cmocka_unit_test(denials_sample_others_by_root_pid_only),
		cmocka_unit_test(denials_sample_malformed),
		cmocka_unit_test(denials_overlong_line_is_dropped),
		cmocka_unit_test(denials_report_none_found),
		cmocka_unit_test(denials_report_escapes_for_the_terminal),
		cmocka_unit_test(denials_tag_profile_tags_every_deny),
		cmocka_unit_test(denials_tag_new_is_plain),
		cmocka_unit_test(denials_log_reads_what_log_wrote),
		cmocka_unit_test(denials_log_waits_for_a_late_banner),
		cmocka_unit_test(denials_log_reads_a_large_log_in_chunks),
		cmocka_unit_test(denials_log_not_ready_times_out),
		cmocka_unit_test(denials_log_exit_before_ready_says_why),
		cmocka_unit_test(denials_log_missing_program),
		cmocka_unit_test(denials_log_names_a_hostile_tmpdir_on_one_line),
		cmocka_unit_test(denials_log_start_ends_on_a_signal),
		cmocka_unit_test(denials_log_grace_ends_on_a_signal),
		cmocka_unit_test(denials_catch_leaves_ignored_signals_alone),
		cmocka_unit_test(denials_log_argv_is_the_codex_predicate),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
