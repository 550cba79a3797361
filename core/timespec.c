/* timespec - -ts/-te parsing (ausearch(8) "-ts", audit 3.0.9 behaviour in
 * the C locale, checked against /sbin/ausearch), plus ISO 8601 and @EPOCH. */
#include <auditbox/timespec.h>

#include <stdint.h>
#include <string.h>

#include <auditbox/util.h>

#define DAY (24 * 60 * 60)

enum kw { K_NOW, K_RECENT, K_BOOT, K_TODAY, K_YESTERDAY, K_THIS_WEEK,
	  K_WEEK_AGO, K_THIS_MONTH, K_THIS_YEAR };

static const char *const keywords[] = {
	"now", "recent", "boot", "today", "yesterday", "this-week",
	"week-ago", "this-month", "this-year",
};

static int keyword(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
		if (strcmp(s, keywords[i]) == 0)
			return (int)i;
	return -1;
}

int timespec_is_keyword(const char *s)
{
	return keyword(s) >= 0;
}

/* Reads 1 or 2 digits (strptime %m %d %H %M %S %y), skipping blanks. */
static const char *num2(const char *s, int *v, int lo, int hi)
{
	int n = 0, d = 0;

	while (*s == ' ')
		s++;
	while (d < 2 && *s >= '0' && *s <= '9') {
		n = n * 10 + (*s++ - '0');
		d++;
	}
	if (d == 0 || n < lo || n > hi)
		return NULL;
	*v = n;
	return s;
}

/* %m/%d/%y */
static const char *parse_date(const char *s, struct tm *tm)
{
	int m, d, y;

	if (!(s = num2(s, &m, 1, 12)) || *s++ != '/' ||
	    !(s = num2(s, &d, 1, 31)) || *s++ != '/' ||
	    !(s = num2(s, &y, 0, 99)))
		return NULL;
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	tm->tm_year = y < 69 ? y + 100 : y;
	return s;
}

/* %H:%M:%S */
static const char *parse_time(const char *s, struct tm *tm)
{
	int h, m, sec;

	if (!(s = num2(s, &h, 0, 23)) || *s++ != ':' ||
	    !(s = num2(s, &m, 0, 59)) || *s++ != ':' ||
	    !(s = num2(s, &sec, 0, 61)))
		return NULL;
	tm->tm_hour = h;
	tm->tm_min = m;
	tm->tm_sec = sec;
	return s;
}

static void set_date(struct tm *d, time_t t)
{
	struct tm lt;

	localtime_r(&t, &lt);
	d->tm_mday = lt.tm_mday;
	d->tm_mon = lt.tm_mon;
	d->tm_year = lt.tm_year;
	d->tm_isdst = lt.tm_isdst;
}

static void set_clock(struct tm *d, time_t t)
{
	struct tm lt;

	localtime_r(&t, &lt);
	d->tm_hour = lt.tm_hour;
	d->tm_min = lt.tm_min;
	d->tm_sec = lt.tm_sec;
}

/* Sets d from a keyword. Returns 1 when the result is final (no time part
 * may follow), 0 otherwise. */
static int apply_keyword(int k, const struct timespec_in *in, struct tm *d)
{
	time_t now = in->now;
	struct tm lt;

	d->tm_hour = d->tm_min = d->tm_sec = 0;
	switch (k) {
	case K_NOW:
		set_date(d, now);
		set_clock(d, now);
		return 1;
	case K_RECENT:
		set_date(d, now - 600);
		set_clock(d, now - 600);
		return 1;
	case K_BOOT:
		set_date(d, in->boot);
		set_clock(d, in->boot);
		return 1;
	case K_TODAY:
		set_date(d, now);
		if (in->is_end) {
			set_clock(d, now);
			return 1;
		}
		return 0;
	case K_YESTERDAY:
		set_date(d, now - DAY);
		return 0;
	case K_THIS_WEEK:
		localtime_r(&now, &lt);
		set_date(d, now - (time_t)lt.tm_wday * DAY);
		return 0;
	case K_WEEK_AGO:
		set_date(d, now - 7 * DAY);
		return 0;
	case K_THIS_MONTH:
		set_date(d, now);
		d->tm_mday = 1;
		return 0;
	default:
		set_date(d, now);
		d->tm_mday = 1;
		d->tm_mon = 0;
		return 0;
	}
}

