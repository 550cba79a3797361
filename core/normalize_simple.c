/* normalize_simple - the one-record ("simple") events of the
 * normalizer: the subject, action, object and result of a record that
 * stands alone (audit 3.0.9 auparse normalize_simple semantics, checked
 * against /sbin/ausearch --format csv/text). */
#include "normalize_int.h"

#include <stdlib.h>
#include <string.h>

/* set_prime_subject and friends: the field, or -1 and no change */
static int take(struct normalize *n, const char *name, int *slot)
{
	int i = norm_find(n, name);

	if (i >= 0)
		*slot = i;
	return i < 0;
}

static int take_secondary(struct normalize *n, const char *name)
{
	if (take(n, name, &n->subj_sec))
		return 1;
	norm_subject_what(n, n->subj_sec);
	return 0;
}

static void simple_attrs(struct normalize *n)
{
	int i;

	if (!n->all)
		return;
	norm_first_record(n);
	if (norm_find(n, "pid") < 0)
		norm_goto_record(n, 0);
	if ((i = norm_find(n, "subj")) >= 0)
		n->subj_label = i;
	else
		norm_goto_record(n, 0);
}

static int simple_object(struct normalize *n, int t)
{
	const char *const cc[] = { "key", "audit_enabled", "audit_pid",
				   "audit_backlog_limit", "audit_failure" };
	int i = -1;
	size_t k;

	norm_first_field(n);
	switch (t) {
	case 1130: case 1131:
		i = norm_find(n, "unit"); n->obj_kind = W_SERVICE; break;
	case 1129:
		i = norm_find(n, "new-level"); n->obj_kind = W_SYSTEM; break;
	case 2300:
		i = norm_find(n, "selected-context");
		n->obj_kind = W_USER_SESSION; break;
	case 2301: case 2302: case 1102: case 1135: case 1136: case 1114:
	case 1115: case 1116: case 1117: case 1132:
		i = norm_find(n, "id");
		if (i < 0) {
			norm_first_record(n);
			i = norm_find(n, "acct");
		}
		n->obj_kind = W_ACCT; break;
	case 1105: case 1106: case 1109: case 1112: case 1113:
		i = norm_find(n, "terminal"); n->obj_kind = W_USER_SESSION; break;
	case 1100: case 1101: case 1103: case 1110: case 1104: case 1108:
	case 1133: case 2100: case 2101: case 2102: case 2104:
		i = norm_find(n, "acct"); n->obj_kind = W_USER_SESSION; break;
	case 2112: case 1123:
		i = norm_find(n, "cmd"); n->obj_kind = W_PROCESS; break;
	case 1124: case 1319:
		norm_first_record(n);
		i = norm_find(n, "data"); n->obj_kind = W_KEYSTROKES; break;
	case 1137:
		norm_first_record(n);
		i = norm_find(n, "device"); n->obj_kind = W_KEYSTROKES; break;
	case 2502: i = norm_find(n, "vm"); n->obj_kind = W_VM; break;
	case 2501: i = norm_find(n, "resrc"); n->obj_kind = W_VM; break;
	case 2500: i = norm_find(n, "op"); n->obj_kind = W_VM; break;
	case 2304: i = norm_find(n, "printer"); n->obj_kind = W_PRINTER; break;
	case 1305:
		for (k = 0; k < 5 && i < 0; k++) {
			if (k)
				norm_first_record(n);
			i = norm_find(n, cc[k]);
		}
		n->obj_kind = W_AUDIT_CONFIG; break;
	case 1405: case 1404:	/* ref 3.0.9: from the record's start */
		norm_first_record(n);
		i = norm_find(n, t == 1405 ? "bool" : "enforcing");
		n->obj_kind = W_MAC_CONFIG; break;
	case 1403: case 2303: case 2307: case 2308: case 2309: case 2310:
	case 2311: case 2312:
		n->obj_kind = W_MAC_CONFIG; break;
	case 1111:	/* the op is the action */
		if ((i = norm_find(n, "op")) >= 0)
			n->action_f = i, n->action = NULL;
		i = -1;
		n->obj_kind = W_SYSTEM; break;
	case 1138:
		norm_first_record(n);
		i = norm_find(n, "sw"); n->obj_kind = W_SOFTWARE; break;
	case 1005: i = norm_find(n, "addr"); break;
	case 2404: i = norm_find(n, "fp"); n->obj_kind = W_USER_SESSION; break;
	case 2407: i = norm_find(n, "addr"); n->obj_kind = W_USER_SESSION; break;
	case 2109: i = norm_find(n, "hostname"); n->obj_kind = W_FILESYSTEM;
		break;
	default: break;
	}
	return i;
}

/* the exe, or the comm before it for an interpreter */
static void how_from_exe(struct normalize *n)
{
	int i = norm_find(n, "exe");

	if (i < 0)
		return;
	n->how_f = i;
	if (!norm_is_script_host(n, i))
		return;
	if (n->cf[n->cr] > 0)
		n->cf[n->cr]--;
	else
		norm_first_record(n);
	if ((i = norm_find(n, "comm")) >= 0)
		n->how_f = i;
}

