/* SPDX-License-Identifier: ISC */
/* test_ui_model.c: the TUI model without a terminal: actions, rows, preview, files, line editor. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "helpers.h"
#include "launch.h"
#include "lineedit.h"
#include "unicode.h"
#include "model.h"
#include "params-json.h"
#include "search.h"
#include "shquote.h"
#include "utf8.h"
#include "xmalloc.h"

/* --- fixtures ------------------------------------------------------------- */

struct fixture {
	struct path_fs		 fs;
	struct ui_model		 m;
	char			 tmp[64];	/* a scratch directory */
	char			 config[96];	/* $XDG_CONFIG_HOME: not there yet */
};

/* A fake directory tree for Tab completion. */
static char **
fake_list(const char *dir, void *arg)
{
	static const char *const tmp[] = {
		"test.sock", "tests/", "other.sock", ".hidden", NULL,
	};
	static const char *const project[] = {
		"run/", "src/", "a dir with space/", "it's\"q\\", NULL,
	};
	static const char *const run[] = { "app.sock", NULL };
	/* A name with an escape sequence, and a plain one. */
	static const char *const ctl[] = { "a\033[2Jx", "ab", NULL };
	/* Two UTF-8 names that share the first byte of their last
	 * character, and one in Latin-1. */
	static const char *const utf[] = {
		"x\xc3\xa9", "x\xc3\xa8", "lat\xe9n", NULL,
	};
	const char *const *src;
	char **v;
	size_t n = 0, i;

	(void)arg;
	if (strcmp(dir, "/tmp/") == 0)
		src = tmp;
	else if (strcmp(dir, "/Users/me/project/") == 0)
		src = project;
	else if (strcmp(dir, "/Users/me/project/run/") == 0)
		src = run;
	else if (strcmp(dir, "/utf/") == 0)
		src = utf;
	else if (strcmp(dir, "/ctl/") == 0)
		src = ctl;
	else
		return NULL;
	while (src[n] != NULL)
		n++;
	v = xcalloc(n + 1, sizeof *v);
	for (i = 0; i < n; i++)
		v[i] = xstrdup(src[i]);
	return v;
}

/*
 * The rest of the fake file system is the real one (the save tests write
 * into a scratch directory), except for what a test sets here: one path
 * said to be of another kind, and mkdir failing.
 */
#define FAKE_MADE_MAX	8
static struct {
	const char		*path;	/* this path ... */
	enum ui_file_kind	 kind;	/* ... is said to be this */
	int			 mkdir_errno;	/* mkdir fails so, if not 0 */
	char			 made[FAKE_MADE_MAX][160];	/* mkdir's */
	size_t			 nmade;
} fake_fs;

static enum ui_file_kind
fake_kind(const char *path, void *arg)
{
	(void)arg;
	if (fake_fs.path != NULL && strcmp(path, fake_fs.path) == 0)
		return fake_fs.kind;
	return ui_dir_posix.kind(path, ui_dir_posix.arg);
}

static int
fake_mkdir(const char *path, void *arg)
{
	(void)arg;
	if (fake_fs.nmade < FAKE_MADE_MAX)
		snprintf(fake_fs.made[fake_fs.nmade],
		    sizeof fake_fs.made[0], "%s", path);
	fake_fs.nmade++;
	if (fake_fs.mkdir_errno != 0) {
		errno = fake_fs.mkdir_errno;
		return -1;
	}
	return ui_dir_posix.mkdir(path, ui_dir_posix.arg);
}

static const struct ui_dir_ops fake_dir = {
	fake_list, fake_kind, fake_mkdir, NULL,
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	struct ui_env env;
	struct params p;

	memset(&fake_fs, 0, sizeof fake_fs);
	snprintf(f->tmp, sizeof f->tmp, "/tmp/sbpolicy-ui-test.XXXXXX");
	if (mkdtemp(f->tmp) == NULL)
		return -1;
	f->fs = test_fs(test_fs_macos);
	memset(&env, 0, sizeof env);
	env.cwd = "/Users/me/project";
	env.home = "/Users/me";
	env.tmpdir = "/var/folders/xy/T";
	snprintf(f->config, sizeof f->config, "%s/config", f->tmp);
	env.config_home = f->config;
	env.fs = &f->fs;
	env.dir = &fake_dir;
	params_init(&p);
	ui_model_init(&f->m, &p, NULL, &env);
	params_clear(&p);
	ui_model_set_viewport(&f->m, 20, 60, 20, 24);
	ui_model_regen(&f->m);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	ui_model_clear(&f->m);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->tmp);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

/* Presses keys through the keymap, running what the loop would run. */
static unsigned
press(struct ui_model *m, int key)
{
	unsigned r = ui_model_key(m, key);

	if (r & UI_R_COMPLETE)
		r |= ui_model_complete(m);
	if (r & UI_R_SAVE)
		r |= ui_model_save(m);
	if (r & UI_R_OPEN)
		r |= ui_model_open(m);
	if (r & UI_R_CHECK)
		r |= ui_model_check(m);
	if (r & UI_R_PRESETS)
		r |= ui_model_presets(m);
	if (r & UI_R_REGEN)
		ui_model_regen(m);
	return r;
}

static void
type(struct ui_model *m, const char *s)
{
	for (; *s != '\0'; s++)
		press(m, (unsigned char)*s);
}

static const struct ui_row *
find_row(const struct ui_model *m, enum ui_row_kind kind, size_t index)
{
	size_t i;

	for (i = 0; i < m->nrows; i++) {
		if (m->rows[i].kind == kind && m->rows[i].index == index)
			return &m->rows[i];
	}
	return NULL;
}

/* The row after r, or NULL. */
static const struct ui_row *
next_row(const struct ui_model *m, const struct ui_row *r)
{
	size_t i = (size_t)(r - m->rows) + 1;

	return i < m->nrows ? &m->rows[i] : NULL;
}

static void
select_kind(struct ui_model *m, enum ui_row_kind kind, size_t index)
{
	size_t guard;

	press(m, UI_KEY_HOME);
	for (guard = 0; guard < m->nrows; guard++) {
		if (m->rows[m->sel].kind == kind && m->rows[m->sel].index == index)
			return;
		press(m, UI_KEY_DOWN);
	}
	fail_msg("row kind %d index %zu not reachable", kind, index);
}

static bool
preview_has(const struct ui_model *m, const char *s)
{
	return m->preview != NULL && strstr(m->preview, s) != NULL;
}

/* --- the policy actions --------------------------------------------------- */

static void
model_starts_on_the_default_policy(void **state)
{
	struct fixture *f = *state;

	assert_non_null(f->m.preview);
	assert_true(preview_has(&f->m, "(version 1)"));
	assert_true(preview_has(&f->m, "(deny default)"));
	assert_false(f->m.modified);
	assert_null(f->m.file);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_NET_MODE);
	assert_string_equal(f->m.rows[f->m.sel].value, "restricted");
	/* The first render is not a change. */
	assert_true(f->m.first_changed == SIZE_MAX);
}

static void
model_n_cycles_the_network_mode(void **state)
{
	struct fixture *f = *state;
	unsigned r;

	r = press(&f->m, 'n');
	assert_true(r & UI_R_REGEN);
	assert_int_equal(f->m.params.net_mode, NET_FULL);
	assert_true(preview_has(&f->m, "(allow network-outbound)"));
	assert_true(f->m.modified);
	press(&f->m, 'n');
	assert_int_equal(f->m.params.net_mode, NET_OFF);
	press(&f->m, 'n');
	assert_int_equal(f->m.params.net_mode, NET_RESTRICTED);
	/* Back where it started: no longer modified. */
	assert_false(f->m.modified);
}

static void
model_f_cycles_the_filesystem_mode(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'f');
	assert_int_equal(f->m.params.fs_mode, FS_WORKSPACE_WRITE);
	assert_true(preview_has(&f->m, "WRITABLE_ROOT_0"));
	press(&f->m, 'f');
	assert_int_equal(f->m.params.fs_mode, FS_FULL_ACCESS);
	press(&f->m, 'f');
	assert_int_equal(f->m.params.fs_mode, FS_READ_ONLY);
}

static void
model_adding_a_socket_shows_its_param_and_highlights_it(void **state)
{
	struct fixture *f = *state;
	const struct ui_row *r, *note;
	size_t i, changed = 0;
	bool param = false;

	press(&f->m, 'u');
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	assert_int_equal(f->m.prompt, UI_PROMPT_ADD_ALLOW);
	type(&f->m, "/tmp/test.sock");
	assert_string_equal(ui_line_str(&f->m.line), "/tmp/test.sock");
	assert_true(press(&f->m, UI_KEY_ENTER) & UI_R_REGEN);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_int_equal(f->m.params.sock_allow.n, 1);
	assert_string_equal(f->m.params.sock_allow.v[0].path, "/tmp/test.sock");
	assert_int_equal(f->m.params.sock_allow.v[0].match, MATCH_SUBPATH);
	assert_int_equal(f->m.params.sock_allow.v[0].access,
	    ACCESS_CONNECT_BIND);
	assert_true(preview_has(&f->m,
	    "; -D UNIX_SOCKET_PATH_0=/private/tmp/test.sock"));
	assert_true(preview_has(&f->m, "(param \"UNIX_SOCKET_PATH_0\")"));

	/* The new entry is selected and shows its resolved form. */
	r = &f->m.rows[f->m.sel];
	assert_int_equal(r->kind, ROW_ALLOW_ENTRY);
	assert_string_equal(r->label, "/tmp/test.sock");
	assert_string_equal(r->value, "subpath connect-bind");
	note = next_row(&f->m, r);
	assert_non_null(note);
	assert_int_equal(note->kind, ROW_NOTE);
	assert_string_equal(note->label, "= /private/tmp/test.sock");

	/* The lines the change added are marked; the base section is not. */
	for (i = 0; i < f->m.nlines; i++) {
		const struct ui_pline *l = &f->m.lines[i];

		if (l->len == 11 && memcmp(l->s, "(version 1)", 11) == 0)
			assert_false(l->changed);
		if (!l->changed)
			continue;
		changed++;
		if (memmem(l->s, l->len, "UNIX_SOCKET_PATH_0", 18) != NULL)
			param = true;
	}
	assert_true(param);
	assert_true(changed >= 3);
	assert_true(f->m.first_changed != SIZE_MAX);
	assert_true(f->m.lines[f->m.first_changed].changed);
}

static void
model_preview_lines_have_roles(void **state)
{
	struct fixture *f = *state;
	size_t i;
	bool comment = false, allow = false, deny = false, param = false;

	press(&f->m, 'u');
	type(&f->m, "/tmp/a.sock");
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, 'x');
	type(&f->m, "/var/run/docker.sock");
	press(&f->m, UI_KEY_ENTER);
	for (i = 0; i < f->m.nlines; i++) {
		const struct ui_pline *l = &f->m.lines[i];

		switch (l->role) {
		case UI_LINE_COMMENT:
			assert_int_equal(l->s[0], ';');
			comment = true;
			break;
		case UI_LINE_PARAM:
			assert_memory_equal(l->s, "; -D ", 5);
			param = true;
			break;
		case UI_LINE_ALLOW:
			allow = true;
			break;
		case UI_LINE_DENY:
			deny = true;
			break;
		case UI_LINE_PLAIN:
			break;
		}
		if (l->len > 6 && memcmp(l->s, "(allow", 6) == 0)
			assert_int_equal(l->role, UI_LINE_ALLOW);
		if (l->len > 5 && memcmp(l->s, "(deny", 5) == 0)
			assert_int_equal(l->role, UI_LINE_DENY);
	}
	assert_true(comment && allow && deny && param);
}

static void
model_a_relative_path_resolves_against_the_cwd(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'u');
	type(&f->m, "run/../run/./app.sock");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.params.sock_allow.n, 1);
	assert_string_equal(f->m.params.sock_allow.v[0].path,
	    "/Users/me/project/run/app.sock");
	assert_non_null(strstr(f->m.status, "/Users/me/project/run/app.sock"));
}

static void
model_refuses_bad_input_and_keeps_the_text(void **state)
{
	struct fixture *f = *state;

	/* Empty. */
	press(&f->m, 'u');
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "empty"));
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.mode, UI_MODE_LIST);

	/* A port out of range, and not a number. */
	press(&f->m, 'p');
	type(&f->m, "70000");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "1..65535"));
	assert_string_equal(ui_line_str(&f->m.line), "70000");
	press(&f->m, UI_KEY_BACKSPACE);
	press(&f->m, UI_KEY_BACKSPACE);
	press(&f->m, UI_KEY_CTRL('a'));
	press(&f->m, UI_KEY_DC);
	type(&f->m, "x");
	press(&f->m, UI_KEY_ENTER);
	assert_non_null(strstr(f->m.status, "not a number"));
	assert_string_equal(ui_line_str(&f->m.line), "x00");
	press(&f->m, UI_KEY_CTRL('u'));
	assert_string_equal(ui_line_str(&f->m.line), "00");
	press(&f->m, UI_KEY_END);
	press(&f->m, UI_KEY_BACKSPACE);
	assert_string_equal(ui_line_str(&f->m.line), "0");
	press(&f->m, UI_KEY_CTRL('a'));
	type(&f->m, "31");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_int_equal(f->m.params.proxy_ports.n, 1);
	assert_int_equal(f->m.params.proxy_ports.v[0], 310);

	/* A duplicate. */
	press(&f->m, 'p');
	type(&f->m, "310");
	press(&f->m, UI_KEY_ENTER);
	assert_non_null(strstr(f->m.status, "already"));
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.params.proxy_ports.n, 1);

	/* A protected name with a slash. */
	select_kind(&f->m, ROW_PROTECTS, 0);
	press(&f->m, 'a');
	assert_int_equal(f->m.prompt, UI_PROMPT_ADD_PROTECT);
	type(&f->m, "a/b");
	press(&f->m, UI_KEY_ENTER);
	assert_true(f->m.status_err);
	assert_string_equal(ui_line_str(&f->m.line), "a/b");
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.params.protected_names.n, 1);
}

static void
model_refuses_a_relative_path_in_a_loaded_file(void **state)
{
	struct fixture *f = *state;
	char path[128];
	static const char bad[] = "{\n  \"version\": 1,\n  \"network\": {\n"
	    "    \"unix_sockets\": {\"allow\": [\"run/x.sock\"]}\n  }\n}\n";

	snprintf(path, sizeof path, "%s/bad.json", f->tmp);
	assert_int_equal(test_write_file(path, bad, sizeof bad - 1), 0);
	press(&f->m, 'n');
	press(&f->m, 'o');
	/* Unsaved changes: the question first. */
	assert_int_equal(f->m.mode, UI_MODE_CONFIRM);
	assert_int_equal(f->m.confirm, UI_CONFIRM_OPEN);
	press(&f->m, 'd');
	assert_int_equal(f->m.prompt, UI_PROMPT_OPEN);
	type(&f->m, path);
	press(&f->m, UI_KEY_ENTER);
	/* The current policy stays, and the error says where. */
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "bad.json:4:"));
	assert_non_null(strstr(f->m.status, "absolute"));
	assert_int_equal(f->m.params.net_mode, NET_FULL);
	assert_null(f->m.file);
}

static void
model_toggles_local_binding_and_allow_all(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'l');
	assert_true(f->m.params.allow_local_binding);
	assert_true(preview_has(&f->m, "(allow network-bind (local ip \"*:*\"))"));
	press(&f->m, 'A');
	assert_true(f->m.params.allow_all_sockets);
	assert_true(preview_has(&f->m, "(allow network-bind (local unix-socket))"));
	press(&f->m, 'l');
	press(&f->m, 'A');
	assert_false(f->m.modified);
}

static void
model_marks_inactive_entries_with_a_reason(void **state)
{
	struct fixture *f = *state;
	const struct ui_row *r;

	press(&f->m, 'u');
	type(&f->m, "/tmp/a.sock");
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, 'p');
	type(&f->m, "3128");
	press(&f->m, UI_KEY_ENTER);

	/* restricted: everything counts; read-only: no writable roots. */
	assert_null(find_row(&f->m, ROW_ALLOW_ENTRY, 0)->inactive);
	assert_null(find_row(&f->m, ROW_PORT, 0)->inactive);
	assert_non_null(find_row(&f->m, ROW_ROOTS, 0)->inactive);
	assert_non_null(find_row(&f->m, ROW_INC_CWD, 0)->inactive);
	assert_non_null(find_row(&f->m, ROW_PROTECT, 0)->inactive);

	press(&f->m, 'n');	/* full: ports and local binding are moot */
	assert_non_null(find_row(&f->m, ROW_PORT, 0)->inactive);
	assert_non_null(strstr(find_row(&f->m, ROW_PORT, 0)->inactive, "full"));
	assert_non_null(find_row(&f->m, ROW_LOCAL, 0)->inactive);
	assert_null(find_row(&f->m, ROW_ALLOW_ENTRY, 0)->inactive);

	press(&f->m, 'n');	/* off: every network entry */
	r = find_row(&f->m, ROW_ALLOW_ENTRY, 0);
	assert_non_null(r->inactive);
	assert_non_null(strstr(r->inactive, "off"));
	assert_non_null(find_row(&f->m, ROW_DENY, 0)->inactive);
	/* The reason is a note above the first row it covers. */
	r = find_row(&f->m, ROW_PORTS, 0);
	assert_int_equal(r[-1].kind, ROW_NOTE);
	assert_non_null(strstr(r[-1].label, "network is off"));

	press(&f->m, 'n');	/* restricted, with allow-all */
	press(&f->m, 'A');
	assert_non_null(strstr(find_row(&f->m, ROW_ALLOW_ENTRY, 0)->inactive,
	    "allow-all"));
	assert_null(find_row(&f->m, ROW_DENY, 0)->inactive);

	press(&f->m, 'f');	/* workspace-write */
	assert_null(find_row(&f->m, ROW_ROOTS, 0)->inactive);
	assert_null(find_row(&f->m, ROW_PROTECT, 0)->inactive);
}

static void
model_shows_warnings_beside_their_entry(void **state)
{
	struct fixture *f = *state;
	const struct ui_row *r, *w;
	char longp[200];

	press(&f->m, 'u');
	type(&f->m, "/var/run/docker.sock");
	press(&f->m, UI_KEY_ENTER);
	memset(longp, 'a', sizeof longp);
	memcpy(longp, "/tmp/", 5);
	longp[120] = '\0';
	press(&f->m, 'u');
	type(&f->m, longp);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.params.sock_allow.n, 2);

	r = find_row(&f->m, ROW_ALLOW_ENTRY, 0);
	assert_true(r->warned);
	for (w = next_row(&f->m, r); w != NULL && w->kind == ROW_NOTE;)
		w = next_row(&f->m, w);
	assert_non_null(w);
	assert_int_equal(w->kind, ROW_WARNING);
	/* The warning wraps over rows: read them as one. */
	{
		const struct ui_row *x;
		struct buf all;

		buf_init(&all);
		for (x = w; x != NULL && x->kind == ROW_WARNING;
		    x = next_row(&f->m, x)) {
			buf_puts(&all, x->label);
			buf_putc(&all, ' ');
		}
		assert_non_null(strstr(buf_str(&all), "is a container"));
		assert_non_null(strstr(buf_str(&all), "engine socket"));
		buf_clear(&all);
	}
	/* The field prefix is dropped: the row says which entry. */
	assert_null(strstr(w->label, "network.unix_sockets"));

	r = find_row(&f->m, ROW_ALLOW_ENTRY, 1);
	assert_true(r->warned);
	for (w = next_row(&f->m, r); w != NULL && w->kind == ROW_NOTE;)
		w = next_row(&f->m, w);
	assert_int_equal(w->kind, ROW_WARNING);
	assert_non_null(strstr(w->label, "socket path is"));
}

