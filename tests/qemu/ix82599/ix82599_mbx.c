// SPDX-License-Identifier: GPL-2.0
/*
 * 82599 model: the PF<->VF mailbox and the VF reset events the PF sees.
 *
 * Each VF has 16 dwords of shared memory (PFMBMEM(v) = the VF's VFMBMEM;
 * the lock bits are not enforced on data accesses) and one mailbox control
 * word seen from two sides:
 *   VF side, VFMAILBOX: REQ/ACK are strobes that raise the PF's mailbox
 *     cause (MBVFICR VFREQ/VFACK + EICR.MAILBOX); VFU takes the buffer if
 *     the PF does not hold it; PFU mirrors the PF's lock; PFSTS/PFACK/RSTD
 *     are cleared by the read that returns them; RSTI is a level. Writes to
 *     bits 3..7 are ignored (ixgbevf writes back its cached R2C bits).
 *   PF side, PFMAILBOX(v): STS/ACK are strobes that set PFSTS/PFACK and
 *     raise the VF's mailbox vector; PFU takes the buffer if the VF does not
 *     hold it; RVFU clears a stuck VFU; VFU mirrors the VF's lock.
 * A PF software reset raises RSTI in every VF; CTRL_EXT.PFRSTD turns it into
 * RSTD. A VF reset (VFCTRL.RST or FLR) shows as the VF's bit in VFLRE/VFLREC.
 */
#include "qemu/osdep.h"
#include "ix82599.h"

#define IX_VFM_PF_VISIBLE (IX_VFMAILBOX_VFU | IX_VFMAILBOX_PFU)

static void ix_mbx_cause(IX82599State *s, int vf, bool ack)
{
	uint32_t r = IX_MBVFICR(vf / 16);
	uint32_t bit = 1u << (vf % 16 + (ack ? 16 : 0));

	ix_set(s, r, ix_get(s, r) | bit);
	ix_intr_other(s, IX_EICR_MAILBOX);
}

void ix_mbx_reset(IX82599State *s)
{
	int v;

	for (v = 0; v < IX_MAX_VFS; v++)
		s->vf[v].mailbox = 0;
}

/* CTRL.RST / CTRL.LNK_RST: VFs learn that the PF went away. */
void ix_mbx_pf_reset(IX82599State *s)
{
	int v;

	for (v = 0; v < IX_MAX_VFS; v++)
		s->vf[v].mailbox = IX_VFMAILBOX_RSTI;
}

/* CTRL_EXT.PFRSTD written 1: the PF is back; RSTI becomes RSTD. */
void ix_mbx_pf_reset_done(IX82599State *s)
{
	int v;

	for (v = 0; v < IX_MAX_VFS; v++) {
		struct ix_vf *f = &s->vf[v];

		if (f->mailbox & IX_VFMAILBOX_RSTI)
			f->mailbox = (f->mailbox & ~IX_VFMAILBOX_RSTI) |
				     IX_VFMAILBOX_RSTD;
	}
}

uint32_t ix_mbx_pf_read(IX82599State *s, int vf)
{
	return s->vf[vf].mailbox & IX_VFM_PF_VISIBLE;
}

void ix_mbx_pf_write(IX82599State *s, int vf, uint32_t val)
{
	struct ix_vf *f = &s->vf[vf];

	if (val & IX_PFMAILBOX_RVFU)
		f->mailbox &= ~IX_VFMAILBOX_VFU;
	/* PFU follows the written value; it is granted only if VFU is clear */
	if ((val & IX_PFMAILBOX_PFU) && !(f->mailbox & IX_VFMAILBOX_VFU))
		f->mailbox |= IX_VFMAILBOX_PFU;
	else if (!(val & IX_PFMAILBOX_PFU))
		f->mailbox &= ~IX_VFMAILBOX_PFU;
	if (val & (IX_PFMAILBOX_STS | IX_PFMAILBOX_ACK)) {
		if (val & IX_PFMAILBOX_STS)
			f->mailbox |= IX_VFMAILBOX_PFSTS;
		if (val & IX_PFMAILBOX_ACK)
			f->mailbox |= IX_VFMAILBOX_PFACK;
		ix_vf_mailbox_event(s, vf);
	}
}

uint32_t ix_mbx_vf_read(IX82599State *s, int vf)
{
	struct ix_vf *f = &s->vf[vf];
	uint32_t val = f->mailbox;

	f->mailbox &= ~IX_VFMAILBOX_R2C;
	return val;
}

void ix_mbx_vf_write(IX82599State *s, int vf, uint32_t val)
{
	struct ix_vf *f = &s->vf[vf];

	if ((val & IX_VFMAILBOX_VFU) && !(f->mailbox & IX_VFMAILBOX_PFU))
		f->mailbox |= IX_VFMAILBOX_VFU;
	else if (!(val & IX_VFMAILBOX_VFU))
		f->mailbox &= ~IX_VFMAILBOX_VFU;
	if (val & IX_VFMAILBOX_REQ)
		ix_mbx_cause(s, vf, false);
	if (val & IX_VFMAILBOX_ACK)
		ix_mbx_cause(s, vf, true);
}

/*
 * A VF reset: the PF sees the VF's VFLRE bit. Whether the silicon also
 * raises EICR.MAILBOX is not documented; the PF driver only looks at VFLRE
 * from its mailbox handler, so raising it lets the reset be noticed now.
 */
void ix_mbx_vf_reset_event(IX82599State *s, int vf)
{
	uint32_t r = IX_VFLREC(vf / 32);

	ix_set(s, r, ix_get(s, r) | (1u << (vf % 32)));
	ix_intr_other(s, IX_EICR_MAILBOX);
}

uint32_t ix_mbx_read(IX82599State *s, uint32_t addr, bool *handled)
{
	*handled = true;
	if (addr >= IX_PFMAILBOX(0) && addr < IX_PFMAILBOX(IX_MAX_VFS))
		return ix_mbx_pf_read(s, (addr - IX_PFMAILBOX(0)) / 4);
	switch (addr) {
	case IX_VFLRE(0):
		return ix_get(s, IX_VFLREC(0));
	case IX_VFLRE(1):
		return ix_get(s, IX_VFLREC(1));
	}
	*handled = false;
	return 0;
}

bool ix_mbx_write(IX82599State *s, uint32_t addr, uint32_t val)
{
	if (addr >= IX_PFMAILBOX(0) && addr < IX_PFMAILBOX(IX_MAX_VFS)) {
		ix_mbx_pf_write(s, (addr - IX_PFMAILBOX(0)) / 4, val);
		return true;
	}
	if ((addr >= IX_MBVFICR(0) && addr <= IX_MBVFICR(3)) ||
	    addr == IX_VFLREC(0) || addr == IX_VFLREC(1)) {
		ix_set(s, addr, ix_get(s, addr) & ~val);	/* W1C */
		return true;
	}
	if (addr == IX_VFLRE(0) || addr == IX_VFLRE(1))
		return true;	/* read-only view of VFLREC */
	return false;
}
