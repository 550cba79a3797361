/* ausearch.h - private to ausearch.c and ausearch_args.c: the options
 * as parsed (the reference's check_params(), audit 3.0.9). */
#ifndef AUDITBOX_AUSEARCH_H
#define AUDITBOX_AUSEARCH_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include <auditbox/search.h>

extern const char ausearch_usage[];

struct ausearch_opts {
	struct search_criteria c;
	int format;			/* EVFMT_* */
	bool format_set;
	const char *input;
	bool force_logs, just_one, line_buffered, debug;
	int escape;
	long eoe_timeout;		/* -1: from auditd.conf */
	const char *checkpoint;
	bool checkpt_timeonly;
	bool extra_keys, extra_labels, extra_obj2, extra_time;
	bool follow, live;		/* ours: --follow, --live */
	char *alloc[8];			/* strings to free */
};

/* Parses argv as the reference does, printing its messages (usage, -h
 * and -v exit). Returns 0, or -1 after a message: exit 1. */
int ausearch_parse_args(int argc, char **argv, struct ausearch_opts *o);

struct scan;

/* --follow: path (with its rotated set when set) read, then followed
 * until SIGINT, SIGTERM or SIGHUP; the events go through s. Returns 0, or
 * 1 after a message. (ausearch_follow.c) */
int ausearch_follow(struct scan *s, const char *path, bool set,
		    long timeout_s);

/* --live: the kernel's records (AUDIT_NLGRP_READLOG) through s until a
 * signal. Returns 0, or 1 after a message. (ausearch_live.c) */
int ausearch_live(struct scan *s, long timeout_s);

/* SIGINT, SIGTERM and SIGHUP blocked, and taken only while waiting: *old
 * gets the mask to wait with. */
void ausearch_signals(sigset_t *old);
/* True once one of them came. */
bool ausearch_ending(void);
int64_t ausearch_now_ms(void);

#endif
