// SPDX-License-Identifier: GPL-2.0
/*
 * 82599 model: the virtual functions (8086:10ED).
 *
 * A VF is a thin shim: its BAR0 window is translated onto PF state (its
 * pool's queues, per-VF statistics, its mailbox), except the VF interrupt
 * block (VTEICR/VTEIMS/..., VTIVAR) which is the VF's own. VF i is pool i;
 * its queue q is PF queue i * qpp + q. BAR3 holds the 3-vector MSI-X table.
 * Config space: MSI-X 0x70, PCIe 0xA0 (with FLR), AER 0x100, ARI 0x150.
 *
 * The PF side: SR-IOV capability at 0x160 (TotalVFs 64, offset 0x80,
 * stride 2, VF BAR0 and BAR3 64-bit prefetchable 16 KiB) behind ARI at 0x150.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/msix.h"
#include "hw/pci/pcie.h"
#include "hw/pci/pcie_sriov.h"
#include "ix82599.h"

#define IX_CAP_MSIX	0x70
#define IX_CAP_PCIE	0xA0
#define IX_EXT_CAP_AER	0x100
#define IX_EXT_CAP_ARI	0x150
#define IX_EXT_CAP_SRIOV 0x160
#define IX_VF_BAR_MMIO	0
#define IX_VF_BAR_MSIX	3
#define IX_VF_MSIX_PBA	0x2000

int ix_num_vfs(IX82599State *s)
{
	return pcie_sriov_num_vfs(PCI_DEVICE(s));
}

PCIDevice *ix_vf_dev(IX82599State *s, int vf)
{
	return pcie_sriov_get_vf_at_index(PCI_DEVICE(s), vf);
}

/* --- interrupts ------------------------------------------------------- */

static void ix_vf_deliver(IX82599State *s, int vf)
{
	struct ix_vf *f = &s->vf[vf];
	PCIDevice *d = ix_vf_dev(s, vf);
	uint32_t ready = f->eicr & f->eims;
	unsigned int v;

	if (!d || !msix_enabled(d))
		return;
	for (v = 0; v < IX_VF_MSIX_VECTORS; v++) {
		uint32_t bit = 1u << v;

		if (!(ready & bit))
			continue;
		if (f->eiac & bit)
			f->eicr &= ~bit;
		if (f->eiam & bit)
			f->eims &= ~bit;
		msix_notify(d, v);
	}
}

void ix_vf_raise(IX82599State *s, int vf, unsigned int vector)
{
	s->vf[vf].eicr |= 1u << vector;
	ix_vf_deliver(s, vf);
}

/* VTIVAR: like the PF's IVAR, two queues per register, bit 7 = valid. */
void ix_vf_queue_event(IX82599State *s, int vf, int vq, bool tx)
{
	uint32_t b = (s->vf[vf].ivar[vq >> 1] >> (16 * (vq & 1) + 8 * tx)) &
		     0xFF;

	if ((b & IX_IVAR_VALID) && (b & 3) < IX_VF_MSIX_VECTORS)
		ix_vf_raise(s, vf, b & 3);
}

void ix_vf_mailbox_event(IX82599State *s, int vf)
{
	uint32_t b = s->vf[vf].ivar_misc & 0xFF;

	if ((b & IX_IVAR_VALID) && (b & 3) < IX_VF_MSIX_VECTORS)
		ix_vf_raise(s, vf, b & 3);
}

/* --- resets --------------------------------------------------------------- */

/* What a VF reset clears: its queues, its interrupt block, its buffer lock. */
void ix_vf_reset_state(IX82599State *s, int vf)
{
	struct ix_vf *f = &s->vf[vf];
	int qpp = ix_qpp(s), q;

	f->eicr = f->eims = f->eiac = f->eiam = 0;
	memset(f->ivar, 0, sizeof(f->ivar));
	f->ivar_misc = 0;
	memset(f->eitr, 0, sizeof(f->eitr));
	f->mailbox &= IX_VFMAILBOX_RSTI | IX_VFMAILBOX_RSTD;
	for (q = vf * qpp; qpp && q < (vf + 1) * qpp; q++) {
		ix_set(s, IX_RXDCTL(q), ix_get(s, IX_RXDCTL(q)) &
		       ~IX_RXDCTL_ENABLE);
		ix_set(s, IX_TXDCTL(q), ix_get(s, IX_TXDCTL(q)) &
		       ~IX_TXDCTL_ENABLE);
		s->tx_pkt[q].started = false;
		s->tx_pkt[q].len = 0;
	}
}

