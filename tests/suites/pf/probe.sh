#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# The PF driver binds the model cleanly and sees a 10 Gb/s KX4 link.
. "$(dirname "$0")/common.bash" || exit 1

pf_load
IX=$(ix_netdev 0)
dev=$(ix_pci 0)
expect_eq "$(basename "$(readlink "/sys/bus/pci/devices/$dev/driver")")" "$PF_DRIVER" "driver of $dev"

# Probe must be silent below "info": no error or warning from the device.
bad=$(dmesg --level=emerg,alert,crit,err,warn | grep -E "$PF_DRIVER|$dev" || true)
[ -z "$PF_LOAD_WARN" ] || bad=$(grep -vE "$PF_LOAD_WARN" <<<"$bad" || true)
[ -z "$bad" ] || die "$PF_DRIVER logged errors/warnings at probe: $bad"
dmesg | grep -q "$(pf_probe_re "$dev")" ||
	die "$PF_DRIVER did not finish probe (no line matching '$(pf_probe_re "$dev")')"

# The permanent address comes from RAR0, which the model loads from QEMU's mac=.
expect_eq "$(ethtool -P "$IX" | awk '{print $3}')" "$(ix_mac 0)" "permanent MAC"
expect_eq "$(if_mac "$IX")" "$(ix_mac 0)" "netdev MAC"

ip link set "$IX" up
wait_carrier "$IX" 10 || die "no carrier on $IX"
expect_match "$(ethtool "$IX")" "Speed: 10000Mb/s" "link speed"
expect_match "$(ethtool "$IX")" "Link detected: yes" "link"
expect_match "$(ethtool -i "$IX")" "firmware-version: 0x80000551" "NVM eTrack id"
expect_match "$(ethtool -i "$IX")" "$PF_ETHTOOL_DRIVER" "driver"
log "probe ok: $PF_DRIVER $IX at $dev, 10000Mb/s"
