/* interpret_names - the name tables of interpret_syscall.c: numbers to
 * the words audit 3.0.9's ausearch -i prints for them (signals, ptrace,
 * prctl, fcntl, sockets, socket options, flag sets...), read off
 * /sbin/ausearch value by value. Bit tables are in output order. */
#include "interpret_int.h"

static const struct iname sig_tab[] = {
	{ 0x0, "SIG0" }, { 0x1, "SIGHUP" }, { 0x2, "SIGINT" }, { 0x3, "SIGQUIT" },
	{ 0x4, "SIGILL" }, { 0x5, "SIGTRAP" }, { 0x6, "SIGABRT" },
	{ 0x7, "SIGBUS" }, { 0x8, "SIGFPE" }, { 0x9, "SIGKILL" },
	{ 0xa, "SIGUSR1" }, { 0xb, "SIGSEGV" }, { 0xc, "SIGUSR2" },
	{ 0xd, "SIGPIPE" }, { 0xe, "SIGALRM" }, { 0xf, "SIGTERM" },
	{ 0x10, "SIGSTKFLT" }, { 0x11, "SIGCHLD" }, { 0x12, "SIGCONT" },
	{ 0x13, "SIGSTOP" }, { 0x14, "SIGTSTP" }, { 0x15, "SIGTTIN" },
	{ 0x16, "SIGTTOU" }, { 0x17, "SIGURG" }, { 0x18, "SIGXCPU" },
	{ 0x19, "SIGXFSZ" }, { 0x1a, "SIGVTALRM" }, { 0x1b, "SIGPROF" },
	{ 0x1c, "SIGWINCH" }, { 0x1d, "SIGIO" }, { 0x1e, "IGPWR" },
	{ 0x1f, "SIGSYS" },
};

static const struct iname ptrace_tab[] = {
	{ 0x0, "PTRACE_TRACEME" }, { 0x1, "PTRACE_PEEKTEXT" },
	{ 0x2, "PTRACE_PEEKDATA" }, { 0x3, "PTRACE_PEEKUSER" },
	{ 0x4, "PTRACE_POKETEXT" }, { 0x5, "PTRACE_POKEDATA" },
	{ 0x6, "PTRACE_POKEUSER" }, { 0x7, "PTRACE_CONT" }, { 0x8, "PTRACE_KILL" },
	{ 0x9, "PTRACE_SINGLESTEP" }, { 0xc, "PTRACE_GETREGS" },
	{ 0xd, "PTRACE_SETREGS" }, { 0xe, "PTRACE_GETFPREGS" },
	{ 0xf, "PTRACE_SETFPREGS" }, { 0x10, "PTRACE_ATTACH" },
	{ 0x11, "PTRACE_DETACH" }, { 0x12, "PTRACE_GETFPXREGS" },
	{ 0x13, "PTRACE_SETFPXREGS" }, { 0x18, "PTRACE_SYSCALL" },
	{ 0x19, "PTRACE_GET_THREAD_AREA" }, { 0x1a, "PTRACE_SET_THREAD_AREA" },
	{ 0x1e, "PTRACE_ARCH_PRCTL" }, { 0x1f, "PTRACE_SYSEMU" },
	{ 0x20, "PTRACE_SYSEMU_SINGLESTEP" }, { 0x21, "PTRACE_SINGLEBLOCK" },
	{ 0x4200, "PTRACE_SETOPTIONS" }, { 0x4201, "PTRACE_GETEVENTMSG" },
	{ 0x4202, "PTRACE_GETSIGINFO" }, { 0x4203, "PTRACE_SETSIGINFO" },
	{ 0x4204, "PTRACE_GETREGSET" }, { 0x4205, "PTRACE_SETREGSET" },
	{ 0x4206, "PTRACE_SEIZE" }, { 0x4207, "PTRACE_INTERRUPT" },
	{ 0x4208, "PTRACE_LISTEN" }, { 0x4209, "PTRACE_PEEKSIGINFO" },
	{ 0x420a, "PTRACE_GETSIGMASK" }, { 0x420b, "PTRACE_SETSIGMASK" },
	{ 0x420c, "PTRACE_SECCOMP_GET_FILTER" },
	{ 0x420d, "PTRACE_SECCOMP_GET_METADATA" },
	{ 0x420e, "PTRACE_GET_SYSCALL_INFO" },
};

