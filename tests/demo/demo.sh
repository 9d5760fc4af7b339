#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`, guest side (scripts/demo boots it with vm-run): SR-IOV with
# ixpf on the ix82599 model, step by step. Each step says in plain words
# what it does and why before doing it, then shows its commands ("$ ...")
# with their output. A demo, not a test: it checks just enough to stop,
# loudly and with a non-zero status, at the first step that does not do
# what it says.
#
# The plumbing (loading modules, netns, waiting) is the sriov suite's
# (tests/suites/sriov/common.bash), so the bed is the one the tests use:
# the PF in the root netns, each VF and the virtio-net peer in a netns of
# its own, so that traffic between them really goes through the model.

# common.bash loads the PF driver IXPF_PF_DRIVER names; the demo is ixpf's.
export IXPF_PF_DRIVER=${IXPF_PF_DRIVER:-ixpf}
. "$(dirname "$0")/../suites/sriov/common.bash"
[ "$PF_DRIVER" = ixpf ] || die "this demo shows ixpf, not IXPF_PF_DRIVER=$PF_DRIVER"

NUM_VFS=4
VF_MAC=(02:00:00:00:00:a0 02:00:00:00:00:a1)	# admin MACs of VF 0 and VF 1
VLAN=100		# port VLAN of VF 2
VLAN_VF_IP4=10.100.0.12
VLAN_PEER_IP4=10.100.0.9
RATE=100		# Mb/s, max_tx_rate of VF 1
VFIO_VF=3		# the VF handed to vfio-pci

STEP=0
# step TEXT: a numbered heading, wrapped for an 80-column terminal.
step() {
	STEP=$((STEP + 1))
	printf '\n== step %d: %s\n' "$STEP" "$*" | fold -s -w 78 | sed -e 's/ *$//' -e '3,$s/^/   /'
}

# say TEXT: what the next commands do, inside a step.
say() {
	printf -- '-- %s\n' "$*" | fold -s -w 78 | sed -e 's/ *$//' -e '2,$s/^/   /'
}

# run 'CMD': show CMD, run it (eval, so redirections show as typed) and stop
# the demo if it fails. Only simple commands and pipelines: a failure in
# the middle of a `a; b` list would go unseen.
run() {
	local rc=0
	printf '$ %s\n' "$*"
	eval "$*" || rc=$?
	[ "$rc" = 0 ] || die "step $STEP: '$*' exited with status $rc"
}

# ping_shown NS DEST: wait until DEST answers (a VF comes back from a reset
# on its own time), then show a 3-ping exchange; all 3 must be answered.
ping_shown() {
	local ns=$1 dest=$2 out
	wait_for "ping_ok $ns $dest 1" 30 || die "step $STEP: no answer from $dest in netns $ns within 30 s"
	printf '$ ip netns exec %s ping -c 3 -i 0.2 -W 2 %s\n' "$ns" "$dest"
	out=$(ip netns exec "$ns" ping -c 3 -i 0.2 -W 2 "$dest" 2>&1) || true
	printf '%s\n' "$out"
	[[ $out == *" 3 received"* ]] || die "step $STEP: ping $dest from netns $ns lost replies"
}

echo "ixpf SR-IOV demo: guest kernel $(uname -r), one ix82599 model (82599 PF 8086:10f7)"

# ---------------------------------------------------------------------------
step "load ixpf, the PF driver built for this kernel (insmod ixpf.ko), give the PF 10.5.0.1/24 and bring it up (ip addr add, ip link set up). The virtio-net peer on the other end of the wire goes into netns 'peer' with 10.5.0.9/24."
pf_up
run "ethtool -i $PF | grep -E '^(driver|bus-info)'"
run "ip -br addr show $PF"
run "ip -n peer -br addr show $PEER"