/* ISO 8601 date[Thh:mm[:ss]] or @EPOCH: our extension. 1 if handled. */
static int parse_extension(const char *s, struct tm *d, time_t *out,
			   int *has_time)
{
	int y = 0, i, n;
	uint64_t e;

	if (s[0] == '@') {
		size_t k = scan_u64(s + 1, 10, &e);

		if (k == 0 || s[1 + k] != 0)
			return 0;
		*out = (time_t)e;
		return 2;
	}
	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + s[i] - '0';
	}
	if (s[4] != '-' || !(s = num2(s + 5, &n, 1, 12)) || *s != '-')
		return 0;
	d->tm_mon = n - 1;
	if (!(s = num2(s + 1, &n, 1, 31)))
		return 0;
	d->tm_mday = n;
	d->tm_year = y - 1900;
	d->tm_hour = d->tm_min = d->tm_sec = 0;
	d->tm_isdst = -1;
	*has_time = 0;
	if (*s == 'T' || *s == ' ') {
		const char *t = num2(s + 1, &n, 0, 23);

		if (!t || *t != ':')
			return 0;
		d->tm_hour = n;
		if (!(t = num2(t + 1, &n, 0, 59)))
			return 0;
		d->tm_min = n;
		if (*t == ':') {
			if (!(t = num2(t + 1, &n, 0, 61)))
				return 0;
			d->tm_sec = n;
		}
		*has_time = 1;
		s = t;
	}
	return *s == 0 ? 1 : 0;
}

/* The time argument: HH:MM gets ":00", then %X; as ref 3.0.9, up to 63
 * characters are kept (what follows the time is an error). */
static int apply_time(const char *ti, struct tm *d)
{
	char buf[64];
	struct tm t;
	const char *r;
	size_t n = strlen(ti);

	if (n <= 5) {
		memcpy(buf, ti, n);
		memcpy(buf + n, ":00", 3);
		buf[n + 3] = 0;
	} else {
		n = n < sizeof buf - 1 ? n : sizeof buf - 1;
		memcpy(buf, ti, n);
		buf[n] = 0;
	}
	memset(&t, 0, sizeof t);
	r = parse_time(buf, &t);
	if (!r)
		return TIMESPEC_ETIME;
	if (*r)
		return TIMESPEC_ETIME_TAIL;
	d->tm_hour = t.tm_hour;
	d->tm_min = t.tm_min;
	d->tm_sec = t.tm_sec;
	return TIMESPEC_OK;
}

int timespec_parse(const struct timespec_in *in, time_t *out, int *year)
{
	struct tm d;
	struct tm lt;
	int k, rc, has_time = 0;
	const char *r;

	memset(&d, 0, sizeof d);
	if (!in->date) {
		apply_keyword(K_NOW, in, &d);
	} else if ((k = keyword(in->date)) >= 0) {
		if (apply_keyword(k, in, &d))
			goto convert;
	} else if ((rc = parse_extension(in->date, &d, out, &has_time))) {
		if (rc == 2)
			return TIMESPEC_OK;
		if (has_time && !in->time)
			goto convert;
	} else {
		r = parse_date(in->date, &d);
		if (!r)
			return TIMESPEC_EDATE;
		if (*r)
			return TIMESPEC_EDATE_TAIL;
	}
	if (in->time) {
		rc = apply_time(in->time, &d);
		if (rc)
			return rc;
	} else if (in->is_end) {
		set_clock(&d, in->now);
	} else {
		d.tm_hour = d.tm_min = d.tm_sec = 0;
	}
	localtime_r(&in->now, &lt);
	d.tm_isdst = lt.tm_isdst;
	if (d.tm_year < 104) {
		*year = d.tm_year + 1900;
		return TIMESPEC_EYEAR;
	}
convert:
	*out = mktime(&d);
	if (*out == (time_t)-1)
		return TIMESPEC_ECONVERT;
	return TIMESPEC_OK;
}
