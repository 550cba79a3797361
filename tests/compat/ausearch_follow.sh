#!/bin/sh
# ausearch --follow (ours): followers in every output format and with
# criteria run on one log while a writer appends to it, rotates it (the
# file renamed, a new one made, as auditd does) and truncates it. Each
# follower's output must be exactly what a plain ausearch prints over
# everything written (each event once, in order). No timing is asserted:
# the writer waits, in bounded loops, for each follower to have read the
# whole file (its read offset in /proc/PID/fdinfo) before a rotation or a
# truncation, and for its notice after; SIGTERM ends a follower only once
# it has read what was written before it (checked below); so does SIGINT.
. "$(dirname "$0")/../lib/common.sh"
AS=$AB_BIN/ausearch
W=$T_TMP/w
mkdir -p "$W"
pids=""
t_cleanup_hook() { for p in $pids; do kill "$p" 2>/dev/null; done; }

# the logs, cut into parts at event boundaries (a part never ends inside
# an event: what a follower completes after a quiet spell is complete).
# interp.log's times are moved past real-raw.log's, as one log's times go
# on: a follower writes an event once complete, and cannot hold it back
# for an older one that comes later (plain ausearch sorts those).
{
	cat "$TOP/tests/data/logs/real-raw.log"
	awk '{
		if (match($0, /audit\([0-9]+\./)) {
			s = substr($0, RSTART + 6, RLENGTH - 7) + 40000000
			$0 = substr($0, 1, RSTART + 5) s substr($0, RSTART + RLENGTH - 1)
		}
		print }' "$TOP/tests/data/logs/interp.log"
} | awk -v dir="$W" '{
		k = $0; sub(/^.*msg=audit\(/, "", k); sub(/\).*$/, "", k)
		if (k != last) { n++; last = k }
		part = int(n / 60) + 1; if (part > 6) part = 6
		print > (dir "/part" part)
	}'
cat "$W"/part1 "$W"/part2 "$W"/part3 "$W"/part4 "$W"/part5 "$W"/part6 >"$W/all"

# the followers: name|arguments
cases='raw|--format raw
default|
interpret|-i
csv|--format csv
text|--format text
json|--format json
key|-k wl_ppid -i
type|-m EXECVE,PATH --format raw
success|-sv no --format json'

cp "$W/part1" "$W/audit.log"
printf '%s\n' "$cases" >"$W/cases"
while IFS='|' read -r name args; do
	# shellcheck disable=SC2086
	"$AS" --follow -if "$W/audit.log" $args >"$W/$name.out" \
		2>"$W/$name.err" </dev/null 9>&- &
	pids="$pids $!"
	echo "$!" >"$W/$name.pid"
done <"$W/cases"


# caught PID: the follower has the log open and has read all of it
caught() {
	size=$(stat -c %s "$W/audit.log")
	for fd in /proc/"$1"/fd/*; do
		[ "$(readlink "$fd")" = "$W/audit.log" ] || continue
		pos=$(awk '/^pos:/ { print $2 }' /proc/"$1"/fdinfo/"${fd##*/}")
		[ "$pos" = "$size" ] && return 0
	done
	return 1
}
all_caught() {
	for p in $pids; do caught "$p" || return 1; done
}
# said WORD N: every follower said "was WORD" N times
said() {
	while IFS='|' read -r name args; do
		[ "$(grep -c "was $1" "$W/$name.err")" -ge "$2" ] || return 1
	done <"$W/cases"
}

step() {
	upto "$@" || fail "follow_$1" "followers not there after 30 s: $*"
}

step all_caught
cat "$W/part2" >>"$W/audit.log"
step all_caught
mv "$W/audit.log" "$W/audit.log.1"		# rotated: a new file
cp "$W/part3" "$W/audit.log"
step said rotated 1
step all_caught
cat "$W/part4" >>"$W/audit.log"
step all_caught
: >"$W/audit.log"				# truncated
step said truncated 1
cat "$W/part5" >>"$W/audit.log"
step all_caught
mv "$W/audit.log" "$W/audit.log.2"		# and rotated again, the
printf '' >"$W/audit.log"			# new file empty at first
step said rotated 2
cat "$W/part6" >>"$W/audit.log"
step all_caught

# Ctrl-C (INT) for the first, TERM for the others
sig=INT
for p in $pids; do kill -$sig "$p"; sig=TERM; done
for p in $pids; do wait "$p"; done
pids=""