static void
model_wraps_warnings_at_character_boundaries(void **state)
{
	struct fixture *f = *state;
	const struct ui_row *r;
	size_t i, k;
	int cols;

	press(&f->m, 'u');
	type(&f->m, "/tmp/");
	for (i = 0; i < 60; i++)
		press(&f->m, 0xe9);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.params.sock_allow.n, 1);
	/* Odd and even widths: a cut by bytes splits an e-acute in one. */
	for (cols = 60; cols <= 63; cols++) {
		ui_model_set_viewport(&f->m, 20, cols, 20, 24);
		k = 0;
		for (i = 0; i < f->m.nrows; i++) {
			r = &f->m.rows[i];
			if (r->kind != ROW_WARNING)
				continue;
			k++;
			assert_true(utf8_valid(r->label));
			assert_true(ui_utf8_width(r->label, strlen(r->label)) <=
			    cols - 2 * r->depth - 2);
		}
		assert_true(k >= 3);
	}
}

static void
model_edits_match_access_and_path_of_a_socket(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'u');
	type(&f->m, "/tmp/a.sock");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_ALLOW_ENTRY);
	press(&f->m, 'm');
	assert_int_equal(f->m.params.sock_allow.v[0].match, MATCH_LITERAL);
	assert_true(preview_has(&f->m,
	    "(literal (param \"UNIX_SOCKET_PATH_0\"))"));
	press(&f->m, 'c');
	assert_int_equal(f->m.params.sock_allow.v[0].access, ACCESS_CONNECT);
	assert_false(preview_has(&f->m, "(allow network-bind (local unix-socket"));
	press(&f->m, 'c');
	assert_int_equal(f->m.params.sock_allow.v[0].access,
	    ACCESS_CONNECT_BIND);

	/* Enter edits the path; the chosen match stays. */
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.prompt, UI_PROMPT_EDIT);
	assert_string_equal(ui_line_str(&f->m.line), "/tmp/a.sock");
	press(&f->m, UI_KEY_BACKSPACE);
	press(&f->m, UI_KEY_BACKSPACE);
	press(&f->m, UI_KEY_BACKSPACE);
	press(&f->m, UI_KEY_BACKSPACE);
	type(&f->m, "s");
	press(&f->m, UI_KEY_ENTER);
	assert_string_equal(f->m.params.sock_allow.v[0].path, "/tmp/a.s");
	assert_int_equal(f->m.params.sock_allow.v[0].match, MATCH_LITERAL);

	/* m on something else is refused. */
	select_kind(&f->m, ROW_NET_MODE, 0);
	press(&f->m, 'm');
	assert_true(f->m.status_err);
}

static void
model_deletes_the_selected_entry(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'u');
	type(&f->m, "/tmp/a.sock");
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, 'u');
	type(&f->m, "/tmp/b.sock");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.rows[f->m.sel].index, 1);
	press(&f->m, 'd');
	assert_int_equal(f->m.params.sock_allow.n, 1);
	assert_string_equal(f->m.params.sock_allow.v[0].path, "/tmp/a.sock");
	/* The selection moves to the entry above. */
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_ALLOW_ENTRY);
	assert_int_equal(f->m.rows[f->m.sel].index, 0);
	press(&f->m, UI_KEY_DC);
	assert_int_equal(f->m.params.sock_allow.n, 0);
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_ALLOW);
	/* Nothing to delete on a heading. */
	press(&f->m, 'd');
	assert_true(f->m.status_err);
	assert_false(f->m.modified);
}

static void
model_enter_toggles_and_adds_by_row(void **state)
{
	struct fixture *f = *state;

	select_kind(&f->m, ROW_INC_TMP, 0);
	press(&f->m, UI_KEY_ENTER);
	assert_false(f->m.params.include_slash_tmp);
	select_kind(&f->m, ROW_ROOTS, 0);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.prompt, UI_PROMPT_ADD_ROOT);
	type(&f->m, "~/scratch");
	press(&f->m, UI_KEY_ENTER);
	assert_string_equal(f->m.params.writable_roots.v[0], "~/scratch");
	select_kind(&f->m, ROW_DENY_READS, 0);
	press(&f->m, 'a');
	type(&f->m, "**/.env");
	press(&f->m, UI_KEY_ENTER);
	assert_string_equal(f->m.params.deny_read.v[0], "**/.env");
	assert_true(preview_has(&f->m, "(deny file-read*"));
}

static void
model_selection_skips_notes_and_headings(void **state)
{
	struct fixture *f = *state;
	size_t i;

	press(&f->m, 'u');
	type(&f->m, "/tmp/a.sock");
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, UI_KEY_HOME);
	for (i = 0; i < f->m.nrows + 2; i++) {
		assert_true(ui_row_is_selectable(&f->m.rows[f->m.sel]));
		press(&f->m, 'j');
	}
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_CHECKS);
	press(&f->m, UI_KEY_PGUP);
	assert_true(ui_row_is_selectable(&f->m.rows[f->m.sel]));
	press(&f->m, UI_KEY_HOME);
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_NET_MODE);
}

static void
model_preview_scrolls_and_follows_the_change(void **state)
{
	struct fixture *f = *state;

	ui_model_set_viewport(&f->m, 10, 40, 8, 12);
	press(&f->m, UI_KEY_TAB);
	assert_int_equal(f->m.focus, UI_FOCUS_PREVIEW);
	assert_int_equal(f->m.mode, UI_MODE_PREVIEW);
	press(&f->m, UI_KEY_PGDN);
	assert_int_equal(f->m.preview_top, 7);
	press(&f->m, 'j');
	assert_int_equal(f->m.preview_top, 8);
	press(&f->m, UI_KEY_END);
	assert_int_equal(f->m.preview_top, f->m.nlines - 8);
	press(&f->m, UI_KEY_PGDN);
	assert_int_equal(f->m.preview_top, f->m.nlines - 8);
	press(&f->m, UI_KEY_HOME);
	assert_int_equal(f->m.preview_top, 0);

	/* A change far down the profile scrolls there (l scrolls sideways
	 * here, so a port, added from the preview). */
	press(&f->m, 'p');
	type(&f->m, "8080");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_PREVIEW);
	assert_true(f->m.first_changed > 8);
	assert_true(f->m.first_changed >= f->m.preview_top);
	assert_true(f->m.first_changed < f->m.preview_top + 8);
	press(&f->m, UI_KEY_TAB);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
}

static void
model_zoom_gives_the_preview_the_focus(void **state)
{
	struct fixture *f = *state;

	assert_true(press(&f->m, 'z') & UI_R_RELAYOUT);
	assert_true(f->m.zoom);
	assert_int_equal(f->m.focus, UI_FOCUS_PREVIEW);
	/* Tab does not move the focus, and says why. */
	assert_int_equal(press(&f->m, UI_KEY_TAB), UI_R_REDRAW);
	assert_int_equal(f->m.focus, UI_FOCUS_PREVIEW);
	press(&f->m, 'z');
	assert_false(f->m.zoom);
	assert_int_equal(f->m.focus, UI_FOCUS_SETTINGS);
}

static void
model_help_lists_bindings_and_closes(void **state)
{
	struct fixture *f = *state;
	size_t i;
	bool found = false;

	press(&f->m, '?');
	assert_int_equal(f->m.mode, UI_MODE_HELP);
	for (i = 0; i < f->m.nhelp; i++) {
		if (strstr(f->m.help[i], "cycle the network mode") != NULL)
			found = true;
	}
	assert_true(found);
	/* Policy keys do nothing here (n is the next match of a search). */
	assert_int_equal(press(&f->m, 'l'), 0);
	press(&f->m, UI_KEY_PGDN);
	assert_true(f->m.help_top > 0);
	press(&f->m, 'q');
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_int_equal(f->m.params.net_mode, NET_RESTRICTED);
}

/* --- quitting, saving, opening -------------------------------------------- */

static void
model_quits_at_once_without_changes(void **state)
{
	struct fixture *f = *state;

	assert_true(press(&f->m, 'q') & UI_R_QUIT);
}

static void
model_quit_with_changes_asks_and_cancel_keeps_everything(void **state)
{
	struct fixture *f = *state;
	char *q;

	press(&f->m, 'n');
	assert_false(press(&f->m, 'q') & UI_R_QUIT);
	assert_int_equal(f->m.mode, UI_MODE_CONFIRM);
	assert_int_equal(f->m.confirm, UI_CONFIRM_QUIT);
	q = ui_model_confirm_text(&f->m);
	assert_non_null(strstr(q, "unsaved"));
	free(q);
	/* Keys that mean nothing here do nothing. */
	assert_int_equal(press(&f->m, 'u'), 0);
	press(&f->m, 'c');
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_true(f->m.modified);
	assert_int_equal(f->m.params.net_mode, NET_FULL);
	press(&f->m, 'q');
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	press(&f->m, 'q');
	assert_true(press(&f->m, 'd') & UI_R_QUIT);
}

static void
model_save_prompts_with_the_profiles_default_and_creates_it(void **state)
{
	struct fixture *f = *state;
	struct params back;
	struct sb_error err;
	char want[160];
	unsigned r;

	press(&f->m, 'n');
	press(&f->m, 'u');
	type(&f->m, "/tmp/test.sock");
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, 's');
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	snprintf(want, sizeof want, "%s/sbpolicy/profiles/policy.json",
	    f->config);
	assert_string_equal(ui_line_str(&f->m.line), want);
	r = press(&f->m, UI_KEY_ENTER);
	assert_true(r & UI_R_SAVE);
	assert_false(f->m.status_err);
	assert_false(f->m.modified);
	assert_non_null(f->m.file);
	assert_string_equal(f->m.file, want);

	/* What was saved loads back to the same params. */
	params_init(&back);
	sb_error_init(&err);
	assert_int_equal(params_json_load(want, &back, &err), 0);
	assert_true(params_equal(&back, &f->m.params));
	params_clear(&back);

	/* The next save proposes the same file and writes it without asking. */
	press(&f->m, 'l');
	press(&f->m, 's');
	assert_string_equal(ui_line_str(&f->m.line), want);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_false(f->m.modified);
}

static void
model_save_asks_before_overwriting_another_file(void **state)
{
	struct fixture *f = *state;
	char path[128], *text;

	snprintf(path, sizeof path, "%s/other.json", f->tmp);
	assert_int_equal(test_write_file(path, "keep\n", 5), 0);
	press(&f->m, 'n');
	press(&f->m, 's');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, path);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_CONFIRM);
	assert_int_equal(f->m.confirm, UI_CONFIRM_OVERWRITE);
	press(&f->m, 'n');
	text = test_slurp(path, NULL);
	assert_string_equal(text, "keep\n");
	free(text);
	assert_true(f->m.modified);

	press(&f->m, 's');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, path);
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, 'y');
	assert_false(f->m.modified);
	text = test_slurp(path, NULL);
	assert_non_null(strstr(text, "\"version\": 1"));
	free(text);
}

static void
model_save_error_stays_on_the_status_line(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'n');
	press(&f->m, 's');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, "/nonexistent-dir/x/p.json");
	press(&f->m, UI_KEY_ENTER);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "not saved"));
	assert_true(f->m.modified);
	assert_null(f->m.file);
}

static void
model_save_refuses_a_fifo_and_a_directory_before_asking(void **state)
{
	struct fixture *f = *state;
	char path[128];

	/* A hang here (the save waiting for a FIFO reader) fails the test. */
	alarm(20);
	snprintf(path, sizeof path, "%s/ff", f->tmp);
	assert_int_equal(mkfifo(path, 0600), 0);
	press(&f->m, 'n');
	press(&f->m, 's');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, path);
	press(&f->m, UI_KEY_ENTER);
	assert_int_not_equal(f->m.mode, UI_MODE_CONFIRM);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "not saved: "));
	assert_non_null(strstr(f->m.status, "ff: not a regular file"));
	/* The prompt is back with the name as typed. */
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	assert_string_equal(ui_line_str(&f->m.line), path);
	assert_true(f->m.modified);
	assert_null(f->m.file);

	/* A directory: said at once, not after "overwrite?". */
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, f->tmp);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	assert_non_null(strstr(f->m.status, ": is a directory"));
	assert_string_equal(ui_line_str(&f->m.line), f->tmp);
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	alarm(0);
}

/* A save asks the injected file system, not the disk, what is there. */
static void
model_save_checks_the_target_through_the_dir_ops(void **state)
{
	struct fixture *f = *state;
	char path[128];

	snprintf(path, sizeof path, "%s/said-fifo.json", f->tmp);
	fake_fs.path = path;
	fake_fs.kind = UI_FILE_OTHER;
	press(&f->m, 'n');
	press(&f->m, 's');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, path);
	press(&f->m, UI_KEY_ENTER);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "said-fifo.json: not a regular "
	    "file"));
	assert_int_equal(access(path, F_OK), -1);

	fake_fs.kind = UI_FILE_DIR;
	press(&f->m, UI_KEY_ENTER);
	assert_non_null(strstr(f->m.status, "said-fifo.json: is a directory"));
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(fake_fs.nmade, 0);
}

/*
 * The check and the write are two looks at the path: a FIFO that takes the
 * place of a file between them (here: the check is told "a file") is
 * refused by the write too, at once, not waited on for a reader.
 */
static void
model_save_to_a_fifo_swapped_in_late_does_not_hang(void **state)
{
	struct fixture *f = *state;
	char path[128];
	struct stat sb;

	alarm(20);
	snprintf(path, sizeof path, "%s/swapped.json", f->tmp);
	assert_int_equal(mkfifo(path, 0600), 0);
	fake_fs.path = path;
	fake_fs.kind = UI_FILE_REGULAR;
	press(&f->m, 'n');
	press(&f->m, 's');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, path);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.confirm, UI_CONFIRM_OVERWRITE);
	press(&f->m, 'y');
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "swapped.json: not a regular "
	    "file"));
	assert_true(f->m.modified);
	assert_int_equal(lstat(path, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	alarm(0);
}

/* The profiles directory is made through the ops, each missing level. */
static void
model_save_makes_the_profiles_dir_through_the_dir_ops(void **state)
{
	struct fixture *f = *state;
	char want[160];

	fake_fs.mkdir_errno = EACCES;
	press(&f->m, 'n');
	press(&f->m, 's');
	press(&f->m, UI_KEY_ENTER);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "Permission denied"));
	assert_int_equal(fake_fs.nmade, 1);
	assert_string_equal(fake_fs.made[0], f->config);

	fake_fs.mkdir_errno = 0;
	fake_fs.nmade = 0;
	press(&f->m, UI_KEY_ENTER);
	assert_false(f->m.status_err);
	assert_int_equal(fake_fs.nmade, 3);
	assert_string_equal(fake_fs.made[0], f->config);
	snprintf(want, sizeof want, "%s/sbpolicy", f->config);
	assert_string_equal(fake_fs.made[1], want);
	snprintf(want, sizeof want, "%s/sbpolicy/profiles", f->config);
	assert_string_equal(fake_fs.made[2], want);
	snprintf(want, sizeof want, "%s/sbpolicy/profiles/policy.json",
	    f->config);
	assert_int_equal(access(want, R_OK), 0);
}

static void
model_failed_save_keeps_the_typed_name(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'n');
	press(&f->m, 's');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, "missing-dir/p.json");
	press(&f->m, UI_KEY_ENTER);
	assert_true(f->m.status_err);
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	assert_string_equal(ui_line_str(&f->m.line), "missing-dir/p.json");
}

static void
model_save_before_open_says_it_saved(void **state)
{
	struct fixture *f = *state;
	char path[128];

	snprintf(path, sizeof path, "%s/o.json", f->tmp);
	press(&f->m, 'n');
	press(&f->m, 'o');
	assert_int_equal(f->m.confirm, UI_CONFIRM_OPEN);
	press(&f->m, 's');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, path);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.prompt, UI_PROMPT_OPEN);
	assert_non_null(f->m.status);
	assert_false(f->m.status_err);
	assert_non_null(strstr(f->m.status, "saved "));
}

static void
model_quit_and_save_saves_then_quits(void **state)
{
	struct fixture *f = *state;
	char path[128];
	unsigned r;

	snprintf(path, sizeof path, "%s/q.json", f->tmp);
	press(&f->m, 'n');
	press(&f->m, 'q');
	press(&f->m, 's');
	/* No file yet: the save prompt comes first. */
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, path);
	r = press(&f->m, UI_KEY_ENTER);
	assert_true(r & UI_R_QUIT);
	assert_int_equal(access(path, R_OK), 0);
}

static void
model_open_loads_a_file_and_sets_the_title(void **state)
{
	struct fixture *f = *state;
	char path[128];
	static const char good[] = "{\"version\": 1, \"network\": "
	    "{\"mode\": \"off\"}}\n";

	snprintf(path, sizeof path, "%s/good.json", f->tmp);
	assert_int_equal(test_write_file(path, good, sizeof good - 1), 0);
	press(&f->m, 'o');
	assert_int_equal(f->m.prompt, UI_PROMPT_OPEN);
	type(&f->m, path);
	press(&f->m, UI_KEY_ENTER);
	assert_false(f->m.status_err);
	assert_string_equal(f->m.file, path);
	assert_int_equal(f->m.params.net_mode, NET_OFF);
	assert_false(f->m.modified);
	/* A newly opened policy is not a change: nothing highlighted. */
	assert_true(f->m.first_changed == SIZE_MAX);
}

static void
model_run_splits_the_command_line(void **state)
{
	struct fixture *f = *state;
	unsigned r;

	press(&f->m, 'r');
	assert_int_equal(f->m.prompt, UI_PROMPT_RUN);
	type(&f->m, "ls -l 'a b'");
	r = press(&f->m, UI_KEY_ENTER);
	assert_true(r & UI_R_LAUNCH);
	assert_non_null(f->m.run_argv);
	assert_string_equal(f->m.run_argv[0], "ls");
	assert_string_equal(f->m.run_argv[1], "-l");
	assert_string_equal(f->m.run_argv[2], "a b");
	assert_null(f->m.run_argv[3]);
	/* The prompt remembers the last command. */
	press(&f->m, 'r');
	assert_string_equal(ui_line_str(&f->m.line), "ls -l 'a b'");
	press(&f->m, UI_KEY_CTRL('u'));
	press(&f->m, UI_KEY_ENTER);
	assert_true(f->m.status_err);
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
}

/* --- the line editor ------------------------------------------------------ */

