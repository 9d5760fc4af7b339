#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-run: --timeout 600
# 20 load / up / ping / rmmod cycles (3 on debug): every one probes, passes traffic and
# unloads, and each rmmod gives back everything: no interrupt, no claimed
# memory region, no netdev, no module left behind. Cycles 2, 7, 12 and 17
# unload with 4 VFs enabled: they go with the PF, and the PF's own queues
# (behind the VFs' pools) are stopped before their buffers go (before the
# fix, rmmod stopped the queues at the VFs' old place and ixpf warned
# "Tx queue 16 still enabled when its buffers go").
. "$(dirname "$0")/common.bash" || exit 1

# On the debug kernel a cycle takes 45-110 s; its checkers (kmemleak,
# KASAN, DEBUG_OBJECTS) see a leak or use-after-free in the first cycle,
# so fewer cycles prove the same there: 3, the second one with VFs.
CYCLES=20
[ "$IXPF_KERNEL" != debug ] || CYCLES=3
pci=$(ix_pci 0)

# The device's lines in /proc/interrupts: its vectors carry the PCI address
# (6.12 names the MSI-X domain after the device), the driver's name or the
# netdev's (drivers name vectors after them). Counts are cut off, as they
# change.
irq_lines() {
	local re="$DRV|$pci"
	[ -z "${1:-}" ] || re+="|[[:space:]]$1(-|\$)"
	grep -E -- "$re" /proc/interrupts | sed -E 's/^ *[0-9]+: +([0-9]+ +)*//' || true
}
# The device's BARs in /proc/iomem and what is claimed inside them: the PCI
# core names a BAR after the device, a driver's request after the driver.
iomem_lines() {
	awk -v dev="$pci" '{
		match($0, /^ */)
		if (in_dev && RLENGTH > depth) { print; next }
		in_dev = 0
		if ($NF == dev) { in_dev = 1; depth = RLENGTH; print }
	}' /proc/iomem
}
cycle_ok() {	# cycle_ok N: one load .. rmmod, checked
	local n=$1 t0=$SECONDS irq mem
	drv_load
	wait_for "ix_netdev 0" 10 || die "cycle $n: no netdev for $pci"
	IX=$(ix_netdev 0)
	ip addr add "$IX_IP4/24" dev "$IX"
	ip link set "$IX" up
	wait_carrier "$IX" 10 || die "cycle $n: no carrier on $IX"
	kmsg "cycle $n: $IX up"
	ping_all "" "$PEER_IP4" 3

	# Loaded and up, the device must show in both files, or the checks
	# after rmmod would look for the wrong thing.
	irq=$(irq_lines "$IX")
	[ -n "$irq" ] || die "cycle $n: no line for $DRV/$pci/$IX in /proc/interrupts while up"
	mem=$(iomem_lines | grep -cw "$DRV" || true)
	[ "$mem" -ge 1 ] || die "cycle $n: $DRV claims no region of $pci in /proc/iomem: $(iomem_lines)"

	if ((n % 5 == 2)); then
		echo 4 >"/sys/bus/pci/devices/$pci/sriov_numvfs"
		expect_eq "$(pci_count 8086:10ed)" 4 "cycle $n: VFs before rmmod"
		ping_all "" "$PEER_IP4" 3
	fi
	rmmod "$DRV"
	expect_eq "$(pci_count 8086:10ed)" 0 "cycle $n: VFs after rmmod"
	if lsmod | grep -qw "^$DRV"; then die "cycle $n: $DRV still in lsmod after rmmod"; fi
	expect_eq "$(drv_of "$pci")" "" "cycle $n: driver of $pci after rmmod"
	if ix_netdev 0 >/dev/null; then die "cycle $n: $IX still there after rmmod"; fi
	expect_eq "$(irq_lines "$IX")" "$irq0" "cycle $n: /proc/interrupts lines of $pci after rmmod"
	expect_eq "$(iomem_lines)" "$mem0" "cycle $n: /proc/iomem lines of $pci after rmmod"
	expect_eq "$(grep -c . /proc/interrupts)" "$nirq0" "cycle $n: lines in /proc/interrupts after rmmod"
	log "cycle $n: $(echo "$irq" | wc -l) interrupt lines, $mem iomem claims, $((SECONDS - t0)) s"
}

peer_up
# the VFs stay unbound: their functions are what counts here
echo 0 >"/sys/bus/pci/devices/$pci/sriov_drivers_autoprobe"
# Before any load: the device has BARs but nobody claims them.
irq0=$(irq_lines)
mem0=$(iomem_lines)
nirq0=$(grep -c . /proc/interrupts)
[ -z "$irq0" ] || die "interrupt lines for $pci before $DRV was loaded: $irq0"
[ -n "$mem0" ] || die "no BAR of $pci in /proc/iomem"
if grep -qw "$DRV" <<<"$mem0"; then die "$DRV in /proc/iomem before it was loaded: $mem0"; fi
log "BARs of $pci: $(sed -E "s/^ +//" <<<"$mem0" | paste -sd ";")"

start=$SECONDS
for ((c = 1; c <= CYCLES; c++)); do
	cycle_ok "$c"
done
log "$CYCLES cycles in $((SECONDS - start)) s"
if grep -w "$DRV" /proc/iomem; then die "$DRV still in /proc/iomem"; fi
if grep -w "$DRV" /proc/interrupts; then die "$DRV still in /proc/interrupts"; fi