static const struct iname prctl_tab[] = {
	{ 0x1, "PR_SET_PDEATHSIG" }, { 0x2, "PR_GET_PDEATHSIG" },
	{ 0x3, "PR_GET_DUMPABLE" }, { 0x4, "PR_SET_DUMPABLE" },
	{ 0x5, "PR_GET_UNALIGN" }, { 0x6, "PR_SET_UNALIGN" },
	{ 0x7, "PR_GET_KEEPCAPS" }, { 0x8, "PR_SET_KEEPCAPS" },
	{ 0x9, "PR_GET_FPEMU" }, { 0xa, "PR_SET_FPEMU" }, { 0xb, "PR_GET_FPEXC" },
	{ 0xc, "PR_SET_FPEXC" }, { 0xd, "PR_GET_TIMING" }, { 0xe, "PR_SET_TIMING" },
	{ 0xf, "PR_SET_NAME" }, { 0x10, "PR_GET_NAME" }, { 0x13, "PR_GET_ENDIAN" },
	{ 0x14, "PR_SET_ENDIAN" }, { 0x15, "PR_GET_SECCOMP" },
	{ 0x16, "PR_SET_SECCOMP" }, { 0x17, "PR_CAPBSET_READ" },
	{ 0x18, "PR_CAPBSET_DROP" }, { 0x19, "PR_GET_TSC" }, { 0x1a, "PR_SET_TSC" },
	{ 0x1b, "PR_GET_SECUREBITS" }, { 0x1c, "PR_SET_SECUREBITS" },
	{ 0x1d, "PR_SET_TIMERSLACK" }, { 0x1e, "PR_GET_TIMERSLACK" },
	{ 0x1f, "PR_TASK_PERF_EVENTS_DISABLE" },
	{ 0x20, "PR_TASK_PERF_EVENTS_ENABLE" }, { 0x21, "PR_MCE_KILL" },
	{ 0x22, "PR_MCE_KILL_GET" }, { 0x23, "PR_SET_MM" },
	{ 0x24, "PR_SET_CHILD_SUBREAPER" }, { 0x25, "PR_GET_CHILD_SUBREAPER" },
	{ 0x26, "PR_SET_NO_NEW_PRIVS" }, { 0x27, "PR_GET_NO_NEW_PRIVS" },
	{ 0x28, "PR_GET_TID_ADDRESS" }, { 0x29, "PR_SET_THP_DISABLE" },
	{ 0x2a, "PR_GET_THP_DISABLE" }, { 0x2b, "PR_MPX_ENABLE_MANAGEMENT" },
	{ 0x2c, "PR_MPX_DISABLE_MANAGEMENT" }, { 0x2d, "PR_SET_FP_MODE" },
	{ 0x2e, "PR_GET_FP_MODE" }, { 0x2f, "PR_CAP_AMBIENT" },
	{ 0x32, "PR_SVE_SET_VL" }, { 0x33, "PR_SVE_GET_VL" },
	{ 0x34, "PR_GET_SPECULATION_CTRL" }, { 0x35, "PR_SET_SPECULATION_CTRL" },
	{ 0x36, "PR_PAC_RESET_KEYS" }, { 0x37, "PR_SET_TAGGED_ADDR_CTRL" },
	{ 0x38, "PR_GET_TAGGED_ADDR_CTRL" },
};

static const struct iname fcntl_tab[] = {
	{ 0x0, "F_DUPFD" }, { 0x1, "F_GETFD" }, { 0x2, "F_SETFD" },
	{ 0x3, "F_GETFL" }, { 0x4, "F_SETFL" }, { 0x5, "F_GETLK" },
	{ 0x6, "F_SETLK" }, { 0x7, "F_SETLKW" }, { 0x8, "F_SETOWN" },
	{ 0x9, "F_GETOWN" }, { 0xa, "F_SETSIG" }, { 0xb, "F_GETSIG" },
	{ 0xc, "F_GETLK64" }, { 0xd, "F_SETLK64" }, { 0xe, "F_SETLKW64" },
	{ 0xf, "F_SETOWN_EX" }, { 0x10, "F_GETOWN_EX" },
	{ 0x11, "F_GETOWNER_UIDS" }, { 0x400, "F_SETLEASE" },
	{ 0x401, "F_GETLEASE" }, { 0x402, "F_NOTIFY" }, { 0x405, "F_CANCELLK" },
	{ 0x406, "F_DUPFD_CLOEXEC" }, { 0x407, "F_SETPIPE_SZ" },
	{ 0x408, "F_GETPIPE_SZ" }, { 0x409, "F_ADD_SEALS" },
	{ 0x40a, "F_GET_SEALS" }, { 0x40b, "F_GET_RW_HINT" },
	{ 0x40c, "F_SET_RW_HINT" }, { 0x40d, "F_GET_FILE_RW_HINT" },
	{ 0x40e, "F_SET_FILE_RW_HINT" },
};

static const struct iname epoll_tab[] = {
	{ 0x1, "EPOLL_CTL_ADD" }, { 0x2, "EPOLL_CTL_DEL" },
	{ 0x3, "EPOLL_CTL_MOD" },
};

static const struct iname clock_tab[] = {
	{ 0x0, "CLOCK_REALTIME" }, { 0x1, "CLOCK_MONOTONIC" },
	{ 0x2, "CLOCK_PROCESS_CPUTIME_ID" }, { 0x3, "CLOCK_THREAD_CPUTIME_ID" },
	{ 0x4, "CLOCK_MONOTONIC_RAW" }, { 0x5, "CLOCK_REALTIME_COARSE" },
	{ 0x6, "CLOCK_MONOTONIC_COARSE" },
};

static const struct iname rlimit_tab[] = {
	{ 0x0, "RLIMIT_CPU" }, { 0x1, "RLIMIT_FSIZE" }, { 0x2, "RLIMIT_DATA" },
	{ 0x3, "RLIMIT_STACK" }, { 0x4, "RLIMIT_CORE" }, { 0x5, "RLIMIT_RSS" },
	{ 0x6, "RLIMIT_NPROC" }, { 0x7, "RLIMIT_NOFILE" },
	{ 0x8, "RLIMIT_MEMLOCK" }, { 0x9, "RLIMIT_AS" }, { 0xa, "RLIMIT_LOCKS" },
	{ 0xb, "RLIMIT_SIGPENDING" }, { 0xc, "RLIMIT_MSGQUEUE" },
	{ 0xd, "RLIMIT_NICE" }, { 0xe, "RLIMIT_RTPRIO" }, { 0xf, "RLIMIT_RTTIME" },
};

static const struct iname sched_tab[] = {
	{ 0x0, "SCHED_OTHER" }, { 0x1, "SCHED_FIFO" }, { 0x2, "SCHED_RR" },
	{ 0x3, "SCHED_BATCH" }, { 0x5, "SCHED_IDLE" }, { 0x6, "SCHED_DEADLINE" },
};

static const struct iname seek_tab[] = {
	{ 0x0, "SEEK_SET" }, { 0x1, "SEEK_CUR" }, { 0x2, "SEEK_END" },
	{ 0x3, "SEEK_DATA" }, { 0x4, "SEEK_HOLE" },
};

