/* rulelint - the offline rules checker behind "auditctl --check": every
 * line of a rules file compiled as the reference 3.0.9 compiles it, for a
 * chosen machine, without a kernel; each problem reported with the file
 * and line it came from. Beyond the compiler's own errors and warnings
 * (unknown syscalls for the rule's arch, 32/64-bit mismatches, unknown
 * users and groups, bad values), it finds watches on missing paths, rules
 * that an earlier "never" rule of the same list covers (they can never
 * match), rules the kernel would refuse as duplicates, and commands after
 * "-e 2" (they fail once the configuration is locked). */
#ifndef AUDITBOX_RULELINT_H
#define AUDITBOX_RULELINT_H

#include <auditbox/rulefile.h>

/* Receives one problem: origin file and line, and the message. */
typedef void (*rulelint_fn)(void *ctx, const char *file, unsigned line,
			    const char *msg);

/* Machine for --arch NAME: a uname -m style name as tables know them, or
 * "riscv64". -1 when unknown. */
int rulelint_machine(const char *name);

/* Checks every line of rf as rules for machine (tables_machine_*),
 * calling fn for each problem in line order (duplicates, shadowed rules
 * and "-e 2" last). Returns the number of problems, or -ENOMEM. */
int rulelint_check(const struct rulefile *rf, int machine, rulelint_fn fn,
		   void *ctx);

#endif
