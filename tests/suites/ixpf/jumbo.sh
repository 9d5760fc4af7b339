#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Jumbo frames: at MTU 9000 unfragmented 9000-byte pings pass both ways and
# 64 MiB of TCP each way arrives intact in jumbo frames; the MTU limit is
# the 82599's 9728-byte frame (CRC included): 9710 is taken, and frames of
# that size pass, 9711 is refused.
. "$(dirname "$0")/common.bash" || exit 1

pf_up

# set_mtu MTU: on both ends, read back, carrier again (a driver may reset
# the MAC to change it).
set_mtu() {
	ip link set "$IX" mtu "$1"
	ip -n peer link set "$PEER" mtu "$1"
	expect_eq "$(cat "/sys/class/net/$IX/mtu")" "$1" "MTU of $IX"
	wait_carrier "$IX" 10 || die "no carrier on $IX after MTU $1"
}

set_mtu 9000
ping_all "" "$PEER_IP4" 5 -M "do" -s 8972		# 8972 + 8 ICMP + 20 IPv4 = 9000
ping_all peer "$IX_IP4" 5 -M "do" -s 8972
ping_all "" "$PEER_IP6" 5 -M "do" -s 8952		# 8952 + 8 ICMPv6 + 40 IPv6 = 9000
ping_all peer "$IX_IP6" 5 -M "do" -s 8952
log "9000-byte pings pass both ways"

head -c 64M /dev/urandom >/tmp/data
want=$(sha256sum </tmp/data)

# snap, then avg_frame rx|tx: bytes per frame the peer's netdev received or
# sent since the snap (virtio-net counts frames as they were on the wire).
# shellcheck disable=SC2034 # read through ${!name} in avg_frame
snap() {
	p0_rx_bytes=$(if_stat "$PEER" rx_bytes peer)
	p0_rx_packets=$(if_stat "$PEER" rx_packets peer)
	p0_tx_bytes=$(if_stat "$PEER" tx_bytes peer)
	p0_tx_packets=$(if_stat "$PEER" tx_packets peer)
}
avg_frame() {
	local b0=p0_$1_bytes p0=p0_$1_packets b p
	b=$(($(if_stat "$PEER" "$1_bytes" peer) - ${!b0}))
	p=$(($(if_stat "$PEER" "$1_packets" peer) - ${!p0}))
	[ "$p" -gt 0 ] || die "the peer counted no $1 frames"
	echo $((b / p))
}

# Out: ixpf -> peer. The peer must have received frames far above 1500
# bytes on average, or the transfer did not use the jumbo MTU.
snap
tcp_send_bg /tmp/data "" "$PEER_IP4" 5001 /tmp/out
tcp_wait || die "the transfer to the peer failed"
expect_eq "$(sha256sum </tmp/out)" "$want" "sha256 of the data $IX sent"
avg=$(avg_frame rx)
log "peer received $avg bytes per frame"
expect_ge "$avg" 4000 "average frame size the peer received"

# In: peer -> ixpf, over IPv6.
snap
tcp_send_bg /tmp/data peer "$IX_IP6" 5002 /tmp/in
tcp_wait || die "the transfer from the peer failed"
expect_eq "$(sha256sum </tmp/in)" "$want" "sha256 of the data $IX received"
avg=$(avg_frame tx)
log "peer sent $avg bytes per frame"
expect_ge "$avg" 4000 "average frame size the peer sent"
rm -f /tmp/out /tmp/in

# The limit: 9710 + 14 header + 4 CRC = 9728 is the largest frame.
mtu=$(cat "/sys/class/net/$IX/mtu")
expect_fail ip link set "$IX" mtu 9711
expect_eq "$(cat "/sys/class/net/$IX/mtu")" "$mtu" "MTU of $IX after the refused 9711"
set_mtu 9710
ping_all "" "$PEER_IP4" 5 -M "do" -s 9682		# a 9728-byte frame on the wire
ping_all peer "$IX_IP4" 5 -M "do" -s 9682
log "MTU 9710 taken and carries 9728-byte frames, 9711 refused"

expect_eq "$(if_stat "$IX" rx_errors)" 0 "rx_errors"
expect_eq "$(if_stat "$IX" tx_errors)" 0 "tx_errors"
