// SPDX-License-Identifier: GPL-2.0
/*
 * ixpf: SR-IOV — sriov_configure and the VT mode of the MAC: pools, the
 * PF's place among them, and what every MAC reset must put back.
 *
 * VF n uses pool n; the PF takes pool num_vfs, so its queues start at
 * num_vfs x qpp. Up to 31 VFs the MAC runs 32 pools of 4 queues, above
 * that 64 pools of 2 (82599-sriov.md section 4).
 */
#include <linux/etherdevice.h>

#include "ixpf.h"

static unsigned int ixpf_pf_pool(struct ixpf_adapter *a)
{
	return a->num_vfs;
}

/* CTRL_EXT.PFRSTD: the VFs' RSTI becomes RSTD and they redo VF_RESET */
void ixpf_vt_reset_done(struct ixpf_adapter *a)
{
	if (a->num_vfs)
		ixpf_wr(a, IX_CTRL_EXT,
			ixpf_rd(a, IX_CTRL_EXT) | IX_CTRL_EXT_PFRSTD);
}

/*
 * After a MAC reset with VFs enabled: pools, the PF's pool, the switch,
 * mailbox interrupts, and every VF's admin configuration. The VFs see the
 * reset (RSTI) and come back through VF_RESET, which is where their own
 * requests are replayed.
 */
void ixpf_vt_configure(struct ixpf_adapter *a)
{
	unsigned int pool = ixpf_pf_pool(a), i, rqpl;
	unsigned long flags;
	u32 rttdcs;

	if (!a->num_vfs)
		return;

	ixpf_wr(a, IX_GCR_EXT, IX_GCR_EXT_MSIX_EN |
		(a->qpp == 4 ? 2 : 3));		/* VT_MODE: 32 or 64 pools */

	/* the Tx pool layout may change only with the arbiter off */
	rttdcs = ixpf_rd(a, IX_RTTDCS);
	ixpf_wr(a, IX_RTTDCS, rttdcs | IX_RTTDCS_ARBDIS);
	ixpf_wr(a, IX_MTQC, IX_MTQC_VT_ENA |
		(a->qpp == 4 ? IX_MTQC_32VF : IX_MTQC_64VF));
	ixpf_wr(a, IX_RTTDCS, rttdcs & ~IX_RTTDCS_ARBDIS);

	/* default pool (frames no filter claims) is the PF's; replicate */
	ixpf_wr(a, IX_VT_CTL, IX_VT_CTL_VT_ENABLE | IX_VT_CTL_REPLEN |
		(pool << IX_VT_CTL_POOL_SHIFT));

	/* Rx/Tx enable: the PF's pool now, each VF's after its VF_RESET */
	ixpf_wr(a, IX_VFRE(0), 0);
	ixpf_wr(a, IX_VFRE(1), 0);
	ixpf_wr(a, IX_VFTE(0), 0);
	ixpf_wr(a, IX_VFTE(1), 0);
	ixpf_hw_pool_bit(a, IX_VFRE(0), IX_VFRE(1), pool, true);
	ixpf_hw_pool_bit(a, IX_VFTE(0), IX_VFTE(1), pool, true);

	/* VEB: VF<->VF and VF<->PF frames are switched inside the MAC */
	ixpf_wr(a, IX_PFDTXGSWC, IX_PFDTXGSWC_VT_LBEN);

	ixpf_wr(a, IX_VMOLR(pool), IX_VMOLR_AUPE | IX_VMOLR_BAM |
		IX_VMOLR_ROMPE);
	/* RSS inside the PF's pool over num_queues (RQPL = log2) */
	rqpl = a->num_queues >= 4 ? 2 : a->num_queues >= 2 ? 1 : 0;
	ixpf_wr(a, IX_PSRTYPE(pool), rqpl << 29);

	ixpf_hw_set_rar(a, 0, a->netdev->dev_addr);
	/* MRQC: VMDq + RSS for the pool count, even while the PF is down */
	ixpf_hw_set_rss(a);
	/* the PF's VLANs, now through VLVF entries of its pool */
	spin_lock_irqsave(&a->filter_lock, flags);
	for_each_set_bit(i, a->active_vlans, VLAN_N_VID)
		ixpf_vlvf_set(a, i, pool, true);
	spin_unlock_irqrestore(&a->filter_lock, flags);

	/* mailbox interrupts from every VF */
	for (i = 0; i < 2; i++)
		ixpf_wr(a, IX_PFMBIMR(i), ~0U);

	/*
	 * The MAC reset took the VFs' filters: they start over from their
	 * admin configuration, their software state too (address filters
	 * held, VLANs, multicast), or it would outlive the hardware's.
	 */
	spin_lock_irqsave(&a->vf_lock, flags);
	for (i = 0; i < a->num_vfs; i++)
		ixpf_vf_reset(a, &a->vfs[i]);
	spin_unlock_irqrestore(&a->vf_lock, flags);
	/* VFs waiting in reset may go on (RSTD) once the PF is up */
	if (!test_bit(IXPF_DOWN, a->state))
		ixpf_vt_reset_done(a);
}

