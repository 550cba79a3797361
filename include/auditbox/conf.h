/* conf - "keyword = value [option]" files (auditd.conf, plugins.d files,
 * audisp-remote.conf): one tokenizer with the reference's quirks, typed
 * value helpers, and auditd.conf's key table, defaults and cross checks.
 * Reference: audit 3.0.9 src/auditd-config.c behaviour, auditd.conf(5). */
#ifndef AUDITBOX_CONF_H
#define AUDITBOX_CONF_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <auditbox/diag.h>

/* The reference reads lines with a 160-byte buffer: longer lines (and a
 * last line without a newline) are skipped with a message. */
#define CONF_LINE_MAX 160
#define CONF_STR_MAX CONF_LINE_MAX

enum conf_level { CONF_DEBUG, CONF_INFO, CONF_WARN, CONF_ERR };

struct conf_ctx;
/* Receives every message in the reference's words, with c->file and
 * c->line telling where. The core calls it; the applet prints. */
typedef void (*conf_note_fn)(void *arg, enum conf_level lvl,
			     const struct conf_ctx *c, const char *msg);

struct conf_ctx {
	const char *file;	/* name used in messages */
	unsigned line;		/* current line (1-based) */
	conf_note_fn note;	/* may be NULL */
	void *note_arg;
	struct diag *diag;	/* first error; may be NULL */
	int allow_links;	/* open without O_NOFOLLOW (auditd -l) */
	int check_owner;	/* file must be root-owned (0 in unit tests) */
};

/* One split line: the tokens point into the caller's line buffer. */
struct conf_kv {
	const char *name, *value, *option;
};

/* A keyword: set() returns 0, or -1 after conf_fail(). max_opts is 0 or
 * 1: how many tokens may follow the value. */
struct conf_key {
	const char *name;
	int max_opts;
	int (*set)(struct conf_ctx *c, void *obj, const struct conf_kv *kv);
};

/* A keyword's value: name and number (enums). */
struct conf_enum {
	const char *name;
	int val;
};

/* Splits a NUL-terminated line in place on spaces (only spaces, as the
 * reference). Returns 0 (ok, or nothing: kv->name NULL for blank and
 * comment lines), 1 (wrong number of tokens), 2 (no "=" token). */
int conf_split(char *line, struct conf_kv *kv);

/* Parses a whole buffer against keys (NULL-name terminated). Returns
 * the number of lines seen (> 0 when any line was read), or -1 on the
 * first error (diag filled). */
int conf_parse(struct conf_ctx *c, const char *buf, size_t len,
	       const struct conf_key *keys, void *obj);

/* Opens path (O_NOFOLLOW unless allow_links), checks it is a regular,
 * root-owned, not world-writable file, and parses it. Returns 0 when
 * parsed (lines > 0: *lines gets the count), 1 if the file does not
 * exist (nothing parsed), -1 on error (diag filled). */
int conf_load(struct conf_ctx *c, const char *path,
	      const struct conf_key *keys, void *obj, int *lines);

/* Reports an error: formats the reference's text, sends it to note at
 * CONF_ERR and records it in diag (the first one wins). Returns -1. */