/* CONFIG_CHANGE, FEATURE_CHANGE, SECCOMP, ANOM_ABEND: auid, (op), (uid) */
static int simple_auid_first(struct normalize *n, int t)
{
	int i;

	take(n, "auid", &n->subj_prime);
	if (take(n, "ses", &n->session))
		norm_first_record(n);
	simple_attrs(n);
	if (t == 1305) {
		norm_first_field(n);
		i = norm_find(n, "op");
		if (i >= 0 && (span_eqs(n->f[i].value, "add_rule") ||
			       span_eqs(n->f[i].value, "remove_rule"))) {
			n->action = n->f[i].value.p[0] == 'a' ?
				"added-audit-rule" : "deleted-audit-rule";
			n->obj_prime = simple_object(n, t);
		} else {
			n->action = norm_record_action(t);
			n->obj_prime = simple_object(n, t);
			norm_first_record(n);
		}
	} else {
		n->action = norm_record_action(t);
		norm_first_record(n);
	}
	if (t == 1328 || t == 1326 || t == 1701) {	/* not 1700 */
		norm_first_field(n);
		if (take_secondary(n, "uid"))
			norm_first_record(n);
	}
	if (t == 1328) {
		how_from_exe(n);
		take(n, "feature", &n->obj_prime);
		n->obj_kind = W_SYSTEM;
	} else if (t == 1326) {
		how_from_exe(n);
		if (take(n, "syscall", &n->obj_prime))
			norm_first_record(n);
		n->obj_kind = W_PROCESS;
		take(n, "code", &n->results);
		return 0;
	} else if (t == 1701) {
		if (take(n, "exe", &n->obj_prime))
			norm_first_record(n);
		n->obj_kind = W_PROCESS;
		if ((i = norm_find(n, "sig")) >= 0)
			n->how_f = i;
	} else if (t == 1700) {
		norm_first_field(n);
		take(n, "dev", &n->obj_prime);
		take_secondary(n, "uid");
		n->obj_kind = W_SOCKET;
	}
	take(n, "res", &n->results);
	return 0;
}

static int simple_login(struct normalize *n)
{
	if (take_secondary(n, "uid"))
		norm_first_record(n);
	simple_attrs(n);
	if (take(n, "old-auid", &n->subj_prime))
		norm_first_record(n);
	if (take(n, "auid", &n->obj_prime))
		norm_first_record(n);
	n->obj_kind = W_USER_SESSION;
	take(n, "ses", &n->session);
	take(n, "res", &n->results);
	n->action = norm_record_action(1006);
	return 0;
}

static int simple_daemon(struct normalize *n, int t)
{
	take(n, "auid", &n->subj_prime);
	if (take_secondary(n, "uid"))
		norm_first_record(n);
	if (take(n, "ses", &n->session))
		norm_first_record(n);
	simple_attrs(n);
	n->subj_kind = "auditd";
	n->action = norm_record_action(t);
	n->obj_kind = W_SERVICE;
	if (t == 1200)
		n->how = "init";
	else if (t < 1207 && t != 1202)
		n->how = "signal";
	take(n, "res", &n->results);
	return 0;
}

/* ref 3.0.9: USER_AVC's subject and object are the contexts, no result */
static void user_avc(struct normalize *n)
{
	norm_first_record(n);
	take(n, "scontext", &n->subj_prime);
	norm_first_record(n);
	if (n->all)	/* as AVC: not for --format text */
		take(n, "tcontext", &n->obj_prime);
	n->results = NORM_UNSET;
}

/* EVENT_LISTENER (ref 3.0.9): op=connect is "connected-to", any other op
 * "disconnected-from", none "connected"; the object the multicast
 * group, the how the exe (a script host's too) */
static int event_listener(struct normalize *n)
{
	int i;

	norm_first_record(n);
	i = norm_find(n, "op");
	n->action = i < 0 ? "connected" : norm_val_is(n, i, "connect") ?
		"connected-to" : "disconnected-from";
	norm_first_record(n);
	take(n, "nl-mcgrp", &n->obj_prime);
	n->obj_kind = W_SOCKET;
	norm_first_record(n);
	if ((i = norm_find(n, "exe")) >= 0)
		n->how_f = i;
	norm_first_record(n);	/* res is found wherever it is */
	take(n, "res", &n->results);
	return 0;
}

