# SPDX-License-Identifier: GPL-2.0
#
# Shared set-up for the SR-IOV suite: Debian's ixgbe on model instance 0 as
# the PF, Debian's ixgbevf on its VFs, the virtio-net peer on the wire. Every
# endpoint but the PF lives in a netns of its own, so traffic between them
# really crosses the model (no local delivery inside one stack).
#
#   PF, PF_PCI        the ixgbe netdev (root netns) and its PCI address
#   PEER              the virtio netdev, in netns "peer"
#   VF_IF[k], VF_PCI[k]   VF k's netdev and PCI address; after vf_to_ns
#                     the netdev lives in netns "vfk"
#   PF_IP4, PEER_IP4, vf_ip K    addresses on 10.5.0.0/24

. "$(dirname "${BASH_SOURCE[0]}")/../../lib/guest.sh"

PF_IP4=10.5.0.1
PEER_IP4=10.5.0.9
vf_ip() { echo "10.5.0.$((10 + $1))"; }
VF_IF=()
VF_PCI=()

# pf_up: bind ixgbe, bring the PF and the peer (netns peer) up with
# addresses and wait for the PF's carrier. The PF must be up before VFs
# are enabled: ixgbevf cannot reset while the PF is down.
PF_DRIVER=${IXPF_PF_DRIVER:-ixgbe}

pf_up() {
	if [ "$PF_DRIVER" = ixpf ]; then
		load_module "$(ixpf_ko)"
	else
		load_module ixgbe
	fi
	wait_netdev 8086:10f7 || die "$PF_DRIVER did not create a netdev for 8086:10f7"
	PF_PCI=$(ix_pci 0)
	PF=$(ix_netdev 0)
	PEER=$(peer_if)
	netns_move "$PEER" peer "$PEER_IP4/24"
	ip addr add "$PF_IP4/24" dev "$PF"
	ip link set "$PF" up
	wait_carrier "$PF" 10 || die "no carrier on $PF"
	log "PF $PF ($PF_PCI) up, peer $PEER in netns peer"
}

# numvfs_path: the PF's sriov_numvfs attribute.
numvfs_path() { echo "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs"; }

# vf_pci_of K: PCI address of the PF's VF K (virtfnK), if it exists.
vf_pci_of() { link_base "/sys/bus/pci/devices/$PF_PCI/virtfn$1"; }

# vf_netdev_of ADDR: netdev name(s) of a VF in the root netns.
vf_netdev_of() {
	local n found=1
	for n in /sys/bus/pci/devices/"$1"/net/*; do
		[ -e "$n" ] || continue
		echo "${n##*/}"
		found=0
	done
	return $found
}

# vf_driver ADDR: the driver bound to a function ("" when none).
vf_driver() { link_base "/sys/bus/pci/devices/$1/driver" || echo ""; }

# count_10ed: how many 8086:10ED (82599 VF) functions exist.
count_10ed() { pci_count 8086:10ed; }

# sriov_enable N [TIMEOUT]: load ixgbevf, create N VFs, wait until each has
# an ixgbevf netdev; fills VF_PCI and VF_IF. ixgbe reinitialises the PF
# when the VF count changes, so wait for the PF's carrier too.
sriov_enable() {
	local n=$1 timeout=${2:-60} k
	load_module ixgbevf
	kmsg "enabling $n VFs on $PF"
	echo "$n" >"$(numvfs_path)"
	expect_eq "$(sysfs_read "$(numvfs_path)")" "$n" "sriov_numvfs read-back"
	wait_for "[ \$(count_10ed) -eq $n ]" "$timeout" ||
		die "$(count_10ed) of $n VF functions (8086:10ed) appeared"
	VF_PCI=() VF_IF=()
	for ((k = 0; k < n; k++)); do
		VF_PCI[k]=$(vf_pci_of "$k") || die "no virtfn$k under $PF_PCI"
		wait_for "vf_netdev_of ${VF_PCI[k]}" "$timeout" ||
			die "VF $k (${VF_PCI[k]}) has no netdev (driver: '$(vf_driver "${VF_PCI[k]}")')"
		VF_IF[k]=$(vf_netdev_of "${VF_PCI[k]}")
	done
	wait_carrier "$PF" 20 || die "no carrier on $PF after enabling $n VFs"
	log "$n VFs: ${VF_IF[*]}"
}

# sriov_disable: back to 0 VFs; no 8086:10ed function may remain.
sriov_disable() {
	kmsg "disabling VFs on $PF"
	echo 0 >"$(numvfs_path)"
	wait_for "[ \$(count_10ed) -eq 0 ]" 30 ||
		die "$(count_10ed) VF functions left after sriov_numvfs=0"
	VF_PCI=() VF_IF=()
}

# vf_to_ns K: move VF K's netdev into netns vfK with address vf_ip K and
# wait for its carrier (the VF's watchdog is slow under TCG).
vf_to_ns() {
	local k=$1
	netns_move "${VF_IF[k]}" "vf$k" "$(vf_ip "$k")/24"
	wait_carrier "${VF_IF[k]}" 20 "vf$k" || die "VF $k (${VF_IF[k]}) has no carrier in netns vf$k"
}

# vlan_host NS IF VID NEWNS ADDR: a VLAN VID interface on IF (in netns NS),
# moved alone into netns NEWNS with ADDR/24, so only frames of that VLAN can
# reach that host (no weak-host answers from its parent).
vlan_host() {
	local ns=$1 ifc=$2 vid=$3 newns=$4 addr=$5 v=$4v$3
	ip -n "$ns" link add link "$ifc" name "$v" type vlan id "$vid"
	ip netns add "$newns"
	ip -n "$ns" link set "$v" netns "$newns"
	ip -n "$newns" addr add "$addr/24" dev "$v"
	ip -n "$newns" link set lo up
	ip -n "$newns" link set "$v" up
}

