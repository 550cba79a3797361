/* opt - whole-word option matching for ausearch and aureport, whose
 * options are words ("-ts", "-if", "--start") rather than getopt letters.
 * The table matcher keeps no hidden state and never permutes argv. */
#ifndef AUDITBOX_OPT_H
#define AUDITBOX_OPT_H

struct opt {
	const char *name;
	int id;
};

/* Id of the option spelled exactly word in the NULL-terminated table,
 * or -1 when it is not an option. */
int opt_lookup(const struct opt *tab, const char *word);

/* The reference's notion of an option argument: argv[i + 1] when it
 * exists and does not start with '-', else NULL. */
const char *opt_arg(int argc, char **argv, int i);

#endif
