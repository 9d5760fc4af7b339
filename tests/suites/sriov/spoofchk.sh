#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# Anti-spoofing: with spoofchk on (the default) frames VF0 sends with a
# forged source MAC, or tagged with a VLAN VF0 was not given, never reach
# the peer, and the PF's watchdog reports them ("N Spoofed packets
# detected", from the NIC's SSVPC counter); frames with VF0's own MAC, and
# tagged with a VLAN VF0 did register, pass. With `spoofchk off` the
# forged frames arrive; `spoofchk on` drops them again.
. "$(dirname "$0")/common.bash"

N=20
FORGED=02:de:ad:be:ef:01
sriov_setup 2
VF0_MAC=$(if_mac "${VF_IF[0]}" vf0)
ping_ok vf0 "$PEER_IP4" || die "VF0 cannot ping the peer"

# The peer registers VLANs 200 and 300 (so its virtio filter passes them);
# VF0 registers 300 only, through a VLAN interface of its own.
for v in 200 300; do
	ip -n peer link add link "$PEER" name "pv$v" type vlan id "$v"
	ip -n peer link set "pv$v" up
done
ip -n vf0 link add link "${VF_IF[0]}" name vf0v300 type vlan id 300
ip -n vf0 link set vf0v300 up

# send_raw SRC [VID]: N frames (ethertype 0x88b5, local experimental) from
# VF0 to the peer's MAC with source SRC, tagged VID if given, through an
# AF_PACKET socket on VF0 itself, so the stack fills in nothing.
send_raw() {
	ns_exec vf0 python3 - "${VF_IF[0]}" "$IXPF_PEER_MAC" "$1" "$N" "${2:-0}" <<'PY'
import socket, struct, sys, time
ifc, dst, src, n, vid = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
mac = lambda m: bytes(int(x, 16) for x in m.split(":"))
tag = struct.pack("!HH", 0x8100, vid) if vid else b""
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((ifc, 0))
for i in range(n):
    s.send(mac(dst) + mac(src) + tag + b"\x88\xb5" + b"ixpf-spoof-%03d" % i + bytes(40))
    time.sleep(0.02)
PY
}
# seen SRC [VID]: frames from SRC (tagged VID, if given) the peer receives
# while VF0 sends N of them.
seen() {
	local out
	out=$(capture_text peer "$PEER" "ether src $1" send_raw "$@")
	if [ -n "${2:-}" ]; then
		grep -c "vlan $2, p 0, ethertype Unknown (0x88b5)" <<<"$out" || true
	else
		grep -c "^[0-9].* ethertype Unknown (0x88b5)" <<<"$out" || true
	fi
}

# spoofed_total MARKER: sum of the PF's "N Spoofed packets detected" since
# the kmsg MARKER.
spoofed_total() {
	dmesg_since "$1" | sed -n 's/.*: \([0-9]\+\) Spoofed packets detected.*/\1/p' |
		awk '{ s += $1 } END { print s + 0 }'
}

expect_eq "$(vf_json 0 .spoofchk)" true "spoofchk of vf 0 by default"
expect_eq "$(seen "$VF0_MAC")" "$N" "frames with VF0's own source MAC at the peer"
expect_eq "$(seen "$VF0_MAC" 300)" "$N" "frames tagged with VF0's VLAN 300 at the peer"

kmsg "forged MAC, spoofchk on"
expect_eq "$(seen "$FORGED")" 0 "forged frames at the peer with spoofchk on"
# The watchdog runs every 2 s and logs what SSVPC counted since its last read.
wait_for "[ \$(spoofed_total 'forged MAC, spoofchk on') -ge $N ]" 10 ||
	die "PF reported $(spoofed_total 'forged MAC, spoofchk on') of $N spoofed packets within 10 s"
sleep 3
expect_eq "$(spoofed_total 'forged MAC, spoofchk on')" "$N" "spoofed packets the PF reported"
log "PF: $(dmesg_since 'forged MAC, spoofchk on' | grep 'Spoofed packets' | tr '\n' ' ')"

kmsg "forged VLAN, spoofchk on"
expect_eq "$(seen "$VF0_MAC" 200)" 0 "frames tagged with a VLAN VF0 does not have, at the peer"
wait_for "[ \$(spoofed_total 'forged VLAN, spoofchk on') -ge $N ]" 10 ||
	die "PF reported $(spoofed_total 'forged VLAN, spoofchk on') of $N VLAN-spoofed packets within 10 s"
sleep 3
expect_eq "$(spoofed_total 'forged VLAN, spoofchk on')" "$N" "VLAN-spoofed packets the PF reported"

ip link set "$PF" vf 0 spoofchk off
expect_eq "$(vf_json 0 .spoofchk)" false "spoofchk of vf 0 after spoofchk off"
expect_match "$(ip link show "$PF")" "vf 0 .*spoof checking off" "vf 0 line of ip link show $PF"
kmsg "spoofchk off"
expect_eq "$(seen "$FORGED")" "$N" "forged frames at the peer with spoofchk off"
expect_eq "$(seen "$VF0_MAC" 200)" "$N" "frames tagged with a foreign VLAN at the peer with spoofchk off"
sleep 3
expect_eq "$(spoofed_total 'spoofchk off')" 0 "spoofed packets reported with spoofchk off"
ping_ok vf0 "$PEER_IP4" || die "VF0 cannot ping the peer with spoofchk off"

ip link set "$PF" vf 0 spoofchk on
expect_eq "$(vf_json 0 .spoofchk)" true "spoofchk of vf 0 after spoofchk on"
kmsg "spoofchk on again"
expect_eq "$(seen "$FORGED")" 0 "forged frames at the peer with spoofchk on again"
expect_eq "$(seen "$VF0_MAC" 200)" 0 "frames tagged with a foreign VLAN at the peer with spoofchk on again"
wait_for "[ \$(spoofed_total 'spoofchk on again') -ge $((2 * N)) ]" 10 ||
	die "PF reported $(spoofed_total 'spoofchk on again') of $((2 * N)) spoofed packets within 10 s"
expect_eq "$(seen "$VF0_MAC")" "$N" "frames with VF0's own source MAC with spoofchk on again"
ping_ok vf0 "$PEER_IP4" || die "VF0 cannot ping the peer with spoofchk on again"

# Warnings other than the spoof reports are failures.
bad=$(driver_errors "${VF_PCI[@]}" | grep -v "Spoofed packets detected" || true)
[ -z "$bad" ] || die "errors/warnings from the drivers: $bad"
