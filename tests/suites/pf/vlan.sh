#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# VLAN: the PF's VLAN 100 sub-interface talks to the peer's VLAN 100;
# untagged and VLAN 200 traffic do not reach a host that only listens on
# VLAN 100; and the NIC's VLAN filter keeps VLAN 200 away from the PF.
. "$(dirname "$0")/common.bash" || exit 1

pf_up
ip link add link "$IX" name ixv100 type vlan id 100
ip addr add 10.82.100.1/24 dev ixv100
ip link set ixv100 up
# The peer's VLAN 100 interface lives alone in netns "v100", so nothing
# but VLAN 100 can reach that host (no weak-host answers from its parent).
ip -n peer link add link "$PEER" name pv100 type vlan id 100
ip netns add v100
ip -n peer link set pv100 netns v100
ip -n v100 addr add 10.82.100.2/24 dev pv100
ip -n v100 link set pv100 up

out=$(ping -c 20 -i 0.05 -W 2 -w 20 10.82.100.2)
expect_match "$out" "20 received, 0% packet loss" "ping over VLAN 100"
out=$(ns_exec v100 ping -c 20 -i 0.05 -W 2 -w 20 10.82.100.1)
expect_match "$out" "20 received, 0% packet loss" "ping over VLAN 100 from the peer"

peer_mac=$(if_mac pv100 v100)

# Untagged frames aimed at the VLAN 100 host's address and MAC.
ip addr add 10.82.101.1/24 dev "$IX"
ip neigh replace 10.82.101.2 lladdr "$peer_mac" dev "$IX" nud permanent
ns_exec v100 ip addr add 10.82.101.2/24 dev pv100
n=$(capture_count v100 pv100 icmp ping -c 10 -i 0.05 -W 1 10.82.101.2)
expect_eq "$n" 0 "untagged echo requests reaching the VLAN 100 host"

# VLAN 200 from the PF: not for the VLAN 100 host either.
ip link add link "$IX" name ixv200 type vlan id 200
ip addr add 10.82.200.1/24 dev ixv200
ip link set ixv200 up
ip neigh replace 10.82.200.2 lladdr "$peer_mac" dev ixv200 nud permanent
ns_exec v100 ip addr add 10.82.200.2/24 dev pv100
n=$(capture_count v100 pv100 icmp ping -c 10 -i 0.05 -W 1 10.82.200.2)
expect_eq "$n" 0 "VLAN 200 echo requests reaching the VLAN 100 host"
n=$(capture_count v100 pv100 icmp ping -c 10 -i 0.05 -W 1 10.82.100.2)
expect_ge "$n" 10 "VLAN 100 echo requests reaching the VLAN 100 host (control)"

# The other direction: with ixv200 gone, VID 200 leaves the NIC's VLAN
# filter table, so frames tagged 200 from the peer never reach the host
# (a capture without promiscuous mode sees none), while VLAN 100 does.
expect_match "$(ethtool -k "$IX")" "rx-vlan-filter: on" "rx-vlan-filter"
ip link del ixv200
ip -n peer link add link "$PEER" name pv200 type vlan id 200
ip -n peer addr add 10.82.200.3/24 dev pv200
ip -n peer link set pv200 up
ip -n peer neigh replace 10.82.200.1 lladdr "$(if_mac "$IX")" dev pv200 nud permanent
n=$(capture_count "" "$IX" "vlan 200" ns_exec peer ping -c 10 -i 0.05 -W 1 10.82.200.1)
expect_eq "$n" 0 "VLAN 200 frames reaching the host"
n=$(capture_count "" "$IX" "vlan 100" ns_exec v100 ping -c 10 -i 0.05 -W 1 10.82.100.1)
expect_ge "$n" 10 "VLAN 100 frames reaching the host (control)"
