/* tables - name <-> number lookups generated at build time from data/
 * (tools/gen_tables.py): syscalls per machine, record types, errno names,
 * rule field names, machines, file types and file system types. The
 * spellings and the sets are the reference's (audit 3.0.9 libaudit);
 * lookups by name are case-insensitive, as the reference's. */
#ifndef AUDITBOX_TABLES_H
#define AUDITBOX_TABLES_H

#include <stdint.h>

/* Machines, numbered as the reference's libaudit numbers them. */
enum tables_machine {
	TABLES_MACH_X86 = 0,
	TABLES_MACH_X86_64 = 1,
	TABLES_MACH_PPC64 = 3,
	TABLES_MACH_PPC = 4,
	TABLES_MACH_S390X = 5,
	TABLES_MACH_S390 = 6,
	TABLES_MACH_ARM = 8,
	TABLES_MACH_AARCH64 = 9,
	TABLES_MACH_PPC64LE = 10,
	TABLES_MACH_RISCV64 = 11,	/* ours: 3.0.9 has no riscv table */
};

/* Machine number of a uname -m style name ("x86_64", "i686", "armv7l"),
 * or -1. riscv64 is not a name here: 3.0.9 refuses it. */
int tables_machine_number(const char *name);
/* Canonical name of a machine ("i386", "armeb"...), or NULL. */
const char *tables_machine_name(int mach);
/* AUDIT_ARCH_* ELF value of a machine, or 0. */
uint32_t tables_machine_elf(int mach);
/* Machine of an AUDIT_ARCH_* ELF value, or -1. */
int tables_elf_machine(uint32_t elf);
/* Machine this program runs on (uname -m), or -1. */
int tables_machine_detect(void);

/* Syscall name of number nr on machine mach, or NULL. */
const char *tables_syscall_name(int mach, int nr);
/* Syscall number of a name (aliases included) on mach, or -1. */
int tables_syscall_number(int mach, const char *name);
/* Highest syscall number known on mach, or -1. */
int tables_syscall_max(int mach);

/* Record type name ("SYSCALL") of a number, or NULL. */
const char *tables_msgtype_name(int type);
/* Record type number of a name, of a decimal number, or of
 * "UNKNOWN[n]" (as the reference), or -1. */
int tables_msgtype_number(const char *name);

/* errno name ("EACCES") of a positive number, or NULL. */
const char *tables_errno_name(int err);
/* errno number of a name (EWOULDBLOCK, EDEADLOCK aliases), or -1. */
int tables_errno_number(const char *name);

/* Rule field name ("auid") of an AUDIT_* field number, or NULL. */
const char *tables_field_name(int field);
/* Rule field number of a name ("loginuid" is auid), or -1. */
int tables_field_number(const char *name);

/* S_IF* value of a filetype name ("file", "dir"...), or -1. */
int tables_filetype_number(const char *name);
/* Name of an fstype magic number ("tracefs"), or NULL. */
const char *tables_fstype_name(uint32_t magic);
/* Magic number of an fstype name; 0 and *ok = 0 when unknown. */
uint32_t tables_fstype_number(const char *name, int *ok);

#endif
