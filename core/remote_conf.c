/* remote_conf - audisp-remote.conf: keyword table, built-in defaults and
 * checks, through the shared conf parser. Reference: audit 3.0.9
 * audisp/plugins/remote/remote-config.c, audisp-remote.conf(5). Docs:
 * docs/audisp-remote.conf.5.md */
#include <auditbox/remote.h>
#include <auditbox/conf.h>

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define RC(obj) ((struct remote_conf *)(obj))

static const struct conf_enum actions[] = {
	{ "ignore", RA_IGNORE }, { "syslog", RA_SYSLOG }, { "exec", RA_EXEC },
	{ "warn_once", RA_WARN_ONCE },
	{ "warn_once_continue", RA_WARN_ONCE_CONTINUE },
	{ "suspend", RA_SUSPEND }, { "single", RA_SINGLE },
	{ "halt", RA_HALT }, { "stop", RA_STOP }, { "reconnect", RA_RECONNECT },
	{ NULL, 0 } };
static const struct conf_enum modes[] = {
	{ "immediate", RM_IMMEDIATE }, { "forward", RM_FORWARD }, { NULL, 0 } };
static const struct conf_enum formats[] = {
	{ "managed", RF_MANAGED }, { "ascii", RF_ASCII }, { NULL, 0 } };
static const struct conf_enum transports[] = {
	{ "tcp", RT_TCP }, { "krb5", RT_KRB5 }, { "tls", RT_TLS }, { NULL, 0 } };

const char *remote_action_name(int action)
{
	for (const struct conf_enum *e = actions; e->name; e++)
		if (e->val == action)
			return e->name;
	return "?";
}

void remote_conf_defaults(struct remote_conf *rc)
{
	memset(rc, 0, sizeof *rc);
	rc->port = 60;
	rc->transport = RT_TCP;
	rc->mode = RM_IMMEDIATE;
	rc->format = RF_MANAGED;
	conf_str(rc->queue_file, "/var/spool/audit/remote.log");
	rc->queue_depth = 2048;
	rc->network_retry_time = 1;
	rc->max_tries_per_record = 3;
	rc->max_time_per_record = 5;
	rc->network_failure.action = RA_STOP;
	rc->disk_low.action = RA_IGNORE;
	rc->disk_full.action = RA_WARN_ONCE;
	rc->disk_error.action = RA_WARN_ONCE;
	rc->remote_ending.action = RA_RECONNECT;
	rc->generic_error.action = RA_SYSLOG;
	rc->generic_warning.action = RA_SYSLOG;
	rc->queue_error.action = RA_STOP;
	rc->overflow.action = RA_SYSLOG;
	rc->startup_failure.action = RA_WARN_ONCE_CONTINUE;
	conf_str(rc->krb5_client_name, "auditd");
	conf_str(rc->krb5_key_file, "/etc/audisp/audisp-remote.key");
}

/* An action key: one word of the set the key allows; exec takes the
 * program as its option. */
static int set_act(struct conf_ctx *c, const struct conf_kv *kv,
		   struct remote_act *a, unsigned allowed)
{
	int v = conf_enum_get(c, actions, kv->value);

	if (v < 0)
		return -1;
	if (!(allowed & 1u << v))
		return conf_fail(c, "Option %s not allowed for this key - line "
				 "%u", kv->value, c->line);
	if (v == RA_EXEC) {
		if (!kv->option || kv->option[0] != '/')
			return conf_fail(c, "exec needs an absolute path - line "
					 "%u", c->line);
		conf_str(a->exe, kv->option);
	} else if (kv->option) {
		return conf_fail(c, "Too many options for %s - line %u",
				 kv->name, c->line);
	}
	a->action = v;
	return 0;
}

#define ALL_ACTS ((1u << RA_RECONNECT) - 1)
#define B(x) (1u << (x))
#define ACT_KEY(fn, field, allowed)					\
static int set_##fn(struct conf_ctx *c, void *o, const struct conf_kv *kv)\
{									\
	return set_act(c, kv, &RC(o)->field, allowed);			\
}
ACT_KEY(network_failure_action, network_failure, ALL_ACTS)
ACT_KEY(disk_low_action, disk_low, ALL_ACTS)
ACT_KEY(disk_full_action, disk_full, ALL_ACTS)
ACT_KEY(disk_error_action, disk_error, ALL_ACTS)
ACT_KEY(remote_ending_action, remote_ending, ALL_ACTS | B(RA_RECONNECT))
ACT_KEY(generic_error_action, generic_error, ALL_ACTS)
ACT_KEY(generic_warning_action, generic_warning, ALL_ACTS)
ACT_KEY(queue_error_action, queue_error, ALL_ACTS)
ACT_KEY(overflow_action, overflow, B(RA_IGNORE) | B(RA_SYSLOG) |
	B(RA_SUSPEND) | B(RA_SINGLE) | B(RA_HALT))