static const struct iname family_tab[] = {
	{ 0x1, "local" }, { 0x2, "inet" }, { 0x3, "ax25" }, { 0x4, "ipx" },
	{ 0x5, "appletalk" }, { 0x6, "netrom" }, { 0x7, "bridge" },
	{ 0x8, "atmpvc" }, { 0x9, "x25" }, { 0xa, "inet6" }, { 0xb, "rose" },
	{ 0xc, "decnet" }, { 0xd, "netbeui" }, { 0xe, "security" }, { 0xf, "key" },
	{ 0x10, "netlink" }, { 0x11, "packet" }, { 0x12, "ash" },
	{ 0x13, "econet" }, { 0x14, "atmsvc" }, { 0x15, "rds" }, { 0x16, "sna" },
	{ 0x17, "irda" }, { 0x18, "pppox" }, { 0x19, "wanpipe" }, { 0x1a, "llc" },
	{ 0x1d, "can" }, { 0x1e, "tipc" }, { 0x1f, "bluetooth" }, { 0x20, "iucv" },
	{ 0x21, "rxrpc" }, { 0x22, "isdn" }, { 0x23, "phonet" },
	{ 0x24, "ieee802154" }, { 0x25, "caif" }, { 0x26, "alg" }, { 0x27, "nfc" },
	{ 0x28, "vsock" }, { 0x29, "kcm" }, { 0x2a, "qipcrtr" }, { 0x2b, "smc" },
	{ 0x2c, "xdp" },
};

static const struct iname socktype_tab[] = {
	{ 0x1, "SOCK_STREAM" }, { 0x2, "SOCK_DGRAM" }, { 0x3, "SOCK_RAW" },
	{ 0x4, "SOCK_RDM" }, { 0x5, "SOCK_SEQPACKET" }, { 0x6, "SOCK_DCCP" },
	{ 0xa, "SOCK_PACKET" },
};

static const struct iname bpf_tab[] = {
	{ 0x0, "BPF_MAP_CREATE" }, { 0x1, "BPF_MAP_LOOKUP_ELEM" },
	{ 0x2, "BPF_MAP_UPDATE_ELEM" }, { 0x3, "BPF_MAP_DELETE_ELEM" },
	{ 0x4, "BPF_MAP_GET_NEXT_KEY" }, { 0x5, "BPF_PROG_LOAD" },
	{ 0x6, "BPF_OBJ_PIN" }, { 0x7, "BPF_OBJ_GET" }, { 0x8, "BPF_PROG_ATTACH" },
	{ 0x9, "BPF_PROG_DETACH" }, { 0xa, "BPF_PROG_TEST_RUN" },
	{ 0xb, "BPF_PROG_GET_NEXT_ID" }, { 0xc, "BPF_MAP_GET_NEXT_ID" },
	{ 0xd, "BPF_PROG_GET_FD_BY_ID" }, { 0xe, "BPF_MAP_GET_FD_BY_ID" },
	{ 0xf, "BPF_OBJ_GET_INFO_BY_FD" }, { 0x10, "BPF_PROG_QUERY" },
	{ 0x11, "BPF_RAW_TRACEPOINT_OPEN" }, { 0x12, "BPF_BTF_LOAD" },
	{ 0x13, "BPF_BTF_GET_FD_BY_ID" }, { 0x14, "BPF_TASK_FD_QUERY" },
	{ 0x15, "BPF_MAP_LOOKUP_AND_DELETE_ELEM" }, { 0x16, "BPF_MAP_FREEZE" },
	{ 0x17, "BPF_BTF_GET_NEXT_ID" },
};

static const struct iname socketcall_tab[] = {
	{ 0x1, "socket" }, { 0x2, "bind" }, { 0x3, "connect" }, { 0x4, "listen" },
	{ 0x5, "accept" }, { 0x6, "getsockname" }, { 0x7, "getpeername" },
	{ 0x8, "socketpair" }, { 0x9, "send" }, { 0xa, "recv" }, { 0xb, "sendto" },
	{ 0xc, "recvfrom" }, { 0xd, "shutdown" }, { 0xe, "setsockopt" },
	{ 0xf, "getsockopt" }, { 0x10, "sendmsg" }, { 0x11, "recvmsg" },
	{ 0x12, "accept4" }, { 0x13, "recvmmsg" }, { 0x14, "sendmmsg" },
};

static const struct iname level_tab[] = {
	{ 0xff, "SOL_RAW" }, { 0x100, "SOL_IPX" }, { 0x101, "SOL_AX25" },
	{ 0x102, "SOL_ATALK" }, { 0x103, "SOL_NETROM" }, { 0x104, "SOL_ROSE" },
	{ 0x105, "SOL_DECNET" }, { 0x107, "SOL_PACKET" }, { 0x108, "SOL_ATM" },
	{ 0x109, "SOL_AAL" }, { 0x10a, "SOL_IRDA" }, { 0x10b, "SOL_NETBEUI" },
	{ 0x10c, "SOL_LLC" }, { 0x10d, "SOL_DCCP" }, { 0x10e, "SOL_NETLINK" },
	{ 0x10f, "SOL_TIPC" }, { 0x110, "SOL_RXRPC" }, { 0x111, "SOL_PPPOL2TP" },
	{ 0x112, "SOL_BLUETOOTH" }, { 0x113, "SOL_PNPIPE" }, { 0x114, "SOL_RDS" },
	{ 0x115, "SOL_IUCV" }, { 0x116, "SOL_CAIF" }, { 0x117, "SOL_ALG" },
	{ 0x118, "SOL_NFC" }, { 0x119, "SOL_KCM" }, { 0x11a, "SOL_TLS" },
	{ 0x11b, "SOL_XDP" },
};

