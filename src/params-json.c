/* SPDX-License-Identifier: ISC */
/*
 * params-json.c: params files (JSON) <-> struct params, by the field table
 * of params-fields.h; the json output. The text, its strict checks and the
 * positions in messages are json.c's; this file knows the schema.
 */
#include "config.h"

#include "params-json.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_CJSON_CJSON_H
#include <cjson/cJSON.h>
#else
#include <cJSON.h>
#endif

#include "buf.h"
#include "fileio.h"
#include "glob.h"
#include "json.h"
#include "params-fields.h"
#include "unicode.h"
#include "xmalloc.h"

/*
 * Loading: the tree is walked with the field table, the path kept beside,
 * so that an error can say where it is.
 */

struct loader {
	const struct json_doc	*doc;
	struct json_path	 path;
	struct sb_error		*err;
	bool			 deny;	/* in network.unix_sockets.deny */
};

/* A member an object may have, and where it was found. */
struct member {
	const cJSON	*node;
	size_t		 index;
};

/* The most children an object of the table has (filesystem's seven). */
#define MEMBERS_MAX	8

/* The names of the values of an enum field, for its messages. */
struct enum_names {
	const char	*what;
	const char	*choices;
	int		(*from_name)(const char *);
};

static const struct enum_names enum_names[] = {
	[PARAMS_K_FS_MODE] = { "mode",
	    "read-only, workspace-write, full-access", fs_mode_from_name },
	[PARAMS_K_NET_MODE] = { "mode", "off, restricted, full",
	    net_mode_from_name },
	[PARAMS_K_MATCH] = { "match", "subpath, literal, glob",
	    sock_match_from_name },
	[PARAMS_K_ACCESS] = { "access", "connect-bind, connect",
	    sock_access_from_name },
};

static int	load_value(struct loader *, enum params_field_id,
		    const cJSON *, void *);
static int	fail(struct loader *, bool, enum sb_errcode, const char *, ...)
		    __attribute__((format(printf, 4, 5)));

/* An error about the value (or key) at ld->path: "FILE:L:C: PATH: msg". */
static int
fail(struct loader *ld, bool at_key, enum sb_errcode code, const char *fmt,
    ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	json_fail(ld->doc, &ld->path, at_key, ld->err, code, "%s", msg);
	free(msg);
	return -1;
}

/* Passes on an error from params_check_*, which already names the path. */
static int
fail_checked(struct loader *ld, const struct sb_error *e)
{
	return json_fail_at(ld->doc, json_locate(ld->doc, &ld->path, false),
	    ld->err, e->code, "%s", e->msg);
}

static int
missing(struct loader *ld, const char *key)
{
	json_path_push(&ld->path, key, JSON_MISSING);
	fail(ld, false, SB_EINVAL, "required key is missing");
	json_path_pop(&ld->path);
	return -1;
}

static int
wrong_type(struct loader *ld, const cJSON *v, const char *expected)
{
	return fail(ld, false, SB_EINVAL, "expected %s, got %s", expected,
	    json_type_name(v));
}

/* Member k of the object at ld->path, key, is no child of field id. */
static int
unknown_key(struct loader *ld, enum params_field_id id, const char *key,
    size_t k)
{
	const struct params_field *f = &params_fields[id];
	struct buf known;
	enum params_field_id c;

	buf_init(&known);
	for (c = f->first; c <= f->last; c++) {
		buf_printf(&known, "%s%s", c > f->first ? ", " : "",
		    params_field_key(&params_fields[c]));
	}
	json_path_push(&ld->path, key, k);
	fail(ld, true, SB_EINVAL, "unknown key (known: %s)", buf_str(&known));
	json_path_pop(&ld->path);
	buf_clear(&known);
	return -1;
}

/* Member k repeats member first, both named key. */
static int
duplicate_key(struct loader *ld, const char *key, size_t k, size_t first)
{
	size_t line, col;

	json_path_push(&ld->path, key, first);
	json_line_col(ld->doc, json_locate(ld->doc, &ld->path, true), &line,
	    &col);
	ld->path.v[ld->path.n - 1].index = k;
	fail(ld, true, SB_EINVAL, "duplicate key (first at %zu:%zu)", line,
	    col);
	json_path_pop(&ld->path);
	return -1;
}

