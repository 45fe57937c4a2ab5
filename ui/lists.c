/* SPDX-License-Identifier: ISC */
/* lists.c: the settings pane's lists and switches, one table of each. */
#include "config.h"

#include "lists.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "glob.h"
#include "xmalloc.h"

/* The error for an entry that the list holds already. */
static int
already(const struct ui_list *l, const char *shown, struct sb_error *err)
{
	sb_error_set(err, SB_EINVAL, "%s: already in the list: %s", l->what,
	    shown);
	return -1;
}

/* --- proxy ports ---------------------------------------------------------- */

static size_t
port_len(const void *list)
{
	return ((const struct portlist *)list)->n;
}

static char *
port_text_new(const void *list, size_t i)
{
	char *s;

	xasprintf(&s, "%u", ((const struct portlist *)list)->v[i]);
	return s;
}

static int
port_put(void *list, const struct ui_list *ul, const char *text,
    const char *cwd, bool replace, size_t index, struct sb_error *err)
{
	struct portlist *l = list;
	char num[16];
	unsigned port;
	size_t i;

	(void)cwd;
	if (params_parse_port(text, ul->what, &port, err) == -1)
		return -1;
	for (i = 0; i < l->n; i++) {
		if (l->v[i] == port && !(replace && i == index)) {
			snprintf(num, sizeof num, "%u", port);
			return already(ul, num, err);
		}
	}
	if (replace)
		l->v[index] = port;
	else
		portlist_add(l, port);
	return 0;
}

static void
port_remove(void *list, size_t i)
{
	portlist_remove(list, i);
}

static const struct ui_list_ops port_ops = {
	.len = port_len,
	.text_new = port_text_new,
	.put = port_put,
	.remove = port_remove,
};

/* --- Unix sockets --------------------------------------------------------- */

static size_t
socket_len(const void *list)
{
	return ((const struct socklist *)list)->n;
}

static char *
socket_text_new(const void *list, size_t i)
{
	return xstrdup(((const struct socklist *)list)->v[i].path);
}

static const char *
socket_path(const void *list, size_t i)
{
	const struct sock_entry *e = &((const struct socklist *)list)->v[i];

	return e->match != MATCH_GLOB ? e->path : NULL;
}

static char *
socket_flags_new(const void *list, size_t i)
{
	const struct sock_entry *e = &((const struct socklist *)list)->v[i];
	const char *a = sock_match_name(e->match);
	const char *b = sock_access_name(e->access);
	size_t na = strlen(a), nb = strlen(b);
	char *s = xmalloc(na + nb + 2);

	/* Not xasprintf: this runs for every entry at every key press. */
	memcpy(s, a, na);
	s[na] = ' ';
	memcpy(s + na + 1, b, nb + 1);
	return s;
}

/* A deny entry's match alone: a deny refuses connect and bind alike, so
 * it has no access to show (the params file holds none for it). */
static char *
deny_flags_new(const void *list, size_t i)
{
	return xstrdup(sock_match_name(
	    ((const struct socklist *)list)->v[i].match));
}

static struct sock_entry *
socket_entry(void *list, size_t i)
{
	return &((struct socklist *)list)->v[i];
}

static int
socket_put(void *list, const struct ui_list *ul, const char *text,
    const char *cwd, bool replace, size_t index, struct sb_error *err)
{
	struct socklist *l = list;
	struct sock_entry *e;
	char *path, show[SB_SHOW_MAX];
	enum sock_match match;
	size_t i;

	/*
	 * A pattern the generator would refuse, refused here as the params
	 * loader and the command line refuse it (glob_check), before the
	 * path is cleaned: else the preview goes stale and the file saved
	 * is one that no command loads.
	 */
	if (params_socket_match(text) == MATCH_GLOB &&
	    glob_check(text, ul->what, err) == -1)
		return -1;
	/* The stored form, as on the command line: "~" and "~/" are one. */
	if ((path = params_socket_from_cli(text, cwd, &match, ul->what,
	    err)) == NULL)
		return -1;
	for (i = 0; i < l->n; i++) {
		if ((!replace || i != index) &&
		    strcmp(l->v[i].path, path) == 0) {
			already(ul, sb_show(show, sizeof show, path), err);
			free(path);
			return -1;
		}
	}
	if (replace) {
		e = &l->v[index];
		/* Keep a chosen match unless the glob-ness changed. */
		if ((e->match == MATCH_GLOB) == (match == MATCH_GLOB))
			match = e->match;
		free(e->path);
		e->path = path;
		e->match = match;
	} else {
		socklist_add(l, path, match, ACCESS_CONNECT_BIND);
		free(path);
	}
	return 0;
}

static void
socket_remove(void *list, size_t i)
{
	socklist_remove(list, i);
}

static const struct ui_list_ops socket_ops = {
	.len = socket_len,
	.text_new = socket_text_new,
	.path = socket_path,
	.flags_new = socket_flags_new,
	.socket = socket_entry,
	.put = socket_put,
	.remove = socket_remove,
};

