/* remote - frame header, reply words and the streaming frame parser of
 * the audit remote protocol. Reference: audit 3.0.9 lib/private.h
 * (AUDIT_RMW_*), src/auditd-listen.c (the listener's reading). */
#include <auditbox/remote.h>

#include <string.h>

static void put32(unsigned char *b, uint32_t v)
{
	b[0] = (unsigned char)v;
	b[1] = (unsigned char)(v >> 8);
	b[2] = (unsigned char)(v >> 16);
	b[3] = (unsigned char)(v >> 24);
}

static uint32_t get32(const unsigned char *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	       (uint32_t)b[3] << 24;
}

void remote_pack(unsigned char out[REMOTE_HDR_SIZE], uint32_t type,
		 uint16_t len, uint32_t seq)
{
	put32(out, REMOTE_MAGIC);
	out[4] = 0;
	out[5] = 0;
	put32(out + 6, type);
	out[10] = (unsigned char)len;
	out[11] = (unsigned char)(len >> 8);
	put32(out + 12, seq);
}

int remote_unpack(const unsigned char in[REMOTE_HDR_SIZE],
		  struct remote_hdr *h)
{
	if (get32(in) != REMOTE_MAGIC)
		return -1;
	h->hver = in[4];
	h->mver = in[5];
	h->type = get32(in + 6);
	h->len = (uint16_t)(in[10] | in[11] << 8);
	h->seq = get32(in + 12);
	return 0;
}

size_t remote_frame(unsigned char *out, size_t cap, uint32_t type,
		    uint32_t seq, const void *payload, size_t len)
{
	if (len > REMOTE_MAX_MSG || cap < REMOTE_HDR_SIZE + len)
		return 0;
	remote_pack(out, type, (uint16_t)len, seq);
	if (len)
		memcpy(out + REMOTE_HDR_SIZE, payload, len);
	return REMOTE_HDR_SIZE + len;
}

const char *remote_type_name(uint32_t type)
{
	switch (type) {
	case REMOTE_MESSAGE: return "message";
	case REMOTE_HEARTBEAT: return "heartbeat";
	case REMOTE_ACK: return "ack";
	case REMOTE_ENDING: return "ending";
	case REMOTE_DISKLOW: return "disk low";
	case REMOTE_DISKFULL: return "disk full";
	case REMOTE_DISKERROR: return "disk error";
	}
	if (type & REMOTE_FATAL)
		return "fatal error";
	if (type & REMOTE_WARN)
		return "warning";
	return "unknown";
}

void remote_parser_init(struct remote_parser *p, int lines)
{
	p->len = p->off = 0;
	p->lines = lines;
	p->skipping = p->bad = 0;
	p->skipped = 0;
}

unsigned char *remote_space(struct remote_parser *p, size_t *room)
{
	if (p->off) {
		memmove(p->buf, p->buf + p->off, p->len - p->off);
		p->len -= p->off;
		p->off = 0;
	}
	*room = sizeof p->buf - p->len;
	return p->buf + p->len;
}

void remote_wrote(struct remote_parser *p, size_t n)
{
	p->len += n;
	if (p->len > sizeof p->buf)	/* caller's bug: clamp */
		p->len = sizeof p->buf;
}

size_t remote_feed(struct remote_parser *p, const void *data, size_t n)
{
	size_t room;
	unsigned char *dst = remote_space(p, &room);

	if (n > room)
		n = room;
	memcpy(dst, data, n);
	remote_wrote(p, n);
	return n;
}

/* Starts of the magic that may still complete: 1 when buf[0..n) is a
 * prefix of FE 00 00 FF. */
static int magic_prefix(const unsigned char *b, size_t n)
{
	static const unsigned char m[4] = { 0xfe, 0x00, 0x00, 0xff };

	return memcmp(b, m, n < 4 ? n : 4) == 0;
}

/* Not a frame: skip through the next newline (or all held bytes, and go
 * on skipping). */
static enum remote_ev skip_line(struct remote_parser *p)
{
	unsigned char *s = p->buf + p->off;
	size_t n = p->len - p->off;
	unsigned char *nl = memchr(s, '\n', n);

	if (!nl) {
		p->off = p->len;
		p->skipping = 1;
		return REMOTE_NEED;
	}
	p->off += (size_t)(nl - s) + 1;
	p->skipping = 0;
	p->skipped++;
	return REMOTE_LINE;
}

enum remote_ev remote_next(struct remote_parser *p, struct remote_hdr *h,
			   const char **payload, size_t *plen)
{
	const unsigned char *s;
	size_t n;

	if (p->bad)
		return REMOTE_BAD;
	n = p->len - p->off;
	if (!n)
		return REMOTE_NEED;
	if (p->skipping)
		return skip_line(p);
	s = p->buf + p->off;
	if (!magic_prefix(s, n)) {
		if (p->lines)
			return skip_line(p);
		p->bad = 1;
		return REMOTE_BAD;
	}
	if (n < REMOTE_HDR_SIZE)
		return REMOTE_NEED;
	remote_unpack(s, h);
	if (h->len > REMOTE_MAX_MSG) {
		p->bad = 1;
		return REMOTE_BAD;
	}
	if (n < REMOTE_HDR_SIZE + (size_t)h->len)
		return REMOTE_NEED;
	p->off += REMOTE_HDR_SIZE + (size_t)h->len;
	*payload = (const char *)s + REMOTE_HDR_SIZE;
	*plen = h->len;
	if (*plen && (*payload)[*plen - 1] == '\n')
		(*plen)--;
	return REMOTE_FRAME;
}

int remote_partial(const struct remote_parser *p)
{
	return p->len > p->off || p->skipping;
}

uint64_t remote_seen_hash(const void *p, size_t n)
{
	const unsigned char *b = p;
	uint64_t h = 14695981039346656037ULL;	/* FNV-1a */

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ULL;
	return h ? h : 1;	/* 0 marks an empty slot */
}

void remote_seen_init(struct remote_seen *s)
{
	memset(s, 0, sizeof *s);
}

int remote_seen_check(struct remote_seen *s, uint64_t h)
{
	uint64_t old;
	size_t slot = h % (2 * REMOTE_SEEN);

	if (s->tab[slot] == h)
		return 1;
	old = s->ring[s->pos];
	if (old && s->tab[old % (2 * REMOTE_SEEN)] == old)
		s->tab[old % (2 * REMOTE_SEEN)] = 0;
	s->ring[s->pos] = h;
	s->pos = (s->pos + 1) % REMOTE_SEEN;
	s->tab[slot] = h;
	return 0;
}

void remote_seen_forget(struct remote_seen *s, uint64_t h)
{
	size_t slot = h % (2 * REMOTE_SEEN);

	if (s->tab[slot] == h)
		s->tab[slot] = 0;
}
