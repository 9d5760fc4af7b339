#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# A 64 MiB TCP transfer each way arrives intact with the PF driver's
# default TSO and checksum offloads; TSO is shown to be in use (frames larger
# than the MTU handed to the NIC) so the model's segmentation is what carried
# the data.
. "$(dirname "$0")/common.bash" || exit 1

pf_up
for f in tcp-segmentation-offload tx-checksumming rx-checksumming; do
	expect_match "$(ethtool -k "$IX")" "$f: on" "$f"
done

head -c 64M /dev/urandom >/tmp/data
want=$(sha256sum </tmp/data)

# Out: PF -> peer, with a capture of oversized (pre-segmentation) frames.
tcpdump -p -Q out --immediate-mode -i "$IX" -c 5 -w /tmp/tso.pcap 'tcp and greater 3000' 2>/tmp/tso.err &
dump=$!
wait_for "grep -q 'listening on' /tmp/tso.err" 20 || die "tcpdump did not start"
ns_exec peer socat -u TCP-LISTEN:5001,reuseaddr OPEN:/tmp/out,creat,trunc &
srv=$!
wait_for "ns_exec peer ss -ltn | grep -q :5001" 10
timeout 300 socat -u OPEN:/tmp/data "TCP:$PEER_IP4:5001"
wait "$srv"
expect_eq "$(sha256sum </tmp/out)" "$want" "sha256 of the data $PF_DRIVER sent"
wait_for "! kill -0 $dump" 10 || { kill "$dump"; die "no TSO frame larger than 3000 bytes seen on $IX"; }

# In: peer -> PF, over IPv6 this time.
socat -u TCP6-LISTEN:5002,reuseaddr OPEN:/tmp/in,creat,trunc &
srv=$!
wait_for "ss -ltn | grep -q :5002" 10
ns_exec peer timeout 300 socat -u OPEN:/tmp/data "TCP6:[$IX_IP6]:5002"
wait "$srv"
expect_eq "$(sha256sum </tmp/in)" "$want" "sha256 of the data $PF_DRIVER received"

expect_eq "$(ethtool_stat "$IX" rx_csum_offload_errors)" 0 "rx checksum errors"
expect_eq "$(if_stat "$IX" rx_errors)" 0 "rx_errors"
expect_eq "$(if_stat "$IX" tx_errors)" 0 "tx_errors"
