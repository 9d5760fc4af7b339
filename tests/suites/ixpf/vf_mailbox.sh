#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-run: --timeout 400
# The PF side of the mailbox against a VF that ixgbevf would never be: VF 0
# on vfio-pci driven by tests/tools/vfmbx. Before VF_RESET everything but
# VF_RESET is NACKed; after it, an unknown message ID, a short SET_MAC_ADDR,
# a 31-hash SET_MULTICAST and unsupported API versions are NACKed, the
# admin MAC and VLAN of the VF do not move, and VF 1 (ixgbevf) keeps
# talking to the peer throughout. SET_MACVLAN is bounded per VF and needs
# trust when the admin set the VF's MAC; a list restarted at index 1
# replaces the VF's entries. Neither SET_MAC_ADDR nor
# SET_MACVLAN may take the PF's address or VF 1's MAC or MACVLAN. After an
# FLR and after a VF reset nothing VF 0 left is there for the function's
# next owner: Tx head write-back addresses, drop enable off, mailbox words.
export IXPF_PF_DRIVER=ixpf
. "$(dirname "$0")/../sriov/common.bash" || exit 1

vfmbx_build

pf_up
ip link set "$PF" vf 0 mac 02:00:00:00:00:10 2>/dev/null || true	# before VFs: refused
sriov_enable 2
ip link set "$PF" vf 0 mac 02:00:00:00:00:10
ip link set "$PF" vf 0 vlan 0
vf_to_ns 1

vf_to_vfio 0

# w0 CMD...: word 0 of the reply to each message (one vfmbx session)
replies() { /tmp/vfmbx "${VF_PCI[0]}" "$@" | awk '/^reply:/ {print $2}'; }

mapfile -t r <<<"$(replies msg 0x3 msg 0x8 5 msg 0x2 0x00000002 0x1100)"
expect_eq "${r[0]}" 40000003 "SET_MULTICAST before VF_RESET"
expect_eq "${r[1]}" 40000008 "API_NEGOTIATE before VF_RESET"
expect_eq "${r[2]}" 40000002 "SET_MAC_ADDR before VF_RESET"

mapfile -t r <<<"$(replies reset msg 0x7f msg 0x2 msg 0x001f0003 1 2 3 4 5 6 7 8 \
	9 10 11 12 13 14 15 msg 0x8 6 msg 0x8 1 msg 0x8 5 msg 0x9)"
expect_eq "${r[0]}" 80000001 "VF_RESET (admin MAC set: ACK, no CTS)"
expect_eq "${r[1]}" 6000007f "unknown message 0x7f: NACK with CTS"
expect_eq "${r[2]}" 60000002 "SET_MAC_ADDR without an address"
expect_eq "${r[3]}" 601f0003 "SET_MULTICAST with 31 hashes"
expect_eq "${r[4]}" 60000008 "API 1.5"
expect_eq "${r[5]}" 60000008 "API 2.0"
expect_eq "${r[6]}" a0000008 "API 1.4"
expect_eq "${r[7]}" a0000009 "GET_QUEUES on API 1.4"

expect_eq "$(vf_json 0 .address)" 02:00:00:00:00:10 "VF 0 admin MAC after the attempts"
expect_eq "$(vf_json 0 '.vlan_list[0].vlan // 0')" 0 "VF 0 VLAN after the attempts"
# the VF's reset reply carried its admin MAC
mac=$(/tmp/vfmbx "${VF_PCI[0]}" reset | awk '/^reply:/ {print $3 $4}')
expect_eq "$mac" 0000000200001000 "MAC words of the VF_RESET reply"

