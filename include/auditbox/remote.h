/* remote - the audit remote logging protocol, shared by auditd's
 * listener and audisp-remote: the 16-byte little-endian frame header,
 * the message types, and a streaming frame parser that takes bytes as
 * they come (partial headers, several frames in one read), holds at most
 * one frame and never trusts a length. Never allocates, never prints.
 * Reference: audit 3.0.9 lib/private.h, src/auditd-listen.c,
 * audisp/plugins/remote/audisp-remote.c. Docs: docs/audisp-remote.8.md */
#ifndef AUDITBOX_REMOTE_H
#define AUDITBOX_REMOTE_H

#include <stddef.h>
#include <stdint.h>
#include <auditbox/conf.h>

#define REMOTE_HDR_SIZE 16
#define REMOTE_MAX_MSG 8970	/* MAX_AUDIT_MESSAGE_LENGTH */
#define REMOTE_MAX_FRAME (REMOTE_HDR_SIZE + REMOTE_MAX_MSG)
/* Bytes FE 00 00 FF: never a newline, so framed and line input differ
 * from the first byte on. */
#define REMOTE_MAGIC 0xff0000feU

#define REMOTE_REPLY 0x40000000U
#define REMOTE_FATAL 0x20000000U
#define REMOTE_WARN 0x10000000U
#define REMOTE_DETAIL 0x000fffffU

enum remote_type {
	REMOTE_MESSAGE = 0x00000000,	/* client: one record, no newline */
	REMOTE_HEARTBEAT = 0x00000001,	/* client: nothing */
	REMOTE_ACK = 0x40000000,	/* server: record logged */
	REMOTE_ENDING = 0x40000001,	/* server: stopping (seq 0) */
	REMOTE_DISKLOW = 0x50000001,	/* server: logged, space_left */
	REMOTE_DISKFULL = 0x60000001,	/* server: "disk full" */
	REMOTE_DISKERROR = 0x60000002,	/* server: "disk write error" */
};

struct remote_hdr {
	uint8_t hver, mver;
	uint32_t type;
	uint16_t len;		/* payload bytes */
	uint32_t seq;
};

/* Writes the 16 header bytes of (type, len, seq), versions 0. */
void remote_pack(unsigned char out[REMOTE_HDR_SIZE], uint32_t type,
		 uint16_t len, uint32_t seq);
/* Reads 16 header bytes. 0, or -1 when the magic is wrong. The length
 * is not checked here (see remote_parser). */
int remote_unpack(const unsigned char in[REMOTE_HDR_SIZE],
		  struct remote_hdr *h);
/* Header + payload[len] into out[cap]. The frame's size, or 0 when len
 * is over REMOTE_MAX_MSG or out is too small. */
size_t remote_frame(unsigned char *out, size_t cap, uint32_t type,
		    uint32_t seq, const void *payload, size_t len);
/* The words of a reply type ("ack", "disk full", ...), for messages. */
const char *remote_type_name(uint32_t type);

/* What remote_next found. */
enum remote_ev {
	REMOTE_NEED = 0,	/* nothing complete: feed more bytes */
	REMOTE_FRAME = 1,	/* a frame: *h and its payload */
	REMOTE_LINE = 2,	/* a line not framed, skipped (server) */
	REMOTE_BAD = -1,	/* length over REMOTE_MAX_MSG, or (client
				 * side) bytes that are not a frame: the
				 * stream cannot be resynchronised */
};

/* One direction of one connection. lines: input that does not start
 * with the magic is skipped up to its newline, as auditd's listener does
 * (format=ascii clients); else it is REMOTE_BAD. Bounded: buf holds one
 * frame at most, a line longer than that is skipped as it streams. */
struct remote_parser {
	unsigned char buf[REMOTE_MAX_FRAME];
	size_t len;		/* bytes held */
	size_t off;		/* consumed from the front */
	int lines;
	int skipping;		/* inside a skipped line */
	int bad;		/* REMOTE_BAD was returned: sticky */
	unsigned long skipped;	/* lines skipped */
};

void remote_parser_init(struct remote_parser *p, int lines);
/* Where up to *room bytes may be read to (the front is compacted
 * first); then remote_wrote(n). *room is 0 when a whole frame is held
 * and must be taken with remote_next first. */
unsigned char *remote_space(struct remote_parser *p, size_t *room);
void remote_wrote(struct remote_parser *p, size_t n);
/* Copies in as much of data[n] as fits; returns the bytes taken. */
size_t remote_feed(struct remote_parser *p, const void *data, size_t n);
/* The next event. On REMOTE_FRAME, *payload points into the parser
 * (valid until the next call that feeds it); a MESSAGE's trailing
 * newline is not part of *plen. */
enum remote_ev remote_next(struct remote_parser *p, struct remote_hdr *h,
			   const char **payload, size_t *plen);
/* 1 when bytes of an unfinished frame or line are held. */
int remote_partial(const struct remote_parser *p);

/* ---- audisp-remote.conf (core/remote_conf.c) ---- */