/*
 * Matches the members of obj against the children of field id: an unknown
 * or repeated key is an error pointing at the key; m[i] gets child i's
 * node (or NULL) and position.
 */
static int
members(struct loader *ld, const cJSON *obj, enum params_field_id id,
    struct member m[MEMBERS_MAX])
{
	const struct params_field *f = &params_fields[id];
	const struct params_field *first = &params_fields[f->first];
	const cJSON *c;
	size_t n = (size_t)(f->last - f->first) + 1, i, k;

	if (!cJSON_IsObject(obj))
		return wrong_type(ld, obj, "an object");
	memset(m, 0, n * sizeof *m);
	for (c = obj->child, k = 0; c != NULL; c = c->next, k++) {
		for (i = 0; i < n; i++) {
			if (strcmp(params_field_key(&first[i]), c->string) == 0)
				break;
		}
		if (i == n)
			return unknown_key(ld, id, c->string, k);
		if (m[i].node != NULL)
			return duplicate_key(ld, c->string, k, m[i].index);
		m[i].node = c;
		m[i].index = k;
	}
	return 0;
}

/* The children of field id, from obj, into base (struct params, or struct
 * sock_entry for PF_SOCKET), in the order of the table. */
static int
load_object(struct loader *ld, enum params_field_id id, const cJSON *obj,
    void *base)
{
	const struct params_field *f = &params_fields[id];
	struct member m[MEMBERS_MAX];
	enum params_field_id c;
	const char *key;
	int rc;

	if (members(ld, obj, id, m) == -1)
		return -1;
	for (c = f->first; c <= f->last; c++) {
		key = params_field_key(&params_fields[c]);
		if (m[c - f->first].node == NULL) {
			if (params_fields[c].required)
				return missing(ld, key);
			continue;
		}
		json_path_push(&ld->path, key, m[c - f->first].index);
		rc = load_value(ld, c, m[c - f->first].node, base);
		json_path_pop(&ld->path);
		if (rc == -1)
			return -1;
	}
	return 0;
}

static int
load_version(struct loader *ld, const cJSON *v)
{
	char raw[64];

	if (!cJSON_IsNumber(v))
		return wrong_type(ld, v, "a number");
	if (v->valuedouble != 1.0) {
		json_number_text(ld->doc, &ld->path, raw, sizeof raw);
		return fail(ld, false, SB_EINVAL,
		    "unsupported version %s (this sbpolicy reads version 1)",
		    raw);
	}
	return 0;
}

static int
load_bool(struct loader *ld, const cJSON *v, bool *out)
{
	if (!cJSON_IsBool(v))
		return wrong_type(ld, v, "a boolean");
	*out = cJSON_IsTrue(v);
	return 0;
}

/* A short, quoted, escaped form of a string for messages. */
static char *
quote_short(const char *s)
{
	struct buf b;
	char *cut;
	size_t n = strlen(s);

	if (n <= 64)
		cut = xstrdup(s);
	else {
		/* Cut on a character boundary; the text is valid UTF-8. */
		n = 60;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		cut = xstrndup(s, n);
	}
	buf_init(&b);
	json_put_string(&b, cut);
	if (strlen(s) > 64)
		buf_puts(&b, "...");
	free(cut);
	return buf_take(&b);
}

/* Stores value v of an enum field of this kind. */
static void
enum_set(enum params_kind kind, void *member, int v)
{
	switch (kind) {
	case PARAMS_K_FS_MODE:
		*(enum fs_mode *)member = (enum fs_mode)v;
		break;
	case PARAMS_K_NET_MODE:
		*(enum net_mode *)member = (enum net_mode)v;
		break;
	case PARAMS_K_MATCH:
		*(enum sock_match *)member = (enum sock_match)v;
		break;
	default:
		*(enum sock_access *)member = (enum sock_access)v;
		break;
	}
}

/* The name of the value of an enum field of this kind. */
static const char *
enum_get(enum params_kind kind, const void *member)
{
	switch (kind) {
	case PARAMS_K_FS_MODE:
		return fs_mode_name(*(const enum fs_mode *)member);
	case PARAMS_K_NET_MODE:
		return net_mode_name(*(const enum net_mode *)member);
	case PARAMS_K_MATCH:
		return sock_match_name(*(const enum sock_match *)member);
	default:
		return sock_access_name(*(const enum sock_access *)member);
	}
}

