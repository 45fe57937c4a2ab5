/* SPDX-License-Identifier: ISC */
/* test_sbpl_ops.c: the SBPL names: operations and parents, aliases, filters,
 * modifiers, suggestions. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sbpl-ops.h"

#define N(a)	(sizeof (a) / sizeof (a)[0])

/* The macOS 13 table of SBPL-FACTS §3, default first. */
static const char *const table13[] = {
		"default", "file*", "file-chroot", "file-clone", "file-ioctl",
		"file-issue-extension", "file-link", "file-map-executable",
		"file-mknod", "file-mount", "file-mount-update", "file-read*",
		"file-read-data", "file-read-metadata", "file-read-xattr",
		"file-revoke", "file-search", "file-test-existence",
		"file-unmount", "file-write*", "file-write-acl",
		"file-write-create", "file-write-data",
		"file-write-finderinfo", "file-write-flags",
		"file-write-mode", "file-write-owner", "file-write-setugid",
		"file-write-times", "file-write-unlink", "file-write-xattr",
		"fs-quota*", "fs-quota-get", "fs-quota-on", "fs-quota-off",
		"fs-quota-set*", "fs-quota-set-limits", "fs-quota-set-usage",
		"fs-quota-stat", "fs-quota-sync", "fs-rename", "fs-snapshot*",
		"fs-snapshot-create", "fs-snapshot-delete",
		"fs-snapshot-mount", "fs-snapshot-revert", "network*",
		"network-inbound", "network-bind", "network-outbound",
		"system-socket", "socket-ioctl", "socket-option*",
		"socket-option-get", "socket-option-set", "necp-client-open",
		"system-necp-client-action", "mach*", "mach-bootstrap",
		"mach-cross-domain-lookup", "mach-derive-port", "mach-host*",
		"mach-host-exception-port-set", "mach-host-special-port-set",
		"mach-issue-extension", "mach-kernel-endpoint", "mach-lookup",
		"mach-priv*", "mach-priv-host-port", "mach-priv-task-port",
		"mach-register", "mach-task*", "mach-task-inspect",
		"mach-task-name", "mach-task-read", "mach-task-special-port*",
		"mach-task-special-port-get", "mach-task-special-port-set",
		"ipc*", "ipc-posix*", "ipc-posix-issue-extension",
		"ipc-posix-sem*", "ipc-posix-sem-create",
		"ipc-posix-sem-open", "ipc-posix-sem-post",
		"ipc-posix-sem-unlink", "ipc-posix-sem-wait",
		"ipc-posix-shm*", "ipc-posix-shm-read-data",
		"ipc-posix-shm-write*", "ipc-posix-shm-write-create",
		"ipc-posix-shm-write-data", "ipc-posix-shm-write-unlink",
		"ipc-sysv*", "ipc-sysv-msg", "ipc-sysv-sem", "ipc-sysv-shm",
		"process*", "process-exec*", "process-exec-interpreter",
		"process-fork", "process-info*", "process-info-codesignature",
		"process-info-dirtycontrol", "process-info-ledger",
		"process-info-listpids", "process-info-rusage",
		"process-info-pidinfo", "process-info-pidfdinfo",
		"process-info-pidfileportinfo", "process-info-setcontrol",
		"process-codesigning*", "process-codesigning-blob-get",
		"process-codesigning-cdhash-get",
		"process-codesigning-entitlements-blob-get",
		"process-codesigning-entitlements-der-blob-get",
		"process-codesigning-identity-get",
		"process-codesigning-status*",
		"process-codesigning-status-set",
		"process-codesigning-status-get",
		"process-codesigning-teamid-get",
		"process-codesigning-text-offset-get", "signal", "pseudo-tty",
		"sysctl*", "sysctl-read", "sysctl-write", "iokit*",
		"iokit-get-properties", "iokit-issue-extension",
		"iokit-open*", "iokit-open-user-client", "iokit-open-service",
		"iokit-set-properties", "user-preference*",
		"user-preference-read", "managed-preference-read",
		"user-preference-write", "system*", "system-acct",
		"system-audit", "system-automount", "system-debug",
		"system-fcntl", "system-fsctl", "system-info", "system-kext*",
		"system-kext-load", "system-kext-unload", "system-kext-query",
		"system-mac*", "system-mac-label", "system-mac-syscall",
		"system-memorystatus-control", "system-nfssvc",
		"system-package-check", "system-privilege", "system-reboot",
		"system-sched", "system-set-time", "system-suspend-resume",
		"system-swap", "appleevent-send",
		"authorization-right-obtain", "boot-arg-set", "device*",
		"device-camera", "device-microphone",
		"darwin-notification-post", "distributed-notification-post",
		"dynamic-code-generation", "generic-issue-extension",
		"qtn-user", "hid-control", "job-creation", "lsopen", "nvram*",
		"nvram-delete", "nvram-get", "nvram-set",
		"opendirectory-user-modify", "storage-class-map", "syscall*",
		"syscall-unix", "syscall-mach", "syscall-mig",
};

