/* normalize_syscall - the SYSCALL based events of the normalizer: the
 * subject from the SYSCALL record, the action from the syscall's class,
 * the object from the PATH/SOCKADDR records (audit 3.0.9 auparse
 * normalize_compound/normalize_syscall semantics, checked against
 * /sbin/ausearch --format csv/text). */
#include "normalize_int.h"

#include <stdlib.h>
#include <string.h>

enum norm_class {
	C_UNKNOWN, C_FILE, C_FILE_CHATTR, C_FILE_CHPERM, C_FILE_CHOWN,
	C_FILE_LDMOD, C_FILE_UNLDMOD, C_FILE_DIR, C_FILE_MOUNT, C_FILE_RENAME,
	C_FILE_STAT, C_FILE_SYS_STAT, C_FILE_LNK, C_FILE_UMNT, C_FILE_DEL,
	C_FILE_TIME, C_EXEC, C_SOCKET_ACCEPT, C_SOCKET_BIND, C_SOCKET_CONN,
	C_SOCKET_RECV, C_SOCKET_SEND, C_PID, C_UID, C_GID, C_SYSTEM_TIME,
	C_MAKE_DEV, C_SYSTEM_NAME, C_SYSTEM_MEMORY, C_SCHEDULER, C_MAC,
	C_MAC_ERR, C_IPTABLES, C_PROMISCUOUS, C_MAC_LOAD, C_MAC_ENFORCE,
	C_MAC_CONFIG, C_AV, C_BPF,
};

static const struct { const char *name; unsigned char c; } classes[] = {
	{ "access", C_FILE_STAT }, { "faccessat", C_FILE_STAT },
	{ "faccessat2", C_FILE_STAT }, { "chmod", C_FILE_CHPERM },
	{ "fchmod", C_FILE_CHPERM }, { "fchmodat", C_FILE_CHPERM },
	{ "chown", C_FILE_CHOWN }, { "fchown", C_FILE_CHOWN },
	{ "fchownat", C_FILE_CHOWN }, { "lchown", C_FILE_CHOWN },
	{ "finit_module", C_FILE_LDMOD }, { "init_module", C_FILE_LDMOD },
	{ "delete_module", C_FILE_UNLDMOD }, { "setxattr", C_FILE_CHATTR },
	{ "fsetxattr", C_FILE_CHATTR }, { "lsetxattr", C_FILE_CHATTR },
	{ "mkdir", C_FILE_DIR }, { "mkdirat", C_FILE_DIR },
	{ "mount", C_FILE_MOUNT }, { "newfstatat", C_FILE_STAT },
	{ "stat", C_FILE_STAT }, { "fstat", C_FILE_STAT },
	{ "lstat", C_FILE_STAT }, { "stat64", C_FILE_STAT },
	{ "statx", C_FILE_STAT }, { "statfs", C_FILE_SYS_STAT },
	{ "fstatfs", C_FILE_SYS_STAT }, { "creat", C_FILE },
	{ "fallocate", C_FILE }, { "truncate", C_FILE },
	{ "ftruncate", C_FILE }, { "memfd_create", C_FILE },
	{ "open", C_FILE }, { "openat", C_FILE }, { "openat2", C_FILE },
	{ "readlink", C_FILE }, { "readlinkat", C_FILE },
	{ "removexattr", C_FILE_CHATTR },
	{ "fremovexattr", C_FILE_CHATTR }, { "lremovexattr", C_FILE_CHATTR },
	{ "rename", C_FILE_RENAME }, { "renameat", C_FILE_RENAME },
	{ "renameat2", C_FILE_RENAME }, { "rmdir", C_FILE_DEL },
	{ "symlink", C_FILE_LNK }, { "symlinkat", C_FILE_LNK },
	{ "umount", C_FILE_UMNT }, { "umount2", C_FILE_UMNT },
	{ "unlink", C_FILE_DEL }, { "unlinkat", C_FILE_DEL },
	{ "utime", C_FILE_TIME }, { "utimes", C_FILE_TIME },
	{ "futimesat", C_FILE_TIME }, { "utimensat", C_FILE_TIME },
	{ "execve", C_EXEC }, { "execveat", C_EXEC },
	{ "accept", C_SOCKET_ACCEPT }, { "accept4", C_SOCKET_ACCEPT },
	{ "bind", C_SOCKET_BIND }, { "connect", C_SOCKET_CONN },
	{ "recvfrom", C_SOCKET_RECV }, { "recvmsg", C_SOCKET_RECV },
	{ "sendmsg", C_SOCKET_SEND }, { "sendto", C_SOCKET_SEND },
	{ "kill", C_PID }, { "tkill", C_PID }, { "tgkill", C_PID },
	{ "setuid", C_UID }, { "seteuid", C_UID }, { "setfsuid", C_UID },
	{ "setreuid", C_UID }, { "setresuid", C_UID }, { "setgid", C_GID },
	{ "setegid", C_GID }, { "setfsgid", C_GID }, { "setregid", C_GID },
	{ "setresgid", C_GID }, { "settimeofday", C_SYSTEM_TIME },
	{ "clock_settime", C_SYSTEM_TIME }, { "stime", C_SYSTEM_TIME },
	{ "adjtimex", C_SYSTEM_TIME }, { "mknod", C_MAKE_DEV },
	{ "mknodat", C_MAKE_DEV }, { "sethostname", C_SYSTEM_NAME },
	{ "setdomainname", C_SYSTEM_NAME }, { "mmap", C_SYSTEM_MEMORY },
	{ "brk", C_SYSTEM_MEMORY }, { "sched_setparam", C_SCHEDULER },
	{ "sched_setscheduler", C_SCHEDULER },
	{ "sched_setattr", C_SCHEDULER },
};

