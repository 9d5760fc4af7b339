#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Queue reconfiguration: `ethtool -L combined 1` and back to 4 while 64 MiB
# of TCP flow each way, and both transfers still arrive intact; `ethtool -G`
# resizes the rings and traffic passes, a size beyond the maximum is refused
# and changes nothing.
. "$(dirname "$0")/common.bash" || exit 1

pf_up

# set_channels N: ethtool -L, then ethtool -l and the netdev's queues agree.
set_channels() {
	kmsg "ethtool -L $IX combined $1"
	ethtool -L "$IX" combined "$1"
	expect_eq "$(channel_param "$IX" cur Combined)" "$1" "current combined channels"
	expect_eq "$(find /sys/class/net/"$IX"/queues -mindepth 1 -maxdepth 1 -name "rx-*" | wc -l)" "$1" "rx queues of $IX"
	expect_eq "$(find /sys/class/net/"$IX"/queues -mindepth 1 -maxdepth 1 -name "tx-*" | wc -l)" "$1" "tx queues of $IX"
}

# both_running: neither transfer has finished yet (else the change did not
# happen under load and proves nothing).
both_running() {
	local p
	for p in "${TCP_PIDS[@]}"; do
		kill -0 "$p" 2>/dev/null || die "a transfer ended before the channel change ($1)"
	done
}

# bytes_in FILE: size of FILE, 0 while it does not exist.
bytes_in() { stat -c %s "$1" 2>/dev/null || echo 0; }

max=$(channel_param "$IX" max Combined)
log "$IX: $(channel_param "$IX" cur Combined) combined channels of at most $max"
expect_ge "$max" 4 "maximum combined channels"

head -c 64M /dev/urandom >/tmp/data
want=$(sha256sum </tmp/data)
rm -f /tmp/out /tmp/in

# Both directions at once: ixpf -> peer (/tmp/out in the peer's netns; the
# guest's tmpfs is shared by all netns) and peer -> ixpf (/tmp/in), paced to
# 3 MiB/s each so that they last 20 s or more under TCG.
# shellcheck disable=SC2034 # read by tcp_send_bg
TCP_RATE=$((3 << 20))
tcp_send_bg /tmp/data "" "$PEER_IP4" 5001 /tmp/out
tcp_send_bg /tmp/data peer "$IX_IP4" 5002 /tmp/in
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ $(bytes_in /tmp/out) -gt 4000000 ] && [ $(bytes_in /tmp/in) -gt 4000000 ]' 60 ||
	die "the transfers did not get going ($(bytes_in /tmp/out) and $(bytes_in /tmp/in) bytes)"

both_running "combined 1"
set_channels 1
# Some traffic on a single queue pair before going back.
o=$(bytes_in /tmp/out) i=$(bytes_in /tmp/in)
wait_for "[ \$(bytes_in /tmp/out) -gt $((o + 2000000)) ] && [ \$(bytes_in /tmp/in) -gt $((i + 2000000)) ]" 60 ||
	die "the transfers stalled on one queue ($(bytes_in /tmp/out) and $(bytes_in /tmp/in) bytes)"
both_running "combined 4"
set_channels 4
log "changed channels at $(bytes_in /tmp/out) / $(bytes_in /tmp/in) bytes of 64 MiB"

tcp_wait || die "a transfer failed"
expect_eq "$(sha256sum </tmp/out)" "$want" "sha256 of the data $IX sent"
expect_eq "$(sha256sum </tmp/in)" "$want" "sha256 of the data $IX received"
rm -f /tmp/out /tmp/in /tmp/data

# Rings.
rx_max=$(ring_param "$IX" max RX)
tx_max=$(ring_param "$IX" max TX)
expect_ge "$rx_max" 1024 "maximum rx ring size"
expect_ge "$tx_max" 1024 "maximum tx ring size"
log "$IX rings: rx $(ring_param "$IX" cur RX) of $rx_max, tx $(ring_param "$IX" cur TX) of $tx_max"
kmsg "ethtool -G $IX rx 256 tx 1024"
ethtool -G "$IX" rx 256 tx 1024
expect_eq "$(ring_param "$IX" cur RX)" 256 "rx ring size"
expect_eq "$(ring_param "$IX" cur TX)" 1024 "tx ring size"
wait_carrier "$IX" 10 || die "no carrier after ethtool -G"
ping_all "" "$PEER_IP4" 20
ping_all peer "$IX_IP4" 20

expect_fail ethtool -G "$IX" rx "$((rx_max + 1))"
expect_fail ethtool -G "$IX" tx "$((tx_max + 1))"
expect_eq "$(ring_param "$IX" cur RX)" 256 "rx ring size after a refused change"
expect_eq "$(ring_param "$IX" cur TX)" 1024 "tx ring size after a refused change"
ping_all "" "$PEER_IP4" 5
