#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# Receive filters: a frame to a multicast group nobody joined is filtered by
# the NIC; a joined group passes (MTA); with `promisc on` everything passes.
. "$(dirname "$0")/common.bash" || exit 1

pf_up
ip -n peer route add 224.0.0.0/4 dev "$PEER"

# seen GROUP: datagrams to GROUP:9999 the host receives while the peer sends
seen() { capture_count "" "$IX" "udp port 9999 and dst $1" send_mcast "$1"; }

expect_eq "$(seen 239.1.2.3)" 0 "datagrams to an unjoined group"

ip maddr add 01:00:5e:01:02:04 dev "$IX"
expect_eq "$(seen 239.1.2.4)" 10 "datagrams to a joined group"
expect_eq "$(seen 239.1.2.3)" 0 "unjoined group after joining another"

ip link set "$IX" promisc on
expect_eq "$(seen 239.1.2.3)" 10 "datagrams to an unjoined group in promiscuous mode"
ip link set "$IX" promisc off
expect_eq "$(seen 239.1.2.3)" 0 "unjoined group after promiscuous mode is off again"

# Unicast to someone else's MAC is filtered too, unless promiscuous.
ip -n peer neigh replace 10.82.0.99 lladdr 02:00:00:00:00:99 dev "$PEER" nud permanent
ucast() {
	capture_count "" "$IX" "icmp and dst 10.82.0.99" \
		ns_exec peer ping -c 5 -i 0.05 -W 1 10.82.0.99
}
expect_eq "$(ucast)" 0 "frames to a foreign unicast MAC"
ip link set "$IX" promisc on
expect_eq "$(ucast)" 5 "frames to a foreign unicast MAC in promiscuous mode"
