/* fuzz_interpret - libFuzzer target for core/interpret*.c, every -i
 * path field by field: bytes 0-1 are the record type (0..2499), byte 2
 * the machine, bytes 3-4 the syscall, byte 5 the --escape mode and which
 * argument; the rest is "name=value ..." fields, then after a \x1d an
 * ENRICHED tail. Each field is interpreted (with the i-th tail value as
 * its stored name) with that escape mode, its value also as each
 * argument of the syscall; the rest is also read as a record's text for
 * the ENRICHED tail auditd would append. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <auditbox/interpret.h>
#include <auditbox/record.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint32_t arches[] = {
	0xc000003e, 0x40000003, 0xc00000b7, 0x40000028, 0x80000015,
	0xc0000015, 0x80000016, 0x00000000, 0xc00000f3, 0x8000002b,
};

static struct interp ip;
static char out[16384];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct interp_event ie;
	struct span body, tail = { NULL, 0 }, n, v;
	const char *p, *x;
	size_t pos = 0;
	int rtype, esc, which;

	if (size < 6)
		return 0;
	rtype = (data[0] | data[1] << 8) % 2500;
	ie.arch = arches[data[2] % (sizeof arches / sizeof arches[0])];
	ie.syscall = data[3] | (data[4] & 0x7f) << 8;
	ie.have_syscall = !(data[4] & 0x80);
	ie.a0 = data[2] >> 4;
	ie.a1 = (uint64_t)data[5] << 4;
	esc = data[5] & 3;
	which = data[5] >> 2 & 3;
	p = (const char *)data + 6;
	body = (struct span){ p, size - 6 };
	if ((x = memchr(p, 0x1d, body.n))) {
		tail = (struct span){ x + 1, body.n - (size_t)(x + 1 - p) };
		body.n = (size_t)(x - p);
	}
	while (record_next_field(body, &pos, &n, &v)) {
		interpret_field_esc(&ip, &ie, rtype, n, v, tail, out,
				    sizeof out, esc);
		interpret_field(&ip, &ie, rtype, n, v, tail, out, 64);
		interpret_syscall_arg(&ip, ie.arch, ie.syscall, which, v,
				      ie.a0, ie.a1, out, sizeof out);
	}
	interpret_enrich(&ip, rtype, p, size - 6, out, sizeof out);
	return 0;
}
