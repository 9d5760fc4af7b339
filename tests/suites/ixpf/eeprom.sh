#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-run: --nics 2 --nic-prop 0:eeprom-bad-checksum=on
# ixpf refuses an 82599 whose NVM checksum is wrong: model instance 0 stores
# the correct checksum plus one (eeprom-bad-checksum), so ixpf says so once,
# with both values, and makes no netdev for it, while instance 1 on the same
# wire probes and carries traffic to the peer; rmmod is clean.
. "$(dirname "$0")/common.bash" || exit 1

bad=$(ix_pci 0)
good=$(ix_pci 1)
kmsg "loading $DRV: $bad has a corrupt NVM checksum, $good a good one"
drv_load
peer_up
ix_up 1

# Instance 0: refused, no netdev, not bound.
if n=$(ix_netdev 0); then
	die "$DRV made netdev $n for $bad, whose NVM checksum is wrong"
fi
expect_eq "$(drv_of "$bad")" "" "driver bound to $bad"

# Exactly one line about it, from ixpf, naming the device and both values.
# The model stores computed + 1, so a driver that sums the NVM differently
# from the hardware's rule prints another relation.
lines=$(dmesg --notime | grep 'EEPROM checksum' || true)
[ -n "$lines" ] || die "no 'EEPROM checksum' line in the kernel log"
expect_eq "$(wc -l <<<"$lines")" 1 "kernel log lines about the EEPROM checksum: $lines"
re="^$DRV $bad: EEPROM checksum is invalid \(stored 0x([0-9a-f]{4}), computed 0x([0-9a-f]{4})\), not probing$"
expect_match "$lines" "$re" "EEPROM checksum message"
stored=$((16#${BASH_REMATCH[1]}))
computed=$((16#${BASH_REMATCH[2]}))
expect_eq "$stored" "$(((computed + 1) & 0xffff))" "stored checksum (model: computed + 1)"
log "refused $bad: stored $(printf 0x%04x "$stored"), computed $(printf 0x%04x "$computed")"

# Instance 1: a clean probe (nothing at warning level or above about it) and
# traffic both ways, IPv4 and IPv6.
warn=$(kwarn | grep -F "$good" || true)
[ -z "$warn" ] || die "errors/warnings about $good: $warn"
rx0=$(if_stat "$IX" rx_packets)
tx0=$(if_stat "$IX" tx_packets)
ping_all "" "$PEER_IP4" 5
ping_all peer "$IX_IP4" 5
ping_all peer "$IX_IP6" 5
expect_ge "$(($(if_stat "$IX" rx_packets) - rx0))" 15 "$IX rx_packets delta"
expect_ge "$(($(if_stat "$IX" tx_packets) - tx0))" 15 "$IX tx_packets delta"

# rmmod: both devices free again, nothing left behind, nothing logged above
# info level.
ip link set "$IX" down
nwarn=$(kwarn | wc -l)
rmmod "$DRV"
expect_eq "$(drv_of "$good")" "" "driver bound to $good after rmmod"
if n=$(ix_netdev 1); then die "netdev $n of $good still there after rmmod"; fi
if lsmod | grep -qw "^$DRV"; then die "$DRV still in lsmod after rmmod"; fi
after=$(kwarn | tail -n +"$((nwarn + 1))")
[ -z "$after" ] || die "warnings since rmmod: $after"
