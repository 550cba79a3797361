# tests/vm/lib/vm.sh - the throwaway-kernel harness, sourced by each
# tests/vm/*.sh after tests/lib/common.sh.
#
# A boot: a stock kernel (Debian's linux-image-cloud-amd64, fetched with
# apt-get download and cached in $AUDITBOX_VM_CACHE, or the bzImage named
# by $AUDITBOX_VM_KERNEL) under qemu-system-x86_64 (KVM when it works,
# else TCG), no network, no disk: an initramfs of busybox-static, our
# static binary and its links, and the test's own /init. The guest has an
# audit state of its own, so the tests the host forbids (KERNEL-TESTS.md)
# run there; nothing here touches the host's audit state.
#
# The guest prints its results ("PASS name", "FAIL name: why") on its
# second serial port, and "VM-END" when it got to the end; the kernel's
# console is the first port. A failed boot's console and results are kept
# in $AUDITBOX_VM_LOGS (default /tmp/auditbox-vm-logs) and the path said.

VM_CACHE=${AUDITBOX_VM_CACHE:-/var/cache/auditbox-vm}
VM_LOGS=${AUDITBOX_VM_LOGS:-/tmp/auditbox-vm-logs}
VM_TIMEOUT=${AUDITBOX_VM_TIMEOUT:-180}
VM_META=linux-image-cloud-amd64

