# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers for test scripts that run inside the vm-run guest. Source it first:
#
#   . "$(dirname "$0")/../../lib/guest.sh"
#
# Sourcing turns on `set -eEuo pipefail` and an ERR trap, so any failing
# command ends the test with its file, line and exit status; use the
# expect_* helpers for checks that should explain themselves.
#
# The guest runs the host's userspace over 9p (bash, ip, ethtool, ping,
# socat, tcpdump, python3, ...) as root, with no udev: only virtio_net is
# loaded at boot, anything else (ixgbe, ixpf, vfio-pci) is the test's job.
#
# vm-run tells the guest about its run through the environment:
#   IXPF_TOP        the repository (same path as on the host)
#   IXPF_KERNEL     kernel flavour (6.12, 6.1, debug)   IXPF_KVER  expected uname -r
#   IXPF_TIME_SCALE how much slower the kernel is (3 on debug, else 1)
#   IXPF_NICS       model instances (ix0..)      IXPF_MONITOR  1 with --monitor
#   IXPF_NIC_MODEL  QEMU device of the instances (ix82599)
# plus what the test's runner adds (vm-run --env), e.g. IXPF_PF_DRIVER.

set -eEuo pipefail

# The QEMU side of the test bed, as vm-run builds it.
# shellcheck disable=SC2034 # for the tests
IXPF_PEER_MAC=52:54:00:00:00:01	# the virtio-net peer
# MAC QEMU gives model instance N (its `mac=` property)
ix_mac() { printf '52:54:00:82:59:%02d\n' "$(($1 + 10))"; }

# --- output and failure -------------------------------------------------------

# Timestamps on the guest's uptime clock, the same as dmesg's, so test steps
# and kernel messages line up in the log.
log() {
	local up
	read -r up _ </proc/uptime
	printf '[%12s] %s\n' "$up" "$*"
}

# Also write a marker into the kernel log, to find a test step in the dmesg
# dump that vm-run prints on failure.
kmsg() {
	echo "ixpf-test: $*" >/dev/kmsg
	log "$*"
}

die() {
	log "FAIL: $* (at $(_ixpf_where))" >&2
	exit 1
}