static int class_of(const char *sc)
{
	size_t i;

	for (i = 0; sc && i < sizeof classes / sizeof classes[0]; i++)
		if (!strcmp(classes[i].name, sc))
			return classes[i].c;
	return C_UNKNOWN;
}

static bool is(const char *a, const char *b)
{
	return a && !strcmp(a, b);
}

static int take(struct normalize *n, const char *name, int *slot)
{
	int i = norm_find(n, name);

	if (i >= 0)
		*slot = i;
	return i < 0;
}

/* the object kind from a PATH mode (octal, as logged) */
static void what_from_mode(struct normalize *n, struct span v)
{
	char buf[32];
	unsigned long m;
	char *end;

	if (v.n == 0 || v.n >= sizeof buf)
		return;
	memcpy(buf, v.p, v.n);
	buf[v.n] = 0;
	m = strtoul(buf, &end, 8) & 0170000;
	n->obj_kind = m == 0100000 ? W_FILE : m == 0040000 ? W_DIRECTORY :
		m == 0020000 ? W_CHAR_DEV : m == 0060000 ? W_BLOCK_DEV :
		m == 0010000 ? W_FIFO : m == 0120000 ? W_LINK :
		m == 0140000 ? W_SOCKET : n->obj_kind;
}

static void file_object(struct normalize *n, int adjust)
{
	unsigned parent = 0, rnum;
	int f = -1, i;

	norm_goto_record(n, (unsigned)(2 + adjust));
	norm_first_field(n);
	do {
		f = norm_find(n, "nametype");
		if (f >= 0) {
			if (!norm_val_is(n, f, "PARENT"))
				break;
			if (parent == 0)
				parent = n->cr;
		}
	} while (f >= 0 && norm_next_record(n) == 1);
	if (f < 0) {
		if (parent == 0)
			return;
		norm_goto_record(n, parent);
		norm_first_field(n);
		rnum = parent;
	} else {
		rnum = n->cr;
	}
	if (rnum >= n->nrec || n->rec[rnum].type != 1302)
		return;
	norm_first_field(n);
	take(n, "name", &n->obj_prime);
	take(n, "inode", &n->obj_sec);
	if ((i = norm_find(n, "mode")) >= 0)
		what_from_mode(n, norm_val(n, i));
}

/* the "obj" label among the PATH attributes (simple_file_attr) */
static void file_label(struct normalize *n)
{
	unsigned r, parent = 0;
	int i;

	if (!n->all)
		return;
	for (r = 0; r < n->nrec; r++) {
		const struct norm_rec *nr = &n->rec[r];
		uint32_t j;
		bool par = false;

		if (nr->type != 1302)
			continue;
		for (j = 0; j < nr->n; j++)
			if (span_eqs(n->f[nr->first + j].name, "nametype") &&
			    span_eqs(n->f[nr->first + j].value, "PARENT"))
				par = true;
		if (par) {
			if (!parent)
				parent = r + 1;
			continue;
		}
		break;
	}
	if (r == n->nrec) {
		if (!parent)
			return;
		r = parent - 1;
	}
	for (i = 0; i < (int)n->rec[r].n; i++) {
		int k = (int)n->rec[r].first + i;

		if (span_eqs(n->f[k].name, "obj")) {
			n->obj_label = k;
			return;
		}
	}
}

