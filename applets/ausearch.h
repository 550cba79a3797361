/* ausearch.h - private to ausearch.c and ausearch_args.c: the options
 * as parsed (the reference's check_params(), audit 3.0.9). */
#ifndef AUDITBOX_AUSEARCH_H
#define AUDITBOX_AUSEARCH_H

#include <stdbool.h>

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
	char *alloc[8];			/* strings to free */
};

/* Parses argv as the reference does, printing its messages (usage, -h
 * and -v exit). Returns 0, or -1 after a message: exit 1. */
int ausearch_parse_args(int argc, char **argv, struct ausearch_opts *o);

#endif