static int simple_generic(struct normalize *n, int t)
{
	int i;

	if (t == 1112) {
		if (take(n, "id", &n->subj_prime)) {
			norm_first_record(n);
			if (take(n, "acct", &n->subj_prime) == 0)
				norm_subject_what(n, n->subj_prime);
		} else {
			norm_subject_what(n, n->subj_prime);
		}
		norm_first_record(n);
	} else {
		if (take_secondary(n, "uid"))
			norm_first_record(n);
		take(n, "auid", &n->subj_prime);
	}
	if (take(n, "ses", &n->session))
		norm_first_record(n);
	simple_attrs(n);
	/* ref 3.0.9: the object is found even when res= is not */
	if (take(n, "res", &n->results))
		norm_first_record(n);
	if (t == 1137) {
		norm_first_record(n);
		if ((i = norm_find(n, "op")) >= 0)
			n->action_f = i;
	}
	if (t == 1335)
		return event_listener(n);
	if (n->action_f < 0)
		n->action = norm_record_action(t);
	n->obj_prime = simple_object(n, t);
	norm_first_field(n);
	if ((t == 2407 || t == 1138) &&
	    (i = norm_find(n, t == 2407 ? "rport" : "sw_type")) >= 0)
		n->obj_sec = i;
	norm_first_field(n);
	if ((t == 2500 || t == 2501 || t == 1138) &&
	    (i = norm_find(n, t == 1138 ? "root_dir" : "vm")) >= 0)
		n->obj2 = i;
	if (t == 1107)
		user_avc(n);
	norm_first_record(n);
	if (t == 1127 || t == 1128) {	/* ref 3.0.9: with the exe */
		n->obj_kind = t == 1127 ? W_SYSTEM : W_SERVICE;
		how_from_exe(n);
		return 0;
	}
	if (t == 2112 || t == 1319) {
		if ((i = norm_find(n, t == 1319 ? "comm" : "terminal")) >= 0)
			n->how_f = i;
		return 0;
	}
	how_from_exe(n);
	return 0;
}

/* one-record NETFILTER_CFG and BPF (ref 3.0.9: subject kind "system") */
static int simple_kernel_cfg(struct normalize *n, int t)
{
	int i;

	n->subj_kind = "system";
	simple_attrs(n);
	norm_first_record(n);
	if (t == 1325) {
		n->action = "loaded-firewall-rule-to";
		take(n, "table", &n->obj_prime);
		n->obj_kind = W_FIREWALL;
		norm_first_record(n);
		if ((i = norm_find(n, "comm")) >= 0)
			n->how_f = i;
		return 0;
	}
	i = norm_find(n, "op");
	n->action = i < 0 ? "bpf-program" : norm_val_is(n, i, "LOAD") ?
		"loaded-bpf-program" : "unloaded-bpf-program";
	norm_first_record(n);
	take(n, "prog-id", &n->obj_prime);
	n->obj_kind = W_PROCESS;
	return 0;
}

/* labeled networking (MAC_UNLBL_ALLOW .. 1499) */
static int simple_labeled_net(struct normalize *n, int t)
{
	int i;

	if (take(n, "auid", &n->subj_prime) == 0)
		norm_subject_what(n, n->subj_prime);
	else	/* ref 3.0.9: no auid is an unknown account */
		n->subj_kind = "unknown-acct";
	if (take(n, "ses", &n->session))
		norm_first_record(n);
	/* ref 3.0.9: subj= is looked up whatever the options (the cursor
	 * moves past it), a label only when all attributes are asked */
	if ((i = norm_find(n, "subj")) < 0)
		norm_goto_record(n, 0);
	else if (n->all)
		n->subj_label = i;
	if (t == 1406) {
		if ((i = norm_find(n, "unlbl_accept")) >= 0)
			n->action = norm_val_is(n, i, "1") ?
				"is-allowing-unlabeled-network-traffic" :
				"is-disallowing-unlabeled-network-traffic";
		else
			norm_first_record(n);
	} else {
		n->action = norm_record_action(t);
	}
	if ((t == 1409 || t == 1410) && take(n, "nlbl_domain", &n->obj_prime))
		norm_first_record(n);
	n->obj_kind = W_MAC_CONFIG;
	take(n, "res", &n->results);	/* from the cursor */
	return 0;
}

int norm_simple(struct normalize *n)
{
	int t = n->rec[0].type;

	if (t == 1300)
		return norm_compound(n);
	n->evkind = norm_evkind(t);
	if (t == 1325 || t == 1334)
		return simple_kernel_cfg(n, t);
	if (t >= 1406 && t <= 1499)
		return simple_labeled_net(n, t);
	if (t == 1305 || t == 1328 || t == 1326 || t == 1701 ||
	    t == 1700)
		return simple_auid_first(n, t);
	if (t == 1006)
		return simple_login(n);
	if (t == 1400) {
		int i = norm_find(n, "comm");

		if (i >= 0)
			n->how_f = i;
		else
			norm_first_record(n);
		if (take(n, "scontext", &n->subj_prime))
			norm_first_record(n);
		if (n->all && take(n, "tcontext", &n->obj_prime))
			norm_first_record(n);
		n->action = norm_record_action(t);
		norm_first_record(n);	/* ref 3.0.9: "denied" fails */
		if (take(n, "seresult", &n->results) == 0)
			n->subj_kind = "unknown-acct";
		return 0;
	}
	if (t >= 1200 && t < 1299)
		return simple_daemon(n, t);
	return simple_generic(n, t);
}