/* set_prime_object(au, name, rnum) with a fixed rnum: the field found
 * (in whatever record) is remembered as record rnum's field of the same
 * number, which may be another field or none (ref 3.0.9) */
static void take_pinned(struct normalize *n, const char *name, unsigned rnum)
{
	int i = norm_find(n, name);
	uint32_t k;

	if (i < 0 || rnum >= n->nrec)
		return;
	k = (uint32_t)i - n->rec[n->f[i].rec].first;
	n->obj_prime = k < n->rec[rnum].n ?
		(int)(n->rec[rnum].first + k) : NORM_UNSET;
}

static void socket_object(struct normalize *n)
{
	norm_goto_record(n, 1);
	norm_first_field(n);
	take_pinned(n, "saddr", 1);
}

/* collect_path_attrs of the current record: "obj" after "mode" */
static void path_label(struct normalize *n)
{
	int i = -1, r;
	uint32_t j;

	if (!n->all || n->cr >= n->nrec)
		return;
	norm_first_field(n);
	if ((i = norm_find(n, "mode")) < 0)
		return;
	r = n->f[i].rec;
	for (j = (uint32_t)i + 1; j < n->rec[r].first + n->rec[r].n; j++)
		if (span_eqs(n->f[j].name, "obj")) {
			n->obj_label = (int)j;
			return;
		}
}

static void obj2_at(struct normalize *n, const char *name, int adjust)
{
	norm_goto_record(n, (unsigned)(2 + adjust));
	norm_first_field(n);
	take(n, name, &n->obj2);
}

bool norm_is_script_host(struct normalize *n, int i)
{
	char buf[4096];

	normalize_value(n, i, buf, sizeof buf);
	return !strncmp(buf, "/usr/bin/python", 15) ||
		!strncmp(buf, "/usr/bin/sh", 11) ||
		!strncmp(buf, "/usr/bin/bash", 13) ||
		!strncmp(buf, "/usr/bin/perl", 13);
}

/* set_program_obj: the exe, or comm for interpreters */
static void program_object(struct normalize *n)
{
	int i;

	norm_first_record(n);
	if (n->nrec && n->rec[0].type == 1334) {
		take(n, "prog-id", &n->obj_prime);
		return;
	}
	if ((i = norm_find(n, "exe")) < 0)
		return;
	if (norm_is_script_host(n, i)) {
		uint32_t fnum = n->cf[n->cr];

		if (fnum > 0)
			n->cf[n->cr] = fnum - 1;
		else
			norm_first_record(n);
		i = norm_find(n, "comm");
	}
	if (i >= 0)
		n->obj_prime = i;
	else
		n->obj_prime = norm_cur(n);
}

static void id_obj2(struct normalize *n)
{
	unsigned limit, cnt = 1;
	const char *sc = n->sysname;
	char buf[64];
	int i;

	limit = is(sc, "setuid") || is(sc, "setgid") ? 1 :
		is(sc, "setreuid") || is(sc, "setregid") ? 2 :
		is(sc, "setresuid") || is(sc, "setresgid") ? 3 : 0;
	if (!limit)
		return;
	norm_first_record(n);
	if ((i = norm_find(n, "a0")) < 0)
		return;
	while (cnt <= limit) {
		normalize_value(n, i, buf, sizeof buf);
		if (strcmp(buf, "unset"))
			break;
		if (cnt >= limit)
			return;	/* ref 3.0.9: no second object */
		if (n->cf[n->cr] + 1 < n->rec[n->cr].n)
			n->cf[n->cr]++;
		i = norm_cur(n);
		cnt++;
	}
	n->obj2 = i;
}

