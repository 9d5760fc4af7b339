#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-run: --timeout 600
# The admin configuration is the source of truth: set while the PF is down
# (MAC, port VLAN + qos, rate, trust, spoofchk, link state), it reads back
# exactly, it is in force once the PF is up, and it still is after an
# ixgbevf reload, a VF FLR (sysfs reset) and a PF down/up. "In force":
# the VF uses the MAC it was given, VF 0's untagged traffic reaches the
# peer's VLAN 100 only through the port VLAN, and VF 1's forged frames
# reach the wire because its spoofchk is off.
export IXPF_PF_DRIVER=ixpf
. "$(dirname "$0")/../sriov/common.bash" || exit 1

MAC0=02:00:00:00:0a:00
MAC1=02:00:00:00:0a:01
FORGED=02:de:ad:be:ef:02
V100_PEER=10.6.0.9
V100_VF0=10.6.0.10

# The VFs are in use (up, in their netns) when the PF goes down: a VF
# whose interface is down through a PF reset opens without resetting and
# gets its first requests NACKed (ixgbevf; the same with upstream ixgbe).
sriov_setup 2
ip -n peer link add link "$PEER" name pv100 type vlan id 100
ip -n peer addr add "$V100_PEER/24" dev pv100
ip -n peer link set pv100 up

kmsg "PF down: configuring the VFs"
ip link set "$PF" down
ip link set "$PF" vf 0 mac "$MAC0" vlan 100 qos 3 max_tx_rate 500 trust on state enable
ip link set "$PF" vf 1 mac "$MAC1" spoofchk off state auto

readback() {
	expect_eq "$(vf_json 0 .address)" "$MAC0" "$1: VF 0 MAC"
	expect_eq "$(vf_json 0 '.vlan_list[0].vlan')" 100 "$1: VF 0 VLAN"
	expect_eq "$(vf_json 0 '.vlan_list[0].qos')" 3 "$1: VF 0 qos"
	expect_eq "$(vf_json 0 .rate.max_tx)" 500 "$1: VF 0 max_tx_rate"
	expect_eq "$(vf_json 0 .trust)" true "$1: VF 0 trust"
	expect_eq "$(vf_json 0 .spoofchk)" true "$1: VF 0 spoofchk"
	expect_eq "$(vf_json 0 .link_state)" enable "$1: VF 0 link state"
	expect_eq "$(vf_json 1 .address)" "$MAC1" "$1: VF 1 MAC"
	expect_eq "$(vf_json 1 '.vlan_list[0].vlan // 0')" 0 "$1: VF 1 VLAN"
	expect_eq "$(vf_json 1 .spoofchk)" false "$1: VF 1 spoofchk"
	expect_eq "$(vf_json 1 .link_state)" auto "$1: VF 1 link state"
}
readback "while the PF is down"

# forged_seen: frames VF 1 sends with a source MAC not its own that the
# peer receives (AF_PACKET on VF 1, so the stack fills in nothing).
forged_seen() {
	capture_text peer "$PEER" "ether src $FORGED" ns_exec vf1 python3 - "${VF_IF[1]}" "$IXPF_PEER_MAC" "$FORGED" <<'PY' |
import socket, sys, time
ifc, dst, src = sys.argv[1:4]
mac = lambda m: bytes(int(x, 16) for x in m.split(":"))
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((ifc, 0))
for i in range(10):
    s.send(mac(dst) + mac(src) + b"\x88\xb5" + b"ixpf-admin-%03d" % i + bytes(40))
    time.sleep(0.02)
PY
		grep -c "ethertype Unknown (0x88b5)" || true
}

# in_force LABEL: the VFs (re)found, in their netns, use what was set.
in_force() {
	local k n
	for k in 0 1; do
		VF_PCI[k]=$(vf_pci_of "$k")
		wait_for "vf_netdev_of ${VF_PCI[k]} || ip -n vf$k link show >/dev/null 2>&1" 20 ||
			die "$1: VF $k has no netdev"
		if ! ip netns exec "vf$k" true 2>/dev/null ||
			[ -z "$(ip -n "vf$k" -o link show | grep -v ': lo:')" ]; then
			VF_IF[k]=$(vf_netdev_of "${VF_PCI[k]}")
			vf_to_ns "$k"
		else
			VF_IF[k]=$(ip -n "vf$k" -o link show | awk -F': ' '!/: lo:/ {print $2; exit}')
			wait_carrier "${VF_IF[k]}" 30 "vf$k" || die "$1: VF $k has no carrier"
		fi
		wait_for "[ \"\$(if_mac ${VF_IF[k]} vf$k)\" = \"\$(vf_json $k .address)\" ]" 20 ||
			die "$1: VF $k uses $(if_mac "${VF_IF[k]}" "vf$k"), not its admin MAC"
	done
	readback "$1"
	ip -n vf0 addr replace "$V100_VF0/24" dev "${VF_IF[0]}"
	wait_for "ns_exec vf0 ping -c 1 -W 1 $V100_PEER" 30 ||
		die "$1: VF 0's untagged traffic does not reach the peer's VLAN 100"
	ping_ok vf1 "$PEER_IP4" || die "$1: VF 1 cannot reach the peer"
	n=$(forged_seen)
	expect_eq "$n" 10 "$1: VF 1's forged frames on the wire (spoofchk off)"
	log "$1: admin configuration in force"
}

kmsg "PF up"
ip link set "$PF" up
wait_carrier "$PF" 20 || die "no carrier on $PF"
in_force "PF up after configuring while down"

kmsg "ixgbevf reload"
ip netns del vf0
ip netns del vf1
rmmod ixgbevf
modprobe ixgbevf
in_force "after an ixgbevf reload"

# As vfio-pci does around a guest: the VF is reset (FLR) with no driver
# on it (ixgbevf has no reset_prepare/reset_done), then driven afresh.
kmsg "VF FLR"
ip netns del vf0
ip netns del vf1
for k in 0 1; do
	echo "${VF_PCI[k]}" >"/sys/bus/pci/devices/${VF_PCI[k]}/driver/unbind"
	echo 1 >"/sys/bus/pci/devices/${VF_PCI[k]}/reset"
	echo "${VF_PCI[k]}" >/sys/bus/pci/drivers_probe
done
in_force "after a FLR of both VFs"

kmsg "PF down/up"
ip link set "$PF" down
ip link set "$PF" up
wait_carrier "$PF" 20 || die "no carrier on $PF after down/up"
in_force "after PF down/up"

bad=$(driver_errors "${VF_PCI[@]}")
[ -z "$bad" ] || die "errors/warnings from the drivers: $bad"
