/* SPDX-License-Identifier: ISC */
/* sbpl-ops.c: the SBPL names: operations, aliases, filters, modifiers. */
#include "config.h"

#include "sbpl-ops.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "strmap.h"

/* The flags of the rows below, short so that a row fits on a line. */
#define TALLOW	SBPL_OP_TERMINAL_ALLOW
#define TDENY	SBPL_OP_TERMINAL_DENY
#define UNC	SBPL_OP_UNCERTAIN
#define NEWER	SBPL_OP_NEWER

/*
 * The operations: the macOS 13 table of SBPL-FACTS §3, then its newer
 * names, each row with its parent by name. Parents are §2.3's where it
 * gives them; elsewhere (UNC) the parent is inferred from the `*` naming:
 * the longest other `Y*` whose stem and a `-` begin the name, else default.
 * Terminal flags are §2.4's, all UNC as it says; an op under a terminal one
 * (nvram-get under nvram*) reaches the flag by its chain, not by a flag of
 * its own.
 */
struct op_row {
	const char	*name;
	const char	*parent;	/* NULL for default */
	unsigned	 flags;
};

static const struct op_row op_rows[] = {
	{ "default", NULL, 0 },
	/* §3 file; parents §2.3. file-clone, -link, -map-executable and
	 * -test-existence are terminal (§2.4), their parent still file*. */
	{ "file*", "default", 0 },
	{ "file-chroot", "file*", 0 },
	{ "file-clone", "file*", TALLOW | UNC },
	{ "file-ioctl", "file*", 0 },
	{ "file-issue-extension", "file*", 0 },
	{ "file-link", "file*", TALLOW | UNC },
	{ "file-map-executable", "file*", TALLOW | UNC },
	{ "file-mknod", "file*", 0 },
	{ "file-mount", "file*", 0 },
	{ "file-mount-update", "file-mount", 0 },
	{ "file-read*", "file*", 0 },
	{ "file-read-data", "file-read*", 0 },
	{ "file-read-metadata", "file-read*", 0 },
	{ "file-read-xattr", "file-read*", 0 },
	{ "file-revoke", "file*", 0 },
	{ "file-search", "file*", 0 },
	{ "file-test-existence", "file*", TALLOW | UNC },
	{ "file-unmount", "file*", 0 },
	{ "file-write*", "file*", 0 },
	{ "file-write-acl", "file-write*", 0 },
	{ "file-write-create", "file-write*", 0 },
	{ "file-write-data", "file-write*", 0 },
	{ "file-write-finderinfo", "file-write*", 0 },
	{ "file-write-flags", "file-write*", 0 },
	{ "file-write-mode", "file-write*", 0 },
	{ "file-write-owner", "file-write*", 0 },
	{ "file-write-setugid", "file-write*", TDENY | UNC },
	{ "file-write-times", "file-write*", 0 },
	{ "file-write-unlink", "file-write*", 0 },
	{ "file-write-xattr", "file-write*", 0 },
	/* §3 fs: no parent in §2.3, all from the naming. */
	{ "fs-quota*", "default", UNC },
	{ "fs-quota-get", "fs-quota*", UNC },
	{ "fs-quota-on", "fs-quota*", UNC },
	{ "fs-quota-off", "fs-quota*", UNC },
	{ "fs-quota-set*", "fs-quota*", UNC },
	{ "fs-quota-set-limits", "fs-quota-set*", UNC },
	{ "fs-quota-set-usage", "fs-quota-set*", UNC },
	{ "fs-quota-stat", "fs-quota*", UNC },
	{ "fs-quota-sync", "fs-quota*", UNC },
	{ "fs-rename", "default", UNC },
	{ "fs-snapshot*", "default", UNC },
	{ "fs-snapshot-create", "fs-snapshot*", UNC },
	{ "fs-snapshot-delete", "fs-snapshot*", UNC },
	{ "fs-snapshot-mount", "fs-snapshot*", UNC },
	{ "fs-snapshot-revert", "fs-snapshot*", UNC },
	/* §3 network; parents §2.3 (network-bind under network-inbound).
	 * Of the related ops, socket-* and necp-client-open have no `socket*`
	 * or `necp*` above them, so they sit under default; system-socket and
	 * system-necp-client-action are with system below. */
	{ "network*", "default", 0 },
	{ "network-inbound", "network*", 0 },
	{ "network-bind", "network-inbound", 0 },
	{ "network-outbound", "network*", 0 },
	{ "socket-ioctl", "default", TALLOW | UNC },
	{ "socket-option*", "default", UNC },
	{ "socket-option-get", "socket-option*", UNC },
	{ "socket-option-set", "socket-option*", UNC },
	{ "necp-client-open", "default", UNC },
	/* §3 mach; parents §2.3. Its mach-task-name under mach* is 10.15's,
	 * before mach-task*: here it is under mach-task*, inferred. */
	{ "mach*", "default", 0 },
	{ "mach-bootstrap", "mach*", UNC },
	{ "mach-cross-domain-lookup", "mach*", TALLOW | UNC },
	{ "mach-derive-port", "mach*", UNC },
	{ "mach-host*", "mach*", 0 },
	{ "mach-host-exception-port-set", "mach-host*", 0 },
	{ "mach-host-special-port-set", "mach-host*", 0 },
	{ "mach-issue-extension", "mach*", 0 },
	{ "mach-kernel-endpoint", "mach*", UNC },
	{ "mach-lookup", "mach*", 0 },
	{ "mach-priv*", "mach*", 0 },
	{ "mach-priv-host-port", "mach-priv*", 0 },
	{ "mach-priv-task-port", "mach-priv*", 0 },
	{ "mach-register", "mach*", 0 },
	{ "mach-task*", "mach*", UNC },
	{ "mach-task-inspect", "mach-task*", UNC },
	{ "mach-task-name", "mach-task*", UNC },
	{ "mach-task-read", "mach-task*", UNC },
	{ "mach-task-special-port*", "mach-task*", UNC },
	{ "mach-task-special-port-get", "mach-task-special-port*", UNC },
	{ "mach-task-special-port-set", "mach-task-special-port*", UNC },
	/* §3 ipc; parents §2.3. ipc-posix-shm-read* and
	 * ipc-posix-shm-read-metadata are the prelude's (see aliases). */
	{ "ipc*", "default", 0 },
	{ "ipc-posix*", "ipc*", 0 },
	{ "ipc-posix-issue-extension", "ipc-posix*", 0 },
	{ "ipc-posix-sem*", "ipc-posix*", 0 },
	{ "ipc-posix-sem-create", "ipc-posix-sem*", 0 },
	{ "ipc-posix-sem-open", "ipc-posix-sem*", 0 },
	{ "ipc-posix-sem-post", "ipc-posix-sem*", 0 },
	{ "ipc-posix-sem-unlink", "ipc-posix-sem*", 0 },
	{ "ipc-posix-sem-wait", "ipc-posix-sem*", 0 },
	{ "ipc-posix-shm*", "ipc-posix*", 0 },
	{ "ipc-posix-shm-read-data", "ipc-posix-shm*", 0 },
	{ "ipc-posix-shm-write*", "ipc-posix-shm*", 0 },
	{ "ipc-posix-shm-write-create", "ipc-posix-shm-write*", 0 },
	{ "ipc-posix-shm-write-data", "ipc-posix-shm-write*", 0 },
	{ "ipc-posix-shm-write-unlink", "ipc-posix-shm-write*", 0 },
	{ "ipc-sysv*", "ipc*", 0 },
	{ "ipc-sysv-msg", "ipc-sysv*", 0 },
	{ "ipc-sysv-sem", "ipc-sysv*", 0 },
	{ "ipc-sysv-shm", "ipc-sysv*", 0 },
	/* §3 process; process-exec* and process-fork from §2.3,
	 * process-info* and process-codesigning* from the naming. */
	{ "process*", "default", 0 },
	{ "process-exec*", "process*", 0 },
	{ "process-exec-interpreter", "process-exec*", 0 },
	{ "process-fork", "process*", 0 },
	{ "process-info*", "process*", TALLOW | UNC },
	{ "process-info-codesignature", "process-info*", TALLOW | UNC },
	{ "process-info-dirtycontrol", "process-info*", UNC },
	{ "process-info-ledger", "process-info*", UNC },
	{ "process-info-listpids", "process-info*", UNC },
	{ "process-info-rusage", "process-info*", UNC },
	{ "process-info-pidinfo", "process-info*", UNC },
	{ "process-info-pidfdinfo", "process-info*", UNC },
	{ "process-info-pidfileportinfo", "process-info*", UNC },
	{ "process-info-setcontrol", "process-info*", UNC },
	{ "process-codesigning*", "process*", UNC },
	{ "process-codesigning-blob-get", "process-codesigning*", UNC },
	{ "process-codesigning-cdhash-get", "process-codesigning*", UNC },
	{ "process-codesigning-entitlements-blob-get",
	    "process-codesigning*", UNC },
	{ "process-codesigning-entitlements-der-blob-get",
	    "process-codesigning*", UNC },
	{ "process-codesigning-identity-get", "process-codesigning*", UNC },
	{ "process-codesigning-status*", "process-codesigning*", UNC },
	{ "process-codesigning-status-set",
	    "process-codesigning-status*", UNC },
	{ "process-codesigning-status-get",
	    "process-codesigning-status*", UNC },
	{ "process-codesigning-teamid-get", "process-codesigning*", UNC },
	{ "process-codesigning-text-offset-get", "process-codesigning*", UNC },
	/* §3 signal, tty: leaves under default (§2.3). */
	{ "signal", "default", 0 },
	{ "pseudo-tty", "default", 0 },
	/* §3 sysctl; §2.3. sysctl-write is a table op, not the 10.15
	 * prelude's alias of sysctl* (§1.8). */
	{ "sysctl*", "default", 0 },
	{ "sysctl-read", "sysctl*", 0 },
	{ "sysctl-write", "sysctl*", 0 },
	/* §3 iokit; §2.3 (iokit-open* replaced 10.15's iokit-open, kept
	 * as an alias; its parent is inferred). */
	{ "iokit*", "default", 0 },
	{ "iokit-get-properties", "iokit*", TALLOW | UNC },
	{ "iokit-issue-extension", "iokit*", UNC },
	{ "iokit-open*", "iokit*", UNC },
	{ "iokit-open-user-client", "iokit-open*", 0 },
	{ "iokit-open-service", "iokit-open*", 0 },
	{ "iokit-set-properties", "iokit*", 0 },
	/* §3 preferences; §2.3. */
	{ "user-preference*", "default", 0 },
	{ "user-preference-read", "user-preference*", 0 },
	{ "managed-preference-read", "user-preference-read", 0 },
	{ "user-preference-write", "user-preference*", 0 },
	/* §3 system; §2.3 names system-socket, -audit, -fsctl, -info, -sched
	 * and system-kext*, the rest is from the naming. */
	{ "system*", "default", 0 },
	{ "system-acct", "system*", UNC },
	{ "system-audit", "system*", 0 },
	{ "system-automount", "system*", UNC },
	{ "system-debug", "system*", UNC },
	{ "system-fcntl", "system*", UNC },
	{ "system-fsctl", "system*", 0 },
	{ "system-info", "system*", 0 },
	{ "system-kext*", "system*", 0 },
	{ "system-kext-load", "system-kext*", 0 },
	{ "system-kext-unload", "system-kext*", 0 },
	{ "system-kext-query", "system-kext*", 0 },
	{ "system-mac*", "system*", UNC },
	{ "system-mac-label", "system-mac*", UNC },
	{ "system-mac-syscall", "system-mac*", UNC },
	{ "system-memorystatus-control", "system*", UNC },
	{ "system-necp-client-action", "system*", UNC },
	{ "system-nfssvc", "system*", UNC },
	{ "system-package-check", "system*", UNC },
	{ "system-privilege", "system*", TALLOW | UNC },
	{ "system-reboot", "system*", UNC },
	{ "system-sched", "system*", 0 },
	{ "system-set-time", "system*", UNC },
	{ "system-socket", "system*", 0 },
	{ "system-suspend-resume", "system*", UNC },
	{ "system-swap", "system*", UNC },
	/* §3 other; appleevent-send, device*, distributed-notification-post,
	 * job-creation and lsopen from §2.3, the rest from the naming. */
	{ "appleevent-send", "default", 0 },
	{ "authorization-right-obtain", "default", UNC },
	{ "boot-arg-set", "default", UNC },
	{ "device*", "default", 0 },
	{ "device-camera", "device*", 0 },
	{ "device-microphone", "device*", 0 },
	{ "darwin-notification-post", "default", TALLOW | UNC },
	{ "distributed-notification-post", "default", 0 },
	{ "dynamic-code-generation", "default", TALLOW | UNC },
	{ "generic-issue-extension", "default", UNC },
	{ "qtn-user", "default", UNC },
	{ "hid-control", "default", UNC },
	{ "job-creation", "default", TDENY | UNC },
	{ "lsopen", "default", 0 },
	{ "nvram*", "default", TALLOW | UNC },
	{ "nvram-delete", "nvram*", UNC },
	{ "nvram-get", "nvram*", UNC },
	{ "nvram-set", "nvram*", UNC },
	{ "opendirectory-user-modify", "default", UNC },
	{ "storage-class-map", "default", TDENY | UNC },
	{ "syscall*", "default", UNC },
	{ "syscall-unix", "syscall*", TALLOW | UNC },
	{ "syscall-mach", "syscall*", UNC },
	{ "syscall-mig", "syscall*", UNC },
	/* §3 newer names, after the 13 table: parents from the naming. */
	{ "system-kas-info", "system*", NEWER | UNC },
	{ "process-exec-update-label", "process-exec*", NEWER | UNC },
	{ "process-iopolicy*", "process*", NEWER | UNC },
	{ "sandbox-check", "default", NEWER | UNC },
	{ "exception-entitlement", "default", NEWER | UNC },
};
#define NOPS	(sizeof op_rows / sizeof op_rows[0])

