/* record - one audit log line split into spans, zero-copy.
 * Grammar: [node=N ]type=T msg=audit(SEC.MSEC:SERIAL): BODY[\x1dENRICHED]
 * (audit.log(5), REFERENCE.md 8.1). Nothing is copied or allocated: every
 * span points into the caller's line, which must outlive the record. */
#ifndef AUDITBOX_RECORD_H
#define AUDITBOX_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <auditbox/span.h>

#define RECORD_GS '\x1d'	/* ENRICHED separator */

struct record {
	struct span line;	/* the whole line, without '\n' */
	struct span msg;	/* line up to the first GS: what ausearch matches */
	struct span enrich;	/* after the GS; empty for RAW lines */
	struct span node;	/* node= value; empty when absent */
	struct span type_name;	/* SYSCALL, UNKNOWN[1337], ... */
	int type;		/* record type number, -1 when unknown */
	uint64_t sec;
	unsigned milli;
	unsigned long serial;
	struct span body;	/* msg after "):", leading blanks skipped */
	size_t body_from;	/* where the timestamp starts */
	bool hit;		/* may hold searched text: true unless a
				 * reader's prefilter (scan_find) said no */
};

enum record_err {
	RECORD_OK = 0,
	RECORD_ENOTYPE = -1,	/* fewer than three words in the header */
	RECORD_ENOTIME = -2,	/* no '(' timestamp in the msg= word */
	RECORD_EBADTIME = -3,	/* timestamp does not fit */
};

/* Splits line[0..len) (no trailing '\n') the way ausearch 3.0.9 reads a
 * header: first words of the line, node/type/msg, "(sec.milli:serial)".
 * Returns RECORD_OK or a negative enum record_err; r is then undefined. */
int record_parse(struct record *r, const char *line, size_t len);

/* record_parse without the body: fills line, node, type_name, type and
 * the time stamp only (msg, enrich and body are left unset). The fast
 * path for grouping records into events. */
int record_parse_header(struct record *r, const char *line, size_t len);

/* Record type number for a name ("SYSCALL", "UNKNOWN[1337]", "1300"),
 * -1 when the name is not known. */
int record_type_number(struct span name);

/* Name of a record type number, NULL when unknown. */
const char *record_type_name(int type);

/* Iterates "name=value" words of s from *pos. A value that opens with '
 * runs to the closing ' (user records' msg='...'), "..." to the closing ".
 * Returns false at the end. Words without '=' come back with an empty
 * value and the word as name. */
bool record_next_field(struct span s, size_t *pos, struct span *name,
		       struct span *value);

/* First field called name in the body; false if there is none. */
bool record_field(const struct record *r, struct span name, struct span *value);

/* Decodes an even-length hex string into out (cap bytes). Returns the
 * decoded length, or (size_t)-1 if v is not hex of even length or does
 * not fit. */
size_t record_hex_decode(struct span v, char *out, size_t cap);

/* Value of hex digit c (either case), -1 when c is not one. */
int record_hex_digit(char c);

/* True when v is all hex digits of even, non-zero length. */
bool record_is_hex(struct span v);

#endif