static const struct iname sockopt_tab[] = {
	{ 0x1, "SO_DEBUG" }, { 0x2, "SO_REUSEADDR" }, { 0x3, "SO_TYPE" },
	{ 0x4, "SO_ERROR" }, { 0x5, "SO_DONTROUTE" }, { 0x6, "SO_BROADCAST" },
	{ 0x7, "SO_SNDBUF" }, { 0x8, "SO_RCVBUF" }, { 0x9, "SO_KEEPALIVE" },
	{ 0xa, "SO_OOBINLINE" }, { 0xb, "SO_NO_CHECK" }, { 0xc, "SO_PRIORITY" },
	{ 0xd, "SO_LINGER" }, { 0xe, "SO_BSDCOMPAT" }, { 0xf, "SO_REUSEPORT" },
	{ 0x10, "SO_PASSCRED" }, { 0x11, "SO_PEERCRED" }, { 0x12, "SO_RCVLOWAT" },
	{ 0x13, "SO_SNDLOWAT" }, { 0x14, "SO_RCVTIMEO" }, { 0x15, "SO_SNDTIMEO" },
	{ 0x16, "SO_SECURITY_AUTHENTICATION" },
	{ 0x17, "SO_SECURITY_ENCRYPTION_TRANSPORT" },
	{ 0x18, "SO_SECURITY_ENCRYPTION_NETWORK" }, { 0x19, "SO_BINDTODEVICE" },
	{ 0x1a, "SO_ATTACH_FILTER" }, { 0x1b, "SO_DETACH_FILTER" },
	{ 0x1c, "SO_PEERNAME" }, { 0x1d, "SO_TIMESTAMP" },
	{ 0x1e, "SO_ACCEPTCONN" }, { 0x1f, "SO_PEERSEC" },
	{ 0x20, "SO_SNDBUFFORCE" }, { 0x21, "SO_RCVBUFFORCE" },
	{ 0x22, "SO_PASSSEC" }, { 0x23, "SO_TIMESTAMPNS" }, { 0x24, "SO_MARK" },
	{ 0x25, "SO_TIMESTAMPING" }, { 0x26, "SO_PROTOCOL" }, { 0x27, "SO_DOMAIN" },
	{ 0x28, "SO_RXQ_OVFL" }, { 0x29, "SO_WIFI_STATUS" },
	{ 0x2a, "SO_PEEK_OFF" }, { 0x2b, "SO_NOFCS" }, { 0x2c, "SO_LOCK_FILTER" },
	{ 0x2d, "SO_SELECT_ERR_QUEUE" }, { 0x2e, "SO_BUSY_POLL" },
	{ 0x2f, "SO_MAX_PACING_RATE" }, { 0x30, "SO_BPF_EXTENSIONS" },
	{ 0x31, "SO_INCOMING_CPU" }, { 0x32, "SO_ATTACH_BPF" },
	{ 0x33, "SO_ATTACH_REUSEPORT_CBPF" }, { 0x34, "SO_ATTACH_REUSEPORT_EBPF" },
	{ 0x35, "SO_CNX_ADVICE" }, { 0x36, "SCM_TIMESTAMPING_OPT_STATS" },
	{ 0x37, "SO_MEMINFO" }, { 0x38, "SO_INCOMING_NAPI_ID" },
	{ 0x39, "SO_COOKIE" }, { 0x3a, "SCM_TIMESTAMPING_PKTINFO" },
	{ 0x3b, "SO_PEERGROUPS" }, { 0x3c, "SO_ZEROCOPY" }, { 0x3d, "SO_TXTIME" },
	{ 0x3e, "SO_BINDTOIFINDEX" }, { 0x3f, "SO_TIMESTAMP_NEW" },
	{ 0x40, "SO_TIMESTAMPNS_NEW" }, { 0x41, "SO_TIMESTAMPING_NEW" },
	{ 0x42, "SO_RCVTIMEO_NEW" }, { 0x43, "SO_SNDTIMEO_NEW" },
	{ 0x44, "SO_DETACH_REUSEPORT_BPF" },
	/* PPC's 16..21, moved up by 100 */
	{ 116, "SO_RCVLOWAT" }, { 117, "SO_SNDLOWAT" }, { 118, "SO_RCVTIMEO" },
	{ 119, "SO_SNDTIMEO" }, { 120, "SO_PASSCRED" }, { 121, "SO_PEERCRED" },
};

