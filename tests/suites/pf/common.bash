# SPDX-License-Identifier: GPL-2.0
#
# Shared set-up for the PF suite: the same tests for every PF driver of the
# 82599, upstream ixgbe (the reference) and ixpf. tests/run runs each test
# once per driver named in its `# drivers:` header and hands the driver over
# as IXPF_PF_DRIVER (default ixgbe, for a test started by hand).
#
# pf_up loads the driver on model instance 0, puts the virtio-net peer in
# netns "peer" and addresses both ends:
#   IX      the PF netdev (root netns)        PEER  the virtio netdev (netns peer)
#   IX_IP4/IX_IP6, PEER_IP4/PEER_IP6          addresses on the shared wire

# shellcheck disable=SC2034 # the variables below are for the tests
. "$(dirname "${BASH_SOURCE[0]}")/../../lib/guest.sh" || exit 1

PF_DRIVER=${IXPF_PF_DRIVER:-ixgbe}

# What differs between the drivers. Everything else the tests look at is
# the same on both by design: the ethtool -S names of the counters they read
# (rx_pkts_nic, tx_pkts_nic, rx_queue_N_packets, rx_csum_offload_errors),
# the firmware version (the EEPROM's eTrack id), the self-test names and
# "<ifname>: NIC Link is Down" in the kernel log.
#   PF_PROBE_DONE   grep pattern of the line that ends a successful probe;
#                   @PCI@ stands for the function's PCI address (pf_probe_re)
#   PF_ETHTOOL_DRIVER   the "driver:" line of ethtool -i
#   PF_LOAD_WARN    grep -E pattern of the warnings the kernel itself logs
#                   when it loads the driver (empty: none); anything else
#                   at warning level or above fails the probe test
PF_LOAD_WARN=
case "$PF_DRIVER" in
ixgbe)
	# dev_info() from ixgbe_probe()
	PF_PROBE_DONE='@PCI@: Intel(R) 10 Gigabit Network Connection'
	;;
ixpf)
	# netdev_info() once the netdev is registered:
	# "ixpf <pci> <ifname>: Intel(R) 82599 10 Gigabit Network Connection, MAC <mac>"
	PF_PROBE_DONE='ixpf @PCI@ [^ ]*: Intel(R) 82599 10 Gigabit Network Connection, MAC '
	# pr_warn() in the module loader for any module built out of tree
	PF_LOAD_WARN='\] ixpf: loading out-of-tree module taints kernel\.$'
	;;
*)
	die "unknown PF driver '$PF_DRIVER' (IXPF_PF_DRIVER: ixgbe or ixpf)"
	;;
esac
PF_ETHTOOL_DRIVER="driver: $PF_DRIVER"

IX_IP4=10.82.0.1
PEER_IP4=10.82.0.2
IX_IP6=fd82::1
PEER_IP6=fd82::2

# pf_probe_re PCI: PF_PROBE_DONE for that PCI address.
pf_probe_re() { echo "${PF_PROBE_DONE//@PCI@/$1}"; }

# pf_load: load the PF driver (ixgbe from the guest kernel's modules, ixpf
# from the build for this kernel) and wait for its netdev on instance 0.
pf_load() {
	local ko
	case "$PF_DRIVER" in
	ixgbe) load_module ixgbe ;;
	ixpf)
		ko=$(ixpf_ko)
		load_module "$ko"
		;;
	esac
	wait_netdev 8086:10f7 || die "$PF_DRIVER did not create a netdev for 8086:10f7"
}

# pf_up: bind the PF driver, bring both ends up with addresses, wait for
# carrier.
pf_up() {
	pf_load
	IX=$(ix_netdev 0)
	PEER=$(peer_if)
	netns_move "$PEER" peer "$PEER_IP4/24"
	ip -n peer addr add "$PEER_IP6/64" dev "$PEER" nodad
	ip addr add "$IX_IP4/24" dev "$IX"
	ip addr add "$IX_IP6/64" dev "$IX" nodad
	ip link set "$IX" up
	wait_carrier "$IX" 10 || die "no carrier on $IX"
	log "$PF_DRIVER $IX up, peer $PEER in netns peer"
}

# ethtool_stat IF NAME: one counter from `ethtool -S`; dies if there is none.
# (awk reads everything: an early exit would SIGPIPE ethtool under pipefail.)
ethtool_stat() {
	local v
	v=$(ethtool -S "$1" | awk -v n="$2:" '$1 == n { v = $2 } END { print v }')
	[ -n "$v" ] || die "ethtool -S $1 has no counter $2"
	echo "$v"
}