/* §3's newer names. */
static const char *const newer[] = {
		"system-kas-info", "process-exec-update-label",
		"process-iopolicy*", "sandbox-check", "exception-entitlement",
};

/* The index of an operation that must exist, not through an alias. */
static int
op(const char *name)
{
	const char *alias_of = "unset";
	int i;

	i = sbpl_op_lookup(name, &alias_of);
	if (i < 0)
		fail_msg("%s: not found (%d)", name, i);
	assert_null(alias_of);
	return i;
}

static void
ops_hold_exactly_the_names_of_the_table(void **state)
{
	const struct sbpl_op *o;
	size_t i;
	int k;

	(void)state;
	assert_int_equal(sbpl_op_count(), N(table13) + N(newer));
	o = sbpl_op_at(SBPL_OP_DEFAULT);
	assert_string_equal(o->name, "default");
	assert_int_equal(o->parent, -1);
	for (i = 0; i < N(table13); i++) {
		k = op(table13[i]);
		o = sbpl_op_at(k);
		assert_string_equal(o->name, table13[i]);
		if (o->flags & SBPL_OP_NEWER)
			fail_msg("%s: flagged newer", table13[i]);
	}
	for (i = 0; i < N(newer); i++) {
		o = sbpl_op_at(op(newer[i]));
		assert_string_equal(o->name, newer[i]);
		assert_true(o->flags & SBPL_OP_NEWER);
		assert_true(o->flags & SBPL_OP_UNCERTAIN);
	}
	assert_null(sbpl_op_at(-1));
	assert_null(sbpl_op_at((int)sbpl_op_count()));
}

static void
ops_each_lookup_gives_its_own_index(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sbpl_op_count(); i++)
		assert_int_equal(op(sbpl_op_at((int)i)->name), (int)i);
}

static void
ops_every_chain_ends_at_default(void **state)
{
	const struct sbpl_op *o;
	size_t i, steps;
	int k;

	(void)state;
	for (i = 0; i < sbpl_op_count(); i++) {
		k = (int)i;
		for (steps = 0; k != SBPL_OP_DEFAULT; steps++) {
			if (steps == sbpl_op_count())
				fail_msg("%s: a cycle",
				    sbpl_op_at((int)i)->name);
			o = sbpl_op_at(k);
			if (o->parent < 0)
				fail_msg("%s: no parent", o->name);
			k = o->parent;
		}
	}
}

