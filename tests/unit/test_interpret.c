/* test_interpret - core/interpret.c: values as `ausearch -i` prints them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <auditbox/interpret.h>

static struct interp ip;

static const char *field(int rtype, const char *name, const char *value,
			 const char *enrich)
{
	static char out[512];
	struct interp_event ie = { 0xc000003e, 257, true, 0, 0 };

	interpret_field(&ip, &ie, rtype, span_str(name), span_str(value),
			span_str(enrich), out, sizeof out);
	return out;
}

static void interpret_field_ids(void **state)
{
	(void)state;
	assert_string_equal(field(1300, "auid", "4294967295", ""), "unset");
	assert_string_equal(field(1300, "uid", "0", ""), "root");
	assert_string_equal(field(1300, "uid", "4000000", ""), "unknown(4000000)");
	assert_string_equal(field(1300, "auid", "1000", "AUID=\"bob\""), "bob");
	assert_string_equal(field(1300, "gid", "0", ""), "root");
	assert_string_equal(field(1300, "ses", "4294967295", ""), "unset");
}

static void interpret_field_syscall_bits(void **state)
{
	(void)state;
	assert_string_equal(field(1300, "arch", "c000003e", ""), "x86_64");
	assert_string_equal(field(1300, "arch", "40000003", ""), "i386");
	assert_string_equal(field(1300, "syscall", "257", ""), "openat");
	assert_string_equal(field(1300, "exit", "-13", ""),
			    "EACCES(Permission denied)");
	assert_string_equal(field(1300, "exit", "3", ""), "3");
	assert_string_equal(field(1300, "a0", "ffffff9c", ""), "AT_FDCWD");
	assert_string_equal(field(1300, "a2", "241", ""),
			    "O_WRONLY|O_CREAT|O_TRUNC");
	assert_string_equal(field(1300, "a3", "1b6", ""), "0x1b6");
	assert_string_equal(field(1305, "res", "1", ""), "yes");
	assert_string_equal(field(1305, "list", "4", ""), "exit");
}

static void interpret_field_strings(void **state)
{
	(void)state;
	assert_string_equal(field(1327, "proctitle", "6C73002D6C", ""), "ls -l");
	assert_string_equal(field(1300, "comm", "\"cat\"", ""), "cat");
	assert_string_equal(field(1300, "exe", "2F612062", ""), "/a b");
	assert_string_equal(field(1300, "key", "6B31016B32", ""), "k1 key=k2");
	assert_string_equal(field(1300, "key", "(null)", ""), "(null)");
	assert_string_equal(field(1302, "mode", "0100640", ""), "file,640");
	assert_string_equal(field(1302, "mode", "041777", ""), "dir,sticky,777");
	assert_string_equal(field(1302, "cap_fp", "0", ""), "none");
	assert_string_equal(field(1321, "pp", "3", ""), "chown,dac_override");
	assert_string_equal(field(1306, "saddr", "02000035" "7F000001"
				  "0000000000000000", ""),
			    "{ saddr_fam=inet laddr=127.0.0.1 lport=53 }");
	assert_string_equal(field(1300, "tty", "pts0", ""), "pts0");
}

/* expected: /sbin/ausearch -i (3.0.9) of SYSCALL records with these
 * arguments, arch=c000003e */
static const char *arg(int nr, int which, uint64_t v, uint64_t a1)
{
	static char out[256];

	interpret_syscall_arg(&ip, 1, nr, which, v, 0, a1, out, sizeof out);
	return out;
}

static void interpret_syscall_arg_reference(void **state)
{
	(void)state;
	assert_string_equal(arg(101, 0, 4, 0), "PTRACE_POKETEXT");
	assert_string_equal(arg(101, 0, 0x420e, 0), "PTRACE_GET_SYSCALL_INFO");
	assert_string_equal(arg(101, 0, 0xa, 0), "unknown-ptrace(0xa)");
	assert_string_equal(arg(135, 0, 0xffffffff, 0),
			    "unknown-personality(0xffffffff)");
	assert_string_equal(arg(135, 0, 0x40006, 0), "PER_BSD|~ADDR_NO_RANDOMIZE");
	assert_string_equal(arg(135, 0, 0x100, 0), "PER_LINUX");
	assert_string_equal(arg(227, 0, 0, 0), "CLOCK_REALTIME");
	assert_string_equal(arg(227, 0, 7, 0), "unknown-clk_id(0x7)");
	assert_string_equal(arg(62, 1, 9, 0), "SIGKILL");
	assert_string_equal(arg(62, 1, 0x20, 0), "unknown-signal(0x20)");
	assert_string_equal(arg(62, 0, 0xffffffff, 0), "0xffffffff");
	assert_string_equal(arg(41, 0, 2, 0), "inet");
	assert_string_equal(arg(41, 0, 0x2e, 0), "unknown-family(0x2e)");
	assert_string_equal(arg(41, 1, 0x80805, 0), "SOCK_SEQPACKET");
	assert_string_equal(arg(41, 1, 7, 0), "unknown-type(7)");
	assert_string_equal(arg(41, 2, 9, 0), "igp");
	assert_string_equal(arg(41, 2, 0xff, 0), "unknown-proto(ff)");
	assert_string_equal(arg(54, 1, 0, 0), "ip");
	assert_string_equal(arg(54, 1, 0xff, 0), "SOL_RAW");
	assert_string_equal(arg(54, 1, 0xffff, 0),
			    "unknown-sockopt-level(0xffff)");
	assert_string_equal(arg(54, 2, 0x40, 0), "IPT_SO_SET_REPLACE");
	assert_string_equal(arg(54, 2, 0x1a, 0), "unknown-ipopt-name(0x1a)");
	assert_string_equal(arg(2, 1, 0x203, 0), "O_WRONLY|O_RDWR|O_TRUNC");
	assert_string_equal(arg(2, 1, 0x8000, 0), "O_RDONLY");
	assert_string_equal(arg(2, 2, 0x9ed, 0x40), "suid,0755");
	assert_string_equal(arg(2, 2, 0x1ed, 0), "0x1ed");
	assert_string_equal(arg(105, 0, 0, 0), "root");
	assert_string_equal(arg(106, 0, 0xffffffff, 0), "unset");
	assert_string_equal(arg(105, 0, 1000000, 0), "unknown(1000000)");
	assert_string_equal(arg(92, 2, 2, 0), "0x2");
	assert_string_equal(arg(16, 1, 0x5401, 0), "TCGETS");
	assert_string_equal(arg(56, 0, 0x7c020000, 0), "0x7c020000");
	/* i386 socketcall */
	{
		char out[64];

		interpret_syscall_arg(&ip, 0, 102, 0, 3, 0, 0, out, sizeof out);
		assert_string_equal(out, "connect");
		interpret_syscall_arg(&ip, 0, 102, 0, 0x15, 0, 0, out,
				      sizeof out);
		assert_string_equal(out, "unknown-socketcall(15)");
	}
	/* no machine: no interpretation */
	{
		char out[64];

		interpret_syscall_arg(&ip, -1, 16, 1, 0x5401, 0, 0, out,
				      sizeof out);
		assert_string_equal(out, "0x5401");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(interpret_field_ids),
		cmocka_unit_test(interpret_syscall_arg_reference),
		cmocka_unit_test(interpret_field_syscall_bits),
		cmocka_unit_test(interpret_field_strings),
	};
	setenv("TZ", "UTC", 1);
	interpret_init(&ip);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
