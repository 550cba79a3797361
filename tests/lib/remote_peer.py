#!/usr/bin/env python3
"""tests/lib/remote_peer.py - a scripted peer of the audit remote protocol
(16-byte little-endian header, magic FE 00 00 FF) for the remote_* tests.
Talks to 127.0.0.1 only. Each command prints its findings, one per line.

  acks PORT FILE LOG      each line of FILE as a MESSAGE, one at a time;
                          after each reply, the line must be in LOG
                          (ack only after the write): "acked N", or why not
  pipeline PORT FILE      every line of FILE sent at once, then the replies:
                          "replies N inorder"
  heartbeat PORT SEQ      a HEARTBEAT: "reply TYPE SEQ"
  reply PORT LINE         one MESSAGE: "reply TYPE SEQ TEXT"
  trickle PORT LINE       one MESSAGE, one byte every 20 ms: "reply TYPE SEQ"
  garbage PORT            a plain line, then a frame: "reply TYPE SEQ"
  oversize PORT           a header claiming 9000 bytes: "closed" when the
                          server hangs up
  hold PORT               connects, prints "connected", waits for a frame
                          or the end: "reply TYPE SEQ" / "closed"
  many PORT N             N connections, each from its own 127.1.x.y
                          address, held 3 s: "open K closed M" (closed by
                          the collector), then a MESSAGE on each open one
                          must be acked: "acked A"
  noread PORT N           N MESSAGEs of 4 KB, never reading the replies;
                          prints "sent K" (K <= N) after 5 s
"""
import socket
import struct
import sys
import time

MAGIC = 0xff0000fe
NAMES = {0x40000000: 'ACK', 0x40000001: 'ENDING', 0x50000001: 'DISKLOW',
         0x60000001: 'DISKFULL', 0x60000002: 'DISKERROR'}


def frame(typ, seq, payload=b''):
    return struct.pack('<IBBIHI', MAGIC, 0, 0, typ, len(payload), seq) + payload


def recv_all(s, n):
    b = b''
    while len(b) < n:
        k = s.recv(n - len(b))
        if not k:
            return None
        b += k
    return b


def reply(s):
    h = recv_all(s, 16)
    if h is None:
        return None
    magic, hv, mv, typ, ln, seq = struct.unpack('<IBBIHI', h)
    if magic != MAGIC:
        return ('BADMAGIC', 0, b'')
    text = recv_all(s, ln) if ln else b''
    return (NAMES.get(typ, hex(typ)), seq, text or b'')


def connect(port):
    s = socket.create_connection(('127.0.0.1', int(port)), timeout=20)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def show(r):
    if r is None:
        print('closed')
    else:
        print('reply %s %d %s' % (r[0], r[1], r[2].decode(errors='replace')))


def main(a):
    cmd, port = a[0], a[1]
    if cmd == 'acks':
        lines = open(a[2], 'rb').read().splitlines()
        s = connect(port)
        n = 0
        for i, line in enumerate(lines):
            s.sendall(frame(0, i + 1, line))
            r = reply(s)
            if r is None or r[0] != 'ACK' or r[1] != i + 1:
                print('bad reply %r at %d' % (r, i + 1))
                return
            if line + b'\n' not in open(a[3], 'rb').read():
                print('acked before written: %d' % (i + 1))
                return
            n += 1
        print('acked %d' % n)
    elif cmd == 'pipeline':
        lines = open(a[2], 'rb').read().splitlines()
        s = connect(port)
        s.sendall(b''.join(frame(0, i + 1, l) for i, l in enumerate(lines)))
        seqs = []
        for _ in lines:
            r = reply(s)
            if r is None:
                break
            seqs.append(r[1])
        ok = seqs == list(range(1, len(lines) + 1))
        print('replies %d %s' % (len(seqs), 'inorder' if ok else 'disorder'))
    elif cmd == 'heartbeat':
        s = connect(port)
        s.sendall(frame(1, int(a[2])))
        show(reply(s))
    elif cmd == 'reply':
        s = connect(port)
        s.sendall(frame(0, 77, a[2].encode()))
        show(reply(s))
    elif cmd == 'trickle':
        s = connect(port)
        for b in frame(0, 5, a[2].encode()):
            s.sendall(bytes([b]))
            time.sleep(0.02)
        show(reply(s))
    elif cmd == 'garbage':
        s = connect(port)
        s.sendall(b'type=USER msg=audit(1.2:3): plain text, not framed\n')
        s.sendall(frame(0, 9, b'node=g type=USER msg=audit(1.000:9): after garbage'))
        show(reply(s))
    elif cmd == 'oversize':
        s = connect(port)
        s.sendall(struct.pack('<IBBIHI', MAGIC, 0, 0, 0, 9000, 1) + b'x' * 100)
        try:
            show(reply(s))
        except (ConnectionResetError, socket.timeout):
            print('closed')
    elif cmd == 'hold':
        s = connect(port)
        s.settimeout(30)
        print('connected', flush=True)
        try:
            show(reply(s))
        except ConnectionResetError:
            print('closed')
    elif cmd == 'many':
        socks = []
        for i in range(int(a[2])):
            s = socket.socket()
            s.bind(('127.1.%d.%d' % (i // 250, i % 250 + 1), 0))
            s.connect(('127.0.0.1', int(port)))
            socks.append(s)
        time.sleep(3)
        live = []
        for s in socks:
            s.setblocking(False)
            try:
                if s.recv(16, socket.MSG_PEEK) == b'':
                    continue
            except BlockingIOError:
                live.append(s)
                continue
            except ConnectionResetError:
                continue
        print('open %d closed %d' % (len(live), len(socks) - len(live)))
        acked = 0
        for i, s in enumerate(live):
            s.setblocking(True)
            s.settimeout(20)
            s.sendall(frame(0, i + 1, b'node=m%d type=USER msg=audit(1.000:%d): many' % (i, i)))
        for i, s in enumerate(live):
            r = reply(s)
            if r and r[0] == 'ACK' and r[1] == i + 1:
                acked += 1
        print('acked %d' % acked)
    elif cmd == 'noread':
        s = connect(port)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.setblocking(False)
        big = b'node=n type=USER msg=audit(1.000:1): ' + b'x' * 4000
        data = b''.join(frame(0, i, big) for i in range(int(a[2])))
        off, end = 0, time.time() + 5
        while time.time() < end and off < len(data):
            try:
                off += s.send(data[off:off + 65536])
            except BlockingIOError:
                time.sleep(0.05)
        print('sent %d' % (off // (16 + len(big))))
    else:
        sys.exit('unknown command ' + cmd)


if __name__ == '__main__':
    main(sys.argv[1:])
