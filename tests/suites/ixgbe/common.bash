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

