/* SPDX-License-Identifier: ISC */
/* lineedit.c: the one-line text editor of the prompts, with file name completion. */
#include "config.h"

#include "lineedit.h"

#include <sys/stat.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "unicode.h"
#include "utf8.h"
#include "xmalloc.h"

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **
dir_posix_list(const char *dir, void *arg)
{
	DIR *d;
	struct dirent *de;
	struct stat st;
	char **v = NULL, *full;
	size_t n = 0, cap = 0;
	bool isdir;

	(void)arg;
	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL && n < UI_DIR_MAX) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		/* stat, not d_type: a symlink to a directory completes as one */
		xasprintf(&full, "%s/%s", dir, de->d_name);
		isdir = stat(full, &st) == 0 && S_ISDIR(st.st_mode);
		free(full);
		if (n + 2 > cap) {
			cap = cap == 0 ? 32 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		xasprintf(&v[n++], "%s%s", de->d_name, isdir ? "/" : "");
	}
	closedir(d);
	if (v == NULL)
		v = xcalloc(1, sizeof *v);
	v[n] = NULL;
	return v;
}

static enum ui_file_kind
dir_posix_kind(const char *path, void *arg)
{
	struct stat st;

	(void)arg;
	if (stat(path, &st) == -1)
		return UI_FILE_NONE;
	if (S_ISREG(st.st_mode))
		return UI_FILE_REGULAR;
	if (S_ISDIR(st.st_mode))
		return UI_FILE_DIR;
	return UI_FILE_OTHER;
}

static int
dir_posix_mkdir(const char *path, void *arg)
{
	(void)arg;
	return mkdir(path, 0700);
}

const struct ui_dir_ops ui_dir_posix = {
	dir_posix_list,
	dir_posix_kind,
	dir_posix_mkdir,
	NULL,
};

/*
 * A file name for the status line, as sb_show_name writes it: plain, or
 * quoted with its control bytes escaped when it has any.
 */
static void
put_name(struct buf *b, const char *name)
{
	size_t size = strlen(name) * 4 + 8;
	char *shown = xmalloc(size);

	buf_puts(b, sb_show_name(shown, size, name));
	free(shown);
}

void
ui_line_init(struct ui_line *l)
{
	memset(l, 0, sizeof *l);
}

void
ui_line_clear(struct ui_line *l)
{
	free(l->buf);
	ui_line_init(l);
}

static void
reserve(struct ui_line *l, size_t extra)
{
	if (l->len + extra + 1 <= l->cap)
		return;
	while (l->len + extra + 1 > l->cap)
		l->cap = l->cap == 0 ? 64 : l->cap * 2;
	if (l->buf == NULL) {
		l->buf = xmalloc(l->cap);
		l->buf[0] = '\0';
	} else
		l->buf = xreallocarray(l->buf, l->cap, 1);
}

void
ui_line_set(struct ui_line *l, const char *s)
{
	size_t n = strlen(s);

	l->len = 0;
	reserve(l, n);
	memcpy(l->buf, s, n + 1);
	l->len = l->cur = n;
}

const char *
ui_line_str(const struct ui_line *l)
{
	return l->buf != NULL ? l->buf : "";
}

static void
insert_bytes(struct ui_line *l, const char *s, size_t n)
{
	reserve(l, n);
	memmove(l->buf + l->cur + n, l->buf + l->cur, l->len - l->cur + 1);
	memcpy(l->buf + l->cur, s, n);
	l->len += n;
	l->cur += n;
}

void
ui_line_insert(struct ui_line *l, int c)
{
	char u[4];
	size_t n;

	if ((n = utf8_encode(c, u)) != 0)
		insert_bytes(l, u, n);
}

static bool
is_cont(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

static size_t
prev_char(const struct ui_line *l, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && is_cont(l->buf[at]))
		at--;
	return at;
}

