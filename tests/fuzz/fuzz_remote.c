/* fuzz_remote - libFuzzer target for core/remote.c's frame parser, both
 * directions (byte 0 bit 0: server side, skipping lines; else client
 * side), the input cut into reads of 1 to 256 bytes (byte 1). Checks:
 * every frame's payload lies inside the parser and within the length
 * limit, the parser never holds more than one frame, a bad stream stays
 * bad, and what was fed is accounted for. Aborts otherwise. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <auditbox/remote.h>

static struct remote_parser p;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t pos = 2, step;
	struct remote_hdr h;
	const char *pl;
	size_t plen;
	int bad = 0;

	if (size < 2)
		return 0;
	remote_parser_init(&p, data[0] & 1);
	step = 1 + data[1];
	while (pos < size) {
		size_t n = size - pos < step ? size - pos : step;
		size_t k = remote_feed(&p, data + pos, n);
		enum remote_ev ev;

		if (p.len > sizeof p.buf)
			abort();
		pos += k;
		while ((ev = remote_next(&p, &h, &pl, &plen)) != REMOTE_NEED) {
			if (ev == REMOTE_BAD) {
				bad = 1;
				break;
			}
			if (bad)
				abort();
			if (ev == REMOTE_FRAME &&
			    (plen > REMOTE_MAX_MSG || plen > h.len ||
			     pl < (const char *)p.buf ||
			     pl + plen > (const char *)p.buf + p.len))
				abort();
		}
		if (bad) {
			if (remote_next(&p, &h, &pl, &plen) != REMOTE_BAD)
				abort();
			break;
		}
		if (k == 0)
			abort();	/* no frame held, yet no room */
	}
	return 0;
}
