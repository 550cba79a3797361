/* ausearch - not written yet: registered so that the link exists and says so.
 * Reference behaviour: audit 3.0.9 ausearch(8). */
#include "applet.h"

const char ausearch_usage[] = "ausearch: not implemented yet\n";

int ausearch_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return not_implemented();
}