static const struct iname ipopt_tab[] = {
	{ 0x1, "IP_TOS" }, { 0x2, "IP_TTL" }, { 0x3, "IP_HDRINCL" },
	{ 0x4, "IP_OPTIONS" }, { 0x5, "IP_ROUTER_ALERT" }, { 0x6, "IP_RECVOPTS" },
	{ 0x7, "IP_RETOPTS" }, { 0x8, "IP_PKTINFO" }, { 0x9, "IP_PKTOPTIONS" },
	{ 0xa, "IP_MTU_DISCOVER" }, { 0xb, "IP_RECVERR" }, { 0xc, "IP_RECVTTL" },
	{ 0xd, "IP_RECVTOS" }, { 0xe, "IP_MTU" }, { 0xf, "IP_FREEBIND" },
	{ 0x10, "IP_IPSEC_POLICY" }, { 0x11, "IP_XFRM_POLICY" },
	{ 0x12, "IP_PASSSEC" }, { 0x13, "IP_TRANSPARENT" },
	{ 0x14, "IP_ORIGDSTADDR" }, { 0x15, "IP_MINTTL" }, { 0x16, "IP_NODEFRAG" },
	{ 0x17, "IP_CHECKSUM" }, { 0x18, "IP_BIND_ADDRESS_NO_PORT" },
	{ 0x19, "IP_RECVFRAGSIZE" }, { 0x20, "IP_MULTICAST_IF" },
	{ 0x21, "IP_MULTICAST_TTL" }, { 0x22, "IP_MULTICAST_LOOP" },
	{ 0x23, "IP_ADD_MEMBERSHIP" }, { 0x24, "IP_DROP_MEMBERSHIP" },
	{ 0x25, "IP_UNBLOCK_SOURCE" }, { 0x26, "IP_BLOCK_SOURCE" },
	{ 0x27, "IP_ADD_SOURCE_MEMBERSHIP" }, { 0x28, "IP_DROP_SOURCE_MEMBERSHIP" },
	{ 0x29, "IP_MSFILTER" }, { 0x2a, "MCAST_JOIN_GROUP" },
	{ 0x2b, "MCAST_BLOCK_SOURCE" }, { 0x2c, "MCAST_UNBLOCK_SOURCE" },
	{ 0x2d, "MCAST_LEAVE_GROUP" }, { 0x2e, "MCAST_JOIN_SOURCE_GROUP" },
	{ 0x2f, "MCAST_LEAVE_SOURCE_GROUP" }, { 0x30, "MCAST_MSFILTER" },
	{ 0x31, "IP_MULTICAST_ALL" }, { 0x32, "IP_UNICAST_IF" },
	{ 0x40, "IPT_SO_SET_REPLACE" }, { 0x41, "IPT_SO_SET_ADD_COUNTERS" },
	{ 0x42, "IPT_SO_GET_REVISION_TARGET" },
};

static const struct iname ip6opt_tab[] = {
	{ 0x1, "IPV6_ADDRFORM" }, { 0x2, "IPV6_2292PKTINFO" },
	{ 0x3, "IPV6_2292HOPOPTS" }, { 0x4, "IPV6_2292DSTOPTS" },
	{ 0x5, "IPV6_2292RTHDR" }, { 0x6, "IPV6_2292PKTOPTIONS" },
	{ 0x7, "IPV6_CHECKSUM" }, { 0x8, "IPV6_2292HOPLIMIT" },
	{ 0x9, "IPV6_NEXTHOP" }, { 0xa, "IPV6_AUTHHDR" }, { 0xb, "IPV6_FLOWINFO" },
	{ 0x10, "IPV6_UNICAST_HOPS" }, { 0x11, "IPV6_MULTICAST_IF" },
	{ 0x12, "IPV6_MULTICAST_HOPS" }, { 0x13, "IPV6_MULTICAST_LOOP" },
	{ 0x14, "IPV6_ADD_MEMBERSHIP" }, { 0x15, "IPV6_DROP_MEMBERSHIP" },
	{ 0x16, "IPV6_ROUTER_ALERT" }, { 0x17, "IPV6_MTU_DISCOVER" },
	{ 0x18, "IPV6_MTU" }, { 0x19, "IPV6_RECVERR" }, { 0x1a, "IPV6_V6ONLY" },
	{ 0x1b, "IPV6_JOIN_ANYCAST" }, { 0x1c, "IPV6_LEAVE_ANYCAST" },
	{ 0x1d, "IPV6_MULTICAST_ALL" }, { 0x1e, "IPV6_ROUTER_ALERT_ISOLATE" },
	{ 0x20, "IPV6_FLOWLABEL_MGR" }, { 0x21, "IPV6_FLOWINFO_SEND" },
	{ 0x22, "IPV6_IPSEC_POLICY" }, { 0x23, "IPV6_XFRM_POLICY" },
	{ 0x24, "IPV6_HDRINCL" }, { 0x2a, "MCAST_JOIN_GROUP" },
	{ 0x2b, "MCAST_BLOCK_SOURCE" }, { 0x2c, "MCAST_UNBLOCK_SOURCE" },
	{ 0x2d, "MCAST_LEAVE_GROUP" }, { 0x2e, "MCAST_JOIN_SOURCE_GROUP" },
	{ 0x2f, "MCAST_LEAVE_SOURCE_GROUP" }, { 0x30, "MCAST_MSFILTER" },
	{ 0x31, "IPV6_RECVPKTINFO" }, { 0x32, "IPV6_PKTINFO" },
	{ 0x33, "IPV6_RECVHOPLIMIT" }, { 0x34, "IPV6_HOPLIMIT" },
	{ 0x35, "IPV6_RECVHOPOPTS" }, { 0x36, "IPV6_HOPOPTS" },
	{ 0x37, "IPV6_RTHDRDSTOPTS" }, { 0x38, "IPV6_RECVRTHDR" },
	{ 0x39, "IPV6_RTHDR" }, { 0x3a, "IPV6_RECVDSTOPTS" },
	{ 0x3b, "IPV6_DSTOPTS" }, { 0x3c, "IPV6_RECVPATHMTU" },
	{ 0x3d, "IPV6_PATHMTU" }, { 0x3e, "IPV6_DONTFRAG" },
	{ 0x3f, "IPV6_USE_MIN_MTU" }, { 0x40, "IP6T_SO_SET_REPLACE" },
	{ 0x41, "IP6T_SO_SET_ADD_COUNTERS" }, { 0x42, "IPV6_RECVTCLASS" },
	{ 0x43, "IPV6_TCLASS" }, { 0x44, "IP6T_SO_GET_REVISION_MATCH" },
	{ 0x45, "IP6T_SO_GET_REVISION_TARGET" }, { 0x46, "IPV6_AUTOFLOWLABEL" },
	{ 0x48, "IPV6_ADDR_PREFERENCES" }, { 0x49, "IPV6_MINHOPCOUNT" },
	{ 0x4a, "IPV6_ORIGDSTADDR" }, { 0x4b, "IPV6_TRANSPARENT" },
	{ 0x4c, "IPV6_UNICAST_IF" }, { 0x4d, "IPV6_RECVFRAGSIZE" },
	{ 0x4e, "IPV6_FREEBIND" }, { 0x50, "IP6T_SO_ORIGINAL_DST" },
};