int conf_fail(struct conf_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Sends a message at lvl. */
void conf_say(struct conf_ctx *c, enum conf_level lvl, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Case-insensitive lookup of v in tab (NULL-name terminated): its value,
 * or -1 with the reference's "Option %s not found - line %d" error. */
int conf_enum_get(struct conf_ctx *c, const struct conf_enum *tab,
		  const char *v);
/* "yes"/"no" (any case): 1 or 0, else -1 with the error. */
int conf_yesno(struct conf_ctx *c, const char *v);
/* All-digit decimal into *out (strtoul range); -1 with the reference's
 * "should only be numbers" or "Error converting" error. */
int conf_digits(struct conf_ctx *c, const char *v, unsigned long *out);
/* conf_digits, then min..max with "is too small/large" errors. */
int conf_range(struct conf_ctx *c, const char *v, unsigned long min,
	       unsigned long max, unsigned long *out);
/* Copies v into dst[CONF_STR_MAX]. */
void conf_str(char *dst, const char *v);

/* ---- auditd.conf ---- */

enum conf_log_format { LF_RAW, LF_NOLOG, LF_ENRICHED };
enum conf_flush { FT_NONE, FT_INCREMENTAL, FT_INCREMENTAL_ASYNC, FT_DATA,
		  FT_SYNC };
/* space, admin space, disk full, disk error and overflow actions. */
enum conf_action { FA_IGNORE, FA_SYSLOG, FA_ROTATE, FA_EMAIL, FA_EXEC,
		   FA_SUSPEND, FA_SINGLE, FA_HALT };
enum conf_size_action { SZ_IGNORE, SZ_SYSLOG, SZ_SUSPEND, SZ_ROTATE,
			SZ_KEEP_LOGS, SZ_EXEC };
enum conf_name_format { N_NONE, N_HOSTNAME, N_FQD, N_NUMERIC, N_USER };
enum conf_transport { T_TCP, T_KRB5, T_TLS };

/* An action with its executable (exec). */
struct conf_act {
	int action;
	char exe[CONF_STR_MAX];
};

struct auditd_conf {
	int local_events, write_logs, log_format, flush, node_name_format;
	char log_file[CONF_STR_MAX];
	gid_t log_group;
	unsigned priority_boost, freq, num_logs;
	char node_name[CONF_STR_MAX];	/* name = ...; "" if unset */
	unsigned long max_log_size;	/* MiB */
	struct conf_act max_log_size_action;
	unsigned long space_left, admin_space_left;
	int space_left_pct, admin_space_left_pct;	/* value is a % */
	struct conf_act space_left_action, admin_space_left_action;
	struct conf_act disk_full_action, disk_error_action;
	char action_mail_acct[CONF_STR_MAX];
	int verify_email;
	unsigned tcp_listen_port, tcp_listen_queue, tcp_max_per_addr;
	int use_libwrap;
	unsigned tcp_client_min_port, tcp_client_max_port;
	unsigned tcp_client_max_idle;
	int transport, enable_krb5;
	char krb5_principal[CONF_STR_MAX], krb5_key_file[CONF_STR_MAX];
	int distribute_network;
	unsigned q_depth, max_restarts;
	int overflow_action;
	char plugin_dir[CONF_STR_MAX];
	unsigned long end_of_event_timeout;
	unsigned long report_interval;		/* seconds; 0 off (4.x) */
	char tls_auth[CONF_STR_MAX], tls_crypto_profile[CONF_STR_MAX];
	char tls_psk_file[CONF_STR_MAX], tls_psk_identity[CONF_STR_MAX];
	char tls_allowed_clients[CONF_STR_MAX];
	char tls_cipher_suites[CONF_STR_MAX], tls_key_exchange[CONF_STR_MAX];
	int tls_require_pqc;
	/* Not keys: how validation runs. */
	const char *email_command;	/* default /usr/lib/sendmail */
	int test_mode;		/* auditd -t: checking only */
};

/* The keyword table of auditd.conf. */
extern const struct conf_key conf_auditd_keys[];

/* The built-in defaults (the reference's clear_config()). */
void conf_auditd_defaults(struct auditd_conf *cf);
/* Cross-key checks run after a non-empty file. 0, or -1 (diag). Also
 * warns through note (freq with a non-incremental flush). */
int conf_auditd_check(struct conf_ctx *c, const struct auditd_conf *cf);
/* Defaults, then path, then the checks. 0 ok (1 when the file does not
 * exist: defaults kept), -1 on error (diag filled). */
int conf_auditd_load(struct conf_ctx *c, const char *path,
		     struct auditd_conf *cf);

/* ---- plugins.d/NAME ---- */

enum conf_plugin_type { PT_ALWAYS, PT_BUILTIN };
enum conf_plugin_format { PF_STRING, PF_BINARY };
#define CONF_PLUGIN_ARGS 2	/* 3.0.9: "args = A [B]" */

struct plugin_conf {
	int active, type, format;
	char path[CONF_STR_MAX];	/* "" when not given */
	char args[CONF_PLUGIN_ARGS][CONF_STR_MAX];
	int nargs;
	uint64_t inode;		/* of path, set by the check */
};

/* The keyword table of a plugins.d file. */
extern const struct conf_key conf_plugin_keys[];
/* 1 if a plugins.d entry is read: not hidden, at most one dot (3.0.9
 * reads "af_unix.conf" and "syslog" alike). */
int conf_plugin_name_ok(const char *name);
/* The defaults (inactive, always, string), then path, then (if lines
 * were read) the check of an active plugin: a path, and an executable
 * that is a regular file, root-owned (c->check_owner) with mode bits
 * 0750 at least. 0 ok (1 when missing), -1 on error (diag filled). */
int conf_plugin_load(struct conf_ctx *c, const char *path,
		     struct plugin_conf *p);

#endif
