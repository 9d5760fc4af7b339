#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A full Rx ring: with the smallest ring (64 descriptors) and one queue, the
# peer sends bursts of UDP datagrams faster than NAPI empties the ring, so
# the hardware fills every descriptor it owns and a poll cleans all of them.
# Every datagram the stack gets must be one the peer sent, exactly once and
# intact (the descriptor the driver keeps back must never be taken for a
# new frame), and ping still passes afterwards (vm-run fails the run on any
# oops or warning).
. "$(dirname "$0")/common.bash" || exit 1

pf_up
ethtool -L "$IX" combined 1
ethtool -G "$IX" rx 64
expect_eq "$(ring_param "$IX" cur RX)" 64 "rx ring size"
wait_carrier "$IX" 10 || die "no carrier after ethtool -G"
ping_all peer "$IX_IP4" 3

# Receiver on ixpf: checks each datagram (8-byte sequence number, then a
# pattern derived from it), counts good, duplicate and corrupt ones.
cat >/tmp/rx.py <<'PY'
import socket, struct, sys, hashlib
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
s.bind(("0.0.0.0", 9000))
# The sender may take a while to start (python over 9p on a slow kernel);
# once datagrams flow, a quiet spell means it is done.
scale = int(sys.argv[1])
s.settimeout(120 * scale)
seen, dup, bad = set(), 0, 0
open("/tmp/rx.ready", "w").close()
while True:
    try:
        d = s.recv(2048)
    except socket.timeout:
        break
    s.settimeout(5 * scale)
    if len(d) < 8:
        bad += 1
        continue
    (n,) = struct.unpack("!Q", d[:8])
    body = (hashlib.sha256(d[:8]).digest() * 64)[: len(d) - 8]
    if d[8:] != body or len(d) != 200 + n % 1200:
        bad += 1
    elif n in seen:
        dup += 1
    else:
        seen.add(n)
print(len(seen), dup, bad)
PY
# Sender in the peer's netns: bursts of 400 datagrams of 200..1399 bytes.
cat >/tmp/tx.py <<'PY'
import socket, struct, sys, hashlib, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
dst = (sys.argv[1], 9000)
for n in range(int(sys.argv[2])):
    h = struct.pack("!Q", n)
    s.sendto(h + (hashlib.sha256(h).digest() * 64)[: 200 + n % 1200 - 8], dst)
    if n % 400 == 399:
        time.sleep(0.05)
PY
rm -f /tmp/rx.ready
python3 /tmp/rx.py "${IXPF_TIME_SCALE:-1}" >/tmp/rx.out &
rxpid=$!
wait_for "[ -e /tmp/rx.ready ]" 60 || die "receiver did not start"
kmsg "sending 8000 datagrams in bursts of 400 to a 64-descriptor ring"
ns_exec peer python3 /tmp/tx.py "$IX_IP4" 8000
wait "$rxpid" || die "receiver failed"
read -r good dup bad </tmp/rx.out
log "received $good distinct datagrams, $dup duplicates, $bad corrupt (of 8000; a full ring drops some)"
expect_eq "$dup" 0 "datagrams delivered twice"
expect_eq "$bad" 0 "corrupt datagrams"
# The ring was full (drops are the point), yet most got through.
expect_ge "$good" 100 "datagrams received"
ping_all peer "$IX_IP4" 5
ping_all "" "$PEER_IP4" 5
log "full Rx ring OK"
