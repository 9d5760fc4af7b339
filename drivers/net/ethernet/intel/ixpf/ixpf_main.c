// SPDX-License-Identifier: GPL-2.0
/*
 * ixpf: PCI glue — device table, probe/remove, PCI error recovery and
 * function-level reset, shutdown, module entry points.
 */
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/module.h>

#include "ixpf.h"

/* driver_data: the board was tested against the ix82599 model (KX4) */
#define IXPF_TESTED	1

static const struct pci_device_id ixpf_pci_tbl[] = {
	{ PCI_VDEVICE(INTEL, IX_PCI_DEVICE_82599_KX4), IXPF_TESTED },
	{ PCI_VDEVICE(INTEL, 0x1514) },	/* KX4 mezzanine */
	{ PCI_VDEVICE(INTEL, 0x1517) },	/* KR */
	{ PCI_VDEVICE(INTEL, 0x10F8) },	/* combo backplane */
	{ PCI_VDEVICE(INTEL, 0x152A) },	/* backplane, FCoE */
	{ PCI_VDEVICE(INTEL, 0x10F9) },	/* CX4 */
	{ PCI_VDEVICE(INTEL, 0x10FC) },	/* XAUI LOM */
	{ PCI_VDEVICE(INTEL, 0x151C) },	/* T3 LOM */
	{ PCI_VDEVICE(INTEL, 0x10FB) },	/* SFP+ (X520-DA2 and others) */
	{ PCI_VDEVICE(INTEL, 0x1529) },	/* SFP+, FCoE */
	{ PCI_VDEVICE(INTEL, 0x1507) },	/* SFP+ embedded */
	{ PCI_VDEVICE(INTEL, 0x154D) },	/* SFP+ SF2 */
	{ PCI_VDEVICE(INTEL, 0x154A) },	/* SFP+ SF QP */
	{ PCI_VDEVICE(INTEL, 0x1557) },	/* 82599EN SFP+ */
	{ PCI_VDEVICE(INTEL, 0x1558) },	/* QSFP+ SF QP */
	{ PCI_VDEVICE(INTEL, 0x154F) },	/* LS */
	{ }
};
MODULE_DEVICE_TABLE(pci, ixpf_pci_tbl);

static void ixpf_default_rss(struct ixpf_adapter *a)
{
	unsigned int i;

	netdev_rss_key_fill(a->rss_key, sizeof(a->rss_key));
	for (i = 0; i < IXPF_RETA_SIZE; i++)
		a->reta[i] = i % a->num_queues;
}

static int ixpf_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ixpf_adapter *a;
	struct net_device *nd;
	int err;

	err = pci_enable_device_mem(pdev);
	if (err)
		return err;
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err) {
		dev_err(&pdev->dev, "no usable DMA configuration\n");
		goto err_disable;
	}
	err = pci_request_mem_regions(pdev, IXPF_DRV_NAME);
	if (err)
		goto err_disable;
	pci_set_master(pdev);
	pci_save_state(pdev);

	a = ixpf_netdev_create(pdev);
	if (!a) {
		err = -ENOMEM;
		goto err_regions;
	}
	nd = a->netdev;
	pci_set_drvdata(pdev, a);

	a->bar0 = pci_ioremap_bar(pdev, 0);
	if (!a->bar0) {
		err = -EIO;
		goto err_free;
	}
	a->hw_addr = a->bar0;
	if (!(id->driver_data & IXPF_TESTED))
		dev_warn(&pdev->dev,
			 "board %04x:%04x is untested: SFP/PHY media setup is not implemented, the link may stay down\n",
			 pdev->vendor, pdev->device);

	err = ixpf_hw_reset(a);
	if (err)
		goto err_unmap;
	err = ixpf_eeprom_validate(a);	/* says why itself */
	if (err)
		goto err_unmap;
	err = ixpf_hw_init(a);
	if (err)
		goto err_unmap;

	if (is_valid_ether_addr(a->perm_addr)) {
		eth_hw_addr_set(nd, a->perm_addr);
	} else {
		dev_warn(&pdev->dev, "NVM address %pM is invalid, using a random one\n",
			 a->perm_addr);
		eth_hw_addr_random(nd);
	}
	memcpy(nd->perm_addr, a->perm_addr, ETH_ALEN);

	err = ixpf_irq_alloc_vectors(a);
	if (err)
		goto err_release;
	a->num_queues = min_t(unsigned int, num_online_cpus(), a->max_queues);
	ixpf_default_rss(a);
	ixpf_irq_configure(a);

	/* 64 pools, one kept by the PF */
	pci_sriov_set_totalvfs(pdev, IXPF_MAX_VFS);

	netif_carrier_off(nd);
	err = register_netdev(nd);
	if (err)
		goto err_vectors;
	ixpf_service_start(a);

	netdev_info(nd, "Intel(R) 82599 10 Gigabit Network Connection, MAC %pM, %u queues, NVM 0x%08x\n",
		    nd->dev_addr, a->num_queues, a->etrack_id);
	return 0;

err_vectors:
	ixpf_irq_free_vectors(a);
err_release:
	ixpf_hw_release(a);
err_unmap:
	iounmap(a->bar0);
err_free:
	free_netdev(nd);
err_regions:
	pci_release_mem_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