/*
 * The prelude's aliases of operations (§1.8), with what they stand for; a
 * NULL target is a no-op alias. `iokit-open` is §3's: 10.15's name, still
 * written in profiles. `sysctl-write` is in §1.8 too (as sysctl*), but it
 * is a table op of 13, so it is an op here, not an alias.
 */
static const struct {
	const char	*name;
	const char	*target;
} op_aliases[] = {
	{ "process-exec", "process-exec*" },
	{ "ipc-posix-shm", "ipc-posix-shm*" },
	{ "ipc-posix-sem", "ipc-posix-sem*" },
	{ "file-unlink", "file-write-unlink" },
	{ "file-write-mount", "file-mount" },
	{ "file-write-unmount", "file-unmount" },
	{ "file-write-umount", "file-unmount" },
	{ "file-fsctl", "system-fsctl" },
	{ "system-misc", "system*" },
	{ "time-set", "system-set-time" },
	{ "managed-preference*", "managed-preference-read" },
	{ "ipc-posix-shm-read*", "ipc-posix-shm-read-data" },
	{ "iokit-open", "iokit-open*" },
	{ "ipc-posix-shm-read-metadata", NULL },
	{ "mach-per-user-lookup", NULL },
	{ "system-chud", NULL },
	{ "qtn-download", NULL },
};
#define NOP_ALIASES	(sizeof op_aliases / sizeof op_aliases[0])

