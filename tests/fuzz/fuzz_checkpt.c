/* fuzz_checkpt - libFuzzer target for core/checkpt.c: any bytes as a
 * checkpoint file; what parses is written back and must parse again to
 * the same event. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <auditbox/checkpt.h>

static struct checkpt a, b;
static char text[CHECKPT_NODE_MAX + 128];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (checkpt_parse(&a, (const char *)data, size) != 0)
		return 0;
	checkpt_format(text, sizeof text, a.dev, a.ino, &a.ev);
	/* a node with a blank or newline does not come back whole, nor
	 * does a milli of more than 3 digits or a negative second (printed
	 * unsigned, as in the reference) */
	if ((a.ev.has_node && strpbrk(a.ev.node, " \n\t\r\v\f")) ||
	    a.ev.milli > 999 || a.ev.sec < 0)
		return 0;
	if (checkpt_parse(&b, text, strlen(text)) != 0 ||
	    b.dev != a.dev || b.ino != a.ino || b.ev.type != a.ev.type ||
	    b.ev.serial != a.ev.serial || b.ev.milli != a.ev.milli ||
	    b.ev.sec != a.ev.sec)
		abort();
	return 0;
}
