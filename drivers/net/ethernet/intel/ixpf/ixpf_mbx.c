// SPDX-License-Identifier: GPL-2.0
/*
 * ixpf: PF side of the PF<->VF mailbox — the transport only. Which
 * messages are admitted is ixpf_vf_policy.c, what they do ixpf_vf_msg.c.
 *
 * VF messages are served from the "other" interrupt handler itself, under
 * vf_lock, as upstream ixgbe does: ixgbevf busy-waits for our reply with
 * a spinlock held, so when it runs in this same kernel (VFs used on the
 * host, e.g. containers) a reply deferred to a worker may not get a CPU
 * before the VF gives up. Nothing here sleeps.
 */
#include "ixpf.h"

/* One attempt at the buffer: PFU is granted only while the VF holds no VFU. */
static bool ixpf_mbx_trylock(struct ixpf_adapter *a, unsigned int vf)
{
	ixpf_wr(a, IX_PFMAILBOX(vf), IX_PFMAILBOX_PFU);
	return ixpf_rd(a, IX_PFMAILBOX(vf)) & IX_PFMAILBOX_PFU;
}

/*
 * Take the buffer (PFU). A VF holds it (VFU) only while it copies a
 * message in or out, so wait that out, up to ~5 ms: giving up at once
 * would lose a reply the VF is about to poll for.
 */
static int ixpf_mbx_lock(struct ixpf_adapter *a, unsigned int vf)
{
	unsigned int tries;

	for (tries = 0; tries < 1000; tries++) {
		if (ixpf_mbx_trylock(a, vf))
			return 0;
		if (ixpf_removed(a))
			break;
		udelay(5);
	}
	return -EBUSY;
}

/* Zero the VF's buffer; PFU held. */
static void ixpf_mbx_clear(struct ixpf_adapter *a, unsigned int vf)
{
	unsigned int i;

	for (i = 0; i < IX_MBX_WORDS; i++)
		ixpf_wr(a, IX_PFMBMEM(vf) + 4 * i, 0);
}

/*
 * Copy the VF's message out and clear the buffer before acknowledging:
 * words a VF did not write then read as zero, never as a stale earlier
 * message, which is what the length checks of the policy rely on.
 */
int ixpf_mbx_read(struct ixpf_adapter *a, unsigned int vf, u32 *msg)
{
	unsigned int i;

	if (ixpf_mbx_lock(a, vf))
		return -EBUSY;
	for (i = 0; i < IX_MBX_WORDS; i++)
		msg[i] = ixpf_rd(a, IX_PFMBMEM(vf) + 4 * i);
	ixpf_mbx_clear(a, vf);
	ixpf_wr(a, IX_PFMAILBOX(vf), IX_PFMAILBOX_ACK);
	return 0;
}

/*
 * After a VFLR: zero the buffer, so that the function's next owner cannot
 * read what the last one left there without sending it. One try for PFU,
 * no waiting in the interrupt: a VF that holds VFU is writing a message,
 * and a posted one (REQ) is left for ixpf_mbx_read, which clears the
 * buffer as it takes it.
 */
void ixpf_mbx_scrub(struct ixpf_adapter *a, unsigned int vf)
{
	if (!ixpf_mbx_trylock(a, vf))
		return;
	if (!(ixpf_rd(a, IX_MBVFICR(vf / 16)) & BIT(vf % 16)))
		ixpf_mbx_clear(a, vf);
	ixpf_wr(a, IX_PFMAILBOX(vf), 0);	/* release PFU */
}

/* Post @words words for the VF (STS raises its mailbox interrupt). */
int ixpf_mbx_write(struct ixpf_adapter *a, unsigned int vf, const u32 *msg,
		   unsigned int words)
{
	unsigned int i;

	if (WARN_ON_ONCE(words > IX_MBX_WORDS))
		return -EINVAL;
	if (ixpf_mbx_lock(a, vf))
		return -EBUSY;
	for (i = 0; i < IX_MBX_WORDS; i++)
		ixpf_wr(a, IX_PFMBMEM(vf) + 4 * i, i < words ? msg[i] : 0);
	ixpf_wr(a, IX_PFMAILBOX(vf), IX_PFMAILBOX_STS);
	return 0;
}