# ---------------------------------------------------------------------------
step "create $NUM_VFS VFs (echo $NUM_VFS > /sys/class/net/$PF/device/sriov_numvfs). ixpf switches the 82599 to 32 pools of 4 queues: VF n gets pool n, the PF moves to pool $NUM_VFS. The PCI core adds $NUM_VFS VF functions (8086:10ed); ixgbevf, the upstream VF driver, binds them."
say "this guest has no udev, so the VF driver is loaded by hand first"
run "modprobe ixgbevf"
run "cat /sys/class/net/$PF/device/sriov_totalvfs"
run "echo $NUM_VFS > /sys/class/net/$PF/device/sriov_numvfs"
wait_for "[ \$(count_10ed) -eq $NUM_VFS ]" 60 ||
	die "step $STEP: $(count_10ed) of $NUM_VFS VF functions (8086:10ed) appeared"
for ((k = 0; k < NUM_VFS; k++)); do
	VF_PCI[k]=$(vf_pci_of "$k") || die "step $STEP: no virtfn$k under $PF_PCI"
	wait_for "vf_netdev_of ${VF_PCI[k]}" 60 ||
		die "step $STEP: VF $k (${VF_PCI[k]}) has no netdev (driver: '$(vf_driver "${VF_PCI[k]}")')"
	VF_IF[k]=$(vf_netdev_of "${VF_PCI[k]}")
done
wait_carrier "$PF" 20 || die "step $STEP: the PF lost its carrier after enabling VFs"
run "dmesg | grep -E 'ixpf .*VFs enabled'"
run "lspci -nn -d 8086:10ed"
for ((k = 0; k < NUM_VFS; k++)); do
	run "readlink /sys/class/net/$PF/device/virtfn$k /sys/bus/pci/devices/${VF_PCI[k]}/driver"
	expect_eq "$(vf_driver "${VF_PCI[k]}")" ixgbevf "driver of VF $k (${VF_PCI[k]})"
done
say "VFs 0-2 each go into a netns of their own (vf0, vf1, vf2), up and addressed, as if in three guests; VF 2's address is on the VLAN $VLAN subnet it is about to join. VF 3 is kept for step 6."
for k in 0 1; do
	vf_to_ns "$k"
done
netns_move "${VF_IF[2]}" vf2 "$VLAN_VF_IP4/24"
wait_carrier "${VF_IF[2]}" 20 vf2 || die "step $STEP: VF 2 (${VF_IF[2]}) has no carrier in netns vf2"
for k in 0 1 2; do
	run "ip -n vf$k -br addr show ${VF_IF[k]}"
done

# ---------------------------------------------------------------------------
step "configure the VFs from the PF (ip link set $PF vf N ...). ixpf keeps what is set there per VF, as the VF's admin configuration."
say "VF 0 and VF 1 get fixed MAC addresses. ixpf puts each in the receive filter of the VF's pool and makes the VF reset (it withdraws clear-to-send and pings it over the mailbox); ixgbevf resets, asks the PF for its address again and gets the new one, no reload needed."
run "ip link set $PF vf 0 mac ${VF_MAC[0]}"
run "ip link set $PF vf 1 mac ${VF_MAC[1]}"
for k in 0 1; do
	wait_for "[ \"\$(if_mac ${VF_IF[k]} vf$k)\" = ${VF_MAC[k]} ]" 30 ||
		die "step $STEP: VF $k's netdev kept $(if_mac "${VF_IF[k]}" "vf$k") instead of the admin MAC ${VF_MAC[k]}"
	run "ip -n vf$k -br link show ${VF_IF[k]}"
done
say "VF 2 goes on port VLAN $VLAN: the NIC inserts tag $VLAN on what VF 2 sends and lets VLAN $VLAN frames in to VF 2's pool; VF 2 itself stays an untagged interface and resets to learn it has a port VLAN. The peer gets a VLAN $VLAN interface, $PEER.$VLAN with $VLAN_PEER_IP4/24, to talk to it."
run "ip link set $PF vf 2 vlan $VLAN"
run "ip -n peer link add link $PEER name $PEER.$VLAN type vlan id $VLAN"
run "ip -n peer addr add $VLAN_PEER_IP4/24 dev $PEER.$VLAN"
run "ip -n peer link set $PEER.$VLAN up"
say "VF 1's transmit rate is capped at $RATE Mb/s: ixpf sets the 82599's rate limiter (RTTBCNRC) of each of VF 1's Tx queues to $RATE Mb/s, as upstream ixgbe does. 11 Mb/s up to the link speed is accepted, 0 lifts the cap; min_tx_rate is refused (the 82599 limits, it does not guarantee)."
run "ip link set $PF vf 1 max_tx_rate $RATE"