static int
load_enum(struct loader *ld, const cJSON *v, enum params_kind kind,
    void *member)
{
	const struct enum_names *e = &enum_names[kind];
	char *q;
	int n;

	if (!cJSON_IsString(v))
		return wrong_type(ld, v, "a string");
	if ((n = e->from_name(v->valuestring)) == -1) {
		q = quote_short(v->valuestring);
		fail(ld, false, SB_EINVAL, "unknown %s %s (%s)", e->what, q,
		    e->choices);
		free(q);
		return -1;
	}
	enum_set(kind, member, n);
	return 0;
}

/* A pattern (s holds a wildcard) that passes glob_check, at the value of
 * ld->path. */
static int
check_glob(struct loader *ld, const char *s)
{
	struct sb_error e;
	char *what;
	int rc;

	if (glob_check(s, "", NULL) == 0)
		return 0;
	sb_error_init(&e);
	what = json_path_str(&ld->path);
	rc = glob_check(s, what, &e);
	free(what);
	return rc == -1 ? fail_checked(ld, &e) : 0;
}

/* A path string that passes params_check_path (params_check_pattern with
 * allow_glob: a deny_read entry); *out is borrowed. */
static int
load_path(struct loader *ld, const cJSON *v, bool allow_glob, char **out)
{
	int (*check)(const char *, size_t, bool, const char *,
	    struct sb_error *) = allow_glob ? params_check_pattern :
	    params_check_path;
	struct sb_error e;
	char *what;
	int rc;

	if (!cJSON_IsString(v))
		return wrong_type(ld, v, "a path string");
	/* The check names the value; the name is built only on failure. */
	if (check(v->valuestring, strlen(v->valuestring), allow_glob, "",
	    NULL) == 0) {
		*out = v->valuestring;
		return 0;
	}
	sb_error_init(&e);
	what = json_path_str(&ld->path);
	rc = check(v->valuestring, strlen(v->valuestring), allow_glob, what,
	    &e);
	free(what);
	if (rc == -1)
		return fail_checked(ld, &e);
	*out = v->valuestring;
	return 0;
}

static int
item_name(struct loader *ld, const cJSON *v, struct strlist *l)
{
	struct sb_error e;
	char *what;
	int rc;

	if (!cJSON_IsString(v))
		return wrong_type(ld, v, "a string");
	if (params_check_name(v->valuestring, strlen(v->valuestring), "",
	    NULL) == 0) {
		strlist_add(l, v->valuestring);
		return 0;
	}
	sb_error_init(&e);
	what = json_path_str(&ld->path);
	rc = params_check_name(v->valuestring, strlen(v->valuestring), what,
	    &e);
	free(what);
	if (rc == -1)
		return fail_checked(ld, &e);
	strlist_add(l, v->valuestring);
	return 0;
}

static int
item_port(struct loader *ld, const cJSON *v, struct portlist *l)
{
	struct sb_error e;
	char raw[64], *what;
	double d;
	long long port;
	int rc;

	if (!cJSON_IsNumber(v))
		return wrong_type(ld, v, "an integer");
	d = v->valuedouble;
	/* Range first: casting a huge double to an integer is undefined. */
	if (!(d >= -1e15 && d <= 1e15)) {
		json_number_text(ld->doc, &ld->path, raw, sizeof raw);
		return fail(ld, false, SB_EINVAL, "port must be 1..65535: %s",
		    raw);
	}
	port = (long long)d;
	if ((double)port != d) {
		json_number_text(ld->doc, &ld->path, raw, sizeof raw);
		return fail(ld, false, SB_EINVAL, "port must be an integer: %s",
		    raw);
	}
	if (params_check_port(port, "", NULL) == 0) {
		portlist_add(l, (unsigned)port);
		return 0;
	}
	sb_error_init(&e);
	what = json_path_str(&ld->path);
	rc = params_check_port(port, what, &e);
	free(what);
	if (rc == -1)
		return fail_checked(ld, &e);
	portlist_add(l, (unsigned)port);
	return 0;
}

