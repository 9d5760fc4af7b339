// SPDX-License-Identifier: GPL-2.0
/*
 * 82599 model: the PCI function and its QEMU plumbing.
 *
 * Config space follows an X520 backplane board: BAR0 64-bit registers
 * (128 KiB), BAR4 64-bit MSI-X (16 KiB: table at 0, PBA at 0x2000), and the
 * capability chain PM 0x40, MSI 0x50, MSI-X 0x70 (64 vectors), PCIe 0xA0,
 * AER 0x100, ARI 0x150 and SR-IOV 0x160 (ix82599_vf.c). ixgbe relies on
 * MSI-X at 0x70 (it reads the table size from config word 0x72) and on PCIe
 * at 0xA0 (status at 0xAA, link at 0xB2).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/module.h"
#include "hw/pci/msi.h"
#include "hw/pci/msix.h"
#include "hw/pci/pcie.h"
#include "hw/pci/pcie_sriov.h"
#include "hw/qdev-properties.h"
#include "migration/vmstate.h"
#include "sysemu/sysemu.h"
#include "ix82599.h"

#define IX_CAP_PM	0x40
#define IX_CAP_MSI	0x50
#define IX_CAP_MSIX	0x70
#define IX_CAP_PCIE	0xA0
#define IX_EXT_CAP_AER	0x100
#define IX_MSIX_PBA	0x2000
#define IX_BAR_MMIO	0
#define IX_BAR_MSIX	4

static ssize_t ix_nc_receive(NetClientState *nc, const uint8_t *buf,
			     size_t size)
{
	return ix_rx_frame(qemu_get_nic_opaque(nc), buf, size, IX_RX_WIRE, 0);
}

static void ix_nc_link_changed(NetClientState *nc)
{
	IX82599State *s = qemu_get_nic_opaque(nc);
	int q;

	ix_link_backend_changed(s, !nc->link_down);
	if (!nc->link_down) {
		/* rings held while the link was down drain now */
		for (q = 0; q < IX_NUM_QUEUES; q++)
			ix_tx_kick(s, q);
	}
}

static NetClientInfo ix_net_info = {
	.type = NET_CLIENT_DRIVER_NIC,
	.size = sizeof(NICState),
	.receive = ix_nc_receive,
	.link_status_changed = ix_nc_link_changed,
};

static void ix_add_pm_cap(PCIDevice *d)
{
	pci_add_capability(d, PCI_CAP_ID_PM, IX_CAP_PM, PCI_PM_SIZEOF,
			   &error_abort);
	pci_set_word(d->config + IX_CAP_PM + PCI_PM_PMC,
		     PCI_PM_CAP_VER_1_2 | PCI_PM_CAP_DSI | PCI_PM_CAP_D1);
	pci_set_word(d->wmask + IX_CAP_PM + PCI_PM_CTRL,
		     PCI_PM_CTRL_STATE_MASK | PCI_PM_CTRL_PME_ENABLE);
	pci_set_word(d->w1cmask + IX_CAP_PM + PCI_PM_CTRL,
		     PCI_PM_CTRL_PME_STATUS);
}

/* The 82599 trains a PCIe 2.0 x8 link. */
static void ix_set_link_caps(PCIDevice *d)
{
	uint8_t *exp = d->config + IX_CAP_PCIE;

	pci_set_long(exp + PCI_EXP_LNKCAP,
		     (pci_get_long(exp + PCI_EXP_LNKCAP) &
		      ~(PCI_EXP_LNKCAP_MLW | PCI_EXP_LNKCAP_SLS)) |
		     QEMU_PCI_EXP_LNKCAP_MLW(QEMU_PCI_EXP_LNK_X8) |
		     QEMU_PCI_EXP_LNKCAP_MLS(QEMU_PCI_EXP_LNK_5GT));
	pci_set_word(exp + PCI_EXP_LNKSTA,
		     QEMU_PCI_EXP_LNKSTA_NLW(QEMU_PCI_EXP_LNK_X8) |
		     QEMU_PCI_EXP_LNKSTA_CLS(QEMU_PCI_EXP_LNK_5GT));
}