/*
 * Every pool register back to its reset value, as a MAC reset would leave
 * it, but with the link untouched: VT off, no pool enabled, no VF address,
 * VLAN, anti-spoofing or rate limit left, the PF's addresses to come back
 * with its filters.
 */
static void ixpf_vt_clear(struct ixpf_adapter *a)
{
	unsigned long flags;
	unsigned int i;
	u32 rttdcs;

	ixpf_wr(a, IX_VT_CTL, 0);
	ixpf_wr(a, IX_GCR_EXT, 0);
	rttdcs = ixpf_rd(a, IX_RTTDCS);
	ixpf_wr(a, IX_RTTDCS, rttdcs | IX_RTTDCS_ARBDIS);
	ixpf_wr(a, IX_MTQC, 0);
	ixpf_wr(a, IX_RTTDCS, rttdcs & ~IX_RTTDCS_ARBDIS);
	ixpf_wr(a, IX_PFDTXGSWC, 0);
	for (i = 0; i < 2; i++) {
		ixpf_wr(a, IX_VFRE(i), 0);
		ixpf_wr(a, IX_VFTE(i), 0);
		ixpf_wr(a, IX_PFMBIMR(i), 0);
		ixpf_wr(a, IX_VMECM(i), 0);
	}
	for (i = 0; i < 8; i++)
		ixpf_wr(a, IX_PFVFSPOOF(i), 0);
	for (i = 0; i < 64; i++) {
		ixpf_wr(a, IX_VMOLR(i), 0);
		ixpf_wr(a, IX_VMVIR(i), 0);
		ixpf_wr(a, IX_PSRTYPE(i), 0);
		ixpf_wr(a, IX_IVAR(i), 0);	/* queues change hands */
	}
	for (i = 0; i < IX_NUM_QUEUES; i++) {
		ixpf_wr(a, IX_RTTDQSEL, i);
		ixpf_wr(a, IX_RTTBCNRC, 0);
	}
	for (i = 1; i < IX_NUM_RAR; i++)
		ixpf_hw_clear_rar(a, i);
	ixpf_hw_set_rar(a, 0, a->netdev->dev_addr);

	spin_lock_irqsave(&a->filter_lock, flags);
	for (i = 0; i < IX_NUM_VLVF; i++) {
		ixpf_wr(a, IX_VLVF(i), 0);
		ixpf_wr(a, IX_VLVFB(2 * i), 0);
		ixpf_wr(a, IX_VLVFB(2 * i + 1), 0);
	}
	memset(a->vf_mta, 0, sizeof(a->vf_mta));
	ixpf_hw_restore_vfta(a);
	spin_unlock_irqrestore(&a->filter_lock, flags);

	spin_lock_irqsave(&a->vf_lock, flags);
	memset(a->macvlan_owner, 0, sizeof(a->macvlan_owner));
	memset(a->macvlan_addr, 0, sizeof(a->macvlan_addr));
	spin_unlock_irqrestore(&a->vf_lock, flags);
}

static void ixpf_vfs_init(struct ixpf_adapter *a, unsigned int n)
{
	struct ixpf_vf *vf;
	unsigned int i;

	for (i = 0; i < n; i++) {
		vf = &a->vfs[i];
		vf->id = i;
		vf->state = IXPF_VF_WAIT_RESET;
		vf->api = IX_MBX_API_10;
		vf->admin.spoofchk = true;
		vf->admin.link_state = IFLA_VF_LINK_STATE_AUTO;
		ratelimit_state_init(&vf->log_rs, 5 * HZ, 10);
		ratelimit_set_flags(&vf->log_rs, RATELIMIT_MSG_ON_RELEASE);
	}
}

