/* event - records into events, with the completion rules and output order
 * of ausearch 3.0.9 (see event.h). Open events sit in a hash table for
 * lookup and in a time-sorted ring for the timeout rule, so a record costs
 * O(log open events) instead of the reference's scan of all open events. */
#include <auditbox/event.h>

#include <errno.h>
#include <stdlib.h>

#define T_PROCTITLE 1327
#define T_EOE 1320
#define T_FIRST_EVENT 1300
#define T_FIRST_ANOM 2100
#define T_KERNEL 2000
#define T_MAC_UNLBL_ALLOW 1406
#define T_MAC_CALIPSO_DEL 1419

bool event_type_is_single(int type)
{
	return type == T_PROCTITLE || type < T_FIRST_EVENT ||
	       type >= T_FIRST_ANOM || type == T_KERNEL ||
	       (type >= T_MAC_UNLBL_ALLOW && type <= T_MAC_CALIPSO_DEL);
}

/* Event slots: an event's index is the lowest free one when it is made,
 * as the reference's lol_append() takes the first empty array slot; ties
 * in (sec, milli, serial) are released in slot order, as its
 * get_ready_event() keeps the first of equal events. A bitmap of taken
 * slots, and one of full bitmap words, find it in a few word scans. */
static void slot_mark(struct event_table *t, uint32_t id, bool taken)
{
	uint32_t w = id / 64;

	if (taken) {
		t->used[w] |= 1ull << (id % 64);
		if (t->used[w] == UINT64_MAX)
			t->full[w / 64] |= 1ull << (w % 64);
	} else {
		t->used[w] &= ~(1ull << (id % 64));
		t->full[w / 64] &= ~(1ull << (w % 64));
	}
}

static uint32_t slot_take(struct event_table *t)
{
	uint32_t i, n = (t->ev_cap + 4095) / 4096, w;

	if (t->nused >= t->ev_cap)
		return EVENT_NONE;
	for (i = 0; i < n && t->full[i] == UINT64_MAX; i++)
		;
	if (i == n)
		return EVENT_NONE;
	w = i * 64 + (uint32_t)__builtin_ctzll(~t->full[i]);
	i = w * 64 + (uint32_t)__builtin_ctzll(~t->used[w]);
	slot_mark(t, i, true);
	t->nused++;
	return i;
}

int event_init(struct event_table *t, uint32_t max_events,
	       uint32_t max_records, unsigned timeout)
{
	uint32_t i, h = 1;

	memset(t, 0, sizeof *t);
	while (h < max_events * 2)
		h <<= 1;
	t->ev = calloc(max_events, sizeof *t->ev);
	t->rec = calloc(max_records, sizeof *t->rec);
	t->hash = malloc(h * sizeof *t->hash);
	t->heap = malloc(max_events * sizeof *t->heap);
	t->ready = malloc(max_events * sizeof *t->ready);
	t->used = calloc((max_events + 4095) / 4096 * 64, sizeof *t->used);
	t->full = calloc((max_events + 4095) / 4096, sizeof *t->full);
	if (!t->ev || !t->rec || !t->hash || !t->heap || !t->ready ||
	    !t->used || !t->full) {
		event_fini(t);
		return -ENOMEM;
	}
	t->ev_cap = max_events;
	t->rec_cap = max_records;
	t->hmask = h - 1;
	for (i = 0; i < h; i++)
		t->hash[i] = EVENT_NONE;
	/* slots past the end count as taken: bit by bit to a word's end,
	 * then whole words */
	for (i = max_events; i % 4096 && i % 64; i++)
		slot_mark(t, i, true);
	for (; i % 4096; i += 64) {
		t->used[i / 64] = UINT64_MAX;
		t->full[i / 4096] |= 1ull << (i / 64 % 64);
	}
	/* the record free list starts empty: never-used records are handed
	 * out in order (rec_new), so only the memory in use is touched */
	t->rec_free = EVENT_NONE;
	t->current = EVENT_NONE;
	t->recent = EVENT_NONE;
	t->timeout = timeout;
	return 0;
}

void event_fini(struct event_table *t)
{
	free(t->used);
	free(t->full);
	free(t->ev);
	free(t->rec);
	free(t->hash);
	free(t->heap);
	free(t->ready);
	memset(t, 0, sizeof *t);
}

/* Serials count up, so consecutive events land in neighbouring buckets:
 * the lookups of a dense log stay in a few cache lines instead of one
 * miss per event. sec, milli and the node move the run elsewhere. */
static uint32_t key_hash(const struct event_table *t, uint64_t sec,
			 unsigned milli, unsigned long serial, struct span node)
{
	uint64_t h = serial + sec * 0x9E37u + milli * 0x3B9u, n = 0;
	size_t i;

	for (i = 0; i < node.n; i++)
		n = (n ^ (unsigned char)node.p[i]) * 0x100000001B3ull;
	h += (n ^ n >> 29) * 0x9E3779B1u;
	return (uint32_t)h & t->hmask;
}