/* A filter under its own name; a name filter X with X-prefix and X-regex
 * (§1.8: every path-like filter has both). */
#define FILTER(n, cls)	{ n, n, cls, SBPL_M_LITERAL, NULL }
#define NAME(b)								\
	{ b, b, SBPL_F_NAME, SBPL_M_LITERAL, b },			\
	{ b "-prefix", b "-prefix", SBPL_F_NAME, SBPL_M_PREFIX, b },	\
	{ b "-regex", b "-regex", SBPL_F_NAME, SBPL_M_REGEX, b }

static const struct sbpl_filter_def filters[] = {
	/* §4.1 and §1.8: paths. */
	{ "path", "path", SBPL_F_PATH, SBPL_M_LITERAL, NULL },
	{ "literal", "path", SBPL_F_PATH, SBPL_M_LITERAL, NULL },
	{ "path-literal", "path", SBPL_F_PATH, SBPL_M_LITERAL, NULL },
	{ "subpath", "subpath", SBPL_F_PATH, SBPL_M_SUBPATH, NULL },
	{ "path-prefix", "path-prefix", SBPL_F_PATH, SBPL_M_PREFIX, NULL },
	{ "prefix", "path-prefix", SBPL_F_PATH, SBPL_M_PREFIX, NULL },
	{ "path-regex", "path-regex", SBPL_F_PATH, SBPL_M_REGEX, NULL },
	{ "regex", "path-regex", SBPL_F_PATH, SBPL_M_REGEX, NULL },
	/* §4.2: names, each with its -prefix and -regex. */
	NAME("global-name"),
	NAME("local-name"),
	NAME("xpc-service-name"),
	NAME("sysctl-name"),
	NAME("ipc-posix-name"),
	NAME("preference-domain"),
	NAME("iokit-registry-entry-class"),
	{ "iokit-user-client-class", "iokit-registry-entry-class",
	    SBPL_F_NAME, SBPL_M_LITERAL, "iokit-registry-entry-class" },
	NAME("iokit-property"),
	NAME("control-name"),
	NAME("notification-name"),
	NAME("appleevent-destination"),
	NAME("right-name"),
	NAME("kext-bundle-id"),
	/* §4.3, §4.4 and §1.8: addresses and unix sockets. */
	FILTER("local", SBPL_F_NETWORK),
	FILTER("remote", SBPL_F_NETWORK),
	{ "from", "local", SBPL_F_NETWORK, SBPL_M_LITERAL, NULL },
	{ "to", "remote", SBPL_F_NETWORK, SBPL_M_LITERAL, NULL },
	/* §2.1 */
	FILTER("require-all", SBPL_F_COMBINATOR),
	FILTER("require-any", SBPL_F_COMBINATOR),
	FILTER("require-not", SBPL_F_COMBINATOR),
	/* §4.1, §4.2: symbols; `(tty)` is `(vnode-type TTY)` (§1.8). */
	FILTER("vnode-type", SBPL_F_SYMBOL),
	FILTER("tty", SBPL_F_SYMBOL),
	FILTER("socket-domain", SBPL_F_SYMBOL),
	FILTER("socket-type", SBPL_F_SYMBOL),
	FILTER("target", SBPL_F_SYMBOL),
	/* §4.1, §4.2: numbers. */
	FILTER("socket-protocol", SBPL_F_NUMBER),
	FILTER("file-mode", SBPL_F_NUMBER),
	FILTER("signal-number", SBPL_F_NUMBER),
	/* §4.1, §4.2: what depends on the process, not the profile. */
	FILTER("extension", SBPL_F_DYNAMIC),
	FILTER("extension-class", SBPL_F_DYNAMIC),
	FILTER("entitlement-is-present", SBPL_F_DYNAMIC),
	FILTER("entitlement-is-bool-true", SBPL_F_DYNAMIC),
	FILTER("entitlement-value", SBPL_F_DYNAMIC),
	FILTER("signing-identifier", SBPL_F_DYNAMIC),
	FILTER("csr", SBPL_F_DYNAMIC),
	/* §4.1, §4.2 (the macOS 15 table): known, not evaluated.
	 * process-path is the path of a process, not of the checked file. */
	FILTER("xattr", SBPL_F_OTHER),
	FILTER("mount-relative-path", SBPL_F_OTHER),
	{ "mount-relative-literal", "mount-relative-path", SBPL_F_OTHER,
	    SBPL_M_LITERAL, NULL },
	FILTER("file-attribute", SBPL_F_OTHER),
	FILTER("iokit-connection", SBPL_F_OTHER),
	FILTER("info-type", SBPL_F_OTHER),
	FILTER("device-major", SBPL_F_OTHER),
	FILTER("device-minor", SBPL_F_OTHER),
	FILTER("ioctl-command", SBPL_F_OTHER),
	FILTER("fsctl-command", SBPL_F_OTHER),
	FILTER("fcntl-command", SBPL_F_OTHER),
	FILTER("process-path", SBPL_F_OTHER),
	FILTER("process-attribute", SBPL_F_OTHER),
	FILTER("privilege-id", SBPL_F_OTHER),
	FILTER("uid", SBPL_F_OTHER),
	FILTER("nvram-variable", SBPL_F_OTHER),
	FILTER("syscall-number", SBPL_F_OTHER),
	FILTER("semaphore-owner", SBPL_F_OTHER),
	FILTER("socket-option-level", SBPL_F_OTHER),
	FILTER("socket-option-name", SBPL_F_OTHER),
	FILTER("mac-policy-name", SBPL_F_OTHER),
	FILTER("necp-client-action", SBPL_F_OTHER),
};
#define NFILTERS	(sizeof filters / sizeof filters[0])

