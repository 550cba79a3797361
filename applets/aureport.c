/* aureport - not written yet: registered so that the link exists and says so.
 * Reference behaviour: audit 3.0.9 aureport(8). */
#include "applet.h"

const char aureport_usage[] = "aureport: not implemented yet\n";

int aureport_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return not_implemented();
}
