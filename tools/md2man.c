/* md2man - a manual page (man(7) with tbl) from one of docs/NAME.N.md, the
 * one source of auditbox's documentation. Build-time host tool (meson
 * builds it native and runs it for every page).
 *
 * The Markdown it reads is the subset docs/ uses: "# name(N) — ..." first
 * (the page's name and section), "## " sections, "### " subsections,
 * paragraphs, "- " lists, "term" lines followed by ": definition" lines,
 * indented (4 spaces) and fenced (```) code blocks, "|" tables, `code`,
 * **bold** and [text](url). Anything else is text.
 *
 * Usage: md2man INPUT.md OUTPUT VERSION */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static FILE *out;
static const char *src;
static int lineno;

static void die(const char *what)
{
	fprintf(stderr, "md2man: %s:%d: %s\n", src, lineno, what);
	exit(1);
}

/* a non-ASCII character as a roff escape; returns the bytes used */
static size_t put_utf8(const unsigned char *s)
{
	static const struct { const char *u, *r; } names[] = {
		{ "\xe2\x80\x94", "\\(em" }, { "\xe2\x80\x93", "\\(en" },
		{ "\xe2\x80\xa6", "..." }, { "\xc3\x97", "\\(mu" },
		{ "\xe2\x89\xa4", "\\(<=" }, { "\xe2\x89\xa5", "\\(>=" },
		{ "\xe2\x86\x92", "\\(->" }, { "\xe2\x80\x99", "'" },
		{ "\xe2\x80\x9c", "\\(lq" }, { "\xe2\x80\x9d", "\\(rq" },
		{ "\xc2\xb5", "\\(mc" },
	};
	unsigned cp;
	size_t i, n;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		n = strlen(names[i].u);
		if (!strncmp((const char *)s, names[i].u, n)) {
			fputs(names[i].r, out);
			return n;
		}
	}
	if ((s[0] & 0xe0) == 0xc0 && (s[1] & 0xc0) == 0x80) {
		cp = (s[0] & 0x1fu) << 6 | (s[1] & 0x3fu);
		n = 2;
	} else if ((s[0] & 0xf0) == 0xe0 && (s[1] & 0xc0) == 0x80 &&
		   (s[2] & 0xc0) == 0x80) {
		cp = (s[0] & 0x0fu) << 12 | (s[1] & 0x3fu) << 6 | (s[2] & 0x3fu);
		n = 3;
	} else {
		die("not UTF-8");
	}
	fprintf(out, "\\[u%04X]", cp);
	return n;
}

/* text with roff's special characters escaped; inline markup turned
 * into fonts. code: inside a code block (no markup). */
static void put_text(const char *s, bool code)
{
	bool mono = false, bold = false;
	const unsigned char *p = (const unsigned char *)s;

	/* a line must not start with a control character ("…" is "...") */
	if (*p == '.' || *p == '\'' || !strncmp(s, "\xe2\x80\xa6", 3))
		fputs("\\&", out);
	while (*p) {
		if (!code && *p == '`') {
			mono = !mono;
			fputs(mono ? "\\fB" : "\\fR", out);
			p++;
		} else if (!code && !mono && p[0] == '*' && p[1] == '*') {
			bold = !bold;
			fputs(bold ? "\\fB" : "\\fR", out);
			p += 2;
		} else if (!code && !mono && *p == '[' &&
			   strstr((const char *)p, "](")) {
			const char *mid = strstr((const char *)p, "](");
			const char *end = strchr(mid, ')');

			if (!end) {
				fputc('[', out);
				p++;
				continue;
			}
			/* the text, then the address */
			{
				char t[512];
				size_t n = (size_t)(mid - (const char *)p - 1);

				if (n >= sizeof t)
					n = sizeof t - 1;
				memcpy(t, p + 1, n);
				t[n] = 0;
				put_text(t, false);
				fputs(" (", out);
				n = (size_t)(end - mid - 2);
				if (n >= sizeof t)
					n = sizeof t - 1;
				memcpy(t, mid + 2, n);
				t[n] = 0;
				put_text(t, true);
				fputc(')', out);
			}
			p = (const unsigned char *)end + 1;
		} else if (*p == '\\') {
			fputs("\\e", out);
			p++;
		} else if (*p == '-') {
			fputs("\\-", out);
			p++;
		} else if (*p >= 0x80) {
			p += put_utf8(p);
		} else if (*p == '\t') {
			fputc(' ', out);
			p++;
		} else {
			fputc(*p++, out);
		}
	}
	if (mono || bold)
		fputs("\\fR", out);
	fputc('\n', out);
}