/* The modifiers of `(with ...)`: §2.5's, then the rest of its macOS 15.2
 * list. */
static const char *const modifiers[] = {
	"report",
	"no-report",
	"no-log",		/* alias of no-report */
	"send-signal",
	"no-sandbox",
	"no-profile",		/* alias of no-sandbox */
	"message",
	"errno",
	"termination",		/* (with send-signal SIGKILL), deprecated */
	"grant",
	"sip-override",
	"no-times",
	"user-approval",
	"default-sandbox",
	"assign-storage-class",
	"authority",
	"telemetry",
	"telemetry-backtrace",
	"no-approval-prompt",
	"enable-state-flag",
	"no-storage-class",
	"message-filter",
};
#define NMODIFIERS	(sizeof modifiers / sizeof modifiers[0])

/*
 * The tables above are in the order of the facts, for reading; lookups go
 * through hash tables of the names, built with the parents' indexes at the
 * first call (the evaluator looks up every operation of a profile; a
 * table sorted at start would cost more than a short run's whole lookup).
 * Not for two threads' first calls at once; the program has one thread.
 */
static struct sbpl_op	ops[NOPS];
static struct strmap	ops_byname;
static struct strmap	filters_byname;
static bool		ready;

/* The table index of name in map, or -1. */
static int
find(const struct strmap *map, const char *name)
{
	size_t len = strlen(name), *i;

	i = strmap_get(map, name, len, hash_bytes(name, len));
	return i == NULL ? -1 : (int)*i;
}

