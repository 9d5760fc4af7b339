#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# Two VFs, the PF and the virtio-net peer, each in its own stack: ping and
# a 16 MiB TCP transfer (sha256 checked) work in both directions between
# VF0 and VF1 (the model's internal switch), between a VF and the PF (also
# switched inside the NIC) and between a VF and the peer (over the wire).
# Unicast between functions of the NIC does not leak onto the wire.
. "$(dirname "$0")/common.bash"

sriov_setup 2
VF0=$(vf_ip 0) VF1=$(vf_ip 1)

# ping FROM_NS TO_IP ("" = the PF's root netns)
ping_from() {
	local out
	out=$(${1:+ip netns exec "$1"} ping -c 5 -i 0.2 -W 2 -w 20 "$2" 2>&1) || true
	expect_match "$out" " 5 received" "ping ${1:-PF} -> $2"
}
ping_from vf0 "$VF1"
ping_from vf1 "$VF0"
ping_from vf0 "$PF_IP4"
ping_from "" "$VF0"
ping_from vf1 "$PEER_IP4"
ping_from peer "$VF1"

# VF<->VF and VF<->PF unicast is switched inside the NIC (VEB loopback)
# and never shows on the wire; the peer captures promiscuously to be sure
# (control: the PF's frames to a foreign MAC on the wire are seen).
ip neigh replace 10.5.0.99 lladdr 02:00:00:00:00:99 dev "$PF" nud permanent
n=$(CAPTURE_PROMISC=1 capture_count peer "$PEER" "icmp and host 10.5.0.99" ping -c 3 -i 0.2 -W 1 10.5.0.99)
expect_eq "$n" 3 "PF's echo requests to a foreign MAC seen on the wire (promiscuous peer)"
n=$(CAPTURE_PROMISC=1 capture_count peer "$PEER" "icmp and host $VF0 and host $VF1" ns_exec vf0 ping -c 5 -i 0.2 -W 2 "$VF1")
expect_eq "$n" 0 "VF0<->VF1 echo frames seen on the wire"
n=$(CAPTURE_PROMISC=1 capture_count peer "$PEER" "icmp and host $VF0 and host $PF_IP4" ns_exec vf0 ping -c 5 -i 0.2 -W 2 "$PF_IP4")
expect_eq "$n" 0 "VF0<->PF echo frames seen on the wire"

head -c 16M /dev/urandom >/tmp/data
tcp_transfer vf0 vf1 "$VF1" 5001 /tmp/data
tcp_transfer vf1 vf0 "$VF0" 5002 /tmp/data
tcp_transfer vf0 "" "$PF_IP4" 5003 /tmp/data
tcp_transfer "" vf1 "$VF1" 5004 /tmp/data
tcp_transfer vf0 peer "$PEER_IP4" 5005 /tmp/data
tcp_transfer peer vf1 "$VF1" 5006 /tmp/data

for k in 0 1; do
	expect_eq "$(if_stat "${VF_IF[k]}" rx_errors "vf$k")" 0 "rx_errors of VF $k"
	expect_eq "$(if_stat "${VF_IF[k]}" tx_errors "vf$k")" 0 "tx_errors of VF $k"
done
bad=$(driver_errors "${VF_PCI[@]}")
[ -z "$bad" ] || die "errors/warnings from the drivers: $bad"
