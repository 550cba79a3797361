/* when - -ts/-te arguments (audit 3.0.9 ausearch-options.c and
 * aureport-options.c R_TIME_START/R_TIME_END, ausearch-time.c messages).
 * Docs: docs/ausearch.8.md, docs/aureport.8.md */
#include "applet.h"
#include "when.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <auditbox/opt.h>
#include <auditbox/timespec.h>

/* The whole seconds of /proc/uptime ("4711.93 9000.12"), as fscanf's %lf
 * then a cast give them, without scanf (its float code would come too). */
static bool uptime(time_t *up)
{
	FILE *f = fopen("/proc/uptime", "re");
	char buf[64];
	const char *p = buf;
	uint64_t v = 0;
	bool got;

	if (!f)
		return false;
	got = fgets(buf, sizeof buf, f) != NULL;
	fclose(f);
	if (!got)
		return false;
	while (isspace((unsigned char)*p))
		p++;
	if (!scan_u64(p, 10, &v) &&
	    !(p[0] == '.' && isdigit((unsigned char)p[1])))
		return false;
	*up = (time_t)v;
	return true;
}

static int set_time(int flags, const char *date, const char *tim,
		    time_t *out)
{
	bool end = flags & WHEN_END;
	struct timespec_in in = { date, tim, end, time(NULL), 0 };
	int year = 0, rc;
	const char *w = end ? "end" : "start";
	time_t up;

	if (date && strcmp(date, "boot") == 0 && uptime(&up))
		in.boot = in.now - up;
	rc = timespec_parse(&in, out, &year);
	switch (rc) {	/* ref 3.0.9 */
	case TIMESPEC_OK:
		return 0;
	case TIMESPEC_EDATE:
		ref_msg("Invalid %s date (%s). Month, Day, and Year are required.",
			w, date);
		break;
	case TIMESPEC_EDATE_TAIL:
		ref_msg("Error parsing %s date (%s)", w, date);
		break;
	case TIMESPEC_ETIME:
		ref_msg("Invalid %s time (%s). Hour, Minute, and Second are required.",
			w, tim);
		break;
	case TIMESPEC_ETIME_TAIL:
		ref_msg("Error parsing %s time (%s)", w, tim);
		break;
	case TIMESPEC_EYEAR:
		ref_msg("Error - year is %d", year);
		break;
	default:
		ref_msg("Error converting %s time", w);
		break;
	}
	return -1;
}

int when_arg(int argc, char **argv, int c, int flags, time_t *out)
{
	const char *a = opt_arg(argc, argv, c);
	bool end = flags & WHEN_END;
	const char *kw_time = end ? (flags & WHEN_END_MIDNIGHT ? "00:00:00"
				     : NULL) : "00:00:00";

	if (!a) {
		ref_msg("%s requires either date and/or time", argv[c]);
		return -1;
	}
	/* ours: ISO 8601 and @EPOCH are dates whatever they contain */
	bool ext = a[0] == '@' || (strlen(a) >= 5 && isdigit((unsigned char)a[0])
				   && isdigit((unsigned char)a[3]) && a[4] == '-');

	if (c + 2 < argc && argv[c + 2][0] != '-') {
		if (strchr(a, ':') && !ext)
			return set_time(flags, argv[c + 2], a, out) ? -1 : 2;
		return set_time(flags, a, argv[c + 2], out) ? -1 : 2;
	}
	if (timespec_is_keyword(a))
		return set_time(flags, a, kw_time, out) ? -1 : 1;
	if (!end && (flags & WHEN_CHECKPOINT) && strcmp(a, "checkpoint") == 0)
		return WHEN_IS_CHECKPOINT;
	if (ext && strchr(a, ':'))	/* a full ISO date-time */
		return set_time(flags, a, NULL, out) ? -1 : 1;
	if (!strchr(a, ':'))
		return set_time(flags, a, end ? NULL : "00:00:00", out) ? -1 : 1;
	return set_time(flags, NULL, a, out) ? -1 : 1;
}
