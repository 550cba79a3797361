/* internal.h - core-private helpers shared by the rule modules; never
 * included by applets. */
#ifndef AUDITBOX_INTERNAL_H
#define AUDITBOX_INTERNAL_H

#include <auditbox/rule.h>

/* The reference's number parsing: strtoul/strtol(s, NULL, 0) on a
 * 64-bit long, truncated to 32 bits (trailing garbage ignored). */
uint32_t rule_num_u(const char *s);
uint32_t rule_num_s(const char *s);

/* Reports a message through the builder's sink (direct: see
 * rule_msg_fn) and keeps it in diag. */
void rule_say(struct rule_builder *b, int direct, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Syscall by name or number into b->rule's mask, as libaudit's
 * audit_rule_syscallbyname_data(): 0, -1 unknown, -2 no machine. */
int rule_syscall_add(struct rule_builder *b, struct audit_rule_data *r,
		     const char *name);
/* -C body: libaudit's audit_rule_interfield_comp_data(). */
int rule_compare(struct rule_builder *b, char *pair, int flags);
/* Field names of an AUDIT_COMPARE_* value, as -l prints them; 0 or -1. */
int rule_compare_names(uint32_t v, const char **a, const char **b);
/* -w/-W: the rule becomes a watch on path (type AUDIT_WATCH/AUDIT_DIR). */
int rule_watch(struct rule_builder *b, int type, const char *path);

/* 1 when the field's value is a string in the rule's buf (its length in
 * values[]), as the kernel packs path, dir, key, exe and LSM labels. */
int rule_uses_buf(int field);

#endif