static void own_perm_obj2(struct normalize *n, bool own)
{
	const char *a = is(n->sysname, own ? "fchownat" : "fchmodat") ?
		"a2" : "a1";
	int i;

	norm_first_record(n);
	if ((i = norm_find(n, a)) < 0)
		return;
	if (own && norm_val_is(n, i, "-1") &&
	    n->cf[n->cr] + 1 < n->rec[n->cr].n) {
		n->cf[n->cr]++;
		i = norm_cur(n);
	}
	n->obj2 = i;
}

/* file-like classes: action, set_file_object offset, object kind */
static const struct {
	unsigned char c;
	signed char adj;
	unsigned char what;
	const char *act;
} files[] = {
	{ C_FILE, 0, W_FILE, "opened-file" },
	{ C_FILE_CHATTR, 0, W_FILE, "changed-file-attributes-of" },
	{ C_FILE_CHPERM, 0, W_FILE, "changed-file-permissions-of" },
	{ C_FILE_CHOWN, 0, W_FILE, "changed-file-ownership-of" },
	{ C_FILE_DIR, 1, W_FILE, "created-directory" },
	{ C_FILE_RENAME, 2, W_FILE, "renamed" },
	{ C_FILE_STAT, 0, W_FILE, "checked-metadata-of" },
	{ C_FILE_SYS_STAT, 0, W_FILESYSTEM, "checked-filesystem-metadata-of" },
	{ C_FILE_LNK, 2, W_FILE, "symlinked" },
	{ C_FILE_UMNT, 0, W_FILESYSTEM, "unmounted" },
	{ C_FILE_DEL, 0, W_FILE, "deleted" },
	{ C_FILE_TIME, 0, W_FILE, "changed-timestamp-of" },
	{ C_EXEC, 1, W_FILE, "executed" },
};

static bool file_class(struct normalize *n, int c)
{
	int adj;
	size_t k;

	for (k = 0; k < sizeof files / sizeof files[0]; k++)
		if (files[k].c == c)
			break;
	if (k == sizeof files / sizeof files[0])
		return false;
	n->action = files[k].act;
	n->obj_kind = files[k].what;
	adj = files[k].adj;
	if ((c == C_FILE_CHATTR && is(n->sysname, "fsetxattr")) ||
	    (c == C_FILE_CHPERM && is(n->sysname, "fchmod")) ||
	    (c == C_FILE_CHOWN && is(n->sysname, "fchown")))
		adj = -1;
	if (c == C_FILE_CHPERM || c == C_FILE_CHOWN)
		own_perm_obj2(n, c == C_FILE_CHOWN);
	if (c == C_FILE_RENAME)
		obj2_at(n, "name", 4);
	if (c == C_FILE_LNK)
		obj2_at(n, "name", 0);
	file_object(n, adj);
	if (c == C_FILE)	/* set after the object: never the mode's */
		n->obj_kind = W_FILE;
	file_label(n);
	return true;
}

