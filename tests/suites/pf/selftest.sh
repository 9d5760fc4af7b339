#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# `ethtool -t offline` (register, EEPROM, interrupt, MAC loopback, link)
# passes on the model, and the interface works again afterwards.
. "$(dirname "$0")/common.bash" || exit 1

pf_up
out=$(ethtool -t "$IX" offline) || die "ethtool -t failed: $out"
echo "$out"
expect_match "$out" "The test result is PASS" "self-test verdict"
for t in "Register test" "Eeprom test" "Interrupt test" "Loopback test" "Link test"; do
	v=$(echo "$out" | awk -F'\t' -v t="$t" 'index($1, t) == 1 { gsub(/ /, "", $2); print $2 }')
	expect_eq "$v" 0 "$t result"
done
# The self-test resets the adapter; the data path must come back.
wait_carrier "$IX" 10 || die "no carrier after self-test"
wait_for "ping -c 1 -W 1 $PEER_IP4" 15 || die "no traffic after self-test"