static void
lineedit_moves_and_deletes_by_character(void **state)
{
	struct ui_line l;

	(void)state;
	ui_line_init(&l);
	assert_string_equal(ui_line_str(&l), "");
	ui_line_backspace(&l);
	ui_line_delete(&l);
	ui_line_left(&l);
	ui_line_insert(&l, 'a');
	ui_line_insert(&l, 0xe9);	/* é: two bytes */
	ui_line_insert(&l, 'b');
	assert_string_equal(ui_line_str(&l), "a\xc3\xa9" "b");
	assert_int_equal(ui_line_cursor_col(&l), 3);
	ui_line_left(&l);
	ui_line_left(&l);
	assert_int_equal(ui_line_cursor_col(&l), 1);
	ui_line_delete(&l);
	assert_string_equal(ui_line_str(&l), "ab");
	ui_line_end(&l);
	ui_line_insert(&l, 0x1f600);	/* four bytes */
	ui_line_backspace(&l);
	assert_string_equal(ui_line_str(&l), "ab");
	ui_line_home(&l);
	ui_line_insert(&l, '/');
	ui_line_right(&l);
	ui_line_kill(&l);
	assert_string_equal(ui_line_str(&l), "b");
	assert_int_equal(l.cur, 0);
	ui_line_insert(&l, 0);		/* NUL is never inserted */
	ui_line_insert(&l, 0xd800);	/* nor a surrogate */
	assert_string_equal(ui_line_str(&l), "b");
	ui_line_set(&l, "xyz");
	assert_int_equal(l.cur, 3);
	ui_line_clear(&l);
}

static void
lineedit_completes_file_names(void **state)
{
	struct ui_line l;
	char *list;

	(void)state;
	ui_line_init(&l);
	ui_line_set(&l, "/tmp/te");
	assert_int_equal(ui_line_complete(&l, &fake_dir, "/", NULL, false,
	    &list), 2);
	/* "test.sock" and "tests/": the common part is added. */
	assert_string_equal(ui_line_str(&l), "/tmp/test");
	assert_non_null(list);
	assert_non_null(strstr(list, "test.sock"));
	assert_non_null(strstr(list, "tests/"));
	free(list);
	ui_line_insert(&l, '.');
	assert_int_equal(ui_line_complete(&l, &fake_dir, "/", NULL, false,
	    &list), 1);
	assert_string_equal(ui_line_str(&l), "/tmp/test.sock");
	assert_null(list);

	/* Relative to the cwd, a directory gets its slash, text keeps its form. */
	ui_line_set(&l, "r");
	assert_int_equal(ui_line_complete(&l, &fake_dir, "/Users/me/project",
	    NULL, false, NULL), 1);
	assert_string_equal(ui_line_str(&l), "run/");
	ui_line_complete(&l, &fake_dir, "/Users/me/project", NULL, false, NULL);
	assert_string_equal(ui_line_str(&l), "run/app.sock");

	/* ~/ expands for the lookup only. */
	ui_line_set(&l, "~/project/s");
	assert_int_equal(ui_line_complete(&l, &fake_dir, "/", "/Users/me",
	    false, NULL), 1);
	assert_string_equal(ui_line_str(&l), "~/project/src/");

	/* Hidden names only when asked for; no match changes nothing. */
	ui_line_set(&l, "/tmp/.h");
	assert_int_equal(ui_line_complete(&l, &fake_dir, "/", NULL, false,
	    NULL), 1);
	assert_string_equal(ui_line_str(&l), "/tmp/.hidden");
	ui_line_set(&l, "/tmp/zz");
	assert_int_equal(ui_line_complete(&l, &fake_dir, "/", NULL, false,
	    NULL), 0);
	assert_string_equal(ui_line_str(&l), "/tmp/zz");
	ui_line_set(&l, "/nowhere/x");
	assert_int_equal(ui_line_complete(&l, &fake_dir, "/", NULL, false,
	    NULL), 0);

	/* A command line completes its last word, at the cursor. */
	ui_line_set(&l, "cat /tmp/oth");
	ui_line_complete(&l, &fake_dir, "/", NULL, true, NULL);
	assert_string_equal(ui_line_str(&l), "cat /tmp/other.sock");
	ui_line_clear(&l);
}

static void
model_tab_completes_in_a_path_prompt(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'u');
	type(&f->m, "/tmp/test.");
	assert_true(press(&f->m, UI_KEY_TAB) & UI_R_COMPLETE);
	assert_string_equal(ui_line_str(&f->m.line), "/tmp/test.sock");
	press(&f->m, UI_KEY_ENTER);
	assert_string_equal(f->m.params.sock_allow.v[0].path, "/tmp/test.sock");
}

static void
lineedit_completion_stops_at_a_character_boundary(void **state)
{
	struct ui_line l;

	(void)state;
	ui_line_init(&l);
	ui_line_set(&l, "/utf/x");
	assert_int_equal(ui_line_complete(&l, &fake_dir, "/", NULL, false,
	    NULL), 2);
	/* Not "/utf/x\xc3": that is half of both names. */
	assert_string_equal(ui_line_str(&l), "/utf/x");
	ui_line_set(&l, "/utf/x\xc3\xa8");
	assert_int_equal(ui_line_complete(&l, &fake_dir, "/", NULL, false,
	    NULL), 1);
	assert_string_equal(ui_line_str(&l), "/utf/x\xc3\xa8");
	ui_line_clear(&l);
}

static void
model_refuses_an_entry_that_is_not_utf8(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'u');
	type(&f->m, "/utf/x");
	press(&f->m, UI_KEY_TAB);
	press(&f->m, UI_KEY_ENTER);
	/* The prefix is whole characters, so the entry is valid UTF-8. */
	assert_int_equal(f->m.params.sock_allow.n, 1);
	assert_string_equal(f->m.params.sock_allow.v[0].path, "/utf/x");

	/* A Latin-1 name completes, but cannot go into the policy. */
	press(&f->m, 'w');
	type(&f->m, "/utf/la");
	press(&f->m, UI_KEY_TAB);
	assert_string_equal(ui_line_str(&f->m.line), "/utf/lat\xe9n");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.params.writable_roots.n, 0);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "not UTF-8"));
	assert_non_null(strstr(f->m.status, "\\xe9"));
	/* The text stays, to be edited. */
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	assert_string_equal(ui_line_str(&f->m.line), "/utf/lat\xe9n");
}

static void
model_says_which_port_and_name_were_added(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'p');
	type(&f->m, "8080");
	press(&f->m, UI_KEY_ENTER);
	assert_string_equal(f->m.status, "added port 8080");
	/* Edit it: the selection is on the new port. */
	press(&f->m, 'e');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, "8081");
	press(&f->m, UI_KEY_ENTER);
	assert_string_equal(f->m.status, "changed port 8081");

	while (f->m.rows[f->m.sel].kind != ROW_PROTECTS)
		press(&f->m, UI_KEY_DOWN);
	press(&f->m, 'a');
	type(&f->m, ".npmrc");
	press(&f->m, UI_KEY_ENTER);
	assert_string_equal(f->m.status, "added \".npmrc\"");
}

/* No byte below 0x20 or DEL: nothing for the terminal to obey. */
static void
assert_printable(const char *s)
{
	const unsigned char *p;

	assert_non_null(s);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			fail_msg("control byte 0x%02x in \"%s\"", *p, s);
	}
}

/* Messages quote what the user typed or a file held, escaped. */
static void
model_status_lines_carry_no_control_bytes(void **state)
{
	struct fixture *f = *state;
	char path[128], want[192], *q;

	press(&f->m, 'w');
	ui_line_set(&f->m.line, "/tmp/a\033[2Jb");
	press(&f->m, UI_KEY_ENTER);
	assert_false(f->m.status_err);
	assert_string_equal(f->m.status, "added \"/tmp/a\\x1b[2Jb\"");
	press(&f->m, 'w');
	ui_line_set(&f->m.line, "/tmp/a\033[2Jb");
	press(&f->m, UI_KEY_ENTER);
	assert_string_equal(f->m.status, "writable root: already in the "
	    "list: \"/tmp/a\\x1b[2Jb\"");
	press(&f->m, UI_KEY_ESC);
	press(&f->m, 'd');
	assert_string_equal(f->m.status, "removed \"/tmp/a\\x1b[2Jb\"");

	press(&f->m, 'p');
	ui_line_set(&f->m.line, "80\r80");
	press(&f->m, UI_KEY_ENTER);
	assert_string_equal(f->m.status, "proxy port: not a number: "
	    "\"80\\r80\"");
	press(&f->m, UI_KEY_ESC);

	while (f->m.rows[f->m.sel].kind != ROW_PROTECTS)
		press(&f->m, UI_KEY_DOWN);
	press(&f->m, 'a');
	ui_line_set(&f->m.line, ".git");
	press(&f->m, UI_KEY_ENTER);
	assert_string_equal(f->m.status, "protected name: already in the "
	    "list: \".git\"");
	press(&f->m, UI_KEY_ESC);

	/* Completion lists names plainly, unless they need escaping. */
	press(&f->m, 'u');
	type(&f->m, "/ctl/a");
	press(&f->m, UI_KEY_TAB);
	assert_string_equal(f->m.status, "2 matches: \"a\\x1b[2Jx\" ab");
	press(&f->m, UI_KEY_ESC);

	/* Saved, asked about, and the directory that could not be made. */
	snprintf(path, sizeof path, "%s/new\nline.json", f->tmp);
	press(&f->m, 's');
	ui_line_set(&f->m.line, path);
	press(&f->m, UI_KEY_ENTER);
	assert_false(f->m.status_err);
	snprintf(want, sizeof want, "saved \"%s/new\\nline.json\"", f->tmp);
	assert_string_equal(f->m.status, want);
	free(f->m.file);
	f->m.file = NULL;
	press(&f->m, 'n');
	press(&f->m, 's');
	ui_line_set(&f->m.line, path);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.confirm, UI_CONFIRM_OVERWRITE);
	q = ui_model_confirm_text(&f->m);
	snprintf(want, sizeof want, "\"%s/new\\nline.json\" exists; "
	    "overwrite?  y yes  n no", f->tmp);
	assert_string_equal(q, want);
	free(q);
	press(&f->m, 'n');

	free(f->m.config_home);
	f->m.config_home = xstrdup("/nonexistent\tdir");
	fake_fs.mkdir_errno = EACCES;
	press(&f->m, 's');
	ui_line_set(&f->m.line, "/nonexistent\tdir/sbpolicy/profiles/p.json");
	press(&f->m, UI_KEY_ENTER);
	assert_true(f->m.status_err);
	assert_string_equal(f->m.status, "not saved: \"/nonexistent\\tdir\": "
	    "Permission denied");
	assert_printable(f->m.status);
}

static void
model_port_error_quotes_what_was_typed(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'p');
	type(&f->m, "99999999999999999999");
	press(&f->m, UI_KEY_ENTER);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "99999999999999999999"));
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, "70000");
	press(&f->m, UI_KEY_ENTER);
	assert_non_null(strstr(f->m.status, "1..65535: 70000"));
}

static void
model_says_why_a_settings_key_does_nothing_in_the_preview(void **state)
{
	struct fixture *f = *state;

	press(&f->m, UI_KEY_TAB);
	assert_int_equal(f->m.mode, UI_MODE_PREVIEW);
	assert_true(press(&f->m, 'd') & UI_R_REDRAW);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "Tab goes back"));
	press(&f->m, UI_KEY_TAB);
	press(&f->m, 'z');
	press(&f->m, UI_KEY_TAB);
	assert_non_null(strstr(f->m.status, "z shows the settings"));
	press(&f->m, UI_KEY_ENTER);
	assert_non_null(strstr(f->m.status, "z shows the settings"));
}

static void
model_refuses_blanks_and_duplicate_home_forms(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'u');
	type(&f->m, "   ");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.params.sock_allow.n, 0);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "only blanks"));
	assert_string_equal(ui_line_str(&f->m.line), "   ");
	press(&f->m, UI_KEY_ESC);

	press(&f->m, 'w');
	type(&f->m, "~");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.params.writable_roots.n, 1);
	assert_string_equal(f->m.params.writable_roots.v[0], "~");
	press(&f->m, 'w');
	type(&f->m, "~/");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.params.writable_roots.n, 1);
	assert_non_null(strstr(f->m.status, "already in the list"));
	press(&f->m, UI_KEY_ESC);
	press(&f->m, 'w');
	type(&f->m, "~//src/./");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.params.writable_roots.n, 2);
	assert_string_equal(f->m.params.writable_roots.v[1], "~/src");
	/* With "..", kept as typed, as on the command line: only $HOME can
	 * say where it leads. */
	press(&f->m, 'w');
	type(&f->m, "~/src/../lib");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.params.writable_roots.n, 3);
	assert_string_equal(f->m.params.writable_roots.v[2], "~/src/../lib");
	/* Sockets the same way. */
	press(&f->m, 'u');
	type(&f->m, "~//");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.params.sock_allow.n, 1);
	assert_string_equal(f->m.params.sock_allow.v[0].path, "~");
}

static void
lineedit_completes_a_command_word_with_blanks_and_quotes(void **state)
{
	struct ui_line l;
	struct sb_error err;
	char **argv;

	(void)state;
	ui_line_init(&l);
	/* Unquoted: the blanks are escaped, as the parser reads them. */
	ui_line_set(&l, "cat a");
	assert_int_equal(ui_line_complete(&l, &fake_dir, "/Users/me/project",
	    NULL, true, NULL), 1);
	assert_string_equal(ui_line_str(&l), "cat a\\ dir\\ with\\ space/");
	sb_error_init(&err);
	argv = shquote_split(ui_line_str(&l), &err);
	assert_non_null(argv);
	assert_string_equal(argv[1], "a dir with space/");
	launch_argv_free(argv);

	/* An escaped blank already typed is part of the word. */
	ui_line_set(&l, "cat a\\ dir");
	assert_int_equal(ui_line_complete(&l, &fake_dir, "/Users/me/project",
	    NULL, true, NULL), 1);
	assert_string_equal(ui_line_str(&l), "cat a\\ dir\\ with\\ space/");

	/* Inside quotes, completion stays inside them. */
	ui_line_set(&l, "cat 'a d");
	ui_line_complete(&l, &fake_dir, "/Users/me/project", NULL, true, NULL);
	assert_string_equal(ui_line_str(&l), "cat 'a dir with space/");
	ui_line_set(&l, "cat \"a d");
	ui_line_complete(&l, &fake_dir, "/Users/me/project", NULL, true, NULL);
	assert_string_equal(ui_line_str(&l), "cat \"a dir with space/");

	/* Quotes and backslashes in a name survive every quoting. */
	ui_line_set(&l, "cat i");
	ui_line_complete(&l, &fake_dir, "/Users/me/project", NULL, true, NULL);
	argv = shquote_split(ui_line_str(&l), &err);
	assert_non_null(argv);
	assert_string_equal(argv[1], "it's\"q\\");
	launch_argv_free(argv);
	ui_line_set(&l, "cat 'i");
	ui_line_complete(&l, &fake_dir, "/Users/me/project", NULL, true, NULL);
	ui_line_insert(&l, '\'');
	argv = shquote_split(ui_line_str(&l), &err);
	assert_non_null(argv);
	assert_string_equal(argv[1], "it's\"q\\");
	launch_argv_free(argv);
	ui_line_set(&l, "cat \"i");
	ui_line_complete(&l, &fake_dir, "/Users/me/project", NULL, true, NULL);
	ui_line_insert(&l, '"');
	argv = shquote_split(ui_line_str(&l), &err);
	assert_non_null(argv);
	assert_string_equal(argv[1], "it's\"q\\");
	launch_argv_free(argv);
	ui_line_clear(&l);
}

static void
model_ctrl_l_regenerates(void **state)
{
	struct fixture *f = *state;
	unsigned r;

	r = ui_model_apply(&f->m, ACT_REDRAW, UI_KEY_CTRL('l'));
	assert_true(r & UI_R_CLEAR);
	assert_true(r & UI_R_REGEN);
}

/* --- the built-in denies -------------------------------------------------- */

/* The number of built-in denies the generator lists. */
static size_t
builtin_count(void)
{
	size_t n = 0;

	while (gen_builtin_deny(n, NULL) != NULL)
		n++;
	return n;
}

/* The index of the row r in m->rows. */
static size_t
row_pos(const struct ui_model *m, const struct ui_row *r)
{
	return (size_t)(r - m->rows);
}

static void
model_shows_the_builtin_denies_under_the_deny_list(void **state)
{
	struct fixture *f = *state;
	const struct ui_row *head, *r, *fs = NULL;
	enum sock_match match;
	const char *path;
	size_t i, n = builtin_count();

	assert_true(n >= 13);
	head = find_row(&f->m, ROW_BUILTIN, 0);
	assert_non_null(head);
	assert_string_equal(head->label, "built-in denies");
	assert_string_equal(head->value, "on");
	assert_true(row_pos(&f->m, head) >
	    row_pos(&f->m, find_row(&f->m, ROW_DENY, 0)));
	for (i = 0; i < f->m.nrows; i++) {
		if (f->m.rows[i].kind == ROW_SECTION &&
		    strcmp(f->m.rows[i].label, "Filesystem") == 0)
			fs = &f->m.rows[i];
	}
	assert_non_null(fs);
	/* Said where the group starts: the rows cannot be edited. */
	r = next_row(&f->m, head);
	assert_int_equal(r->kind, ROW_NOTE);
	assert_non_null(strstr(r->label, "read-only"));
	assert_non_null(strstr(r->label, "B "));

	/* One row per built-in deny, as written, with its match. */
	for (i = 0; (path = gen_builtin_deny(i, &match)) != NULL; i++) {
		r = find_row(&f->m, ROW_BUILTIN_ENTRY, i);
		assert_non_null(r);
		assert_string_equal(r->label, path);
		assert_string_equal(r->value, sock_match_name(match));
		assert_int_equal(r->depth, 2);
		assert_true(row_pos(&f->m, r) > row_pos(&f->m, head));
		assert_true(row_pos(&f->m, r) < row_pos(&f->m, fs));
		assert_true(ui_row_is_selectable(r));
	}
	assert_null(find_row(&f->m, ROW_BUILTIN_ENTRY, n));
	r = find_row(&f->m, ROW_BUILTIN_ENTRY, 0);
	assert_string_equal(r->label, "/var/run/docker.sock");
	assert_string_equal(r->value, "literal");

	/* Restricted with nothing allowed: none is in the profile. */
	assert_false(preview_has(&f->m, "BUILTIN_DENY"));
	for (i = 0; i < n; i++) {
		r = find_row(&f->m, ROW_BUILTIN_ENTRY, i);
		assert_non_null(r->inactive);
		assert_non_null(strstr(r->inactive, "no allow entry"));
	}
	/* An allow entry that opens some: those, and only those, count. */
	press(&f->m, 'u');
	type(&f->m, "/var/run");
	press(&f->m, UI_KEY_ENTER);
	assert_true(preview_has(&f->m, "BUILTIN_DENY_0"));
	assert_null(find_row(&f->m, ROW_BUILTIN_ENTRY, 0)->inactive);
	assert_null(find_row(&f->m, ROW_BUILTIN_ENTRY, 3)->inactive);
	assert_non_null(find_row(&f->m, ROW_BUILTIN_ENTRY, n - 1)->inactive);
	press(&f->m, 'd');
	assert_int_equal(f->m.params.sock_allow.n, 0);

	/* Full: all of them, "~/" and "$TMPDIR/" ones included. */
	press(&f->m, 'n');
	for (i = 0; i < n; i++)
		assert_null(find_row(&f->m, ROW_BUILTIN_ENTRY, i)->inactive);
	assert_null(find_row(&f->m, ROW_BUILTIN, 0)->inactive);

	/* Off: the network-off reason, on the switch too. */
	press(&f->m, 'n');
	assert_int_equal(f->m.params.net_mode, NET_OFF);
	assert_non_null(strstr(find_row(&f->m, ROW_BUILTIN, 0)->inactive,
	    "network is off"));
	for (i = 0; i < n; i++)
		assert_non_null(strstr(find_row(&f->m, ROW_BUILTIN_ENTRY,
		    i)->inactive, "network is off"));
}

