/* SPDX-License-Identifier: ISC */
/* test_fileio.c: what file_write_* does with each kind of target, and file
 * names in messages. Files are made in the build directory. */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fileio.h"
#include "helpers.h"
#include "params-json.h"
#include "params.h"
#include "xmalloc.h"

#define TEXT	"(version 1)\n"

/* A fresh, empty directory for one test. */
static void
fresh_dir(const char *dir)
{
	char *cmd;

	xasprintf(&cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	assert_int_equal(mkdir(dir, 0755), 0);
}

static void
remove_dir(const char *dir)
{
	char *cmd;

	xasprintf(&cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

/* path holds exactly want. */
static void
assert_holds(const char *path, const char *want)
{
	char *data;

	data = test_slurp(path, NULL);
	assert_non_null(data);
	assert_string_equal(data, want);
	free(data);
}

/* Writes TEXT to path, which must succeed. */
static void
write_ok(const char *path)
{
	struct sb_error err;

	sb_error_init(&err);
	if (file_write_atomic(path, TEXT, strlen(TEXT), &err) == -1)
		fail_msg("%s: unexpected error: %s", path, err.msg);
}

/* Writing to path fails with exactly want. */
static void
write_fails(const char *path, const char *want)
{
	struct sb_error err;

	sb_error_init(&err);
	assert_int_equal(file_write_atomic(path, TEXT, strlen(TEXT), &err), -1);
	assert_string_equal(err.msg, want);
}

static void
file_write_keeps_the_mode_of_the_file_it_replaces(void **state)
{
	struct stat sb;
	mode_t mask;

	(void)state;
	fresh_dir("fw-mode");
	assert_int_equal(test_write_file("fw-mode/secret.sb", "old\n", 4), 0);
	assert_int_equal(chmod("fw-mode/secret.sb", 0600), 0);
	assert_int_equal(test_write_file("fw-mode/shared.sb", "old\n", 4), 0);
	assert_int_equal(chmod("fw-mode/shared.sb", 0664), 0);
	mask = umask(022);
	write_ok("fw-mode/secret.sb");
	write_ok("fw-mode/shared.sb");
	write_ok("fw-mode/new.sb");
	umask(077);
	write_ok("fw-mode/private-new.sb");
	umask(mask);
	assert_int_equal(stat("fw-mode/secret.sb", &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
	assert_int_equal(stat("fw-mode/shared.sb", &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0664);
	assert_int_equal(stat("fw-mode/new.sb", &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0644);
	assert_int_equal(stat("fw-mode/private-new.sb", &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
	assert_holds("fw-mode/secret.sb", TEXT);
	assert_int_equal(test_count_entries("fw-mode"), 4);
	remove_dir("fw-mode");
}

static void
file_write_gives_root_written_files_back_to_their_owner(void **state)
{
	struct stat sb;

	(void)state;
	if (geteuid() != 0)
		skip();
	fresh_dir("fw-owner");
	assert_int_equal(test_write_file("fw-owner/theirs.sb", "old\n", 4), 0);
	assert_int_equal(chown("fw-owner/theirs.sb", 65534, 65534), 0);
	write_ok("fw-owner/theirs.sb");
	assert_int_equal(stat("fw-owner/theirs.sb", &sb), 0);
	assert_int_equal(sb.st_uid, 65534);
	assert_int_equal(sb.st_gid, 65534);
	remove_dir("fw-owner");
}

static void
file_write_follows_a_symlink_and_keeps_it(void **state)
{
	struct stat sb;
	char buf[64], *here, *abs;
	ssize_t n;

	(void)state;
	fresh_dir("fw-link");
	assert_int_equal(mkdir("fw-link/d", 0755), 0);
	assert_int_equal(test_write_file("fw-link/d/target.sb", "old\n", 4), 0);
	assert_int_equal(chmod("fw-link/d/target.sb", 0600), 0);
	/* Relative to the link's directory, not to ours. */
	assert_int_equal(symlink("target.sb", "fw-link/d/link.sb"), 0);
	write_ok("fw-link/d/link.sb");
	assert_int_equal(lstat("fw-link/d/link.sb", &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	n = readlink("fw-link/d/link.sb", buf, sizeof buf - 1);
	assert_int_equal(n, 9);
	buf[n] = '\0';
	assert_string_equal(buf, "target.sb");
	assert_holds("fw-link/d/target.sb", TEXT);
	assert_int_equal(stat("fw-link/d/target.sb", &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
	assert_int_equal(test_count_entries("fw-link/d"), 2);

	/* A chain of links, the last one absolute. */
	assert_int_equal(test_write_file("fw-link/abs.sb", "old\n", 4), 0);
	assert_non_null(here = getcwd(NULL, 0));
	xasprintf(&abs, "%s/fw-link/abs.sb", here);
	assert_int_equal(symlink(abs, "fw-link/d/to-abs"), 0);
	free(abs);
	free(here);
	assert_int_equal(symlink("d/to-abs", "fw-link/chain"), 0);
	write_ok("fw-link/chain");
	assert_holds("fw-link/abs.sb", TEXT);
	assert_int_equal(lstat("fw-link/chain", &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	remove_dir("fw-link");
}

static void
file_write_through_a_dangling_link_creates_its_target(void **state)
{
	struct sb_error err;
	struct stat sb;

	(void)state;
	fresh_dir("fw-dangling");
	assert_int_equal(mkdir("fw-dangling/d", 0755), 0);
	assert_int_equal(symlink("d/new.sb", "fw-dangling/link.sb"), 0);
	write_ok("fw-dangling/link.sb");
	assert_int_equal(lstat("fw-dangling/link.sb", &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	assert_holds("fw-dangling/d/new.sb", TEXT);
	assert_int_equal(test_count_entries("fw-dangling/d"), 1);

	/* Into a directory that is not there: the link is named. */
	assert_int_equal(symlink("nodir/x.sb", "fw-dangling/nowhere"), 0);
	write_fails("fw-dangling/nowhere",
	    "fw-dangling/nowhere: No such file or directory");
	/* A loop: strerror(ELOOP)'s words differ between systems. */
	assert_int_equal(symlink("loop", "fw-dangling/loop"), 0);
	sb_error_init(&err);
	assert_int_equal(file_write_atomic("fw-dangling/loop", "x", 1, &err),
	    -1);
	assert_int_equal(strncmp(err.msg, "fw-dangling/loop: ", 18), 0);
	assert_int_equal(test_count_entries("fw-dangling"), 4);
	remove_dir("fw-dangling");
}

static void
file_write_refuses_a_directory(void **state)
{
	(void)state;
	fresh_dir("fw-dir");
	assert_int_equal(mkdir("fw-dir/sub", 0755), 0);
	assert_int_equal(symlink("sub", "fw-dir/to-sub"), 0);
	write_fails("fw-dir/sub", "fw-dir/sub: is a directory");
	write_fails("fw-dir/to-sub", "fw-dir/to-sub: is a directory");
	write_fails("fw-dir/new/", "fw-dir/new/: is a directory");
	write_fails("fw-dir/sub/", "fw-dir/sub/: is a directory");
	write_fails("", "output file name is empty");
	assert_int_equal(test_count_entries("fw-dir"), 2);
	assert_int_equal(test_count_entries("fw-dir/sub"), 0);
	remove_dir("fw-dir");
}

static void
file_write_writes_a_fifo_in_place(void **state)
{
	struct stat sb;
	char buf[64];
	ssize_t n;
	int rfd;

	(void)state;
	fresh_dir("fw-fifo");
	if (mkfifo("fw-fifo/pipe", 0600) == -1) {
		remove_dir("fw-fifo");
		skip();
	}
	/* A reader first, so that opening for writing does not wait. */
	rfd = open("fw-fifo/pipe", O_RDONLY | O_NONBLOCK);
	assert_true(rfd != -1);
	write_ok("fw-fifo/pipe");
	n = read(rfd, buf, sizeof buf - 1);
	assert_int_equal(n, (ssize_t)strlen(TEXT));
	buf[n] = '\0';
	assert_string_equal(buf, TEXT);
	close(rfd);
	assert_int_equal(lstat("fw-fifo/pipe", &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	assert_int_equal(test_count_entries("fw-fifo"), 1);
	remove_dir("fw-fifo");
}

/* With FILE_WRITE_REGULAR, writing path fails with exactly want. */
static void
write_regular_fails(const char *path, const char *want)
{
	struct sb_error err;

	sb_error_init(&err);
	assert_int_equal(file_write_atomic_flags(path, TEXT, strlen(TEXT),
	    FILE_WRITE_REGULAR, &err), -1);
	assert_string_equal(err.msg, want);
}

/*
 * Regular files only (the TUI's save): a FIFO, even one with no reader, is
 * refused at once rather than opened, which would wait for a reader; so is
 * a device. Regular files and new ones are written as usual.
 */
static void
file_write_regular_only_refuses_a_fifo_without_waiting(void **state)
{
	struct sb_error err;
	struct params p;
	struct stat sb;

	(void)state;
	fresh_dir("fw-reg");
	if (mkfifo("fw-reg/pipe", 0600) == -1) {
		remove_dir("fw-reg");
		skip();
	}
	assert_int_equal(symlink("pipe", "fw-reg/to-pipe"), 0);
	/* A hang (the open waiting for a reader) fails the test. */
	alarm(20);
	write_regular_fails("fw-reg/pipe", "fw-reg/pipe: not a regular file");
	write_regular_fails("fw-reg/to-pipe",
	    "fw-reg/to-pipe: not a regular file");
	write_regular_fails("/dev/null", "/dev/null: not a regular file");
	write_regular_fails("fw-reg", "fw-reg: is a directory");
	params_init(&p);
	sb_error_init(&err);
	assert_int_equal(params_json_save_flags("fw-reg/pipe", &p,
	    FILE_WRITE_REGULAR, &err), -1);
	assert_string_equal(err.msg, "fw-reg/pipe: not a regular file");
	alarm(0);
	assert_int_equal(lstat("fw-reg/pipe", &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));

	sb_error_init(&err);
	assert_int_equal(params_json_save_flags("fw-reg/p.json", &p,
	    FILE_WRITE_REGULAR, &err), 0);
	assert_int_equal(file_write_atomic_flags("fw-reg/p.json", TEXT,
	    strlen(TEXT), FILE_WRITE_REGULAR, &err), 0);
	assert_holds("fw-reg/p.json", TEXT);
	params_clear(&p);
	/* pipe, to-pipe, p.json: no temporary file left behind. */
	assert_int_equal(test_count_entries("fw-reg"), 3);
	remove_dir("fw-reg");
}

static void
file_write_writes_a_device_in_place(void **state)
{
	struct file_write w;
	struct sb_error err;
	struct stat before, after;

	(void)state;
	if (lstat("/dev/null", &before) == -1 || !S_ISCHR(before.st_mode))
		skip();
	sb_error_init(&err);
	assert_int_equal(file_write_prepare(&w, "/dev/null", TEXT,
	    strlen(TEXT), &err), 0);
	/* Only a direct write may go on: a temporary file renamed over
	 * /dev/null (as root) would break the machine this runs on. */
	if (w.tmp != NULL) {
		file_write_abort(&w);
		fail_msg("/dev/null would be replaced by a regular file");
	}
	assert_int_equal(file_write_commit(&w, &err), 0);
	assert_int_equal(lstat("/dev/null", &after), 0);
	assert_true(S_ISCHR(after.st_mode));
	assert_int_equal(after.st_ino, before.st_ino);
	assert_int_equal(after.st_rdev, before.st_rdev);
}

static void
file_write_takes_a_name_of_250_bytes(void **state)
{
	char name[251], *path;

	(void)state;
	fresh_dir("fw-long");
	memset(name, 'n', 250);
	name[250] = '\0';
	xasprintf(&path, "fw-long/%s", name);
	write_ok(path);
	assert_holds(path, TEXT);
	/* Again, replacing it. */
	write_ok(path);
	assert_int_equal(test_count_entries("fw-long"), 1);
	free(path);
	remove_dir("fw-long");
}

static void
file_write_abort_leaves_everything_as_it_was(void **state)
{
	struct file_write a, b;
	struct sb_error err;

	(void)state;
	fresh_dir("fw-abort");
	assert_int_equal(test_write_file("fw-abort/old.sb", "old\n", 4), 0);
	sb_error_init(&err);
	assert_int_equal(file_write_prepare(&a, "fw-abort/old.sb", TEXT,
	    strlen(TEXT), &err), 0);
	assert_int_equal(file_write_prepare(&b, "fw-abort/new.sb", TEXT,
	    strlen(TEXT), &err), 0);
	/* Both written beside their targets, neither in place yet. */
	assert_int_equal(test_count_entries("fw-abort"), 3);
	assert_holds("fw-abort/old.sb", "old\n");
	assert_int_equal(access("fw-abort/new.sb", F_OK), -1);
	file_write_abort(&a);
	file_write_abort(&b);
	assert_int_equal(test_count_entries("fw-abort"), 1);
	assert_holds("fw-abort/old.sb", "old\n");

	/* A second file that cannot be prepared: the first is aborted. */
	assert_int_equal(file_write_prepare(&a, "fw-abort/old.sb", TEXT,
	    strlen(TEXT), &err), 0);
	assert_int_equal(file_write_prepare(&b, "fw-abort/nodir/x.sb", TEXT,
	    strlen(TEXT), &err), -1);
	assert_string_equal(err.msg,
	    "fw-abort/nodir/x.sb: No such file or directory");
	file_write_abort(&a);
	assert_int_equal(test_count_entries("fw-abort"), 1);
	assert_holds("fw-abort/old.sb", "old\n");

	/* Commit puts it in place and leaves no temporary file. */
	sb_error_init(&err);
	assert_int_equal(file_write_prepare(&a, "fw-abort/old.sb", TEXT,
	    strlen(TEXT), &err), 0);
	assert_int_equal(file_write_commit(&a, &err), 0);
	assert_holds("fw-abort/old.sb", TEXT);
	assert_int_equal(test_count_entries("fw-abort"), 1);
	remove_dir("fw-abort");
}

static void
file_write_commit_fails_cleanly_when_the_target_changed(void **state)
{
	struct file_write w;
	struct sb_error err;

	(void)state;
	fresh_dir("fw-late");
	sb_error_init(&err);
	assert_int_equal(file_write_prepare(&w, "fw-late/x.sb", TEXT,
	    strlen(TEXT), &err), 0);
	/* Between prepare and commit, a directory took its place. */
	assert_int_equal(mkdir("fw-late/x.sb", 0755), 0);
	assert_int_equal(file_write_commit(&w, &err), -1);
	assert_string_equal(err.msg, "fw-late/x.sb: is a directory");
	assert_int_equal(test_count_entries("fw-late"), 1);
	remove_dir("fw-late");
}

/* err.msg starts with want (the rest is strerror's, which varies). */
static void
assert_msg_starts(const struct sb_error *err, const char *want)
{
	if (strncmp(err->msg, want, strlen(want)) != 0)
		fail_msg("error \"%s\" does not start with \"%s\"", err->msg,
		    want);
}

/*
 * commit_all writes in place first, whatever the order it is given, and a
 * failure there leaves the renamed ones untouched: a FIFO whose reader has
 * gone (EPIPE), and /dev/full where there is one.
 */
static void
file_write_commit_all_writes_in_place_first(void **state)
{
	struct file_write w[2];
	struct sb_error err;
	char buf[64];
	ssize_t n;
	int rfd;

	(void)state;
	fresh_dir("fw-order");
	if (mkfifo("fw-order/pipe", 0600) == -1) {
		remove_dir("fw-order");
		skip();
	}
	signal(SIGPIPE, SIG_IGN);
	assert_int_equal(test_write_file("fw-order/keep.sb", "old\n", 4), 0);
	rfd = open("fw-order/pipe", O_RDONLY | O_NONBLOCK);
	assert_true(rfd != -1);
	sb_error_init(&err);
	assert_int_equal(file_write_prepare(&w[0], "fw-order/keep.sb", TEXT,
	    strlen(TEXT), &err), 0);
	assert_int_equal(file_write_prepare(&w[1], "fw-order/pipe", TEXT,
	    strlen(TEXT), &err), 0);
	assert_false(file_write_in_place(&w[0]));
	assert_true(file_write_in_place(&w[1]));
	close(rfd);
	assert_int_equal(file_write_commit_all(w, 2, &err), -1);
	assert_msg_starts(&err, "fw-order/pipe: ");
	assert_null(w[0].name);
	assert_null(w[1].name);
	assert_holds("fw-order/keep.sb", "old\n");
	assert_int_equal(test_count_entries("fw-order"), 2);

	/* Both succeed: both written. */
	rfd = open("fw-order/pipe", O_RDONLY | O_NONBLOCK);
	assert_true(rfd != -1);
	sb_error_init(&err);
	assert_int_equal(file_write_prepare(&w[0], "fw-order/keep.sb", TEXT,
	    strlen(TEXT), &err), 0);
	assert_int_equal(file_write_prepare(&w[1], "fw-order/pipe", TEXT,
	    strlen(TEXT), &err), 0);
	assert_int_equal(file_write_commit_all(w, 2, &err), 0);
	n = read(rfd, buf, sizeof buf - 1);
	assert_int_equal(n, (ssize_t)strlen(TEXT));
	close(rfd);
	assert_holds("fw-order/keep.sb", TEXT);
	assert_int_equal(test_count_entries("fw-order"), 2);

	if (access("/dev/full", W_OK) == 0) {
		assert_int_equal(file_write_prepare(&w[0], "fw-order/keep.sb",
		    "new\n", 4, &err), 0);
		assert_int_equal(file_write_prepare(&w[1], "/dev/full", TEXT,
		    strlen(TEXT), &err), 0);
		assert_int_equal(file_write_commit_all(w, 2, &err), -1);
		assert_msg_starts(&err, "/dev/full: ");
		assert_holds("fw-order/keep.sb", TEXT);
		assert_int_equal(test_count_entries("fw-order"), 2);
	}
	/* Released ones are skipped, by abort_all too. */
	file_write_abort_all(w, 2);
	assert_int_equal(file_write_commit_all(w, 2, &err), 0);
	remove_dir("fw-order");
}

/* A temporary left behind by a write killed before its commit is reused
 * by the next write to the same target, and gone after it. */
static void
file_write_replaces_a_stale_temporary(void **state)
{
	struct file_write w;
	struct sb_error err;
	struct stat sb;
	char name[251], *path, *tmp;

	(void)state;
	fresh_dir("fw-stale");
	sb_error_init(&err);
	assert_int_equal(file_write_prepare(&w, "fw-stale/x.sb", TEXT,
	    strlen(TEXT), &err), 0);
	assert_string_equal(w.tmp, "fw-stale/.sbpolicy.x.sb.tmp");
	file_write_abort(&w);
	assert_int_equal(test_count_entries("fw-stale"), 0);

	/* Longer than the data to come, so a missing truncation shows. */
	assert_int_equal(test_write_file("fw-stale/.sbpolicy.x.sb.tmp",
	    "stale and long, longer than TEXT\n", 33), 0);
	assert_int_equal(chmod("fw-stale/.sbpolicy.x.sb.tmp", 0400), 0);
	write_ok("fw-stale/x.sb");
	assert_holds("fw-stale/x.sb", TEXT);
	assert_int_equal(test_count_entries("fw-stale"), 1);

	/* Over an existing file: its mode wins over the stale one's. */
	assert_int_equal(chmod("fw-stale/x.sb", 0640), 0);
	assert_int_equal(test_write_file("fw-stale/.sbpolicy.x.sb.tmp",
	    "stale\n", 6), 0);
	assert_int_equal(chmod("fw-stale/.sbpolicy.x.sb.tmp", 0666), 0);
	write_ok("fw-stale/x.sb");
	assert_holds("fw-stale/x.sb", TEXT);
	assert_int_equal(stat("fw-stale/x.sb", &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0640);
	assert_int_equal(test_count_entries("fw-stale"), 1);

	/* A name too long for ".sbpolicy.NAME.tmp": hashed, the same every
	 * time. */
	memset(name, 'n', 250);
	name[250] = '\0';
	xasprintf(&path, "fw-stale/%s", name);
	assert_int_equal(file_write_prepare(&w, path, TEXT, strlen(TEXT),
	    &err), 0);
	tmp = xstrdup(w.tmp);
	assert_int_equal(strncmp(tmp, "fw-stale/.sbpolicy.", 19), 0);
	assert_true(strlen(tmp) < 19 + 40);
	file_write_abort(&w);
	assert_int_equal(test_write_file(tmp, "stale\n", 6), 0);
	assert_int_equal(file_write_prepare(&w, path, TEXT, strlen(TEXT),
	    &err), 0);
	assert_string_equal(w.tmp, tmp);
	assert_int_equal(file_write_commit(&w, &err), 0);
	assert_holds(path, TEXT);
	assert_int_equal(test_count_entries("fw-stale"), 2);
	free(tmp);
	free(path);
	remove_dir("fw-stale");
}

/*
 * What is planted at the temporary's name is never written through: a
 * symlink (to a file, or dangling), a hard link to another file, a FIFO.
 * Each is replaced by a temporary of our own; a directory, which cannot
 * be, is an error.
 */
static void
file_write_never_writes_through_what_is_planted_at_the_temporary(
    void **state)
{
	struct sb_error err;
	struct stat sb;

	(void)state;
	fresh_dir("fw-plant");
	assert_int_equal(test_write_file("fw-plant/victim", "victim\n", 7), 0);

	assert_int_equal(symlink("victim", "fw-plant/.sbpolicy.a.sb.tmp"), 0);
	write_ok("fw-plant/a.sb");
	assert_holds("fw-plant/a.sb", TEXT);
	assert_int_equal(lstat("fw-plant/a.sb", &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	assert_holds("fw-plant/victim", "victim\n");

	assert_int_equal(symlink("created", "fw-plant/.sbpolicy.b.sb.tmp"), 0);
	write_ok("fw-plant/b.sb");
	assert_int_equal(access("fw-plant/created", F_OK), -1);

	assert_int_equal(link("fw-plant/victim", "fw-plant/.sbpolicy.c.sb.tmp"),
	    0);
	write_ok("fw-plant/c.sb");
	assert_holds("fw-plant/c.sb", TEXT);
	assert_holds("fw-plant/victim", "victim\n");
	assert_int_equal(stat("fw-plant/victim", &sb), 0);
	assert_int_equal(sb.st_nlink, 1);

	/* A hang (an open waiting for a reader) fails the test. */
	if (mkfifo("fw-plant/.sbpolicy.d.sb.tmp", 0600) == 0) {
		alarm(20);
		write_ok("fw-plant/d.sb");
		alarm(0);
		assert_holds("fw-plant/d.sb", TEXT);
	} else
		assert_int_equal(test_write_file("fw-plant/d.sb", TEXT,
		    strlen(TEXT)), 0);

	/* victim, a.sb, b.sb, c.sb, d.sb: no temporary left. */
	assert_int_equal(test_count_entries("fw-plant"), 5);

	assert_int_equal(mkdir("fw-plant/.sbpolicy.e.sb.tmp", 0755), 0);
	sb_error_init(&err);
	assert_int_equal(file_write_atomic("fw-plant/e.sb", TEXT, strlen(TEXT),
	    &err), -1);
	assert_msg_starts(&err, "fw-plant/e.sb: cannot replace "
	    "\"fw-plant/.sbpolicy.e.sb.tmp\": ");
	assert_int_equal(access("fw-plant/e.sb", F_OK), -1);

	/* Someone else's file is not reused (it would stay theirs). */
	if (geteuid() == 0) {
		assert_int_equal(test_write_file("fw-plant/.sbpolicy.f.sb.tmp",
		    "theirs\n", 7), 0);
		assert_int_equal(chown("fw-plant/.sbpolicy.f.sb.tmp", 65534,
		    65534), 0);
		write_ok("fw-plant/f.sb");
		assert_int_equal(stat("fw-plant/f.sb", &sb), 0);
		assert_int_equal(sb.st_uid, 0);
		assert_holds("fw-plant/f.sb", TEXT);
		assert_int_equal(access("fw-plant/.sbpolicy.f.sb.tmp", F_OK),
		    -1);
	}
	remove_dir("fw-plant");
}

/*
 * A child that prepares a write to path and then waits, holding its
 * temporary, until it is killed. Returns its pid once it is there.
 */
static pid_t
hold_in_child(const char *path)
{
	struct file_write w;
	char c;
	pid_t pid;
	int fds[2];

	assert_int_equal(pipe(fds), 0);
	assert_true((pid = fork()) != -1);
	if (pid == 0) {
		close(fds[0]);
		if (file_write_prepare(&w, path, "child\n", 6, NULL) == -1)
			_exit(1);
		(void)!write(fds[1], "x", 1);
		for (;;)
			pause();
	}
	close(fds[1]);
	if (read(fds[0], &c, 1) != 1) {
		waitpid(pid, NULL, 0);
		fail_msg("%s: the child could not prepare it", path);
	}
	close(fds[0]);
	return pid;
}

static void
kill_child(pid_t pid)
{
	int status;

	assert_int_equal(kill(pid, SIGKILL), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
}

/*
 * A second process writing the same target fails at once, and leaves the
 * first one's temporary alone; killed with SIGKILL, the first leaves its
 * temporary behind, one however often it is killed, and the next write
 * removes it.
 */
static void
file_write_locks_its_temporary_against_another_process(void **state)
{
	struct sb_error err;
	char *held;
	pid_t pid;
	int rc;

	(void)state;
	fresh_dir("fw-lock");
	pid = hold_in_child("fw-lock/x.sb");
	sb_error_init(&err);
	rc = file_write_atomic("fw-lock/x.sb", TEXT, strlen(TEXT), &err);
	held = test_slurp("fw-lock/.sbpolicy.x.sb.tmp", NULL);
	/* Before any assertion, which would leave the child running. */
	kill_child(pid);
	assert_int_equal(rc, -1);
	assert_string_equal(err.msg,
	    "fw-lock/x.sb: being written by another process");
	assert_non_null(held);
	assert_string_equal(held, "child\n");
	free(held);
	assert_int_equal(access("fw-lock/x.sb", F_OK), -1);
	assert_int_equal(test_count_entries("fw-lock"), 1);
	/* Killed again and again: still one. */
	kill_child(hold_in_child("fw-lock/x.sb"));
	kill_child(hold_in_child("fw-lock/x.sb"));
	assert_int_equal(test_count_entries("fw-lock"), 1);
	write_ok("fw-lock/x.sb");
	assert_holds("fw-lock/x.sb", TEXT);
	assert_int_equal(test_count_entries("fw-lock"), 1);
	remove_dir("fw-lock");
}

/* POSIX locks are the process's: one target prepared twice in a process,
 * by one name or through a link, is refused by fileio itself. */
static void
file_write_refuses_one_target_twice_in_a_process(void **state)
{
	struct file_write a, b;
	struct sb_error err;

	(void)state;
	fresh_dir("fw-twice");
	assert_int_equal(symlink("x.sb", "fw-twice/link"), 0);
	sb_error_init(&err);
	assert_int_equal(file_write_prepare(&a, "fw-twice/x.sb", TEXT,
	    strlen(TEXT), &err), 0);
	assert_int_equal(file_write_prepare(&b, "fw-twice/x.sb", "other\n",
	    6, &err), -1);
	assert_string_equal(err.msg,
	    "fw-twice/x.sb: already being written (named twice?)");
	sb_error_init(&err);
	assert_int_equal(file_write_prepare(&b, "fw-twice/link", "other\n",
	    6, &err), -1);
	assert_string_equal(err.msg,
	    "fw-twice/link: already being written (named twice?)");
	/* The first is unharmed, and its lock still there for others. */
	assert_holds("fw-twice/.sbpolicy.x.sb.tmp", TEXT);
	assert_int_equal(file_write_commit(&a, &err), 0);
	assert_holds("fw-twice/x.sb", TEXT);
	/* Released, the target may be written again. */
	write_ok("fw-twice/link");
	assert_int_equal(test_count_entries("fw-twice"), 2);
	remove_dir("fw-twice");
}

/* A temporary unlinked under us and made anew by someone else is theirs:
 * commit renames nothing, and neither commit nor abort removes it. */
static void
file_write_commit_renames_only_its_own_temporary(void **state)
{
	struct file_write w;
	struct sb_error err;

	(void)state;
	fresh_dir("fw-swap");
	sb_error_init(&err);
	assert_int_equal(file_write_prepare(&w, "fw-swap/x.sb", TEXT,
	    strlen(TEXT), &err), 0);
	assert_int_equal(unlink(w.tmp), 0);
	assert_int_equal(test_write_file(w.tmp, "theirs\n", 7), 0);
	assert_int_equal(file_write_commit(&w, &err), -1);
	assert_string_equal(err.msg, "fw-swap/x.sb: "
	    "\"fw-swap/.sbpolicy.x.sb.tmp\" was replaced by another process");
	assert_int_equal(access("fw-swap/x.sb", F_OK), -1);
	assert_holds("fw-swap/.sbpolicy.x.sb.tmp", "theirs\n");

	assert_int_equal(unlink("fw-swap/.sbpolicy.x.sb.tmp"), 0);
	assert_int_equal(file_write_prepare(&w, "fw-swap/x.sb", TEXT,
	    strlen(TEXT), &err), 0);
	assert_int_equal(unlink(w.tmp), 0);
	assert_int_equal(test_write_file(w.tmp, "theirs\n", 7), 0);
	file_write_abort(&w);
	assert_holds("fw-swap/.sbpolicy.x.sb.tmp", "theirs\n");
	remove_dir("fw-swap");
}

static void
file_errors_name_a_hostile_path_on_one_line(void **state)
{
	struct sb_error err;
	size_t len;

	(void)state;
	write_fails("no-such-dir/a\nb",
	    "\"no-such-dir/a\\nb\": No such file or directory");
	write_fails("no-such-dir/\033[31mred",
	    "\"no-such-dir/\\x1b[31mred\": No such file or directory");
	sb_error_init(&err);
	assert_null(file_read("no-such-file\r\n", 10, &len, &err));
	assert_string_equal(err.msg,
	    "\"no-such-file\\r\\n\": No such file or directory");
	/* Printable names stay as they are, as other tools write them. */
	sb_error_init(&err);
	assert_null(file_read("no such file.json", 10, &len, &err));
	assert_string_equal(err.msg,
	    "no such file.json: No such file or directory");
}

static void
sb_show_name_quotes_only_what_needs_it(void **state)
{
	char buf[SB_SHOW_MAX], small[12];

	(void)state;
	assert_string_equal(sb_show_name(buf, sizeof buf, "tests/bad/x.json"),
	    "tests/bad/x.json");
	assert_string_equal(sb_show_name(buf, sizeof buf, "caf\xc3\xa9 d"),
	    "caf\xc3\xa9 d");
	assert_string_equal(sb_show_name(buf, sizeof buf, ""), "\"\"");
	assert_string_equal(sb_show_name(buf, sizeof buf, "a\nb"),
	    "\"a\\nb\"");
	assert_string_equal(sb_show_name(buf, sizeof buf, "say \"hi\""),
	    "\"say \\\"hi\\\"\"");
	assert_string_equal(sb_show_name(buf, sizeof buf, "\xff.json"),
	    "\"\\xff.json\"");
	/* U+202E reverses what follows it on screen: escaped. */
	assert_string_equal(sb_show_name(buf, sizeof buf, "x\xe2\x80\xae" "cod"),
	    "\"x\\xe2\\x80\\xaecod\"");
	assert_string_equal(sb_show(buf, sizeof buf, "\xe2\x81\xa9"),
	    "\"\\xe2\\x81\\xa9\"");
	/* U+009B is CSI to some terminals: never plain. */
	assert_string_equal(sb_show_name(buf, sizeof buf, "a\xc2\x9b" "1m"),
	    "\"a\\xc2\\x9b1m\"");
	assert_string_equal(sb_show(buf, sizeof buf, "\xc2\x85"),
	    "\"\\xc2\\x85\"");
	/* Too long to fit whole: cut, and quoted so the cut shows. */
	assert_string_equal(sb_show_name(small, sizeof small, "0123456789ab"),
	    "\"012345...\"");
	assert_string_equal(sb_show_name(small, sizeof small, "0123456789a"),
	    "0123456789a");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(file_write_keeps_the_mode_of_the_file_it_replaces),
		cmocka_unit_test(
		    file_write_gives_root_written_files_back_to_their_owner),
		cmocka_unit_test(file_write_follows_a_symlink_and_keeps_it),
		cmocka_unit_test(
		    file_write_through_a_dangling_link_creates_its_target),
		cmocka_unit_test(file_write_refuses_a_directory),
		cmocka_unit_test(file_write_writes_a_fifo_in_place),
		cmocka_unit_test(
		    file_write_regular_only_refuses_a_fifo_without_waiting),
		cmocka_unit_test(file_write_writes_a_device_in_place),
		cmocka_unit_test(file_write_takes_a_name_of_250_bytes),
		cmocka_unit_test(file_write_abort_leaves_everything_as_it_was),
		cmocka_unit_test(
		    file_write_commit_fails_cleanly_when_the_target_changed),
		cmocka_unit_test(file_write_commit_all_writes_in_place_first),
		cmocka_unit_test(file_write_replaces_a_stale_temporary),
		cmocka_unit_test(
		    file_write_never_writes_through_what_is_planted_at_the_temporary),
		cmocka_unit_test(
		    file_write_locks_its_temporary_against_another_process),
		cmocka_unit_test(file_write_refuses_one_target_twice_in_a_process),
		cmocka_unit_test(file_write_commit_renames_only_its_own_temporary),
		cmocka_unit_test(file_errors_name_a_hostile_path_on_one_line),
		cmocka_unit_test(sb_show_name_quotes_only_what_needs_it),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