static const struct ui_list_ops deny_ops = {
	.len = socket_len,
	.text_new = socket_text_new,
	.path = socket_path,
	.flags_new = deny_flags_new,
	.socket = socket_entry,
	.put = socket_put,
	.remove = socket_remove,
};

/* --- paths and names: lists of strings ------------------------------------ */

static size_t
str_len(const void *list)
{
	return ((const struct strlist *)list)->n;
}

static char *
str_text_new(const void *list, size_t i)
{
	return xstrdup(((const struct strlist *)list)->v[i]);
}

static const char *
str_path(const void *list, size_t i)
{
	return ((const struct strlist *)list)->v[i];
}

static bool
str_has(const struct strlist *l, const char *s, bool replace, size_t index)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if ((!replace || i != index) && strcmp(l->v[i], s) == 0)
			return true;
	}
	return false;
}

/* Puts s (taken) in the list. */
static void
str_put(struct strlist *l, char *s, bool replace, size_t index)
{
	if (replace) {
		free(l->v[index]);
		l->v[index] = s;
	} else {
		strlist_add(l, s);
		free(s);
	}
}

static int
path_put(void *list, const struct ui_list *ul, const char *text,
    const char *cwd, bool replace, size_t index, struct sb_error *err)
{
	char *path, show[SB_SHOW_MAX];

	/* As socket_put: before the cleaning, which would read a ".."
	 * after a wildcard as leaving the wildcard's directory, and make
	 * a deny of one directory's children one of the directory. */
	if (ul->glob && glob_check(text, ul->what, err) == -1)
		return -1;
	if ((path = params_path_from_cli(text, cwd, ul->glob, ul->what,
	    err)) == NULL)
		return -1;
	if (str_has(list, path, replace, index)) {
		already(ul, sb_show(show, sizeof show, path), err);
		free(path);
		return -1;
	}
	str_put(list, path, replace, index);
	return 0;
}

static int
name_put(void *list, const struct ui_list *ul, const char *text,
    const char *cwd, bool replace, size_t index, struct sb_error *err)
{
	char show[SB_SHOW_MAX];

	(void)cwd;
	if (params_check_name(text, strlen(text), ul->what, err) == -1)
		return -1;
	if (str_has(list, text, replace, index))
		return already(ul, sb_show(show, sizeof show, text), err);
	str_put(list, xstrdup(text), replace, index);
	return 0;
}

static void
str_remove(void *list, size_t i)
{
	strlist_remove(list, i);
}

static const struct ui_list_ops path_ops = {
	.len = str_len,
	.text_new = str_text_new,
	.path = str_path,
	.put = path_put,
	.remove = str_remove,
};

static const struct ui_list_ops name_ops = {
	.len = str_len,
	.text_new = str_text_new,
	.put = name_put,
	.remove = str_remove,
};

/* --- access checks: the model's, not the params' -------------------------- */

static size_t
check_len(const void *list)
{
	return ((const struct ui_checks *)list)->n;
}

static char *
check_text_new(const void *list, size_t i)
{
	return xstrdup(((const struct ui_checks *)list)->v[i].text);
}

static char *
check_verdict_new(const void *list, size_t i)
{
	return ui_check_verdict_new(&((const struct ui_checks *)list)->v[i]);
}

static int
check_put(void *list, const struct ui_list *ul, const char *text,
    const char *cwd, bool replace, size_t index, struct sb_error *err)
{
	/* Relative targets resolve against the policy cwd, as explain's. */
	(void)ul;
	(void)cwd;
	return ui_checks_put(list, text, replace, index, err);
}

static void
check_remove(void *list, size_t i)
{
	ui_checks_remove(list, i);
}

static const char *
check_problem(const void *list, size_t i)
{
	const struct ui_check *c = &((const struct ui_checks *)list)->v[i];

	return c->asked ? NULL : c->why;
}

static const struct ui_list_ops check_ops = {
	.len = check_len,
	.text_new = check_text_new,
	.flags_new = check_verdict_new,
	.put = check_put,
	.remove = check_remove,
	.problem = check_problem,
};

/* --- the tables ----------------------------------------------------------- */

#define IN(field)	offsetof(struct params, field)
#define IN_MODEL(field)	offsetof(struct ui_model, field)

