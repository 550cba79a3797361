/* fuzz_rule - libFuzzer target over the rule-line parser: split a line as
 * a rules file is, compile it, and format what compiled. No kernel. */
#include <auditbox/rule.h>
#include <auditbox/tables.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void quiet(void *ctx, int direct, const char *msg)
{
	(void)ctx;
	(void)direct;
	(void)msg;
}

/* Control options succeed without doing anything. */
static int control(void *ctx, struct rule_builder *b, int opt,
		   const char *arg)
{
	(void)ctx;
	(void)b;
	(void)opt;
	(void)arg;
	return RULE_DONE;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rule_builder b;
	static char out[RULE_BUF_MAX];
	char line[RULE_LINE_MAX], *argv[RULE_LINE_MAX / 2 + 4];
	struct diag d = { 0 };
	size_t n = size < sizeof line - 1 ? size : sizeof line - 1;
	int argc, r;

	memcpy(line, data, n);
	line[n] = 0;
	rule_builder_init(&b, TABLES_MACH_X86_64, 0x7f, control, quiet, NULL);
	argc = rule_split_line(line, argv, sizeof argv / sizeof *argv);
	if (argc <= 0)
		return 0;
	r = rule_parse(&b, argc, argv, &d);
	if (r == RULE_SEND) {
		size_t len = rule_finish(&b);

		rule_format(out, sizeof out, b.rule, len, 0, b.machine);
		rule_format(out, sizeof out, b.rule, len, 1, b.machine);
		rule_key_match(b.rule, len, "k");
	}
	return 0;
}