static int ev_cmp(const struct event *a, const struct event *b)
{
	if (a->sec != b->sec)
		return a->sec < b->sec ? -1 : 1;
	if (a->milli != b->milli)
		return a->milli < b->milli ? -1 : 1;
	if (a->serial != b->serial)
		return a->serial < b->serial ? -1 : 1;
	return a < b ? -1 : a > b;	/* slot order */
}

/* Pending events sit in a ring sorted by (sec, milli, serial, slot).
 * Logs are nearly in time order, so an insert walks back a step or two
 * from the tail and a release takes the head: O(1) in practice. */
static uint32_t *pend_at(struct event_table *t, uint32_t i)
{
	uint32_t k = t->qhead + i;

	return &t->heap[k >= t->ev_cap ? k - t->ev_cap : k];
}

static void pend_insert(struct event_table *t, uint32_t id)
{
	uint32_t i = t->nheap;

	while (i > 0 && ev_cmp(&t->ev[*pend_at(t, i - 1)], &t->ev[id]) > 0) {
		*pend_at(t, i) = *pend_at(t, i - 1);
		i--;
	}
	*pend_at(t, i) = id;
	t->nheap++;
}

static void hash_remove(struct event_table *t, uint32_t id)
{
	struct event *e = &t->ev[id];
	uint32_t *pp = &t->hash[key_hash(t, e->sec, e->milli, e->serial,
					  e->node)];

	while (*pp != EVENT_NONE && *pp != id)
		pp = &t->ev[*pp].hnext;
	if (*pp == id)
		*pp = e->hnext;
}

/* Marks an event complete: later records with its key open a new one. */
static void complete(struct event_table *t, uint32_t id)
{
	if (t->ev[id].open) {
		hash_remove(t, id);
		t->ev[id].open = false;
	}
}

/* Appends a popped (lowest pending) event to the ready list. */
static void make_ready(struct event_table *t, uint32_t id)
{
	complete(t, id);
	t->ready[t->nready++] = id;
}

static uint32_t heap_pop(struct event_table *t)
{
	uint32_t id = t->heap[t->qhead];

	t->qhead = t->qhead + 1 == t->ev_cap ? 0 : t->qhead + 1;
	t->nheap--;
	return id;
}

/* Completes the oldest open event early, to make room. */
static bool force_oldest(struct event_table *t)
{
	if (t->nheap == 0)
		return false;
	make_ready(t, heap_pop(t));
	t->forced++;
	return true;
}

static void free_event(struct event_table *t, uint32_t id)
{
	struct event *e = &t->ev[id];

	/* freed records queue up at the tail: they are taken again in the
	 * order they were filled, a forward walk the prefetcher follows */
	if (e->first != EVENT_NONE) {
		t->rec[e->last].next = EVENT_NONE;
		if (t->rec_free == EVENT_NONE)
			t->rec_free = e->first;
		else
			t->rec[t->rec_tail].next = e->first;
		t->rec_tail = e->last;
	}
	e->first = e->last = EVENT_NONE;
	e->hnext = EVENT_NONE;
	slot_mark(t, id, false);
	t->nused--;
}

static bool rec_available(const struct event_table *t)
{
	return t->rec_free != EVENT_NONE || t->rec_new < t->rec_cap;
}

static uint32_t take_rec(struct event_table *t)
{
	uint32_t r = t->rec_free;

	if (r != EVENT_NONE)
		t->rec_free = t->rec[r].next;
	else if (t->rec_new < t->rec_cap)
		r = t->rec_new++;
	return r;
}

static bool same_key(const struct event *e, const struct record *r)
{
	return e->sec == r->sec && e->milli == r->milli &&
	       e->serial == r->serial && span_eq(e->node, r->node);
}

static uint32_t find_open(struct event_table *t, const struct record *r)
{
	uint32_t id = t->recent;

	/* an event's records mostly come one after the other */
	if (id != EVENT_NONE && t->ev[id].open && same_key(&t->ev[id], r))
		return id;
	id = t->hash[key_hash(t, r->sec, r->milli, r->serial, r->node)];

	for (; id != EVENT_NONE; id = t->ev[id].hnext) {
		if (same_key(&t->ev[id], r))
			return t->recent = id;
	}
	return EVENT_NONE;
}

