/* normalize_int.h - core/normalize*.c private: auparse's cursor over an
 * event (records, and a field cursor per record) and the object kinds.
 * Never included by applets. */
#ifndef AUDITBOX_NORMALIZE_INT_H
#define AUDITBOX_NORMALIZE_INT_H

#include <auditbox/normalize.h>

enum norm_what {
	W_UNKNOWN, W_FIFO, W_CHAR_DEV, W_DIRECTORY, W_BLOCK_DEV, W_FILE,
	W_FILESYSTEM, W_LINK, W_SOCKET, W_PROCESS, W_FIREWALL, W_SERVICE,
	W_ACCT, W_USER_SESSION, W_VM, W_PRINTER, W_SYSTEM, W_AUDIT_RULE,
	W_AUDIT_CONFIG, W_MAC_CONFIG, W_MEMORY, W_KEYSTROKES, W_DEVICE,
	W_SOFTWARE,
};

/* auparse_first_record: record 0, its first field */
void norm_first_record(struct normalize *n);
/* auparse_next_record (the field cursor is not reset); 1 or 0 */
int norm_next_record(struct normalize *n);
/* auparse_goto_record_num, at the record's first field; 1 or 0 */
int norm_goto_record(struct normalize *n, unsigned r);
/* auparse_first_field of the current record */
void norm_first_field(struct normalize *n);
/* auparse_find_field: from the current field on, through the following
 * records; the index of the field, or -1 (the cursor is then past the
 * last record until a first/goto). */
int norm_find(struct normalize *n, const char *name);
/* index of the current field, -1 past the end */
int norm_cur(const struct normalize *n);
/* the current field's value */
struct span norm_val(const struct normalize *n, int i);
/* the value as auparse_get_field_str: quotes kept, as logged */
bool norm_val_is(const struct normalize *n, int i, const char *s);

/* the SYSCALL based (compound) events; 0 or 1 */
int norm_compound(struct normalize *n);
/* the one-record (simple) events, SYSCALL ones to norm_compound; 0 or 1 */
int norm_simple(struct normalize *n);
/* field i's value starts with /usr/bin/{python,sh,bash,perl} */
bool norm_is_script_host(struct normalize *n, int i);
/* the subject kind from uid field i (set_subject_what) */
void norm_subject_what(struct normalize *n, int i);
/* normalize_record_map: the action of a record type, NULL if none */
const char *norm_record_action(int type);
const char *norm_evkind(int type);

#endif
