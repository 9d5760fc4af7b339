#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# Admin link state: `ip link set PF vf 2 state disable` takes VF2's link
# down and its traffic stops (both ways), the other VFs are unaffected;
# `state auto` gives VF2 its link and traffic back. Done twice, since the
# VF's reset after re-enabling must leave it in a state it can leave again.
. "$(dirname "$0")/common.bash"

# 6.1's ixgbe applies the link state but does not report it back
# (ndo_get_vf_config only fills linkstate in later kernels): ip link shows
# "auto" whatever was set.
REPORTS_LINK_STATE=1
[ "$IXPF_KERNEL" != 6.1 ] || REPORTS_LINK_STATE=0

sriov_setup 3
VF2IF=${VF_IF[2]} VF2=$(vf_ip 2)
ping_ok vf2 "$PEER_IP4" || die "VF2 cannot ping the peer"
expect_eq "$(vf_json 2 .link_state)" auto "link state of vf 2 by default"
# The peer keeps sending to VF2's MAC while VF2 cannot answer ARP.
ip -n peer neigh replace "$VF2" lladdr "$(if_mac "$VF2IF" vf2)" dev "$PEER" nud permanent

for round in 1 2; do
	kmsg "VF 2 state disable (round $round)"
	ip link set "$PF" vf 2 state disable
	if [ "$REPORTS_LINK_STATE" = 1 ]; then
		expect_eq "$(vf_json 2 .link_state)" disable "link state of vf 2 after state disable"
		expect_match "$(ip link show "$PF")" "vf 2 .*link-state disable" "vf 2 line of ip link show $PF"
	fi
	wait_no_carrier "$VF2IF" 20 vf2 || die "VF2 still has carrier after state disable (round $round)"
	expect_match "$(ip netns exec vf2 ethtool "$VF2IF")" "Link detected: no" "ethtool link of VF2 (disabled)"
	! ping_ok vf2 "$PEER_IP4" 3 || die "VF2 reaches the peer with its link disabled"
	# Not asserted: that the peer's frames stop reaching VF2's rings. On the
	# 82599 upstream re-enables the VF's Rx (VFRE) when it handles the
	# SET_LPE the disabled VF sends after its reset (ixgbe_set_vf_lpe
	# ignores link_enable), so real hardware delivers them too; the echo
	# replies are what cannot leave.
	! ping_ok peer "$VF2" 3 || die "the peer reaches VF2 with its link disabled"
	! ping_ok vf0 "$VF2" 3 || die "VF0 reaches VF2 with its link disabled"
	ping_ok vf0 "$PEER_IP4" || die "VF0 lost traffic when VF2 was disabled"
	ping_ok vf1 "$(vf_ip 0)" || die "VF1 -> VF0 lost traffic when VF2 was disabled"
	expect_eq "$(if_carrier "${VF_IF[0]}" vf0)" 1 "carrier of VF0 while VF2 is disabled"

	kmsg "VF 2 state auto (round $round)"
	ip link set "$PF" vf 2 state auto
	expect_eq "$(vf_json 2 .link_state)" auto "link state of vf 2 after state auto"
	wait_carrier "$VF2IF" 30 vf2 || die "VF2 has no carrier after state auto (round $round)"
	wait_for "ping_ok vf2 $PEER_IP4 1" 10 || die "VF2 cannot reach the peer after state auto (round $round)"
	ping_ok peer "$VF2" || die "the peer cannot reach VF2 after state auto (round $round)"
	ping_ok vf2 "$(vf_ip 0)" || die "VF2 cannot reach VF0 after state auto (round $round)"
done

bad=$(driver_errors "${VF_PCI[@]}")
[ -z "$bad" ] || die "errors/warnings from the drivers: $bad"
