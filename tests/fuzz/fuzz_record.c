/* fuzz_record - libFuzzer target for core/record.c: any bytes as a line,
 * then every field, hex decoding and the search extraction over it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <auditbox/record.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct record r;
	struct span n, v;
	size_t pos = 0;
	char out[4096];
	char *line = malloc(size ? size : 1);

	if (!line)
		return 0;
	/* a copy of exactly size bytes, so ASan sees any overread */
	memcpy(line, data, size);
	if (record_parse(&r, line, size) == RECORD_OK) {
		while (record_next_field(r.body, &pos, &n, &v))
			if (record_is_hex(v))
				record_hex_decode(v, out, sizeof out);
		pos = 0;
		while (record_next_field(r.enrich, &pos, &n, &v))
			;
	}
	free(line);
	return 0;
}
