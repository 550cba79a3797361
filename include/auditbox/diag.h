/* diag - where a parse error is and what it is, filled by core parsers
 * for the applet to print (the core never prints). */
#ifndef AUDITBOX_DIAG_H
#define AUDITBOX_DIAG_H

struct diag {
	const char *file;	/* input name, or NULL */
	unsigned line, col;	/* 1-based; 0 when unknown */
	char msg[128];		/* the message, without file and line */
};

#endif