# SET_MACVLAN (INFO n: add extra unicast address n, INFO 0: drop them all):
# refused while VF 0's MAC is the admin's and it is not trusted; trusted,
# it gets at most 4 of the shared address filters.
macvlan() { echo msg "$(printf '0x%08x' $(($1 << 16 | 6)))" 0x00000002 "$(printf '0x%02xaa' "$1")"; }
mapfile -t r <<<"$(replies reset $(macvlan 1))"
expect_eq "${r[1]}" 60010006 "SET_MACVLAN from an untrusted VF with an admin MAC"
ip link set "$PF" vf 0 trust on
mapfile -t r <<<"$(replies reset $(macvlan 1) $(macvlan 2) $(macvlan 3) $(macvlan 4) $(macvlan 5) msg 0x6 $(macvlan 1))"
expect_eq "${r[*]:1:4}" "a0010006 a0020006 a0030006 a0040006" "four SET_MACVLAN adds, trusted"
expect_eq "${r[5]}" 60050006 "a fifth SET_MACVLAN"
expect_eq "${r[6]}" a0000006 "SET_MACVLAN clear"
expect_eq "${r[7]}" a0010006 "SET_MACVLAN add after the clear"
# A list that starts again at 1 replaces the VF's entries (ixgbevf resends
# its list from 1 on every Rx mode change; upstream ixgbe clears for 1):
# the same one address ten times never fills the VF's four.
mapfile -t r <<<"$(replies reset $(macvlan 1) $(macvlan 2) $(macvlan 3) $(macvlan 4) \
	$(for _ in $(seq 10); do macvlan 1; done) $(macvlan 2))"
expect_eq "${r[*]:1:15}" "a0010006 a0020006 a0030006 a0040006$(printf ' a0010006%.0s' $(seq 10)) a0020006" \
	"SET_MACVLAN lists restarted at 1"
expect_eq "$(vf_json 0 .address)" 02:00:00:00:00:10 "VF 0 admin MAC after SET_MACVLAN"

ns_exec vf1 ping -c 5 -i 0.2 -W 2 "$PEER_IP4" >/dev/null ||
	die "VF 1 lost its traffic while VF 0 was misbehaving"

# A VF may not take an address another function owns: the PF's, another
# VF's MAC or MACVLAN (it would steal that unicast, through the internal
# switch too; before the check VF 0 got VF 1's MAC and the peer's pings to
# VF 1 were 100 % lost). VF 0, trusted and so free to pick its MAC, asks
# for each with SET_MAC_ADDR and SET_MACVLAN; addresses nobody holds are
# still granted.
VF1_MAC=$(if_mac "${VF_IF[1]}" vf1)
VF1_MACVLAN=02:00:00:00:01:99
PF_MAC=$(if_mac "$PF")
kmsg "VF 1 adds a MACVLAN"
# (a static address on VF 1's unicast list, as a macvlan on top would add;
# ixgbevf sends it with SET_MACVLAN)
ns_exec vf1 bridge fdb add "$VF1_MACVLAN" dev "${VF_IF[1]}" self permanent
sleep 1
refused=$(dmesg_since "VF 1 adds a MACVLAN" | grep "VF 1: " || true)
[ -z "$refused" ] || die "VF 1's requests refused (its MACVLAN must be granted): $refused"
# mac_words MAC: the two message words that carry MAC (bytes 0-3, 4-5)
mac_words() {
	local b
	IFS=: read -ra b <<<"$1"
	echo "0x${b[3]}${b[2]}${b[1]}${b[0]} 0x${b[5]}${b[4]}"
}
set_mac() { echo "msg 0x2 $(mac_words "$1")"; }
add_macvlan() { echo "msg $(printf '0x%08x' $(($1 << 16 | 6))) $(mac_words "$2")"; }
sleep 6	# a fresh window of VF 0's log rate limit: every refusal is logged
kmsg "VF 0 claims other functions' addresses"
# shellcheck disable=SC2046 # the helpers print words to split
mapfile -t r <<<"$(replies reset \
	$(set_mac 02:00:00:00:00:20) \
	$(set_mac "$VF1_MAC") $(set_mac "$PF_MAC") $(set_mac "$VF1_MACVLAN") \
	$(add_macvlan 1 02:00:00:00:00:21) \
	$(add_macvlan 2 "$VF1_MAC") $(add_macvlan 2 "$PF_MAC") $(add_macvlan 2 "$VF1_MACVLAN") \
	$(set_mac 02:00:00:00:00:20))"
