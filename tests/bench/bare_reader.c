/* bare_reader - the benchmark's lower bound for an audit daemon: it only
 * registers as the audit pid and appends each record to a file through a
 * 1 MiB buffer ("type=N msg=TEXT\n", no type names, no checks). Not part
 * of auditbox; built by tests/bench/auditd.sh. Stops on SIGTERM/SIGINT,
 * unregistering first.
 * Usage: bare_reader FILE */
#include <auditbox/uapi/audit.h>
#include <auditbox/uapi/netlink.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
	(void)sig;
	stop = 1;
}

static int set_pid(int fd, unsigned pid)
{
	struct {
		struct nlmsghdr h;
		struct audit_status s;
	} req;
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };

	memset(&req, 0, sizeof req);
	req.h.nlmsg_len = sizeof req;
	req.h.nlmsg_type = AUDIT_SET;
	req.h.nlmsg_flags = NLM_F_REQUEST;
	req.s.mask = AUDIT_STATUS_PID;
	req.s.pid = pid;
	return sendto(fd, &req, sizeof req, 0, (struct sockaddr *)&sa,
		      sizeof sa) < 0 ? -1 : 0;
}

static char out[1 << 20];
static size_t used;

static void put(int ofd, const void *p, size_t n)
{
	if (used + n > sizeof out) {
		if (write(ofd, out, used) < 0)
			stop = 1;
		used = 0;
	}
	memcpy(out + used, p, n);
	used += n;
}

int main(int argc, char **argv)
{
	static char buf[MAX_AUDIT_MESSAGE_LENGTH + 64];
	struct sigaction sa = { .sa_handler = on_term };
	int fd, ofd, big = 8 << 20;

	if (argc != 2) {
		fputs("usage: bare_reader FILE\n", stderr);
		return 2;
	}
	ofd = open(argv[1], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_AUDIT);
	if (ofd < 0 || fd < 0) {
		perror("bare_reader");
		return 1;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof big);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	if (set_pid(fd, (unsigned)getpid()) < 0) {
		perror("bare_reader: set pid");
		return 1;
	}
	while (!stop) {
		ssize_t n = recv(fd, buf, sizeof buf, 0);
		struct nlmsghdr *h = (struct nlmsghdr *)buf;
		char head[32];
		size_t len;
		int k;

		if (n < 0) {
			if (errno == EINTR || errno == ENOBUFS)
				continue;
			break;
		}
		if ((size_t)n < NLMSG_HDRLEN || h->nlmsg_type < 1100 ||
		    h->nlmsg_type == AUDIT_EOE)
			continue;
		/* the kernel's nlmsg_len is the text length */
		len = (size_t)n - NLMSG_HDRLEN;
		if (h->nlmsg_len < len)
			len = h->nlmsg_len;
		k = snprintf(head, sizeof head, "type=%u msg=", h->nlmsg_type);
		put(ofd, head, (size_t)k);
		put(ofd, NLMSG_DATA(h), strnlen(NLMSG_DATA(h), len));
		put(ofd, "\n", 1);
	}
	set_pid(fd, 0);
	if (used && write(ofd, out, used) < 0)
		return 1;
	return 0;
}
