/* conf_auditd - auditd.conf: the keyword table, built-in defaults and
 * cross-key checks, with the messages of audit 3.0.9's auditd-config.c.
 * Keys of 4.x (report_interval, tls_*) are accepted too. Docs:
 * docs/auditd.conf.5.md */
#include <auditbox/conf.h>
#include <auditbox/tables.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define CF(obj) ((struct auditd_conf *)(obj))

static const struct conf_enum log_formats[] = {
	{ "raw", LF_RAW }, { "nolog", LF_NOLOG }, { "enriched", LF_ENRICHED },
	{ NULL, 0 } };
static const struct conf_enum flush_modes[] = {
	{ "none", FT_NONE }, { "incremental", FT_INCREMENTAL },
	{ "incremental_async", FT_INCREMENTAL_ASYNC }, { "data", FT_DATA },
	{ "sync", FT_SYNC }, { NULL, 0 } };
static const struct conf_enum failure_actions[] = {
	{ "ignore", FA_IGNORE }, { "syslog", FA_SYSLOG },
	{ "rotate", FA_ROTATE }, { "email", FA_EMAIL }, { "exec", FA_EXEC },
	{ "suspend", FA_SUSPEND }, { "single", FA_SINGLE },
	{ "halt", FA_HALT }, { NULL, 0 } };
static const struct conf_enum size_actions[] = {
	{ "ignore", SZ_IGNORE }, { "syslog", SZ_SYSLOG },
	{ "suspend", SZ_SUSPEND }, { "rotate", SZ_ROTATE },
	{ "keep_logs", SZ_KEEP_LOGS }, { "exec", SZ_EXEC }, { NULL, 0 } };
static const struct conf_enum overflow_actions[] = {
	{ "ignore", FA_IGNORE }, { "syslog", FA_SYSLOG },
	{ "suspend", FA_SUSPEND }, { "single", FA_SINGLE },
	{ "halt", FA_HALT }, { NULL, 0 } };
static const struct conf_enum name_formats[] = {
	{ "none", N_NONE }, { "hostname", N_HOSTNAME }, { "fqd", N_FQD },
	{ "numeric", N_NUMERIC }, { "user", N_USER }, { NULL, 0 } };
static const struct conf_enum transports[] = {
	{ "tcp", T_TCP }, { "krb5", T_KRB5 }, { "tls", T_TLS }, { NULL, 0 } };

void conf_auditd_defaults(struct auditd_conf *cf)
{
	memset(cf, 0, sizeof *cf);
	cf->local_events = 1;
	cf->write_logs = 1;
	conf_str(cf->log_file, "/var/log/audit/audit.log");
	cf->log_format = LF_RAW;
	cf->priority_boost = 4;
	cf->flush = FT_NONE;
	cf->node_name_format = N_NONE;
	cf->max_log_size_action.action = SZ_IGNORE;
	cf->space_left_action.action = FA_IGNORE;
	conf_str(cf->action_mail_acct, "root");
	cf->verify_email = 1;
	cf->admin_space_left_action.action = FA_IGNORE;
	cf->disk_full_action.action = FA_IGNORE;
	cf->disk_error_action.action = FA_SYSLOG;
	cf->tcp_listen_queue = 5;
	cf->tcp_max_per_addr = 1;
	cf->use_libwrap = 1;
	cf->tcp_client_max_port = 65535;
	cf->transport = T_TCP;
	conf_str(cf->krb5_principal, "auditd");
	cf->q_depth = 2000;
	cf->overflow_action = FA_SYSLOG;
	cf->max_restarts = 10;
	conf_str(cf->plugin_dir, "/etc/audit/plugins.d");
	cf->end_of_event_timeout = 2;
	conf_str(cf->tls_auth, "psk");
	conf_str(cf->tls_crypto_profile, "compatible");
	conf_str(cf->tls_cipher_suites, "TLS_AES_128_GCM_SHA256:"
		 "TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384");
	cf->email_command = "/usr/lib/sendmail";
}

static void debug_called(struct conf_ctx *c, const char *parser,
			 const char *v)
{
	conf_say(c, CONF_DEBUG, "%s_parser called with: %s", parser, v);
}