/* PF_CONTROL to every VF: "look at your link", with CTS if it has it. */
void ixpf_mbx_ping_all(struct ixpf_adapter *a)
{
	unsigned long flags;
	unsigned int i;
	u32 w;

	spin_lock_irqsave(&a->vf_lock, flags);
	for (i = 0; i < a->num_vfs; i++) {
		w = IX_MBX_PF_CONTROL | (a->vfs[i].cts ? IX_MBX_CTS : 0);
		ixpf_mbx_write(a, i, &w, 1);
	}
	spin_unlock_irqrestore(&a->vf_lock, flags);
}

/* VFLR: the VF's function was reset (FLR or VFCTRL.RST). */
static void ixpf_mbx_vflr(struct ixpf_adapter *a)
{
	unsigned int grp, bit, vf;
	u32 pending;

	for (grp = 0; grp < 2; grp++) {
		pending = ixpf_rd(a, IX_VFLREC(grp));
		if (!pending || pending == ~0U)
			continue;
		ixpf_wr(a, IX_VFLREC(grp), pending);
		for (bit = 0; bit < 32; bit++) {
			vf = grp * 32 + bit;
			if ((pending & BIT(bit)) && vf < a->num_vfs) {
				ixpf_vf_reset(a, &a->vfs[vf]);
				ixpf_mbx_scrub(a, vf);
			}
		}
	}
}

static void ixpf_mbx_service_vf(struct ixpf_adapter *a, unsigned int n,
				bool req, bool ack)
{
	struct ixpf_vf *vf = &a->vfs[n];
	u32 msg[IX_MBX_WORDS];

	if (req) {
		if (ixpf_mbx_read(a, n, msg)) {
			ixpf_vf_refuse(a, vf, "mailbox busy, message lost\n");
			return;
		}
		/*
		 * Our own reply or ping read back (a VF that raised REQ
		 * without writing a message): not a request, nothing to do.
		 */
		if ((msg[0] & (IX_MBX_ACK | IX_MBX_NACK)) ||
		    (msg[0] & IX_MBX_ID_MASK) == IX_MBX_PF_CONTROL)
			return;
		ixpf_vf_handle_msg(a, vf, msg);
		return;
	}
	/*
	 * The VF read our ping without being clear to send: tell it so, and
	 * it resets. Not while the PF is down: it would only reset into a PF
	 * that cannot serve it (its link-up ping comes later).
	 */
	if (ack && !vf->cts && !test_bit(IXPF_DOWN, a->state)) {
		msg[0] = IX_MBX_NACK;
		ixpf_mbx_write(a, n, msg, 1);
	}
}

/* EICR.MAILBOX: VF resets first, then each VF's message or ack. Hard IRQ. */
void ixpf_mbx_irq(struct ixpf_adapter *a)
{
	unsigned int grp, bit, vf;
	u32 icr;

	spin_lock(&a->vf_lock);
	if (!a->num_vfs || ixpf_removed(a))
		goto out;
	ixpf_mbx_vflr(a);
	for (grp = 0; grp < 4; grp++) {
		icr = ixpf_rd(a, IX_MBVFICR(grp));
		if (!icr || icr == ~0U)
			continue;
		ixpf_wr(a, IX_MBVFICR(grp), icr);
		for (bit = 0; bit < 16; bit++) {
			vf = grp * 16 + bit;
			if (vf >= a->num_vfs)
				break;
			if (icr & (BIT(bit) | BIT(bit + 16)))
				ixpf_mbx_service_vf(a, vf, icr & BIT(bit),
						    icr & BIT(bit + 16));
		}
	}
out:
	spin_unlock(&a->vf_lock);
}
