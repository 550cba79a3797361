/* dispatch - the queue between the log writer and the plugins: a bounded
 * ring of q_depth records in caller-owned memory, one read cursor per
 * plugin, records serialized in the plugins.d formats (string, binary)
 * as the reference's dispatcher writes them, and the overflow policy.
 * A reader that does not read only holds its own cursor: when the ring
 * is full the new record is refused (never blocks the caller) and the
 * overflow action says what to report. No allocation, no I/O.
 * Reference: audit 3.0.9 audisp/audispd.c, audisp/queue.c. */
#ifndef AUDITBOX_DISPATCH_H
#define AUDITBOX_DISPATCH_H

#include <stddef.h>
#include <stdint.h>

#define DISPATCH_MAX_READERS 32
/* MAX_AUDIT_MESSAGE_LENGTH: a binary record's payload is always padded
 * to this size (ref 3.0.9 writes the whole event buffer). */
#define DISPATCH_DATA_MAX 8970
#define DISPATCH_HDR_SIZE 16
/* Largest serialized record: the string form of a full payload with
 * "type=UNKNOWN[4294967295] msg=" and the newline. */
#define DISPATCH_REC_MAX (DISPATCH_DATA_MAX + 64)

/* Protocol versions of struct audit_dispatcher_header: VER0 carries the
 * kernel text ("audit(...): ..."), VER2 the whole formatted line. */
enum { DISPATCH_VER0 = 0, DISPATCH_VER2 = 1 };
enum dispatch_fmt { DISPATCH_STRING, DISPATCH_BINARY };

/* What dispatch_push did. */
enum dispatch_push_rc {
	DISPATCH_QUEUED,	/* stored for every active reader */
	DISPATCH_NO_READER,	/* no active reader: nothing stored */
	DISPATCH_SUSPENDED,	/* queueing suspended: dropped */
	DISPATCH_FULL,		/* no room: dropped; run dispatch_overflow */
};

/* What the caller must do after an overflow (its own words, see the
 * comment of each). */
enum dispatch_act {
	DISPATCH_ACT_NONE,
	DISPATCH_ACT_WARN,	/* "queue to plugins is full - dropping event" */
	DISPATCH_ACT_WARN_LAST,	/* that, then the "reporting limit" notice */
	DISPATCH_ACT_SUSPEND,	/* the suspend notice; queueing now off */
	DISPATCH_ACT_SINGLE,	/* single user mode */
	DISPATCH_ACT_HALT,	/* halt */
};

/* Overflow reports before the reference stops reporting. */
#define DISPATCH_WARN_LIMIT 5

struct dispatch_entry {
	uint32_t off, len;	/* payload bytes in the ring */
	uint32_t type, slen;	/* record type, string form length */
	uint8_t ver;
};

struct dispatch_reader {
	uint64_t seq;		/* next record to send */
	size_t off;		/* bytes of it already sent */
	int active;
	int blocked;		/* its sink is full: not written to until
				 * the caller sees it writable again */
	enum dispatch_fmt fmt;
};

struct dispatch_q {
	struct dispatch_entry *ent;	/* caller's, depth entries */
	unsigned depth;
	char *buf;			/* caller's, cap bytes */
	size_t cap;
	uint64_t head, tail;		/* records [tail, head) are held */
	size_t bhead;			/* where the next payload goes */
	struct dispatch_reader rd[DISPATCH_MAX_READERS];
	unsigned max_used;		/* deepest the queue has been */
	unsigned long dropped;		/* records refused (full) */
	int overflowed, suspended, warnings;
};

/* Sets up an empty queue of depth records over ent[depth] and buf[cap]
 * (cap >= DISPATCH_DATA_MAX). */
void dispatch_init(struct dispatch_q *q, struct dispatch_entry *ent,
		   unsigned depth, char *buf, size_t cap);
/* Adds a reader that sees records pushed from now on. Its index, or -1
 * if all DISPATCH_MAX_READERS are in use. */
int dispatch_reader_add(struct dispatch_q *q, enum dispatch_fmt fmt);
/* Removes reader i; records only it held are released. */
void dispatch_reader_remove(struct dispatch_q *q, int i);
/* Moves reader i past everything queued (a client went away). */
void dispatch_reader_skip(struct dispatch_q *q, int i);
/* Starts reader i's current record again from its first byte (a new
 * process after a restart must not get half a record). */
void dispatch_reader_rewind(struct dispatch_q *q, int i);
/* Marks reader i's sink full (1: no write is tried until the caller's
 * poll says it is writable and calls this with 0) or writable (0). */
void dispatch_reader_block(struct dispatch_q *q, int i, int blocked);
/* 1 if some active reader that is not blocked has bytes to send: only
 * then can sending make room in a full queue. */
int dispatch_writable(const struct dispatch_q *q);
/* 1 if reader i has bytes to send, else 0. */
int dispatch_pending(const struct dispatch_q *q, int i);
/* Records queued now. */
unsigned dispatch_depth(const struct dispatch_q *q);

/* Queues one record: payload[len] (len <= DISPATCH_DATA_MAX) is the
 * kernel text for VER0 or the formatted line (no newline) for VER2. */
enum dispatch_push_rc dispatch_push(struct dispatch_q *q, uint32_t type,
				    int ver, const char *payload, size_t len);
/* 1 if a record of len payload bytes would be refused now (queue full by
 * depth or by bytes), else 0: lets a caller skip formatting a record
 * that cannot be queued. */
int dispatch_full(const struct dispatch_q *q, size_t len);
/* The overflow action (conf FA_IGNORE, FA_SYSLOG, FA_SUSPEND, FA_SINGLE,
 * FA_HALT) after a DISPATCH_FULL: updates the flags and says what to do. */
enum dispatch_act dispatch_overflow(struct dispatch_q *q, int action);
/* Ends a suspension (USR2, HUP); with rearm also re-arms the overflow
 * reports (HUP). */
void dispatch_resume(struct dispatch_q *q, int rearm);

/* Serializes one record as a plugin reads it into out[cap] (cap >=
 * DISPATCH_HDR_SIZE + DISPATCH_DATA_MAX): string "type=T msg=TEXT\n"
 * (VER0) or "LINE\n" (VER2), the text cut at a NUL and its newlines made
 * spaces; binary: the 16-byte header (host order) and the payload padded
 * with zeros to DISPATCH_DATA_MAX. Returns the length. */
size_t dispatch_serialize(const struct dispatch_entry *e, const char *payload,
			  enum dispatch_fmt fmt, char *out, size_t cap);
/* Fills out[cap] with reader i's next bytes: the rest of its current
 * record, then whole records while they fit. Returns the length (0 when
 * nothing is pending). cap >= DISPATCH_HDR_SIZE + DISPATCH_DATA_MAX. */
size_t dispatch_fill(const struct dispatch_q *q, int i, char *out,
		     size_t cap);
/* Reader i has sent n more bytes; releases records every reader passed. */
void dispatch_advance(struct dispatch_q *q, int i, size_t n);
/* Fills out[cap] with reader i's current record only (one datagram, as
 * for syslog) from its first byte; 0 when nothing is pending. */
size_t dispatch_fill_one(const struct dispatch_q *q, int i, char *out,
			 size_t cap);

#endif
