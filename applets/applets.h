/* APPLET(name as invoked, C identifier). The one applet list; keep sorted. */
APPLET("audisp-remote", audisp_remote)
APPLET("auditctl",      auditctl)
APPLET("auditd",        auditd)
APPLET("augenrules",    augenrules)
APPLET("aureport",      aureport)
APPLET("ausearch",      ausearch)
APPLET("autrace",       autrace)