static void
model_b_toggles_the_builtin_denies(void **state)
{
	struct fixture *f = *state;
	const struct ui_row *r;
	unsigned rc;
	size_t i;
	bool help = false;

	assert_int_equal(ui_keymap_lookup(UI_MODE_LIST, 'B'),
	    ACT_TOGGLE_BUILTIN);
	assert_int_equal(ui_keymap_lookup(UI_MODE_PREVIEW, 'B'),
	    ACT_TOGGLE_BUILTIN);
	press(&f->m, 'n');	/* full: every built-in deny is written */
	assert_int_equal(f->m.params.net_mode, NET_FULL);
	assert_true(preview_has(&f->m, "; -D BUILTIN_DENY_0="));
	assert_true(preview_has(&f->m, "(param \"BUILTIN_DENY_0\")"));
	params_clear(&f->m.saved);
	params_copy(&f->m.saved, &f->m.params);
	ui_model_regen(&f->m);
	assert_false(f->m.modified);

	rc = press(&f->m, 'B');
	assert_true(rc & UI_R_REGEN);
	assert_false(f->m.params.builtin_denies);
	assert_false(preview_has(&f->m, "BUILTIN_DENY"));
	assert_true(f->m.modified);
	assert_false(f->m.status_err);
	assert_string_equal(f->m.status, "built-in denies: off");
	r = find_row(&f->m, ROW_BUILTIN, 0);
	assert_string_equal(r->value, "off");
	assert_null(r->inactive);
	for (i = 0; gen_builtin_deny(i, NULL) != NULL; i++)
		assert_non_null(strstr(find_row(&f->m, ROW_BUILTIN_ENTRY,
		    i)->inactive, "built-in denies off (B)"));
	/* The reason is a note above the rows, in place of the read-only
	 * note, which would say the same. */
	r = next_row(&f->m, find_row(&f->m, ROW_BUILTIN, 0));
	assert_int_equal(r->kind, ROW_NOTE);
	assert_string_equal(r->label, "(built-in denies off (B))");

	/* Back on: the same preview as before, not modified. */
	press(&f->m, 'B');
	assert_true(f->m.params.builtin_denies);
	assert_true(preview_has(&f->m, "; -D BUILTIN_DENY_0="));
	assert_false(f->m.modified);
	assert_string_equal(find_row(&f->m, ROW_BUILTIN, 0)->value, "on");

	/* Enter on the switch toggles it, as on any other setting. */
	select_kind(&f->m, ROW_BUILTIN, 0);
	assert_true(press(&f->m, UI_KEY_ENTER) & UI_R_REGEN);
	assert_false(f->m.params.builtin_denies);
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_BUILTIN);
	press(&f->m, ' ');
	assert_true(f->m.params.builtin_denies);

	/* The help screen lists it. */
	for (i = 0; i < f->m.nhelp_rows; i++) {
		if (strstr(f->m.help_rows[i], ui_action_help(
		    ACT_TOGGLE_BUILTIN)) != NULL &&
		    strncmp(f->m.help_rows[i], "  B ", 4) == 0)
			help = true;
	}
	assert_true(help);
}

static void
model_builtin_rows_are_read_only(void **state)
{
	static const int keys[] = {
		UI_KEY_ENTER, 'e', ' ', 'd', UI_KEY_DC, 'm', 'c', 'a',
	};
	struct fixture *f = *state;
	struct params before;
	size_t i, k;
	unsigned rc;

	press(&f->m, 'n');
	params_copy(&before, &f->m.params);
	for (i = 0; gen_builtin_deny(i, NULL) != NULL; i += 6) {
		for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
			select_kind(&f->m, ROW_BUILTIN_ENTRY, i);
			ui_model_status(&f->m, false, "-");
			rc = press(&f->m, keys[k]);
			assert_false(rc & UI_R_REGEN);
			assert_int_equal(f->m.mode, UI_MODE_LIST);
			assert_int_equal(f->m.prompt, UI_PROMPT_NONE);
			assert_true(params_equal(&f->m.params, &before));
			assert_true(f->m.status_err);
			assert_non_null(strstr(f->m.status, "built in"));
			if (keys[k] == 'a')
				assert_non_null(strstr(f->m.status, "x adds"));
			else
				assert_non_null(strstr(f->m.status,
				    "B switches the built-in denies off"));
			/* The selection stays. */
			assert_int_equal(f->m.rows[f->m.sel].kind,
			    ROW_BUILTIN_ENTRY);
			assert_int_equal(f->m.rows[f->m.sel].index, i);
		}
	}
	assert_non_null(strstr(f->m.status, "x adds"));
	select_kind(&f->m, ROW_BUILTIN_ENTRY, 0);
	press(&f->m, 'e');
	assert_non_null(strstr(f->m.status, "cannot be edited"));
	press(&f->m, 'd');
	assert_non_null(strstr(f->m.status, "cannot be removed"));
	/* The switch itself is not removed either. */
	select_kind(&f->m, ROW_BUILTIN, 0);
	assert_false(press(&f->m, 'd') & UI_R_REGEN);
	assert_true(params_equal(&f->m.params, &before));
	assert_non_null(strstr(f->m.status, "cannot be removed"));
	/* Off, the message says the key switches them on. */
	press(&f->m, 'B');
	select_kind(&f->m, ROW_BUILTIN_ENTRY, 0);
	press(&f->m, UI_KEY_ENTER);
	assert_non_null(strstr(f->m.status,
	    "B switches the built-in denies on"));
	assert_false(f->m.params.builtin_denies);
	params_clear(&before);
}

static void
model_saves_and_opens_the_builtin_denies_switch(void **state)
{
	struct fixture *f = *state;
	char path[128], *text;
	static const char off[] = "{\"version\": 1, \"network\": {\"mode\": "
	    "\"full\", \"unix_sockets\": {\"builtin_denies\": false}}}\n";

	/* Saved: the switch goes into the file. */
	snprintf(path, sizeof path, "%s/b.json", f->tmp);
	press(&f->m, 'B');
	press(&f->m, 's');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, path);
	assert_true(press(&f->m, UI_KEY_ENTER) & UI_R_SAVE);
	assert_false(f->m.status_err);
	assert_false(f->m.modified);
	text = test_slurp(path, NULL);
	assert_non_null(text);
	assert_non_null(strstr(text, "\"builtin_denies\": false"));
	free(text);

	/* Opened: a file that switches them off shows them off. */
	snprintf(path, sizeof path, "%s/off.json", f->tmp);
	assert_int_equal(test_write_file(path, off, sizeof off - 1), 0);
	press(&f->m, 'B');	/* on again: a change, so open asks first */
	press(&f->m, 'o');
	assert_int_equal(f->m.mode, UI_MODE_CONFIRM);
	press(&f->m, 'd');
	type(&f->m, path);
	assert_true(press(&f->m, UI_KEY_ENTER) & UI_R_OPEN);
	assert_false(f->m.status_err);
	assert_false(f->m.params.builtin_denies);
	assert_int_equal(f->m.params.net_mode, NET_FULL);
	assert_false(f->m.modified);
	assert_string_equal(find_row(&f->m, ROW_BUILTIN, 0)->value, "off");
	assert_non_null(strstr(find_row(&f->m, ROW_BUILTIN_ENTRY, 0)->inactive,
	    "off (B)"));
	assert_false(preview_has(&f->m, "BUILTIN_DENY"));
	press(&f->m, 'B');
	assert_true(preview_has(&f->m, "BUILTIN_DENY_0"));
	assert_true(f->m.modified);
}

/* --- access checks -------------------------------------------------------- */

/* The preview line (from 0) holding s at its start, or SIZE_MAX. */
static size_t
preview_line(const struct ui_model *m, const char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; i < m->nlines; i++) {
		if (m->lines[i].len >= n && strncmp(m->lines[i].s, s, n) == 0)
			return i;
	}
	return SIZE_MAX;
}

/* The first preview line holding s anywhere, or SIZE_MAX. */
static size_t
preview_line_having(const struct ui_model *m, const char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; i < m->nlines; i++) {
		if (memmem(m->lines[i].s, m->lines[i].len, s, n) != NULL)
			return i;
	}
	return SIZE_MAX;
}

static size_t
marked_lines(const struct ui_model *m, unsigned mark)
{
	size_t i, n = 0;

	for (i = 0; i < m->nlines; i++)
		n += (m->lines[i].mark & mark) != 0;
	return n;
}

/* Opens the check prompt, types text and presses Enter. */
static unsigned
check(struct ui_model *m, const char *text)
{
	press(m, 'C');
	assert_int_equal(m->prompt, UI_PROMPT_CHECK);
	type(m, text);
	return press(m, UI_KEY_ENTER);
}

static void
model_check_shows_the_verdict_and_the_rule(void **state)
{
	struct fixture *f = *state;
	const struct ui_row *r;
	size_t line, n;
	char want[32];
	unsigned rc;

	ui_model_set_viewport(&f->m, 20, 60, 10, 24);
	press(&f->m, 'C');
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	assert_string_equal(ui_model_prompt_label(&f->m), "check: ");
	type(&f->m, "read ~/.ssh/id_ed25519");
	rc = press(&f->m, UI_KEY_ENTER);
	/* Asked by the loop's side effect, not by the action. */
	assert_true(rc & UI_R_CHECK);
	assert_false(rc & UI_R_REGEN);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_int_equal(f->m.checks.n, 1);
	assert_false(f->m.status_err);

	/* "allowed by line N: RULE", N the preview's line of the rule. */
	line = preview_line(&f->m, "(allow file-read*)");
	assert_true(line != SIZE_MAX);
	snprintf(want, sizeof want, "allowed by line %zu: ", line + 1);
	assert_int_equal(strncmp(f->m.status, want, strlen(want)), 0);
	assert_non_null(strstr(f->m.status, "(allow file-read*)"));

	/* The check is selected, its row says the verdict, and its rule is
	 * marked and in sight. */
	r = &f->m.rows[f->m.sel];
	assert_int_equal(r->kind, ROW_CHECK);
	assert_string_equal(r->label, "read ~/.ssh/id_ed25519");
	assert_string_equal(r->value, "allowed");
	assert_true(f->m.lines[line].mark & UI_MARK_RULE);
	assert_int_equal(marked_lines(&f->m, UI_MARK_RULE), 1);
	assert_int_equal(marked_lines(&f->m, UI_MARK_ENTRY), 0);
	assert_true(line >= f->m.preview_top);
	assert_true(line < f->m.preview_top + 10);
	/* Under its own heading, after the policy's settings. */
	r = find_row(&f->m, ROW_CHECKS, 0);
	assert_non_null(r);
	assert_string_equal(r->value, "1");

	/* Not policy: nothing to save. */
	assert_false(f->m.modified);

	/* A denied one: the rule is (deny default), a few lines long at
	 * most. */
	check(&f->m, "write /etc/passwd");
	assert_int_equal(f->m.checks.n, 2);
	assert_int_equal(strncmp(f->m.status, "denied by line ", 15), 0);
	assert_non_null(strstr(f->m.status, "(deny default)"));
	assert_string_equal(f->m.rows[f->m.sel].value, "denied");
	n = marked_lines(&f->m, UI_MARK_RULE);
	assert_int_equal(n, 1);
	assert_true(f->m.lines[preview_line(&f->m, "(deny default)")].mark &
	    UI_MARK_RULE);

	/* Moving the selection moves the mark. */
	press(&f->m, 'k');
	assert_int_equal(f->m.rows[f->m.sel].index, 0);
	assert_true(f->m.lines[line].mark & UI_MARK_RULE);
	press(&f->m, 'k');
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_CHECKS);
	assert_int_equal(marked_lines(&f->m, UI_MARK_RULE), 0);

	/* Denied for a protected name: the status says which exception
	 * took it out of the rule that would allow it. */
	press(&f->m, 'f');
	assert_int_equal(f->m.params.fs_mode, FS_WORKSPACE_WRITE);
	check(&f->m, "write .git/config");
	assert_int_equal(strncmp(f->m.status, "denied by line ", 15), 0);
	assert_non_null(strstr(f->m.status, "would allow it but for "
	    "(subpath (param \"WRITABLE_ROOT_0_EXCLUDED_0\"))"));
	/* And a write elsewhere in the workspace is allowed by the roots'
	 * rule, shown by its head and the root that matched. */
	check(&f->m, "write src/main.c");
	assert_int_equal(strncmp(f->m.status, "allowed by line ", 16), 0);
	assert_non_null(strstr(f->m.status, "(allow file-write* "));
	assert_non_null(strstr(f->m.status, "WRITABLE_ROOT_0"));
}

static void
model_a_bad_check_keeps_the_prompt(void **state)
{
	struct fixture *f = *state;

	check(&f->m, "raed /etc/hosts");
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	assert_int_equal(f->m.prompt, UI_PROMPT_CHECK);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "\"raed\": not a verb"));
	assert_string_equal(ui_line_str(&f->m.line), "raed /etc/hosts");
	assert_int_equal(f->m.checks.n, 0);

	/* Fixed in place, it is taken. */
	press(&f->m, UI_KEY_CTRL('a'));
	press(&f->m, UI_KEY_DC);
	press(&f->m, UI_KEY_DC);
	press(&f->m, UI_KEY_DC);
	type(&f->m, "rea");
	assert_string_equal(ui_line_str(&f->m.line), "read /etc/hosts");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_int_equal(f->m.checks.n, 1);

	/* No target, too many words, a duplicate, nothing: refused. */
	check(&f->m, "read");
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "read: what?"));
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, "read /a b");
	press(&f->m, UI_KEY_ENTER);
	assert_non_null(strstr(f->m.status, "quote a target with blanks"));
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, "read /etc/hosts");
	press(&f->m, UI_KEY_ENTER);
	assert_non_null(strstr(f->m.status, "already in the list"));
	press(&f->m, UI_KEY_CTRL('u'));
	press(&f->m, UI_KEY_ENTER);
	assert_non_null(strstr(f->m.status, "VERB TARGET"));
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	/* A quoted target with a blank is one word. */
	type(&f->m, "read '/a b'");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_int_equal(f->m.checks.n, 2);
	press(&f->m, 'C');
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_int_equal(f->m.checks.n, 2);
}

static void
model_a_check_flips_when_its_socket_is_deleted(void **state)
{
	struct fixture *f = *state;
	const struct ui_row *r;

	press(&f->m, 'u');
	type(&f->m, "/tmp/app.sock");
	press(&f->m, UI_KEY_ENTER);
	check(&f->m, "connect /tmp/app.sock");
	assert_int_equal(strncmp(f->m.status, "allowed by line ", 16), 0);
	assert_non_null(strstr(f->m.status, "(allow network-outbound"));
	check(&f->m, "read /etc/hosts");
	r = find_row(&f->m, ROW_CHECK, 0);
	assert_string_equal(r->value, "allowed");

	/* The entry goes: the check is asked again and says it flipped,
	 * on its row and on the status line. */
	select_kind(&f->m, ROW_ALLOW_ENTRY, 0);
	press(&f->m, 'd');
	assert_int_equal(f->m.params.sock_allow.n, 0);
	assert_int_equal(f->m.checks.v[0].verdict, SBPL_DENIED);
	assert_true(f->m.checks.v[0].flipped);
	r = find_row(&f->m, ROW_CHECK, 0);
	assert_string_equal(r->value, "allowed -> denied");
	r = find_row(&f->m, ROW_CHECK, 1);
	assert_string_equal(r->value, "allowed");
	assert_non_null(strstr(f->m.status, "removed \"/tmp/app.sock\"; "
	    "check connect /tmp/app.sock: allowed -> denied"));

	/* A regeneration that changes nothing keeps the mark ... */
	press(&f->m, UI_KEY_CTRL('l'));
	assert_string_equal(find_row(&f->m, ROW_CHECK, 0)->value,
	    "allowed -> denied");
	/* ... the next change drops it. */
	press(&f->m, 'l');
	assert_string_equal(find_row(&f->m, ROW_CHECK, 0)->value, "denied");

	/* Back again: it flips back. */
	press(&f->m, 'u');
	type(&f->m, "/tmp/app.sock");
	press(&f->m, UI_KEY_ENTER);
	assert_string_equal(find_row(&f->m, ROW_CHECK, 0)->value,
	    "denied -> allowed");
}

static void
model_selecting_an_entry_marks_its_lines(void **state)
{
	struct fixture *f = *state;
	const struct ui_pline *l;
	char term[96];
	size_t d, rule, port;

	press(&f->m, 'u');
	type(&f->m, "/tmp/app.sock");
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, 'p');
	type(&f->m, "8080");
	press(&f->m, UI_KEY_ENTER);
	select_kind(&f->m, ROW_ALLOW_ENTRY, 0);

	/* Its rules, and the -D line of the parameter they use. */
	d = preview_line(&f->m, "; -D UNIX_SOCKET_PATH_0=");
	rule = preview_line(&f->m, "(allow network-outbound (remote "
	    "unix-socket");
	port = preview_line(&f->m, "(allow network-outbound (remote ip");
	assert_true(d != SIZE_MAX && rule != SIZE_MAX && port != SIZE_MAX);
	assert_true(f->m.lines[d].mark & UI_MARK_ENTRY);
	assert_true(f->m.lines[rule].mark & UI_MARK_ENTRY);
	assert_true(f->m.lines[rule - 1].mark & UI_MARK_ENTRY);	/* listen */
	assert_true(f->m.lines[rule - 2].mark & UI_MARK_ENTRY);	/* bind */
	assert_false(f->m.lines[port].mark & UI_MARK_ENTRY);
	l = &f->m.lines[rule];
	assert_int_equal(l->span_off, 0);
	assert_int_equal(l->span_len, l->len);
	/* Not the section's comment, which all the entries share. */
	assert_false(f->m.lines[rule - 3].mark & UI_MARK_ENTRY);
	assert_int_equal(marked_lines(&f->m, UI_MARK_ENTRY), 4);
	assert_true(rule >= f->m.preview_top);

	/* Another entry, other lines. */
	select_kind(&f->m, ROW_PORT, 0);
	assert_true(f->m.lines[port].mark & UI_MARK_ENTRY);
	assert_false(f->m.lines[rule].mark & UI_MARK_ENTRY);
	assert_false(f->m.lines[d].mark & UI_MARK_ENTRY);

	/* A setting that is not an entry marks nothing. */
	select_kind(&f->m, ROW_NET_MODE, 0);
	assert_int_equal(marked_lines(&f->m, UI_MARK_ENTRY), 0);

	/* A writable root is one term of a rule that holds them all: only
	 * its own term is marked, and the -D line of its path. */
	press(&f->m, 'f');
	press(&f->m, 'w');
	type(&f->m, "/var/tmp");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_ROOT);
	d = preview_line_having(&f->m, "=/private/var/tmp");
	assert_true(d != SIZE_MAX);
	assert_true(f->m.lines[d].mark & UI_MARK_ENTRY);
	/* "; -D WRITABLE_ROOT_N=": the term is (subpath (param "...N")). */
	l = &f->m.lines[d];
	snprintf(term, sizeof term, "(require-all (subpath (param \"%.*s\"))",
	    (int)((const char *)memchr(l->s, '=', l->len) - (l->s + 5)),
	    l->s + 5);
	rule = preview_line_having(&f->m, term);
	assert_true(rule != SIZE_MAX);
	l = &f->m.lines[rule];
	assert_true(l->mark & UI_MARK_ENTRY);
	assert_true(l->span_off + l->span_len <= l->len);
	assert_int_equal(strncmp(l->s + l->span_off, term, strlen(term)), 0);
	/* The cwd's root, another entry's, is not. */
	rule = preview_line_having(&f->m, "(require-all (subpath (param "
	    "\"WRITABLE_ROOT_0\"))");
	assert_true(rule != SIZE_MAX);
	l = &f->m.lines[rule];
	assert_null(strstr(term, "\"WRITABLE_ROOT_0\""));
	assert_true(!(l->mark & UI_MARK_ENTRY) || memmem(l->s + l->span_off,
	    l->span_len, "\"WRITABLE_ROOT_0\"", 17) == NULL);
}