# vm_kernel: prints the path of the kernel to boot; fetches it into the
# cache when needed. 1 (and why on stderr) when there is none.
vm_kernel() {
	if [ -n "${AUDITBOX_VM_KERNEL:-}" ]; then
		echo "$AUDITBOX_VM_KERNEL"
		return 0
	fi
	# The real package the meta-package depends on, e.g.
	# linux-image-6.1.0-57-cloud-amd64.
	_pkg=$(apt-cache depends "$VM_META" 2>/dev/null |
		awk '$1 == "Depends:" && $2 ~ /^linux-image-/ { print $2; exit }')
	if [ -z "$_pkg" ]; then
		apt-get update >/dev/null 2>&1
		_pkg=$(apt-cache depends "$VM_META" 2>/dev/null |
			awk '$1 == "Depends:" && $2 ~ /^linux-image-/ { print $2; exit }')
	fi
	if [ -z "$_pkg" ]; then	# no apt lists: whatever is cached
		_k=$(ls "$VM_CACHE"/linux-image-*/boot/vmlinuz-* 2>/dev/null | tail -1)
		[ -n "$_k" ] && { echo "$_k"; return 0; }
		echo "vm_kernel: cannot resolve $VM_META and nothing is cached" >&2
		return 1
	fi
	_k=$(ls "$VM_CACHE/$_pkg"/boot/vmlinuz-* 2>/dev/null | head -1)
	if [ -z "$_k" ]; then
		mkdir -p "$VM_CACHE" || return 1
		_d=$(mktemp -d "$VM_CACHE/dl.XXXXXX") || return 1
		chmod 755 "$_d"	# apt's _apt user writes here when it can
		if ! (cd "$_d" && apt-get download "$_pkg") >"$_d/log" 2>&1 &&
		   ! { apt-get update >/dev/null 2>&1 &&
		       (cd "$_d" && apt-get download "$_pkg") >"$_d/log" 2>&1; }; then
			echo "vm_kernel: apt-get download $_pkg failed:" >&2
			tail -3 "$_d/log" >&2
			rm -rf "$_d"
			return 1
		fi
		mkdir "$_d/x"
		if ! dpkg-deb -x "$_d"/*.deb "$_d/x"; then
			rm -rf "$_d"
			return 1
		fi
		# Only the kernel and its config are kept; no modules are used.
		rm -rf "${VM_CACHE:?}/$_pkg"
		mkdir -p "$VM_CACHE/$_pkg"
		mv "$_d/x/boot" "$VM_CACHE/$_pkg/boot"
		rm -rf "$_d"
		_k=$(ls "$VM_CACHE/$_pkg"/boot/vmlinuz-* 2>/dev/null | head -1)
	fi
	[ -n "$_k" ] || { echo "vm_kernel: no vmlinuz in $_pkg" >&2; return 1; }
	echo "$_k"
}

# vm_usable: qemu, busybox, cpio and a kernel; else SKIP NAME (a FAIL with
# AUDITBOX_REQUIRE_KERNEL=1) and the script ends. Sets VM_KERNEL.
vm_usable() {
	T_KERNEL=1
	for _c in qemu-system-x86_64 busybox cpio gzip; do
		if ! command -v $_c >/dev/null 2>&1; then
			skip "$1" "$_c not installed (scripts/deps test)"
			t_done
		fi
	done
	if ! busybox --help 2>&1 | head -1 | grep -q BusyBox ||
	   ! ldd "$(command -v busybox)" 2>&1 | grep -q 'not a dynamic'; then
		skip "$1" "busybox is not busybox-static"
		t_done
	fi
	if ! VM_KERNEL=$(vm_kernel); then
		skip "$1" "no guest kernel"
		t_done
	fi
}

# vm_base: the initramfs every boot shares, $T_TMP/vm-base.cpio.gz:
# busybox and its links in /bin, auditbox and its links in /sbin, the
# guest's test library as /lib/t.sh, links to /sbin/auditbox in
# /usr/sbin. No /run, /var or /etc: a bare root.
vm_base() {
	_s=$T_TMP/vm-base
	[ -f "$_s.cpio.gz" ] && return 0
	mkdir -p "$_s/bin" "$_s/sbin" "$_s/lib" "$_s/dev" "$_s/proc" \
		"$_s/sys" "$_s/tmp" "$_s/root"
	cp "$(command -v busybox)" "$_s/bin/busybox"
	for _a in $(busybox --list); do
		[ -e "$_s/bin/$_a" ] || ln -s busybox "$_s/bin/$_a"
	done
	cp "$AUDITBOX" "$_s/sbin/auditbox"
	# The links as an image builder makes them: relative ones beside
	# the binary, and ones made with a TARGET in a staging tree.
	"$_s/sbin/auditbox" --install "$_s/sbin" >/dev/null || return 1
	"$AUDITBOX" --install "$_s/usr/sbin" /sbin/auditbox >/dev/null ||
		return 1
	cp "$TOP/tests/vm/lib/guest.sh" "$_s/lib/t.sh"
	(cd "$_s" && find . | cpio -o -H newc -R 0:0 --quiet) |
		gzip -1 >"$_s.cpio.gz"
}

# vm_ref ROOT: the reference auditctl and auditd (Debian's, dynamically
# linked) with their libraries, as /ref/auditctl and /ref/auditd under
# ROOT, for comparisons inside the guest.
vm_ref() {
	mkdir -p "$1/ref"
	for _b in /sbin/auditctl /sbin/auditd; do
		[ -x "$_b" ] || continue
		cp "$_b" "$1/ref/"
		for _l in $(ldd "$_b" | awk '{ for (i = 1; i <= NF; i++)
				if ($i ~ /^\//) print $i }'); do
			mkdir -p "$1/$(dirname "$_l")"
			cp -L "$_l" "$1/$_l"
		done
	done
}

# vm_accel: kvm when a KVM guest boots (a kernel with no root panics
# within 20 s; a /dev/kvm can be there and not work, as in a nested VM
# without nested virtualisation, where it hangs), else tcg. Probed once
# per machine boot: the answer is kept in /tmp.
vm_accel() {
	_p=/tmp/auditbox-vm-accel
	if [ ! -s "$_p" ]; then
		_a=tcg
		if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
			timeout 20 qemu-system-x86_64 -accel kvm -m 256 \
				-nodefaults -nographic -no-reboot -monitor none \
				-nic none -kernel "$VM_KERNEL" \
				-append "console=ttyS0 panic=-1" \
				-serial "file:$_p.log" </dev/null >/dev/null 2>&1
			grep -q 'Kernel panic' "$_p.log" 2>/dev/null && _a=kvm
			rm -f "$_p.log"
		fi
		echo $_a >"$_p.$$" && mv "$_p.$$" "$_p"
	fi
	cat "$_p"
}

# vm_boot NAME KERNEL_ARGS: boots with $T_TMP/vm-NAME/root laid over the
# base image and /init made of the guest library and the test body read
# from stdin. Prints the guest's result lines as "PASS NAME:case" and one
# line for the boot itself. VM_EXPECT=panic: the boot must end in an
# audit panic instead of reaching VM-END. 0 when everything passed.
vm_boot() {
	_n=$1
	_d=$T_TMP/vm-$_n
	mkdir -p "$_d/root"
	vm_base || { fail "$_n:boot" "cannot build the initramfs"; return 1; }
	{
		echo '#!/bin/sh'
		echo '. /lib/t.sh'
		cat
		echo 't_end'
	} >"$_d/root/init"
	chmod 755 "$_d/root/init"
	(cd "$_d/root" && find . | cpio -o -H newc -R 0:0 --quiet) |
		gzip -1 >"$_d/overlay.cpio.gz"
	cat "$T_TMP/vm-base.cpio.gz" "$_d/overlay.cpio.gz" >"$_d/initrd"
	: >"$_d/console.log"
	: >"$_d/results.log"
	_t0=$(date +%s)
	timeout "$VM_TIMEOUT" qemu-system-x86_64 -accel "$(vm_accel)" \
		-m 512 -smp 1 \
		-nodefaults -nographic -no-reboot -monitor none -nic none \
		-kernel "$VM_KERNEL" -initrd "$_d/initrd" \
		-append "console=ttyS0 panic=-1 rdinit=/init $2" \
		-serial "file:$_d/console.log" -serial "file:$_d/results.log" \
		</dev/null >"$_d/qemu.out" 2>&1
	_rc=$?
	_secs=$(($(date +%s) - _t0))
	tr -d '\r' <"$_d/results.log" >"$_d/results"
	tr -d '\r' <"$_d/console.log" >"$_d/console"
	_f0=$T_FAILS
	grep -E '^(PASS|FAIL|SKIP) ' "$_d/results" |
		sed -E "s/^(PASS|FAIL|SKIP) /\\1 $_n:/" >"$_d/lines"
	cat "$_d/lines"
	T_FAILS=$((T_FAILS + $(grep -c '^FAIL' "$_d/lines")))
	_why=
	if [ "${VM_EXPECT:-end}" = panic ]; then
		if grep -q '^VM-END' "$_d/results"; then
			_why="the guest did not panic"
		elif ! grep -q 'Kernel panic - not syncing: audit' "$_d/console"; then
			_why="no audit panic on the console (qemu exit $_rc)"
		fi
	elif ! grep -q '^VM-END' "$_d/results"; then
		_why="the guest did not get to its end (qemu exit $_rc$([ $_rc = 124 ] && echo ", timeout ${VM_TIMEOUT}s"))"
	fi
	if [ -n "$_why" ]; then
		fail "$_n:boot" "$_why"
	elif [ $T_FAILS -eq $_f0 ]; then
		pass "$_n:boot (${_secs} s, $(vm_kernel_version))"
	fi
	if [ $T_FAILS -ne $_f0 ]; then
		mkdir -p "$VM_LOGS"
		_keep=$VM_LOGS/$_n-$(date +%Y%m%d-%H%M%S)-$$
		cp "$_d/console" "$_keep.console"
		cp "$_d/results" "$_keep.results"
		echo "FAILED BOOT $_n: console kept in $_keep.console"
		return 1
	fi
	return 0
}

# The guest kernel's release, from its console.
vm_kernel_version() {
	sed -n 's/.*Linux version \([^ ]*\).*/\1/p' "$_d/console" | head -1
}