while IFS='|' read -r name args; do
	# shellcheck disable=SC2086
	"$AS" -if "$W/all" $args >"$W/$name.want" 2>/dev/null
	if ! cmp -s "$W/$name.want" "$W/$name.out"; then
		fail "follow_$name" "output differs from ausearch over all: $(diff "$W/$name.want" "$W/$name.out" | head -5)"
	elif [ ! -s "$W/$name.out" ]; then
		fail "follow_$name" "nothing printed"
	elif grep -v 'was rotated\|was truncated' "$W/$name.err" | grep -q .; then
		fail "follow_$name" "stderr: $(head -3 "$W/$name.err")"
	else
		pass "follow_$name ($(grep -c '' "$W/$name.out") lines, $(grep -c '' "$W/all") records written)"
	fi
done <"$W/cases"

# each event printed exactly once: the raw follower's records are the
# records written, every one of them
if [ "$(sort "$W/raw.out" | uniq -d | wc -l)" = 0 ] &&
	[ "$(grep -c '' "$W/raw.out")" = "$(grep -c '' "$W/all")" ]; then
	pass "follow_once (every record written printed once)"
else
	fail "follow_once" "$(grep -c '' "$W/raw.out") records printed, $(grep -c '' "$W/all") written"
fi

# the options it cannot go with, and nothing to follow
"$AS" --follow --checkpoint "$W/cp" -if "$W/all" >"$W/o" 2>"$W/e"
if [ $? = 1 ] && grep -q -- '--follow cannot be used with --checkpoint' "$W/e"; then
	pass "follow_checkpoint_refused"
else
	fail "follow_checkpoint_refused" "$(cat "$W/e")"
fi
"$AS" --follow --live >"$W/o" 2>"$W/e"
if [ $? = 1 ] && grep -q -- '--follow and --live cannot' "$W/e"; then
	pass "follow_live_refused"
else
	fail "follow_live_refused" "$(cat "$W/e")"
fi

# --just-one: the first match, then the end, without a signal
"$AS" --follow --just-one -if "$W/all" --format raw >"$W/one" 2>"$W/e" 9>&- &
p=$!
pids=$p
if upto sh -c "! kill -0 $p 2>/dev/null" && wait "$p" &&
	[ "$(grep -c '' "$W/one")" -ge 1 ] && [ "$(grep -c '' "$W/one")" -le 8 ]; then
	pass "follow_just_one"
else
	fail "follow_just_one" "$(cat "$W/e")"
fi
pids=""

# a directory's rotated set, an event across two of its files: read
# oldest first as one stream, then followed
mkdir -p "$W/set"
cat "$W/part1" "$W/part2" >"$W/set/audit.log.2"
head -n 3 "$W/part3" >"$W/set/audit.log.1"	# cuts an event
tail -n +4 "$W/part3" >"$W/set/audit.log"
"$AS" --format raw -if "$W/set" >"$W/set.want" 2>/dev/null
"$AS" --follow --format raw -if "$W/set" >"$W/set.out" 2>"$W/set.err" 9>&- &
p=$!
pids=$p
upto sh -c "[ \"\$(grep -c '' '$W/set.out')\" = \"$(grep -c '' "$W/set.want")\" ]"
kill -TERM "$p"
wait "$p"
pids=""
if cmp -s "$W/set.want" "$W/set.out"; then
	pass "follow_rotated_set ($(grep -c '' "$W/set.out") records from 3 files)"
else
	fail "follow_rotated_set" "$(diff "$W/set.want" "$W/set.out" | head -4)"
fi

# a log that is not there yet: said, then followed once made
rm -f "$W/late.log"
"$AS" --follow -if "$W/late.log" --format raw >"$W/late.out" 2>"$W/late.err" 9>&- &
p=$!
pids=$p
upto grep -qs 'is not there' "$W/late.err"
cp "$W/part1" "$W/late.log"
upto grep -qs 'appeared' "$W/late.err"
"$AS" --format raw -if "$W/part1" >"$W/late.want"
upto sh -c "[ \"\$(grep -c '' '$W/late.out')\" = \"$(grep -c '' "$W/late.want")\" ]"
kill -TERM "$p"
wait "$p"
pids=""
if cmp -s "$W/late.want" "$W/late.out"; then
	pass "follow_late_log"
else
	fail "follow_late_log" "$(cat "$W/late.err")"
fi
t_done
