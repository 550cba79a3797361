/* nss_stub - linked into every fuzz target: user and group lookups over
 * a fixed table instead of /etc/passwd and /etc/group, so that no input
 * opens a file for a name (fast, and the same on every machine). These
 * definitions win over the C library's (and the sanitizers' weak ones). */
#include <grp.h>
#include <pwd.h>
#include <stddef.h>
#include <string.h>
#include <sys/types.h>

static char n_root[] = "root", n_daemon[] = "daemon", n_adm[] = "adm",
	n_user[] = "user", n_nobody[] = "nobody", n_nogroup[] = "nogroup",
	n_x[] = "x", n_dir[] = "/", n_sh[] = "/bin/sh";
static char *no_mem[] = { NULL };

static struct passwd users[] = {
	{ n_root, n_x, 0, 0, n_x, n_dir, n_sh },
	{ n_daemon, n_x, 1, 1, n_x, n_dir, n_sh },
	{ n_user, n_x, 1000, 1000, n_x, n_dir, n_sh },
	{ n_nobody, n_x, 65534, 65534, n_x, n_dir, n_sh },
};
static struct group groups[] = {
	{ n_root, n_x, 0, no_mem },
	{ n_adm, n_x, 4, no_mem },
	{ n_user, n_x, 1000, no_mem },
	{ n_nogroup, n_x, 65534, no_mem },
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

struct passwd *getpwuid(uid_t uid)
{
	for (size_t i = 0; i < N(users); i++)
		if (users[i].pw_uid == uid)
			return &users[i];
	return NULL;
}

struct passwd *getpwnam(const char *name)
{
	for (size_t i = 0; i < N(users); i++)
		if (strcmp(users[i].pw_name, name) == 0)
			return &users[i];
	return NULL;
}

struct group *getgrgid(gid_t gid)
{
	for (size_t i = 0; i < N(groups); i++)
		if (groups[i].gr_gid == gid)
			return &groups[i];
	return NULL;
}

struct group *getgrnam(const char *name)
{
	for (size_t i = 0; i < N(groups); i++)
		if (strcmp(groups[i].gr_name, name) == 0)
			return &groups[i];
	return NULL;
}