# ---------------------------------------------------------------------------
step "what the PF reports for its VFs (ip link show $PF): one 'vf N' line each, with the MAC, VLAN and rate just set."
run "ip link show $PF"
for k in 0 1; do
	expect_eq "$(vf_json "$k" .address)" "${VF_MAC[k]}" "ip link show $PF: vf $k MAC"
done
expect_eq "$(vf_json 2 '.vlan_list[0].vlan')" "$VLAN" "ip link show $PF: vf 2 vlan"
expect_match "$(ip link show "$PF")" "vf 1 .*max_tx_rate ${RATE}Mbps" "vf 1 line of ip link show $PF"

# ---------------------------------------------------------------------------
step "traffic. VF to VF stays inside the NIC (the 82599's internal switch loops it back), VF to peer goes out on the wire."
say "VF 0 -> VF 1, netns vf0 to netns vf1: switched inside the 82599"
ping_shown vf0 "$(vf_ip 1)"
say "VF 1 -> the peer, over the wire (VF 1 is the rate-limited one); the peer learned VF 1's admin MAC"
ping_shown vf1 "$PEER_IP4"
run "ip -n peer neigh show $(vf_ip 1)"
expect_match "$(ip -n peer neigh show "$(vf_ip 1)")" "lladdr ${VF_MAC[1]} " "the peer's neighbour entry for VF 1"
say "VF 2 -> the peer's VLAN $VLAN interface: VF 2 sends untagged, the NIC tags"
ping_shown vf2 "$VLAN_PEER_IP4"
say "the same requests as tcpdump on the peer's untagged parent $PEER sees them: tagged $VLAN by the NIC"
printf '$ ip netns exec peer tcpdump -e -n -i %s icmp   (during: ip netns exec vf2 ping -c 3 %s)\n' \
	"$PEER" "$VLAN_PEER_IP4"
cap=$(capture_text peer "$PEER" icmp ip netns exec vf2 ping -c 3 -i 0.2 -W 2 "$VLAN_PEER_IP4")
printf '%s\n' "$cap"
n=$(grep "echo request" <<<"$cap" | grep -c "vlan $VLAN," || true)
[ "$n" -eq 3 ] ||
	die "step $STEP: the peer did not see VF 2's 3 echo requests tagged $VLAN"

# ---------------------------------------------------------------------------
A=${VF_PCI[VFIO_VF]}
step "hand VF $VFIO_VF ($A) to userspace, as for a KVM guest or DPDK: unbind it from ixgbevf and bind it to vfio-pci (driver_override, then drivers_probe). It has an IOMMU group of its own (this guest has an emulated Intel IOMMU)."
run "modprobe vfio-pci"
run "echo vfio-pci > /sys/bus/pci/devices/$A/driver_override"
run "echo $A > /sys/bus/pci/drivers/ixgbevf/unbind"
run "echo $A > /sys/bus/pci/drivers_probe"
run "readlink /sys/bus/pci/devices/$A/driver"
expect_eq "$(vf_driver "$A")" vfio-pci "driver of VF $VFIO_VF ($A)"
G=$(basename "$(readlink "/sys/bus/pci/devices/$A/iommu_group")")
run "ls /sys/kernel/iommu_groups/$G/devices /dev/vfio"
[ -c "/dev/vfio/$G" ] || die "step $STEP: /dev/vfio/$G (VF $VFIO_VF's IOMMU group) does not exist"

# ---------------------------------------------------------------------------
step "summary"
echo "ixpf on $PF ($PF_PCI): $NUM_VFS VFs bound to ixgbevf; VF 0/1 took admin MACs" \
	"${VF_MAC[0]}/${VF_MAC[1]}, VF 2 on port VLAN $VLAN, VF 1 capped at $RATE Mb/s;" \
	"VF0->VF1, VF1->peer and VF2->peer VLAN $VLAN pings all answered; VF $VFIO_VF ($A)" \
	"on vfio-pci, IOMMU group $G. Demo passed." | fold -s -w 78
