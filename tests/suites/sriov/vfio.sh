#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# A VF can be handed to userspace: it sits alone in its IOMMU group (the
# guest runs with the emulated intel-iommu), binds to vfio-pci, and its
# group and device open through VFIO (BAR sizes, IDs, VF link register,
# a function-level reset). Given back to ixgbevf it works again.
. "$(dirname "$0")/common.bash"

pf_up
sriov_enable 2
vf_to_ns 0
A=${VF_PCI[1]}
D=/sys/bus/pci/devices/$A

# Its own IOMMU group, with nothing else in it.
[ -e "$D/iommu_group" ] || die "VF 1 ($A) has no IOMMU group (is the IOMMU on?)"
G=$(basename "$(readlink "$D/iommu_group")")
expect_eq "$(ls "/sys/kernel/iommu_groups/$G/devices")" "$A" "devices in VF 1's IOMMU group $G"
expect_ne "$(basename "$(readlink "/sys/bus/pci/devices/$PF_PCI/iommu_group")")" "$G" "PF's IOMMU group"

kmsg "VF 1 ($A) to vfio-pci"
load_module vfio-pci
echo vfio-pci >"$D/driver_override"
echo "$A" >/sys/bus/pci/drivers/ixgbevf/unbind
echo "$A" >/sys/bus/pci/drivers_probe
expect_eq "$(vf_driver "$A")" vfio-pci "driver of VF 1 after drivers_probe"
[ -c "/dev/vfio/$G" ] || die "/dev/vfio/$G does not exist"

# Open it the way a VMM would: container, type-1 IOMMU, group, device.
out=$(python3 - "$G" "$A" <<'PY'
import fcntl, os, struct, sys
group, addr = sys.argv[1], sys.argv[2]
io = lambda n: (ord(";") << 8) | (100 + n)	# _IO(VFIO_TYPE, VFIO_BASE + n)
def call(fd, n, buf):
    b = bytearray(buf)
    r = fcntl.ioctl(fd, io(n), b, True)
    return r, b
c = os.open("/dev/vfio/vfio", os.O_RDWR)
print("api=%d" % fcntl.ioctl(c, io(0)))
print("type1v2=%d" % fcntl.ioctl(c, io(1), 3))
g = os.open("/dev/vfio/" + group, os.O_RDWR)
_, b = call(g, 3, struct.pack("II", 8, 0))
print("viable=%d" % (struct.unpack("II", b)[1] & 1))
call(g, 4, struct.pack("i", c))			# GROUP_SET_CONTAINER
fcntl.ioctl(c, io(2), 3)			# SET_IOMMU TYPE1v2
d, _ = call(g, 6, addr.encode() + b"\0")	# GROUP_GET_DEVICE_FD
_, b = call(d, 7, struct.pack("IIII", 16, 0, 0, 0))
_, flags, nreg, nirq = struct.unpack("IIII", b)
print("pci=%d\nreset=%d\nregions=%d" % (flags >> 1 & 1, flags & 1, nreg))
def region(i):
    _, b = call(d, 8, struct.pack("IIIIQQ", 32, 0, i, 0, 0, 0))
    return struct.unpack("IIIIQQ", b)[4:]
for i in (0, 3):
    print("bar%d=%d" % (i, region(i)[0]))
cfg = region(7)[1]
print("id=%04x:%04x" % struct.unpack("<HH", os.pread(d, 4, cfg)))
bar0 = region(0)[1]
rd = lambda off: struct.unpack("<I", os.pread(d, 4, bar0 + off))[0]
print("vfstatus_ok=%d" % (rd(0x8) != 0xFFFFFFFF))
print("vflinks_up=%d" % (rd(0x10) >> 30 & 1))
print("device_reset=%d" % fcntl.ioctl(d, io(11)))	# VFIO_DEVICE_RESET: FLR
print("vfstatus_ok_after_reset=%d" % (rd(0x8) != 0xFFFFFFFF))
os.close(d); os.close(g); os.close(c)
PY
) || die "opening VF 1 through VFIO failed: $out"
log "VFIO: $(tr '\n' ' ' <<<"$out")"
for want in api=0 type1v2=1 viable=1 pci=1 reset=1 bar0=16384 bar3=16384 id=8086:10ed \
	vfstatus_ok=1 vflinks_up=1 device_reset=0 vfstatus_ok_after_reset=1; do
	grep -qx "$want" <<<"$out" || die "VFIO: expected $want, got: $(tr '\n' ' ' <<<"$out")"
done

kmsg "VF 1 ($A) back to ixgbevf"
echo "$A" >/sys/bus/pci/drivers/vfio-pci/unbind
expect_eq "$(vf_driver "$A")" "" "driver of VF 1 after unbinding vfio-pci"
echo >"$D/driver_override"
expect_eq "$(cat "$D/driver_override")" "(null)" "driver_override after clearing it"
echo "$A" >/sys/bus/pci/drivers_probe
expect_eq "$(vf_driver "$A")" ixgbevf "driver of VF 1 after drivers_probe"
wait_for "vf_netdev_of $A" 20 || die "VF 1 has no netdev after rebinding ixgbevf"
VF_IF[1]=$(vf_netdev_of "$A")
vf_to_ns 1
wait_for "ping_ok vf1 $PEER_IP4 1" 10 || die "VF 1 cannot reach the peer after coming back from vfio-pci"
ping_ok vf1 "$(vf_ip 0)" || die "VF 1 cannot reach VF 0 after coming back from vfio-pci"
ping_ok vf0 "$PEER_IP4" || die "VF 0 cannot reach the peer"

bad=$(driver_errors "${VF_PCI[@]}" vfio)
[ -z "$bad" ] || die "errors/warnings from the drivers: $bad"
