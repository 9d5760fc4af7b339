// SPDX-License-Identifier: GPL-2.0
/*
 * 82599 model: interrupt causes, masks and delivery.
 *
 * MSI-X mode (GPIE.MSIX_MODE): queue causes are mapped by IVAR to one of
 * 64 vectors; each vector has a cause bit (EICR 15:0 shows vectors 0..15),
 * a mask bit (EIMS/EIMS_EX), an auto-clear bit (EIAC; vectors 16..63 always
 * auto-clear) and an auto-mask bit (EIAM_EX, when GPIE.EIAME). The "other"
 * causes (EICR 30:16: mailbox, link, ...) share the vector named in
 * IVAR_MISC byte 1 and are cleared only by software (EICR write).
 *
 * MSI/INTx mode: one interrupt, asserted while EICR & EIMS is non-zero.
 * EITR moderation is not modelled: interrupts are raised at once.
 */
#include "qemu/osdep.h"
#include "hw/pci/msi.h"
#include "hw/pci/msix.h"
#include "ix82599.h"

#define IX_VEC_LOW_MASK	0xFFFFULL	/* vectors visible in EICR/EIMS */

static bool ix_msix_mode(IX82599State *s)
{
	return ix_get(s, IX_GPIE) & IX_GPIE_MSIX_MODE;
}

void ix_intr_reset(IX82599State *s)
{
	s->vec_cause = 0;
	s->vec_mask = 0;
	s->vec_autoclear = 0;
	s->vec_automask = 0;
	s->other_cause = 0;
}

/* EICR as software sees it */
static uint32_t ix_eicr(IX82599State *s)
{
	uint32_t v = s->other_cause;

	v |= s->vec_cause & IX_VEC_LOW_MASK;
	if (v & IX_EICR_OTHER_CAUSES)
		v |= IX_EICR_OTHER;
	return v;
}

static uint32_t ix_eims(IX82599State *s)
{
	return (s->vec_mask & IX_VEC_LOW_MASK) |
	       (ix_get(s, IX_EIMS) & 0xFFFF0000);
}

void ix_intr_update_legacy(IX82599State *s)
{
	PCIDevice *d = PCI_DEVICE(s);
	bool pending;

	if (ix_msix_mode(s) && msix_enabled(d))
		return;
	pending = ix_eicr(s) & ix_eims(s);
	if (msi_enabled(d)) {
		if (pending)
			msi_notify(d, 0);
		return;
	}
	pci_set_irq(d, pending);
}

static void ix_fire_vector(IX82599State *s, unsigned int v)
{
	uint64_t bit = 1ULL << v;
	PCIDevice *d = PCI_DEVICE(s);

	if (!(s->vec_cause & bit) || !(s->vec_mask & bit))
		return;
	if (!msix_enabled(d))
		return;
	if (v >= 16 || (s->vec_autoclear & bit))
		s->vec_cause &= ~bit;
	if ((ix_get(s, IX_GPIE) & IX_GPIE_EIAME) && (s->vec_automask & bit))
		s->vec_mask &= ~bit;
	msix_notify(d, v);
}

static int ix_other_vector(IX82599State *s)
{
	uint32_t b = (ix_get(s, IX_IVAR_MISC) >> 8) & 0xFF;

	return (b & IX_IVAR_VALID) ? (int)(b & 0x3F) : -1;
}

static void ix_fire_other(IX82599State *s)
{
	int v = ix_other_vector(s);

	if (v < 0 || !(s->other_cause & ix_get(s, IX_EIMS)))
		return;
	/*
	 * "Other" causes stay set until software clears them; the vector's
	 * pending state is what msix_notify() tracks.
	 */
	if ((ix_get(s, IX_GPIE) & IX_GPIE_EIAME) &&
	    (ix_get(s, IX_EIAM) & s->other_cause))
		ix_set(s, IX_EIMS, ix_get(s, IX_EIMS) &
		       ~(ix_get(s, IX_EIAM) & s->other_cause));
	msix_notify(PCI_DEVICE(s), v);
}

static void ix_deliver_all(IX82599State *s)
{
	unsigned int v;
	uint64_t ready;

	if (!ix_msix_mode(s)) {
		ix_intr_update_legacy(s);
		return;
	}
	ready = s->vec_cause & s->vec_mask;
	for (v = 0; ready; v++, ready >>= 1)
		if (ready & 1)
			ix_fire_vector(s, v);
	ix_fire_other(s);
}

