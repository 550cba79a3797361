/* timespec - the -ts/-te arguments of ausearch and aureport: keywords
 * (now recent boot today yesterday this-week week-ago this-month
 * this-year), a date in the C locale's %x form (MM/DD/YY) and a time
 * (HH:MM or HH:MM:SS), as audit 3.0.9 reads them; plus, beyond the
 * reference, ISO 8601 (2026-11-25, 2026-11-25T14:00[:00]) and @EPOCH.
 * Local time follows TZ, as mktime(3) does. */
#ifndef AUDITBOX_TIMESPEC_H
#define AUDITBOX_TIMESPEC_H

#include <time.h>

enum timespec_err {
	TIMESPEC_OK = 0,
	TIMESPEC_EDATE = 1,	/* "Invalid start date (%s)..." */
	TIMESPEC_EDATE_TAIL,	/* "Error parsing start date (%s)" */
	TIMESPEC_ETIME,		/* "Invalid start time (%s)..." */
	TIMESPEC_ETIME_TAIL,	/* "Error parsing start time (%s)" */
	TIMESPEC_EYEAR,		/* "Error - year is %d" */
	TIMESPEC_ECONVERT,	/* "Error converting start time" */
};

struct timespec_in {
	const char *date;	/* keyword, date, ISO or @EPOCH; NULL: today */
	const char *time;	/* NULL: midnight (start) or now (end) */
	int is_end;
	time_t now;		/* the clock, for keywords */
	time_t boot;		/* boot time, for "boot" */
};

/* Converts a -ts/-te pair to seconds since the epoch into *out. Returns
 * TIMESPEC_OK or an enum timespec_err; *year gets the bad year for
 * TIMESPEC_EYEAR. */
int timespec_parse(const struct timespec_in *in, time_t *out, int *year);

/* True when s is one of the reference's time keywords. */
int timespec_is_keyword(const char *s);

#endif
