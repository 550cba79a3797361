/* rulefile - audit rules files and rules.d directories, shared by
 * auditctl (-R FILE, -R DIR, --check) and augenrules: the reference
 * 3.0.9 fileopt() checks and line reading (fgets of 6144 bytes), and the
 * merge of a rules.d directory as its augenrules script does it (ls -v
 * order, comments and empty lines dropped, the last -D, -b and -f first,
 * the last -e last). Every line keeps its origin (file, line) for
 * FILE:LINE: messages. Cold path: lines are malloc'd. */
#ifndef AUDITBOX_RULEFILE_H
#define AUDITBOX_RULEFILE_H

#include <stddef.h>
#include <auditbox/diag.h>

/* One line; text is NUL-terminated, without its newline. */
struct rulefile_line {
	const char *file;	/* origin file (owned by the rulefile) */
	unsigned line;		/* origin line, 1-based; 0 for generated lines */
	char *text;
};

struct rulefile {
	struct rulefile_line *v;
	size_t n, cap;
	char **own;		/* origin names, freed by rulefile_fini */
	size_t nown, owncap;
};

/* Merge flags. */
enum {
	RULEFILE_CHECK = 1,	/* each file passes rulefile_open()'s checks */
	RULEFILE_FGETS = 2,	/* lines cut as fgets(6144) reads the result */
};

/* Receives each file a merge could not use (d->file, d->msg). */
typedef void (*rulefile_warn_fn)(void *ctx, const struct diag *d);

void rulefile_init(struct rulefile *rf);
void rulefile_fini(struct rulefile *rf);

/* Opens a rules file with the reference's checks (exists, regular,
 * owned by root, not world writable). Returns an O_CLOEXEC fd, or -1 with
 * the reference's message in d->msg (d->file = path). */
int rulefile_open(const char *path, struct diag *d);

/* Appends text as lines from file name. chunk > 0: a line longer than
 * chunk bytes goes on as the next line (fgets), counted as one more line
 * as the reference counts it. 0 or -ENOMEM. */
int rulefile_add_text(struct rulefile *rf, const char *text, size_t len,
		      const char *name, size_t chunk);

/* Reads all of fd as the reference reads a -R file. 0 or -errno. */
int rulefile_read(struct rulefile *rf, int fd, const char *name);

/* ls -v order of two file names (gnulib filevercmp, then strcmp). */
int rulefile_vercmp(const char *a, const char *b);

/* The *.rules names of dir (no hidden ones), in ls -v order, as a
 * malloc'd NULL-terminated array (free each, then it). Returns the count
 * or -errno. */
int rulefile_dir_names(const char *dir, char ***names);

/* augenrules' filter over in (the concatenated rules.d text): appends to
 * out the header naming dir, the last "-D", "-b" and "-f" lines (empty
 * lines when absent), the other lines, and the last "-e" line. Comment
 * and empty lines are dropped. 0 or -ENOMEM. */
int rulefile_reorder(struct rulefile *out, const struct rulefile *in,
		     const char *dir);

/* augenrules over dir into rf: the files concatenated (as cat does) and
 * reordered. Files that cannot be read (or fail the checks with
 * RULEFILE_CHECK) go to warn and are skipped. Returns the number of
 * files merged, or -errno for dir itself (d filled). *bad gets the
 * number of files skipped. */
int rulefile_merge_dir(struct rulefile *rf, const char *dir, int flags,
		       rulefile_warn_fn warn, void *ctx, int *bad,
		       struct diag *d);

/* All lines joined, each with its newline: a malloc'd buffer, its size
 * in *len; NULL when out of memory. */
char *rulefile_text(const struct rulefile *rf, size_t *len);

#endif
