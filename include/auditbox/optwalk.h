/* optwalk - a re-entrant getopt_long: the same semantics as glibc's
 * (argument permutation, clustered short options, "--", unambiguous
 * prefixes of long options, optind left on the first operand), with all
 * state in struct optwalk, so that every rules-file line can be walked
 * without resetting a global optind. */
#ifndef AUDITBOX_OPTWALK_H
#define AUDITBOX_OPTWALK_H

struct optwalk_long {
	const char *name;
	int has_arg;		/* 0 none, 1 required */
	int val;		/* returned when matched */
};

struct optwalk {
	int optind;		/* next argv element, as getopt's optind */
	const char *optarg;	/* argument of the option just returned */
	int optopt;		/* the bad option character on '?' */
	int longind;		/* index of the long option just returned */
	/* private */
	const char *next;
	int first_nonopt, last_nonopt;
};

/* Starts a walk (as optind = 0 with glibc). */
void optwalk_init(struct optwalk *w);

/* The next option, as getopt_long(argc, argv, shortopts, longopts): its
 * character or long val, '?' for an unknown option or a missing argument
 * (never prints), -1 at the end. Permutes argv like glibc. */
int optwalk_next(struct optwalk *w, int argc, char **argv,
		 const char *shortopts, const struct optwalk_long *longopts);

#endif
