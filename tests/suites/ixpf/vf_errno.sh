#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-run: --timeout 400
# The errno table of `ip link set <pf> vf N ...` and sriov_numvfs with ixpf
# as the PF (Documentation/sriov-design.md): every invalid value and every
# VF index out of range fails with the documented error, leaves `ip link
# show` exactly as it was and is logged; the VFs keep passing traffic.
export IXPF_PF_DRIVER=ixpf
. "$(dirname "$0")/../sriov/common.bash" || exit 1

sriov_setup 2
ip link set "$PF" vf 0 mac 02:00:00:00:0e:01 vlan 5 qos 1 max_tx_rate 900 trust on

vfinfo() { ip -j link show "$PF" | jq -c '.[0].vfinfo_list'; }
before=$(vfinfo)
kmsg "errno table"

# refused ERRNO_TEXT ARGS...: `ip link set PF vf ARGS` fails with ERRNO_TEXT
# and changes nothing in the read-back.
refused() {
	local want=$1 out rc=0
	shift
	out=$(ip link set "$PF" vf "$@" 2>&1) || rc=$?
	[ "$rc" != 0 ] || die "'ip link set $PF vf $*' succeeded"
	expect_match "$out" "$want" "error of 'vf $*'"
	expect_eq "$(vfinfo)" "$before" "VF read-back after 'vf $*'"
}
EINVAL="Invalid argument"
refused "$EINVAL" 2 mac 02:00:00:00:0e:02		# VF index out of range
refused "$EINVAL" 62 spoofchk off
refused "$EINVAL" 63 trust off
refused "$EINVAL" 200 state enable
refused "$EINVAL" 2 vlan 7
refused "Cannot find VF 2" 2 max_tx_rate 100	# iproute2 looks the VF up first
refused "$EINVAL" 0 mac 01:00:5e:00:00:01		# multicast
refused "$EINVAL" 0 mac ff:ff:ff:ff:ff:ff		# broadcast
refused "$EINVAL|Invalid \"qos\" value" 0 vlan 100 qos 8	# iproute2 may refuse it itself
refused "Protocol not supported" 0 vlan 100 proto 802.1ad
refused "$EINVAL" 0 min_tx_rate 100 max_tx_rate 1000	# the 82599 cannot guarantee
refused "$EINVAL" 0 max_tx_rate 10001			# above the 10G link
refused "$EINVAL" 0 max_tx_rate 10			# too slow for the limiter

# sriov_numvfs: the PCI core's own checks, then ours
numvfs_refused() {
	local want=$1 out
	out=$( (echo "$2" >"$(numvfs_path)") 2>&1) && die "sriov_numvfs = $2 accepted"
	expect_match "$out" "$want" "error of sriov_numvfs = $2"
	expect_eq "$(cat "$(numvfs_path)")" 2 "sriov_numvfs after writing $2"
	expect_eq "$(count_10ed)" 2 "VF functions after sriov_numvfs = $2"
}
numvfs_refused "Numerical result out of range" 64
numvfs_refused "Device or resource busy" 4
numvfs_refused "$EINVAL" x

expect_eq "$(vfinfo)" "$before" "VF read-back after the whole table"
refusals=$(dmesg_since "errno table" | grep -c "ixpf .*: VF [0-9]*:\|ixpf .*VF [0-9]* does not exist" || true)
expect_ge "$refusals" 5 "refusal lines logged by ixpf"
# VF 0 sits on port VLAN 5 now; VF 1 still reaches the untagged peer
ping_ok vf1 "$PEER_IP4" || die "VF 1 lost its traffic"
