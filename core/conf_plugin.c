/* conf_plugin - plugins.d files: active, direction, path, type, args,
 * format, and the check of an active plugin's executable, in the words
 * of the reference's audisp/audispd-pconfig.c (audit 3.0.9). */
#include <auditbox/conf.h>
#include <auditbox/tables.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define PC(o) ((struct plugin_conf *)(o))

static int set_active(struct conf_ctx *c, void *o, const struct conf_kv *kv)
{
	int v = conf_yesno(c, kv->value);

	if (v < 0)
		return -1;
	PC(o)->active = v;
	return 0;
}

static int set_direction(struct conf_ctx *c, void *o,
			 const struct conf_kv *kv)
{
	static const struct conf_enum dirs[] = { { "out", 1 }, { NULL, 0 } };

	(void)o;	/* "in" is not supported by 3.0.9 either */
	return conf_enum_get(c, dirs, kv->value) < 0 ? -1 : 0;
}

/* dirname(3) of s into out[cap]. */
static void dir_name(const char *s, char *out, size_t cap)
{
	size_t n = strlen(s);

	while (n > 1 && s[n - 1] == '/')
		n--;
	while (n && s[n - 1] != '/')
		n--;
	if (!n) {
		snprintf(out, cap, ".");
		return;
	}
	while (n > 1 && s[n - 1] == '/')
		n--;
	snprintf(out, cap, "%.*s", (int)n, s);
}

static int set_path(struct conf_ctx *c, void *o, const struct conf_kv *kv)
{
	char dir[CONF_STR_MAX];

	if (strncasecmp(kv->value, "builtin_", 8)) {
		dir_name(kv->value, dir, sizeof dir);
		/* ref 3.0.9: '/var' is the shortest directory accepted */
		if (strlen(dir) < 4)
			return conf_fail(c, "The directory name: %s is too "
					 "short - line %u", dir, c->line);
	}
	conf_str(PC(o)->path, kv->value);
	return 0;
}

static int set_type(struct conf_ctx *c, void *o, const struct conf_kv *kv)
{
	static const struct conf_enum t[] = { { "builtin", PT_BUILTIN },
		{ "always", PT_ALWAYS }, { NULL, 0 } };
	int v = conf_enum_get(c, t, kv->value);

	if (v < 0)
		return -1;
	PC(o)->type = v;
	return 0;
}

static int set_args(struct conf_ctx *c, void *o, const struct conf_kv *kv)
{
	(void)c;
	conf_str(PC(o)->args[0], kv->value);
	PC(o)->nargs = 1;
	if (kv->option) {
		conf_str(PC(o)->args[1], kv->option);
		PC(o)->nargs = 2;
	}
	return 0;
}

static int set_format(struct conf_ctx *c, void *o, const struct conf_kv *kv)
{
	static const struct conf_enum f[] = { { "binary", PF_BINARY },
		{ "string", PF_STRING }, { NULL, 0 } };
	int v = conf_enum_get(c, f, kv->value);

	if (v < 0)
		return -1;
	PC(o)->format = v;
	return 0;
}

const struct conf_key conf_plugin_keys[] = {
	{ "active", 0, set_active }, { "direction", 0, set_direction },
	{ "path", 0, set_path }, { "type", 0, set_type },
	{ "args", 1, set_args }, { "format", 0, set_format },
	{ NULL, 0, NULL }
};

int conf_plugin_name_ok(const char *name)
{
	const char *dot = strchr(name, '.');

	return name[0] != '.' && (!dot || !strchr(dot + 1, '.'));
}

/* ref 3.0.9 sanity_check(): an active plugin's executable. */
static int plugin_check(struct conf_ctx *c, struct plugin_conf *p)
{
	struct stat st;

	if (!p->active)
		return 0;
	c->line = 0;
	if (!p->path[0])
		return conf_fail(c, "Error - plugin (%s) is active but no path "
				 "given", c->file);
	if (!strncasecmp(p->path, "builtin_", 8))
		return 0;
	if (stat(p->path, &st) < 0)
		return conf_fail(c, "Unable to stat %s (%s)", p->path,
				 tables_strerror(errno));
	if (!S_ISREG(st.st_mode))
		return conf_fail(c, "%s is not a regular file", p->path);
	if (c->check_owner && st.st_uid != 0)
		return conf_fail(c, "%s is not owned by root", p->path);
	if ((st.st_mode & 0750) != 0750)
		return conf_fail(c, "%s permissions should be 0750", p->path);
	/* 3.0.9 runs it as root even when anyone may rewrite it */
	if (st.st_mode & 022)
		return conf_fail(c, "%s is writable by group or others",
				 p->path);
	p->inode = (uint64_t)st.st_ino;
	return 0;
}

int conf_plugin_load(struct conf_ctx *c, const char *path,
		     struct plugin_conf *p)
{
	int lines = 0, rc;

	memset(p, 0, sizeof *p);
	p->type = PT_ALWAYS;
	p->format = PF_STRING;
	rc = conf_load(c, path, conf_plugin_keys, p, &lines);
	if (rc != 0)
		return rc;
	return lines > 0 ? plugin_check(c, p) : 0;
}