static void
model_checks_are_few_and_editable(void **state)
{
	struct fixture *f = *state;
	char text[32];
	size_t i;

	for (i = 0; i < UI_CHECKS_MAX; i++) {
		snprintf(text, sizeof text, "read /tmp/f%zu", i);
		check(&f->m, text);
		assert_int_equal(f->m.mode, UI_MODE_LIST);
	}
	assert_int_equal(f->m.checks.n, UI_CHECKS_MAX);
	/* The 21st: refused before a prompt opens, from C or the list. */
	press(&f->m, 'C');
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "at most 20 checks"));
	select_kind(&f->m, ROW_CHECKS, 0);
	press(&f->m, 'a');
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_non_null(strstr(f->m.status, "at most 20 checks"));

	/* Enter edits one in place; d removes one. */
	press(&f->m, 'j');
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_CHECK);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.prompt, UI_PROMPT_EDIT);
	assert_string_equal(ui_model_prompt_label(&f->m), "edit check: ");
	assert_string_equal(ui_line_str(&f->m.line), "read /tmp/f0");
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, "write /etc/passwd");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_int_equal(f->m.checks.n, UI_CHECKS_MAX);
	assert_string_equal(f->m.checks.v[0].text, "write /etc/passwd");
	assert_string_equal(find_row(&f->m, ROW_CHECK, 0)->value, "denied");
	assert_int_equal(strncmp(f->m.status, "denied by line ", 15), 0);
	press(&f->m, 'd');
	assert_int_equal(f->m.checks.n, UI_CHECKS_MAX - 1);
	assert_string_equal(f->m.checks.v[0].text, "read /tmp/f1");
	assert_non_null(strstr(f->m.status, "removed check write /etc/passwd"));
	assert_false(f->m.modified);
	/* Room again. */
	press(&f->m, 'C');
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	/* Tab completes the target, a word of the line. */
	type(&f->m, "read /tmp/te");
	press(&f->m, UI_KEY_TAB);
	assert_string_equal(ui_line_str(&f->m.line), "read /tmp/test");
}

/* --- the second round: presets, search, undo, mouse, the fast preview ---- */

/*
 * The preview keeps the lines around a change as they were: after any
 * edit its lines and their colours are those a fresh preview of the same
 * text has, strings of several lines and comments with parens included.
 */
static void
model_incremental_preview_matches_a_fresh_one(void **state)
{
	static const char *const frag[] = {
		"(version 1)\n", "; a comment (with a paren\n",
		"(allow file-read*\n  (literal \"/a\")\n  (subpath \"/b\"))\n",
		"(deny default)\n", "(allow x \"a string\n(of lines\")\n",
		"  (indented)\n", "\n", "(deny y #\"raw\n\\\"\")\n",
		"; -D KEY=VALUE\n", "(allow z\n", ")\n", "(deny w)",
	};
	struct fixture *f = *state;
	struct ui_model fresh;
	struct ui_env env;
	struct params p;
	size_t pick[24], n = 8, i, j, step;
	char *text;
	struct buf b;
	unsigned seed = 7;

	memset(&env, 0, sizeof env);
	env.cwd = "/";
	env.fs = &f->fs;
	params_init(&p);
	ui_model_init(&fresh, &p, NULL, &env);
	params_clear(&p);
	for (i = 0; i < n; i++)
		pick[i] = i % (sizeof frag / sizeof frag[0]);
	buf_init(&b);
	for (step = 0; step < 400; step++) {
		/* One fragment replaced, added or taken out. */
		seed = seed * 1103515245u + 12345u;
		i = (seed >> 8) % n;
		j = (seed >> 16) % (sizeof frag / sizeof frag[0]);
		if ((seed >> 4) % 3 == 0 && n < 24) {
			memmove(pick + i + 1, pick + i, (n - i) * sizeof *pick);
			n++;
		} else if ((seed >> 4) % 3 == 1 && n > 1) {
			memmove(pick + i, pick + i + 1, (n - i - 1) *
			    sizeof *pick);
			n--;
			continue;
		}
		pick[i] = j;
		buf_reset(&b);
		for (i = 0; i < n; i++)
			buf_puts(&b, frag[pick[i]]);
		text = xstrdup(buf_str(&b));
		ui_preview_set(&f->m, xstrdup(text));
		ui_preview_drop(&fresh);
		ui_preview_set(&fresh, text);
		assert_int_equal(f->m.nlines, fresh.nlines);
		for (i = 0; i < fresh.nlines; i++) {
			assert_int_equal(f->m.lines[i].len, fresh.lines[i].len);
			assert_memory_equal(f->m.lines[i].s, fresh.lines[i].s,
			    fresh.lines[i].len);
			if (f->m.lines[i].role != fresh.lines[i].role)
				fail_msg("step %zu line %zu: role %d, not %d",
				    step, i, f->m.lines[i].role,
				    fresh.lines[i].role);
		}
	}
	/* The same text again changes nothing. */
	ui_preview_set(&f->m, xstrdup(buf_str(&b)));
	for (i = 0; i < f->m.nlines; i++)
		assert_false(f->m.lines[i].changed);
	assert_true(f->m.first_changed == SIZE_MAX);
	buf_clear(&b);
	ui_model_clear(&fresh);
}

/* After an edit the preview shows the rules it added, not the -D line
 * above them all. */
static void
model_preview_scrolls_to_the_changed_rule(void **state)
{
	struct fixture *f = *state;
	const struct ui_pline *l;

	ui_model_set_viewport(&f->m, 10, 40, 8, 12);
	press(&f->m, 'u');
	type(&f->m, "/tmp/test.sock");
	press(&f->m, UI_KEY_ENTER);
	assert_true(f->m.lines[0].changed);	/* its -D line */
	assert_int_equal(f->m.first_changed, 0);
	assert_true(f->m.first_changed_rule > 100);
	l = &f->m.lines[f->m.first_changed_rule];
	assert_true(l->changed);
	assert_int_not_equal(l->role, UI_LINE_PARAM);
	assert_true(f->m.preview_top <= f->m.first_changed_rule);
	assert_true(f->m.first_changed_rule < f->m.preview_top + 8);
}


/* The presets from the source tree's examples, read through the real
 * directory listing (the fake one knows only its own directories). */
static void
use_examples(struct ui_model *m)
{
	size_t i;

	for (i = 0; m->preset_dirs[i] != NULL; i++)
		free(m->preset_dirs[i]);
	free(m->preset_dirs);
	m->preset_dirs = xcalloc(3, sizeof *m->preset_dirs);
	m->preset_dirs[0] = xstrdup("/nonexistent/sbpolicy/examples");
	m->preset_dirs[1] = test_srcpath("data/examples");
	m->dir = &ui_dir_posix;
}

/* --- the second round's defects ------------------------------------------- */

static void
model_a_brief_shrink_is_clamped_back(void **state)
{
	struct fixture *f = *state;
	char path[32];
	int i;

	for (i = 0; i < 40; i++) {
		snprintf(path, sizeof path, "/tmp/s%02d.sock", i);
		socklist_add(&f->m.params.sock_allow, path, MATCH_LITERAL,
		    ACCESS_CONNECT_BIND);
	}
	ui_model_regen(&f->m);
	assert_int_equal(f->m.rows_top, 0);
	ui_model_set_viewport(&f->m, 1, 60, 1, 4);
	ui_model_set_viewport(&f->m, 20, 60, 20, 24);
	/* The selection is the mode row: the heading above it shows. */
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_NET_MODE);
	assert_int_equal(f->m.rows_top, 0);
	/* Never past the last page. */
	press(&f->m, UI_KEY_END);
	ui_model_set_viewport(&f->m, 1, 60, 1, 4);
	ui_model_set_viewport(&f->m, 30, 60, 20, 34);
	assert_true(f->m.rows_top + 30 <= f->m.nrows);
}

static void
model_a_failed_open_keeps_the_prompt(void **state)
{
	struct fixture *f = *state;
	static const char bad[] = "{\"version\": 1,\n  \"network\": nope}\n";
	char path[128], *typed;

	snprintf(path, sizeof path, "%s/bad.json", f->tmp);
	assert_int_equal(test_write_file(path, bad, sizeof bad - 1), 0);
	press(&f->m, 'o');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, path);
	typed = xstrdup(ui_line_str(&f->m.line));
	press(&f->m, UI_KEY_ENTER);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "not opened: "));
	assert_non_null(strstr(f->m.status, "bad.json:2:"));
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	assert_int_equal(f->m.prompt, UI_PROMPT_OPEN);
	assert_string_equal(ui_line_str(&f->m.line), typed);
	/* The next key edits the name, it is no command. */
	press(&f->m, 'n');
	assert_int_equal(f->m.params.net_mode, NET_RESTRICTED);
	assert_int_equal(strlen(ui_line_str(&f->m.line)), strlen(typed) + 1);
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_null(f->m.file);
	free(typed);
}

/* An srt settings file with one setting that has no equivalent. */
static const char srt_settings[] =
    "{\n"
    "  \"filesystem\": {\"allowWrite\": [\".\"]},\n"
    "  \"network\": {\"allowedDomains\": [\"example.com\"],\n"
    "    \"allowUnixSockets\": [\"/tmp/app.sock\"]}\n"
    "}\n";

/* Types path into the open prompt and accepts it. */
static void
open_typed(struct ui_model *m, const char *path)
{
	press(m, 'o');
	assert_int_equal(m->prompt, UI_PROMPT_OPEN);
	press(m, UI_KEY_CTRL('u'));
	type(m, path);
	press(m, UI_KEY_ENTER);
}

static void
model_open_asks_before_converting_an_srt_file(void **state)
{
	struct fixture *f = *state;
	char path[128], want[160], *q, *back;
	size_t len;

	snprintf(path, sizeof path, "%s/settings.json", f->tmp);
	assert_int_equal(test_write_file(path, srt_settings,
	    sizeof srt_settings - 1), 0);

	/* Asked, with nothing changed yet. */
	open_typed(&f->m, path);
	assert_int_equal(f->m.mode, UI_MODE_CONFIRM);
	assert_int_equal(f->m.confirm, UI_CONFIRM_SRT);
	q = ui_model_confirm_text(&f->m);
	assert_non_null(strstr(q, path));
	assert_non_null(strstr(q, " is an srt settings file; convert it to a "
	    "new unsaved policy?"));
	free(q);
	assert_int_equal(f->m.params.sock_allow.n, 0);
	assert_true(f->m.params.builtin_denies);
	/* Keys that answer nothing do nothing. */
	assert_int_equal(press(&f->m, 's'), 0);
	assert_int_equal(f->m.mode, UI_MODE_CONFIRM);

	/* n: not converted, the open prompt back with the name typed. */
	press(&f->m, 'n');
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	assert_int_equal(f->m.prompt, UI_PROMPT_OPEN);
	assert_string_equal(ui_line_str(&f->m.line), path);
	assert_false(f->m.status_err);
	assert_non_null(strstr(f->m.status, "not converted: "));
	assert_null(f->m.srt);
	assert_null(f->m.file);
	assert_int_equal(f->m.params.sock_allow.n, 0);
	/* Esc answers no too. */
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.confirm, UI_CONFIRM_SRT);
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.prompt, UI_PROMPT_OPEN);
	assert_string_equal(ui_line_str(&f->m.line), path);
	assert_int_equal(f->m.params.sock_allow.n, 0);

	/* Enter (y): the conversion, a new policy with no file. */
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.confirm, UI_CONFIRM_SRT);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_int_equal(f->m.confirm, UI_CONFIRM_NONE);
	assert_null(f->m.srt);
	assert_null(f->m.file);
	assert_string_equal(f->m.preset_name, "settings.json (srt)");
	assert_false(f->m.modified);
	assert_int_equal(f->m.params.fs_mode, FS_WORKSPACE_WRITE);
	assert_int_equal(f->m.params.sock_allow.n, 1);
	assert_string_equal(f->m.params.sock_allow.v[0].path, "/tmp/app.sock");
	assert_false(f->m.params.builtin_denies);
	assert_true(preview_has(&f->m, "/tmp/app.sock"));
	/* The warning counted, and shown. */
	assert_false(f->m.status_err);
	assert_non_null(strstr(f->m.status, "converted, not saved yet (s "
	    "saves it); 1 setting has no equivalent: "
	    "network.allowedDomains: "));

	/* The save asks for a name, never the srt file's. */
	press(&f->m, 's');
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	snprintf(want, sizeof want, "%s/sbpolicy/profiles/policy.json",
	    f->config);
	assert_string_equal(ui_line_str(&f->m.line), want);
	press(&f->m, UI_KEY_ENTER);
	assert_false(f->m.status_err);
	assert_string_equal(f->m.file, want);
	back = test_slurp(path, &len);
	assert_non_null(back);
	assert_int_equal(len, sizeof srt_settings - 1);
	assert_memory_equal(back, srt_settings, len);
	free(back);
	back = test_slurp(want, &len);
	assert_non_null(back);
	assert_non_null(strstr(back, "/tmp/app.sock"));
	free(back);
}

/* A file the import refuses says why, on one line, as a params file's
 * error does; a params file's error stays its own. */
static void
model_open_says_why_an_srt_file_is_refused(void **state)
{
	struct fixture *f = *state;
	static const char bad[] = "{\n  \"network\": {\n"
	    "    \"httpProxyPort\": 70000\n  }\n}\n";
	static const char params[] = "{\"filesystem\": {\"mode\": "
	    "\"read-only\"}}\n";
	char path[128];

	snprintf(path, sizeof path, "%s/srt-bad.json", f->tmp);
	assert_int_equal(test_write_file(path, bad, sizeof bad - 1), 0);
	open_typed(&f->m, path);
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	assert_int_equal(f->m.prompt, UI_PROMPT_OPEN);
	assert_true(f->m.status_err);
	assert_null(strchr(f->m.status, '\n'));
	assert_non_null(strstr(f->m.status, "not opened: "));
	assert_non_null(strstr(f->m.status, "srt-bad.json:3:"));
	assert_non_null(strstr(f->m.status, "network.httpProxyPort: "));
	assert_null(f->m.srt);
	press(&f->m, UI_KEY_ESC);

	/* No version, but no srt key either: the params file's error. */
	snprintf(path, sizeof path, "%s/noversion.json", f->tmp);
	assert_int_equal(test_write_file(path, params, sizeof params - 1), 0);
	open_typed(&f->m, path);
	assert_int_equal(f->m.prompt, UI_PROMPT_OPEN);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "version"));
	assert_null(f->m.srt);
	press(&f->m, UI_KEY_ESC);
	assert_null(f->m.file);
}

static void
model_c_is_refused_on_a_deny_entry(void **state)
{
	struct fixture *f = *state;
	const struct ui_row *r;

	press(&f->m, 'x');
	type(&f->m, "/tmp/d.sock");
	press(&f->m, UI_KEY_ENTER);
	select_kind(&f->m, ROW_DENY_ENTRY, 0);
	press(&f->m, 'c');
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "deny"));
	assert_int_equal(f->m.params.sock_deny.v[0].access,
	    ACCESS_CONNECT_BIND);
	/* The row shows the match alone: a deny has no access. */
	r = find_row(&f->m, ROW_DENY_ENTRY, 0);
	assert_non_null(r->value);
	assert_null(strstr(r->value, "connect"));
	/* m still works there, and c on an allow entry. */
	press(&f->m, 'm');
	assert_false(f->m.status_err);
	press(&f->m, 'u');
	type(&f->m, "/tmp/a.sock");
	press(&f->m, UI_KEY_ENTER);
	select_kind(&f->m, ROW_ALLOW_ENTRY, 0);
	press(&f->m, 'c');
	assert_false(f->m.status_err);
	assert_int_equal(f->m.params.sock_allow.v[0].access, ACCESS_CONNECT);
}

/* Sets path's modification time to t seconds. */
static void
set_mtime(const char *path, time_t t)
{
	struct timespec ts[2];

	ts[0].tv_sec = ts[1].tv_sec = t;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
}

static void
model_save_asks_when_the_file_changed_on_disk(void **state)
{
	struct fixture *f = *state;
	static const char one[] = "{\"version\": 1, \"network\": "
	    "{\"mode\": \"off\"}}\n";
	static const char two[] = "{\"version\": 1, \"network\": "
	    "{\"mode\": \"full\"}}\n";
	static const char three[] = "{\"version\": 1,  \"network\": "
	    "{\"mode\": \"off\"}}\n";
	char path[128], *text, *q;

	snprintf(path, sizeof path, "%s/p.json", f->tmp);
	assert_int_equal(test_write_file(path, one, sizeof one - 1), 0);
	set_mtime(path, 1000000000);
	press(&f->m, 'o');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, path);
	press(&f->m, UI_KEY_ENTER);
	assert_string_equal(f->m.file, path);

	/* Unchanged on disk: saved without a question. */
	press(&f->m, 'l');
	press(&f->m, 's');
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_false(f->m.modified);

	/* Changed by another program: asked, and c keeps it. */
	assert_int_equal(test_write_file(path, two, sizeof two - 1), 0);
	press(&f->m, 'l');
	press(&f->m, 's');
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_CONFIRM);
	assert_int_equal(f->m.confirm, UI_CONFIRM_CHANGED);
	q = ui_model_confirm_text(&f->m);
	assert_non_null(strstr(q, "changed on disk"));
	assert_non_null(strstr(q, "o overwrite"));
	assert_non_null(strstr(q, "r reload"));
	free(q);
	press(&f->m, 'c');
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	text = test_slurp(path, NULL);
	assert_string_equal(text, two);
	free(text);
	assert_true(f->m.modified);

	/* o overwrites. */
	press(&f->m, 's');
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.confirm, UI_CONFIRM_CHANGED);
	press(&f->m, 'o');
	assert_false(f->m.modified);
	text = test_slurp(path, NULL);
	assert_non_null(strstr(text, "\"off\""));
	free(text);

	/* The same size and time, other bytes: still a change. r reloads
	 * what is on disk, the edits are dropped. */
	assert_int_equal(sizeof two, sizeof three);
	assert_int_equal(test_write_file(path, two, sizeof two - 1), 0);
	set_mtime(path, 1000000000);
	ui_model_snapshot(&f->m);
	assert_int_equal(test_write_file(path, three, sizeof three - 1), 0);
	set_mtime(path, 1000000000);
	press(&f->m, 'n');
	press(&f->m, 's');
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.confirm, UI_CONFIRM_CHANGED);
	press(&f->m, 'r');
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_false(f->m.modified);
	assert_int_equal(f->m.params.net_mode, NET_OFF);
	assert_false(f->m.status_err);
	assert_non_null(strstr(f->m.status, "reloaded"));

	/* A touch alone counts too: another program wrote it. */
	assert_int_equal(test_write_file(path, one, sizeof one - 1), 0);
	press(&f->m, 'o');	/* unsaved? none: opens at once */
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, path);
	press(&f->m, UI_KEY_ENTER);
	set_mtime(path, 1200000000);
	press(&f->m, 'n');
	press(&f->m, 's');
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.confirm, UI_CONFIRM_CHANGED);
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.mode, UI_MODE_LIST);

	/* Removed meanwhile: asked too, then made again. */
	assert_int_equal(unlink(path), 0);
	press(&f->m, 's');
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.confirm, UI_CONFIRM_CHANGED);
	press(&f->m, 'o');
	assert_false(f->m.modified);
	text = test_slurp(path, NULL);
	assert_non_null(text);
	free(text);
}