static const struct iname tcpopt_tab[] = {
	{ 0x1, "TCP_NODELAY" }, { 0x2, "TCP_MAXSEG" }, { 0x3, "TCP_CORK" },
	{ 0x4, "TCP_KEEPIDLE" }, { 0x5, "TCP_KEEPINTVL" }, { 0x6, "TCP_KEEPCNT" },
	{ 0x7, "TCP_SYNCNT" }, { 0x8, "TCP_LINGER2" }, { 0x9, "TCP_DEFER_ACCEPT" },
	{ 0xa, "TCP_WINDOW_CLAMP" }, { 0xb, "TCP_INFO" }, { 0xc, "TCP_QUICKACK" },
	{ 0xd, "TCP_CONGESTION" }, { 0xe, "TCP_MD5SIG" },
	{ 0xf, "TCP_COOKIE_TRANSACTIONS" }, { 0x10, "TCP_THIN_LINEAR_TIMEOUTS" },
	{ 0x11, "TCP_THIN_DUPACK" }, { 0x12, "TCP_USER_TIMEOUT" },
	{ 0x13, "TCP_REPAIR" }, { 0x14, "TCP_REPAIR_QUEUE" },
	{ 0x15, "TCP_QUEUE_SEQ" }, { 0x16, "TCP_REPAIR_OPTIONS" },
	{ 0x17, "TCP_FASTOPEN" }, { 0x18, "TCP_TIMESTAMP" },
	{ 0x19, "TCP_NOTSENT_LOWAT" }, { 0x1a, "TCP_CC_INFO" },
	{ 0x1b, "TCP_SAVE_SYN" }, { 0x1c, "TCP_SAVED_SYN" },
	{ 0x1d, "TCP_REPAIR_WINDOW" }, { 0x1e, "TCP_FASTOPEN_CONNECT" },
	{ 0x1f, "TCP_ULP" }, { 0x20, "TCP_MD5SIG_EXT" },
	{ 0x21, "TCP_FASTOPEN_KEY" }, { 0x22, "TCP_FASTOPEN_NO_COOKIE" },
	{ 0x23, "TCP_ZEROCOPY_RECEIVE" }, { 0x24, "TCP_INQ" },
	{ 0x25, "TCP_TX_DELAY" },
};

static const struct iname pktopt_tab[] = {
	{ 0x1, "PACKET_ADD_MEMBERSHIP" }, { 0x2, "PACKET_DROP_MEMBERSHIP" },
	{ 0x3, "PACKET_RECV_OUTPUT" }, { 0x5, "PACKET_RX_RING" },
	{ 0x6, "PACKET_STATISTICS" }, { 0x7, "PACKET_COPY_THRESH" },
	{ 0x8, "PACKET_AUXDATA" }, { 0x9, "PACKET_ORIGDEV" },
	{ 0xa, "PACKET_VERSION" }, { 0xb, "PACKET_HDRLEN" },
	{ 0xc, "PACKET_RESERVE" }, { 0xd, "PACKET_TX_RING" },
	{ 0xe, "PACKET_LOSS" }, { 0xf, "PACKET_VNET_HDR" },
	{ 0x10, "PACKET_TX_TIMESTAMP" }, { 0x11, "PACKET_TIMESTAMP" },
	{ 0x12, "PACKET_FANOUT" }, { 0x13, "PACKET_TX_HAS_OFF" },
	{ 0x14, "PACKET_QDISC_BYPASS" }, { 0x15, "PACKET_ROLLOVER_STATS" },
	{ 0x16, "PACKET_FANOUT_DATA" }, { 0x17, "PACKET_IGNORE_OUTGOING" },
};

static const struct iname person_tab[] = {
	{ 0x0, "PER_LINUX" }, { 0x6, "PER_BSD" }, { 0x8, "PER_LINUX32" },
	{ 0xc, "PER_RISCOS" }, { 0xf, "PER_OSF4" }, { 0x10, "PER_HPUX" },
};

static const struct iname open_bits[] = {
	{ 0x1, "O_WRONLY" }, { 0x2, "O_RDWR" }, { 0x40, "O_CREAT" },
	{ 0x80, "O_EXCL" }, { 0x100, "O_NOCTTY" }, { 0x200, "O_TRUNC" },
	{ 0x400, "O_APPEND" }, { 0x800, "O_NONBLOCK" }, { 0x1000, "O_DSYNC" },
	{ 0x2000, "O_ASYNC" }, { 0x4000, "O_DIRECT" }, { 0x10000, "O_DIRECTORY" },
	{ 0x20000, "O_NOFOLLOW" }, { 0x40000, "O_NOATIME" },
	{ 0x80000, "O_CLOEXEC" }, { 0x100000, "__O_SYNC" }, { 0x200000, "O_PATH" },
	{ 0x400000, "__O_TMPFILE" },
};

