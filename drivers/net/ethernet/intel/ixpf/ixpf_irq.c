// SPDX-License-Identifier: GPL-2.0
/*
 * ixpf: MSI-X. Vector i (i < num_queues) serves Tx/Rx queue pair i; the
 * last allocated vector takes the "other" causes (link change, later the
 * VF mailbox). In MSI-X mode EICR bit i is vector i's cause (4.6.3.2).
 */
#include <linux/interrupt.h>

#include "ixpf.h"

#define IXPF_OTHER_CAUSES	(IX_EICR_LSC | IX_EICR_OTHER)
#define IXPF_EITR_50US		(24 << 3)	/* ITR interval, 2.048 us units */
#define IXPF_EITR_CNT_WDIS	BIT(31)

static irqreturn_t ixpf_msix_other(int irq, void *data)
{
	struct ixpf_adapter *a = data;
	u32 eicr;

	/* EICS reads EICR without clearing the queue causes (GPIE.OCD). */
	eicr = ixpf_rd(a, IX_EICS);
	if (eicr == ~0U)
		return IRQ_NONE;
	ixpf_wr(a, IX_EICR, eicr & IX_EICR_OTHER_CAUSES);
	atomic_inc(&a->other_irqs);

	if ((eicr & IX_EICR_LSC) && !test_bit(IXPF_REMOVING, a->state))
		mod_delayed_work(system_wq, &a->service_task, 0);
	/* VF messages and VF resets: served now (see ixpf_mbx.c) */
	if (eicr & IX_EICR_MAILBOX)
		ixpf_mbx_irq(a);
	return IRQ_HANDLED;
}

static irqreturn_t ixpf_msix_queue(int irq, void *data)
{
	struct ixpf_q_vector *qv = data;

	/* The vector auto-masked itself (EIAM); NAPI unmasks when done. */
	napi_schedule_irqoff(&qv->napi);
	return IRQ_HANDLED;
}

int ixpf_irq_alloc_vectors(struct ixpf_adapter *a)
{
	struct pci_dev *pdev = a->pdev;
	int nvec, err;

	nvec = pci_alloc_irq_vectors(pdev, 2, IXPF_MAX_VECTORS, PCI_IRQ_MSIX);
	if (nvec < 0) {
		dev_err(&pdev->dev, "cannot allocate MSI-X vectors: %d\n", nvec);
		return nvec;
	}
	a->num_vectors = nvec;
	a->max_queues = nvec - 1;
	a->other_vector = nvec - 1;

	err = request_irq(pci_irq_vector(pdev, a->other_vector),
			  ixpf_msix_other, 0, IXPF_DRV_NAME, a);
	if (err) {
		dev_err(&pdev->dev, "cannot request the link interrupt: %d\n",
			err);
		pci_free_irq_vectors(pdev);
		return err;
	}
	a->other_requested = true;
	return 0;
}

void ixpf_irq_free_vectors(struct ixpf_adapter *a)
{
	if (a->other_requested) {
		free_irq(pci_irq_vector(a->pdev, a->other_vector), a);
		a->other_requested = false;
	}
	pci_free_irq_vectors(a->pdev);
	a->num_vectors = 0;
}

int ixpf_irq_request(struct ixpf_adapter *a)
{
	struct ixpf_q_vector *qv;
	unsigned int i;
	int err;

	for (i = 0; i < a->num_queues; i++) {
		qv = a->qv[i];
		snprintf(qv->name, sizeof(qv->name), "%s-TxRx-%u",
			 a->netdev->name, i);
		err = request_irq(pci_irq_vector(a->pdev, qv->v_idx),
				  ixpf_msix_queue, 0, qv->name, qv);
		if (err) {
			netdev_err(a->netdev, "cannot request IRQ for queue %u: %d\n",
				   i, err);
			goto unwind;
		}
	}
	a->irqs_requested = true;
	return 0;

unwind:
	while (i--)
		free_irq(pci_irq_vector(a->pdev, a->qv[i]->v_idx), a->qv[i]);
	return err;
}

