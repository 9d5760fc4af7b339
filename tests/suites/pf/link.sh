#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# vm-run: --monitor
# serial: the carrier must drop and return within 2 s of set_link
# Pulling the cable (QEMU set_link) shows as carrier loss within 2 s and
# plugging it back as carrier within 2 s; traffic resumes.
. "$(dirname "$0")/common.bash" || exit 1

pf_up
for round in 1 2; do
	set_link 0 off
	wait_no_carrier "$IX" 2 || die "carrier still up 2 s after set_link off (round $round)"
	expect_match "$(ethtool "$IX")" "Link detected: no" "ethtool link after set_link off"
	set_link 0 on
	wait_carrier "$IX" 2 || die "no carrier 2 s after set_link on (round $round)"
	expect_match "$(ethtool "$IX")" "Speed: 10000Mb/s" "speed after link up"
	wait_for "ping -c 1 -W 1 $PEER_IP4" 10 || die "no traffic after link up (round $round)"
done
dmesg | grep -q "$IX: NIC Link is Down" || die "$PF_DRIVER did not log the link loss"