# Name the test's own line: the first caller outside this library (a failing
# wait_for is reported where the test called it, not at our `return 1`).
_ixpf_where() {
	local i
	for ((i = 1; i < ${#BASH_SOURCE[@]}; i++)); do
		case "${BASH_SOURCE[i]}" in
		*/lib/guest.sh) ;;
		*) echo "${BASH_SOURCE[i]}:${BASH_LINENO[i - 1]}"; return ;;
		esac
	done
	echo "${BASH_SOURCE[-1]}:${BASH_LINENO[-2]:-?}"
}

_ixpf_err_trap() {
	local rc=$? cmd=$BASH_COMMAND
	log "FAIL: '$cmd' exited with status $rc (at $(_ixpf_where))" >&2
	exit "$rc"
}
trap _ixpf_err_trap ERR

# --- assertions ---------------------------------------------------------------

# expect_eq ACTUAL EXPECTED [WHAT]
expect_eq() {
	[ "$1" = "$2" ] || die "${3:-value}: expected '$2', got '$1'"
}

# expect_ne ACTUAL UNEXPECTED [WHAT]
expect_ne() {
	[ "$1" != "$2" ] || die "${3:-value}: expected anything but '$2'"
}

# expect_match STRING REGEX [WHAT]   (bash =~, extended regex)
expect_match() {
	[[ $1 =~ $2 ]] || die "${3:-value}: '$1' does not match /$2/"
}

# expect_ge ACTUAL MIN [WHAT], expect_le ACTUAL MAX [WHAT]   (integers)
expect_ge() { [ "$1" -ge "$2" ] || die "${3:-value}: expected >= $2, got $1"; }
expect_le() { [ "$1" -le "$2" ] || die "${3:-value}: expected <= $2, got $1"; }

# expect_ok CMD [ARGS...]: CMD must succeed; its output is shown either way.
expect_ok() {
	local rc=0
	"$@" || rc=$?
	[ "$rc" = 0 ] || die "'$*' failed with status $rc"
}

# expect_fail CMD [ARGS...]: CMD must fail (any non-zero status).
expect_fail() {
	local rc=0
	"$@" || rc=$?
	[ "$rc" != 0 ] || die "'$*' succeeded but was expected to fail"
}

# --- waiting ------------------------------------------------------------------

# Under TCG every exec of a host binary costs the guest 50-150 ms (cat,
# date and sleep included), so the helpers here read files and the clock
# with bash builtins and sleep without a process: a test that polls sysfs
# in a loop would otherwise spend most of its time starting programs.

# now_ms: milliseconds on the wall clock (bash's EPOCHREALTIME, no exec).
now_ms() {
	local t=${EPOCHREALTIME/./}
	echo $((t / 1000))
}

# nap SECS: sleep SECS (decimals allowed) inside bash: a read that times out
# on a FIFO no one writes to, opened once here so that subshells share it.
if [ -z "${_IXPF_NAP_FD:-}" ]; then
	mkfifo /run/ixpf-nap.$$
	exec {_IXPF_NAP_FD}<>/run/ixpf-nap.$$
fi
nap() { read -r -t "$1" -u "$_IXPF_NAP_FD" _ || true; }

# sysfs_read FILE: the first line of FILE, read by the shell itself; fails
# (status 1) when the file cannot be read, as `cat` would, and (unlike cat)
# when it is empty.
sysfs_read() {
	local v=
	IFS= read -r v <"$1" || [ -n "$v" ] || return 1
	printf '%s\n' "$v"
}

# link_base LINK: the last component of where the symlink LINK points
# (readlink + basename without either); fails when LINK does not resolve.
link_base() {
	local d
	d=$(cd -P "$1" 2>/dev/null && echo "$PWD") || return 1
	echo "${d##*/}"
}

# wait_for COND [TIMEOUT_SECS]: poll the shell condition COND (eval'ed) every
# 0.1 s until it holds; returns 1 on timeout (default 10 s). The timeout is
# an upper bound for a state to be reached, so it stretches with the
# kernel's speed (IXPF_TIME_SCALE: 3 on the debug kernel, from vm-run).
wait_for() {
	local cond=$1 timeout=$((${2:-10} * ${IXPF_TIME_SCALE:-1})) end
	end=$(($(now_ms) + timeout * 1000))
	while ! eval "$cond" >/dev/null 2>&1; do
		if [ "$(now_ms)" -ge "$end" ]; then
			log "timed out after ${timeout}s waiting for: $cond" >&2
			return 1
		fi
		nap 0.1
	done
}

# wait_carrier IF [TIMEOUT] [NETNS], wait_no_carrier IF [TIMEOUT] [NETNS]
wait_carrier()    { wait_for "[ \"\$(if_carrier $1 ${3:-})\" = 1 ]" "${2:-10}"; }
wait_no_carrier() { wait_for "[ \"\$(if_carrier $1 ${3:-})\" = 0 ]" "${2:-10}"; }

# wait_netdev VENDOR:DEVICE [TIMEOUT]: until such a device has a netdev.
wait_netdev() { wait_for "pci_netdev $1" "${2:-10}"; }

# --- devices --------------------------------------------------------------------

# pci_addrs VENDOR:DEVICE: PCI addresses of the functions with that ID, sorted.
pci_addrs() {
	local vendor=0x${1%%:*} device=0x${1##*:} d v dv found=1
	for d in /sys/bus/pci/devices/*; do
		{ read -r v <"$d/vendor" && read -r dv <"$d/device"; } 2>/dev/null || continue
		[ "$v" = "$vendor" ] && [ "$dv" = "$device" ] || continue
		echo "${d##*/}"
		found=0
	done
	return $found
}

# pci_count VENDOR:DEVICE: how many functions have that ID (0 too).
pci_count() {
	local l=()
	mapfile -t l <<<"$(pci_addrs "$1" || true)"
	[ -n "${l[0]}" ] && echo "${#l[@]}" || echo 0
}

# pci_netdev VENDOR:DEVICE: netdev name(s) of those functions, in PCI order.
# virtio functions keep theirs one level down, under virtioN/net.
pci_netdev() {
	local a n found=1
	for a in $(pci_addrs "$1"); do
		for n in /sys/bus/pci/devices/"$a"/net/* /sys/bus/pci/devices/"$a"/virtio*/net/*; do
			[ -e "$n" ] || continue
			echo "${n##*/}"
			found=0
		done
	done
	return $found
}

# peer_if: the virtio-net peer on the models' wire (modern 1041 or
# transitional 1000 ID, depending on how QEMU places it).
peer_if() {
	pci_netdev 1af4:1041 2>/dev/null || pci_netdev 1af4:1000 ||
		die "no virtio-net peer found"
}