static void
ops_chains_of_the_hierarchy(void **state)
{
	/* SBPL-FACTS §2.3, each from the op up to default. */
	static const char *const chains[][6] = {
		{ "file-read-data", "file-read*", "file*", "default" },
		{ "file-write-unlink", "file-write*", "file*", "default" },
		{ "file-mount-update", "file-mount", "file*", "default" },
		{ "network-bind", "network-inbound", "network*", "default" },
		{ "network-outbound", "network*", "default" },
		{ "managed-preference-read", "user-preference-read",
		    "user-preference*", "default" },
		{ "process-exec-interpreter", "process-exec*", "process*",
		    "default" },
		{ "ipc-posix-shm-write-data", "ipc-posix-shm-write*",
		    "ipc-posix-shm*", "ipc-posix*", "ipc*", "default" },
		{ "ipc-posix-sem-create", "ipc-posix-sem*", "ipc-posix*",
		    "ipc*", "default" },
		{ "ipc-sysv-msg", "ipc-sysv*", "ipc*", "default" },
		{ "mach-lookup", "mach*", "default" },
		{ "mach-host-special-port-set", "mach-host*", "mach*",
		    "default" },
		{ "iokit-open-user-client", "iokit-open*", "iokit*",
		    "default" },
		{ "sysctl-write", "sysctl*", "default" },
		{ "system-kext-load", "system-kext*", "system*", "default" },
		{ "device-camera", "device*", "default" },
		{ "signal", "default" },
		/* Inferred from the naming. */
		{ "mach-task-name", "mach-task*", "mach*", "default" },
		{ "process-codesigning-status-set",
		    "process-codesigning-status*", "process-codesigning*",
		    "process*", "default" },
		{ "fs-quota-set-limits", "fs-quota-set*", "fs-quota*",
		    "default" },
		{ "socket-option-get", "socket-option*", "default" },
		{ "nvram-get", "nvram*", "default" },
	};
	const struct sbpl_op *o;
	size_t i, j;
	int k;

	(void)state;
	for (i = 0; i < N(chains); i++) {
		k = op(chains[i][0]);
		for (j = 1; j < N(chains[i]) && chains[i][j] != NULL; j++) {
			o = sbpl_op_at(k);
			k = o->parent;
			if (k < 0 || strcmp(sbpl_op_at(k)->name,
			    chains[i][j]) != 0)
				fail_msg("%s: parent of %s is %s, not %s",
				    chains[i][0], o->name, k < 0 ? "none" :
				    sbpl_op_at(k)->name, chains[i][j]);
		}
		assert_int_equal(k, SBPL_OP_DEFAULT);
	}
}

static void
ops_inferred_parents_are_uncertain(void **state)
{
	static const char *const stated[] = {
		"file-read-data", "network-bind", "managed-preference-read",
		"mach-lookup", "ipc-posix-shm-write-data", "sysctl-write",
		"signal", "lsopen",
	};
	static const char *const inferred[] = {
		"mach-task-name", "mach-task*", "fs-quota*", "socket-ioctl",
		"process-codesigning*", "iokit-open*", "system-set-time",
		"nvram-get", "boot-arg-set",
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(stated); i++) {
		if (sbpl_op_at(op(stated[i]))->flags & SBPL_OP_UNCERTAIN)
			fail_msg("%s: uncertain", stated[i]);
	}
	for (i = 0; i < N(inferred); i++) {
		if (!(sbpl_op_at(op(inferred[i]))->flags & SBPL_OP_UNCERTAIN))
			fail_msg("%s: not uncertain", inferred[i]);
	}
}

static void
ops_terminal_ones_carry_their_flags(void **state)
{
	/* SBPL-FACTS §2.4. */
	static const char *const allow[] = {
		"darwin-notification-post", "dynamic-code-generation",
		"file-clone", "file-link", "file-map-executable",
		"file-test-existence", "iokit-get-properties",
		"mach-cross-domain-lookup", "nvram*", "process-info*",
		"process-info-codesignature", "socket-ioctl",
		"system-privilege", "syscall-unix",
	};
	static const char *const deny[] = {
		"file-write-setugid", "job-creation", "storage-class-map",
	};
	const struct sbpl_op *o;
	size_t i, nterm = 0;

	(void)state;
	for (i = 0; i < N(allow); i++) {
		o = sbpl_op_at(op(allow[i]));
		assert_int_equal(o->flags & (SBPL_OP_TERMINAL_ALLOW |
		    SBPL_OP_TERMINAL_DENY | SBPL_OP_UNCERTAIN),
		    SBPL_OP_TERMINAL_ALLOW | SBPL_OP_UNCERTAIN);
	}
	for (i = 0; i < N(deny); i++) {
		o = sbpl_op_at(op(deny[i]));
		assert_int_equal(o->flags & (SBPL_OP_TERMINAL_ALLOW |
		    SBPL_OP_TERMINAL_DENY | SBPL_OP_UNCERTAIN),
		    SBPL_OP_TERMINAL_DENY | SBPL_OP_UNCERTAIN);
	}
	for (i = 0; i < sbpl_op_count(); i++) {
		o = sbpl_op_at((int)i);
		if (o->flags & (SBPL_OP_TERMINAL_ALLOW | SBPL_OP_TERMINAL_DENY))
			nterm++;
	}
	assert_int_equal(nterm, N(allow) + N(deny));
	/* The children of a terminal op reach it by the chain. */
	o = sbpl_op_at(op("nvram-get"));
	assert_false(o->flags & SBPL_OP_TERMINAL_ALLOW);
	assert_true(sbpl_op_at(o->parent)->flags & SBPL_OP_TERMINAL_ALLOW);
	assert_false(sbpl_op_at(op("file-read-data"))->flags &
	    (SBPL_OP_TERMINAL_ALLOW | SBPL_OP_TERMINAL_DENY));
}

