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
# SET_MACVLAN may take the PF's address or VF 1's MAC or MACVLAN.
export IXPF_PF_DRIVER=ixpf
. "$(dirname "$0")/../sriov/common.bash" || exit 1

gcc -O2 -Wall -I "$IXPF_TOP/include" -o /tmp/vfmbx "$IXPF_TOP/tests/tools/vfmbx.c" ||
	die "cannot build vfmbx"

pf_up
ip link set "$PF" vf 0 mac 02:00:00:00:00:10 2>/dev/null || true	# before VFs: refused
sriov_enable 2
ip link set "$PF" vf 0 mac 02:00:00:00:00:10
ip link set "$PF" vf 0 vlan 0
vf_to_ns 1

# VF 0 to vfio-pci (ixgbevf let go of it first)
load_module vfio-pci
echo "${VF_PCI[0]}" >"/sys/bus/pci/devices/${VF_PCI[0]}/driver/unbind"
echo vfio-pci >"/sys/bus/pci/devices/${VF_PCI[0]}/driver_override"
echo "${VF_PCI[0]}" >/sys/bus/pci/drivers_probe
expect_eq "$(vf_driver "${VF_PCI[0]}")" vfio-pci "driver of VF 0"

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