static const struct ui_list lists[] = {
	{ ROW_PORTS, ROW_PORT, UI_PROMPT_ADD_PORT, "proxy ports",
	  "proxy port", "proxy port: ", "edit port: ", "port",
	  GEN_W_PROXY_PORT, false, IN(proxy_ports), &port_ops,
	  GEN_W_PROXY_PORT, false, false },
	{ ROW_ALLOW, ROW_ALLOW_ENTRY, UI_PROMPT_ADD_ALLOW, "allow sockets",
	  "allow socket", "allow socket: ", "edit path: ", NULL,
	  GEN_W_SOCK_ALLOW, false, IN(sock_allow), &socket_ops,
	  GEN_W_SOCK_ALLOW, false, false },
	{ ROW_DENY, ROW_DENY_ENTRY, UI_PROMPT_ADD_DENY, "deny sockets",
	  "deny socket", "deny socket: ", "edit path: ", NULL,
	  GEN_W_SOCK_DENY, false, IN(sock_deny), &deny_ops,
	  GEN_W_SOCK_DENY, false, false },
	/* gen_builtin_deny's: sbpolicy's, not the params file's. */
	{ ROW_BUILTIN, ROW_BUILTIN_ENTRY, UI_PROMPT_NONE, "built-in denies",
	  "built-in deny", NULL, NULL, NULL,
	  GEN_W_GENERAL, false, 0, NULL,
	  GEN_W_BUILTIN_DENY, false, false },
	{ ROW_ROOTS, ROW_ROOT, UI_PROMPT_ADD_ROOT, "writable roots",
	  "writable root", "writable root: ", "edit path: ", NULL,
	  GEN_W_WRITABLE_ROOT, false, IN(writable_roots), &path_ops,
	  GEN_W_WRITABLE_ROOT, false, false },
	/* Its warnings are about the whole list (GEN_W_GENERAL). */
	{ ROW_PROTECTS, ROW_PROTECT, UI_PROMPT_ADD_PROTECT, "protected names",
	  "protected name", "protected name: ", "edit name: ", NULL,
	  GEN_W_GENERAL, false, IN(protected_names), &name_ops,
	  GEN_W_PROTECTED_NAME, false, false },
	{ ROW_DENY_READS, ROW_DENY_READ, UI_PROMPT_ADD_DENY_READ, "deny read",
	  "deny read", "deny read: ", "edit path: ", NULL,
	  GEN_W_DENY_READ, true, IN(deny_read), &path_ops,
	  GEN_W_DENY_READ, false, false },
	/* Questions about the policy, not part of it: the model keeps them. */
	{ ROW_CHECKS, ROW_CHECK, UI_PROMPT_CHECK, "access checks",
	  "check", "check: ", "edit check: ", "check",
	  GEN_W_GENERAL, false, IN_MODEL(checks), &check_ops,
	  GEN_W_GENERAL, true, true },
};

#define NLISTS (sizeof lists / sizeof lists[0])

static const struct ui_switch switches[] = {
	{ ROW_LOCAL, ACT_TOGGLE_LOCAL, "local binding",
	  IN(allow_local_binding) },
	{ ROW_ALLOW_ALL, ACT_TOGGLE_ALLOW_ALL, "allow-all sockets",
	  IN(allow_all_sockets) },
	{ ROW_BUILTIN, ACT_TOGGLE_BUILTIN, "built-in denies",
	  IN(builtin_denies) },
	{ ROW_INC_CWD, ACT_NONE, "include cwd", IN(include_cwd) },
	{ ROW_INC_TMP, ACT_NONE, "include /tmp", IN(include_slash_tmp) },
	{ ROW_INC_TMPDIR, ACT_NONE, "include $TMPDIR", IN(include_tmpdir) },
};

#define NSWITCHES (sizeof switches / sizeof switches[0])

const struct ui_list *
ui_list_by_row(enum ui_row_kind kind)
{
	size_t i;

	for (i = 0; i < NLISTS; i++) {
		if (lists[i].head == kind || lists[i].entry == kind)
			return &lists[i];
	}
	return NULL;
}

const struct ui_list *
ui_list_by_prompt(enum ui_prompt prompt)
{
	size_t i;

	for (i = 0; i < NLISTS; i++) {
		if (lists[i].ops != NULL && lists[i].prompt == prompt)
			return &lists[i];
	}
	return NULL;
}

void *
ui_list_in(struct ui_model *m, const struct ui_list *l)
{
	char *base = l->in_model ? (char *)m : (char *)&m->params;

	return l->ops != NULL ? base + l->offset : NULL;
}

const void *
ui_list_in_const(const struct ui_model *m, const struct ui_list *l)
{
	const char *base = l->in_model ? (const char *)m :
	    (const char *)&m->params;

	return l->ops != NULL ? base + l->offset : NULL;
}

size_t
ui_list_len(const struct ui_model *m, const struct ui_list *l)
{
	return l->ops != NULL ? l->ops->len(ui_list_in_const(m, l)) : 0;
}

const struct ui_switch *
ui_switch_by_row(enum ui_row_kind kind)
{
	size_t i;

	for (i = 0; i < NSWITCHES; i++) {
		if (switches[i].row == kind)
			return &switches[i];
	}
	return NULL;
}

const struct ui_switch *
ui_switch_by_action(enum ui_action a)
{
	size_t i;

	for (i = 0; i < NSWITCHES; i++) {
		if (a != ACT_NONE && switches[i].action == a)
			return &switches[i];
	}
	return NULL;
}

bool *
ui_switch_in(struct params *p, const struct ui_switch *s)
{
	return (bool *)((char *)p + s->offset);
}

bool
ui_switch_get(const struct params *p, const struct ui_switch *s)
{
	return *(const bool *)((const char *)p + s->offset);
}
