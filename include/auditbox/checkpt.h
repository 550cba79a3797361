/* checkpt - ausearch --checkpoint: the checkpoint file (the log file's
 * device and inode, and the last completed event), its parser, writer,
 * and the decision which events a resumed search may output. Reference:
 * audit 3.0.9 ausearch(8) --checkpoint, ausearch-checkpt.c behaviour:
 *   dev=0x<HEX st_dev>
 *   inode=<decimal st_ino>
 *   output=<node or -> <sec>.<milli 3 digits>:<serial> 0x<TYPE HEX> */
#ifndef AUDITBOX_CHECKPT_H
#define AUDITBOX_CHECKPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <auditbox/event.h>
#include <auditbox/span.h>

#define CHECKPT_LINE_MAX 1023	/* the reference's fgets buffer */
#define CHECKPT_NODE_MAX CHECKPT_LINE_MAX

/* The reference's failure bits (exit 11, or 12 with CORRUPTED). */
enum {
	CHECKPT_F_NOMEM = 0x01, CHECKPT_F_STATFAILED = 0x02,
	CHECKPT_F_STATUSIO = 0x04, CHECKPT_F_STATUSBAD = 0x08,
	CHECKPT_F_CORRUPTED = 0x10,
};

/* What a load found wrong; the applet words it as the reference. */
enum checkpt_err {
	CHECKPT_OK = 0,
	CHECKPT_EDEV,		/* "Malformed dev checkpoint line - [%s]" */
	CHECKPT_EINODE,		/* "Malformed inode checkpoint line - [%s]" */
	CHECKPT_ENODE,		/* "... line near node - [%s]" */
	CHECKPT_EAFTER,		/* "... line after node - [%s]" */
	CHECKPT_EUNKNOWN,	/* "Unknown checkpoint line - [%s]" */
};

struct checkpt_event {
	bool has_node;
	char node[CHECKPT_NODE_MAX + 1];
	int64_t sec;
	unsigned milli;
	unsigned long serial;
	unsigned type;
};

struct checkpt {
	uint64_t dev, ino;
	struct checkpt_event ev;
	int err;			/* enum checkpt_err of the bad line */
	char line[CHECKPT_LINE_MAX];	/* that line, NUL-terminated */
	bool missing;			/* no dev= or inode= (or zero) */
};

/* Parses a checkpoint file's bytes as the reference reads them (lines
 * of at most CHECKPT_LINE_MAX - 1 bytes, the first bad line stops).
 * Returns 0, or -1 when cp->err or cp->missing tell what is wrong. */
int checkpt_parse(struct checkpt *cp, const char *buf, size_t len);

/* Writes the file's text for dev, ino and the last event into out (cap
 * bytes, NUL-terminated). Returns the length needed (snprintf). */
size_t checkpt_format(char *out, size_t cap, uint64_t dev, uint64_t ino,
		      const struct checkpt_event *last);

/* Copies event e's identity (first record's type) into out. */
void checkpt_event_set(struct checkpt_event *out, const struct event *e);

/* The resume decision for a matching event e, as the reference's
 * chkpt_output_decision(): *can_output latches once output started. */
enum {
	CHECKPT_SKIP = 0,	/* before the checkpoint */
	CHECKPT_OUTPUT = 1,	/* output this event */
	CHECKPT_AFTER = 2,	/* the checkpointed event: output what follows */
	CHECKPT_CORRUPT = 3,	/* complete event well past it: file reused */
};
int checkpt_decide(const struct checkpt *cp, bool have, bool time_only,
		   bool *can_output, const struct event *e);

#endif