enum remote_action {
	RA_IGNORE, RA_SYSLOG, RA_EXEC, RA_WARN_ONCE, RA_WARN_ONCE_CONTINUE,
	RA_SUSPEND, RA_SINGLE, RA_HALT, RA_STOP, RA_RECONNECT,
};
enum remote_mode { RM_IMMEDIATE, RM_FORWARD };
enum remote_format { RF_MANAGED, RF_ASCII };
enum remote_transport { RT_TCP, RT_KRB5, RT_TLS };

#define REMOTE_STR_MAX 160

struct remote_act {
	int action;			/* enum remote_action */
	char exe[REMOTE_STR_MAX];	/* exec's program */
};

struct remote_conf {
	char server[REMOTE_STR_MAX];
	unsigned port, local_port;	/* local_port 0: any */
	int transport, mode, format, enable_krb5;
	char queue_file[REMOTE_STR_MAX];
	unsigned queue_depth;
	unsigned network_retry_time, max_tries_per_record;
	unsigned max_time_per_record, heartbeat_timeout;
	struct remote_act network_failure, disk_low, disk_full, disk_error,
		remote_ending, generic_error, generic_warning, queue_error,
		overflow, startup_failure;
	char krb5_principal[REMOTE_STR_MAX], krb5_client_name[REMOTE_STR_MAX];
	char krb5_key_file[REMOTE_STR_MAX];
};

extern const struct conf_key remote_conf_keys[];
/* The built-in defaults (3.0.9 clear_config()). */
void remote_conf_defaults(struct remote_conf *rc);
/* Defaults, then path (missing: defaults kept, 1), then the checks (a
 * remote_server; forward mode needs format managed). 0 or 1, -1 on
 * error (diag filled). */
int remote_conf_load(struct conf_ctx *c, const char *path,
		     struct remote_conf *rc);
/* "ignore", "exec", ... */
const char *remote_action_name(int action);

/* ---- the client's queue (core/remote_queue.c) ---- */

/* Records waiting for their ack, oldest first, at most depth of them
 * (more only from a journal written with a larger depth: all loaded), in
 * memory; in forward mode also in a journal file, so that they survive
 * a restart of the plugin or of the machine: records are appended (and
 * synced by remote_queue_sync), the head's offset is rewritten as acks
 * come (a crash may resend a few: the protocol is at-least-once), the
 * file is emptied when the queue is and rewritten when its dead front
 * grows past REMOTE_QUEUE_REWRITE. */
#define REMOTE_QUEUE_REWRITE (16u << 20)

struct remote_queue {
	char *buf;		/* records: 4-byte length, then the bytes */
	size_t head, tail, cap;
	unsigned count, depth;
	int fd;			/* journal; -1 none */
	uint64_t jhead, jtail;	/* journal: first live record, end */
	int dirty;		/* since the last sync: 2 appended, 1 popped */
	char path[REMOTE_STR_MAX + 8];
};

/* An empty queue of depth records; with journal (a path, or NULL), the
 * records it holds are loaded (a torn last record is cut off). 0, or
 * -errno (a journal that cannot be opened or is not ours: -EINVAL). */
int remote_queue_open(struct remote_queue *q, unsigned depth,
		      const char *journal);
/* Appends p[n]. 0; 1 when full (not queued); -errno when the journal
 * write failed (not queued); -ENOMEM. */
int remote_queue_push(struct remote_queue *q, const char *p, size_t n);
/* The record at rel bytes from the head: 1 with *p, *n and *next (the
 * following record's rel); 0 past the end. */
int remote_queue_get(const struct remote_queue *q, size_t rel,
		     const char **p, size_t *n, size_t *next);
/* Drops the oldest record: the bytes it took (rel offsets shrink by
 * that), 0 when empty. */
size_t remote_queue_pop(struct remote_queue *q);
/* Journal: syncs appended records (fdatasync) and writes the head (no
 * sync: after a crash a few acked records may be sent again). 0 or
 * -errno. */
int remote_queue_sync(struct remote_queue *q);
void remote_queue_close(struct remote_queue *q);

/* ---- the collector's memory of recent records (core/remote.c) ---- */

/* The protocol is at-least-once: a record written whose ack was lost
 * (a collector or link failure between the two) comes again. The last
 * REMOTE_SEEN records are remembered by a 64-bit hash of their whole
 * text (node, time, serial, type and fields), so that such a resend is
 * acked without being written twice. Bounded: a slot collision forgets
 * (a duplicate may then be written), never the other way round. */
#define REMOTE_SEEN 4096

struct remote_seen {
	uint64_t ring[REMOTE_SEEN];	/* in arrival order */
	uint64_t tab[2 * REMOTE_SEEN];	/* direct-mapped by hash */
	unsigned pos;
};

void remote_seen_init(struct remote_seen *s);
/* The hash of a record's text (never 0). */
uint64_t remote_seen_hash(const void *p, size_t n);
/* 1 when h is among the remembered records; else remembers it, 0. */
int remote_seen_check(struct remote_seen *s, uint64_t h);
/* Forgets h (its write failed: its resend must be written). */
void remote_seen_forget(struct remote_seen *s, uint64_t h);

#endif
