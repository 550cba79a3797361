/* fuzz_timespec - libFuzzer target for core/timespec.c and applets/when.c:
 * the -ts/-te arguments. Byte 0 picks -ts or -te and when_arg's flags;
 * the rest is cut at newlines into up to three words, given as the
 * command line "ausearch -ts W1 W2 W3" (so the reference's guess about
 * which word is the date and which the time runs), and as a date and a
 * time straight to timespec_parse with a fixed clock and boot time. The
 * zone is a POSIX TZ rule with summer time, so mktime's daylight
 * saving paths run without reading a zone file per input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <auditbox/timespec.h>

#include "when.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* applets/main.c's: the message is formatted, not printed */
void ref_msg(const char *fmt, ...);
void ref_msg(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
	tzset();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *w[3] = { NULL, NULL, NULL }, *argv[6];
	size_t i, n = 0;
	int argc = 2, flags, year;
	time_t t;
	struct timespec_in in;

	if (size < 1)
		return 0;
	flags = data[0] & 7;
	buf = malloc(size);
	if (!buf)
		return 0;
	memcpy(buf, data + 1, size - 1);
	buf[size - 1] = 0;
	w[n++] = buf;
	for (i = 0; i + 1 < size; i++)
		if (buf[i] == '\n') {
			buf[i] = 0;
			if (n < 3)
				w[n++] = buf + i + 1;
		}
	argv[0] = "ausearch";
	argv[1] = flags & WHEN_END ? "-te" : "-ts";
	for (i = 0; i < n; i++)
		argv[argc++] = w[i];
	argv[argc] = NULL;
	(void)when_arg(argc, argv, 1, flags, &t);
	/* a date (NULL when empty) and a time (NULL when absent) */
	in = (struct timespec_in){ w[0][0] ? w[0] : NULL, n > 1 ? w[1] : NULL,
		data[0] >> 7, 1700000000 + (time_t)(data[0] & 0x78) * 86400,
		1699990000 };
	(void)timespec_parse(&in, &t, &year);
	(void)timespec_is_keyword(w[0]);
	free(buf);
	return 0;
}