static void
ops_aliases_resolve(void **state)
{
	/* SBPL-FACTS §1.8, and §3's iokit-open. */
	static const struct {
		const char	*alias, *target;
	} aliases[] = {
		{ "process-exec", "process-exec*" },
		{ "file-unlink", "file-write-unlink" },
		{ "ipc-posix-shm", "ipc-posix-shm*" },
		{ "ipc-posix-sem", "ipc-posix-sem*" },
		{ "iokit-open", "iokit-open*" },
		{ "file-write-mount", "file-mount" },
		{ "file-write-unmount", "file-unmount" },
		{ "file-write-umount", "file-unmount" },
		{ "file-fsctl", "system-fsctl" },
		{ "system-misc", "system*" },
		{ "time-set", "system-set-time" },
		{ "managed-preference*", "managed-preference-read" },
		{ "ipc-posix-shm-read*", "ipc-posix-shm-read-data" },
	};
	const char *alias_of;
	size_t i;
	int k;

	(void)state;
	for (i = 0; i < N(aliases); i++) {
		alias_of = NULL;
		k = sbpl_op_lookup(aliases[i].alias, &alias_of);
		assert_int_equal(k, op(aliases[i].target));
		assert_non_null(alias_of);
		assert_string_equal(alias_of, aliases[i].target);
		assert_int_equal(sbpl_op_lookup(aliases[i].alias, NULL), k);
	}
}

static void
ops_no_op_aliases_and_unknown_names(void **state)
{
	static const char *const noops[] = {
		"ipc-posix-shm-read-metadata", "mach-per-user-lookup",
		"system-chud", "qtn-download",
	};
	static const char *const unknown[] = {
		"", "xyzzy", "file-read", "File-read*", "file-read**",
		"netwrk-outbound", "file", "*", "default ",
	};
	const char *alias_of;
	size_t i;

	(void)state;
	for (i = 0; i < N(noops); i++) {
		alias_of = "unset";
		assert_int_equal(sbpl_op_lookup(noops[i], &alias_of), -2);
		assert_null(alias_of);
	}
	for (i = 0; i < N(unknown); i++) {
		alias_of = "unset";
		assert_int_equal(sbpl_op_lookup(unknown[i], &alias_of), -1);
		assert_null(alias_of);
	}
}

static void
suggest_names_near_a_typo(void **state)
{
	static const struct {
		const char		*name;
		enum sbpl_names		 kind;
		const char		*want;
	} cases[] = {
		{ "netwrk-outbound", SBPL_N_OPERATION, "network-outbound" },
		{ "file-read", SBPL_N_OPERATION, "file-read*" },
		{ "file-write-data*", SBPL_N_OPERATION, "file-write-data" },
		{ "mach-lookpu", SBPL_N_OPERATION, "mach-lookup" },
		{ "process-exe", SBPL_N_OPERATION, "process-exec" },
		{ "xyzzy", SBPL_N_OPERATION, NULL },
		{ "", SBPL_N_OPERATION, NULL },
		{ "literl", SBPL_N_FILTER, "literal" },
		{ "global-name-regx", SBPL_N_FILTER, "global-name-regex" },
		{ "subpaht", SBPL_N_FILTER, "subpath" },
		{ "xyzzy", SBPL_N_FILTER, NULL },
		{ "no-reprot", SBPL_N_MODIFIER, "no-report" },
		{ "send-signl", SBPL_N_MODIFIER, "send-signal" },
		{ "xyzzy", SBPL_N_MODIFIER, NULL },
	};
	char longname[200];
	const char *got;
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		got = sbpl_suggest(cases[i].name, cases[i].kind);
		if (cases[i].want == NULL && got != NULL)
			fail_msg("%s: suggests %s", cases[i].name, got);
		if (cases[i].want != NULL && (got == NULL ||
		    strcmp(got, cases[i].want) != 0))
			fail_msg("%s: suggests %s, not %s", cases[i].name,
			    got == NULL ? "nothing" : got, cases[i].want);
	}
	/* Never the name itself. */
	for (i = 0; i < sbpl_op_count(); i++) {
		got = sbpl_suggest(sbpl_op_at((int)i)->name, SBPL_N_OPERATION);
		if (got != NULL && strcmp(got, sbpl_op_at((int)i)->name) == 0)
			fail_msg("%s: suggests itself", got);
	}
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	assert_null(sbpl_suggest(longname, SBPL_N_OPERATION));
}

