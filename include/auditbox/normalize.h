/* normalize - one event reduced to who did what to what, how, with what
 * result: the subject/action/object model of audit 3.0.9's auparse
 * normalizer (auparse_normalize), behind ausearch --format csv and text
 * and aureport. Spans point into the event's record lines; nothing is
 * allocated. */
#ifndef AUDITBOX_NORMALIZE_H
#define AUDITBOX_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <auditbox/event.h>
#include <auditbox/interpret.h>
#include <auditbox/span.h>

#define NORM_MAX_RECS 128
#define NORM_MAX_FIELDS 2048
#define NORM_UNSET (-1)

struct norm_field {
	struct span name, value;
	uint16_t rec;
};

struct norm_rec {
	int type;
	uint32_t first, n;	/* fields f[first .. first+n) */
	struct span enrich;
};

struct normalize {
	/* the event split into records and fields (auparse's view) */
	struct norm_rec rec[NORM_MAX_RECS];
	struct norm_field f[NORM_MAX_FIELDS];
	unsigned nrec, nf;
	/* cursor: current record, and each record's current field */
	unsigned cr;
	uint32_t cf[NORM_MAX_RECS];
	bool all;			/* NORM_OPT_ALL (labels) */
	struct interp *ip;		/* for the values it reads */
	struct interp_event ie;
	char sysname[64];		/* the syscall's name */
	int escape;			/* of the values: EVFMT_ESC_* */
	int success;			/* the SYSCALL's: -1, 0, 1 */
	/* the result: field indexes into f[] or NORM_UNSET */
	const char *evkind, *subj_kind, *action, *how;
	int action_f, how_f;		/* action/how from a field's value */
	int session, subj_prime, subj_sec, obj_prime, obj_sec, obj2;
	int results, key, subj_label, obj_label;
	int obj_kind;			/* NORM_WHAT_* */
	bool obj_is_name;		/* obj_prime prints its field name */
};

/* Splits records recs[0..n) into n's fields and normalizes them; all
 * asks for the attributes (--extra-labels). Returns 0, or 1 when the
 * reference's normalizer fails ("error normalizing"). */
int normalize_event(struct normalize *n, struct interp *ip,
		    const struct event_rec *const *recs, size_t nrec, bool all);

/* Writes field i interpreted (auparse_interpret_field, escaped as
 * n->escape says) into out; returns the length needed. */
size_t normalize_value(struct normalize *n, int i, char *out, size_t cap);

/* Name of the object kind (NORM_WHAT_*): "file", "socket", ... */
const char *normalize_obj_kind(const struct normalize *n);

/* Record type of field i. */
int normalize_field_rtype(const struct normalize *n, int i);

#endif