static void
model_the_unsaved_question_takes_y_n_and_enter(void **state)
{
	struct fixture *f = *state;
	char *q;

	press(&f->m, 'n');
	press(&f->m, 'q');
	q = ui_model_confirm_text(&f->m);
	assert_non_null(strstr(q, "y save"));
	assert_non_null(strstr(q, "n discard"));
	free(q);
	/* y: save, here through the save prompt, then quit. */
	press(&f->m, 'y');
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	assert_int_equal(f->m.after_save, UI_AFTER_QUIT);
	press(&f->m, UI_KEY_ESC);
	/* Enter: the same, the first answer offered. */
	press(&f->m, 'q');
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	press(&f->m, UI_KEY_ESC);
	/* n: quit without saving. */
	press(&f->m, 'q');
	assert_true(press(&f->m, 'n') & UI_R_QUIT);
	/* Before another file: n discards and opens the prompt. */
	press(&f->m, 'o');
	assert_int_equal(f->m.confirm, UI_CONFIRM_OPEN);
	press(&f->m, 'n');
	assert_int_equal(f->m.prompt, UI_PROMPT_OPEN);
}

static void
model_an_unchanged_edit_says_so(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'p');
	type(&f->m, "8080");
	press(&f->m, UI_KEY_ENTER);
	select_kind(&f->m, ROW_PORT, 0);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.prompt, UI_PROMPT_EDIT);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_false(f->m.status_err);
	assert_string_equal(f->m.status, "unchanged: port 8080");
	/* An edit that changes it says so. */
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, UI_KEY_BACKSPACE);
	type(&f->m, "1");
	press(&f->m, UI_KEY_ENTER);
	assert_non_null(strstr(f->m.status, "changed port 8081"));
}

static void
model_says_when_a_new_file_cannot_be_made(void **state)
{
	struct fixture *f = *state;
	char path[160], *why;

	why = ui_model_dir_problem(&f->m, "/nonexistent-dir/new.json");
	assert_non_null(why);
	assert_non_null(strstr(why, "does not exist"));
	free(why);
	snprintf(path, sizeof path, "%s/new.json", f->tmp);
	assert_null(ui_model_dir_problem(&f->m, path));
	/* A file in the way of the directory. */
	snprintf(path, sizeof path, "%s/file", f->tmp);
	assert_int_equal(test_write_file(path, "x", 1), 0);
	snprintf(path, sizeof path, "%s/file/new.json", f->tmp);
	why = ui_model_dir_problem(&f->m, path);
	assert_non_null(why);
	assert_non_null(strstr(why, "not a directory"));
	free(why);
	/* The profiles directory is made on the first save. */
	why = ui_model_default_file(&f->m);
	assert_null(ui_model_dir_problem(&f->m, why));
	free(why);
}

static void
model_shows_the_cwd_root_warnings_beside_its_switch(void **state)
{
	struct fixture *f = *state;
	const struct ui_row *r, *w;

	/* Run from $HOME: the cwd root is the home directory. */
	free(f->m.cwd);
	f->m.cwd = xstrdup("/Users/me");
	f->m.ctx.cwd = f->m.cwd;
	press(&f->m, 'f');	/* workspace-write */
	assert_int_equal(f->m.params.fs_mode, FS_WORKSPACE_WRITE);
	r = find_row(&f->m, ROW_INC_CWD, 0);
	assert_non_null(r);
	assert_true(r->warned);
	w = next_row(&f->m, r);
	assert_int_equal(w->kind, ROW_WARNING);
	assert_non_null(strstr(w->label, "home directory"));
}

static void
model_run_prompt_is_no_shell_and_offers_one(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'r');
	assert_non_null(strstr(ui_model_prompt_label(&f->m), "no shell"));
	type(&f->m, "echo $HOME *.md | wc");
	assert_true(press(&f->m, UI_KEY_ENTER) & UI_R_LAUNCH);
	assert_string_equal(f->m.run_argv[1], "$HOME");
	assert_string_equal(f->m.run_argv[3], "|");
	/* Ctrl-T: through sh -c, as one argument. */
	press(&f->m, 'r');
	press(&f->m, UI_KEY_CTRL('t'));
	assert_non_null(strstr(ui_model_prompt_label(&f->m), "sh -c"));
	assert_true(press(&f->m, UI_KEY_ENTER) & UI_R_LAUNCH);
	assert_string_equal(f->m.run_argv[0], "/bin/sh");
	assert_string_equal(f->m.run_argv[1], "-c");
	assert_string_equal(f->m.run_argv[2], "echo $HOME *.md | wc");
	assert_null(f->m.run_argv[3]);
	/* The choice is remembered with the command. */
	press(&f->m, 'r');
	assert_non_null(strstr(ui_model_prompt_label(&f->m), "sh -c"));
	press(&f->m, UI_KEY_CTRL('t'));
	assert_non_null(strstr(ui_model_prompt_label(&f->m), "no shell"));
	press(&f->m, UI_KEY_ESC);
	/* Ctrl-T elsewhere does nothing. */
	press(&f->m, 'u');
	press(&f->m, UI_KEY_CTRL('t'));
	assert_string_equal(ui_line_str(&f->m.line), "");
	press(&f->m, UI_KEY_ESC);
}

static void
model_run_prompt_keeps_a_history(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'r');
	type(&f->m, "make");
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, 'r');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, "make check");
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, 'r');
	press(&f->m, UI_KEY_CTRL('u'));
	press(&f->m, UI_KEY_CTRL('t'));
	type(&f->m, "ls | wc");
	press(&f->m, UI_KEY_ENTER);
	/* The last one is there; Up goes back, Down forward. */
	press(&f->m, 'r');
	assert_string_equal(ui_line_str(&f->m.line), "ls | wc");
	press(&f->m, UI_KEY_UP);
	assert_string_equal(ui_line_str(&f->m.line), "make check");
	assert_non_null(strstr(ui_model_prompt_label(&f->m), "no shell"));
	press(&f->m, UI_KEY_UP);
	assert_string_equal(ui_line_str(&f->m.line), "make");
	press(&f->m, UI_KEY_UP);
	assert_string_equal(ui_line_str(&f->m.line), "make");
	press(&f->m, UI_KEY_DOWN);
	press(&f->m, UI_KEY_DOWN);
	assert_string_equal(ui_line_str(&f->m.line), "ls | wc");
	assert_non_null(strstr(ui_model_prompt_label(&f->m), "sh -c"));
	press(&f->m, UI_KEY_DOWN);
	assert_string_equal(ui_line_str(&f->m.line), "");
	press(&f->m, UI_KEY_ESC);
}

static void
lineedit_ctrl_w_deletes_a_word(void **state)
{
	struct fixture *f = *state;
	struct ui_line l;

	ui_line_init(&l);
	ui_line_set(&l, "cat  /tmp/a b  ");
	ui_line_kill_word(&l);
	assert_string_equal(ui_line_str(&l), "cat  /tmp/a ");
	ui_line_kill_word(&l);
	assert_string_equal(ui_line_str(&l), "cat  ");
	ui_line_home(&l);
	ui_line_right(&l);
	ui_line_kill_word(&l);
	assert_string_equal(ui_line_str(&l), "at  ");
	ui_line_kill_word(&l);
	assert_string_equal(ui_line_str(&l), "at  ");
	ui_line_clear(&l);
	/* In every prompt. */
	press(&f->m, 'u');
	type(&f->m, "/tmp/a /tmp/b");
	press(&f->m, UI_KEY_CTRL('w'));
	assert_string_equal(ui_line_str(&f->m.line), "/tmp/a ");
	press(&f->m, UI_KEY_ESC);
}

static void
model_presets_open_as_a_new_unsaved_policy(void **state)
{
	struct fixture *f = *state;
	size_t i;

	use_examples(&f->m);
	press(&f->m, 'P');
	assert_int_equal(f->m.mode, UI_MODE_PICK);
	/* The examples, from the second directory, the default first, each
	 * with what it is for. */
	assert_true(f->m.npresets >= 5);
	assert_string_equal(f->m.presets[0].name, "default");
	for (i = 0; i < f->m.npresets; i++) {
		assert_true(strlen(f->m.presets[i].about) > 10);
		assert_null(strchr(f->m.presets[i].about, '\n'));
	}
	assert_non_null(strstr(f->m.status, "default: "));
	press(&f->m, 'j');
	assert_int_equal(f->m.preset_sel, 1);
	assert_string_equal(f->m.presets[1].name, "ssh-agent");
	assert_non_null(strstr(f->m.status, "ssh-agent: "));
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_false(f->m.status_err);
	assert_non_null(strstr(f->m.status, "preset ssh-agent"));
	assert_int_equal(f->m.params.sock_allow.n, 1);
	assert_int_equal(f->m.params.sock_allow.v[0].match, MATCH_GLOB);
	/* Never the shipped file as the one to save to. */
	assert_null(f->m.file);
	assert_string_equal(f->m.preset_name, "ssh-agent");
	assert_false(f->m.modified);
	press(&f->m, 's');
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	assert_null(strstr(ui_line_str(&f->m.line), "examples"));
	assert_non_null(strstr(ui_line_str(&f->m.line),
	    "/sbpolicy/profiles/policy.json"));
	press(&f->m, UI_KEY_ESC);

	/* With unsaved changes, P asks first; discarding lists them. */
	press(&f->m, 'n');
	press(&f->m, 'P');
	assert_int_equal(f->m.mode, UI_MODE_CONFIRM);
	assert_int_equal(f->m.confirm, UI_CONFIRM_PRESETS);
	press(&f->m, 'd');
	assert_int_equal(f->m.mode, UI_MODE_PICK);
	/* The one the policy came from is selected. */
	assert_string_equal(f->m.presets[f->m.preset_sel].name, "ssh-agent");
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_int_equal(f->m.params.net_mode, NET_FULL);
}

static void
model_a_key_the_presets_do_not_take_closes_them_and_acts(void **state)
{
	struct fixture *f = *state;

	use_examples(&f->m);
	press(&f->m, 'P');
	assert_int_equal(f->m.mode, UI_MODE_PICK);
	press(&f->m, 'n');
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_int_equal(f->m.params.net_mode, NET_FULL);
	/* q too: it quits (nothing to save), as on the main screen. */
	press(&f->m, 'U');
	press(&f->m, 'P');
	assert_true(press(&f->m, 'q') & UI_R_QUIT);

	/* No examples anywhere: said, and nothing opens. */
	free(f->m.preset_dirs[1]);
	f->m.preset_dirs[1] = NULL;
	f->m.mode = UI_MODE_LIST;
	press(&f->m, 'P');
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "no presets"));
}

static void
model_open_prompt_starts_in_the_profiles_directory(void **state)
{
	struct fixture *f = *state;
	char want[160], path[128];
	static const char good[] = "{\"version\": 1, \"network\": "
	    "{\"mode\": \"off\"}}\n";

	press(&f->m, 'o');
	assert_int_equal(f->m.prompt, UI_PROMPT_OPEN);
	snprintf(want, sizeof want, "%s/sbpolicy/profiles/", f->config);
	assert_string_equal(ui_line_str(&f->m.line), want);
	/* A whole path typed after it is that path. */
	snprintf(path, sizeof path, "%s/good.json", f->tmp);
	assert_int_equal(test_write_file(path, good, sizeof good - 1), 0);
	type(&f->m, path);
	press(&f->m, UI_KEY_ENTER);
	assert_false(f->m.status_err);
	assert_string_equal(f->m.file, path);
	assert_int_equal(f->m.params.net_mode, NET_OFF);
}

static void
model_open_prompt_says_home_as_a_tilde(void **state)
{
	struct fixture *f = *state;

	free(f->m.config_home);
	f->m.config_home = NULL;
	press(&f->m, 'o');
	assert_string_equal(ui_line_str(&f->m.line),
	    "~/.config/sbpolicy/profiles/");
	press(&f->m, UI_KEY_ESC);
}

/* The line of the preview (from 0) that holds s, or SIZE_MAX. */
static size_t
preview_line_of(const struct ui_model *m, const char *s)
{
	size_t i;

	for (i = 0; i < m->nlines; i++) {
		if (memmem(m->lines[i].s, m->lines[i].len, s, strlen(s)) != NULL)
			return i;
	}
	return SIZE_MAX;
}

static void
model_search_goes_from_match_to_match(void **state)
{
	struct fixture *f = *state;
	size_t first, second, n;

	ui_model_set_viewport(&f->m, 10, 40, 8, 12);
	press(&f->m, '/');
	assert_int_equal(f->m.prompt, UI_PROMPT_SEARCH);
	type(&f->m, "FILE-WRITE");
	/* Capitals: matched as typed; nothing is. */
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.prompt, UI_PROMPT_SEARCH);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "not found"));
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, "file-write");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.prompt, UI_PROMPT_NONE);
	assert_int_equal(f->m.mode, UI_MODE_SEARCH);
	assert_int_equal(f->m.focus, UI_FOCUS_PREVIEW);
	first = f->m.search_line;
	assert_true(first == preview_line_of(&f->m, "file-write"));
	assert_true(first >= f->m.preview_top && first < f->m.preview_top + 8);
	assert_non_null(strstr(f->m.status, "match 1 of "));
	/* n: the next line with a match, in view. */
	press(&f->m, 'n');
	second = f->m.search_line;
	assert_true(second > first);
	assert_true(second >= f->m.preview_top && second < f->m.preview_top + 8);
	assert_non_null(strstr(f->m.status, "match 2 of "));
	assert_int_equal(f->m.params.net_mode, NET_RESTRICTED);
	press(&f->m, 'N');
	assert_int_equal(f->m.search_line, first);
	/* Back past the first: round to the last. */
	press(&f->m, 'N');
	assert_true(f->m.search_line > second);
	assert_non_null(strstr(f->m.status, "(from the end)"));
	press(&f->m, 'n');
	assert_int_equal(f->m.search_line, first);
	assert_non_null(strstr(f->m.status, "(from the top)"));
	/* The other keys still work; Esc ends it, and n is the network's. */
	n = f->m.nlines;
	press(&f->m, UI_KEY_PGDN);
	assert_int_equal(f->m.mode, UI_MODE_SEARCH);
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.mode, UI_MODE_PREVIEW);
	press(&f->m, 'n');
	assert_int_equal(f->m.params.net_mode, NET_FULL);
	assert_true(f->m.nlines != n);
	/* Enter on nothing searches for the same again. */
	press(&f->m, '/');
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_SEARCH);
	assert_non_null(strstr(f->m.status, "\"file-write\""));
}

static void
model_search_finds_in_either_case_unless_capitals(void **state)
{
	(void)state;
	assert_int_equal(ui_search_find("Allow FILE-read", 15, 0, "file"), 6);
	assert_int_equal(ui_search_find("Allow FILE-read", 15, 0, "FILE"), 6);
	assert_true(ui_search_find("Allow file-read", 15, 0, "FILE") ==
	    SIZE_MAX);
	assert_int_equal(ui_search_find("aaa", 3, 1, "a"), 1);
	assert_true(ui_search_find("aaa", 3, 3, "a") == SIZE_MAX);
	assert_true(ui_search_find("ab", 2, 0, "abc") == SIZE_MAX);
	assert_true(ui_search_find("ab", 2, 0, "") == SIZE_MAX);
	assert_int_equal(ui_search_find("x\xc3\xa9y", 4, 0, "\xc3\xa9"), 1);
}

static void
model_search_in_the_help(void **state)
{
	struct fixture *f = *state;
	const char *pat;

	press(&f->m, '?');
	press(&f->m, '/');
	assert_int_equal(f->m.prompt, UI_PROMPT_SEARCH);
	/* The help stays on the screen while it is typed, its matches
	 * shown as they are. */
	assert_true(ui_model_in_help(&f->m));
	type(&f->m, "undo");
	assert_true(ui_model_search_shown(&f->m, true, &pat));
	assert_string_equal(pat, "undo");
	assert_false(ui_model_search_shown(&f->m, false, &pat));
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_HELP);
	assert_non_null(strstr(f->m.help[f->m.search_line], "undo"));
	assert_true(f->m.search_line >= f->m.help_top);
	press(&f->m, 'n');
	assert_non_null(strstr(f->m.help[f->m.search_line], "undo"));
	/* Esc in its prompt goes back to the help; q closes it. */
	press(&f->m, '/');
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.mode, UI_MODE_HELP);
	press(&f->m, 'q');
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_false(ui_model_search_shown(&f->m, true, &pat));
}

static void
model_preview_scrolls_sideways(void **state)
{
	struct fixture *f = *state;

	ui_model_set_viewport(&f->m, 10, 40, 8, 12);
	ui_model_set_preview_width(&f->m, 40);
	press(&f->m, UI_KEY_TAB);
	assert_int_equal(f->m.mode, UI_MODE_PREVIEW);
	press(&f->m, UI_KEY_RIGHT);
	assert_int_equal(f->m.preview_left, 20);
	press(&f->m, UI_KEY_RIGHT);
	press(&f->m, UI_KEY_RIGHT);
	press(&f->m, UI_KEY_RIGHT);
	press(&f->m, UI_KEY_RIGHT);
	/* No further than the longest line in sight needs. */
	assert_true(f->m.preview_left > 20);
	assert_true(f->m.preview_left < 100);
	press(&f->m, UI_KEY_LEFT);
	press(&f->m, UI_KEY_LEFT);
	press(&f->m, UI_KEY_LEFT);
	press(&f->m, UI_KEY_LEFT);
	press(&f->m, UI_KEY_LEFT);
	press(&f->m, UI_KEY_LEFT);
	assert_int_equal(f->m.preview_left, 0);
	/* In the settings Left and Right do nothing. */
	press(&f->m, UI_KEY_TAB);
	assert_int_equal(press(&f->m, UI_KEY_RIGHT), 0);
	assert_int_equal(f->m.preview_left, 0);
}