/* Quiesce the "other" interrupt and the work it schedules. */
static void ixpf_stop_service(struct ixpf_adapter *a)
{
	set_bit(IXPF_REMOVING, a->state);
	ixpf_wr(a, IX_EIMC, IX_EICR_OTHER_CAUSES | IX_EICR_OTHER);
	if (a->other_requested)
		synchronize_irq(pci_irq_vector(a->pdev, a->other_vector));
	ixpf_service_stop(a);
	cancel_work_sync(&a->reset_task);
}

static void ixpf_remove(struct pci_dev *pdev)
{
	struct ixpf_adapter *a = pci_get_drvdata(pdev);

	/* VF drivers may still talk to us while their functions go away */
	ixpf_sriov_remove(a);
	ixpf_stop_service(a);
	unregister_netdev(a->netdev);	/* closes it */
	if (!ixpf_removed(a))
		ixpf_hw_reset(a);
	ixpf_hw_release(a);
	ixpf_irq_free_vectors(a);
	iounmap(a->bar0);
	free_netdev(a->netdev);
	pci_release_mem_regions(pdev);
	pci_disable_device(pdev);
}

static void ixpf_shutdown(struct pci_dev *pdev)
{
	struct ixpf_adapter *a = pci_get_drvdata(pdev);

	ixpf_stop_service(a);
	rtnl_lock();
	netif_device_detach(a->netdev);
	if (netif_running(a->netdev)) {
		mutex_lock(&a->cfg_lock);
		ixpf_down(a);
		mutex_unlock(&a->cfg_lock);
	}
	rtnl_unlock();
	ixpf_hw_reset(a);
	ixpf_hw_release(a);
	pci_disable_device(pdev);
}

/* ---- PCI error recovery and function-level reset ------------------------ */

static void ixpf_quiesce(struct ixpf_adapter *a)
{
	rtnl_lock();
	netif_device_detach(a->netdev);
	mutex_lock(&a->cfg_lock);
	set_bit(IXPF_RESETTING, a->state);
	if (netif_running(a->netdev))
		ixpf_down(a);
	mutex_unlock(&a->cfg_lock);
	rtnl_unlock();
}

/* Bring the function back after its registers were reset. */
static int ixpf_restart(struct ixpf_adapter *a)
{
	int err;

	rtnl_lock();
	mutex_lock(&a->cfg_lock);
	/* reads of all ones during the reset may have marked it gone */
	WRITE_ONCE(a->hw_addr, a->bar0);
	err = ixpf_hw_reset(a);
	if (!err)
		err = ixpf_hw_init(a);
	clear_bit(IXPF_RESETTING, a->state);
	if (!err) {
		ixpf_irq_configure(a);
		if (netif_running(a->netdev))
			err = ixpf_up(a);
	}
	mutex_unlock(&a->cfg_lock);
	if (!err)
		netif_device_attach(a->netdev);
	rtnl_unlock();
	if (err)
		dev_err(&a->pdev->dev, "cannot restart after reset: %d\n", err);
	return err;
}

static pci_ers_result_t ixpf_error_detected(struct pci_dev *pdev,
					    pci_channel_state_t state)
{
	struct ixpf_adapter *a = pci_get_drvdata(pdev);

	dev_warn(&pdev->dev, "PCI error detected (state %d)\n", state);
	ixpf_quiesce(a);
	if (state == pci_channel_io_perm_failure)
		return PCI_ERS_RESULT_DISCONNECT;
	pci_disable_device(pdev);
	return PCI_ERS_RESULT_NEED_RESET;
}

static pci_ers_result_t ixpf_slot_reset(struct pci_dev *pdev)
{
	struct ixpf_adapter *a = pci_get_drvdata(pdev);

	if (pci_enable_device_mem(pdev)) {
		dev_err(&pdev->dev, "cannot re-enable the device after reset\n");
		return PCI_ERS_RESULT_DISCONNECT;
	}
	pci_set_master(pdev);
	pci_restore_state(pdev);
	pci_save_state(pdev);
	/* a recovered device is reachable again */
	WRITE_ONCE(a->hw_addr, a->bar0);
	return PCI_ERS_RESULT_RECOVERED;
}

static void ixpf_resume(struct pci_dev *pdev)
{
	ixpf_restart(pci_get_drvdata(pdev));
}

static void ixpf_reset_prepare(struct pci_dev *pdev)
{
	ixpf_quiesce(pci_get_drvdata(pdev));
}

static void ixpf_reset_done(struct pci_dev *pdev)
{
	ixpf_restart(pci_get_drvdata(pdev));
}

static const struct pci_error_handlers ixpf_err_handlers = {
	.error_detected	= ixpf_error_detected,
	.slot_reset	= ixpf_slot_reset,
	.resume		= ixpf_resume,
	.reset_prepare	= ixpf_reset_prepare,
	.reset_done	= ixpf_reset_done,
};

static struct pci_driver ixpf_driver = {
	.name		= IXPF_DRV_NAME,
	.id_table	= ixpf_pci_tbl,
	.probe		= ixpf_probe,
	.remove		= ixpf_remove,
	.shutdown	= ixpf_shutdown,
	.err_handler	= &ixpf_err_handlers,
	.sriov_configure = ixpf_sriov_configure,
};

module_pci_driver(ixpf_driver);

MODULE_DESCRIPTION("Intel 82599 10GbE SR-IOV physical function driver");
MODULE_LICENSE("GPL");
