/* opt - whole-word option table (ausearch(8), aureport(8) option words). */
#include <auditbox/opt.h>

#include <stddef.h>
#include <string.h>

int opt_lookup(const struct opt *tab, const char *word)
{
	for (; tab->name; tab++)
		if (strcmp(tab->name, word) == 0)
			return tab->id;
	return -1;
}

const char *opt_arg(int argc, char **argv, int i)
{
	if (i + 1 < argc && argv[i + 1][0] != '-')
		return argv[i + 1];
	return NULL;
}