/* The PF's share of queues for @n VFs: qpp, and at most that many queues */
static void ixpf_set_layout(struct ixpf_adapter *a, unsigned int n)
{
	a->num_vfs = n;
	a->qpp = n ? (n < 32 ? 4 : 2) : 0;
	a->queue_base = n * a->qpp;
}

/*
 * The pools for @n VFs (0: VT off) without a MAC reset; the caller has
 * stopped the PF's datapath (cfg_lock held) and no VF is enabled.
 */
void ixpf_vt_relayout(struct ixpf_adapter *a, unsigned int n)
{
	spin_lock_irq(&a->vf_lock);
	ixpf_set_layout(a, n);
	spin_unlock_irq(&a->vf_lock);
	ixpf_vt_clear(a);
	ixpf_hw_set_rss(a);
	ixpf_vt_configure(a);
	ixpf_rx_mode_sync(a);		/* the PF's addresses, in its new pool */
}

/*
 * No VF left for the mailbox interrupt to see (even if a relayout failed
 * on a vanished device), then the array goes.
 */
static void ixpf_vfs_free(struct ixpf_adapter *a)
{
	spin_lock_irq(&a->vf_lock);
	ixpf_set_layout(a, 0);
	spin_unlock_irq(&a->vf_lock);
	kfree(a->vfs);
	a->vfs = NULL;
}

static int ixpf_sriov_enable(struct ixpf_adapter *a, int n)
{
	unsigned int want_q = a->num_queues;
	int err;

	a->vfs = kcalloc(n, sizeof(*a->vfs), GFP_KERNEL);
	if (!a->vfs)
		return -ENOMEM;
	ixpf_vfs_init(a, n);

	rtnl_lock();
	err = ixpf_relayout(a, n, min(want_q, n < 32 ? 4U : 2U));
	rtnl_unlock();
	if (err)
		goto undo;

	err = pci_enable_sriov(a->pdev, n);
	if (err) {
		dev_err(&a->pdev->dev, "pci_enable_sriov(%d) failed: %d\n",
			n, err);
		goto undo;
	}
	dev_info(&a->pdev->dev, "%d VFs enabled, %u queues each\n", n, a->qpp);
	return n;

undo:
	rtnl_lock();
	ixpf_relayout(a, 0, want_q);
	rtnl_unlock();
	ixpf_vfs_free(a);
	return err;
}

static int ixpf_sriov_disable(struct ixpf_adapter *a)
{
	unsigned int want_q = min_t(unsigned int, num_online_cpus(),
				    a->max_queues);

	if (!a->num_vfs)
		return 0;
	/* a VF in a guest keeps being served: refuse, change nothing */
	if (pci_vfs_assigned(a->pdev)) {
		dev_warn(&a->pdev->dev,
			 "VFs are assigned to guests: not disabling SR-IOV\n");
		return -EPERM;
	}
	pci_disable_sriov(a->pdev);

	rtnl_lock();
	ixpf_relayout(a, 0, want_q);
	rtnl_unlock();
	ixpf_vfs_free(a);
	dev_info(&a->pdev->dev, "SR-IOV disabled\n");
	return 0;
}

int ixpf_sriov_configure(struct pci_dev *pdev, int num_vfs)
{
	struct ixpf_adapter *a = pci_get_drvdata(pdev);

	if (num_vfs < 0 || num_vfs > IXPF_MAX_VFS)
		return -EINVAL;
	if (num_vfs == 0)
		return ixpf_sriov_disable(a);
	if (a->num_vfs)
		return -EBUSY;	/* the PCI core asks for 0 first anyway */
	return ixpf_sriov_enable(a, num_vfs);
}

/* Module unload: VFs that no guest holds go away with the PF. */
void ixpf_sriov_remove(struct ixpf_adapter *a)
{
	if (!a->num_vfs)
		return;
	if (pci_vfs_assigned(a->pdev))
		dev_warn(&a->pdev->dev,
			 "VFs still assigned to guests are disabled with the PF\n");
	pci_disable_sriov(a->pdev);
	ixpf_vfs_free(a);
}