/* "PATH" (a glob when it holds * ? [) or a PF_SOCKET object. */
static int
item_socket(struct loader *ld, const cJSON *v, struct socklist *l)
{
	struct sock_entry e = { NULL, MATCH_SUBPATH, ACCESS_CONNECT_BIND };
	const cJSON *c;
	const char *key;
	size_t k;

	if (cJSON_IsString(v)) {
		if (load_path(ld, v, false, &e.path) == -1)
			return -1;
		/* The same reading as --allow-unix-socket on the CLI. */
		e.match = params_socket_match(e.path);
		if (e.match == MATCH_GLOB && check_glob(ld, e.path) == -1)
			return -1;
	} else if (!cJSON_IsObject(v))
		return wrong_type(ld, v, "a path string or an object");
	else if (load_object(ld, PF_SOCKET, v, &e) == -1)
		return -1;
	else if (e.match == MATCH_GLOB && e.path != NULL) {
		key = params_field_key(&params_fields[PF_SOCKET_PATH]);
		for (c = v->child, k = 0; c != NULL &&
		    strcmp(c->string, key) != 0; c = c->next)
			k++;
		json_path_push(&ld->path, key, k);
		if (check_glob(ld, e.path) == -1)
			return -1;
		json_path_pop(&ld->path);
	}
	/* A deny refuses connect and bind alike. Files written before this
	 * rule carry the default, connect-bind, which is taken; "connect"
	 * would claim that bind stays open, and change nothing. */
	if (ld->deny && e.access != ACCESS_CONNECT_BIND) {
		key = params_field_key(&params_fields[PF_SOCKET_ACCESS]);
		for (c = v->child, k = 0; c != NULL &&
		    strcmp(c->string, key) != 0; c = c->next)
			k++;
		json_path_push(&ld->path, key, k);
		return fail(ld, false, SB_EINVAL, "a deny entry refuses "
		    "connect and bind alike; \"connect\" would change "
		    "nothing (leave access out)");
	}
	socklist_add(l, e.path, e.match, e.access);
	return 0;
}

/* One entry of a list of this kind. */
static int
load_item(struct loader *ld, enum params_kind kind, const cJSON *v,
    void *list)
{
	char *path;

	switch (kind) {
	case PARAMS_K_PATHS:
	case PARAMS_K_PATTERNS:
		if (load_path(ld, v, kind == PARAMS_K_PATTERNS, &path) == -1)
			return -1;
		strlist_add(list, path);
		return 0;
	case PARAMS_K_NAMES:
		return item_name(ld, v, list);
	case PARAMS_K_PORTS:
		return item_port(ld, v, list);
	default:
		return item_socket(ld, v, list);
	}
}

/* A list that is present replaces the default (".git" included). */
static void
list_clear(enum params_kind kind, void *list)
{
	switch (kind) {
	case PARAMS_K_PORTS:
		portlist_clear(list);
		break;
	case PARAMS_K_SOCKETS:
		socklist_clear(list);
		break;
	default:
		strlist_clear(list);
		break;
	}
}

