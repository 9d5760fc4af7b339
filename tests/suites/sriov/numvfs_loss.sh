#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# vm-run: --timeout 400
# What the PF's own traffic sees while the VF count changes: the peer pings
# the PF every 10 ms across `sriov_numvfs = 8` and `= 0`; the test reports
# the longest run of unanswered pings (the loss window) and the PF's carrier
# changes. Upstream ixgbe re-initialises the port, so its link drops; ixpf
# re-lays the pools under a running link and must not drop carrier. The
# window is a measurement, reported, not asserted (TCG timing; with another
# guest on the machine the figure is only indicative), so the test needs no
# machine of its own.
. "$(dirname "$0")/common.bash"

pf_up
load_module ixgbevf
ping_ok peer "$PF_IP4" || die "the peer cannot ping the PF before the test"

# loss_window LABEL CMD...: ping the PF from the peer every 10 ms while CMD
# runs and until the PF answers again for 2 s; log the longest run of lost
# replies and the carrier changes (on stderr); print the carrier changes.
loss_window() {
	local label=$1 c0 c1 pid out stats
	shift
	out=/tmp/ping-$$.txt
	c0=$(sysfs_read "/sys/class/net/$PF/carrier_changes")
	ip netns exec peer ping -i 0.01 -W 1 "$PF_IP4" >"$out" 2>&1 &
	pid=$!
	sleep 1
	"$@" || die "$label: '$*' failed"
	wait_carrier "$PF" 20 || die "$label: no carrier on $PF"
	sleep 3
	kill -INT "$pid"
	wait "$pid" || true
	c1=$(sysfs_read "/sys/class/net/$PF/carrier_changes")
	# longest run of icmp_seq values without a reply, between the first
	# and the last reply (ping numbers its requests from 1)
	stats=$(awk -F'icmp_seq=' '/icmp_seq=/ { split($2, f, " "); s = f[1] + 0
			if (n && s - last - 1 > gap) gap = s - last - 1
			if (n && s > last + 1) lost += s - last - 1
			if (!n) first = s
			last = s; n++ }
		END { printf "%d %d %d", gap, lost, last - first + 1 }' "$out")
	read -r gap lost sent <<<"$stats"
	[ "${sent:-0}" -gt 100 ] || die "$label: only ${sent:-0} pings went out"
	log "LOSS-WINDOW $PF_DRIVER $label: longest gap $((gap * 10)) ms ($gap pings)," \
		"$lost of $sent lost, carrier changes $((c1 - c0))" >&2
	rm -f "$out"
	echo $((c1 - c0))
}

enable8() {
	echo 8 >"$(numvfs_path)" && wait_for "[ \$(count_10ed) -eq 8 ]" 60
}
disable() {
	echo 0 >"$(numvfs_path)" && wait_for "[ \$(count_10ed) -eq 0 ]" 60
}

up_changes=$(loss_window "sriov_numvfs 0->8" enable8)
down_changes=$(loss_window "sriov_numvfs 8->0" disable)
ping_ok peer "$PF_IP4" || die "the PF does not answer after 8 -> 0 VFs"
if [ "$PF_DRIVER" = ixpf ]; then
	expect_eq "$up_changes" 0 "carrier changes of $PF during sriov_numvfs 0->8"
	expect_eq "$down_changes" 0 "carrier changes of $PF during sriov_numvfs 8->0"
fi
bad=$(driver_errors)
[ -z "$bad" ] || die "errors/warnings from the drivers: $bad"