static void ix_vf_reset_event(IX82599State *s, int vf)
{
	ix_vf_reset_state(s, vf);
	ix_mbx_vf_reset_event(s, vf);
}

/* --- the VF's BAR0 ----------------------------------------------------- */

static IX82599State *ix_vf_pf(PCIDevice *d, int *vf)
{
	*vf = pcie_sriov_vf_number(d);
	return IX82599(pcie_sriov_get_pf(d));
}

static bool ix_vf_queue_field_ok(uint32_t addr)
{
	static const uint8_t rx[] = { 0x00, 0x04, 0x08, 0x0C, 0x10, 0x14,
				      0x18, 0x28, 0x2C };
	static const uint8_t tx[] = { 0x00, 0x04, 0x08, 0x0C, 0x10, 0x18,
				      0x28, 0x38, 0x3C };
	const uint8_t *f = addr >= 0x2000 ? tx : rx;
	unsigned int i;

	for (i = 0; i < sizeof(rx); i++)
		if ((addr & 0x3F) == f[i])
			return true;
	return false;
}

/*
 * Where an offset of the VF's queue blocks (0x1000..0x2FFF) lands in the
 * PF: *pf is the PF register, or 0 for a queue beyond the pool's share
 * (reads 0, writes ignored); *stat marks the read-only per-VF statistics.
 * Returns false for an offset the VF does not have.
 */
static bool ix_vf_queue_reg(IX82599State *s, int vf, uint32_t addr,
			    uint32_t *pf, bool *stat)
{
	int qpp = ix_qpp(s);
	uint32_t q = (addr & 0xFFF) / 0x40;

	*stat = true;
	switch (addr) {		/* the statistics sit in queue 0's block */
	case IX_VFGPRC:
		*pf = IX_PVFGPRC(vf);
		return true;
	case IX_VFGORC_LSB:
		*pf = IX_PVFGORC_LSB(vf);
		return true;
	case IX_VFGORC_MSB:
		*pf = IX_PVFGORC_MSB(vf);
		return true;
	case IX_VFMPRC:
		*pf = IX_PVFMPRC(vf);
		return true;
	case IX_VFGPTC:
		*pf = IX_PVFGPTC(vf);
		return true;
	case IX_VFGOTC_LSB:
		*pf = IX_PVFGOTC_LSB(vf);
		return true;
	case IX_VFGOTC_MSB:
		*pf = IX_PVFGOTC_MSB(vf);
		return true;
	}
	*stat = false;
	if (!ix_vf_queue_field_ok(addr))
		return false;
	*pf = 0;
	if (qpp && q < (uint32_t)qpp) {
		q += vf * qpp;
		*pf = (addr >= 0x2000 ? IX_TXQ_BASE(q) : IX_RXQ_BASE(q)) +
		      (addr & 0x3F);
	}
	return true;
}

static uint64_t ix_vf_read(void *opaque, hwaddr addr, unsigned size)
{
	int vf;
	IX82599State *s = ix_vf_pf(opaque, &vf);
	struct ix_vf *f = &s->vf[vf];
	bool handled, stat;
	uint32_t r;

	if (size != 4 || (addr & 3)) {
		ix_unmodeled(s, "VF non-dword read", addr, size);
		return 0;
	}
	if (addr >= IX_VFMBMEM && addr < IX_VFMBMEM + 4 * IX_MBX_WORDS)
		return ix_get(s, IX_PFMBMEM(vf) + addr - IX_VFMBMEM);
	if (addr >= 0x1000 && addr < 0x3000) {
		if (!ix_vf_queue_reg(s, vf, addr, &r, &stat))
			goto unmodeled;
		return r ? ix_reg_read(s, r) : 0;
	}
	if (addr >= 0x3000 && addr < 0x3300)
		return 0;	/* X550 VF RSS registers: absent on 82599 */

	switch (addr) {
	case IX_VFCTRL:
		return 0;
	case IX_VFSTATUS:
		return ix_link_is_up(s) ? IX_STATUS_LINK_UP : 0;
	case IX_VFLINKS:
		return ix_link_read(s, IX_LINKS, &handled);
	case IX_VFFRTIMER:
		return 0;
	case IX_VTEICR:
		r = f->eicr;
		f->eicr = 0;
		return r;
	case IX_VTEICS:
		return f->eicr;
	case IX_VTEIMS:
	case IX_VTEIMC:
		return f->eims;
	case IX_VTEIAC:
		return f->eiac;
	case IX_VTEIAM:
		return f->eiam;
	case IX_VTIVAR(0) ... IX_VTIVAR(3):
		return f->ivar[(addr - IX_VTIVAR(0)) / 4];
	case IX_VTIVAR_MISC:
		return f->ivar_misc;
	case IX_VTEITR(0) ... IX_VTEITR(IX_VF_MSIX_VECTORS - 1):
		return f->eitr[(addr - IX_VTEITR(0)) / 4];
	case IX_VFMAILBOX:
		return ix_mbx_vf_read(s, vf);
	case IX_VFPSRTYPE:
		return ix_get(s, IX_PSRTYPE(vf));
	}
unmodeled:
	ix_unmodeled(s, "VF read of unmodelled register", addr, vf);
	return 0;
}

