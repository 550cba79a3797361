#!/bin/sh
# ausearch --checkpoint compat, live against /sbin/ausearch: sequences of
# runs over logs that grow between runs, each run comparing stdout,
# stderr, exit code and the checkpoint file written. The file holds the
# log's device and inode, so both tools read the same log files; each
# keeps its own checkpoint file (same relative name, cwd differs).
. "$(dirname "$0")/../lib/common.sh"
DATA=$TOP/tests/data
REF=${REF_AUSEARCH:-/sbin/ausearch}
OURS=$AB_BIN/ausearch
if ! ref_have "$REF"; then
	skip "ausearch checkpoint" "no reference ausearch"
	t_done
fi
W=$T_TMP/w
mkdir -p "$W/ref" "$W/ours" "$W/logs"
real=$DATA/logs/real-raw.log

# shift SECONDS < in > out: the log with every time stamp moved on
shift_log() {
	awk -v d="$1" '{
		if (match($0, /audit\([0-9]+\./)) {
			s = substr($0, RSTART + 6, RLENGTH - 7) + d
			$0 = substr($0, 1, RSTART + 5) s substr($0, RSTART + RLENGTH - 1)
		}
		print }'
}

# one NAME [stdin-file] -- ARGS: runs both in their dirs, compares
one() {
	name=$1; shift
	in=/dev/null
	if [ "$1" != -- ]; then in=$1; shift; fi
	shift
	for who in ref ours; do
		bin=$REF; [ $who = ours ] && bin=$OURS
		# shellcheck disable=SC2086
		(cd "$W/$who" && "$bin" "$@" <"$in" >out 2>err; echo $? >rc)
	done
	why=
	for k in out err rc cp; do
		if [ -f "$W/ref/$k" ] || [ -f "$W/ours/$k" ]; then
			cmp -s "$W/ref/$k" "$W/ours/$k" || why="$why $k"
		fi
	done
	if [ -z "$why" ]; then
		pass "ausearch checkpoint $name"
	else
		fail "ausearch checkpoint $name" "differs:$why"
		for k in $why; do
			diff "$W/ref/$k" "$W/ours/$k" | head -5 | sed 's/^/  /'
		done
	fi
}
# setcp TEXT: both start from the same checkpoint file (printf format)
setcp() {
	# shellcheck disable=SC2059
	printf "$1" >"$W/ref/cp"; cp "$W/ref/cp" "$W/ours/cp"
}
nocp() { rm -f "$W/ref/cp" "$W/ours/cp"; }

L=$W/logs/x.log
cp "$real" "$L"
nocp
one first -- --checkpoint cp -if "$L" --raw
one again-nothing-new -- --checkpoint cp -if "$L" --raw
shift_log 100 <"$real" >>"$L"
one grown -- --checkpoint cp -if "$L" --raw
one grown-again -- --checkpoint cp -if "$L"
nocp
one interp -- --checkpoint cp -if "$L" -i -k watch_w
one key-after -- --checkpoint cp -if "$L" -k watch_w
nocp
one filtered-first -- --checkpoint cp -if "$L" -m CONFIG_CHANGE
shift_log 200 <"$real" >>"$L"
one filtered-next -- --checkpoint cp -if "$L" -m CONFIG_CHANGE
one just-one -- --checkpoint cp -if "$L" --just-one -m SYSCALL
shift_log 300 <"$real" >>"$L"
one just-one-next -- --checkpoint cp -if "$L" --just-one -m SYSCALL

dev=$(stat -c %D "$L" | tr a-f A-F)
ino=$(stat -c %i "$L")
ev=$(grep -m1 'audit(1795752113.885:117)' "$L" >/dev/null && echo 1795752113.885:117)
for c in "- $ev 0x519" "- $ev 0x514" "- 1000000000.885:117 0x519" \
	 "- 1795752110.885:117 0x519" "- 1795752111.885:117 0x519" \
	 "- 0.000:0 0x0" "node1 $ev 0x519"; do
	setcp "dev=0x$dev\ninode=$ino\noutput=$c\n"
	one "resume at '$c'" -- --checkpoint cp -if "$L" --raw
	setcp "dev=0x$dev\ninode=$ino\noutput=$c\n"
	one "resume at '$c' -k watch_w" -- --checkpoint cp -if "$L" -k watch_w
	setcp "dev=0x$dev\ninode=$ino\noutput=$c\n"
	one "time only at '$c'" -- --checkpoint cp -if "$L" -ts checkpoint -r
done
setcp "dev=0x$dev\ninode=$ino\noutput=- $ev 0x519\n"
one "-ts checkpoint first" -- -ts checkpoint --checkpoint cp -if "$L" -r
one "-ts checkpoint no file" -- -if "$L" -ts checkpoint -a 117

