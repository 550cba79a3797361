/* fuzz_conf - libFuzzer target for core/conf*.c and core/remote_conf.c:
 * any bytes as each of the three grammars read through the shared
 * parser: an auditd.conf (with its cross-key checks), a plugins.d file
 * (and its first line as a plugins.d entry name) and an
 * audisp-remote.conf (with its mode/format check and the action names). */
#include <auditbox/conf.h>
#include <auditbox/remote.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void note(void *arg, enum conf_level lvl, const struct conf_ctx *c,
		 const char *msg)
{
	(void)arg;
	(void)lvl;
	(void)c;
	(void)msg;
}

/* Where the action names go, so that reading them is not optimized out. */
static volatile size_t sum;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag dg;
	struct conf_ctx c = { .file = "fuzz", .note = note, .diag = &dg };
	struct auditd_conf cf;
	struct plugin_conf pc = { 0 };
	struct remote_conf rc;
	char name[64];
	size_t n;

	conf_auditd_defaults(&cf);
	if (conf_parse(&c, (const char *)data, size, conf_auditd_keys, &cf) > 0)
		conf_auditd_check(&c, &cf);
	conf_parse(&c, (const char *)data, size, conf_plugin_keys, &pc);
	for (n = 0; n < size && n < sizeof name - 1 && data[n] != '\n'; n++)
		name[n] = (char)data[n];
	name[n] = 0;
	sum += (size_t)conf_plugin_name_ok(name);
	remote_conf_defaults(&rc);
	if (conf_parse(&c, (const char *)data, size, remote_conf_keys, &rc) >= 0) {
		sum += strlen(remote_action_name(rc.network_failure.action));
		sum += strlen(remote_action_name(rc.overflow.action));
	}
	return 0;
}