void ixpf_irq_release(struct ixpf_adapter *a)
{
	unsigned int i;

	if (!a->irqs_requested)
		return;
	for (i = 0; i < a->num_queues; i++)
		free_irq(pci_irq_vector(a->pdev, a->qv[i]->v_idx), a->qv[i]);
	a->irqs_requested = false;
}

/* IVAR entry for queue q: Rx in byte 0/2, Tx in byte 1/3 of IVAR(q / 2). */
static void ixpf_set_ivar(struct ixpf_adapter *a, unsigned int q, bool tx,
			  unsigned int vec)
{
	unsigned int shift = 16 * (q & 1) + 8 * tx;
	u32 ivar = ixpf_rd(a, IX_IVAR(q / 2));

	ivar &= ~(0xFFU << shift);
	ivar |= (vec | IX_IVAR_VALID) << shift;
	ixpf_wr(a, IX_IVAR(q / 2), ivar);
}

void ixpf_irq_configure(struct ixpf_adapter *a)
{
	u32 gpie = IX_GPIE_MSIX_MODE | IX_GPIE_PBA_SUPPORT | IX_GPIE_EIAME |
		   IX_GPIE_OCD;
	u32 queue_mask = 0;
	unsigned int i;

	/* VT mode: 32 pools x 4 queues or 64 x 2 (GPIE.VTMODE, 8.2.3.5.18) */
	if (a->qpp)
		gpie |= a->qpp == 4 ? IX_GPIE_VTMODE_32 : IX_GPIE_VTMODE_64;
	ixpf_wr(a, IX_GPIE, gpie);

	for (i = 0; i < a->num_queues && a->qv[i]; i++) {
		ixpf_set_ivar(a, a->queue_base + i, false, a->qv[i]->v_idx);
		ixpf_set_ivar(a, a->queue_base + i, true, a->qv[i]->v_idx);
		ixpf_wr(a, IX_EITR(a->qv[i]->v_idx),
			IXPF_EITR_50US | IXPF_EITR_CNT_WDIS);
		queue_mask |= BIT(a->qv[i]->v_idx);
	}
	/* queue vectors clear their cause and mask themselves on firing */
	ixpf_wr(a, IX_EIAC, queue_mask & IX_EICR_RTX_QUEUE);
	ixpf_wr(a, IX_EIAM_EX(0), queue_mask);
	ixpf_wr(a, IX_EIAM_EX(1), 0);

	ixpf_wr(a, IX_IVAR_MISC, (a->other_vector | IX_IVAR_VALID) << 8);
	ixpf_wr(a, IX_EIMS, IXPF_OTHER_CAUSES |
		(a->num_vfs ? IX_EICR_MAILBOX : 0));
	if (!a->num_vfs)
		ixpf_wr(a, IX_EIMC, IX_EICR_MAILBOX);
	ixpf_flush(a);
}

void ixpf_irq_enable_queue(struct ixpf_adapter *a, unsigned int v_idx)
{
	if (v_idx < 32)
		ixpf_wr(a, IX_EIMS_EX(0), BIT(v_idx));
	else
		ixpf_wr(a, IX_EIMS_EX(1), BIT(v_idx - 32));
}

void ixpf_irq_enable(struct ixpf_adapter *a)
{
	unsigned int i;

	for (i = 0; i < a->num_queues; i++)
		ixpf_irq_enable_queue(a, a->qv[i]->v_idx);
	ixpf_flush(a);
}

void ixpf_irq_disable(struct ixpf_adapter *a)
{
	unsigned int i;

	ixpf_wr(a, IX_EIMC_EX(0), ~0U);
	ixpf_wr(a, IX_EIMC_EX(1), ~0U);
	ixpf_flush(a);
	if (a->irqs_requested)
		for (i = 0; i < a->num_queues; i++)
			synchronize_irq(pci_irq_vector(a->pdev,
						       a->qv[i]->v_idx));
}