/* Every filter the facts name (§1.8, §2.1, §4.1-§4.4). */
static const char *const filter_names[] = {
		"path", "literal", "path-literal", "subpath", "path-prefix",
		"prefix", "path-regex", "regex", "global-name",
		"global-name-prefix", "global-name-regex", "local-name",
		"local-name-prefix", "local-name-regex", "xpc-service-name",
		"xpc-service-name-prefix", "xpc-service-name-regex",
		"sysctl-name", "sysctl-name-prefix", "sysctl-name-regex",
		"ipc-posix-name", "ipc-posix-name-prefix",
		"ipc-posix-name-regex", "preference-domain",
		"preference-domain-prefix", "preference-domain-regex",
		"iokit-registry-entry-class",
		"iokit-registry-entry-class-prefix",
		"iokit-registry-entry-class-regex", "iokit-property",
		"iokit-property-prefix", "iokit-property-regex",
		"control-name", "control-name-prefix", "control-name-regex",
		"notification-name", "notification-name-prefix",
		"notification-name-regex", "appleevent-destination",
		"appleevent-destination-prefix",
		"appleevent-destination-regex", "right-name",
		"right-name-prefix", "right-name-regex", "kext-bundle-id",
		"kext-bundle-id-prefix", "kext-bundle-id-regex",
		"iokit-user-client-class", "local", "remote", "from", "to",
		"require-all", "require-any", "require-not", "vnode-type",
		"tty", "socket-domain", "socket-type", "target",
		"socket-protocol", "file-mode", "signal-number", "extension",
		"extension-class", "entitlement-is-present",
		"entitlement-is-bool-true", "entitlement-value",
		"signing-identifier", "csr", "xattr", "mount-relative-path",
		"mount-relative-literal", "file-attribute",
		"iokit-connection", "info-type", "device-major",
		"device-minor", "ioctl-command", "fsctl-command",
		"fcntl-command", "process-path", "process-attribute",
		"privilege-id", "uid", "nvram-variable", "syscall-number",
		"semaphore-owner", "socket-option-level",
		"socket-option-name", "mac-policy-name", "necp-client-action",
};

static void
filters_every_name_is_found(void **state)
{
	const struct sbpl_filter_def *f, *c;
	size_t i;

	(void)state;
	for (i = 0; i < N(filter_names); i++) {
		if ((f = sbpl_filter_find(filter_names[i])) == NULL)
			fail_msg("%s: not found", filter_names[i]);
		assert_string_equal(f->name, filter_names[i]);
		/* A canonical name is a filter of its own, of one class. */
		c = sbpl_filter_find(f->canonical);
		assert_non_null(c);
		assert_string_equal(c->canonical, c->name);
		assert_int_equal(c->cls, f->cls);
		assert_int_equal(c->match, f->match);
		if (f->cls == SBPL_F_NAME) {
			assert_non_null(f->base);
			assert_non_null(sbpl_filter_find(f->base));
		} else
			assert_null(f->base);
	}
	assert_null(sbpl_filter_find("xyzzy"));
	assert_null(sbpl_filter_find("literal-prefix"));
	assert_null(sbpl_filter_find(""));
}

