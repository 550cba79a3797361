/* when.h - private to applets/: the -ts/-te arguments of ausearch and
 * aureport ("[date] [time]", keywords, ISO 8601, @EPOCH) with the
 * reference's guesses about which word is which and its messages. */
#ifndef AUDITBOX_WHEN_H
#define AUDITBOX_WHEN_H

#include <stdbool.h>
#include <time.h>

enum {
	WHEN_END = 1,		/* -te, not -ts */
	WHEN_END_MIDNIGHT = 2,	/* aureport: "-te KEYWORD" means 00:00:00 */
	WHEN_CHECKPOINT = 4,	/* ausearch: "-ts checkpoint" is a word */
};

#define WHEN_IS_CHECKPOINT (-2)

/* Reads argv[c]'s value (argv[c + 1], and argv[c + 2] when it is not an
 * option) into *out. Returns the number of words used after argv[c],
 * WHEN_IS_CHECKPOINT ("-ts checkpoint" with WHEN_CHECKPOINT; one word),
 * or -1 after the reference's message. */
int when_arg(int argc, char **argv, int c, int flags, time_t *out);

#endif