static void
model_undo_and_redo_every_change(void **state)
{
	struct fixture *f = *state;

	/* Nothing yet. */
	press(&f->m, 'U');
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "nothing to undo"));
	press(&f->m, 'n');
	press(&f->m, 'l');
	press(&f->m, 'p');
	type(&f->m, "8080");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.params.proxy_ports.n, 1);
	/* A refused value is no step. */
	press(&f->m, 'p');
	type(&f->m, "8080");
	press(&f->m, UI_KEY_ENTER);
	assert_true(f->m.status_err);
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.undo.n, 3);

	press(&f->m, 'U');
	assert_int_equal(f->m.params.proxy_ports.n, 0);
	assert_non_null(strstr(f->m.status, "undone: added port 8080"));
	press(&f->m, 'U');
	assert_false(f->m.params.allow_local_binding);
	press(&f->m, 'U');
	assert_int_equal(f->m.params.net_mode, NET_RESTRICTED);
	assert_false(f->m.modified);
	assert_non_null(strstr(f->m.status, "nothing more to undo"));
	press(&f->m, 'R');
	assert_int_equal(f->m.params.net_mode, NET_FULL);
	assert_non_null(strstr(f->m.status, "redone: network: full"));
	press(&f->m, 'R');
	assert_true(f->m.params.allow_local_binding);
	/* A new change drops what could be redone. */
	press(&f->m, 'f');
	assert_int_equal(f->m.redo.n, 0);
	press(&f->m, 'R');
	assert_non_null(strstr(f->m.status, "nothing to redo"));
	assert_int_equal(f->m.params.proxy_ports.n, 0);
}

static void
model_undo_brings_back_a_deleted_entry_and_its_selection(void **state)
{
	struct fixture *f = *state;
	const struct ui_row *r;

	press(&f->m, 'u');
	type(&f->m, "/tmp/a.sock");
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, 'u');
	type(&f->m, "/tmp/b.sock");
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, 'k');
	r = &f->m.rows[f->m.sel];
	assert_int_equal(r->kind, ROW_ALLOW_ENTRY);
	assert_string_equal(r->label, "/tmp/a.sock");
	press(&f->m, 'd');
	assert_int_equal(f->m.params.sock_allow.n, 1);
	press(&f->m, 'U');
	assert_int_equal(f->m.params.sock_allow.n, 2);
	assert_string_equal(f->m.params.sock_allow.v[0].path, "/tmp/a.sock");
	assert_non_null(strstr(f->m.status, "undone: removed"));
	r = &f->m.rows[f->m.sel];
	assert_int_equal(r->kind, ROW_ALLOW_ENTRY);
	assert_string_equal(r->label, "/tmp/a.sock");
	/* The match cycled, and back. */
	press(&f->m, 'm');
	assert_int_equal(f->m.params.sock_allow.v[0].match, MATCH_LITERAL);
	press(&f->m, 'U');
	assert_int_equal(f->m.params.sock_allow.v[0].match, MATCH_SUBPATH);
}

static void
model_undo_covers_the_checks(void **state)
{
	struct fixture *f = *state;

	press(&f->m, 'C');
	type(&f->m, "read /etc/hosts");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.checks.n, 1);
	press(&f->m, 'U');
	assert_int_equal(f->m.checks.n, 0);
	assert_non_null(strstr(f->m.status, "undone: added check read "
	    "/etc/hosts"));
	press(&f->m, 'R');
	assert_int_equal(f->m.checks.n, 1);
	assert_string_equal(f->m.checks.v[0].text, "read /etc/hosts");
	assert_true(f->m.checks.v[0].asked);
	/* Opening a file forgets the steps of the last policy. */
	f->m.pending_path = xstrdup("/nonexistent.json");
	ui_model_open(&f->m);
	assert_int_equal(f->m.undo.n, 1);
}

static void
model_undo_keeps_at_most_a_hundred_steps(void **state)
{
	struct fixture *f = *state;
	int i;

	for (i = 0; i < UI_UNDO_MAX + 20; i++)
		press(&f->m, 'l');
	assert_int_equal(f->m.undo.n, UI_UNDO_MAX);
	for (i = 0; i < UI_UNDO_MAX; i++)
		press(&f->m, 'U');
	assert_int_equal(f->m.undo.n, 0);
	assert_int_equal(f->m.redo.n, UI_UNDO_MAX);
}

/* The screen of the fixture's viewport: 100x30, side by side. */
static void
layout(struct ui_model *m, struct ui_layout *l)
{
	ui_layout_compute(l, 30, 100, m->zoom);
	ui_model_set_viewport(m, ui_layout_pane_lines(&l->settings),
	    l->settings.w, ui_layout_pane_lines(&l->preview), 26);
	ui_model_set_preview_width(m, l->preview.w);
}

static unsigned
mouse(struct ui_model *m, const struct ui_layout *l, enum ui_mouse_what what,
    int y, int x)
{
	struct ui_mouse ev;
	unsigned r;

	ev.y = y;
	ev.x = x;
	ev.what = what;
	r = ui_model_mouse(m, l, &ev);
	if (r & UI_R_OPEN)
		r |= ui_model_open(m);
	if (r & UI_R_REGEN)
		ui_model_regen(m);
	return r;
}

static void
model_mouse_selects_focuses_and_scrolls(void **state)
{
	struct fixture *f = *state;
	struct ui_layout l;
	const struct ui_row *r;
	size_t top;
	int y;

	layout(&f->m, &l);
	/* A click on the "local binding" row selects it. */
	for (y = 0; y < (int)f->m.nrows; y++) {
		if (f->m.rows[y].kind == ROW_LOCAL)
			break;
	}
	assert_true(mouse(&f->m, &l, UI_MOUSE_CLICK, l.settings.y + 1 + y,
	    3) & UI_R_REDRAW);
	r = &f->m.rows[f->m.sel];
	assert_int_equal(r->kind, ROW_LOCAL);
	press(&f->m, UI_KEY_ENTER);
	assert_true(f->m.params.allow_local_binding);
	/* On a heading: nothing, but the focus. */
	mouse(&f->m, &l, UI_MOUSE_CLICK, l.settings.y, 3);
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_LOCAL);
	/* A click in the preview gives it the focus. */
	mouse(&f->m, &l, UI_MOUSE_CLICK, l.preview.y + 3, l.preview.x + 5);
	assert_int_equal(f->m.focus, UI_FOCUS_PREVIEW);
	assert_int_equal(f->m.mode, UI_MODE_PREVIEW);
	/* The wheel scrolls the pane under it, and leaves the focus. */
	top = f->m.preview_top;
	mouse(&f->m, &l, UI_MOUSE_WHEEL_DOWN, l.preview.y + 3,
	    l.preview.x + 5);
	assert_int_equal(f->m.preview_top, top + 3);
	mouse(&f->m, &l, UI_MOUSE_CLICK, l.settings.y + 3, 3);
	assert_int_equal(f->m.focus, UI_FOCUS_SETTINGS);
	top = f->m.preview_top;
	mouse(&f->m, &l, UI_MOUSE_WHEEL_UP, l.preview.y + 3, l.preview.x + 5);
	assert_int_equal(f->m.preview_top, top - 3);
	assert_int_equal(f->m.focus, UI_FOCUS_SETTINGS);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	/* Outside the panes, in a prompt: nothing. */
	assert_int_equal(mouse(&f->m, &l, UI_MOUSE_CLICK, 0, 3), 0);
	press(&f->m, 'u');
	assert_int_equal(mouse(&f->m, &l, UI_MOUSE_CLICK, l.settings.y + 3,
	    3), 0);
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	press(&f->m, UI_KEY_ESC);
}

static void
model_mouse_picks_a_preset(void **state)
{
	struct fixture *f = *state;
	struct ui_layout l;
	int rows;

	use_examples(&f->m);
	layout(&f->m, &l);
	press(&f->m, 'P');
	rows = ui_presets_rows(&f->m);
	/* The third: selected, then opened by a second click. */
	mouse(&f->m, &l, UI_MOUSE_CLICK, l.settings.y + 1 + 2 * rows, 4);
	assert_int_equal(f->m.mode, UI_MODE_PICK);
	assert_int_equal(f->m.preset_sel, 2);
	mouse(&f->m, &l, UI_MOUSE_CLICK, l.settings.y + 1 + 2 * rows, 4);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_string_equal(f->m.preset_name, f->m.presets[2].name);
	assert_null(f->m.file);
}

/* --- the QA round: h and l, bad globs, the search, save names ------------ */

/* In the preview, h and l scroll it as Left and Right do: l there must
 * never toggle local binding behind the user's back. */
static void
model_h_and_l_scroll_the_preview_not_the_policy(void **state)
{
	struct fixture *f = *state;
	bool local = f->m.params.allow_local_binding;

	ui_model_set_viewport(&f->m, 10, 40, 8, 12);
	ui_model_set_preview_width(&f->m, 40);
	press(&f->m, UI_KEY_TAB);
	assert_int_equal(f->m.mode, UI_MODE_PREVIEW);
	press(&f->m, 'l');
	assert_int_equal(f->m.preview_left, 20);
	assert_int_equal(f->m.params.allow_local_binding, local);
	assert_false(f->m.modified);
	press(&f->m, 'l');
	assert_true(f->m.preview_left > 20);
	press(&f->m, 'h');
	press(&f->m, 'h');
	press(&f->m, 'h');
	assert_int_equal(f->m.preview_left, 0);
	assert_false(f->m.modified);
	/* Zoomed, the preview has the focus: the same. */
	press(&f->m, 'z');
	press(&f->m, 'l');
	assert_int_equal(f->m.preview_left, 20);
	assert_false(f->m.modified);
	press(&f->m, 'z');
	/* In the settings, l is local binding still. */
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	press(&f->m, 'l');
	assert_int_equal(f->m.params.allow_local_binding, !local);
}

/* A pattern the generator cannot read is refused at the prompt, the text
 * kept: no policy that no command can load gets into the lists. */
static void
model_refuses_a_glob_the_generator_cannot_read(void **state)
{
	static const struct {
		enum ui_row_kind	 head;	/* the list, or
						 * ROW_SECTION: the key */
		int			 key;
		const char		*text;
		const char		*why;
	} cases[] = {
		{ ROW_SECTION, 'u', "/tmp/[z-a].sock", "backwards" },
		{ ROW_SECTION, 'x', "/tmp/[z-a].sock", "backwards" },
		{ ROW_DENY_READS, 'a', "/tmp/[z-a]", "backwards" },
		{ ROW_DENY_READS, 'a', "a**/x", "'**'" },
		{ ROW_DENY_READS, 'a', "/tmp/x/[[:nope:]]", "[:nope:]" },
		/* Not cleaned into a deny of all of /tmp. */
		{ ROW_DENY_READS, 'a', "/tmp/*/..", "after a wildcard" },
		{ ROW_SECTION, 'u', "/tmp/*/../x.sock", "after a wildcard" },
	};
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (cases[i].head != ROW_SECTION)
			select_kind(&f->m, cases[i].head, 0);
		press(&f->m, cases[i].key);
		assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
		type(&f->m, cases[i].text);
		press(&f->m, UI_KEY_ENTER);
		if (f->m.mode != UI_MODE_EDIT_PATH)
			fail_msg("case %zu: %s was taken", i, cases[i].text);
		assert_string_equal(ui_line_str(&f->m.line), cases[i].text);
		assert_true(f->m.status_err);
		if (strstr(f->m.status, cases[i].why) == NULL)
			fail_msg("case %zu: %s", i, f->m.status);
		press(&f->m, UI_KEY_ESC);
		assert_false(f->m.preview_stale);
		assert_false(f->m.modified);
	}
	assert_int_equal(f->m.params.sock_allow.n, 0);
	assert_int_equal(f->m.params.sock_deny.n, 0);
	assert_int_equal(f->m.params.deny_read.n, 0);

	/* An edit into one is refused too, the entry as it was. */
	press(&f->m, 'u');
	type(&f->m, "/tmp/[a-z].sock");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.params.sock_allow.n, 1);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.prompt, UI_PROMPT_EDIT);
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, "/tmp/[z-a].sock");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.prompt, UI_PROMPT_EDIT);
	assert_non_null(strstr(f->m.status, "backwards"));
	press(&f->m, UI_KEY_ESC);
	assert_string_equal(f->m.params.sock_allow.v[0].path,
	    "/tmp/[a-z].sock");
	assert_false(f->m.preview_stale);
}

/* A policy whose preview cannot be generated (a params file that holds a
 * bad pattern) is never saved: s says why, and so does a save on quit. */
static void
model_save_refuses_a_policy_that_does_not_generate(void **state)
{
	struct fixture *f = *state;
	char path[128];
	struct stat st;
	unsigned r;

	snprintf(path, sizeof path, "%s/bad.json", f->tmp);
	strlist_add(&f->m.params.deny_read, "/tmp/[z-a]");
	ui_model_regen(&f->m);
	assert_true(f->m.preview_stale);
	assert_true(f->m.modified);
	press(&f->m, 'f');	/* another message in between */
	press(&f->m, 's');
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "not saved"));
	assert_non_null(strstr(f->m.status, "backwards"));
	/* With a file to save to, the question on quit cannot save it. */
	free(f->m.file);
	f->m.file = xstrdup(path);
	press(&f->m, 'q');
	assert_int_equal(f->m.mode, UI_MODE_CONFIRM);
	r = press(&f->m, 'y');
	assert_false(r & UI_R_QUIT);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "not saved"));
	assert_int_equal(stat(path, &st), -1);
	/* Mended, it saves. */
	strlist_clear(&f->m.params.deny_read);
	ui_model_regen(&f->m);
	assert_false(f->m.preview_stale);
	press(&f->m, 's');
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(stat(path, &st), 0);
}

/* A search ends when its screen or pane goes: the status line then no
 * longer offers n, which is the network mode's again. */
static void
model_a_search_ends_when_its_pane_or_help_goes(void **state)
{
	struct fixture *f = *state;

	/* The help's: Esc ends it (its message says so), as in the
	 * preview; a second Esc closes the help. */
	press(&f->m, '?');
	press(&f->m, '/');
	type(&f->m, "ctrl");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_HELP);
	assert_non_null(strstr(f->m.status, "Esc ends"));
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.mode, UI_MODE_HELP);
	assert_false(f->m.search_on);
	assert_true(f->m.status == NULL ||
	    strstr(f->m.status, "n next") == NULL);
	press(&f->m, 'n');
	assert_non_null(strstr(f->m.status, "no search"));
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	press(&f->m, 'n');
	assert_int_equal(f->m.params.net_mode, NET_FULL);
	/* Closing the help ends its search too: q does at once. */
	press(&f->m, '?');
	press(&f->m, '/');
	type(&f->m, "ctrl");
	press(&f->m, UI_KEY_ENTER);
	assert_true(f->m.search_on);
	press(&f->m, 'q');
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_true(f->m.status == NULL ||
	    strstr(f->m.status, "n next") == NULL);
	press(&f->m, 'n');
	assert_int_equal(f->m.params.net_mode, NET_OFF);
	press(&f->m, 'n');
	press(&f->m, 'n');
	assert_int_equal(f->m.params.net_mode, NET_FULL);

	/* The preview's: Tab goes back to the settings. */
	press(&f->m, '/');
	type(&f->m, "allow");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_SEARCH);
	assert_non_null(strstr(f->m.status, "n next"));
	press(&f->m, UI_KEY_TAB);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_true(f->m.status == NULL ||
	    strstr(f->m.status, "n next") == NULL);
	press(&f->m, 'n');
	assert_int_equal(f->m.params.net_mode, NET_OFF);
	/* Back in the preview, no search is on. */
	press(&f->m, UI_KEY_TAB);
	assert_int_equal(f->m.mode, UI_MODE_PREVIEW);

	/* Zoom leaves it as well. */
	press(&f->m, '/');
	type(&f->m, "allow");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_SEARCH);
	press(&f->m, 'z');
	assert_int_equal(f->m.mode, UI_MODE_PREVIEW);
	assert_true(f->m.status == NULL ||
	    strstr(f->m.status, "n next") == NULL);
	press(&f->m, 'z');

	/* A key that stays in the search keeps it, and n is next. */
	press(&f->m, '/');
	type(&f->m, "allow");
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, UI_KEY_PGDN);
	assert_int_equal(f->m.mode, UI_MODE_SEARCH);
	press(&f->m, 'n');
	assert_int_equal(f->m.params.net_mode, NET_OFF);
	assert_non_null(strstr(f->m.status, "n next"));
}

/* A save name that ends in '/' names a directory: never a file without
 * the slash; the prompt proposes a file name in it. */
static void
model_save_name_ending_in_a_slash_is_a_directory(void **state)
{
	struct fixture *f = *state;
	char dir[128], path[160], want[160];
	struct stat st;

	snprintf(dir, sizeof dir, "%s/sub/", f->tmp);
	snprintf(path, sizeof path, "%s/sub", f->tmp);
	snprintf(want, sizeof want, "%s/sub/policy.json", f->tmp);
	press(&f->m, 'n');
	press(&f->m, 's');
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, dir);
	/* It does not exist: said at once, nothing proposed in it, the
	 * name kept to be fixed, nothing made. */
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(stat(path, &st), -1);
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	assert_string_equal(ui_line_str(&f->m.line), dir);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "does not exist"));
	assert_null(strstr(f->m.status, "Enter saves"));
	assert_true(f->m.modified);
	/* Once it does, the file name proposed in it. */
	assert_int_equal(mkdir(path, 0700), 0);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	assert_string_equal(ui_line_str(&f->m.line), want);
	assert_non_null(strstr(f->m.status, "directory"));
	assert_false(f->m.status_err);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_false(f->m.modified);
	assert_int_equal(stat(want, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_string_equal(f->m.file, want);
	/* The file's own name is the one proposed in another directory;
	 * "DIR/." is a directory too. */
	press(&f->m, 'n');
	press(&f->m, 's');
	press(&f->m, UI_KEY_CTRL('u'));
	snprintf(dir, sizeof dir, "%s/.", f->tmp);
	type(&f->m, dir);
	press(&f->m, UI_KEY_ENTER);
	snprintf(want, sizeof want, "%s/policy.json", f->tmp);
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	assert_string_equal(ui_line_str(&f->m.line), want);
}

/* Tab completes what the prompt takes: nothing in a search, a verb first
 * and then a file name in a check. */
static void
model_tab_completes_what_the_prompt_takes(void **state)
{
	struct fixture *f = *state;

	/* The cwd holds run/: a search for "r" is no file name. */
	press(&f->m, '/');
	type(&f->m, "r");
	press(&f->m, UI_KEY_TAB);
	assert_string_equal(ui_line_str(&f->m.line), "r");
	assert_true(f->m.status == NULL ||
	    strstr(f->m.status, "run/") == NULL);
	press(&f->m, UI_KEY_ESC);

	press(&f->m, 'C');
	type(&f->m, "rea");
	press(&f->m, UI_KEY_TAB);
	assert_string_equal(ui_line_str(&f->m.line), "read ");
	press(&f->m, UI_KEY_CTRL('u'));
	press(&f->m, UI_KEY_TAB);
	assert_string_equal(ui_line_str(&f->m.line), "");
	assert_non_null(f->m.status);
	assert_non_null(strstr(f->m.status, "read"));
	assert_non_null(strstr(f->m.status, "sysctl"));
	assert_null(strstr(f->m.status, "run/"));
	type(&f->m, "c");
	press(&f->m, UI_KEY_TAB);
	assert_string_equal(ui_line_str(&f->m.line), "c");
	assert_non_null(strstr(f->m.status, "2 matches: connect create"));
	type(&f->m, "on");
	press(&f->m, UI_KEY_TAB);
	assert_string_equal(ui_line_str(&f->m.line), "connect ");
	/* The target: a file name. */
	type(&f->m, "/tmp/te");
	press(&f->m, UI_KEY_TAB);
	assert_string_equal(ui_line_str(&f->m.line), "connect /tmp/test");
	/* A verb typed wrong matches nothing. */
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, "raed");
	press(&f->m, UI_KEY_TAB);
	assert_string_equal(ui_line_str(&f->m.line), "raed");
	assert_true(f->m.status_err);
}

