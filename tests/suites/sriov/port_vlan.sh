#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# Port VLAN: after `ip link set PF vf 1 vlan 100 qos 3` the NIC tags VF1's
# untagged traffic with VLAN 100, priority 3: it reaches the peer's VLAN 100
# interface (the tag is visible on the peer's parent interface) and no
# longer reaches untagged hosts (the peer's untagged address, VF0, the PF);
# frames tagged 100 reach VF1 untagged, from the wire and from VF0's own
# VLAN 100 interface. PF promiscuity or `rx-vlan-filter off` lets no
# other VLAN through to VF1. `vlan 0` gives VF1 back untagged traffic,
# `vlan 0 qos 5` priority-tagged traffic.
. "$(dirname "$0")/common.bash"

sriov_setup 2
VF1=$(vf_ip 1)
PV100_IP4=10.5.0.109

# The peer's VLAN 100 host.
vlan_host peer "$PEER" 100 v100 "$PV100_IP4"

# Before: VF1 is an untagged host like the others.
ping_ok vf1 "$PEER_IP4" || die "VF1 cannot ping the untagged peer before the port VLAN"
ping_ok vf1 "$(vf_ip 0)" || die "VF1 cannot ping VF0 before the port VLAN"
! ping_ok vf1 "$PV100_IP4" 2 || die "VF1 reached the VLAN 100 host without a port VLAN"

kmsg "port VLAN 100 qos 3 on VF 1"
ip link set "$PF" vf 1 vlan 100 qos 3
expect_eq "$(vf_json 1 '.vlan_list[0].vlan')" 100 "ip link show $PF: vf 1 vlan"
expect_eq "$(vf_json 1 '.vlan_list[0].qos')" 3 "ip link show $PF: vf 1 qos"
expect_match "$(ip link show "$PF")" "vf 1 .*vlan 100, qos 3" "vf 1 line of ip link show $PF"
# Forget what the untagged hosts learned before (ARP) so every check below
# starts from a broadcast.
for ns in vf0 vf1 peer; do ip -n "$ns" neigh flush all; done

# Tagged on the wire: 10 echo requests from VF1 to the VLAN 100 host, seen
# on the peer's parent interface as VLAN 100, priority 3.
wait_for "ping_ok vf1 $PV100_IP4 1" 10 || die "VF1 cannot reach the peer's VLAN 100 interface"
out=$(capture_text peer "$PEER" "icmp and host $VF1" ns_exec vf1 ping -c 10 -i 0.1 -W 2 "$PV100_IP4")
log "peer sees: $(head -2 <<<"$out")"
expect_eq "$(grep -c "echo request" <<<"$out")" 10 "echo requests from VF1 seen by the peer"
expect_eq "$(grep "echo request" <<<"$out" | grep -c "vlan 100, p 3,")" 10 \
	"echo requests from VF1 tagged 'vlan 100, p 3'"
out=$(ns_exec vf1 ping -c 10 -i 0.1 -W 2 -w 20 "$PV100_IP4")
expect_match "$out" " 10 received" "ping VF1 -> VLAN 100 host"
out=$(ns_exec v100 ping -c 10 -i 0.1 -W 2 -w 20 "$VF1")
expect_match "$out" " 10 received" "ping VLAN 100 host -> VF1"

# Inside the NIC as well: VF0's own VLAN 100 interface (a VLAN filter VF0
# asks the PF for), alone in netns vf0v, talks to VF1; the tag the NIC
# inserts for VF1 is what its internal switch matches, and the unicast
# stays off the wire.
VF0V100_IP4=10.5.0.110
vlan_host vf0 "${VF_IF[0]}" 100 vf0v "$VF0V100_IP4"
wait_for "ping_ok vf1 $VF0V100_IP4 1" 10 || die "VF1 cannot reach VF0's VLAN 100 interface"
out=$(ns_exec vf0v ping -c 5 -i 0.1 -W 2 -w 20 "$VF1")
expect_match "$out" " 5 received" "ping VF0's VLAN 100 interface -> VF1"
n=$(CAPTURE_PROMISC=1 capture_count peer "$PEER" "icmp and host $VF1" ns_exec vf1 ping -c 5 -i 0.2 -W 2 "$VF0V100_IP4")
expect_eq "$n" 0 "VF1<->VF0 VLAN 100 echo frames seen on the wire"

# No longer on the untagged network: not the peer's untagged address, not
# VF0 (its pool only accepts untagged frames), not the PF.
! ping_ok vf1 "$PEER_IP4" 3 || die "VF1 still reaches the peer's untagged address"
! ping_ok vf1 "$(vf_ip 0)" 3 || die "VF1 still reaches VF0 (untagged)"
! ping_ok vf1 "$PF_IP4" 3 || die "VF1 still reaches the PF (untagged)"
! ping_ok vf0 "$VF1" 3 || die "VF0 still reaches VF1 (untagged)"
out=$(capture_text peer "$PEER" "arp or icmp" ns_exec vf1 ping -c 5 -i 0.2 -W 1 "$PEER_IP4")
expect_eq "$(grep -v "vlan 100" <<<"$out" | grep -c "$VF1\|is-at\|tell" || true)" 0 \
	"untagged frames from VF1 on the wire (got: $out)"

