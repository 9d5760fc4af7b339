# SPDX-License-Identifier: GPL-2.0
#
# Shared set-up for the ixpf suite: what our driver must do that the suites
# run against both drivers do not cover (a corrupt NVM, jumbo frames,
# channel and ring changes under load, load/unload cycles). Same wire and
# addresses as the upstream-ixgbe suite: the virtio-net peer in netns "peer".
#   DRV     the driver under test                (always ixpf here)
#   IX      its netdev (root netns)              PEER  the virtio netdev (netns peer)
#   IX_IP4/IX_IP6, PEER_IP4/PEER_IP6             addresses on the shared wire

. "$(dirname "${BASH_SOURCE[0]}")/../../lib/guest.sh" || exit 1

DRV=ixpf

IX_IP4=10.82.0.1
PEER_IP4=10.82.0.2
IX_IP6=fd82::1
PEER_IP6=fd82::2

# drv_load: load the driver under test (it binds every instance it can).
drv_load() {
	local ko
	case "$DRV" in
	ixpf)	ko=$(ixpf_ko); load_module "$ko" ;;
	*)	load_module "$DRV" ;;	# upstream ixgbe, to check the tests
	esac
}

# drv_of PCI: the driver bound to that PCI function, empty if none.
drv_of() {
	local l=/sys/bus/pci/devices/$1/driver
	if [ -e "$l" ]; then link_base "$l"; fi
}

# kwarn: kernel log lines at warning level and above, without timestamps and
# without the tests' own kmsg markers (/dev/kmsg logs them as warnings).
kwarn() {
	dmesg --notime --level=emerg,alert,crit,err,warn | grep -v '^ixpf-test: ' || true
}

# peer_up: the virtio-net peer into netns peer, with both addresses.
peer_up() {
	PEER=$(peer_if)
	netns_move "$PEER" peer "$PEER_IP4/24"
	ip -n peer addr add "$PEER_IP6/64" dev "$PEER" nodad
}

# ix_up [N]: model instance N's netdev (default 0) up with the addresses,
# carrier waited for; sets IX.
ix_up() {
	local n=${1:-0}
	wait_for "ix_netdev $n" 10 ||
		die "$DRV made no netdev for model instance $n ($(ix_pci "$n"))"
	IX=$(ix_netdev "$n")
	expect_eq "$(drv_of "$(ix_pci "$n")")" "$DRV" "driver of instance $n"
	ip addr add "$IX_IP4/24" dev "$IX"
	ip addr add "$IX_IP6/64" dev "$IX" nodad
	ip link set "$IX" up
	wait_carrier "$IX" 10 || die "no carrier on $IX"
}

# pf_up: load the driver, peer and instance 0 up.
pf_up() {
	drv_load
	peer_up
	ix_up 0
	log "$DRV $IX up, peer $PEER in netns peer"
}

# ping_all NS DEST COUNT [PING-OPTIONS...]: COUNT pings from netns NS ("" for
# the root netns) to DEST, every one answered.
ping_all() {
	local ns=$1 dest=$2 n=$3 out
	shift 3
	out=$(${ns:+ip netns exec "$ns"} ping -c "$n" -i 0.1 -W 2 -w $((n / 10 + 20)) "$@" "$dest" 2>&1) ||
		die "ping $* $dest${ns:+ from netns $ns} failed: $out"
	expect_match "$out" "$n packets transmitted, $n received" "ping $* $dest${ns:+ from netns $ns}"
}

# tcp_send_bg FILE NS-FROM DEST PORT OUT: start a socat listener on PORT in
# the other netns writing OUT, then a sender of FILE from NS-FROM ("" for
# the root netns, "peer") to DEST:PORT, both in the background (TCP_PIDS).
# With TCP_RATE=BYTES_PER_SEC the sender is paced to at most that, so a
# transfer lasts long enough to change things under it.
# tcp_wait: wait for them; non-zero if any failed.
TCP_PIDS=()
TCP_RATE=
_TCP_PACER='
import sys, time
rate, out = int(sys.argv[2]), sys.stdout.buffer
n, t0 = 0, time.monotonic()
with open(sys.argv[1], "rb") as f:
    while b := f.read(65536):
        out.write(b)
        out.flush()
        n += len(b)
        time.sleep(max(0, t0 + n / rate - time.monotonic()))
'
tcp_send_bg() {
	local file=$1 from=$2 dest=$3 port=$4 out=$5 to addr
	if [ -n "$from" ]; then to=""; else to=peer; fi
	case "$dest" in *:*) addr="TCP6:[$dest]:$port" ;; *) addr="TCP4:$dest:$port" ;; esac
	${to:+ip netns exec "$to"} socat -u "TCP6-LISTEN:$port,reuseaddr,ipv6only=0" \
		"OPEN:$out,creat,trunc" &
	TCP_PIDS+=($!)
	wait_for "${to:+ip netns exec $to} ss -ltn | grep -q ':$port '" 10 ||
		die "no listener on port $port${to:+ in netns $to}"
	if [ -n "$TCP_RATE" ]; then
		python3 -c "$_TCP_PACER" "$file" "$TCP_RATE" |
			${from:+ip netns exec "$from"} timeout 600 socat -u STDIN "$addr" &
	else
		${from:+ip netns exec "$from"} timeout 600 socat -u "OPEN:$file" "$addr" &
	fi
	TCP_PIDS+=($!)
}
tcp_wait() {
	local p rc=0
	for p in "${TCP_PIDS[@]}"; do
		wait "$p" || rc=$?
	done
	TCP_PIDS=()
	return "$rc"
}