static void
index_name(struct strmap *map, const char *name, size_t i)
{
	size_t len = strlen(name);

	*strmap_put(map, name, len, hash_bytes(name, len), NULL) = i;
}

static void
init(void)
{
	size_t i;

	if (ready)
		return;
	strmap_reserve(&ops_byname, NOPS);
	for (i = 0; i < NOPS; i++)
		index_name(&ops_byname, op_rows[i].name, i);
	for (i = 0; i < NOPS; i++) {
		ops[i].name = op_rows[i].name;
		ops[i].flags = op_rows[i].flags;
		if (op_rows[i].parent == NULL)
			ops[i].parent = -1;
		else
			ops[i].parent = find(&ops_byname, op_rows[i].parent);
		assert(ops[i].parent != -1 || i == SBPL_OP_DEFAULT);
	}
	strmap_reserve(&filters_byname, NFILTERS);
	for (i = 0; i < NFILTERS; i++)
		index_name(&filters_byname, filters[i].name, i);
	ready = true;
}

size_t
sbpl_op_count(void)
{
	return NOPS;
}

const struct sbpl_op *
sbpl_op_at(int i)
{
	if (i < 0 || (size_t)i >= NOPS)
		return NULL;
	init();
	return &ops[i];
}

int
sbpl_op_lookup(const char *name, const char **alias_of)
{
	size_t i;
	int op;

	init();
	if (alias_of != NULL)
		*alias_of = NULL;
	if ((op = find(&ops_byname, name)) != -1)
		return op;
	for (i = 0; i < NOP_ALIASES; i++) {
		if (strcmp(name, op_aliases[i].name) != 0)
			continue;
		if (op_aliases[i].target == NULL)
			return -2;
		if (alias_of != NULL)
			*alias_of = op_aliases[i].target;
		return find(&ops_byname, op_aliases[i].target);
	}
	return -1;
}

