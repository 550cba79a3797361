/* fuzz_rulefile - libFuzzer target over the rules-file reader and the
 * augenrules filter: lines as fgets reads them and as awk does, the
 * reorder, the joined text, the offline linter over the lines (no
 * kernel). Also the ls -v comparison on two names. */
#include <auditbox/rulefile.h>
#include <auditbox/rulelint.h>
#include <auditbox/rule.h>
#include <auditbox/tables.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void quiet(void *ctx, const char *file, unsigned line,
		  const char *msg)
{
	(void)ctx;
	(void)file;
	(void)line;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rulefile a, b;
	char *t, x[64], y[64];
	size_t len, half = size / 2;

	rulefile_init(&a);
	rulefile_init(&b);
	rulefile_add_text(&a, (const char *)data, size, "f", RULE_LINE_MAX - 1);
	rulefile_add_text(&a, (const char *)data, size, "g", 0);
	rulefile_reorder(&b, &a, "/d");
	if (rulelint_check(&b, TABLES_MACH_X86_64, quiet, NULL) < 0)
		abort();
	t = rulefile_text(&b, &len);
	free(t);
	rulefile_fini(&a);
	rulefile_fini(&b);
	memcpy(x, data, half < 63 ? half : 63);
	x[half < 63 ? half : 63] = 0;
	memcpy(y, data + half, size - half < 63 ? size - half : 63);
	y[size - half < 63 ? size - half : 63] = 0;
	if ((rulefile_vercmp(x, y) > 0) != (rulefile_vercmp(y, x) < 0))
		abort();	/* the order must be antisymmetric */
	return 0;
}
