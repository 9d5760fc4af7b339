#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-run: --timeout 400
# The errno table of `ip link set <pf> vf N ...` and sriov_numvfs with ixpf
# as the PF (Documentation/sriov-design.md): every invalid value and every
# VF index out of range fails with the documented error, leaves `ip link
# show` exactly as it was and is logged; the VFs keep passing traffic.
# With VFs, `ethtool -L` beyond the PF's pool (2 and 63 VFs) is refused,
# and so is `ethtool -t offline`.
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

# PF administration that would reach into the VFs' pools. With VFs the PF
# owns one pool of queues, 4 up to 31 VFs and 2 above: `ethtool -l` says
# so and `ethtool -L` beyond it is refused and changes nothing (before, 31
# VFs + `combined 8` returned 0 and programmed queues past the PF's pool:
# the model logged an unmodelled IVAR write). `ethtool -t offline` (a MAC
# reset, queue 0's registers) is refused while VFs exist, as upstream
# ixgbe does; its link test still runs.
# channels_refused N VFS POOL: the maximum is POOL, POOL*2 is refused
channels_refused() {
	local cur out rc=0
	expect_eq "$(channel_param "$PF" max Combined)" "$2" "maximum combined channels with $1 VFs"
	cur=$(channel_param "$PF" cur Combined)
	out=$(ethtool -L "$PF" combined $(($2 * 2)) 2>&1) || rc=$?
	[ "$rc" != 0 ] || die "ethtool -L combined $(($2 * 2)) with $1 VFs succeeded"
	expect_match "$out" "$EINVAL|exceeds maximum" "error of combined $(($2 * 2)) with $1 VFs"
	expect_eq "$(channel_param "$PF" cur Combined)" "$cur" "combined channels after the refusal"
}
kmsg "PF administration with VFs"
channels_refused 2 4
rc=0
out=$(ethtool -t "$PF" offline 2>&1) || rc=$?
[ "$rc" != 0 ] || die "ethtool -t offline with VFs passed: $out"
expect_match "$out" "The test result is FAIL" "ethtool -t offline with VFs"
expect_match "$(grep "Link test" <<<"$out")" "[[:space:]]0\$" "link test result with VFs"
expect_match "$(dmesg_since "PF administration with VFs")" "offline tests refused with 2 VFs" \
	"kernel log of the refused self-test"
ping_ok vf1 "$PEER_IP4" || die "VF 1 lost its traffic after the refused self-test"

# 63 VFs (no driver for them: only the PF's queues are under test)
echo 0 >"$(numvfs_path)"
echo 0 >"/sys/bus/pci/devices/$PF_PCI/sriov_drivers_autoprobe"
echo 63 >"$(numvfs_path)"
wait_carrier "$PF" 20 || die "no carrier on $PF with 63 VFs"
channels_refused 63 2
ethtool -L "$PF" combined 1
expect_eq "$(channel_param "$PF" cur Combined)" 1 "combined channels with 63 VFs"
wait_carrier "$PF" 20 || die "no carrier on $PF after ethtool -L combined 1"
ping_ok peer "$PF_IP4" 5 || die "the PF does not answer with 63 VFs on one queue"
echo 0 >"$(numvfs_path)"
expect_ge "$(channel_param "$PF" max Combined)" 8 "maximum combined channels without VFs"