# PF promiscuity (tcpdump, a bridge) and `rx-vlan-filter off` are the PF's
# business: VF1, on port VLAN 100, still receives no VLAN 200 broadcast.
# VLNCTRL.VFE is global: the PF must keep it on while it has VFs. The
# VLAN 100 broadcasts show the capture would see what reached VF1.
PV200_IP4=10.5.2.9
vlan_host peer "$PEER" 200 v200 "$PV200_IP4"
bcast() { ns_exec "$1" ping -b -c 20 -i 0.1 -W 1 "$2" >/dev/null 2>&1 || true; }
vf1_sees() { capture_count vf1 "${VF_IF[1]}" "(icmp and src host $1) or vlan" bcast "$2" "$3"; }
expect_eq "$(vf1_sees "$PV100_IP4" v100 10.5.0.255)" 20 "VLAN 100 broadcasts received by VF1"
expect_eq "$(vf1_sees "$PV200_IP4" v200 10.5.2.255)" 0 "VLAN 200 broadcasts received by VF1"
kmsg "PF promiscuous"
ip link set "$PF" promisc on
expect_eq "$(vf1_sees "$PV200_IP4" v200 10.5.2.255)" 0 "VLAN 200 broadcasts received by VF1, PF promiscuous"
ip link set "$PF" promisc off
kmsg "PF rx-vlan-filter off"
if ethtool -K "$PF" rx-vlan-filter off; then
	expect_eq "$(vf1_sees "$PV200_IP4" v200 10.5.2.255)" 0 \
		"VLAN 200 broadcasts received by VF1, PF rx-vlan-filter off"
	ethtool -K "$PF" rx-vlan-filter on
else
	log "$PF_DRIVER does not let rx-vlan-filter go off with VFs"
fi
expect_eq "$(vf1_sees "$PV100_IP4" v100 10.5.0.255)" 20 "VLAN 100 broadcasts received by VF1 afterwards"

# VLAN 0 removes the port VLAN: untagged again.
kmsg "port VLAN off on VF 1"
ip link set "$PF" vf 1 vlan 0
expect_eq "$(vf_json 1 '.vlan_list[0].vlan // 0')" 0 "ip link show $PF: vf 1 vlan after removal"
for ns in vf0 vf1 peer; do ip -n "$ns" neigh flush all; done
wait_for "ping_ok vf1 $PEER_IP4 1" 10 || die "VF1 cannot reach the untagged peer after the port VLAN is removed"
out=$(capture_text peer "$PEER" "icmp and host $VF1" ns_exec vf1 ping -c 5 -i 0.1 -W 2 "$PEER_IP4")
expect_eq "$(grep -c "echo request" <<<"$out")" 5 "echo requests from VF1 after removal"
expect_eq "$(grep -c "vlan" <<<"$out" || true)" 0 "tagged frames from VF1 after removal"
ping_ok vf1 "$(vf_ip 0)" || die "VF1 cannot reach VF0 after the port VLAN is removed"

# `vlan 0 qos 5`: no port VLAN, but every frame of VF1 priority-tagged
# (VID 0, priority 5); ip link reads back qos 5. ixpf keeps VF1's untagged
# traffic. Upstream ixgbe treats it as a port VLAN of VID 0 and takes VID 0
# out of VF1's pool (VMOLR.AUPE off too): with anti-spoofing on, VF1 is cut
# off both ways (Documentation/sriov-design.md). (ixpf dropped the
# priority of VLAN 0 before: qos read back 0, frames left untagged.)
kmsg "priority 5 on VF 1"
ip link set "$PF" vf 1 vlan 0 qos 5
expect_eq "$(vf_json 1 '.vlan_list[0].qos // 0')" 5 "ip link show $PF: vf 1 qos with VLAN 0"
vf1_p5() {	# vf1_p5 N: VF1's echo requests the peer sees tagged 'vlan 0, p 5' of N
	capture_text peer "$PEER" "icmp and host $VF1" ns_exec vf1 ping -c "$1" -i 0.2 -W 1 "$PEER_IP4" |
		grep "echo request" | grep -c "vlan 0, p 5," || true
}
if [ "$PF_DRIVER" = ixpf ]; then
	wait_for '[ "$(vf1_p5 2)" -ge 1 ]' 30 || die "no priority-tagged frame from VF1 after vlan 0 qos 5"
	expect_eq "$(vf1_p5 5)" 5 "echo requests from VF1 tagged 'vlan 0, p 5'"
	ping_ok vf1 "$PEER_IP4" 5 || die "VF1 cannot reach the peer with priority 5"
else
	sleep 5
	! ping_ok vf1 "$PEER_IP4" 3 || die "upstream ixgbe: VF1 still reaches the peer with vlan 0 qos 5"
	EXPECTED_LOG="ixgbe .* Spoofed packets detected"	# its own anti-spoofing at work
fi

bad=$(driver_errors "${VF_PCI[@]}" | grep -vE "${EXPECTED_LOG:-^$}" || true)
[ -z "$bad" ] || die "errors/warnings from the drivers: $bad"