ACT_KEY(startup_failure_action, startup_failure, B(RA_IGNORE) |
	B(RA_SYSLOG) | B(RA_EXEC) | B(RA_WARN_ONCE) |
	B(RA_WARN_ONCE_CONTINUE))

#define NUM_KEY(fn, field, min, max)					\
static int set_##fn(struct conf_ctx *c, void *o, const struct conf_kv *kv)\
{									\
	unsigned long v;						\
	if (conf_range(c, kv->value, min, max, &v) < 0)			\
		return -1;						\
	RC(o)->field = (unsigned)v;					\
	return 0;							\
}
NUM_KEY(port, port, 1, 65535)
NUM_KEY(queue_depth, queue_depth, 1, 10000000)
NUM_KEY(network_retry_time, network_retry_time, 1, 86400)
NUM_KEY(max_tries_per_record, max_tries_per_record, 1, 1000000)
NUM_KEY(max_time_per_record, max_time_per_record, 1, 86400)
NUM_KEY(heartbeat_timeout, heartbeat_timeout, 0, 86400)

#define ENUM_KEY(fn, field, tab)					\
static int set_##fn(struct conf_ctx *c, void *o, const struct conf_kv *kv)\
{									\
	int v = conf_enum_get(c, tab, kv->value);			\
	if (v < 0)							\
		return -1;						\
	RC(o)->field = v;						\
	return 0;							\
}
ENUM_KEY(mode, mode, modes)
ENUM_KEY(format, format, formats)
ENUM_KEY(transport, transport, transports)

#define STR_KEY(fn, field)						\
static int set_##fn(struct conf_ctx *c, void *o, const struct conf_kv *kv)\
{									\
	(void)c;							\
	conf_str(RC(o)->field, kv->value);				\
	return 0;							\
}
STR_KEY(remote_server, server)
STR_KEY(queue_file, queue_file)
STR_KEY(krb5_principal, krb5_principal)
STR_KEY(krb5_client_name, krb5_client_name)
STR_KEY(krb5_key_file, krb5_key_file)

static int set_local_port(struct conf_ctx *c, void *o,
			  const struct conf_kv *kv)
{
	unsigned long v;

	if (!strcasecmp(kv->value, "any")) {
		RC(o)->local_port = 0;
		return 0;
	}
	if (conf_range(c, kv->value, 1, 65535, &v) < 0)
		return -1;
	RC(o)->local_port = (unsigned)v;
	return 0;
}

static int set_enable_krb5(struct conf_ctx *c, void *o,
			   const struct conf_kv *kv)
{
	int v = conf_yesno(c, kv->value);

	if (v < 0)
		return -1;
	RC(o)->enable_krb5 = v;
	return 0;
}

/* The tls_* keys of 4.2: accepted, so that a 4.x file loads; a TLS
 * transport itself is refused by the applet. */
static int set_ignored(struct conf_ctx *c, void *o, const struct conf_kv *kv)
{
	(void)c;
	(void)o;
	(void)kv;
	return 0;
}

#define K(n, opts) { #n, opts, set_##n }
const struct conf_key remote_conf_keys[] = {
	K(remote_server, 0), K(port, 0), K(local_port, 0), K(transport, 0),
	K(mode, 0), K(queue_file, 0), K(queue_depth, 0), K(format, 0),
	K(network_retry_time, 0), K(max_tries_per_record, 0),
	K(max_time_per_record, 0), K(heartbeat_timeout, 0),
	K(enable_krb5, 0), K(krb5_principal, 0), K(krb5_client_name, 0),
	K(krb5_key_file, 0),
	K(network_failure_action, 1), K(disk_low_action, 1),
	K(disk_full_action, 1), K(disk_error_action, 1),
	K(remote_ending_action, 1), K(generic_error_action, 1),
	K(generic_warning_action, 1), K(queue_error_action, 1),
	K(overflow_action, 1), K(startup_failure_action, 1),
	{ "tls_psk_file", 0, set_ignored }, { "tls_psk_identity", 0, set_ignored },
	{ "tls_cipher_suites", 0, set_ignored },
	{ "tls_key_exchange", 0, set_ignored },
	{ "tls_require_pqc", 0, set_ignored }, { "tls_auth", 0, set_ignored },
	{ "tls_crypto_profile", 0, set_ignored },
	{ NULL, 0, NULL }
};

int remote_conf_load(struct conf_ctx *c, const char *path,
		     struct remote_conf *rc)
{
	int lines = 0, r;

	remote_conf_defaults(rc);
	r = conf_load(c, path, remote_conf_keys, rc, &lines);
	if (r < 0)
		return -1;
	c->line = 0;
	if (rc->mode == RM_FORWARD && rc->format != RF_MANAGED)
		return conf_fail(c, "mode = forward needs format = managed");
	return r;
}
