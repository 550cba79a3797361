/* evfmt - one event written in an ausearch output format: raw, default
 * ("----", "time->", records last to first), interpret (-i), and json
 * (ours). Writes to the caller's FILE; allocates nothing per event. */
#ifndef AUDITBOX_EVFMT_H
#define AUDITBOX_EVFMT_H

#include <stdint.h>
#include <stdio.h>

#include <auditbox/event.h>
#include <auditbox/interpret.h>
#include <auditbox/normalize.h>

enum evfmt_format {
	EVFMT_RAW, EVFMT_DEFAULT, EVFMT_INTERP, EVFMT_CSV, EVFMT_TEXT,
	EVFMT_JSON,
};

enum evfmt_escape {
	EVFMT_ESC_RAW, EVFMT_ESC_TTY, EVFMT_ESC_SHELL, EVFMT_ESC_SHELL_QUOTE,
};

#define EVFMT_MAX_RECS 2048
#define EVFMT_LINE 65536		/* an interpreted record, NUL included */
#define EVFMT_OBUF (2 * EVFMT_LINE)	/* one event's text, written at once */

struct evfmt {
	int format;
	int escape;
	struct interp ip;			/* caches for -i */
	const struct event_rec *recs[EVFMT_MAX_RECS];
	char line[EVFMT_LINE];			/* one interpreted record */
	/* raw, default and interpret: the event's text, one fwrite */
	size_t on;
	char ob[EVFMT_OBUF];
	/* default: the header of the second printed last */
	uint64_t hdr_sec;
	size_t hdr_n;				/* 0: none yet */
	char hdr[80];
	/* csv and text (auparse's normalizer) */
	unsigned extra;				/* EVFMT_X_* */
	bool csv_header_done;
	struct normalize norm;
};

/* --extra-* columns of --format csv */
enum {
	EVFMT_X_KEYS = 1, EVFMT_X_LABELS = 2, EVFMT_X_OBJ2 = 4,
	EVFMT_X_TIME = 8,
};

/* Prepares f for a format and escape mode. */
void evfmt_init(struct evfmt *f, int format, int escape);

/* Writes event e of table t to out in f's format. Returns 0, or -1 when
 * the format is not available. */
int evfmt_event(struct evfmt *f, const struct event_table *t,
		const struct event *e, FILE *out);

/* --format json (ours): one JSON object per event on one line. */
int evfmt_json(struct evfmt *f, const struct event_table *t,
	       const struct event *e, FILE *out);

/* --format csv (one line per event, after a header line) and --format
 * text (one English sentence per event), from the normalizer. */
int evfmt_csv(struct evfmt *f, const struct event_table *t,
	      const struct event *e, FILE *out);
int evfmt_text(struct evfmt *f, const struct event_table *t,
	       const struct event *e, FILE *out);

/* Writes s escaped as the reference's --escape mode does. */
void evfmt_escaped(FILE *out, struct span s, int escape);

/* s[0..n) as a JSON string: quotes, backslashes and bytes outside
 * printable ASCII escaped (\u00XX), so any bytes make valid JSON. */
void evfmt_json_str(FILE *out, const char *s, size_t n);

#endif