static size_t
next_char(const struct ui_line *l, size_t at)
{
	if (at >= l->len)
		return l->len;
	at++;
	while (at < l->len && is_cont(l->buf[at]))
		at++;
	return at;
}

void
ui_line_left(struct ui_line *l)
{
	l->cur = prev_char(l, l->cur);
}

void
ui_line_right(struct ui_line *l)
{
	l->cur = next_char(l, l->cur);
}

void
ui_line_home(struct ui_line *l)
{
	l->cur = 0;
}

void
ui_line_end(struct ui_line *l)
{
	l->cur = l->len;
}

static void
cut(struct ui_line *l, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(l->buf + from, l->buf + to, l->len - to + 1);
	l->len -= to - from;
	l->cur = from;
}

void
ui_line_backspace(struct ui_line *l)
{
	cut(l, prev_char(l, l->cur), l->cur);
}

void
ui_line_delete(struct ui_line *l)
{
	size_t cur = l->cur;

	cut(l, cur, next_char(l, cur));
}

void
ui_line_kill(struct ui_line *l)
{
	cut(l, 0, l->cur);
}

void
ui_line_kill_word(struct ui_line *l)
{
	size_t i = l->cur;

	/* Blanks, then the word before them, as the shells' Ctrl-W: a
	 * path's slashes are part of its word. Bytes of a UTF-8 character
	 * are never blanks, so the cut is on a character boundary. */
	while (i > 0 && (l->buf[i - 1] == ' ' || l->buf[i - 1] == '\t'))
		i--;
	while (i > 0 && l->buf[i - 1] != ' ' && l->buf[i - 1] != '\t')
		i--;
	cut(l, i, l->cur);
}

size_t
ui_line_cursor_col(const struct ui_line *l)
{
	return l->buf != NULL ? (size_t)ui_utf8_width(l->buf, l->cur) : 0;
}

static void
free_names(char **v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/*
 * The last word of a command line s[0..n), read as shquote_split reads
 * it ('...' and "..." quote, a backslash escapes): its text, unquoted, as a
 * new string, and in *quote the quote still open at n (0 for none).
 */
static char *
shell_word(const char *s, size_t n, char *quote)
{
	struct buf w;
	size_t i;
	char q = 0, c;

	buf_init(&w);
	for (i = 0; i < n; i++) {
		c = s[i];
		if (q == 0 && (c == ' ' || c == '\t'))
			buf_reset(&w);
		else if (q == 0 && (c == '\'' || c == '"'))
			q = c;
		else if (q != 0 && c == q)
			q = 0;
		else if (c == '\\' && q != '\'' && i + 1 < n)
			buf_putc(&w, s[++i]);
		else
			buf_putc(&w, c);
	}
	*quote = q;
	return buf_take(&w);
}

/* Inserts s[0..n) so that the command line's parser reads back exactly s
 * inside the quote q that is open at the cursor. */
static void
insert_quoted(struct ui_line *l, const char *s, size_t n, char q)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (q == 0 && strchr(" \t'\"\\", s[i]) != NULL)
			insert_bytes(l, "\\", 1);
		else if (q == '"' && (s[i] == '"' || s[i] == '\\'))
			insert_bytes(l, "\\", 1);
		else if (q == '\'' && s[i] == '\'') {
			/* Close the quote, an escaped one, open again. */
			insert_bytes(l, "'\\''", 4);
			continue;
		}
		insert_bytes(l, s + i, 1);
	}
}

/*
 * The n matches (sorted here) of a word whose first blen bytes are typed:
 * their longest common continuation inserted at the cursor (as a shell
 * word, within quote, for last_word), and with more than one, *list (if
 * not NULL) naming them for the status line.
 */
