#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# RSS: flows that differ only in their UDP ports are spread over the PF
# driver's Rx queues by the Toeplitz hash and the redirection table.
. "$(dirname "$0")/common.bash" || exit 1

pf_up
nq=$(ethtool -l "$IX" | awk '/^Current/ {c=1} c && /^Combined/ {print $2; exit}')
expect_ge "$nq" 2 "combined channels"
expect_match "$(ethtool -k "$IX")" "receive-hashing: on" "receive-hashing"
ethtool -N "$IX" rx-flow-hash udp4 sdfn

# The peer knows the PF's MAC up front: no ARP exchange (whose queue of
# unresolved datagrams could drop part of the burst) runs beside it.
ip -n peer neigh replace "$IX_IP4" lladdr "$(if_mac "$IX")" dev "$PEER" nud permanent
q0=$(ethtool_stat "$IX" rx_queue_0_packets)
q1=$(ethtool_stat "$IX" rx_queue_1_packets)
# 64 flows, 5 datagrams each; all on one queue would take a hash that puts
# 64 random port pairs on the same side (about 2^-63).
ns_exec peer python3 - "$IX_IP4" <<'PY'
import socket, sys
for port in range(20000, 20064):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("", port))
    for _ in range(5):
        s.sendto(b"ixpf-rss", (sys.argv[1], 30000 + port % 7))
    s.close()
PY
# Counted once the whole burst is in, however long the guest takes
# (wait_for evaluates in this shell: d0 and d1 are the last counts).
rx_deltas() {
	d0=$(($(ethtool_stat "$IX" rx_queue_0_packets) - q0))
	d1=$(($(ethtool_stat "$IX" rx_queue_1_packets) - q1))
	[ $((d0 + d1)) -ge 320 ]
}
wait_for rx_deltas 10 || true
log "rx queue 0 got $d0, queue 1 got $d1"
expect_ge "$((d0 + d1))" 320 "datagrams received"
expect_ge "$d0" 1 "packets on rx queue 0"
expect_ge "$d1" 1 "packets on rx queue 1"