# ix_pci N: PCI address of model instance N (function 0 behind root port
# rpN, the Nth root port on bus 0; vm-run creates them in order).
ix_pci() {
	local rp= bus=() d c i=0
	for d in /sys/bus/pci/devices/0000:00:*; do
		read -r c <"$d/class" && [ "$c" = 0x060400 ] || continue
		if [ "$i" = "$1" ]; then
			rp=$d
			break
		fi
		i=$((i + 1))
	done
	[ -n "$rp" ] || die "no root port for model instance $1 (vm-run --nics?)"
	bus=("$rp"/pci_bus/*)
	bus=${bus[0]##*/}
	[ -e "/sys/bus/pci/devices/$bus:00.0" ] || die "nothing behind root port ${rp##*/} (instance $1)"
	echo "$bus:00.0"
}

# ix_netdev N: netdev of model instance N, once a driver has bound it.
ix_netdev() {
	local n
	for n in /sys/bus/pci/devices/"$(ix_pci "$1")"/net/*; do
		[ -e "$n" ] && { echo "${n##*/}"; return 0; }
	done
	return 1
}

# --- interfaces and namespaces --------------------------------------------------

# ns_exec NS CMD...: run CMD in network namespace NS.
ns_exec() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

# netns_move IF NS [ADDR/PREFIX...]: put IF into netns NS (created if need
# be), bring lo and IF up and add the addresses.
netns_move() {
	local ifc=$1 ns=$2 a
	shift 2
	[ -e "/run/netns/$ns" ] || ip netns add "$ns"
	ip link set "$ifc" netns "$ns"
	ip -n "$ns" link set lo up
	ip -n "$ns" link set "$ifc" up
	for a in "$@"; do
		ip -n "$ns" addr add "$a" dev "$ifc"
	done
}

# if_carrier IF [NS]: 1 or 0 (0 too when the interface is down).
if_carrier() {
	local c
	if [ -n "${2:-}" ]; then
		c=$(ip netns exec "$2" cat "/sys/class/net/$1/carrier" 2>/dev/null) || c=0
	else
		c=$(sysfs_read "/sys/class/net/$1/carrier" 2>/dev/null) || c=0
	fi
	echo "$c"
}

# if_stat IF COUNTER [NS]: one of /sys/class/net/IF/statistics/*.
if_stat() {
	if [ -n "${3:-}" ]; then
		ip netns exec "$3" cat "/sys/class/net/$1/statistics/$2"
	else
		sysfs_read "/sys/class/net/$1/statistics/$2"
	fi
}

# if_mac IF [NS]
if_mac() {
	if [ -n "${2:-}" ]; then
		ip netns exec "$2" cat "/sys/class/net/$1/address"
	else
		sysfs_read "/sys/class/net/$1/address"
	fi
}

# ping_ok NS DEST [COUNT]: DEST answers from inside NS.
ping_ok() { ip netns exec "$1" ping -q -c "${3:-3}" -i 0.2 -W 2 "$2" >/dev/null; }

# --- ethtool -g / -l ------------------------------------------------------------

# ring_param IF SECTION FIELD: a value from `ethtool -g IF`, SECTION "max"
# (pre-set maximums) or "cur" (current settings), FIELD RX or TX;
# channel_param IF SECTION FIELD: the same from `ethtool -l IF` (Combined).
# (awk reads everything: an early exit would SIGPIPE ethtool under pipefail.)
_ethtool_value() {	# SECTION FIELD, ethtool's output on stdin
	awk -v want="$1" -v f="$2:" '
		/^Pre-set maximums/ { sec = "max" }
		/^Current hardware settings/ { sec = "cur" }
		sec == want && $1 == f { v = $2 }
		END { print v }'
}
ring_param() {
	local v
	v=$(ethtool -g "$1" | _ethtool_value "$2" "$3")
	[ -n "$v" ] || die "ethtool -g $1: no $3 under $2"
	echo "$v"
}
channel_param() {
	local v
	v=$(ethtool -l "$1" | _ethtool_value "$2" "$3")
	[ -n "$v" ] || die "ethtool -l $1: no $3 under $2"
	echo "$v"
}

# --- captures ------------------------------------------------------------------

