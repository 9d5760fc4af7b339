#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vm-run: --nics 0
# The test bed itself: the guest runs the kernel vm-run was asked for, with
# its own modules, the host's root over 9p under a writable overlay, the
# environment guest-init promises, and the virtio-net peer.
. "$(dirname "$0")/../../lib/guest.sh" || exit 1

log "kernel $(uname -r), flavour $IXPF_KERNEL"
expect_eq "$(uname -r)" "$IXPF_KVER" "running kernel"
case "$IXPF_KERNEL" in
debug) expect_match "$(uname -r)" "^6\.12\.[0-9]+-ixpf-debug$" "kernel flavour" ;;
*)     expect_match "$(uname -r)" "^${IXPF_KERNEL//./\\.}[.-]" "kernel flavour" ;;
esac
[ -f "/lib/modules/$(uname -r)/modules.dep" ] || die "no modules.dep for the running kernel"
expect_ok modinfo -F vermagic virtio_net >/dev/null

# Host root over 9p, read-only below an overlay the guest may write to.
expect_eq "$(findmnt -no FSTYPE /)" overlay "root filesystem"
expect_eq "$(findmnt -no FSTYPE /lib/modules)" 9p "/lib/modules filesystem"
expect_eq "$(findmnt -no SOURCE /lib/modules)" mods "/lib/modules share"
[ -f "$IXPF_TOP/scripts/vm-run" ] || die "the repository is not visible at $IXPF_TOP"
echo scribble >/usr/ixpf-selftest && rm /usr/ixpf-selftest || die "the guest root is not writable"
expect_eq "$(id -u)" 0 "uid"
expect_eq "$HOME" /root "HOME"
expect_eq "$TERM" dumb "TERM"
expect_eq "$(findmnt -no FSTYPE /tmp)" tmpfs "/tmp"
expect_eq "$(findmnt -no FSTYPE /sys/kernel/debug)" debugfs "debugfs"
expect_match "$(ip -br link show lo)" "UP|UNKNOWN" "lo state"

# --nics 0: no model instance, only the virtio peer on the wire.
expect_eq "$IXPF_NICS" 0 "IXPF_NICS"
expect_fail pci_addrs 8086:10fb
peer=$(peer_if)
expect_eq "$(if_mac "$peer")" "$IXPF_PEER_MAC" "peer MAC"
netns_move "$peer" peer 192.0.2.2/24
wait_carrier "$peer" 10 peer || die "no carrier on the peer"
log "test bed OK"
