/* autrace - not written yet: registered so that the link exists and says so.
 * Reference behaviour: audit 3.0.9 autrace(8). */
#include "applet.h"

const char autrace_usage[] = "autrace: not implemented yet\n";

int autrace_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return not_implemented();
}
