/* event - records grouped into events by (node, sec, milli, serial), with
 * ausearch 3.0.9's completion rules (REFERENCE.md 4.5):
 *  - an event is complete when a record opening a NEW event arrives whose
 *    second is >= event second + timeout (end_of_event_timeout), or
 *  - at once when its first record is of a one-record type (type < 1300,
 *    PROCTITLE, KERNEL, >= 2100, MAC_UNLBL_ALLOW..MAC_CALIPSO_DEL), or
 *  - at the end of input (event_flush), or
 *  - with eoe_ends (ours, for events read as they come), when an EOE or
 *    a PROCTITLE record is added to it (libauparse's last records).
 * Records arriving for an event already complete open a new event; an
 * EOE record that would open one is dropped. Events are released lowest
 * (sec, milli, serial) first, and only once complete.
 * Events completed by the same record come out in (sec, milli, serial)
 * order; equal ones (other nodes, stragglers) in the reference's slot
 * order: the lowest slot free when the event was made comes first. The table is bounded: when full, the oldest open event is
 * completed early (documented in docs/compat.md).
 * All memory is taken by event_init; feeding allocates nothing. Record
 * text is not copied: the spans must stay valid until the event is
 * released (the next event_next call after it was returned). */
#ifndef AUDITBOX_EVENT_H
#define AUDITBOX_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <auditbox/record.h>
#include <auditbox/span.h>

#define EVENT_NONE UINT32_MAX

struct event_rec {
	struct span line;	/* the whole record line, as read */
	int type;
	uint32_t next;		/* next record of the event, EVENT_NONE */
};

struct event {
	uint64_t sec;
	unsigned milli;
	unsigned long serial;
	struct span node;	/* empty when the records have no node= */
	int type;		/* type of the first record */
	uint32_t first, last, nrec;
	uint32_t hnext;		/* hash chain */
	bool open;
	bool hit;		/* a record had record.hit set */
};

struct event_table {
	struct event *ev;
	uint32_t ev_cap, nused;
	uint64_t *used, *full;		/* slot bitmaps (see event.c) */
	struct event_rec *rec;
	uint32_t rec_cap, rec_free, rec_tail, rec_new;	/* free: a FIFO */
	uint32_t *hash, hmask;
	uint32_t *heap, nheap, qhead;	/* pending events, sorted ring */
	uint32_t *ready, nready, ready_pos;
	uint32_t current;		/* returned by event_next, not released */
	uint32_t recent;		/* last event fed (its slot may be free) */
	unsigned timeout;
	bool eoe_ends;			/* an EOE or PROCTITLE completes its
					 * event (--follow, --live: libauparse's
					 * rule) */
	bool eoe_drop;			/* and is not kept (--live: auditd does
					 * not log EOE records) */
	unsigned long forced;		/* events completed early (table full) */
};

/* Allocates a table for max_events open events holding max_records
 * records in all. Returns 0 or -ENOMEM. */
int event_init(struct event_table *t, uint32_t max_events,
	       uint32_t max_records, unsigned timeout);

/* Frees what event_init took. */
void event_fini(struct event_table *t);

#define EVENT_RETRY UINT32_MAX

/* Adds one parsed record (its line must stay valid, see above). Returns
 * the number of events now ready for event_next, or EVENT_RETRY when the
 * table was full: the oldest open event was completed early; drain with
 * event_next, then feed the same record again. */
uint32_t event_feed(struct event_table *t, const struct record *r);

/* Completes every open event (end of input). Returns the number ready. */
uint32_t event_flush(struct event_table *t);

/* Releases the event returned last, then returns the next ready event,
 * or NULL when none is ready. */
const struct event *event_next(struct event_table *t);

/* Record number i of an event walk: first with event_rec_first, then
 * event_rec_next; NULL at the end. */
const struct event_rec *event_rec_first(const struct event_table *t,
					const struct event *e);
const struct event_rec *event_rec_next(const struct event_table *t,
				       const struct event_rec *r);

/* True when an open or not yet released event has its first record in
 * [lo, hi) (lets a reader free buffers it has passed). O(events). */
bool event_refers(const struct event_table *t, const char *lo,
		  const char *hi);

/* True for the types that make one-record events in ausearch 3.0.9. */
bool event_type_is_single(int type);

/* Points the records of e that lie in [from, from + n) at the same bytes
 * in to (a copy of them): they are read there until e is released. */
void event_rebase(struct event_table *t, const struct event *e,
		  const char *from, size_t n, const char *to);

#endif