static void syscall_class(struct normalize *n, int c)
{
	static const char *const sock[] = {
		[C_SOCKET_ACCEPT] = "accepted-connection-from",
		[C_SOCKET_BIND] = "bound-socket", [C_SOCKET_CONN] = "connected-to",
		[C_SOCKET_RECV] = "received-from", [C_SOCKET_SEND] = "sent-to",
	};
	int i;

	if (file_class(n, c))
		return;
	switch (c) {
	case C_FILE_LDMOD:
		n->action = "loaded-kernel-module";
		n->obj_kind = W_FILE;
		norm_goto_record(n, 1);
		take_pinned(n, "name", 1);
		break;
	case C_FILE_UNLDMOD:
		n->action = "unloaded-kernel-module";
		n->obj_kind = W_FILE;
		break;
	case C_FILE_MOUNT:
		n->action = "mounted";
		n->obj_kind = W_FILESYSTEM;
		if (n->success == 1)
			obj2_at(n, "name", 0);
		file_object(n, n->success);
		path_label(n);
		break;
	case C_SOCKET_ACCEPT: case C_SOCKET_BIND: case C_SOCKET_CONN:
	case C_SOCKET_RECV: case C_SOCKET_SEND:
		n->action = sock[c];
		n->obj_kind = W_SOCKET;
		socket_object(n);
		break;
	case C_PID:
		n->action = n->nrec > 2 ? "killed-list-of-pids" : "killed-pid";
		norm_goto_record(n, 1);
		norm_first_field(n);
		take(n, "saddr", &n->obj_prime);
		n->obj_kind = W_PROCESS;
		break;
	case C_UID: case C_GID: case C_SCHEDULER:
		n->action = c == C_SCHEDULER ? "adjusted-scheduling-policy-of" :
			"changed-identity-of";
		n->obj_kind = W_PROCESS;
		program_object(n);
		if (n->how || n->how_f >= 0) {
			n->how = n->sysname;
			n->how_f = NORM_UNSET;
		}
		if (c != C_SCHEDULER)
			id_obj2(n);
		break;
	case C_BPF:
		norm_first_record(n);
		i = norm_find(n, "op");
		n->action = i < 0 ? "bpf-program" : norm_val_is(n, i, "LOAD") ?
			"loaded-bpf-program" : "unloaded-bpf-program";
		n->obj_kind = W_PROCESS;
		program_object(n);
		break;
	case C_SYSTEM_TIME: case C_SYSTEM_NAME:
		n->action = c == C_SYSTEM_TIME ? "changed-system-time" :
			"changed-system-name";
		n->obj_kind = W_SYSTEM;
		break;
	case C_MAKE_DEV:
		file_object(n, 0);
		file_label(n);
		n->action = n->obj_kind == W_CHAR_DEV ? "made-character-device" :
			n->obj_kind == W_BLOCK_DEV ? "made-block-device" :
			"make-device";
		break;
	case C_SYSTEM_MEMORY:
		n->action = "allocated-memory";
		if (n->success == 1) {
			n->action = "allocated-memory-in";
			norm_first_record(n);
			take(n, "comm", &n->obj_prime);
		}
		n->obj_kind = W_MEMORY;
		break;
	default:
		norm_first_record(n);
		i = norm_find(n, "key");
		if (i >= 0) {
			n->action = "triggered-audit-rule";
			n->obj_prime = i;
		} else {
			n->action = "triggered-unknown-audit-rule";
		}
		n->obj_kind = W_AUDIT_RULE;
		break;
	}
}

/* normalize_syscall: other records can decide the class */
static void by_syscall(struct normalize *n)
{
	int c = C_UNKNOWN, tmp = C_UNKNOWN, t = 0, i;

	norm_first_record(n);
	while (n->cr < n->nrec) {
		t = n->rec[n->cr].type;
		if (t == 1400) { tmp = C_MAC; break; }
		if (t == 1401) { c = C_MAC_ERR; break; }
		if (t == 1325) { c = C_IPTABLES; break; }
		if (t == 1700) { c = C_PROMISCUOUS; break; }
		if (t == 1330) { c = C_FILE_LDMOD; break; }
		if (t == 1403) { c = C_MAC_LOAD; break; }
		if (t == 1404) { c = C_MAC_ENFORCE; break; }
		if (t == 1405) { c = C_MAC_CONFIG; break; }
		if (t == 1331) { tmp = C_AV; break; }
		if (t == 1332 || t == 1333) { c = C_SYSTEM_TIME; break; }
		if (t == 1334) { c = C_BPF; break; }
		norm_next_record(n);
	}
	if (c == C_UNKNOWN)
		c = class_of(n->sysname[0] ? n->sysname : NULL);
	switch (c) {
	case C_MAC_LOAD: case C_MAC_CONFIG: case C_MAC_ENFORCE:
		n->action = norm_record_action(t);
		n->obj_kind = W_MAC_CONFIG;
		if (c != C_MAC_LOAD &&
		    (i = norm_find(n, c == C_MAC_CONFIG ? "bool" :
				   "enforcing")) >= 0)
			n->obj_prime = i;
		break;
	case C_MAC_ERR:
		n->action = "caused-mac-policy-error";
		n->obj_kind = W_SYSTEM;
		break;
	case C_IPTABLES:
		n->action = "loaded-firewall-rule-to";
		norm_first_record(n);
		take(n, "table", &n->obj_prime);
		n->obj_kind = W_FIREWALL;
		break;
	case C_PROMISCUOUS:
		norm_first_record(n);
		take(n, "dev", &n->obj_prime);
		if ((i = norm_find(n, "prom")) >= 0)
			n->action = norm_val_is(n, i, "0") ?
				"left-promiscuous-mode-on-device" :
				"entered-promiscuous-mode-on-device";
		n->obj_kind = W_SOCKET;
		break;
	default:
		syscall_class(n, c);
		break;
	}
	if (tmp == C_MAC)
		n->action = "accessed-mac-policy-controlled-object";
	else if (tmp == C_AV)
		n->action = "accessed-policy-controlled-file";
}

