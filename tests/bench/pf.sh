#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest half of `make bench`: the same measurements with upstream ixgbe and
# with ixpf on the same model instance, alternating drivers over ROUNDS so
# that drift of the (TCG-emulated) machine hits both alike. Prints
#   BENCH <metric> <driver> <round> <value>
# lines; scripts/bench turns them into ixpf/ixgbe ratios.
. "$(dirname "$0")/../lib/guest.sh" || exit 1

ROUNDS=${IXPF_BENCH_ROUNDS:-5}
SIZE=32M
IX_IP4=10.82.0.1
PEER_IP4=10.82.0.2

PEER=$(peer_if)
netns_move "$PEER" peer "$PEER_IP4/24"
head -c "$SIZE" /dev/urandom >/tmp/data
bytes=$(stat -c %s /tmp/data)

now_ns() { date +%s%N; }

# load DRIVER: bind it, print milliseconds until its netdev exists
load() {
	local t0=$(now_ns)
	if [ "$1" = ixpf ]; then
		load_module "$(ixpf_ko)"
	else
		load_module ixgbe
	fi
	wait_netdev 8086:10f7 || die "$1 did not create a netdev"
	echo $((($(now_ns) - t0) / 1000000))
}

# mbps CMD...: megabits per second moving /tmp/data with CMD
xfer() {
	local t0 t1
	t0=$(now_ns)
	"$@"
	t1=$(now_ns)
	echo $((bytes * 8 * 1000 / (t1 - t0)))
}

tx() {
	ns_exec peer socat -u TCP-LISTEN:5001,reuseaddr OPEN:/dev/null &
	local srv=$!
	wait_for "ns_exec peer ss -ltn | grep -q :5001" 10
	xfer timeout 300 socat -u OPEN:/tmp/data "TCP:$PEER_IP4:5001"
	wait "$srv"
}

rx() {
	socat -u TCP-LISTEN:5002,reuseaddr OPEN:/dev/null &
	local srv=$!
	wait_for "ss -ltn | grep -q :5002" 10
	xfer ns_exec peer timeout 300 socat -u OPEN:/tmp/data "TCP:$IX_IP4:5002"
	wait "$srv"
}

for round in $(seq "$ROUNDS"); do
	for drv in ixgbe ixpf; do
		ms=$(load "$drv")
		echo "BENCH probe_ms $drv $round $ms"
		IX=$(ix_netdev 0)
		ip addr add "$IX_IP4/24" dev "$IX"
		t0=$(now_ns)
		ip link set "$IX" up
		wait_carrier "$IX" 20 || die "$drv: no carrier"
		echo "BENCH link_up_ms $drv $round $((($(now_ns) - t0) / 1000000))"
		wait_for "ping -c 1 -W 1 $PEER_IP4" 10 || die "$drv: peer unreachable"
		echo "BENCH tcp_tx_mbps $drv $round $(tx)"
		echo "BENCH tcp_rx_mbps $drv $round $(rx)"
		rtt=$(ping -q -c 200 -i 0.01 "$PEER_IP4" |
		      awk -F/ '/^rtt/ {print int($5 * 1000)}')
		echo "BENCH ping_rtt_us $drv $round $rtt"
		rmmod "$drv"
	done
done
