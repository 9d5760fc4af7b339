#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# vm-run: --timeout 900
# `sriov_numvfs = N` makes N 8086:10ED functions appear, ixgbevf binds each
# without an error or warning and each gets link once up; `sriov_numvfs = 0`
# removes them all, again without complaint. N = 4 runs the pools in 32-pool
# mode (4 queues per pool), N = 40 or 63 in 64-pool mode (2 queues per
# pool); the first and the last VF of each pass traffic, which only works
# if the model maps their queues for that mode. With ixpf as the PF: 63 (the
# most), twice, so `echo 0` and again 63 is covered; with upstream ixgbe
# (the model's reference) 40, to keep the whole run inside CI's time.
. "$(dirname "$0")/common.bash"

pf_up
expect_eq "$(cat "/sys/bus/pci/devices/$PF_PCI/sriov_totalvfs")" 63 \
	"sriov_totalvfs (upstream ixgbe caps the 82599's 64 at 63)"

check_enable() {
	local n=$1 k a last=$(($1 - 1)) vfs bad links
	expect_eq "$(count_10ed)" 0 "VF functions before enabling $n"
	sriov_enable "$n" 120
	for ((k = 0; k < n; k++)); do
		a=${VF_PCI[k]}
		expect_eq "$(cat "/sys/bus/pci/devices/$a/vendor"):$(cat "/sys/bus/pci/devices/$a/device")" \
			0x8086:0x10ed "IDs of VF $k ($a)"
		expect_eq "$(vf_driver "$a")" ixgbevf "driver of VF $k ($a)"
	done
	expect_eq "$(ip -j link show "$PF" | jq '.[0].vfinfo_list | length')" "$n" \
		"VFs listed by ip link show $PF"

	# Link: every VF, brought up in the root netns (no addresses there).
	for ((k = 0; k < n; k++)); do
		ip link set "${VF_IF[k]}" up
	done
	for ((k = 0; k < n; k++)); do
		wait_carrier "${VF_IF[k]}" 30 || die "VF $k (${VF_IF[k]}) of $n has no carrier"
		expect_match "$(ethtool "${VF_IF[k]}")" "Link detected: yes" "ethtool link of VF $k of $n"
	done
	log "all $n VFs have carrier"

	# Traffic from the first and the last pool.
	for k in 0 "$last"; do
		ip link set "${VF_IF[k]}" down
		vf_to_ns "$k"
		ping_ok "vf$k" "$PEER_IP4" || die "VF $k of $n cannot ping the peer"
	done

	bad=$(driver_errors "${VF_PCI[@]}")
	[ -z "$bad" ] || die "errors/warnings while enabling $n VFs: $bad"
	# The PF was up, so every VF's reset handshake must have succeeded.
	! dmesg | grep "PF still in reset state" || die "a VF found the PF in reset"

	vfs=("${VF_PCI[@]}")
	sriov_disable
	for a in "${vfs[@]}"; do
		[ ! -e "/sys/bus/pci/devices/$a" ] || die "VF $a still exists after sriov_numvfs=0"
	done
	expect_eq "$(cat "$(numvfs_path)")" 0 "sriov_numvfs after disabling $n"
	# The VF netdevs went with their functions, out of the netns too.
	for k in 0 "$last"; do
		links=$(ip -n "vf$k" -o link show)
		! grep -v ': lo:' <<<"$links" || die "netns vf$k still has an interface after disabling"
		ip netns del "vf$k"
	done
	bad=$(driver_errors "${vfs[@]}")
	[ -z "$bad" ] || die "errors/warnings after disabling $n VFs: $bad"
	wait_carrier "$PF" 20 || die "PF has no carrier after disabling $n VFs"
	ping_ok peer "$PF_IP4" || die "PF does not answer the peer after disabling $n VFs"
	log "$n VFs enabled and disabled cleanly"
}

check_enable 4
if [ "$PF_DRIVER" = ixpf ]; then
	check_enable 63
	check_enable 63
else
	check_enable 40
fi