static int
load_list(struct loader *ld, const cJSON *v, enum params_kind kind,
    void *list)
{
	const cJSON *c;
	size_t n = 0, i;
	int rc;

	if (!cJSON_IsArray(v))
		return wrong_type(ld, v, "an array");
	for (c = v->child; c != NULL; c = c->next)
		n++;
	if (n > PARAMS_LIST_MAX)
		return fail(ld, false, SB_ELIMIT,
		    "too many entries: %zu (at most %d)", n, PARAMS_LIST_MAX);
	list_clear(kind, list);
	for (c = v->child, i = 0; c != NULL; c = c->next, i++) {
		json_path_push(&ld->path, NULL, i);
		rc = load_item(ld, kind, c, list);
		json_path_pop(&ld->path);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/* Field id from v, into its member of base. */
static int
load_value(struct loader *ld, enum params_field_id id, const cJSON *v,
    void *base)
{
	const struct params_field *f = &params_fields[id];
	void *member = (char *)base + f->offset;
	int rc;

	switch (f->kind) {
	case PARAMS_K_OBJECT:
		return load_object(ld, id, v, base);
	case PARAMS_K_VERSION:
		return load_version(ld, v);
	case PARAMS_K_BOOL:
		return load_bool(ld, v, member);
	case PARAMS_K_FS_MODE:
	case PARAMS_K_NET_MODE:
	case PARAMS_K_MATCH:
	case PARAMS_K_ACCESS:
		return load_enum(ld, v, f->kind, member);
	case PARAMS_K_PATH:
		return load_path(ld, v, false, member);
	default:
		ld->deny = id == PF_SOCK_DENY;
		rc = load_list(ld, v, f->kind, member);
		ld->deny = false;
		return rc;
	}
}

static int
load_root(struct loader *ld, const cJSON *root, struct params *p)
{
	const char *key = params_field_key(&params_fields[PF_VERSION]);
	const cJSON *c;
	size_t k;
	int rc;

	if (!cJSON_IsObject(root))
		return wrong_type(ld, root, "an object");
	/*
	 * The version decides how to read the rest, so it is checked before
	 * anything else: a newer file says "unsupported version", not
	 * "unknown key" about whatever that version added. (load_object
	 * checks it again, in its turn, as any field.)
	 */
	for (c = root->child, k = 0; c != NULL; c = c->next, k++) {
		if (strcmp(c->string, key) == 0)
			break;
	}
	if (c == NULL)
		return missing(ld, key);
	json_path_push(&ld->path, key, k);
	rc = load_version(ld, c);
	json_path_pop(&ld->path);
	if (rc == -1)
		return -1;
	return load_object(ld, PF_ROOT, root, p);
}

int
params_json_load_text(const char *name, const char *text, size_t len,
    struct params *out, struct sb_error *err)
{
	struct loader ld;
	struct json_doc doc;
	struct params tmp;
	char show[SB_SHOW_MAX];
	int rc;

	if (len > PARAMS_JSON_FILE_MAX) {
		sb_error_set(err, SB_ELIMIT, "%s: larger than %zu bytes",
		    sb_show_name(show, sizeof show, name),
		    (size_t)PARAMS_JSON_FILE_MAX);
		return -1;
	}
	if (json_doc_parse(&doc, name, text, len, PARAMS_JSON_VALUES_MAX,
	    err) == -1)
		return -1;
	ld.doc = &doc;
	ld.err = err;
	json_path_init(&ld.path);
	params_init(&tmp);
	if ((rc = load_root(&ld, doc.root, &tmp)) == 0) {
		params_clear(out);
		*out = tmp;
		params_init(&tmp);
	}
	params_clear(&tmp);
	json_path_clear(&ld.path);
	json_doc_clear(&doc);
	return rc;
}

int
params_json_load(const char *file, struct params *out, struct sb_error *err)
{
	char *text;
	size_t len;
	int rc;

	if ((text = file_read(file, PARAMS_JSON_FILE_MAX, &len, err)) == NULL)
		return -1;
	rc = params_json_load_text(file, text, len, out, err);
	free(text);
	return rc;
}

/*
 * Writing, by the same table. Printed by hand rather than with cJSON_Print,
 * which indents with tabs and would need a tree built only to be thrown
 * away.
 */

/* Whether s can go into JSON; otherwise err names it "PREFIX[i]SUFFIX". */
static int
check_utf8(const char *s, const char *prefix, size_t i, const char *suffix,
    struct sb_error *err)
{
	if (utf8_valid(s))
		return 0;
	sb_error_set(err, SB_EINVAL, "%s[%zu]%s: not valid UTF-8", prefix, i,
	    suffix);
	return -1;
}

static int	put_fields(struct buf *, int, enum params_field_id,
		    enum params_field_id, const void *, struct sb_error *);
static int	put_object(struct buf *, int, enum params_field_id,
		    const void *, struct sb_error *);

/* The number of entries of a list of this kind. */
static size_t
list_len(enum params_kind kind, const void *list)
{
	switch (kind) {
	case PARAMS_K_PORTS:
		return ((const struct portlist *)list)->n;
	case PARAMS_K_SOCKETS:
		return ((const struct socklist *)list)->n;
	default:
		return ((const struct strlist *)list)->n;
	}
}

/* Entry i of the list of field f; err names it when it is not UTF-8. */
static int
put_item(struct buf *b, int level, const struct params_field *f,
    const void *list, size_t i, struct sb_error *err)
{
	const struct strlist *sl = list;
	const struct sock_entry *e;

	switch (f->kind) {
	case PARAMS_K_PORTS:
		buf_printf(b, "%u", ((const struct portlist *)list)->v[i]);
		return 0;
	case PARAMS_K_SOCKETS:
		e = &((const struct socklist *)list)->v[i];
		if (!utf8_valid(e->path)) {
			sb_error_set(err, SB_EINVAL,
			    "%s[%zu].%s: not valid UTF-8", f->path, i,
			    params_field_key(&params_fields[PF_SOCKET_PATH]));
			return -1;
		}
		/* A deny entry has no access (see item_socket). */
		return put_fields(b, level, PF_SOCKET, f ==
		    &params_fields[PF_SOCK_DENY] ? PF_SOCKET_ACCESS :
		    PF_NFIELDS, e, err);
	default:
		if (check_utf8(sl->v[i], f->path, i, "", err) == -1)
			return -1;
		json_put_string(b, sl->v[i]);
		return 0;
	}
}

static int
put_list(struct buf *b, int level, const struct params_field *f,
    const void *list, struct sb_error *err)
{
	size_t i, n = list_len(f->kind, list);

	if (n == 0) {
		buf_puts(b, "[]");
		return 0;
	}
	buf_puts(b, "[\n");
	for (i = 0; i < n; i++) {
		json_put_indent(b, level + 1);
		if (put_item(b, level + 1, f, list, i, err) == -1)
			return -1;
		json_put_end(b, i + 1 == n);
	}
	json_put_indent(b, level);
	buf_putc(b, ']');
	return 0;
}

/* The value of field id, from its member of base, at indent level. */
static int
put_value(struct buf *b, int level, enum params_field_id id,
    const void *base, struct sb_error *err)
{
	const struct params_field *f = &params_fields[id];
	const void *member = (const char *)base + f->offset;

	switch (f->kind) {
	case PARAMS_K_OBJECT:
		return put_object(b, level, id, base, err);
	case PARAMS_K_VERSION:
		buf_putc(b, '1');
		return 0;
	case PARAMS_K_BOOL:
		buf_puts(b, *(const bool *)member ? "true" : "false");
		return 0;
	case PARAMS_K_FS_MODE:
	case PARAMS_K_NET_MODE:
	case PARAMS_K_MATCH:
	case PARAMS_K_ACCESS:
		json_put_string(b, enum_get(f->kind, member));
		return 0;
	case PARAMS_K_PATH:
		/* A socket entry's, checked by put_item. */
		json_put_string(b, *(char *const *)member);
		return 0;
	default:
		return put_list(b, level, f, member, err);
	}
}

/* "{", every child of field id but omit, one a line, and "}" at indent
 * level. */
static int
put_fields(struct buf *b, int level, enum params_field_id id,
    enum params_field_id omit, const void *base, struct sb_error *err)
{
	const struct params_field *f = &params_fields[id];
	enum params_field_id c, last = f->last == omit ? f->last - 1 : f->last;

	buf_puts(b, "{\n");
	for (c = f->first; c <= last; c++) {
		if (c == omit)
			continue;
		json_put_key(b, level + 1, params_field_key(&params_fields[c]));
		if (put_value(b, level + 1, c, base, err) == -1)
			return -1;
		json_put_end(b, c == last);
	}
	json_put_indent(b, level);
	buf_putc(b, '}');
	return 0;
}

static int
put_object(struct buf *b, int level, enum params_field_id id,
    const void *base, struct sb_error *err)
{
	return put_fields(b, level, id, PF_NFIELDS, base, err);
}

char *
params_json_dump(const struct params *p, struct sb_error *err)
{
	struct buf b;

	buf_init(&b);
	if (put_object(&b, 0, PF_ROOT, p, err) == -1) {
		buf_clear(&b);
		return NULL;
	}
	json_put_end(&b, true);
	return buf_take(&b);
}

int
params_json_save_flags(const char *file, const struct params *p,
    unsigned flags, struct sb_error *err)
{
	char *text;
	int rc;

	if ((text = params_json_dump(p, err)) == NULL)
		return -1;
	rc = file_write_atomic_flags(file, text, strlen(text), flags, err);
	free(text);
	return rc;
}