static const struct iname clone_bits[] = {
	{ 0x100, "CLONE_VM" }, { 0x200, "CLONE_FS" }, { 0x400, "CLONE_FILES" },
	{ 0x800, "CLONE_SIGHAND" }, { 0x2000, "CLONE_PTRACE" },
	{ 0x4000, "CLONE_VFORK" }, { 0x8000, "CLONE_PARENT" },
	{ 0x10000, "CLONE_THREAD" }, { 0x20000, "CLONE_NEWNS" },
	{ 0x40000, "CLONE_SYSVSEM" }, { 0x80000, "CLONE_SETTLS" },
	{ 0x100000, "CLONE_PARENT_SETTID" }, { 0x200000, "CLONE_CHILD_CLEARTID" },
	{ 0x400000, "CLONE_DETACHED" }, { 0x800000, "CLONE_UNTRACED" },
	{ 0x1000000, "CLONE_CHILD_SETTID" }, { 0x2000000, "CLONE_STOPPED" },
	{ 0x4000000, "CLONE_NEWUTS" }, { 0x8000000, "CLONE_NEWIPC" },
	{ 0x10000000, "CLONE_NEWUSER" }, { 0x20000000, "CLONE_NEWPID" },
	{ 0x40000000, "CLONE_NEWNET" }, { 0x80000000, "CLONE_IO" },
};

static const struct iname mmap_bits[] = {
	{ 0x1, "MAP_SHARED" }, { 0x2, "MAP_PRIVATE" }, { 0x10, "MAP_FIXED" },
	{ 0x20, "MAP_ANONYMOUS" }, { 0x40, "MAP_32BIT" },
	{ 0x100, "MAP_GROWSDOWN" }, { 0x800, "MAP_DENYWRITE" },
	{ 0x1000, "MAP_EXECUTABLE" }, { 0x2000, "MAP_LOCKED" },
	{ 0x4000, "MAP_NORESERVE" }, { 0x8000, "MAP_POPULATE" },
	{ 0x10000, "MAP_NONBLOCK" }, { 0x20000, "MAP_STACK" },
	{ 0x40000, "MAP_HUGETLB" }, { 0x80000, "MAP_SYNC" },
	{ 0x100000, "MAP_FIXED_NOREPLACE" }, { 0x4000000, "MAP_UNINITIALIZED" },
};

static const struct iname mount_bits[] = {
	{ 0x1, "MS_RDONLY" }, { 0x2, "MS_NOSUID" }, { 0x4, "MS_NODEV" },
	{ 0x8, "MS_NOEXEC" }, { 0x10, "MS_SYNCHRONOUS" }, { 0x20, "MS_REMOUNT" },
	{ 0x40, "MS_MANDLOCK" }, { 0x80, "MS_DIRSYNC" }, { 0x400, "MS_NOATIME" },
	{ 0x800, "MS_NODIRATIME" }, { 0x1000, "MS_BIND" }, { 0x2000, "MS_MOVE" },
	{ 0x4000, "MS_REC" }, { 0x8000, "MS_SILENT" }, { 0x10000, "MS_POSIXACL" },
	{ 0x20000, "MS_UNBINDABLE" }, { 0x40000, "MS_PRIVATE" },
	{ 0x80000, "MS_SLAVE" }, { 0x100000, "MS_SHARED" },
	{ 0x200000, "MS_RELATIME" }, { 0x400000, "MS_KERNMOUNT" },
	{ 0x800000, "MS_I_VERSION" }, { 0x1000000, "MS_STRICTATIME" },
	{ 0x2000000, "MS_LAZYTIME" }, { 0x4000000, "MS_SUBMOUNT" },
	{ 0x8000000, "MS_SNAP_STABLE" }, { 0x10000000, "MS_NOSEC" },
	{ 0x20000000, "MS_BORN" }, { 0x40000000, "MS_ACTIVE" },
	{ 0x80000000, "MS_NOUSER" },
};

static const struct iname recv_bits[] = {
	{ 0x1, "MSG_OOB" }, { 0x2, "MSG_PEEK" }, { 0x4, "MSG_DONTROUTE" },
	{ 0x8, "MSG_CTRUNC" }, { 0x10, "MSG_PROXY" }, { 0x20, "MSG_TRUNC" },
	{ 0x40, "MSG_DONTWAIT" }, { 0x80, "MSG_EOR" }, { 0x100, "MSG_WAITALL" },
	{ 0x200, "MSG_FIN" }, { 0x400, "MSG_SYN" }, { 0x800, "MSG_CONFIRM" },
	{ 0x1000, "MSG_RST" }, { 0x2000, "MSG_ERRQUEUE" },
	{ 0x4000, "MSG_NOSIGNAL" }, { 0x8000, "MSG_MORE" },
	{ 0x10000, "MSG_WAITFORONE" }, { 0x20000, "MSG_SENDPAGE_NOTLAST" },
	{ 0x40000, "MSG_BATCH" }, { 0x20000000, "MSG_FASTOPEN" },
	{ 0x40000000, "MSG_CMSG_CLOEXEC" }, { 0x80000000, "MSG_CMSG_COMPAT" },
};

static const struct iname umount_bits[] = {
	{ 0x1, "MNT_FORCE" }, { 0x2, "MNT_DETACH" }, { 0x4, "MNT_EXPIRE" },
	{ 0x8, "UMOUNT_NOFOLLOW" }, { 0x80000000, "UMOUNT_UNUSED" },
};

static const struct iname prot_bits[] = {
	{ 0x1, "PROT_READ" }, { 0x2, "PROT_WRITE" }, { 0x4, "PROT_EXEC" },
	{ 0x8, "PROT_SEM" },	/* mmap only */
};

static const struct iname access_bits[] = {
	{ 0x1, "X_OK" }, { 0x2, "W_OK" }, { 0x4, "R_OK" },
};