static void
filters_aliases_and_kinds(void **state)
{
	static const struct {
		const char		*name, *canonical;
		enum sbpl_fclass	 cls;
		enum sbpl_fmatch	 match;
		const char		*base;
	} cases[] = {
		{ "literal", "path", SBPL_F_PATH, SBPL_M_LITERAL, NULL },
		{ "path", "path", SBPL_F_PATH, SBPL_M_LITERAL, NULL },
		{ "subpath", "subpath", SBPL_F_PATH, SBPL_M_SUBPATH, NULL },
		{ "prefix", "path-prefix", SBPL_F_PATH, SBPL_M_PREFIX, NULL },
		{ "regex", "path-regex", SBPL_F_PATH, SBPL_M_REGEX, NULL },
		{ "path-literal", "path", SBPL_F_PATH, SBPL_M_LITERAL, NULL },
		{ "from", "local", SBPL_F_NETWORK, SBPL_M_LITERAL, NULL },
		{ "to", "remote", SBPL_F_NETWORK, SBPL_M_LITERAL, NULL },
		{ "iokit-user-client-class", "iokit-registry-entry-class",
		    SBPL_F_NAME, SBPL_M_LITERAL, "iokit-registry-entry-class" },
		{ "global-name", "global-name", SBPL_F_NAME, SBPL_M_LITERAL,
		    "global-name" },
		{ "global-name-regex", "global-name-regex", SBPL_F_NAME,
		    SBPL_M_REGEX, "global-name" },
		{ "sysctl-name-prefix", "sysctl-name-prefix", SBPL_F_NAME,
		    SBPL_M_PREFIX, "sysctl-name" },
		{ "require-not", "require-not", SBPL_F_COMBINATOR,
		    SBPL_M_LITERAL, NULL },
		{ "tty", "tty", SBPL_F_SYMBOL, SBPL_M_LITERAL, NULL },
		{ "socket-domain", "socket-domain", SBPL_F_SYMBOL,
		    SBPL_M_LITERAL, NULL },
		{ "file-mode", "file-mode", SBPL_F_NUMBER, SBPL_M_LITERAL,
		    NULL },
		{ "signing-identifier", "signing-identifier", SBPL_F_DYNAMIC,
		    SBPL_M_LITERAL, NULL },
		{ "mount-relative-literal", "mount-relative-path",
		    SBPL_F_OTHER, SBPL_M_LITERAL, NULL },
	};
	const struct sbpl_filter_def *f;
	size_t i;

	(void)state;
	for (i = 0; i < N(cases); i++) {
		f = sbpl_filter_find(cases[i].name);
		assert_non_null(f);
		assert_string_equal(f->canonical, cases[i].canonical);
		assert_int_equal(f->cls, cases[i].cls);
		if (f->cls == SBPL_F_PATH || f->cls == SBPL_F_NAME)
			assert_int_equal(f->match, cases[i].match);
		if (cases[i].base == NULL)
			assert_null(f->base);
		else
			assert_string_equal(f->base, cases[i].base);
	}
}

static void
modifiers_of_with(void **state)
{
	/* SBPL-FACTS §2.5. */
	static const char *const known[] = {
		"report", "no-report", "no-log", "send-signal", "no-sandbox",
		"no-profile", "message", "errno", "termination", "grant",
		"sip-override", "no-times", "user-approval", "default-sandbox",
		"assign-storage-class", "authority", "telemetry",
		"telemetry-backtrace", "no-approval-prompt",
		"enable-state-flag", "no-storage-class", "message-filter",
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(known); i++) {
		if (!sbpl_modifier_known(known[i]))
			fail_msg("%s: not known", known[i]);
	}
	assert_false(sbpl_modifier_known("reports"));
	assert_false(sbpl_modifier_known(""));
	assert_false(sbpl_modifier_known("literal"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ops_hold_exactly_the_names_of_the_table),
		cmocka_unit_test(ops_each_lookup_gives_its_own_index),
		cmocka_unit_test(ops_every_chain_ends_at_default),
		cmocka_unit_test(ops_chains_of_the_hierarchy),
		cmocka_unit_test(ops_inferred_parents_are_uncertain),
		cmocka_unit_test(ops_terminal_ones_carry_their_flags),
		cmocka_unit_test(ops_aliases_resolve),
		cmocka_unit_test(ops_no_op_aliases_and_unknown_names),
		cmocka_unit_test(suggest_names_near_a_typo),
		cmocka_unit_test(filters_every_name_is_found),
		cmocka_unit_test(filters_aliases_and_kinds),
		cmocka_unit_test(modifiers_of_with),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