static uint32_t new_event(struct event_table *t, const struct record *r)
{
	uint32_t id, h;
	struct event *e;

	id = slot_take(t);
	if (id == EVENT_NONE)
		return EVENT_NONE;
	e = &t->ev[id];
	e->sec = r->sec;
	e->milli = r->milli;
	e->serial = r->serial;
	e->node = r->node;
	e->type = r->type;
	e->first = e->last = EVENT_NONE;
	e->nrec = 0;
	e->open = true;
	e->hit = false;
	h = key_hash(t, r->sec, r->milli, r->serial, r->node);
	e->hnext = t->hash[h];
	t->hash[h] = id;
	t->recent = id;
	pend_insert(t, id);
	return id;
}

static void append(struct event_table *t, uint32_t id, const struct record *r,
		   uint32_t ri)
{
	struct event *e = &t->ev[id];

	t->rec[ri].line = r->line;
	t->rec[ri].type = r->type;
	t->rec[ri].next = EVENT_NONE;
	if (e->first == EVENT_NONE)
		e->first = ri;
	else
		t->rec[e->last].next = ri;
	e->last = ri;
	e->nrec++;
	e->hit |= r->hit;
}

/* Out of room: complete the oldest open event and ask the caller to
 * drain and feed again; drop the record only if nothing can free room. */
static uint32_t full(struct event_table *t)
{
	if (force_oldest(t) || t->nready > t->ready_pos)
		return EVENT_RETRY;
	return 0;
}

/* The reference checks the open events when one is created; it releases
 * complete events lowest (sec, milli, serial) first and never past a
 * lower event still open. */
static void release(struct event_table *t, uint64_t sec)
{
	while (t->nheap) {
		struct event *o = &t->ev[t->heap[t->qhead]];

		if (o->open && o->sec + t->timeout > sec)
			break;
		make_ready(t, heap_pop(t));
	}
}

uint32_t event_feed(struct event_table *t, const struct record *r)
{
	uint32_t id, ri;

	if (!rec_available(t))
		return full(t);
	id = find_open(t, r);
	if (id != EVENT_NONE) {
		if (r->type != T_EOE || !t->eoe_drop)
			append(t, id, r, take_rec(t));
		/* libauparse's last records: a syscall event's PROCTITLE
		 * (auditd's logs have no EOE), its EOE */
		if ((r->type == T_EOE || r->type == T_PROCTITLE) &&
		    t->eoe_ends) {
			complete(t, id);
			release(t, r->sec);
		}
		return t->nready - t->ready_pos;
	}
	if (r->type == T_EOE)		/* standalone EOE: dropped */
		return t->nready - t->ready_pos;
	if (t->nused >= t->ev_cap)
		return full(t);
	ri = take_rec(t);
	id = new_event(t, r);
	append(t, id, r, ri);
	if (event_type_is_single(r->type))
		complete(t, id);
	release(t, r->sec);
	return t->nready - t->ready_pos;
}

uint32_t event_flush(struct event_table *t)
{
	while (t->nheap)
		make_ready(t, heap_pop(t));
	return t->nready - t->ready_pos;
}

const struct event *event_next(struct event_table *t)
{
	if (t->current != EVENT_NONE) {
		free_event(t, t->current);
		t->current = EVENT_NONE;
	}
	if (t->ready_pos == t->nready) {
		t->ready_pos = t->nready = 0;
		return NULL;
	}
	t->current = t->ready[t->ready_pos++];
	return &t->ev[t->current];
}

const struct event_rec *event_rec_first(const struct event_table *t,
					const struct event *e)
{
	return e->first == EVENT_NONE ? NULL : &t->rec[e->first];
}

const struct event_rec *event_rec_next(const struct event_table *t,
				       const struct event_rec *r)
{
	return r->next == EVENT_NONE ? NULL : &t->rec[r->next];
}

static bool first_in(const struct event_table *t, uint32_t id,
		     const char *lo, const char *hi)
{
	const struct event *e = &t->ev[id];
	const char *p;

	if (e->first == EVENT_NONE)
		return false;
	p = t->rec[e->first].line.p;
	return p >= lo && p < hi;
}

bool event_refers(const struct event_table *t, const char *lo,
		  const char *hi)
{
	uint32_t i;

	for (i = 0; i < t->nheap; i++)
		if (first_in(t, *(uint32_t *)pend_at((struct event_table *)t, i),
			     lo, hi))
			return true;
	for (i = t->ready_pos; i < t->nready; i++)
		if (first_in(t, t->ready[i], lo, hi))
			return true;
	return t->current != EVENT_NONE && first_in(t, t->current, lo, hi);
}

void event_rebase(struct event_table *t, const struct event *e,
		  const char *from, size_t n, const char *to)
{
	uint32_t i;

	for (i = e->first; i != EVENT_NONE; i = t->rec[i].next) {
		struct span *l = &t->rec[i].line;

		if (l->p >= from && l->p + l->n <= from + n)
			l->p = to + (l->p - from);
	}
}
