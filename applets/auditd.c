/* auditd - not written yet: registered so that the link exists and says so.
 * Reference behaviour: audit 3.0.9 auditd(8). */
#include "applet.h"

const char auditd_usage[] = "auditd: not implemented yet\n";

int auditd_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return not_implemented();
}
