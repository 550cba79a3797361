/* autrace.h - private to autrace.c and autrace_live.c: autrace --live
 * (ours), the traced program's events printed as they happen. */
#ifndef AUDITBOX_AUTRACE_H
#define AUDITBOX_AUTRACE_H

#include <signal.h>
#include <sys/types.h>

#include <auditbox/netlink.h>

/* Joins the kernel's multicast group (before the program starts, so
 * nothing is missed). 0, or -1 after a message. */
int autrace_live_open(struct netlink *ctl);

/* Waits for the program pid, printing its events (pid= or ppid= it) as
 * they come; the signals in set (blocked) go on to it. */
void autrace_live_wait(pid_t pid, const sigset_t *set);

/* After the rules are deleted: the events still on their way, until the
 * kernel's record of the deletion (or 2 s of nothing); then the end. */
void autrace_live_finish(void);

#endif
