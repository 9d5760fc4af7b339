#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# An administrator's VF MAC (`ip link set PF vf 0 mac M`) is read back by
# `ip link show PF` and, once the VF driver is reloaded (unbind/bind), is
# the VF netdev's address and the one it uses on the wire; the untrusted
# VF cannot override it.
. "$(dirname "$0")/common.bash"

MAC=02:00:5e:10:00:0a
pf_up
sriov_enable 2
a=${VF_PCI[0]}
old=$(if_mac "${VF_IF[0]}")
expect_ne "$old" "$MAC" "VF 0's MAC before the admin MAC is set"

ip link set "$PF" vf 0 mac "$MAC"
expect_eq "$(vf_json 0 .address)" "$MAC" "ip link show $PF: vf 0 MAC"
expect_match "$(ip link show "$PF")" "vf 0 +link/ether $MAC " "vf 0 line of ip link show $PF"

# Upstream applies an admin MAC only when the VF driver resets the VF
# ("Reload the VF driver to make this change effective").
kmsg "rebinding VF 0 ($a) to ixgbevf"
echo "$a" >/sys/bus/pci/drivers/ixgbevf/unbind
wait_for "! vf_netdev_of $a" 10 || die "VF 0 still has a netdev after unbind"
expect_eq "$(vf_driver "$a")" "" "driver of VF 0 after unbind"
echo "$a" >/sys/bus/pci/drivers/ixgbevf/bind
wait_for "vf_netdev_of $a" 20 || die "VF 0 has no netdev after bind"
expect_eq "$(vf_driver "$a")" ixgbevf "driver of VF 0 after bind"
VF_IF[0]=$(vf_netdev_of "$a")
expect_eq "$(if_mac "${VF_IF[0]}")" "$MAC" "VF 0 netdev MAC after rebinding"
expect_eq "$(vf_json 0 .address)" "$MAC" "ip link show $PF: vf 0 MAC after rebinding"
! dmesg_since "rebinding VF 0 ($a) to ixgbevf" | grep -E "$a.*(Assigning random MAC|PF still in reset)" ||
	die "VF 0 did not take the admin MAC at probe"

# The VF's traffic carries the admin MAC: the peer learns it via ARP.
vf_to_ns 0
ping_ok vf0 "$PEER_IP4" || die "VF 0 with the admin MAC cannot ping the peer"
expect_match "$(ip -n peer neigh show "$(vf_ip 0)")" "lladdr $MAC " "peer's neighbour entry for VF 0"

# An untrusted VF may not replace the admin MAC with its own choice.
expect_fail ip -n vf0 link set "${VF_IF[0]}" address 02:00:5e:10:00:99
expect_eq "$(if_mac "${VF_IF[0]}" vf0)" "$MAC" "VF 0 MAC after a refused change"
ping_ok vf0 "$PEER_IP4" || die "VF 0 lost traffic after a refused MAC change"

bad=$(driver_errors "${VF_PCI[@]}" | grep -v "attempted to override administratively set MAC address" || true)
[ -z "$bad" ] || die "errors/warnings from the drivers: $bad"
