# SPDX-License-Identifier: GPL-2.0
#
# Shared set-up for the upstream-ixgbe suite: load Debian's ixgbe on model
# instance 0, put the virtio-net peer in netns "peer", address both ends.
#   IX      the ixgbe netdev (root netns)     PEER  the virtio netdev (netns peer)
#   IX_IP4/IX_IP6, PEER_IP4/PEER_IP6          addresses on the shared wire

. "$(dirname "${BASH_SOURCE[0]}")/../../lib/guest.sh" || exit 1

IX_IP4=10.82.0.1
PEER_IP4=10.82.0.2
IX_IP6=fd82::1
PEER_IP6=fd82::2

# ixgbe_up: bind ixgbe, bring both ends up with addresses, wait for carrier.
ixgbe_up() {
	load_module ixgbe
	wait_netdev 8086:10f7 || die "ixgbe did not create a netdev for 8086:10f7"
	IX=$(ix_netdev 0)
	PEER=$(peer_if)
	netns_move "$PEER" peer "$PEER_IP4/24"
	ip -n peer addr add "$PEER_IP6/64" dev "$PEER" nodad
	ip addr add "$IX_IP4/24" dev "$IX"
	ip addr add "$IX_IP6/64" dev "$IX" nodad
	ip link set "$IX" up
	wait_carrier "$IX" 10 || die "no carrier on $IX"
	log "ixgbe $IX up, peer $PEER in netns peer"
}

# ethtool_stat IF NAME: one counter from `ethtool -S`; dies if there is none.
# (awk reads everything: an early exit would SIGPIPE ethtool under pipefail.)
ethtool_stat() {
	local v
	v=$(ethtool -S "$1" | awk -v n="$2:" '$1 == n { v = $2 } END { print v }')
	[ -n "$v" ] || die "ethtool -S $1 has no counter $2"
	echo "$v"
}

# capture_count NS IF FILTER CMD...: how many frames matching FILTER the
# interface IF (in netns NS, "" for the root one) receives while CMD runs.
# The capture does not turn on promiscuous mode, so it sees what the NIC's
# filters let through; it starts only once tcpdump reports it is listening.
capture_count() {
	local ns=$1 ifc=$2 filter=$3 pid pcap=/tmp/cap-$2.pcap err=/tmp/cap-$2.err
	shift 3
	${ns:+ip netns exec "$ns"} timeout 60 tcpdump -p -n -Q in --immediate-mode -i "$ifc" \
		-w "$pcap" "$filter" 2>"$err" &
	pid=$!
	wait_for "grep -q 'listening on' $err" 20 || die "tcpdump on $ifc did not start"
	"$@" >/dev/null 2>&1 || true
	sleep 0.5
	kill -INT "$pid"
	wait "$pid" || true
	tcpdump -n -r "$pcap" 2>/dev/null | wc -l
}
