/* diag - where a parse error was found and what it is, filled by parsers
 * in the core (which never print) for the applet to report. */
#ifndef AUDITBOX_DIAG_H
#define AUDITBOX_DIAG_H

struct diag {
	const char *file;	/* NULL: command line */
	unsigned line, col;	/* 1-based; 0 when unknown */
	char msg[128];
};

#endif