const struct sbpl_filter_def *
sbpl_filter_find(const char *name)
{
	int i;

	init();
	if ((i = find(&filters_byname, name)) == -1)
		return NULL;
	return &filters[i];
}

bool
sbpl_modifier_known(const char *name)
{
	size_t i;

	for (i = 0; i < NMODIFIERS; i++) {
		if (strcmp(name, modifiers[i]) == 0)
			return true;
	}
	return false;
}

/* The longest name sbpl_suggest compares; SBPL's names are much shorter. */
#define SUGGEST_MAX	64
/* The largest distance it suggests at. */
#define SUGGEST_DIST	2

/*
 * The Levenshtein distance of a (alen bytes) and b, or SUGGEST_DIST + 1
 * when it is more than SUGGEST_DIST: two rows, and a row whose least
 * value is already too far ends the walk.
 */
static size_t
distance(const char *a, size_t alen, const char *b)
{
	size_t row[2][SUGGEST_MAX + 1], blen, i, j, least, v;
	size_t *prev, *cur, *t;

	blen = strlen(b);
	if (blen > SUGGEST_MAX ||
	    (alen > blen ? alen - blen : blen - alen) > SUGGEST_DIST)
		return SUGGEST_DIST + 1;
	prev = row[0];
	cur = row[1];
	for (j = 0; j <= blen; j++)
		prev[j] = j;
	for (i = 1; i <= alen; i++) {
		cur[0] = least = i;
		for (j = 1; j <= blen; j++) {
			v = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			cur[j] = v;
			if (v < least)
				least = v;
		}
		if (least > SUGGEST_DIST)
			return SUGGEST_DIST + 1;
		t = prev;
		prev = cur;
		cur = t;
	}
	return prev[blen];
}