static void ix_vf_write(void *opaque, hwaddr addr, uint64_t val,
			unsigned size)
{
	int vf;
	IX82599State *s = ix_vf_pf(opaque, &vf);
	struct ix_vf *f = &s->vf[vf];
	bool stat;
	uint32_t r;

	if (size != 4 || (addr & 3)) {
		ix_unmodeled(s, "VF non-dword write", addr, val);
		return;
	}
	if (addr >= IX_VFMBMEM && addr < IX_VFMBMEM + 4 * IX_MBX_WORDS) {
		ix_set(s, IX_PFMBMEM(vf) + addr - IX_VFMBMEM, val);
		return;
	}
	if (addr >= 0x1000 && addr < 0x3000) {
		if (!ix_vf_queue_reg(s, vf, addr, &r, &stat) || stat)
			goto unmodeled;
		if (r)
			ix_reg_write(s, r, val);
		return;
	}
	if (addr >= 0x3000 && addr < 0x3300)
		return;

	switch (addr) {
	case IX_VFCTRL:
		if (val & IX_VFCTRL_RST)
			ix_vf_reset_event(s, vf);
		return;
	case IX_VFSTATUS:
	case IX_VFLINKS:
	case IX_VFFRTIMER:
		return;
	case IX_VTEICR:
		f->eicr &= ~val;
		return;
	case IX_VTEICS:
		f->eicr |= val & 7;
		break;
	case IX_VTEIMS:
		f->eims |= val & 7;
		break;
	case IX_VTEIMC:
		f->eims &= ~val;
		return;
	case IX_VTEIAC:
		f->eiac = val & 7;
		return;
	case IX_VTEIAM:
		f->eiam = val & 7;
		return;
	case IX_VTIVAR(0) ... IX_VTIVAR(3):
		f->ivar[(addr - IX_VTIVAR(0)) / 4] = val;
		return;
	case IX_VTIVAR_MISC:
		f->ivar_misc = val;
		return;
	case IX_VTEITR(0) ... IX_VTEITR(IX_VF_MSIX_VECTORS - 1):
		f->eitr[(addr - IX_VTEITR(0)) / 4] = val;
		return;
	case IX_VFMAILBOX:
		ix_mbx_vf_write(s, vf, val);
		return;
	case IX_VFPSRTYPE:
		ix_set(s, IX_PSRTYPE(vf), val);
		return;
	default:
		goto unmodeled;
	}
	ix_vf_deliver(s, vf);
	return;
unmodeled:
	ix_unmodeled(s, "VF write of unmodelled register", addr, val);
}

static const MemoryRegionOps ix_vf_mmio_ops = {
	.read = ix_vf_read,
	.write = ix_vf_write,
	.endianness = DEVICE_LITTLE_ENDIAN,
	.valid = { .min_access_size = 1, .max_access_size = 4 },
	.impl = { .min_access_size = 1, .max_access_size = 4 },
};

/* --- the VF PCI function ---------------------------------------------- */

static void ix_vf_config_write(PCIDevice *d, uint32_t addr, uint32_t val,
			       int len)
{
	uint32_t ctl = IX_CAP_PCIE + PCI_EXP_DEVCTL;
	bool flr = range_covers_byte(addr, len, ctl + 1) &&
		   (val << (8 * (addr - ctl)) & PCI_EXP_DEVCTL_BCR_FLR);
	int vf;
	IX82599State *s = ix_vf_pf(d, &vf);

	pci_default_write_config(d, addr, val, len);
	pcie_cap_flr_write_config(d, addr, val, len);
	/* an FLR is reported to the PF like VFCTRL.RST */
	if (flr)
		ix_mbx_vf_reset_event(s, vf);
}