# capture_text NS IF FILTER CMD...: the frames matching FILTER that the
# interface IF (in netns NS, "" for the root one) receives while CMD runs,
# as `tcpdump -e -n` shows them (link-level headers, VLAN tags). Not
# promiscuous (-p), so the capture sees what the NIC's filters let through,
# unless CAPTURE_PROMISC=1 (to see everything on the wire, e.g. from the
# virtio peer, whose QEMU MAC filter would hide other hosts' unicast). The
# capture starts only once tcpdump reports it is listening.
capture_text() {
	local ns=$1 ifc=$2 filter=$3 pid pcap=/tmp/cap-$2.pcap err=/tmp/cap-$2.err p=-p
	shift 3
	[ "${CAPTURE_PROMISC:-0}" = 0 ] || p=
	${ns:+ip netns exec "$ns"} timeout 120 tcpdump $p -n -Q in --immediate-mode -i "$ifc" \
		-w "$pcap" "$filter" 2>"$err" &
	pid=$!
	wait_for "grep -q 'listening on' $err" 20 || die "tcpdump on $ifc did not start"
	"$@" >/dev/null 2>&1 || true
	nap 0.5
	kill -INT "$pid"
	wait "$pid" || true
	tcpdump -e -n -r "$pcap" 2>/dev/null
}

# capture_count NS IF FILTER CMD...: how many such frames (one line each;
# tcpdump adds indented hex lines for unknown ethertypes).
capture_count() {
	local out
	out=$(capture_text "$@")
	grep -c '^[0-9]' <<<"$out" || true
}

# send_mcast GROUP [NS]: 10 UDP datagrams to GROUP:9999 from netns NS
# (default: peer); the netns needs a route for 224.0.0.0/4.
send_mcast() {
	ns_exec "${2:-peer}" python3 - "$1" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
for i in range(10):
    s.sendto(b"ixpf-mcast-%d" % i, (sys.argv[1], 9999))
    time.sleep(0.02)
PY
}

# --- the QEMU monitor -----------------------------------------------------------

# qemu_monitor CMD...: run an HMP command in this guest's QEMU (needs
# `# vm-run: --monitor`) and print its output; status 1 when QEMU rejects
# it. The line protocol on /dev/ttyS1 is scripts/vm-monitor-relay's.
qemu_monitor() {
	[ "${IXPF_MONITOR:-0}" = 1 ] || die "qemu_monitor needs vm-run --monitor"
	if [ -z "${_IXPF_MON_FD:-}" ]; then
		exec {_IXPF_MON_FD}<>/dev/ttyS1
		# Raw and no echo, or the tty would bounce the relay's answers
		# back at it as commands.
		stty raw -echo 115200 <&"$_IXPF_MON_FD"
	fi
	# Drop anything left over from an earlier, abandoned command.
	while IFS= read -r -t 0.05 -u "$_IXPF_MON_FD" _; do :; done
	printf '%s\n' "$*" >&"$_IXPF_MON_FD"
	local line rc=
	while IFS= read -r -t 30 -u "$_IXPF_MON_FD" line; do
		line=${line%$'\r'}
		case "$line" in
		'IXPF-MON-END '*) rc=${line#IXPF-MON-END }; break ;;
		esac
		printf '%s\n' "$line"
	done
	[ -n "$rc" ] || die "no answer from the QEMU monitor to '$*'"
	return "$rc"
}

# set_link N on|off: the cable of model instance N (the NIC's QEMU id, ixN).
set_link() { qemu_monitor "set_link ix$1 $2" >/dev/null; }

# --- modules ----------------------------------------------------------------------

# load_module NAME|PATH.ko [PARAMS...]: modprobe a guest kernel module, or
# insmod a built .ko (e.g. ixpf, see ixpf_ko) after modprobe'ing the guest
# kernel's modules it depends on (insmod does not resolve dependencies).
load_module() {
	local m=$1 dep
	shift
	case "$m" in
	*.ko)
		for dep in $(modinfo -F depends "$m" | tr ',' ' '); do
			modprobe "$dep"
		done
		insmod "$m" "$@"
		;;
	*)    modprobe "$m" "$@" ;;
	esac
}

# ixpf_ko: path of the ixpf module built for the running kernel. tests/run
# builds it on the host before the tests (scripts/build-module), under the
# checkout's build/, which the guest sees at the same path.
ixpf_ko() {
	local ko
	ko=$IXPF_TOP/build/module/$(uname -r)/ixpf.ko
	[ -f "$ko" ] || die "no $ko (build it on the host: scripts/build-module $IXPF_KERNEL)"
	echo "$ko"
}