/* Keeps candidate as *best when it is nearer to name than *best was. */
static void
consider(const char *name, size_t len, const char *candidate,
    const char **best, size_t *dist)
{
	size_t d;

	if (strcmp(name, candidate) == 0)
		return;
	d = distance(name, len, candidate);
	if (d < *dist) {
		*best = candidate;
		*dist = d;
	}
}

const char *
sbpl_suggest(const char *name, enum sbpl_names kind)
{
	const char *best = NULL;
	size_t dist = SUGGEST_DIST + 1, len, i;

	if ((len = strlen(name)) > SUGGEST_MAX)
		return NULL;
	switch (kind) {
	case SBPL_N_OPERATION:
		for (i = 0; i < NOPS; i++)
			consider(name, len, op_rows[i].name, &best, &dist);
		for (i = 0; i < NOP_ALIASES; i++) {
			if (op_aliases[i].target != NULL)
				consider(name, len, op_aliases[i].name, &best,
				    &dist);
		}
		break;
	case SBPL_N_FILTER:
		for (i = 0; i < NFILTERS; i++)
			consider(name, len, filters[i].name, &best, &dist);
		break;
	case SBPL_N_MODIFIER:
		for (i = 0; i < NMODIFIERS; i++)
			consider(name, len, modifiers[i], &best, &dist);
		break;
	}
	return best;
}
