#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# 100 pings each way over IPv4 and IPv6, none lost; counters follow.
. "$(dirname "$0")/common.bash" || exit 1

pf_up
rx0=$(if_stat "$IX" rx_packets)
tx0=$(if_stat "$IX" tx_packets)
# the NIC's own good-packet counters (GPRC/GPTC), read through ethtool -S
hrx0=$(ethtool_stat "$IX" rx_pkts_nic)
htx0=$(ethtool_stat "$IX" tx_pkts_nic)

pings() {	# pings NS-or-"" DEST
	local out
	if [ -n "$1" ]; then
		out=$(ns_exec "$1" ping -c 100 -i 0.02 -W 2 -w 30 "$2")
	else
		out=$(ping -c 100 -i 0.02 -W 2 -w 30 "$2")
	fi
	expect_match "$out" "100 packets transmitted, 100 received, 0% packet loss" "ping $2"
}
pings "" "$PEER_IP4"
pings peer "$IX_IP4"
pings "" "$PEER_IP6"
pings peer "$IX_IP6"

# 400 echo requests or replies each way at least
expect_ge "$(($(if_stat "$IX" rx_packets) - rx0))" 400 "rx_packets delta"
expect_ge "$(($(if_stat "$IX" tx_packets) - tx0))" 400 "tx_packets delta"
expect_ge "$(($(ethtool_stat "$IX" rx_pkts_nic) - hrx0))" 400 "NIC good packets received"
expect_ge "$(($(ethtool_stat "$IX" tx_pkts_nic) - htx0))" 400 "NIC good packets sent"
expect_eq "$(if_stat "$IX" rx_errors)" 0 "rx_errors"