# malformed checkpoint files: exit 10 and the reference's words
i=0
for t in 'dev=zz\ninode=5\n' 'dev=0x1FFFFFFFFFFFFFFFFFF\ninode=1\n' \
	'dev=1\ninode=-1\n' 'dev=1\ninode=99999999999999999999999\n' \
	'dev=1\ninode=0x10\noutput=nodex\n' \
	'dev=1\ninode=0x10\noutput=n 1.2:3\n' \
	'dev=1\ninode=0x10\noutput=n 1.2:3 0x\n' \
	'dev=1\ninode=0x10\noutput=n  1.2:3 0x5\n' \
	'dev=1\ninode=0x10\noutput=n 1.2345:3 0x5\n' \
	'dev=1\ninode=0x10\noutput=n 1.2:-3 0x5\n' \
	'dev=1\ninode=0x10\noutput=n 1.2:3 0x0x5\n' \
	'dev=1\ninode=0x10\noutput=n +1.2:3 0x5\n' \
	'dev=1\ninode=0x10\noutput=n 1 .2:3 0x5\n' \
	'dev=1\ninode=0x10\noutput=n 1. 2: 3 0x 5\n' \
	'dev=1\ninode=0x10\noutput=n 1.2:3 0X5\n' \
	'dev=1\ninode=0x10\noutput=n 1.-12:3 0x5\n' \
	'dev=1\ninode=0x10\noutput=n 1.2:3 0x-100000005\n' \
	'dev=1\ninode=0x10\noutput=n 1.2:3 0x5' \
	'dev=1\ninode=0x10\nfoo\n' '\ndev=1\ninode=0x10\n' 'dev=1\n' \
	'dev=1\ninode=2\r\n' '' 'inode=7\ndev=0x0\n' 'dev=010\ninode=010\n'; do
	i=$((i + 1))
	setcp "$t"
	one "file #$i" -- --checkpoint cp -if "$W/logs/none" -a 1
	setcp "$t"
	one "file #$i on a log" -- --checkpoint cp -if "$real" -a 117
done
long=$(head -c 1500 /dev/zero | tr '\0' 'a')
setcp "dev=1\ninode=2\noutput=$long 1.2:3 0x5\n"
one "long line" -- --checkpoint cp -if "$real" -a 117
mkdir -p "$W/ref/dcp" "$W/ours/dcp"
one "checkpoint is a directory" -- --checkpoint dcp -if "$real" -a 117
one "unwritable checkpoint" -- --checkpoint nodir/cp -if "$real" -a 117

# stdin as a pipe: read, warned, no checkpoint written
nocp
mkfifo "$W/fifo"
for who in ref ours; do
	bin=$REF; [ $who = ours ] && bin=$OURS
	(cd "$W/$who" && cat "$real" >"$W/fifo" &
	 cd "$W/$who" && "$bin" --checkpoint cp -k watch_w <"$W/fifo" >out 2>err
	 echo $? >rc)
done
why=
for k in out err rc cp; do
	if [ -f "$W/ref/$k" ] || [ -f "$W/ours/$k" ]; then
		cmp -s "$W/ref/$k" "$W/ours/$k" || why="$why $k"
	fi
done
if [ -z "$why" ]; then pass "ausearch checkpoint stdin pipe"
else fail "ausearch checkpoint stdin pipe" "differs:$why"; fi

# a rotated set: resume finds the checkpointed file by device and inode
S=$W/set
mkdir -p "$S"
cp "$real" "$S/audit.log.2"
shift_log 100 <"$real" >"$S/audit.log.1"
shift_log 200 <"$real" >"$S/audit.log"
nocp
one "set first" -- --checkpoint cp -if "$S" -k watch_w
one "set again" -- --checkpoint cp -if "$S" -k watch_w
shift_log 300 <"$real" >>"$S/audit.log"
one "set grown" -- --checkpoint cp -if "$S/" --raw
mv "$S/audit.log.1" "$S/audit.log.3"
mv "$S/audit.log" "$S/audit.log.1"
shift_log 400 <"$real" >"$S/audit.log"
one "set rotated" -- --checkpoint cp -if "$S" --raw
setcp "dev=0x1\ninode=1\noutput=- 1.000:1 0x514\n"
one "set without the file" -- --checkpoint cp -if "$S" --raw
setcp "dev=0x1\ninode=1\noutput=- 1795752313.885:117 0x519\n"
one "set without the file, time only" -- --checkpoint cp -if "$S" -ts checkpoint --raw
t_done
