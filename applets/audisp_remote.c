/* audisp-remote - not written yet: registered so that the link exists and says so.
 * Reference behaviour: audit 3.0.9 audisp-remote(8). */
#include "applet.h"

const char audisp_remote_usage[] = "audisp-remote: not implemented yet\n";

int audisp_remote_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return not_implemented();
}