static void ix_vf_realize(PCIDevice *d, Error **errp)
{
	IX82599VFState *v = IX82599_VF(d);
	int i;

	/* VFs carry the board's subsystem IDs, as the PF does */
	pci_set_word(d->config + PCI_SUBSYSTEM_VENDOR_ID, IX_PCI_VENDOR_INTEL);
	pci_set_word(d->config + PCI_SUBSYSTEM_ID, IX_SUBSYS_ID);
	memory_region_init_io(&v->mmio, OBJECT(d), &ix_vf_mmio_ops, d,
			      "ix82599vf-mmio", IX_VF_BAR0_SIZE);
	pcie_sriov_vf_register_bar(d, IX_VF_BAR_MMIO, &v->mmio);
	memory_region_init(&v->msix, OBJECT(d), "ix82599vf-msix",
			   IX_MSIX_BAR_SIZE);
	pcie_sriov_vf_register_bar(d, IX_VF_BAR_MSIX, &v->msix);
	if (msix_init(d, IX_VF_MSIX_VECTORS, &v->msix, IX_VF_BAR_MSIX, 0,
		      &v->msix, IX_VF_BAR_MSIX, IX_VF_MSIX_PBA, IX_CAP_MSIX,
		      errp))
		return;
	for (i = 0; i < IX_VF_MSIX_VECTORS; i++)
		msix_vector_use(d, i);
	if (pcie_endpoint_cap_init(d, IX_CAP_PCIE) < 0) {
		error_setg(errp, "ix82599vf: PCIe capability");
		return;
	}
	pcie_cap_flr_init(d);
	if (pcie_aer_init(d, PCI_ERR_VER, IX_EXT_CAP_AER, PCI_ERR_SIZEOF,
			  errp) < 0)
		return;
	pcie_ari_init(d, IX_EXT_CAP_ARI, 0);
}

static void ix_vf_exit(PCIDevice *d)
{
	IX82599VFState *v = IX82599_VF(d);

	pcie_aer_exit(d);
	msix_unuse_all_vectors(d);
	msix_uninit(d, &v->msix, &v->msix);
}

/* FLR, PCI reset and creation: the VF's share of the PF state starts over. */
static void ix_vf_qdev_reset(DeviceState *dev)
{
	PCIDevice *d = PCI_DEVICE(dev);
	int vf;
	IX82599State *s = ix_vf_pf(d, &vf);

	ix_vf_reset_state(s, vf);
}

static void ix_vf_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

	k->realize = ix_vf_realize;
	k->exit = ix_vf_exit;
	k->config_write = ix_vf_config_write;
	k->vendor_id = IX_PCI_VENDOR_INTEL;
	k->device_id = IX_PCI_DEVICE_82599_VF;
	k->revision = 0x01;
	k->class_id = PCI_CLASS_NETWORK_ETHERNET;
	dc->desc = "Intel 82599 virtual function (behavioural model)";
	dc->reset = ix_vf_qdev_reset;
	dc->user_creatable = false;
	set_bit(DEVICE_CATEGORY_NETWORK, dc->categories);
}

static const TypeInfo ix_vf_type_info = {
	.name = TYPE_IX82599_VF,
	.parent = TYPE_PCI_DEVICE,
	.instance_size = sizeof(IX82599VFState),
	.class_init = ix_vf_class_init,
	.interfaces = (InterfaceInfo[]) {
		{ INTERFACE_PCIE_DEVICE },
		{ }
	},
};

static void ix_vf_register_types(void)
{
	type_register_static(&ix_vf_type_info);
}

type_init(ix_vf_register_types)

/* The PF's side: ARI and the SR-IOV capability. */
void ix_sriov_pf_init(PCIDevice *d)
{
	uint8_t bar = PCI_BASE_ADDRESS_SPACE_MEMORY |
		      PCI_BASE_ADDRESS_MEM_TYPE_64 |
		      PCI_BASE_ADDRESS_MEM_PREFETCH;

	pcie_ari_init(d, IX_EXT_CAP_ARI, 0);
	pcie_sriov_pf_init(d, IX_EXT_CAP_SRIOV, TYPE_IX82599_VF,
			   IX_PCI_DEVICE_82599_VF, IX_MAX_VFS, IX_MAX_VFS,
			   0x80, 2);
	pcie_sriov_pf_init_vf_bar(d, IX_VF_BAR_MMIO, bar, IX_VF_BAR0_SIZE);
	pcie_sriov_pf_init_vf_bar(d, IX_VF_BAR_MSIX, bar, IX_MSIX_BAR_SIZE);
}
