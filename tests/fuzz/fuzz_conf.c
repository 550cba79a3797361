/* libFuzzer target for core/conf: any bytes as an auditd.conf and as a
 * plugins.d file. */
#include <auditbox/conf.h>

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void note(void *arg, enum conf_level lvl, const struct conf_ctx *c,
		 const char *msg)
{
	(void)arg;
	(void)lvl;
	(void)c;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag dg;
	struct conf_ctx c = { .file = "fuzz", .note = note, .diag = &dg };
	struct auditd_conf cf;
	struct plugin_conf pc = { 0 };

	conf_auditd_defaults(&cf);
	if (conf_parse(&c, (const char *)data, size, conf_auditd_keys, &cf) > 0)
		conf_auditd_check(&c, &cf);
	conf_parse(&c, (const char *)data, size, conf_plugin_keys, &pc);
	return 0;
}