expect_eq "${r[1]}" a0000002 "SET_MAC_ADDR of an address nobody holds"
expect_eq "${r[2]}" 60000002 "SET_MAC_ADDR of VF 1's MAC"
expect_eq "${r[3]}" 60000002 "SET_MAC_ADDR of the PF's MAC"
expect_eq "${r[4]}" 60000002 "SET_MAC_ADDR of VF 1's MACVLAN address"
expect_eq "${r[5]}" a0010006 "SET_MACVLAN of an address nobody holds"
expect_eq "${r[6]}" 60020006 "SET_MACVLAN of VF 1's MAC"
expect_eq "${r[7]}" 60020006 "SET_MACVLAN of the PF's MAC"
expect_eq "${r[8]}" 60020006 "SET_MACVLAN of VF 1's MACVLAN address"
expect_eq "${r[9]}" a0000002 "SET_MAC_ADDR of VF 0's own address again"
expect_eq "$(dmesg_since "VF 0 claims other functions' addresses" |
	grep -c "VF 0: SET_MAC.* refused: .* has it" || true)" 6 "refusals logged"
ns_exec peer ping -c 10 -i 0.2 -W 2 -w 20 "$(vf_ip 1)" >/tmp/ping.out ||
	die "the peer lost VF 1 after VF 0's claims: $(tail -2 /tmp/ping.out)"
expect_match "$(cat /tmp/ping.out)" " 10 received" "peer -> VF 1 pings"

# The 64 VLAN filters (VLVF) are shared: a VF may join 8 VLANs, and VF
# requests leave 16 entries to the admin. VF 0 asks for 64 VLANs and keeps
# what it got (its vfmbx session waits) while the admin gives VF 1 port
# VLAN 100, which must work; once the PF's own VLANs took every entry, a
# port VLAN is refused with ENOSPC and the old one stays. (Before the
# quota VF 0 got 63 of the 64 and VF 1's port VLAN 100 was accepted but
# never reached the wire; a port VLAN without a filter returned 0.)
# The admin is the source of truth: VF 0 took 02:00:00:00:00:20 for itself
# (SET_MAC_ADDR, trusted) and the admin then gives that MAC to VF 1: VF 0
# loses it, VF 1 gets the peer's pings (before, VF 0's address filter came
# first and VF 1 lost them all).
sleep 6	# a fresh window of VF 0's log rate limit
kmsg "VF 0 asks for 64 VLANs"
# shellcheck disable=SC2046 # one msg per VID
/tmp/vfmbx "${VF_PCI[0]}" reset $(set_mac 02:00:00:00:00:20) \
	$(for v in $(seq 1000 1063); do echo msg 0x10004 "$v"; done) \
	wait /tmp/vlans.done >/tmp/vlans.out 2>&1 &
VFMBX=$!
wait_for "[ \$(grep -c '^reply:' /tmp/vlans.out) -ge 66 ]" 60 || die "vfmbx: $(tail -3 /tmp/vlans.out)"
expect_eq "$(awk '/^reply:/ {print $2}' /tmp/vlans.out | sed -n 2p)" a0000002 "SET_MAC_ADDR 02:00:00:00:00:20"
expect_eq "$(awk '/^reply:/ && $2 == "a0010004"' /tmp/vlans.out | wc -l)" 8 "SET_VLAN adds granted of 64"
expect_eq "$(awk '/^reply:/ && $2 == "60010004"' /tmp/vlans.out | wc -l)" 56 "SET_VLAN adds refused of 64"
expect_ge "$(dmesg_since "VF 0 asks for 64 VLANs" | grep -c "VF 0: SET_VLAN 1008: already in 8 VLANs" || true)" 1 \
	"quota refusal logged"

vlan_host peer "$PEER" 100 v100 10.5.0.99
ip link set "$PF" vf 1 vlan 100
wait_for "ping_ok vf1 10.5.0.99 1" 30 || die "VF 1 cannot reach the peer on its port VLAN 100"
# the PF joins VLAN 100 too: VF 1 leaving it would free no entry
for v in 100 $(seq 2 61); do ip link add link "$PF" name "pv$v" type vlan id "$v"; done
err=$(ip link set "$PF" vf 1 vlan 3000 2>&1) && die "port VLAN 3000 with every VLAN filter in use was accepted"
expect_match "$err" "No space left on device" "port VLAN with every VLAN filter in use"
expect_eq "$(vf_json 1 '.vlan_list[0].vlan // 0')" 100 "VF 1 port VLAN after the refusal"
ping_ok vf1 10.5.0.99 3 || die "VF 1 lost its port VLAN 100 after the refusal"