/* tui NEW.json in a directory that does not exist: the save proposes the
 * profiles directory, as the start said; a file that did not exist then
 * and does at the save was created meanwhile, not changed. */
static void
model_a_new_file_in_a_missing_directory_goes_to_the_profiles(void **state)
{
	struct fixture *f = *state;
	char *dir, want[256];

	free(f->m.file);
	f->m.file = xstrdup("/nonexistent-dir/new.json");
	ui_model_snapshot(&f->m);
	dir = ui_model_profiles_dir(&f->m);
	snprintf(want, sizeof want, "%s/new.json", dir);
	free(dir);
	press(&f->m, 'n');
	press(&f->m, 's');
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	assert_string_equal(ui_line_str(&f->m.line), want);
	assert_non_null(strstr(f->m.status, "does not exist"));
	press(&f->m, UI_KEY_ESC);
	/* The question on quit goes to the same prompt, not the error. */
	press(&f->m, 'q');
	press(&f->m, 'y');
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	assert_string_equal(ui_line_str(&f->m.line), want);
	press(&f->m, UI_KEY_ENTER);
	assert_false(f->m.modified);
	assert_string_equal(f->m.file, want);
}

static void
model_a_file_created_meanwhile_is_said_so(void **state)
{
	struct fixture *f = *state;
	char path[128], *q;

	snprintf(path, sizeof path, "%s/new.json", f->tmp);
	free(f->m.file);
	f->m.file = xstrdup(path);
	ui_model_snapshot(&f->m);
	press(&f->m, 'n');
	assert_int_equal(test_write_file(path, "{\"version\": 1}\n", 15), 0);
	press(&f->m, 's');
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.confirm, UI_CONFIRM_CHANGED);
	q = ui_model_confirm_text(&f->m);
	assert_non_null(strstr(q, "created"));
	assert_null(strstr(q, "since it was read"));
	assert_non_null(strstr(q, "o overwrite"));
	free(q);
	press(&f->m, 'c');
	/* One that was read and then removed: said so too, and there is
	 * nothing to reload. */
	press(&f->m, 'o');
	press(&f->m, 'n');	/* discard the change */
	assert_int_equal(f->m.prompt, UI_PROMPT_OPEN);
	press(&f->m, UI_KEY_CTRL('u'));
	type(&f->m, path);
	press(&f->m, UI_KEY_ENTER);
	assert_string_equal(f->m.file, path);
	press(&f->m, 'n');
	assert_int_equal(unlink(path), 0);
	press(&f->m, 's');
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.confirm, UI_CONFIRM_CHANGED);
	q = ui_model_confirm_text(&f->m);
	assert_non_null(strstr(q, "removed"));
	assert_null(strstr(q, "reload"));
	free(q);
	assert_int_equal(press(&f->m, 'r'), 0);
	assert_int_equal(f->m.confirm, UI_CONFIRM_CHANGED);
	press(&f->m, 'o');
	assert_false(f->m.modified);
	assert_int_equal(access(path, F_OK), 0);
}

/* ? on the presets: the help, at the presets' keys, and back to them. */
static void
model_help_from_the_presets_comes_back_to_them(void **state)
{
	struct fixture *f = *state;

	free(f->m.preset_dirs[0]);
	free(f->m.preset_dirs);
	f->m.preset_dirs = xcalloc(2, sizeof *f->m.preset_dirs);
	f->m.preset_dirs[0] = test_srcpath("data/examples");
	f->m.dir = &ui_dir_posix;
	press(&f->m, 'P');
	assert_int_equal(f->m.mode, UI_MODE_PICK);
	press(&f->m, 'j');
	press(&f->m, '?');
	assert_int_equal(f->m.mode, UI_MODE_HELP);
	assert_true(f->m.help_top > 0);
	assert_int_equal(strncmp(f->m.help[f->m.help_top], "presets:", 8), 0);
	press(&f->m, 'q');
	assert_int_equal(f->m.mode, UI_MODE_PICK);
	assert_int_equal(f->m.preset_sel, 1);
	press(&f->m, UI_KEY_ESC);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
}

/* Warnings wrap at blanks: a field's name stays whole on its row. */
static void
model_wraps_warnings_at_blanks_not_inside_a_word(void **state)
{
	struct fixture *f = *state;
	const struct ui_row *r;
	size_t i;
	int cols;
	bool whole;

	press(&f->m, 'u');
	type(&f->m, "/var/run/docker.sock");
	press(&f->m, UI_KEY_ENTER);
	press(&f->m, 'x');
	type(&f->m, "/var/run/docker.sock");
	press(&f->m, UI_KEY_ENTER);
	for (cols = 40; cols <= 80; cols++) {
		ui_model_set_viewport(&f->m, 20, cols, 20, 24);
		whole = false;
		for (i = 0; i < f->m.nrows; i++) {
			r = &f->m.rows[i];
			if (r->kind == ROW_WARNING && strstr(r->label,
			    "network.unix_sockets.deny[0]") != NULL)
				whole = true;
		}
		if (!whole)
			fail_msg("at %d columns the field name is cut", cols);
	}
}

/* z: the zoomed preview shows what the selected entry wrote. */
static void
model_zoom_scrolls_to_the_selected_entry(void **state)
{
	struct fixture *f = *state;
	size_t i, first = SIZE_MAX;

	ui_model_set_viewport(&f->m, 10, 60, 10, 24);
	press(&f->m, 'u');
	type(&f->m, "/tmp/test.sock");
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_ALLOW_ENTRY);
	/* Its first rule (the -D line at the top aside). */
	for (i = 0; i < f->m.nlines && first == SIZE_MAX; i++) {
		if ((f->m.lines[i].mark & UI_MARK_ENTRY) &&
		    f->m.lines[i].role != UI_LINE_PARAM)
			first = i;
	}
	assert_true(first != SIZE_MAX && first > 30);
	/* The preview scrolled elsewhere meanwhile. */
	press(&f->m, UI_KEY_TAB);
	press(&f->m, UI_KEY_HOME);
	press(&f->m, UI_KEY_TAB);
	assert_int_equal(f->m.preview_top, 0);
	press(&f->m, 'z');
	assert_true(first >= f->m.preview_top);
	assert_true(first < f->m.preview_top + (size_t)f->m.body_lines);
}

/* --- the third round -------------------------------------------------- */

/* A paste, as the decoder reads one: the whole text of it. */
static unsigned
paste(struct ui_model *m, const char *text, enum ui_paste kind)
{
	return ui_model_paste(m, text, strlen(text), kind);
}

/*
 * A paste is text for the prompt open, never keys: a newline in it does
 * not accept the prompt, and what follows it does not run as commands (l,
 * n and e after the newline would open the network); outside a prompt it
 * does nothing.
 */
static void
model_paste_is_text_for_a_prompt_never_keys(void **state)
{
	struct fixture *f = *state;
	struct params before;

	params_copy(&before, &f->m.params);
	press(&f->m, 'u');
	paste(&f->m, "/tmp/new\nline.sock", UI_PASTE_TEXT);
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	assert_int_equal(f->m.prompt, UI_PROMPT_ADD_ALLOW);
	assert_string_equal(ui_line_str(&f->m.line), "");
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "more than one line"));
	assert_true(params_equal(&f->m.params, &before));
	/* A terminal's newline is CR; a tab or an escape is no text. */
	paste(&f->m, "/tmp/a\rnl", UI_PASTE_TEXT);
	assert_string_equal(ui_line_str(&f->m.line), "");
	paste(&f->m, "/tmp/a\tb", UI_PASTE_TEXT);
	assert_non_null(strstr(f->m.status, "control character"));
	paste(&f->m, "/tmp/a\033[2Jb", UI_PASTE_TEXT);
	assert_string_equal(ui_line_str(&f->m.line), "");
	/* What the decoder could not read whole is refused too. */
	paste(&f->m, "/tmp/x", UI_PASTE_LONG);
	assert_non_null(strstr(f->m.status, "longer than"));
	paste(&f->m, "/tmp/x", UI_PASTE_UNENDED);
	assert_non_null(strstr(f->m.status, "end did not come"));
	paste(&f->m, "/tmp/x", UI_PASTE_KEYS);
	paste(&f->m, "/tmp/x", UI_PASTE_NOT_UTF8);
	paste(&f->m, "/tmp/x", UI_PASTE_NON_ASCII);
	assert_non_null(strstr(f->m.status, "locale"));
	assert_string_equal(ui_line_str(&f->m.line), "");
	/* One line goes in at the cursor, its newline at the end aside. */
	type(&f->m, "/tmp/");
	paste(&f->m, "p\xc3\xa4sted.sock\r\n", UI_PASTE_TEXT);
	assert_string_equal(ui_line_str(&f->m.line), "/tmp/p\xc3\xa4sted.sock");
	assert_int_equal(f->m.mode, UI_MODE_EDIT_PATH);
	assert_true(params_equal(&f->m.params, &before));
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.params.sock_allow.n, 1);
	/* Outside a prompt: nothing, and it says so. */
	params_clear(&before);
	params_copy(&before, &f->m.params);
	paste(&f->m, "nnlA", UI_PASTE_TEXT);
	assert_int_equal(f->m.mode, UI_MODE_LIST);
	assert_true(params_equal(&f->m.params, &before));
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "ignored a paste"));
	/* Nor does it answer a question. */
	press(&f->m, 'q');
	assert_int_equal(f->m.mode, UI_MODE_CONFIRM);
	paste(&f->m, "y", UI_PASTE_TEXT);
	assert_int_equal(f->m.mode, UI_MODE_CONFIRM);
	params_clear(&before);
}

/* A save to a directory that is not there is refused at Enter, the name
 * kept: not after the work, and never proposed as a place to save in. */
static void
model_save_refuses_a_missing_directory_at_once(void **state)
{
	struct fixture *f = *state;
	char typed[160];

	press(&f->m, 'n');
	press(&f->m, 's');
	press(&f->m, UI_KEY_CTRL('u'));
	snprintf(typed, sizeof typed, "%s/nodir/x.json", f->tmp);
	type(&f->m, typed);
	press(&f->m, UI_KEY_ENTER);
	assert_int_equal(f->m.prompt, UI_PROMPT_SAVE);
	assert_string_equal(ui_line_str(&f->m.line), typed);
	assert_true(f->m.status_err);
	assert_non_null(strstr(f->m.status, "not saved: "));
	assert_non_null(strstr(f->m.status, "nodir\" does not exist"));
	assert_null(f->m.file);
	/* The profiles directory is made as needed: no problem there. */
	press(&f->m, UI_KEY_CTRL('u'));
	snprintf(typed, sizeof typed, "%s/sbpolicy/profiles/", f->config);
	type(&f->m, typed);
	press(&f->m, UI_KEY_ENTER);
	assert_false(f->m.status_err);
	assert_non_null(strstr(f->m.status, "Enter saves policy.json in it"));
}

/*
 * A message too long for its row shows whole until the next key (the view
 * wraps it), then cut; M shows it whole again.
 */
static void
model_a_long_message_shows_whole_until_the_next_key(void **state)
{
	struct fixture *f = *state;

	ui_model_status(&f->m, true, "a message");
	assert_true(f->m.status_new);
	press(&f->m, 'j');
	assert_false(f->m.status_new);
	assert_non_null(f->m.status);
	press(&f->m, 'M');
	assert_true(f->m.status_new);
	assert_string_equal(f->m.status, "a message");
	press(&f->m, 'k');
	assert_false(f->m.status_new);
	/* A message made by the key is new. */
	press(&f->m, 'n');
	assert_true(f->m.status_new);
}

/* A deny-read of the whole disk is said beside the entry: even the
 * command's own programs could not be read. */
static void
model_warns_of_a_deny_read_of_everything(void **state)
{
	static const char *const all[] = { "/", "**", "/**", "/*" };
	struct fixture *f = *state;
	size_t i, k;
	bool warned;

	for (i = 0; i < sizeof all / sizeof all[0]; i++) {
		strlist_clear(&f->m.params.deny_read);
		strlist_add(&f->m.params.deny_read, all[i]);
		ui_model_regen(&f->m);
		warned = false;
		for (k = 0; k < f->m.gen.nwarnings; k++) {
			if (f->m.gen.warnings[k].where == GEN_W_DENY_READ &&
			    f->m.gen.warnings[k].index == 0 &&
			    strstr(f->m.gen.warnings[k].msg,
			    "makes every file unreadable") != NULL)
				warned = true;
		}
		if (!warned)
			fail_msg("no warning for a deny-read of %s", all[i]);
		for (k = 0; k < f->m.nrows; k++) {
			if (f->m.rows[k].kind == ROW_WARNING &&
			    strstr(f->m.rows[k].label, "every file") != NULL)
				break;
		}
		assert_true(k < f->m.nrows);
	}
	/* Not for one directory, however wide. */
	strlist_clear(&f->m.params.deny_read);
	strlist_add(&f->m.params.deny_read, "~/**");
	ui_model_regen(&f->m);
	for (k = 0; k < f->m.gen.nwarnings; k++)
		assert_null(strstr(f->m.gen.warnings[k].msg, "every file"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(model_starts_on_the_default_policy),
		T(model_n_cycles_the_network_mode),
		T(model_f_cycles_the_filesystem_mode),
		T(model_adding_a_socket_shows_its_param_and_highlights_it),
		T(model_preview_lines_have_roles),
		T(model_a_relative_path_resolves_against_the_cwd),
		T(model_refuses_bad_input_and_keeps_the_text),
		T(model_refuses_a_relative_path_in_a_loaded_file),
		T(model_toggles_local_binding_and_allow_all),
		T(model_marks_inactive_entries_with_a_reason),
		T(model_shows_warnings_beside_their_entry),
		T(model_wraps_warnings_at_character_boundaries),
		T(model_edits_match_access_and_path_of_a_socket),
		T(model_deletes_the_selected_entry),
		T(model_enter_toggles_and_adds_by_row),
		T(model_selection_skips_notes_and_headings),
		T(model_preview_scrolls_and_follows_the_change),
		T(model_zoom_gives_the_preview_the_focus),
		T(model_help_lists_bindings_and_closes),
		T(model_quits_at_once_without_changes),
		T(model_quit_with_changes_asks_and_cancel_keeps_everything),
		T(model_save_prompts_with_the_profiles_default_and_creates_it),
		T(model_save_asks_before_overwriting_another_file),
		T(model_save_error_stays_on_the_status_line),
		T(model_save_refuses_a_fifo_and_a_directory_before_asking),
		T(model_save_checks_the_target_through_the_dir_ops),
		T(model_save_to_a_fifo_swapped_in_late_does_not_hang),
		T(model_save_makes_the_profiles_dir_through_the_dir_ops),
		T(model_failed_save_keeps_the_typed_name),
		T(model_save_before_open_says_it_saved),
		T(model_quit_and_save_saves_then_quits),
		T(model_open_loads_a_file_and_sets_the_title),
		T(model_run_splits_the_command_line),
		T(lineedit_moves_and_deletes_by_character),
		T(lineedit_completes_file_names),
		T(model_tab_completes_in_a_path_prompt),
		T(lineedit_completion_stops_at_a_character_boundary),
		T(model_refuses_an_entry_that_is_not_utf8),
		T(model_says_which_port_and_name_were_added),
		T(model_port_error_quotes_what_was_typed),
		T(model_status_lines_carry_no_control_bytes),
		T(model_says_why_a_settings_key_does_nothing_in_the_preview),
		T(model_refuses_blanks_and_duplicate_home_forms),
		T(lineedit_completes_a_command_word_with_blanks_and_quotes),
		T(model_ctrl_l_regenerates),
		T(model_shows_the_builtin_denies_under_the_deny_list),
		T(model_b_toggles_the_builtin_denies),
		T(model_builtin_rows_are_read_only),
		T(model_saves_and_opens_the_builtin_denies_switch),
		T(model_check_shows_the_verdict_and_the_rule),
		T(model_a_bad_check_keeps_the_prompt),
		T(model_a_check_flips_when_its_socket_is_deleted),
		T(model_selecting_an_entry_marks_its_lines),
		T(model_checks_are_few_and_editable),
		T(model_incremental_preview_matches_a_fresh_one),
		T(model_preview_scrolls_to_the_changed_rule),
		T(model_a_brief_shrink_is_clamped_back),
		T(model_a_failed_open_keeps_the_prompt),
		T(model_open_asks_before_converting_an_srt_file),
		T(model_open_says_why_an_srt_file_is_refused),
		T(model_c_is_refused_on_a_deny_entry),
		T(model_save_asks_when_the_file_changed_on_disk),
		T(model_the_unsaved_question_takes_y_n_and_enter),
		T(model_an_unchanged_edit_says_so),
		T(model_says_when_a_new_file_cannot_be_made),
		T(model_shows_the_cwd_root_warnings_beside_its_switch),
		T(model_run_prompt_is_no_shell_and_offers_one),
		T(model_run_prompt_keeps_a_history),
		T(lineedit_ctrl_w_deletes_a_word),
		T(model_presets_open_as_a_new_unsaved_policy),
		T(model_a_key_the_presets_do_not_take_closes_them_and_acts),
		T(model_open_prompt_starts_in_the_profiles_directory),
		T(model_open_prompt_says_home_as_a_tilde),
		T(model_search_goes_from_match_to_match),
		T(model_search_finds_in_either_case_unless_capitals),
		T(model_search_in_the_help),
		T(model_preview_scrolls_sideways),
		T(model_undo_and_redo_every_change),
		T(model_undo_brings_back_a_deleted_entry_and_its_selection),
		T(model_undo_covers_the_checks),
		T(model_undo_keeps_at_most_a_hundred_steps),
		T(model_mouse_selects_focuses_and_scrolls),
		T(model_mouse_picks_a_preset),
		T(model_h_and_l_scroll_the_preview_not_the_policy),
		T(model_refuses_a_glob_the_generator_cannot_read),
		T(model_save_refuses_a_policy_that_does_not_generate),
		T(model_a_search_ends_when_its_pane_or_help_goes),
		T(model_save_name_ending_in_a_slash_is_a_directory),
		T(model_tab_completes_what_the_prompt_takes),
		T(model_a_new_file_in_a_missing_directory_goes_to_the_profiles),
		T(model_a_file_created_meanwhile_is_said_so),
		T(model_help_from_the_presets_comes_back_to_them),
		T(model_wraps_warnings_at_blanks_not_inside_a_word),
		T(model_zoom_scrolls_to_the_selected_entry),
		T(model_paste_is_text_for_a_prompt_never_keys),
		T(model_save_refuses_a_missing_directory_at_once),
		T(model_a_long_message_shows_whole_until_the_next_key),
		T(model_warns_of_a_deny_read_of_everything),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
