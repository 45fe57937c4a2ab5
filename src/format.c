/* SPDX-License-Identifier: ISC */
/* format.c: the output formats of generate, in one table: name -> writer. */
#include "config.h"

#include "format.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "launch.h"
#include "shquote.h"
#include "unicode.h"
#include "xmalloc.h"

/*
 * Writes the member `"key": [...]`, one string of v[0..n) on each line;
 * last says whether it ends the object. Fails, err naming "key[i]", on a
 * string that is not UTF-8, which JSON cannot hold.
 */
static int
put_strings(struct buf *b, const char *key, char *const *v, size_t n,
    bool last, struct sb_error *err)
{
	size_t i;

	json_put_key(b, 1, key);
	buf_puts(b, n == 0 ? "[]" : "[\n");
	for (i = 0; i < n; i++) {
		if (!utf8_valid(v[i])) {
			sb_error_set(err, SB_EINVAL, "%s[%zu]: not valid UTF-8",
			    key, i);
			return -1;
		}
		json_put_indent(b, 2);
		json_put_string(b, v[i]);
		json_put_end(b, i + 1 == n);
	}
	if (n > 0) {
		json_put_indent(b, 1);
		buf_putc(b, ']');
	}
	json_put_end(b, last);
	return 0;
}

char *
format_json(const struct gen_result *r, char *const argv[],
    struct sb_error *err)
{
	struct buf b;
	char **msgs;
	size_t i, n;
	int rc;

	buf_init(&b);
	if (!utf8_valid(r->profile)) {
		sb_error_set(err, SB_EINVAL, "profile: not valid UTF-8");
		goto fail;
	}
	buf_puts(&b, "{\n");
	json_put_key(&b, 1, "profile");
	json_put_string(&b, r->profile);
	json_put_end(&b, false);

	json_put_key(&b, 1, "params");
	buf_puts(&b, r->nparams == 0 ? "[]" : "[\n");
	for (i = 0; i < r->nparams; i++) {
		if (!utf8_valid(r->params[i].key)) {
			sb_error_set(err, SB_EINVAL, "params[%zu]: not valid "
			    "UTF-8", i);
			goto fail;
		}
		if (!utf8_valid(r->params[i].value)) {
			sb_error_set(err, SB_EINVAL, "%s: value is not valid "
			    "UTF-8, which JSON cannot hold", r->params[i].key);
			goto fail;
		}
		json_put_indent(&b, 2);
		buf_putc(&b, '[');
		json_put_string(&b, r->params[i].key);
		buf_puts(&b, ", ");
		json_put_string(&b, r->params[i].value);
		buf_putc(&b, ']');
		json_put_end(&b, i + 1 == r->nparams);
	}
	if (r->nparams > 0) {
		json_put_indent(&b, 1);
		buf_putc(&b, ']');
	}
	json_put_end(&b, false);

	for (n = 0; argv != NULL && argv[n] != NULL; n++)
		continue;
	if (put_strings(&b, "argv", argv, n, false, err) == -1)
		goto fail;
	msgs = xcalloc(r->nwarnings + 1, sizeof *msgs);
	for (i = 0; i < r->nwarnings; i++)
		msgs[i] = r->warnings[i].msg;
	rc = put_strings(&b, "warnings", msgs, r->nwarnings, true, err);
	free(msgs);
	if (rc == -1)
		goto fail;
	buf_puts(&b, "}\n");
	return buf_take(&b);

fail:
	buf_clear(&b);
	return NULL;
}

/* The sbpl format: "; -D KEY=VALUE" comment lines, then the profile. */
char *
format_sbpl(const struct gen_result *r)
{
	struct buf b;
	size_t i, plen = strlen(r->profile);

	/* About the size (a -D line is some 80 bytes), not a doubling for
	 * every megabyte; measuring each line would read every value twice,
	 * and a hundred thousand of them are far apart in memory. */
	buf_init(&b);
	buf_reserve(&b, plen + 1 + r->nparams * 80);
	for (i = 0; i < r->nparams; i++) {
		buf_add(&b, "; -D ", 5);
		buf_puts(&b, r->params[i].key);
		buf_putc(&b, '=');
		shquote_append_oneline(&b, r->params[i].value);
		buf_putc(&b, '\n');
	}
	if (r->nparams != 0)
		buf_putc(&b, '\n');
	buf_add(&b, r->profile, plen);
	return buf_take(&b);
}