/* Keys that are a yes/no into an int of the struct. */
#define YESNO_KEY(fn, field)						\
static int set_##fn(struct conf_ctx *c, void *o, const struct conf_kv *kv)\
{									\
	int v;								\
	debug_called(c, #fn, kv->value);				\
	if ((v = conf_yesno(c, kv->value)) < 0)				\
		return -1;						\
	CF(o)->field = v;						\
	return 0;							\
}
YESNO_KEY(local_events, local_events)
YESNO_KEY(write_logs, write_logs)
YESNO_KEY(verify_email, verify_email)
YESNO_KEY(use_libwrap, use_libwrap)
YESNO_KEY(enable_krb5, enable_krb5)
YESNO_KEY(distribute_network, distribute_network)
YESNO_KEY(tls_require_pqc, tls_require_pqc)

/* Keys that are one word of a table into an int of the struct. */
#define ENUM_KEY(fn, field, tab)					\
static int set_##fn(struct conf_ctx *c, void *o, const struct conf_kv *kv)\
{									\
	int v;								\
	debug_called(c, #fn, kv->value);				\
	if ((v = conf_enum_get(c, tab, kv->value)) < 0)			\
		return -1;						\
	CF(o)->field = v;						\
	return 0;							\
}
ENUM_KEY(flush, flush, flush_modes)
ENUM_KEY(name_format, node_name_format, name_formats)
ENUM_KEY(overflow_action, overflow_action, overflow_actions)
ENUM_KEY(transport, transport, transports)

/* Keys that are a string kept as is (tls_* have no 3.0.9 message). */
#define STR_KEY(fn, field)						\
static int set_##fn(struct conf_ctx *c, void *o, const struct conf_kv *kv)\
{									\
	debug_called(c, #fn, kv->value);				\
	conf_str(CF(o)->field, kv->value);				\
	return 0;							\
}
STR_KEY(name, node_name)
STR_KEY(krb5_principal, krb5_principal)
STR_KEY(krb5_key_file, krb5_key_file)
STR_KEY(plugin_dir, plugin_dir)
STR_KEY(tls_auth, tls_auth)
STR_KEY(tls_crypto_profile, tls_crypto_profile)
STR_KEY(tls_psk_file, tls_psk_file)
STR_KEY(tls_psk_identity, tls_psk_identity)
STR_KEY(tls_allowed_clients, tls_allowed_clients)
STR_KEY(tls_cipher_suites, tls_cipher_suites)
STR_KEY(tls_key_exchange, tls_key_exchange)

/* Keys that are a number in [min, max] into an unsigned of the struct.
 * The reference's debug line names the parser, not always the key. */
#define NUM_KEY(fn, dbg, field, min, max)				\
static int set_##fn(struct conf_ctx *c, void *o, const struct conf_kv *kv)\
{									\
	unsigned long v;						\
	debug_called(c, dbg, kv->value);				\
	if (conf_range(c, kv->value, min, max, &v) < 0)			\
		return -1;						\
	CF(o)->field = v;						\
	return 0;							\
}
NUM_KEY(priority_boost, "priority_boost", priority_boost, 0, INT_MAX)
NUM_KEY(freq, "freq", freq, 0, INT_MAX)
NUM_KEY(max_log_file, "max_log_size", max_log_size, 0, ULONG_MAX)
NUM_KEY(tcp_listen_port, "tcp_listen_port", tcp_listen_port, 1, 65535)
NUM_KEY(tcp_listen_queue, "tcp_listen_queue", tcp_listen_queue, 1, 4096)
NUM_KEY(tcp_max_per_addr, "tcp_max_per_addr", tcp_max_per_addr, 1, 1024)
NUM_KEY(tcp_client_max_idle, "tcp_client_max_idle", tcp_client_max_idle,
	0, INT_MAX)
NUM_KEY(max_restarts, "max_restarts", max_restarts, 0, INT_MAX)
NUM_KEY(end_of_event_timeout, "eoe_timeout", end_of_event_timeout, 0,
	ULONG_MAX)

static int set_num_logs(struct conf_ctx *c, void *o, const struct conf_kv *kv)
{
	unsigned long v;

	debug_called(c, "num_logs", kv->value);
	if (conf_digits(c, kv->value, &v) < 0)
		return -1;
	if (v > 999)
		return conf_fail(c, "num_logs must be 999 or less");
	CF(o)->num_logs = (unsigned)v;
	return 0;
}

static int set_q_depth(struct conf_ctx *c, void *o, const struct conf_kv *kv)
{
	unsigned long v;

	debug_called(c, "q_depth", kv->value);
	if (conf_digits(c, kv->value, &v) < 0)
		return -1;
	if (v > 99999)
		return conf_fail(c, "q_depth must be 99999 or less");
	if (v < 512)
		conf_say(c, CONF_WARN, "q_depth should be larger than 512 for "
			 "safety margin");
	CF(o)->q_depth = (unsigned)v;
	return 0;
}

static int set_log_format(struct conf_ctx *c, void *o,
			  const struct conf_kv *kv)
{
	int v;

	debug_called(c, "log_format", kv->value);
	if ((v = conf_enum_get(c, log_formats, kv->value)) < 0)
		return -1;
	CF(o)->log_format = v;
	if (v == LF_NOLOG) {
		conf_say(c, CONF_WARN, "The NOLOG option to log_format is "
			 "deprecated. Please use the write_logs option.");
		if (CF(o)->write_logs)
			conf_say(c, CONF_WARN, "The NOLOG option is overriding "
				 "the write_logs current setting.");
		CF(o)->write_logs = 0;
	}
	return 0;
}

static int set_log_group(struct conf_ctx *c, void *o, const struct conf_kv *kv)
{
	const char *v = kv->value;

	debug_called(c, "log_group", v);
	if (isdigit((unsigned char)v[0])) {
		/* ref 3.0.9: strtoul, trailing junk ignored, truncated */
		unsigned long long g = 0;

		for (; isdigit((unsigned char)*v); v++)
			if (g <= ULONG_MAX / 10)
				g = g * 10 + (unsigned)(*v - '0');
		CF(o)->log_group = (gid_t)g;
		return 0;
	}
	struct group *gr = getgrnam(v);

	if (!gr)
		return conf_fail(c, "Group ID is non-numeric and unknown (%s) - "
				 "line %u\n", v, c->line);
	CF(o)->log_group = gr->gr_gid;
	return 0;
}

static int set_log_file(struct conf_ctx *c, void *o, const struct conf_kv *kv)
{
	const char *v = kv->value, *slash = strrchr(v, '/');
	char dir[CONF_STR_MAX];
	struct stat st;
	DIR *d;
	int fd;

	debug_called(c, "log_file", v);
	/* dirname(3) */
	if (!slash)
		conf_str(dir, ".");
	else {
		while (slash > v && slash[-1] == '/')
			slash--;
		snprintf(dir, sizeof dir, "%.*s", slash == v ? 1 :
			 (int)(slash - v), v);
	}
	if (strlen(dir) < 4)	/* "/var" is the shortest dirname */
		return conf_fail(c, "The directory name: %s is too short - "
				 "line %u", dir, c->line);
	d = opendir(dir);
	if (!d)
		return conf_fail(c, "Could not open dir %s (%s)", dir,
				 tables_strerror(errno));
	closedir(d);
	fd = open(v, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		if (errno != ENOENT)
			return conf_fail(c, "Unable to open %s (%s)", v,
					 tables_strerror(errno));
		conf_str(CF(o)->log_file, v);	/* created later */
		return 0;
	}
	if (fstat(fd, &st) < 0) {
		int e = errno;

		close(fd);
		return conf_fail(c, "Unable to stat %s (%s)", v, tables_strerror(e));
	}
	close(fd);
	if (!S_ISREG(st.st_mode))
		return conf_fail(c, "%s is not a regular file", v);
	if (c->check_owner && st.st_uid != 0)
		return conf_fail(c, "%s is not owned by root", v);
	if (st.st_mode & (S_IXUSR | S_IWGRP | S_IXGRP | S_IRWXO))
		conf_say(c, CONF_WARN, "%s permissions should be 0600 or 0640",
			 v);
	if (!(st.st_mode & S_IWUSR))
		conf_say(c, CONF_WARN, "audit log is not writable by owner");
	conf_str(CF(o)->log_file, v);
	return 0;
}

/* An exec action's program: absolute, regular, root's, 0750/0755/0555/0550. */
static int check_exe(struct conf_ctx *c, const char *v)
{
	struct stat st;
	mode_t m;

	if (!v)
		return conf_fail(c, "Executable path needed for line %u",
				 c->line);
	if (*v != '/')
		return conf_fail(c, "Absolute path needed for %s - line %u", v,
				 c->line);
	if (stat(v, &st) < 0)
		return conf_fail(c, "Unable to stat %s (%s) - line %u", v,
				 tables_strerror(errno), c->line);
	if (!S_ISREG(st.st_mode))
		return conf_fail(c, "%s is not a regular file - line %u", v,
				 c->line);
	if (c->check_owner && st.st_uid != 0)
		return conf_fail(c, "%s is not owned by root - line %u", v,
				 c->line);
	m = st.st_mode & 0777;
	if (m != 0750 && m != 0755 && m != 0555 && m != 0550)
		return conf_fail(c, "%s permissions should be 0750, 0755, 0555 "
				 "or 0550 - line %u", v, c->line);
	return 0;
}

/* space_left_action, admin_space_left_action, disk_full_action and
 * disk_error_action: which actions each refuses. */
static int set_action(struct conf_ctx *c, const struct conf_kv *kv,
		      struct conf_act *a, const char *key, int no_email,
		      int no_rotate, const char *email_cmd)
{
	int v = conf_enum_get(c, failure_actions, kv->value);

	if (v < 0)
		return -1;
	if ((v == FA_EMAIL && no_email) || (v == FA_ROTATE && no_rotate))
		return conf_fail(c, "Illegal option %s for %s - line %u",
				 kv->value, key, c->line);
	if (v == FA_EMAIL && access(email_cmd, X_OK))
		conf_say(c, CONF_ERR, "Email option is specified but %s "
			 "doesn't seem executable.", email_cmd);
	if (v == FA_EXEC) {
		if (check_exe(c, kv->option) < 0)
			return -1;
		conf_str(a->exe, kv->option);
	}
	a->action = v;
	return 0;
}

static int set_space_left_action(struct conf_ctx *c, void *o,
				 const struct conf_kv *kv)
{
	debug_called(c, "space_action", kv->value);
	return set_action(c, kv, &CF(o)->space_left_action,
			  "space_left_action", 0, 0, CF(o)->email_command);
}

static int set_admin_space_left_action(struct conf_ctx *c, void *o,
				       const struct conf_kv *kv)
{
	debug_called(c, "admin_space_left_action", kv->value);
	return set_action(c, kv, &CF(o)->admin_space_left_action,
			  "admin_space_left_action", 0, 0,
			  CF(o)->email_command);
}

static int set_disk_full_action(struct conf_ctx *c, void *o,
				const struct conf_kv *kv)
{
	debug_called(c, "disk_full_action", kv->value);
	return set_action(c, kv, &CF(o)->disk_full_action,
			  "disk_full_action", 1, 0, CF(o)->email_command);
}

static int set_disk_error_action(struct conf_ctx *c, void *o,
				 const struct conf_kv *kv)
{
	debug_called(c, "disk_error_action", kv->value);
	return set_action(c, kv, &CF(o)->disk_error_action,
			  "disk_error_action", 1, 1, CF(o)->email_command);
}

/* 3.0.9 has no exec for max_log_file_action (4.1 has): accepted here,
 * and only exec takes an option, as the 3.0.9 table allows none. */
static int set_max_log_file_action(struct conf_ctx *c, void *o,
				   const struct conf_kv *kv)
{
	int v;

	if (kv->option && strcasecmp(kv->value, "exec"))
		return conf_fail(c, "Keyword \"%s\" has invalid option \"%s\" "
				 "in line %u of %s", kv->name, kv->option,
				 c->line, c->file);
	debug_called(c, "max_log_size_action", kv->value);
	if ((v = conf_enum_get(c, size_actions, kv->value)) < 0)
		return -1;
	if (v == SZ_EXEC) {
		if (check_exe(c, kv->option) < 0)
			return -1;
		conf_str(CF(o)->max_log_size_action.exe, kv->option);
	}
	CF(o)->max_log_size_action.action = v;
	return 0;
}

/* "N" MiB or "N%": digits and '%' only, a percent below 100. */
static int parse_space(struct conf_ctx *c, const char *v, unsigned long *out,
		       int *pct)
{
	unsigned long n = 0;
	const char *p;

	for (p = v; *p; p++)
		if (!isdigit((unsigned char)*p) && *p != '%')
			return conf_fail(c, "Value %c %s should only be numbers "
					 "or percent - line %u", *p, v,
					 c->line);
	*pct = strchr(v, '%') != NULL;
	for (p = v; isdigit((unsigned char)*p); p++) {
		unsigned d = (unsigned)(*p - '0');

		if (n > (ULONG_MAX - d) / 10)
			return conf_fail(c, "Error converting string to a "
					 "number (Numerical result out of "
					 "range) - line %u", c->line);
		n = n * 10 + d;
	}
	if (*pct && n > 99)
		return conf_fail(c, "Percentages should be less than 100 - "
				 "line %u", c->line);
	*out = n;
	return 0;
}

static int set_space_left(struct conf_ctx *c, void *o,
			  const struct conf_kv *kv)
{
	debug_called(c, "space_left", kv->value);
	return parse_space(c, kv->value, &CF(o)->space_left,
			   &CF(o)->space_left_pct);
}

static int set_admin_space_left(struct conf_ctx *c, void *o,
				const struct conf_kv *kv)
{
	debug_called(c, "admin_space_left", kv->value);
	return parse_space(c, kv->value, &CF(o)->admin_space_left,
			   &CF(o)->admin_space_left_pct);
}

/* The reference's validate_email() without the DNS lookup (which only
 * ever warns): 2+ characters of [A-Za-z0-9@.-_], a '.' after an '@'. */
static int set_action_mail_acct(struct conf_ctx *c, void *o,
				const struct conf_kv *kv)
{
	const char *v = kv->value, *at;

	debug_called(c, "action_mail_acct", v);
	if (CF(o)->verify_email) {
		if (strlen(v) < 2)
			return conf_fail(c, "email: %s is too short, expecting "
					 "at least 2 characters", v);
		for (const char *p = v; *p; p++)
			if (!isalnum((unsigned char)*p) && !strchr("@.-_", *p))
				return conf_fail(c, "email: %s has illegal "
						 "character", v);
		at = strchr(v, '@');
		if (at && (!strrchr(v, '.') || strrchr(v, '.') < at))
			return conf_fail(c, "email: %s should have . after @",
					 v);
	}
	conf_str(CF(o)->action_mail_acct, v);
	return 0;
}

/* "N" or "N-M" ports. The reference's debug line names the wrong
 * parser (tcp_listen_queue): kept. */
static int set_tcp_client_ports(struct conf_ctx *c, void *o,
				const struct conf_kv *kv)
{
	const char *v = kv->value, *dash = strchr(v, '-');
	char lo[CONF_STR_MAX];
	unsigned long a, b;
	size_t n = dash ? (size_t)(dash - v) : strlen(v);

	debug_called(c, "tcp_listen_queue", v);
	for (const char *p = v; *p; p++)
		if (!isdigit((unsigned char)*p) && p != dash)
			goto bad;
	if (n == 0 || (dash && !dash[1]))
		goto bad;
	memcpy(lo, v, n);
	lo[n] = 0;
	if (conf_digits(c, lo, &a) < 0 ||
	    (dash && conf_digits(c, dash + 1, &b) < 0))
		return -1;
	if (!dash)
		b = a;
	if (a > 65535 || b > 65535)
		return conf_fail(c, "Error - converted number (%ld) is too "
				 "large - line %u", (long)(a > 65535 ? a : b),
				 c->line);
	if (a > b)
		return conf_fail(c, "Error - converted range (%ld-%ld) is "
				 "reversed - line %u", (long)a, (long)b,
				 c->line);
	CF(o)->tcp_client_min_port = (unsigned)a;
	CF(o)->tcp_client_max_port = (unsigned)b;
	return 0;
bad:
	return conf_fail(c, "Value %s should only be numbers, or two numbers "
			 "separated by a dash - line %u", v, c->line);
}

/* 4.x report_interval: N[m|h|d|M] (seconds by default), at most 40 days.
 * Not in 3.0.9, which rejects the keyword. */
static int set_report_interval(struct conf_ctx *c, void *o,
			       const struct conf_kv *kv)
{
	const char *v = kv->value;
	unsigned long n = 0, mul = 1;
	const char *p = v;

	for (; isdigit((unsigned char)*p); p++) {
		if (n > 100000000UL)
			goto bad;
		n = n * 10 + (unsigned)(*p - '0');
	}
	if (p == v)
		goto bad;
	if (*p == 'm')
		mul = 60;
	else if (*p == 'h')
		mul = 3600;
	else if (*p == 'd')
		mul = 86400;
	else if (*p == 'M')
		mul = 30 * 86400UL;
	else if (*p)
		goto bad;
	if (*p && p[1])
		goto bad;
	if (n * mul > 40 * 86400UL)
		return conf_fail(c, "report_interval %s is more than 40 days - "
				 "line %u", v, c->line);
	CF(o)->report_interval = n * mul;
	return 0;
bad:
	return conf_fail(c, "Value %s should be a number with an optional "
			 "m, h, d or M suffix - line %u", v, c->line);
}

static int set_dispatcher(struct conf_ctx *c, void *o,
			  const struct conf_kv *kv)
{
	(void)o;
	debug_called(c, "dispatch", kv->value);
	conf_say(c, CONF_WARN, "The dispatcher option is deprecated - line %u",
		 c->line);
	return 0;
}

static int set_disp_qos(struct conf_ctx *c, void *o, const struct conf_kv *kv)
{
	(void)o;
	(void)kv;
	conf_say(c, CONF_WARN, "The disp_qos option is deprecated - line %u",
		 c->line);
	return 0;
}

#define K(name, opts) { #name, opts, set_##name }
const struct conf_key conf_auditd_keys[] = {
	K(local_events, 0), K(write_logs, 0), K(log_file, 0),
	K(log_format, 0), K(log_group, 0), K(flush, 0), K(freq, 0),
	K(num_logs, 0), K(dispatcher, 0), K(name_format, 0), K(name, 0),
	K(disp_qos, 0), K(max_log_file, 0), K(max_log_file_action, 1),
	K(space_left, 0), K(space_left_action, 1), K(action_mail_acct, 0),
	K(verify_email, 0), K(admin_space_left, 0),
	K(admin_space_left_action, 1), K(disk_full_action, 1),
	K(disk_error_action, 1), K(priority_boost, 0),
	K(tcp_listen_port, 0), K(tcp_listen_queue, 0),
	K(tcp_max_per_addr, 0), K(use_libwrap, 0), K(tcp_client_ports, 0),
	K(tcp_client_max_idle, 0), K(transport, 0), K(enable_krb5, 0),
	K(krb5_principal, 0), K(krb5_key_file, 0),
	K(distribute_network, 0), K(q_depth, 0), K(overflow_action, 0),
	K(max_restarts, 0), K(plugin_dir, 0), K(end_of_event_timeout, 0),
	K(report_interval, 0), K(tls_auth, 0), K(tls_crypto_profile, 0),
	K(tls_psk_file, 0), K(tls_psk_identity, 0),
	K(tls_allowed_clients, 0), K(tls_cipher_suites, 0),
	K(tls_key_exchange, 0), K(tls_require_pqc, 0),
	{ NULL, 0, NULL }
};

int conf_auditd_check(struct conf_ctx *c, const struct auditd_conf *cf)
{
	if (!cf->space_left_pct && !cf->admin_space_left_pct &&
	    cf->space_left <= cf->admin_space_left)
		return conf_fail(c, "Error - space_left(%lu) must be larger "
				 "than admin_space_left(%lu)", cf->space_left,
				 cf->admin_space_left);
	if ((cf->flush == FT_INCREMENTAL ||
	     cf->flush == FT_INCREMENTAL_ASYNC) && cf->freq == 0)
		return conf_fail(c, "Error - incremental flushing chosen, but 0 "
				 "selected for freq");
	if (cf->flush != FT_INCREMENTAL && cf->flush != FT_INCREMENTAL_ASYNC &&
	    cf->freq != 0)
		conf_say(c, CONF_WARN, "Warning - freq is non-zero and "
			 "incremental flushing not selected.");
	return 0;
}

int conf_auditd_load(struct conf_ctx *c, const char *path,
		     struct auditd_conf *cf)
{
	int lines = 0, rc;

	conf_auditd_defaults(cf);
	rc = conf_load(c, path, conf_auditd_keys, cf, &lines);
	if (rc != 0)
		return rc;
	c->line = 0;
	/* ref 3.0.9: an empty file skips the checks */
	if (lines > 0 && conf_auditd_check(c, cf) < 0)
		return -1;
	return 0;
}