static void upper_text(const char *s)
{
	char t[256];
	size_t i;

	for (i = 0; s[i] && i + 1 < sizeof t; i++)
		t[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
	t[i] = 0;
	put_text(t, false);
}

static bool blank(const char *s)
{
	return s[strspn(s, " \t")] == 0;
}

/* a table row's cells, written as tbl text blocks */
static void table_row(char *s, int ncol)
{
	char *cell, *next;
	int n = 0;

	if (*s == '|')
		s++;
	for (cell = s; cell && n < ncol; cell = next, n++) {
		char *end = strchr(cell, '|');

		/* a "|" inside `code` belongs to the cell */
		while (end) {
			int ticks = 0;
			char *q;

			for (q = cell; q < end; q++)
				ticks += *q == '`';
			if (ticks % 2 == 0)
				break;
			end = strchr(end + 1, '|');
		}
		next = end ? end + 1 : NULL;
		if (end)
			*end = 0;
		while (*cell == ' ')
			cell++;
		{
			size_t l = strlen(cell);

			while (l && cell[l - 1] == ' ')
				cell[--l] = 0;
		}
		fputs(n ? "\tT{\n" : "T{\n", out);
		put_text(cell, false);
		fputs("T}", out);
	}
	for (; n < ncol; n++)
		fputs("\t", out);
	fputc('\n', out);
}

static int count_cols(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '|';
	return n - 1;
}

int main(int argc, char **argv)
{
	FILE *in;
	char **lines = NULL, *l = NULL;
	size_t cap = 0, lcap = 0;
	ssize_t got;
	int n = 0, i, j;
	char name[128], sect[8];
	bool para = false, fresh = true;
	char date[32];
	struct stat st;
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t when;

	if (argc != 4) {
		fprintf(stderr, "usage: md2man INPUT.md OUTPUT VERSION\n");
		return 2;
	}
	src = argv[1];
	in = fopen(argv[1], "r");
	if (!in) {
		perror(argv[1]);
		return 1;
	}
	while ((got = getline(&l, &lcap, in)) >= 0) {
		while (got && (l[got - 1] == '\n' || l[got - 1] == '\r'))
			l[--got] = 0;
		if ((size_t)n == cap) {
			cap = cap ? cap * 2 : 256;
			lines = realloc(lines, cap * sizeof *lines);
			if (!lines)
				die("out of memory");
		}
		lines[n] = strdup(l);
		if (!lines[n++])
			die("out of memory");
	}
	free(l);
	fclose(in);
	lineno = 1;
	if (n == 0 || sscanf(lines[0], "# %127[^(](%7[^)])", name, sect) != 2)
		die("the first line is not \"# name(N) ...\"");
	out = fopen(argv[2], "w");
	if (!out) {
		perror(argv[2]);
		return 1;
	}
	fprintf(out, ".\\\" Generated by tools/md2man from %s: edit that file.\n",
		strrchr(src, '/') ? strrchr(src, '/') + 1 : src);
	fprintf(out, ".TH ");
	for (i = 0; name[i]; i++)
		fputc(name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32 : name[i],
		      out);
	/* the date: SOURCE_DATE_EPOCH (reproducible builds), else the
	 * source's modification time */
	when = sde ? (time_t)strtoll(sde, NULL, 10) :
		stat(argv[1], &st) == 0 ? st.st_mtime : 0;
	strftime(date, sizeof date, "%Y-%m-%d", gmtime(&when));
	fprintf(out, " %s %s \"auditbox %s\" \"auditbox\"\n", sect, date,
		argv[3]);
	for (i = 1; i < n; i++) {
		char *s = lines[i];

		lineno = i + 1;
		if (blank(s)) {
			para = true;
			continue;
		}
		if (!strncmp(s, "## ", 3)) {
			fputs(".SH ", out);
			upper_text(s + 3);
			para = false;
		} else if (!strncmp(s, "### ", 4)) {
			fputs(".SS ", out);
			put_text(s + 4, false);
			para = false;
		} else if (!strncmp(s, "```", 3)) {
			fputs(fresh ? ".RS 4\n.nf\n" : ".PP\n.RS 4\n.nf\n", out);
			for (i++; i < n && strncmp(lines[i], "```", 3); i++)
				put_text(lines[i], true);
			if (i == n)
				die("a ``` block is not closed");
			fputs(".fi\n.RE\n", out);
			para = true;
		} else if (!strncmp(s, "    ", 4)) {
			fputs(fresh ? ".RS 4\n.nf\n" : ".PP\n.RS 4\n.nf\n", out);
			for (; i < n && (!strncmp(lines[i], "    ", 4) ||
					 (blank(lines[i]) && i + 1 < n &&
					  !strncmp(lines[i + 1], "    ", 4)));
			     i++)
				put_text(blank(lines[i]) ? "" : lines[i] + 4, true);
			i--;
			fputs(".fi\n.RE\n", out);
			para = true;
		} else if (s[0] == '|') {
			int ncol = count_cols(s);

			if (ncol < 1 || i + 1 >= n || lines[i + 1][0] != '|' ||
			    !strstr(lines[i + 1], "---"))
				die("a table needs a header and a --- line");
			fputs(fresh ? ".TS\nallbox tab(\t);\n" :
			      ".PP\n.TS\nallbox tab(\t);\n", out);
			for (j = 0; j < ncol; j++)
				fputs(j ? " lx" : "lx", out);
			fputs(".\n", out);
			table_row(s, ncol);
			for (i += 2; i < n && lines[i][0] == '|'; i++)
				table_row(lines[i], ncol);
			i--;
			fputs(".TE\n", out);
			para = true;
		} else if (!strncmp(s, "- ", 2)) {
			fputs(".IP \\(bu 2\n", out);
			put_text(s + 2, false);
			while (i + 1 < n && !strncmp(lines[i + 1], "  ", 2) &&
			       !blank(lines[i + 1]))
				put_text(lines[++i] + 2, false);
			para = true;
		} else if (i + 1 < n && !strncmp(lines[i + 1], ": ", 2)) {
			fputs(".TP\n", out);
			put_text(s, false);
			put_text(lines[++i] + 2, false);
			while (i + 1 < n && !strncmp(lines[i + 1], "  ", 2) &&
			       !blank(lines[i + 1]))
				put_text(lines[++i] + 2, false);
			para = true;
		} else {
			if (para && !fresh)
				fputs(".PP\n", out);
			para = false;
			put_text(s, false);
		}
		fresh = !strncmp(s, "## ", 3) || !strncmp(s, "### ", 4);
	}
	if (fclose(out))
		die("write error");
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	return 0;
}