# vf_to_vfio K: VF K from ixgbevf to vfio-pci (for tests/tools/vfmbx).
vf_to_vfio() {
	local d=/sys/bus/pci/devices/${VF_PCI[$1]}
	load_module vfio-pci
	if [ -e "$d/driver" ]; then echo "${VF_PCI[$1]}" >"$d/driver/unbind"; fi
	echo vfio-pci >"$d/driver_override"
	echo "${VF_PCI[$1]}" >/sys/bus/pci/drivers_probe
	expect_eq "$(vf_driver "${VF_PCI[$1]}")" vfio-pci "driver of VF $1"
}

# vfmbx_build: tests/tools/vfmbx as /tmp/vfmbx (a VF's mailbox and Rx
# queue from user space, over vfio): tests/run's build when it is newer
# than the source, else built here.
vfmbx_build() {
	local pre=$IXPF_TOP/build/tools/vfmbx src=$IXPF_TOP/tests/tools/vfmbx.c
	if [ "$pre" -nt "$src" ]; then
		cp "$pre" /tmp/vfmbx
	else
		gcc -O2 -Wall -I "$IXPF_TOP/include" -o /tmp/vfmbx "$src" || die "cannot build vfmbx"
	fi
}

# sriov_setup N [TIMEOUT]: PF up, N VFs, each in its own netns, all with
# carrier.
sriov_setup() {
	local k
	pf_up
	sriov_enable "$@"
	for ((k = 0; k < $1; k++)); do
		vf_to_ns "$k"
	done
}

# driver_errors ADDR...: kernel log lines at warning level or above from
# ixgbe, ixgbevf or any of the given PCI functions.
driver_errors() {
	local re="ixgbe|ixgbevf" a
	for a in "$@"; do
		re+="|$a"
	done
	# (our own kmsg markers are logged at warning level: not theirs)
	dmesg --level=emerg,alert,crit,err,warn | grep -v "ixpf-test: " | grep -E "$re" || true
}

# dmesg_since TEXT: the kernel log after the last `kmsg TEXT` marker.
dmesg_since() {
	dmesg | awk -v m="ixpf-test: $1" '
		substr($0, length($0) - length(m) + 1) == m { buf = ""; next }
		{ buf = buf $0 "\n" }
		END { printf "%s", buf }'
}

# vf_json K FILTER: jq FILTER applied to VF K's entry in `ip -j -s link
# show PF` (vf number, address, vlan_list, spoofchk, link_state, trust,
# stats.rx/tx.bytes/packets, ...).
vf_json() {
	ip -j -s link show "$PF" | jq -r --argjson k "$1" \
		".[0].vfinfo_list[] | select(.vf == \$k) | $2"
}

# mta_hash MAC: the 12-bit multicast table hash of MAC as upstream ixgbe
# programs it (MCSTCTRL.MO = 0: address bits 47:36).
mta_hash() {
	local b
	IFS=: read -ra b <<<"$1"
	echo $((((0x${b[4]} >> 4) | (0x${b[5]} << 4)) & 0xFFF))
}

# free_groups COUNT: COUNT IPv4 groups 239.1.2.N whose MAC hashes to an MTA
# bit no interface (any netns) has joined, so a hash hit for another group
# cannot let them through.
free_groups() {
	local used=" " ns m n found=0
	for ns in "" $(ip netns list | awk '{print $1}'); do
		for m in $(ip ${ns:+-n "$ns"} maddr show | awk '$1 == "link" {print $2}'); do
			used+="$(mta_hash "$m") "
		done
	done
	for ((n = 3; n < 250 && found < $1; n++)); do
		[[ $used == *" $(mta_hash "01:00:5e:01:02:$(printf %02x "$n")") "* ]] && continue
		echo "239.1.2.$n"
		found=$((found + 1))
	done
}

# group_mac GROUP: the Ethernet address of an IPv4 multicast group.
group_mac() {
	local o
	IFS=. read -ra o <<<"$1"
	printf '01:00:5e:%02x:%02x:%02x\n' $((o[1] & 0x7f)) "${o[2]}" "${o[3]}"
}


# tcp_transfer FROM_NS TO_NS TO_IP PORT FILE: send FILE with socat from
# FROM_NS to a listener in TO_NS ("" = root netns); the copy must arrive
# with the same sha256.
tcp_transfer() {
	local from=$1 to=$2 ip=$3 port=$4 file=$5 out srv want
	out=/tmp/rx-$port
	want=$(sha256sum <"$file")
	${to:+ip netns exec "$to"} socat -u "TCP-LISTEN:$port,reuseaddr" "OPEN:$out,creat,trunc" &
	srv=$!
	wait_for "${to:+ip netns exec $to} ss -ltn | grep -q :$port" 10 ||
		die "no listener on port $port in netns '${to:-root}'"
	${from:+ip netns exec "$from"} timeout 300 socat -u "OPEN:$file" "TCP:$ip:$port" ||
		die "TCP transfer ${from:-root} -> ${to:-root} ($ip:$port) failed"
	wait "$srv" || die "receiver on ${to:-root}:$port failed"
	expect_eq "$(sha256sum <"$out")" "$want" "sha256 of $(stat -c %s "$file") bytes ${from:-root} -> ${to:-root}"
	rm -f "$out"
	log "TCP ${from:-root} -> ${to:-root}: $(stat -c %s "$file") bytes intact"
}
