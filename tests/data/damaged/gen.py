#!/usr/bin/env python3
"""gen.py OUTDIR - cut real records at every byte (issue 9): each record
below is cut after k bytes for every k from 0 to its length, and written
three ways, each a log of its own in OUTDIR:
  eof-R-K   the cut line is the log's last, without its newline (a crash
            or a full disk while auditd wrote it)
  mid-R-K   the cut line ends with a newline and a record follows
  glue-R-K  the next record is glued to the cut line (auditd restarted
            after the crash and went on appending), then one more
Every log starts with a whole record. Prints one line per log:
  NAME DIFFS
DIFFS names the commands of tests/compat/damaged.sh (by kind: raw,
default, interp, csv, text, report) whose output may differ from the
reference's there, each a difference docs/compat.md documents ("-" for
none). Deterministic."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, '..', 'logs')


def line(path, n):
    with open(os.path.join(LOGS, path), 'rb') as f:
        return f.read().split(b'\n')[n - 1]


FIRST = line('real-enriched.log', 1)     # DAEMON_START, ENRICHED
RECORDS = [
    line('real-enriched.log', 2),        # SYSCALL with its ENRICHED tail
    line('real-enriched.log', 3),        # PROCTITLE, a hex value
    b'node=host1 ' + line('real-raw.log', 120)  # USER: msg='...'
]
NEXT = line('real-enriched.log', 120)    # USER, ENRICHED
LAST = line('real-raw.log', 3)           # PROCTITLE


def diffs(rec, k, how):
    """The documented differences (docs/compat.md, "Damaged logs")."""
    cut = rec[:k]
    gs = rec.find(b'\x1d')
    kinds = set()
    words = cut.split(b' ')
    msg = [w for w in words if w.startswith(b'msg=audit(')]
    # a line ending in an 18-byte msg=audit( word: 3.0.9 counts the
    # newline in the word's length (kept when one follows)
    if how == 'mid' and msg and cut.endswith(msg[0]) and len(msg[0]) == 18:
        kinds |= {'raw', 'default', 'interp', 'report'}
    if gs >= 0 and k > gs:
        if how == 'eof':     # 3.0.9 writes past its copy of the line
            kinds |= {'csv', 'text'}
        if how == 'glue':    # 3.0.9 reads freed memory
            kinds |= {'interp', 'csv', 'text'}
    if how == 'glue':
        last = words[-1]
        # a quoted value cut and glued, before the record's exe=: csv and
        # text find the glued record's exe= (not the reference's fault:
        # auditbox's field split differs there, see docs/compat.md)
        if last.count(b'"') % 2 and b' exe=' not in cut:
            kinds |= {'csv', 'text'}
        eq = last.find(b'=')
        # a hex value glued to text: 3.0.9 reads past the decoded bytes
        if eq > 0 and last[:eq] in (b'proctitle',) and k > 0:
            kinds.add('interp')
        # "msg=audit(" then the next record: auparse's parse of it
        if msg and cut.endswith(b'msg=audit('):
            kinds |= {'csv', 'text'}
    return ','.join(sorted(kinds)) or '-'


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for r, rec in enumerate(RECORDS):
        for k in range(len(rec) + 1):
            for how in ('eof', 'mid', 'glue'):
                if how == 'eof':
                    body = rec[:k]
                elif how == 'mid':
                    body = rec[:k] + b'\n' + NEXT + b'\n' + LAST + b'\n'
                else:
                    body = rec[:k] + NEXT + b'\n' + LAST + b'\n'
                name = '%s-%d-%03d' % (how, r, k)
                with open(os.path.join(out, name), 'wb') as f:
                    f.write(FIRST + b'\n' + body)
                print(name, diffs(rec, k, how))


main()