static void ix_realize(PCIDevice *d, Error **errp)
{
	IX82599State *s = IX82599(d);
	DeviceState *dev = DEVICE(d);
	int i;

	d->config[PCI_CACHE_LINE_SIZE] = 0x10;
	d->config[PCI_INTERRUPT_PIN] = 1;
	pci_set_word(d->config + PCI_SUBSYSTEM_VENDOR_ID, IX_PCI_VENDOR_INTEL);
	pci_set_word(d->config + PCI_SUBSYSTEM_ID, IX_SUBSYS_ID);

	memory_region_init_io(&s->mmio, OBJECT(s), &ix_mmio_ops, s,
			      "ix82599-mmio", IX_BAR0_SIZE);
	pci_register_bar(d, IX_BAR_MMIO, PCI_BASE_ADDRESS_SPACE_MEMORY |
			 PCI_BASE_ADDRESS_MEM_TYPE_64, &s->mmio);
	memory_region_init(&s->msix, OBJECT(s), "ix82599-msix",
			   IX_MSIX_BAR_SIZE);
	pci_register_bar(d, IX_BAR_MSIX, PCI_BASE_ADDRESS_SPACE_MEMORY |
			 PCI_BASE_ADDRESS_MEM_TYPE_64, &s->msix);

	ix_add_pm_cap(d);
	if (msi_init(d, IX_CAP_MSI, 1, true, true, errp))
		return;
	if (msix_init(d, IX_MSIX_VECTORS, &s->msix, IX_BAR_MSIX, 0,
		      &s->msix, IX_BAR_MSIX, IX_MSIX_PBA, IX_CAP_MSIX, errp))
		return;
	for (i = 0; i < IX_MSIX_VECTORS; i++)
		msix_vector_use(d, i);
	if (pcie_endpoint_cap_init(d, IX_CAP_PCIE) < 0) {
		error_setg(errp, "ix82599: PCIe capability");
		return;
	}
	ix_set_link_caps(d);
	pcie_cap_flr_init(d);
	if (pcie_aer_init(d, PCI_ERR_VER, IX_EXT_CAP_AER, PCI_ERR_SIZEOF,
			  errp) < 0)
		return;
	ix_sriov_pf_init(d);

	qemu_macaddr_default_if_unset(&s->conf.macaddr);
	s->nic = qemu_new_nic(&ix_net_info, &s->conf,
			      object_get_typename(OBJECT(s)), dev->id,
			      &dev->mem_reentrancy_guard, s);
	qemu_format_nic_info_str(qemu_get_queue(s->nic), s->conf.macaddr.a);

	ix_regs_init_kinds(s);
	ix_eeprom_build(s);
	ix_tx_init(s);
	ix_rate_init(s);
	s->link_up = !qemu_get_queue(s->nic)->link_down;
}

static void ix_exit(PCIDevice *d)
{
	IX82599State *s = IX82599(d);

	qemu_del_nic(s->nic);
	pcie_sriov_pf_exit(d);
	pcie_aer_exit(d);
	msix_unuse_all_vectors(d);
	msix_uninit(d, &s->msix, &s->msix);
	msi_uninit(d);
	ix_tx_uninit(s);
	ix_rate_uninit(s);
}

static void ix_config_write(PCIDevice *d, uint32_t addr, uint32_t val,
			    int len)
{
	pci_default_write_config(d, addr, val, len);
	pcie_cap_flr_write_config(d, addr, val, len);
}

/*
 * Power-on, PCI reset and FLR: everything back to its initial value. Unlike
 * a CTRL.RST software reset, these also take the VFs away (VF Enable drops).
 */
static void ix_qdev_reset(DeviceState *dev)
{
	IX82599State *s = IX82599(dev);

	pcie_sriov_pf_disable_vfs(PCI_DEVICE(dev));
	ix_mbx_reset(s);

	ix_regs_reset(s);
	ix_intr_reset(s);
	ix_tx_reset(s);
	ix_rate_reset(s);
	ix_link_reset(s);
	s->link_up = !qemu_get_queue(s->nic)->link_down;
}

static const VMStateDescription ix_vmstate = {
	.name = "ix82599",
	.unmigratable = 1,
};

static Property ix_properties[] = {
	DEFINE_NIC_PROPERTIES(IX82599State, conf),
	DEFINE_PROP_BOOL("x-abort-unmodeled", IX82599State, fail_unmodeled,
			 false),
	DEFINE_PROP_BOOL("eeprom-bad-checksum", IX82599State,
			 eeprom_bad_checksum, false),
	DEFINE_PROP_END_OF_LIST(),
};

static void ix_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

	k->realize = ix_realize;
	k->exit = ix_exit;
	k->config_write = ix_config_write;
	k->vendor_id = IX_PCI_VENDOR_INTEL;
	k->device_id = IX_PCI_DEVICE_82599_KX4;
	k->revision = 0x01;
	k->class_id = PCI_CLASS_NETWORK_ETHERNET;
	dc->desc = "Intel 82599 10GbE (KX4 backplane) behavioural model";
	dc->reset = ix_qdev_reset;
	dc->vmsd = &ix_vmstate;
	device_class_set_props(dc, ix_properties);
	set_bit(DEVICE_CATEGORY_NETWORK, dc->categories);
}

static const TypeInfo ix_type_info = {
	.name = TYPE_IX82599,
	.parent = TYPE_PCI_DEVICE,
	.instance_size = sizeof(IX82599State),
	.class_init = ix_class_init,
	.interfaces = (InterfaceInfo[]) {
		{ INTERFACE_PCIE_DEVICE },
		{ }
	},
};

static void ix_register_types(void)
{
	type_register_static(&ix_type_info);
}

type_init(ix_register_types)
