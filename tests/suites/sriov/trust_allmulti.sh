#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# All-multicast needs trust: an untrusted VF that turns allmulticast on
# still only receives the groups it joined (the PF caps its request at
# MULTI); `ip link set PF vf 1 trust on` resets the VF, which asks again
# and now receives an unjoined group; `trust off` takes that away again.
. "$(dirname "$0")/common.bash"

sriov_setup 2
VFIF=${VF_IF[1]}
ip -n peer route add 224.0.0.0/4 dev "$PEER"
groups=$(free_groups 2)
UNJOINED=$(sed -n 1p <<<"$groups") JOINED=$(sed -n 2p <<<"$groups")
[ -n "$JOINED" ] || die "no free multicast groups"
log "unjoined group $UNJOINED, joined group $JOINED"
ip -n vf1 maddr add "$(group_mac "$JOINED")" dev "$VFIF"

# seen GROUP: datagrams to GROUP VF1 receives (capture not promiscuous)
seen() { capture_count vf1 "$VFIF" "udp port 9999 and dst $1" send_mcast "$1"; }

# wait_vf1_reset MARKER: the VF went through a reset since MARKER (link
# down, then up again as ixgbevf logs it) and has carrier.
wait_vf1_reset() {
	local a=${VF_PCI[1]}
	wait_for "dmesg_since '$1' | grep -q '$a: NIC Link is Down'" 20 ||
		die "VF 1 did not reset after: $1"
	wait_for "dmesg_since '$1' | grep -q '$a: NIC Link is Up'" 30 ||
		die "VF 1 did not come back after: $1"
	wait_carrier "$VFIF" 20 vf1 || die "VF 1 has no carrier after: $1"
}

ip -n vf1 link set "$VFIF" allmulticast on
expect_match "$(ip -n vf1 link show "$VFIF")" "ALLMULTI" "VF 1 flags"
expect_eq "$(vf_json 1 .trust)" false "trust of vf 1 by default"
expect_eq "$(seen "$JOINED")" 10 "datagrams to a joined group (untrusted)"
expect_eq "$(seen "$UNJOINED")" 0 "datagrams to an unjoined group (untrusted, allmulticast on)"

kmsg "trust on for VF 1"
ip link set "$PF" vf 1 trust on
expect_eq "$(vf_json 1 .trust)" true "trust of vf 1 after trust on"
expect_match "$(ip link show "$PF")" "vf 1 .*trust on" "vf 1 line of ip link show $PF"
wait_vf1_reset "trust on for VF 1"
expect_match "$(ip -n vf1 link show "$VFIF")" "ALLMULTI" "VF 1 flags after the reset"
# ixgbevf asks for ALLMULTI again as part of its reset; nothing to redo.
expect_eq "$(seen "$UNJOINED")" 10 "datagrams to an unjoined group (trusted, allmulticast on)"
expect_eq "$(seen "$JOINED")" 10 "datagrams to a joined group (trusted)"
ping_ok vf1 "$PEER_IP4" || die "VF 1 cannot ping the peer after trust on"

# VF 0 stays untrusted and did not ask for all-multicast: unaffected.
expect_eq "$(capture_count vf0 "${VF_IF[0]}" "udp port 9999" send_mcast "$UNJOINED")" 0 \
	"datagrams to the unjoined group at VF 0"

kmsg "trust off for VF 1"
ip link set "$PF" vf 1 trust off
expect_eq "$(vf_json 1 .trust)" false "trust of vf 1 after trust off"
wait_vf1_reset "trust off for VF 1"
expect_eq "$(seen "$UNJOINED")" 0 "datagrams to an unjoined group (trust revoked)"
expect_eq "$(seen "$JOINED")" 10 "datagrams to a joined group (trust revoked)"

bad=$(driver_errors "${VF_PCI[@]}")
[ -z "$bad" ] || die "errors/warnings from the drivers: $bad"