kmsg "the admin gives VF 0's MAC to VF 1"
ip link set "$PF" vf 1 mac 02:00:00:00:00:20
wait_for "[ \"\$(if_mac ${VF_IF[1]} vf1)\" = 02:00:00:00:00:20 ]" 30 ||
	die "VF 1 did not take the admin MAC: $(if_mac "${VF_IF[1]}" vf1)"
ip -n v100 neigh flush all
ns_exec v100 ping -c 10 -i 0.2 -W 2 -w 30 "$(vf_ip 1)" >/tmp/ping.out ||
	die "the peer lost VF 1 once the admin gave it VF 0's MAC: $(tail -2 /tmp/ping.out)"
expect_match "$(cat /tmp/ping.out)" " 10 received" "peer -> VF 1 pings on the admin MAC"
expect_ge "$(dmesg_since "the admin gives VF 0's MAC to VF 1" |
	grep -c "VF 0: MAC 02:00:00:00:00:20 taken back: the admin gave it to VF 1" || true)" 1 "take-back logged"
touch /tmp/vlans.done
wait "$VFMBX"

# A reset leaves nothing of the VF's behind for the function's next owner:
# the Tx head write-back addresses (which no reset of the 82599 clears) are
# zeroed, drop enable is set on the VF's Rx queues (an empty ring must not
# hold the shared packet buffer for everyone) and the mailbox memory is
# scrubbed. Upstream ixgbe does this on the VF_RESET message; ixpf on every
# VF reset, FLR included, before the next owner could look.
kmsg "VF 0 leaves state behind, then FLR and VF reset"
# VF BAR0 offsets of queue q's registers (+ 0x40 * q) and the mailbox
TDWBAL=0x2038 TDWBAH=0x203c SRRCTL=0x1014 VFMBMEM=0x200
# leave: VF reset, then TDWBAL/H set and SRRCTL without DROP_EN on queues
# 0-3 and 16 mailbox words written (no REQ); regs: read them all back
leave=(reset) regs=()
for q in 0 1 2 3; do
	leave+=(wr $((TDWBAL + 0x40 * q)) $((0xdead0001 + 0x100 * q))
		wr $((TDWBAH + 0x40 * q)) 1 wr $((SRRCTL + 0x40 * q)) 2)
	regs+=(rd $((TDWBAL + 0x40 * q)) rd $((TDWBAH + 0x40 * q)) rd $((SRRCTL + 0x40 * q)))
done
for w in $(seq 0 15); do
	leave+=(wr $((VFMBMEM + 4 * w)) $((0x5ec00000 + w)))
	regs+=(rd $((VFMBMEM + 4 * w)))
done
# One vfmbx session (vfio-pci resets the function when it is opened and
# closed): what VF 0 left, then after an FLR; left again, then after a VF
# reset (VFCTRL.RST, which the PF sees as a VFLR, and VF_RESET); left
# again, then after a VF_RESET message alone. 28 values each.
mapfile -t v <<<"$(/tmp/vfmbx "${VF_PCI[0]}" "${leave[@]}" "${regs[@]}" flr "${regs[@]}" \
	"${leave[@]}" reset "${regs[@]}" "${leave[@]}" msg 0x1 "${regs[@]}" |
	awk '/^0x/ {print $2}')"
expect_eq "${#v[@]}" 112 "registers read by vfmbx"
expect_eq "${v[*]:0:3} ${v[27]}" "dead0001 00000001 00000002 5ec0000f" \
	"what VF 0 left (the test's own check)"
for how in flr reset VF_RESET; do
	case "$how" in flr) o=28 ;; reset) o=56 ;; *) o=84 ;; esac
	for q in 0 1 2 3; do
		expect_eq "${v[o + 3 * q]}:${v[o + 3 * q + 1]}" 00000000:00000000 \
			"VF 0 queue $q TDWBAL:TDWBAH after $how"
		expect_eq "$(((0x${v[o + 3 * q + 2]} >> 28) & 1))" 1 \
			"VF 0 queue $q SRRCTL.DROP_EN after $how (SRRCTL ${v[o + 3 * q + 2]})"
	done
done
# (after a VF reset the mailbox holds the PF's reply)
expect_eq "$(printf '%s\n' "${v[@]:40:16}" | sort -u)" 00000000 "VF 0 mailbox memory after its FLR"
log "VF 0's TDWBAL/H, SRRCTL.DROP_EN and mailbox memory are clean after FLR and reset"
