#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-run: --timeout 400
# An admin change takes effect on a VF that never resets. VF 0, on
# vfio-pci and driven by tests/tools/vfmbx, is trusted and gets ALLMULTI,
# VLAN 300 and an extra unicast address (SET_MACVLAN); it receives all
# three on its own Rx queue. Then, without a reset of the VF:
#  - trust off: the multicast it never joined, the extra address and VLAN
#    300 stop reaching it at once, its admin MAC still does, and every
#    message but VF_RESET is NACKed until it resets; a REQ raised without
#    a message over the PF's ping is no request (the PF used to refuse
#    its own ping as "message 0x100");
#  - after a reset it joins VLAN 300 again; a port VLAN set by the admin
#    takes VLAN 300 away at once.
# Before ixpf scrubbed on revoke, VF 0 kept receiving all of it and its
# messages were still served (ACK, no CTS).
export IXPF_PF_DRIVER=ixpf
. "$(dirname "$0")/../sriov/common.bash" || exit 1

VF0_MAC=02:00:00:00:00:10
EXTRA_MAC=02:00:00:00:00:77
GROUP=239.1.2.3

vfmbx_build
pf_up
sriov_enable 1
ip link set "$PF" vf 0 mac "$VF0_MAC"
ip link set "$PF" vf 0 trust on
vf_to_vfio 0

# The peer's frames to VF 0: a multicast group nobody joined, the extra
# address, VLAN 300 and (control) VF 0's own MAC, 3 each (10 multicast).
ip -n peer route add 224.0.0.0/4 dev "$PEER"
ip -n peer neigh add 10.5.0.77 lladdr "$EXTRA_MAC" dev "$PEER" nud permanent
ip -n peer neigh add 10.5.0.78 lladdr "$VF0_MAC" dev "$PEER" nud permanent
vlan_host peer "$PEER" 300 v300 10.5.3.9
ip -n v300 neigh add 10.5.3.78 lladdr "$VF0_MAC" dev v300v300 nud permanent
send_all() {
	send_mcast "$GROUP"
	ns_exec peer ping -c 3 -i 0.2 -W 1 10.5.0.77 >/dev/null 2>&1 || true
	ns_exec v300 ping -c 3 -i 0.2 -W 1 10.5.3.78 >/dev/null 2>&1 || true
	ns_exec peer ping -c 3 -i 0.2 -W 1 10.5.0.78 >/dev/null 2>&1 || true
}

# window N: wait for vfmbx's Nth Rx window, send, close it
OUT=/tmp/vfmbx.out
window() {
	wait_for "[ \$(grep -c '^rx: listening' $OUT) -ge $1 ]" 60 ||
		die "vfmbx did not open Rx window $1: $(cat $OUT)"
	send_all
	sleep 1
	touch "/tmp/rx$1.done"
	wait_for "[ \$(grep -c '^rx: [0-9]* frames' $OUT) -ge $1 ]" 10 ||
		die "vfmbx did not close Rx window $1"
}
# seen N: what window N received, one word per class
seen() {
	awk -v n="$1" -v mc="01:00:5e:01:02:03" -v x="$EXTRA_MAC" -v me="$VF0_MAC" '
		/^rx: listening/ { w++ }
		w == n && /^frame:/ {
			if ($2 == mc) m++
			else if ($2 == x) e++
			else if ($2 == me && $4 == 300) v++
			else if ($2 == me && $4 == 0) o++
		}
		END { printf "mc=%d extra=%d vlan300=%d own=%d\n", m, e, v, o }' "$OUT"
}

mw() {	# the two message words that carry MAC $1
	local b
	IFS=: read -ra b <<<"$1"
	echo "0x${b[3]}${b[2]}${b[1]}${b[0]} 0x${b[5]}${b[4]}"
}
rm -f "$OUT" /tmp/rx?.done /tmp/revoked /tmp/pvlan
# shellcheck disable=SC2046 # mw prints two words
/tmp/vfmbx "${VF_PCI[0]}" reset msg 0x8 5 msg 0xc 2 msg 0x10004 300 \
	msg 0x10006 $(mw "$EXTRA_MAC") rx /tmp/rx1.done \
	wait /tmp/revoked msg rx /tmp/rx2.done msg 0x10004 301 msg 0x10 \
	reset msg 0x8 5 msg 0x10004 300 rx /tmp/rx3.done \
	wait /tmp/pvlan rx /tmp/rx4.done >"$OUT" 2>&1 &
VFMBX=$!

window 1
mapfile -t r <<<"$(awk '/^reply:/ {print $2}' "$OUT")"
expect_eq "${r[*]:1:4}" "a0000008 a000000c a0010004 a0010006" \
	"API 1.4, ALLMULTI, VLAN 300, extra address (trusted VF 0)"
expect_eq "$(seen 1)" "mc=10 extra=3 vlan300=3 own=3" "VF 0 receives, trusted"

kmsg "trust off on VF 0"
ip link set "$PF" vf 0 trust off
touch /tmp/revoked
window 2
expect_eq "$(seen 2)" "mc=0 extra=0 vlan300=0 own=3" "VF 0 receives after trust off, no reset"
wait_for "[ \$(grep -c '^reply:' $OUT) -ge 8 ]" 10 || die "vfmbx: $(cat $OUT)"
mapfile -t r <<<"$(awk '/^reply:/ {print $2}' "$OUT")"
# REQ over the PF's ping without a message: the PF reads its own ping back
# and must not take it for a request (it used to: "message 0x100 refused")
expect_eq "${r[5]}" timeout "REQ without a message, over the PF's ping"
expect_eq "$(dmesg | grep -c 'VF 0: message 0x100' || true)" 0 "the PF's ping taken for a VF message"
expect_eq "${r[6]}" 40010004 "SET_VLAN 301 before the reset the PF asked for"
expect_eq "${r[7]}" 40000010 "GET_LINK_STATE before the reset the PF asked for"

window 3
mapfile -t r <<<"$(awk '/^reply:/ {print $2}' "$OUT")"
expect_eq "${r[*]:8:3}" "80000001 a0000008 a0010004" "VF_RESET, API 1.4, VLAN 300 again"
expect_eq "$(seen 3)" "mc=0 extra=0 vlan300=3 own=3" "VF 0 receives after its reset"

kmsg "port VLAN 100 on VF 0"
ip link set "$PF" vf 0 vlan 100
touch /tmp/pvlan
window 4
expect_eq "$(seen 4)" "mc=0 extra=0 vlan300=0 own=0" "VF 0 receives under port VLAN 100, no reset"
wait "$VFMBX" || die "vfmbx failed: $(cat $OUT)"

expect_eq "$(vf_json 0 .address)" "$VF0_MAC" "VF 0 admin MAC"
expect_eq "$(vf_json 0 '.vlan_list[0].vlan // 0')" 100 "VF 0 port VLAN"
expect_eq "$(vf_json 0 .trust)" false "VF 0 trust"
