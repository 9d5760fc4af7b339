#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A function-level reset of the PF from sysfs (reset_prepare/reset_done):
# the interface comes back by itself with its configuration (addresses,
# MTU, a VLAN, channels), traffic passes again, and the kernel log stays
# clean. Twice, to catch state that only the first reset restores.
. "$(dirname "$0")/common.bash" || exit 1

pf_up
dev=$(ix_pci 0)
[ -e "/sys/bus/pci/devices/$dev/reset" ] || die "$dev has no sysfs reset"

ip link set "$IX" mtu 4000
ip -n peer link set "$PEER" mtu 4000
ethtool -L "$IX" combined 3
ip link add link "$IX" name ixv7 type vlan id 7
ip addr add 10.82.7.1/24 dev ixv7
ip link set ixv7 up
ip -n peer link add link "$PEER" name pv7 type vlan id 7
ip -n peer addr add 10.82.7.2/24 dev pv7
ip -n peer link set pv7 up
ping_all "" 10.82.7.2 3

for round in 1 2; do
	kmsg "FLR round $round"
	echo 1 >"/sys/bus/pci/devices/$dev/reset"
	wait_carrier "$IX" 10 || die "no carrier after FLR (round $round)"
	expect_eq "$(cat "/sys/class/net/$IX/mtu")" 4000 "MTU after FLR"
	expect_eq "$(channel_param "$IX" cur Combined)" 3 "channels after FLR"
	ping_all "" "$PEER_IP4" 5
	ping_all "" "$PEER_IP4" 3 -M "do" -s 3972	# a 4000-byte packet
	ping_all peer "$IX_IP6" 5
	ping_all "" 10.82.7.2 5				# VLAN filter restored
done
# ixpf's and the device's own lines only (boot noise is not ours)
bad=$(kwarn | grep -E "ixpf|$dev" | grep -v "out-of-tree module taints kernel" || true)
[ -z "$bad" ] || die "warnings in the kernel log: $bad"
