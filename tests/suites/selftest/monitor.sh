#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-run: --nics 0 --monitor
# The guest's line to the QEMU monitor (vm-run --monitor): commands run,
# errors are reported as such, and set_link reaches the virtio peer.
. "$(dirname "$0")/../../lib/guest.sh" || exit 1

expect_match "$(qemu_monitor info version)" "^7\.2\." "QEMU version"
expect_match "$(qemu_monitor info network)" "peer0: virtio-net-pci" "info network"
expect_fail qemu_monitor set_link no-such-nic off
expect_fail qemu_monitor no-such-command

peer=$(peer_if)
ip link set "$peer" up
wait_carrier "$peer" 10 || die "no carrier on the peer"
qemu_monitor set_link peer0 off
wait_no_carrier "$peer" 5 || die "set_link peer0 off did not drop the peer's carrier"
qemu_monitor set_link peer0 on
wait_carrier "$peer" 5 || die "set_link peer0 on did not restore the peer's carrier"
log "monitor OK"