/* subject attributes of the SYSCALL record (syscall_subj_attr) */
static void subj_attrs(struct normalize *n)
{
	static const char *const attrs[] = { "ppid", "pid", "gid", "euid",
		"suid", "fsuid", "egid", "sgid", "fsgid", "tty" };
	unsigned r;
	size_t k;

	norm_first_record(n);
	do {
		r = n->cr;
		if (n->rec[r].type != 1300)
			continue;
		if (n->all)
			for (k = 0; k < sizeof attrs / sizeof attrs[0]; k++)
				if (norm_find(n, attrs[k]) < 0)
					norm_goto_record(n, r);
		if (take(n, "ses", &n->session))
			norm_first_record(n);
		if (n->all && take(n, "subj", &n->subj_label))
			norm_goto_record(n, r);
		return;
	} while (norm_next_record(n) == 1);
}

static int back(struct normalize *n, unsigned recno)
{
	if (!norm_goto_record(n, recno))
		return 1;
	norm_first_field(n);
	return 0;
}

static int syscall_part(struct normalize *n, int otype)
{
	unsigned recno = n->cr;
	int i;

	n->sysname[0] = 0;
	if ((i = norm_find(n, "syscall")) >= 0) {
		size_t l = normalize_value(n, i, n->sysname, sizeof n->sysname);

		if (l >= sizeof n->sysname)
			n->sysname[0] = 0;
	}
	if ((i = norm_find(n, "success")) >= 0) {
		n->success = norm_val_is(n, i, "no") ? 0 : 1;
		n->results = i;
	} else if (back(n, recno)) {
		return 1;
	}
	if (take(n, "auid", &n->subj_prime) && back(n, recno))
		return 1;
	if ((i = norm_find(n, "uid")) >= 0) {
		n->subj_sec = i;
		norm_subject_what(n, i);
	} else if (back(n, recno)) {
		return 1;
	}
	subj_attrs(n);
	norm_first_field(n);
	if ((i = norm_find(n, "exe")) >= 0) {
		n->how_f = i;
		if (norm_is_script_host(n, i)) {
			uint32_t fnum = n->cf[n->cr];
			int rc = 0;

			if (fnum > 0)
				n->cf[n->cr] = fnum - 1, rc = 1;
			if (rc == 0)
				norm_first_record(n);
			if ((i = norm_find(n, "comm")) >= 0)
				n->how_f = i;
		}
	} else if (back(n, recno)) {
		return 1;
	}
	if ((i = norm_find(n, "key")) >= 0)
		n->key = i;
	if (otype == 1702) {
		n->action = norm_record_action(otype);
	} else if (otype == 1305) {	/* ref 3.0.9: the op, and its key */
		norm_first_record(n);
		if ((i = norm_find(n, "op")) >= 0)
			n->action_f = i;
		norm_first_record(n);
		n->obj_kind = W_AUDIT_CONFIG;
		n->obj_prime = NORM_UNSET;
		{
			const char *const cc[] = { "key", "audit_enabled",
				"audit_pid", "audit_backlog_limit",
				"audit_failure" };
			size_t k;

			for (k = 0, i = -1; k < 5 && i < 0; k++) {
				norm_first_record(n);
				i = norm_find(n, cc[k]);
			}
			if (i >= 0 && n->f[i].rec == 0) {
				n->obj_prime = i;
				/* ref 3.0.9: audit_enabled=1 shows as its name */
				n->obj_is_name = k > 1;
			}
		}
	} else {
		by_syscall(n);
	}
	return 0;
}

/* ref 3.0.9: the kind from the first record, the rest from the first
 * SYSCALL record wherever it is; none is "error normalizing" */
int norm_compound(struct normalize *n)
{
	int otype = n->rec[n->cr].type;
	unsigned r;

	n->evkind = norm_evkind(otype);
	for (r = 0; r < n->nrec && n->rec[r].type != 1300; r++)
		;
	if (r == n->nrec)
		return 1;
	norm_goto_record(n, r);
	return syscall_part(n, otype);
}