static const struct iname ioctl_tab[] = {
	{ 0x4b3a, "KDSETMODE" }, { 0x4b3b, "KDGETMODE" },
	{ 0x5309, "CDROMEJECT" }, { 0x530f, "CDROMEJECT_SW" },
	{ 0x5311, "CDROM_GET_UPC" }, { 0x5316, "CDROMSEEK" },
	{ 0x5401, "TCGETS" }, { 0x5402, "TCSETS" }, { 0x5403, "TCSETSW" },
	{ 0x5404, "TCSETSF" }, { 0x5409, "TCSBRK" }, { 0x540b, "TCFLSH" },
	{ 0x540e, "TIOCSCTTY" }, { 0x540f, "TIOCGPGRP" },
	{ 0x5410, "TIOCSPGRP" }, { 0x5413, "TIOCGWINSZ" },
	{ 0x5414, "TIOCSWINSZ" }, { 0x541b, "TIOCINQ" }, { 0x5421, "FIONBIO" },
	{ 0x8901, "FIOSETOWN" }, { 0x8903, "FIOGETOWN" },
	{ 0x8910, "SIOCGIFNAME" }, { 0x8927, "SIOCGIFHWADDR" },
	{ 0x8933, "SIOCGIFINDEX" }, { 0x89a2, "SIOCBRADDIF" },
	{ 0x40045431, "TIOCSPTLCK" }, { 0x80045430, "TIOCGPTN" },
	{ 0x80045431, "TIOCSPTLCK" }, { 0xc01864b0, "DRM_IOCTL_MODE_PAGE_FLIP" },
	{ 0xc01864b1, "DRM_IOCTL_MODE_DIRTYFB" },
	{ 0xc01c64a3, "DRM_IOCTL_MODE_CURSOR" },
};

static const struct iname ipc_tab[] = {
	{ 1, "semop" }, { 2, "semget" }, { 3, "semctl" }, { 4, "semtimedop" },
	{ 11, "msgsnd" }, { 12, "msgrcv" }, { 13, "msgget" }, { 14, "msgctl" },
	{ 21, "shmat" }, { 22, "shmdt" }, { 23, "shmget" }, { 24, "shmctl" },
};

const struct iname_tab interpret_names[NM_COUNT] = {
	[NM_IPC_TAB] = { ipc_tab, sizeof ipc_tab / sizeof ipc_tab[0] },
	[NM_SIG_TAB] = { sig_tab, sizeof sig_tab / sizeof sig_tab[0] },
	[NM_PTRACE_TAB] = { ptrace_tab, sizeof ptrace_tab / sizeof ptrace_tab[0] },
	[NM_PRCTL_TAB] = { prctl_tab, sizeof prctl_tab / sizeof prctl_tab[0] },
	[NM_FCNTL_TAB] = { fcntl_tab, sizeof fcntl_tab / sizeof fcntl_tab[0] },
	[NM_EPOLL_TAB] = { epoll_tab, sizeof epoll_tab / sizeof epoll_tab[0] },
	[NM_CLOCK_TAB] = { clock_tab, sizeof clock_tab / sizeof clock_tab[0] },
	[NM_RLIMIT_TAB] = { rlimit_tab, sizeof rlimit_tab / sizeof rlimit_tab[0] },
	[NM_SCHED_TAB] = { sched_tab, sizeof sched_tab / sizeof sched_tab[0] },
	[NM_SEEK_TAB] = { seek_tab, sizeof seek_tab / sizeof seek_tab[0] },
	[NM_FAMILY_TAB] = { family_tab, sizeof family_tab / sizeof family_tab[0] },
	[NM_SOCKTYPE_TAB] = { socktype_tab, sizeof socktype_tab / sizeof socktype_tab[0] },
	[NM_BPF_TAB] = { bpf_tab, sizeof bpf_tab / sizeof bpf_tab[0] },
	[NM_SOCKETCALL_TAB] = { socketcall_tab, sizeof socketcall_tab / sizeof socketcall_tab[0] },
	[NM_LEVEL_TAB] = { level_tab, sizeof level_tab / sizeof level_tab[0] },
	[NM_SOCKOPT_TAB] = { sockopt_tab, sizeof sockopt_tab / sizeof sockopt_tab[0] },
	[NM_IPOPT_TAB] = { ipopt_tab, sizeof ipopt_tab / sizeof ipopt_tab[0] },
	[NM_IP6OPT_TAB] = { ip6opt_tab, sizeof ip6opt_tab / sizeof ip6opt_tab[0] },
	[NM_TCPOPT_TAB] = { tcpopt_tab, sizeof tcpopt_tab / sizeof tcpopt_tab[0] },
	[NM_PKTOPT_TAB] = { pktopt_tab, sizeof pktopt_tab / sizeof pktopt_tab[0] },
	[NM_PERSON_TAB] = { person_tab, sizeof person_tab / sizeof person_tab[0] },
	[NM_OPEN_BITS] = { open_bits, sizeof open_bits / sizeof open_bits[0] },
	[NM_CLONE_BITS] = { clone_bits, sizeof clone_bits / sizeof clone_bits[0] },
	[NM_MMAP_BITS] = { mmap_bits, sizeof mmap_bits / sizeof mmap_bits[0] },
	[NM_MOUNT_BITS] = { mount_bits, sizeof mount_bits / sizeof mount_bits[0] },
	[NM_RECV_BITS] = { recv_bits, sizeof recv_bits / sizeof recv_bits[0] },
	[NM_UMOUNT_BITS] = { umount_bits, sizeof umount_bits / sizeof umount_bits[0] },
	[NM_PROT_BITS] = { prot_bits, sizeof prot_bits / sizeof prot_bits[0] },
	[NM_ACCESS_BITS] = { access_bits, sizeof access_bits / sizeof access_bits[0] },
	[NM_IOCTL_TAB] = { ioctl_tab, sizeof ioctl_tab / sizeof ioctl_tab[0] },
};

const char *interpret_name(int tab, uint32_t v)
{
	const struct iname_tab *t = &interpret_names[tab];
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->t[i].v == v)
			return t->t[i].n;
	return NULL;
}