static void
insert_common(struct ui_line *l, const char **match, size_t n, size_t blen,
    bool last_word, char quote, char **list)
{
	struct buf b;
	size_t common, i, k;

	if (n == 0)
		return;
	qsort(match, n, sizeof *match, cmp_str);
	common = strlen(match[0]);
	for (i = 1; i < n; i++) {
		k = 0;
		while (k < common && match[i][k] == match[0][k])
			k++;
		common = k;
	}
	/* "xé" and "xè" share a byte after the x, but not a character:
	 * inserting it would leave half a character. */
	common = ui_utf8_floor(match[0], strlen(match[0]), common);
	if (common > blen && last_word)
		insert_quoted(l, match[0] + blen, common - blen, quote);
	else if (common > blen)
		insert_bytes(l, match[0] + blen, common - blen);
	if (n > 1 && list != NULL) {
		buf_init(&b);
		buf_printf(&b, "%zu matches:", n);
		for (i = 0; i < n && b.len < 400; i++) {
			buf_putc(&b, ' ');
			put_name(&b, match[i]);
		}
		if (i < n)
			buf_puts(&b, " ...");
		*list = buf_take(&b);
	}
}

size_t
ui_line_complete(struct ui_line *l, const struct ui_dir_ops *ops,
    const char *cwd, const char *home, bool last_word, char **list)
{
	char *word, *dir, **names;
	const char *slash, *base, **match = NULL;
	struct buf b;
	size_t blen, n = 0, i;
	char quote = 0;

	if (list != NULL)
		*list = NULL;
	/* A command line: the shell word at the cursor, quotes and
	 * backslashes undone ("a\ dir" is the name "a dir"). */
	if (last_word)
		word = shell_word(ui_line_str(l), l->cur, &quote);
	else
		word = xstrndup(ui_line_str(l), l->cur);

	/* The directory to list, expanded; the word keeps its own form. */
	slash = strrchr(word, '/');
	base = slash != NULL ? slash + 1 : word;
	buf_init(&b);
	if (strncmp(word, "~/", 2) == 0 && home != NULL) {
		buf_puts(&b, home);
		buf_add(&b, word + 1, (size_t)(base - word - 1));
	} else if (word[0] == '/') {
		buf_add(&b, word, (size_t)(base - word));
	} else {
		buf_puts(&b, cwd != NULL ? cwd : ".");
		buf_putc(&b, '/');
		buf_add(&b, word, (size_t)(base - word));
	}
	dir = buf_take(&b);
	if (dir[0] == '\0') {
		free(dir);
		dir = xstrdup("/");
	}
	names = ops->list(dir, ops->arg);
	free(dir);
	if (names == NULL) {
		free(word);
		return 0;
	}

	blen = strlen(base);
	for (i = 0; names[i] != NULL; i++) {
		/* Hidden names only when asked for, as shells do. */
		if (names[i][0] == '.' && base[0] != '.')
			continue;
		if (strncmp(names[i], base, blen) != 0)
			continue;
		match = xreallocarray(match, n + 1, sizeof *match);
		match[n++] = names[i];
	}
	insert_common(l, match, n, blen, last_word, quote, list);
	free(match);
	free_names(names);
	free(word);
	return n;
}

size_t
ui_line_complete_word(struct ui_line *l, const char *const *words,
    char **list)
{
	const char *s = ui_line_str(l), *start = s + strspn(s, " \t");
	const char **match = NULL;
	size_t blen, n = 0, i;

	if (list != NULL)
		*list = NULL;
	blen = l->cur > (size_t)(start - s) ? l->cur - (size_t)(start - s) : 0;
	for (i = 0; words[i] != NULL; i++) {
		if (strncmp(words[i], start, blen) != 0)
			continue;
		match = xreallocarray(match, n + 1, sizeof *match);
		match[n++] = words[i];
	}
	insert_common(l, match, n, blen, false, 0, list);
	/* One word: the blank before what follows it, as a shell puts
	 * (the text is read again: the insert may have moved it). */
	if (n == 1 && ui_line_str(l)[l->cur] != ' ')
		insert_bytes(l, " ", 1);
	free(match);
	return n;
}