char *
format_inline(const struct gen_result *r, struct sb_error *err)
{
	static const char open[] = "(param \"";
	const char *s = r->profile, *hit, *end, *value;
	const unsigned char *c;
	struct buf b;
	char show[SB_SHOW_MAX];
	size_t klen, next = 0, i, k;

	buf_init(&b);
	while ((hit = strstr(s, open)) != NULL) {
		buf_add(&b, s, (size_t)(hit - s));
		end = strchr(hit + sizeof open - 1, '"');
		klen = (size_t)(end - hit - (sizeof open - 1));
		/* The profile names its parameters in -D order, mostly: start
		 * where the last one was found, so a long list stays linear. */
		value = NULL;
		for (k = 0; k < r->nparams && value == NULL; k++) {
			i = (next + k) % r->nparams;
			if (strncmp(r->params[i].key, hit + sizeof open - 1,
			    klen) == 0 && r->params[i].key[klen] == '\0') {
				value = r->params[i].value;
				next = i;
			}
		}
		assert(value != NULL);	/* the generator wrote both */
		for (c = (const unsigned char *)value; *c != '\0'; c++) {
			if (*c < 0x20 || *c == 0x7f) {
				sb_error_set(err, SB_EINVAL, "inline: %s: a path "
				    "with a control character cannot be written "
				    "into a profile (use the sbpl format and -D)",
				    sb_show(show, sizeof show, value));
				buf_clear(&b);
				return NULL;
			}
		}
		if (gen_string_literal(&b, value) == -1) {
			sb_error_set(err, SB_ELIMIT, "inline: %s: a path of %zu "
			    "bytes is longer than the %d that the profile reader "
			    "accepts in one string (use the sbpl format and -D)",
			    sb_show(show, sizeof show, value), strlen(value),
			    GEN_LITERAL_MAX);
			buf_clear(&b);
			return NULL;
		}
		s = end + 2;	/* past the closing quote and ')' */
	}
	buf_puts(&b, s);
	return buf_take(&b);
}

static char *
write_sbpl(const struct gen_result *r, char *const cmd[], struct sb_error *err)
{
	(void)cmd;
	(void)err;
	return format_sbpl(r);
}

static char *
write_inline(const struct gen_result *r, char *const cmd[],
    struct sb_error *err)
{
	(void)cmd;
	return format_inline(r, err);
}

/* json and args show the vector run would exec, with a stand-in name for
 * the -f file that only run makes. */
static char *
write_json(const struct gen_result *r, char *const cmd[], struct sb_error *err)
{
	char **argv, *out;

	argv = launch_argv_new(r, "PROFILE_FILE", cmd);
	out = format_json(r, argv, err);
	launch_argv_free(argv);
	return out;
}

static char *
write_args(const struct gen_result *r, char *const cmd[], struct sb_error *err)
{
	char **argv, *line, *out;
	size_t n;

	(void)err;
	argv = launch_argv_new(r, "PROFILE_FILE", cmd);
	line = shquote_argv(argv);
	launch_argv_free(argv);
	n = strlen(line);
	out = xmalloc(n + 2);
	memcpy(out, line, n);
	memcpy(out + n, "\n", 2);
	free(line);
	return out;
}

static const struct format formats[] = {
	{ "sbpl", false, write_sbpl },
	{ "inline", false, write_inline },
	{ "json", true, write_json },
	{ "args", true, write_args },
};

const struct format *
format_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	}
	return NULL;
}

const struct format *
format_default(void)
{
	return &formats[0];
}

const struct format *
format_at(size_t i)
{
	return i < sizeof formats / sizeof formats[0] ? &formats[i] : NULL;
}
