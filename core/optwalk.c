/* optwalk - getopt_long with caller-owned state, matching glibc's
 * PERMUTE mode (what the reference auditctl gets from glibc), so that our
 * optind, and so the reference's "parameter passed without an option
 * given" checks, match on musl as on glibc. */
#include <auditbox/optwalk.h>

#include <stddef.h>
#include <string.h>

void optwalk_init(struct optwalk *w)
{
	memset(w, 0, sizeof *w);
	w->optind = 1;
	w->first_nonopt = w->last_nonopt = 1;
}

/* Moves the non-options [first_nonopt, last_nonopt) after the options
 * [last_nonopt, optind), as glibc's exchange(). */
static void exchange(struct optwalk *w, char **argv)
{
	int bottom = w->first_nonopt, middle = w->last_nonopt;
	int top = w->optind;

	while (top > middle && middle > bottom) {
		if (top - middle > middle - bottom) {
			int len = middle - bottom, i;

			for (i = 0; i < len; i++) {
				char *t = argv[bottom + i];

				argv[bottom + i] = argv[top - (middle - bottom) + i];
				argv[top - (middle - bottom) + i] = t;
			}
			top -= len;
		} else {
			int len = top - middle, i;

			for (i = 0; i < len; i++) {
				char *t = argv[bottom + i];

				argv[bottom + i] = argv[middle + i];
				argv[middle + i] = t;
			}
			bottom += len;
		}
	}
	w->first_nonopt += w->optind - w->last_nonopt;
	w->last_nonopt = w->optind;
}

static int nonoption(const char *s)
{
	return s[0] != '-' || s[1] == 0;
}

static int long_option(struct optwalk *w, int argc, char **argv,
		       const struct optwalk_long *lo)
{
	const char *name = argv[w->optind] + 2;
	size_t len = strcspn(name, "=");
	const struct optwalk_long *found = NULL;
	int i, ambig = 0, idx = -1;

	for (i = 0; lo[i].name; i++) {
		if (strncmp(lo[i].name, name, len))
			continue;
		if (strlen(lo[i].name) == len) {
			found = &lo[i];
			idx = i;
			ambig = 0;
			break;
		}
		if (!found) {
			found = &lo[i];
			idx = i;
		} else if (found->has_arg != lo[i].has_arg ||
			   found->val != lo[i].val) {
			ambig = 1;
		}
	}
	w->next = NULL;
	w->optind++;
	if (ambig || !found) {
		w->optopt = 0;
		return '?';
	}
	w->longind = idx;
	if (name[len] == '=') {
		if (!found->has_arg) {
			w->optopt = found->val;
			return '?';
		}
		w->optarg = name + len + 1;
	} else if (found->has_arg) {
		if (w->optind >= argc) {
			w->optopt = found->val;
			return '?';
		}
		w->optarg = argv[w->optind++];
	}
	return found->val;
}

int optwalk_next(struct optwalk *w, int argc, char **argv,
		 const char *shortopts, const struct optwalk_long *longopts)
{
	const char *p;
	int c;

	w->optarg = NULL;
	if (!w->next || !*w->next) {
		if (w->last_nonopt > w->optind)
			w->last_nonopt = w->optind;
		if (w->first_nonopt > w->optind)
			w->first_nonopt = w->optind;
		if (w->first_nonopt != w->last_nonopt &&
		    w->last_nonopt != w->optind)
			exchange(w, argv);
		else if (w->last_nonopt != w->optind)
			w->first_nonopt = w->optind;
		while (w->optind < argc && nonoption(argv[w->optind]))
			w->optind++;
		w->last_nonopt = w->optind;
		if (w->optind != argc && !strcmp(argv[w->optind], "--")) {
			w->optind++;
			if (w->first_nonopt != w->last_nonopt &&
			    w->last_nonopt != w->optind)
				exchange(w, argv);
			else if (w->first_nonopt == w->last_nonopt)
				w->first_nonopt = w->optind;
			w->last_nonopt = argc;
			w->optind = argc;
		}
		if (w->optind == argc) {
			if (w->first_nonopt != w->last_nonopt)
				w->optind = w->first_nonopt;
			return -1;
		}
		if (longopts && argv[w->optind][1] == '-')
			return long_option(w, argc, argv, longopts);
		w->next = argv[w->optind] + 1;
	}
	c = (unsigned char)*w->next++;
	p = strchr(shortopts, c);
	if (*w->next == 0)
		w->optind++;
	if (!p || c == ':' || c == ';') {
		w->optopt = c;
		return '?';
	}
	if (p[1] == ':') {
		if (*w->next) {
			w->optarg = w->next;
			w->optind++;
		} else if (w->optind == argc) {
			w->optopt = c;
			c = '?';
		} else {
			w->optarg = argv[w->optind++];
		}
		w->next = NULL;
	}
	return c;
}