void ix_intr_queue_event(IX82599State *s, int queue, bool tx)
{
	int pool = ix_vt_enabled(s) ? ix_queue_pool(s, queue) : -1;
	uint32_t ivar, b;

	/* a VF's queues interrupt the VF, through its own VTIVAR */
	if (pool >= 0 && pool < ix_num_vfs(s)) {
		ix_vf_queue_event(s, pool, queue - pool * ix_qpp(s), tx);
		return;
	}
	ivar = ix_get(s, IX_IVAR(queue >> 1));
	b = (ivar >> (16 * (queue & 1) + 8 * tx)) & 0xFF;

	if (!ix_msix_mode(s)) {
		/* MSI/INTx: queue causes land in EICR bits 15:0 by IVAR too */
		if (b & IX_IVAR_VALID)
			s->vec_cause |= 1ULL << (b & 0xF);
		ix_intr_update_legacy(s);
		return;
	}
	if (!(b & IX_IVAR_VALID))
		return;
	s->vec_cause |= 1ULL << (b & 0x3F);
	ix_fire_vector(s, b & 0x3F);
}

void ix_intr_other(IX82599State *s, uint32_t causes)
{
	s->other_cause |= causes & IX_EICR_OTHER_CAUSES;
	if (ix_msix_mode(s))
		ix_fire_other(s);
	else
		ix_intr_update_legacy(s);
}

uint32_t ix_intr_read(IX82599State *s, uint32_t addr, bool *handled)
{
	uint32_t v;

	*handled = true;
	switch (addr) {
	case IX_EICR:
		v = ix_eicr(s);
		/*
		 * Reading clears EICR; with GPIE.OCD the "other" causes
		 * survive the read and need an explicit write.
		 */
		s->vec_cause &= ~IX_VEC_LOW_MASK;
		if (!(ix_get(s, IX_GPIE) & IX_GPIE_OCD))
			s->other_cause = 0;
		ix_intr_update_legacy(s);
		return v;
	case IX_EICS:
		return ix_eicr(s);	/* reads EICR without side effects */
	case IX_EIMS:
	case IX_EIMC:
		return ix_eims(s);
	case IX_EIAC:
		return s->vec_autoclear & IX_VEC_LOW_MASK;
	case IX_EIAM:
		return ix_get(s, IX_EIAM) | (s->vec_automask & IX_VEC_LOW_MASK);
	case IX_EIMS_EX(0):
	case IX_EIMC_EX(0):
		return (uint32_t)s->vec_mask;
	case IX_EIMS_EX(1):
	case IX_EIMC_EX(1):
		return s->vec_mask >> 32;
	case IX_EIAM_EX(0):
		return (uint32_t)s->vec_automask;
	case IX_EIAM_EX(1):
		return s->vec_automask >> 32;
	case IX_EICS_EX(0):
		return (uint32_t)s->vec_cause;
	case IX_EICS_EX(1):
		return s->vec_cause >> 32;
	}
	*handled = false;
	return 0;
}

bool ix_intr_write(IX82599State *s, uint32_t addr, uint32_t val)
{
	uint64_t lo = val & IX_VEC_LOW_MASK;

	switch (addr) {
	case IX_EICR:
		s->vec_cause &= ~lo;
		s->other_cause &= ~val;
		break;
	case IX_EICS:
		s->vec_cause |= lo;
		s->other_cause |= val & IX_EICR_OTHER_CAUSES;
		break;
	case IX_EIMS:
		s->vec_mask |= lo;
		ix_set(s, IX_EIMS, ix_get(s, IX_EIMS) | (val & 0xFFFF0000));
		break;
	case IX_EIMC:
		s->vec_mask &= ~lo;
		ix_set(s, IX_EIMS, ix_get(s, IX_EIMS) & ~(val & 0xFFFF0000));
		break;
	case IX_EIAC:
		s->vec_autoclear = (s->vec_autoclear & ~IX_VEC_LOW_MASK) | lo;
		break;
	case IX_EIAM:
		s->vec_automask = (s->vec_automask & ~IX_VEC_LOW_MASK) | lo;
		ix_set(s, IX_EIAM, val & 0xFFFF0000);
		break;
	case IX_EICS_EX(0):
		s->vec_cause |= val;
		break;
	case IX_EICS_EX(1):
		s->vec_cause |= (uint64_t)val << 32;
		break;
	case IX_EIMS_EX(0):
		s->vec_mask |= val;
		break;
	case IX_EIMS_EX(1):
		s->vec_mask |= (uint64_t)val << 32;
		break;
	case IX_EIMC_EX(0):
		s->vec_mask &= ~(uint64_t)val;
		break;
	case IX_EIMC_EX(1):
		s->vec_mask &= ~((uint64_t)val << 32);
		break;
	case IX_EIAM_EX(0):
		s->vec_automask = (s->vec_automask & ~0xFFFFFFFFULL) | val;
		break;
	case IX_EIAM_EX(1):
		s->vec_automask = (uint32_t)s->vec_automask |
				  ((uint64_t)val << 32);
		break;
	default:
		return false;
	}
	ix_deliver_all(s);
	return true;
}
