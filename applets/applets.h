/* APPLET(name as invoked, C identifier). The one applet list; keep sorted.
 * applets_config.h (meson, -Dapplets=) says which are built. */
#include "applets_config.h"
#if AB_WANT_audisp_remote
APPLET("audisp-remote", audisp_remote)
#endif
#if AB_WANT_auditctl
APPLET("auditctl",      auditctl)
#endif
#if AB_WANT_auditd
APPLET("auditd",        auditd)
#endif
#if AB_WANT_augenrules
APPLET("augenrules",    augenrules)
#endif
#if AB_WANT_aureport
APPLET("aureport",      aureport)
#endif
#if AB_WANT_ausearch
APPLET("ausearch",      ausearch)
#endif
#if AB_WANT_autrace
APPLET("autrace",       autrace)
#endif
