// SPDX-License-Identifier: GPL-2.0
/*
 * ixpf: what each VF message does, once ixpf_vf_policy.c admitted it, and
 * the VF lifecycle: reset (VF_RESET, VFLR, PF reset) and the replay of the
 * admin configuration. Called under vf_lock (ixpf_vf.h), from the
 * mailbox interrupt or with interrupts off: nothing here sleeps.
 */
#include <linux/etherdevice.h>

#include "ixpf.h"

/* reply status for a handler: ACK with @words words, or NACK */
#define IXPF_NACK	(-1)

void ixpf_vf_refuse(struct ixpf_adapter *a, struct ixpf_vf *vf,
		    const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	if (!__ratelimit(&vf->log_rs))
		return;
	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	netdev_warn(a->netdev, "VF %u: %pV", vf->id, &vaf);
	va_end(args);
}

/* ---- hardware state of one VF ------------------------------------------- */

/* Rx and Tx of the VF's pool: on unless the admin disabled its link. */
static void ixpf_vf_set_enable(struct ixpf_adapter *a, struct ixpf_vf *vf,
			       bool on)
{
	on = on && vf->admin.link_state != IFLA_VF_LINK_STATE_DISABLE;
	ixpf_hw_pool_bit(a, IX_VFRE(0), IX_VFRE(1), vf->id, on);
	ixpf_hw_pool_bit(a, IX_VFTE(0), IX_VFTE(1), vf->id, on);
}

static void ixpf_vf_write_mac(struct ixpf_adapter *a, struct ixpf_vf *vf)
{
	unsigned int rar = IXPF_VF_RAR_BASE + vf->id;

	if (is_valid_ether_addr(vf->mac))
		ixpf_hw_set_rar_pool(a, rar, vf->mac, vf->id);
	else
		ixpf_hw_clear_rar(a, rar);
}

static void ixpf_vf_write_vmolr(struct ixpf_adapter *a, struct ixpf_vf *vf)
{
	u32 vmolr = IX_VMOLR_BAM;

	if (!vf->admin.vlan)
		vmolr |= IX_VMOLR_AUPE;
	if (vf->mc_count || vf->xcast >= IX_MBX_XCAST_MULTI)
		vmolr |= IX_VMOLR_ROMPE;
	if (vf->xcast >= IX_MBX_XCAST_ALLMULTI)
		vmolr |= IX_VMOLR_MPE;
	ixpf_wr(a, IX_VMOLR(vf->id), vmolr);
}

/* MAC and VLAN anti-spoofing of the VF's pool (PFVFSPOOF: 8 pools each) */
static void ixpf_vf_write_spoofchk(struct ixpf_adapter *a, struct ixpf_vf *vf)
{
	u32 reg = IX_PFVFSPOOF(vf->id / 8);
	u32 bits = BIT(vf->id % 8) | BIT(8 + vf->id % 8);
	u32 v = ixpf_rd(a, reg);

	ixpf_wr(a, reg, vf->admin.spoofchk ? v | bits : v & ~bits);
	/* count what is dropped (SSVPC) */
	ixpf_hw_pool_bit(a, IX_VMECM(0), IX_VMECM(1), vf->id, true);
}

/* ---- shared VLAN filters: VLVF entries with a pool bitmap --------------- */

/* Find the VLVF entry for @vid, or a free one when @alloc. filter_lock held. */
static int ixpf_vlvf_find(struct ixpf_adapter *a, u16 vid, bool alloc)
{
	int i, free = -1;
	u32 v;

	for (i = 0; i < IX_NUM_VLVF; i++) {
		v = ixpf_rd(a, IX_VLVF(i));
		if ((v & IX_VLVF_VIEN) && (v & IX_VLVF_VID_MASK) == vid)
			return i;
		if (!(v & IX_VLVF_VIEN) && free < 0)
			free = i;
	}
	return alloc ? free : -1;
}

/* Pool @pool joins or leaves VLAN @vid. filter_lock held. */
int ixpf_vlvf_set(struct ixpf_adapter *a, u16 vid, unsigned int pool, bool on)
{
	int e = ixpf_vlvf_find(a, vid, on);
	u32 lo, hi;

	if (e < 0)
		return on ? -ENOSPC : 0;
	if (on)
		ixpf_wr(a, IX_VLVF(e), IX_VLVF_VIEN | vid);
	ixpf_hw_pool_bit(a, IX_VLVFB(2 * e), IX_VLVFB(2 * e + 1), pool, on);
	lo = ixpf_rd(a, IX_VLVFB(2 * e));
	hi = ixpf_rd(a, IX_VLVFB(2 * e + 1));
	if (!lo && !hi) {
		ixpf_wr(a, IX_VLVF(e), 0);
		if (!test_bit(vid, a->active_vlans))
			ixpf_hw_set_vfta(a, vid, false);
	} else {
		ixpf_hw_set_vfta(a, vid, true);
	}
	return 0;
}

/* Is @pool in the VLVF entry of @vid? filter_lock held. */
static bool ixpf_vlvf_member(struct ixpf_adapter *a, u16 vid,
			     unsigned int pool)
{
	int e = ixpf_vlvf_find(a, vid, false);

	return e >= 0 && (ixpf_rd(a, IX_VLVFB(2 * e + pool / 32)) &
			  BIT(pool % 32));
}

/*
 * Can a pool join VLAN @vid and leave more than @keep_free entries free?
 * Yes when the VID has an entry already. filter_lock held.
 */
bool ixpf_vlvf_room(struct ixpf_adapter *a, u16 vid, unsigned int keep_free)
{
	unsigned int i, free = 0;

	if (ixpf_vlvf_find(a, vid, false) >= 0)
		return true;
	for (i = 0; i < IX_NUM_VLVF; i++)
		if (!(ixpf_rd(a, IX_VLVF(i)) & IX_VLVF_VIEN))
			free++;
	return free > keep_free;
}

/* Drop @pool from every VLVF entry. filter_lock held. */
static void ixpf_vlvf_clear_pool(struct ixpf_adapter *a, unsigned int pool)
{
	u32 v;
	int i;

	for (i = 0; i < IX_NUM_VLVF; i++) {
		v = ixpf_rd(a, IX_VLVF(i));
		if (v & IX_VLVF_VIEN)
			ixpf_vlvf_set(a, v & IX_VLVF_VID_MASK, pool, false);
	}
}

/* ---- multicast: the MTA is rebuilt from every owner --------------------- */

static void ixpf_vf_rebuild_mta(struct ixpf_adapter *a)
{
	u32 mta[IX_NUM_MTA] = { 0 };
	unsigned long flags;
	unsigned int i, j;
	u16 h;

	for (i = 0; i < a->num_vfs; i++)
		for (j = 0; j < a->vfs[i].mc_count; j++) {
			h = a->vfs[i].mc_hash[j];
			mta[h >> 5] |= BIT(h & 0x1F);
		}
	spin_lock_irqsave(&a->filter_lock, flags);
	memcpy(a->vf_mta, mta, sizeof(mta));
	ixpf_mta_write(a);
	spin_unlock_irqrestore(&a->filter_lock, flags);
}

/* Free shared RAR entry @i and count it off its owner. vf_lock held. */
static void ixpf_macvlan_release(struct ixpf_adapter *a, unsigned int i)
{
	ixpf_hw_clear_rar(a, IXPF_MACVLAN_RAR_BASE + i);
	a->vfs[a->macvlan_owner[i] - 1].macvlan_count--;
	a->macvlan_owner[i] = 0;
	eth_zero_addr(a->macvlan_addr[i]);
}

/* Give back every shared RAR entry @vf holds. vf_lock held. */
static void ixpf_vf_clear_macvlan(struct ixpf_adapter *a, struct ixpf_vf *vf)
{
	unsigned int i;

	BUILD_BUG_ON(ARRAY_SIZE(a->macvlan_owner) != IXPF_NUM_MACVLAN_RAR);
	for (i = 0; i < IXPF_NUM_MACVLAN_RAR && vf->macvlan_count; i++)
		if (a->macvlan_owner[i] == vf->id + 1)
			ixpf_macvlan_release(a, i);
}

/*
 * The admin gave @mac to @vf: any other VF that took it for itself (with
 * SET_MAC_ADDR or SET_MACVLAN) gives it up, or it would keep catching its
 * frames. A VF whose own MAC it was is asked to reset. Two VFs the admin
 * gave the same MAC both keep it: the admin's choice. Logged outside the
 * VF's refusal budget: the admin acted, not the VF. vf_lock held.
 */
void ixpf_vfs_take_back_mac(struct ixpf_adapter *a, struct ixpf_vf *vf,
			    const u8 *mac)
{
	struct ixpf_vf *o;
	unsigned int i;

	for (i = 0; i < IXPF_NUM_MACVLAN_RAR; i++) {
		if (!a->macvlan_owner[i] || a->macvlan_owner[i] == vf->id + 1 ||
		    !ether_addr_equal(a->macvlan_addr[i], mac))
			continue;
		netdev_info(a->netdev, "VF %u: extra address %pM taken back: the admin gave it to VF %u\n",
			    a->macvlan_owner[i] - 1, mac, vf->id);
		ixpf_macvlan_release(a, i);
	}
	for (i = 0; i < a->num_vfs; i++) {
		o = &a->vfs[i];
		if (o == vf || !ether_addr_equal(o->mac, mac) ||
		    ether_addr_equal(o->admin.mac, mac))
			continue;
		netdev_info(a->netdev, "VF %u: MAC %pM taken back: the admin gave it to VF %u\n",
			    o->id, mac, vf->id);
		eth_zero_addr(o->mac);
		ixpf_vf_revoke(a, o);
	}
}

/* The largest frame any VF asked for with SET_LPE (0: none) */
unsigned int ixpf_vfs_max_frame(struct ixpf_adapter *a)
{
	unsigned int i, frame = 0;
	unsigned long flags;

	spin_lock_irqsave(&a->vf_lock, flags);
	for (i = 0; i < a->num_vfs; i++)
		frame = max(frame, a->vfs[i].max_frame);
	spin_unlock_irqrestore(&a->vf_lock, flags);
	return frame;
}

/* ---- lifecycle ----------------------------------------------------------- */

/* The admin configuration into the hardware (source of truth). */
void ixpf_vf_apply_admin(struct ixpf_adapter *a, struct ixpf_vf *vf)
{
	struct ixpf_vf_admin *ad = &vf->admin;

	if (is_valid_ether_addr(ad->mac))
		ether_addr_copy(vf->mac, ad->mac);
	ixpf_vf_write_mac(a, vf);
	/* VID 0 with a priority: every frame priority-tagged (as upstream) */
	ixpf_wr(a, IX_VMVIR(vf->id), ad->vlan || ad->qos ?
		IX_VMVIR_VLANA_DEFAULT | ad->vlan | ((u32)ad->qos << 13) : 0);
	spin_lock(&a->filter_lock);
	if (ad->vlan)
		ixpf_vlvf_set(a, ad->vlan, vf->id, true);
	spin_unlock(&a->filter_lock);
	ixpf_vf_write_vmolr(a, vf);
	ixpf_vf_write_spoofchk(a, vf);
	ixpf_vf_write_rate(a, vf);
	ixpf_vf_set_enable(a, vf, vf->state == IXPF_VF_ACTIVE);
}

/* Drop the filters the VF asked for: extra addresses, VLANs, multicast. */
static void ixpf_vf_drop_requests(struct ixpf_adapter *a, struct ixpf_vf *vf)
{
	vf->xcast = IX_MBX_XCAST_NONE;
	ixpf_vf_clear_macvlan(a, vf);
	spin_lock(&a->filter_lock);
	ixpf_vlvf_clear_pool(a, vf->id);
	spin_unlock(&a->filter_lock);
	vf->vlan_count = 0;
	if (vf->mc_count) {
		vf->mc_count = 0;
		ixpf_vf_rebuild_mta(a);
	}
}

/*
 * What no reset of the 82599 clears in the VF's queues: the Tx head
 * write-back addresses (a DMA target the next owner did not choose). And
 * drop enable on its Rx queues, so that a ring left without descriptors
 * drops its frames instead of holding the packet buffer every pool
 * shares. Upstream ixgbe does this on VF_RESET only. (The mailbox memory
 * is scrubbed on VFLR, ixpf_mbx.c; VF_RESET's reply overwrites it.)
 */
static void ixpf_vf_scrub(struct ixpf_adapter *a, struct ixpf_vf *vf)
{
	unsigned int q;

	for (q = vf->id * a->qpp; q < (vf->id + 1) * a->qpp; q++) {
		ixpf_wr(a, IX_TDWBAL(q), 0);	/* write-back off first */
		ixpf_wr(a, IX_TDWBAH(q), 0);
		ixpf_flush(a);
		ixpf_wr(a, IX_QDE, IX_QDE_WRITE | IX_QDE_ENABLE |
		       q << IX_QDE_IDX_SHIFT);
	}
}

/*
 * Forget everything the VF asked for (VFLR, VF_RESET, PF reset) and leave
 * only the admin configuration in force.
 */
void ixpf_vf_reset(struct ixpf_adapter *a, struct ixpf_vf *vf)
{
	vf->state = IXPF_VF_WAIT_RESET;
	vf->cts = false;
	vf->api = IX_MBX_API_10;
	vf->max_frame = 0;
	eth_zero_addr(vf->mac);
	ixpf_vf_drop_requests(a, vf);
	ixpf_vf_scrub(a, vf);
	ixpf_vf_apply_admin(a, vf);
}

/*
 * The admin changed the VF's configuration (MAC, port VLAN, trust, link
 * state): what the VF was granted under the old one is void now, not at
 * its next reset, which a hostile VF may never do. Its filters go, the
 * admin configuration is in force (its pool keeps running with it), CTS
 * is withdrawn so only VF_RESET is served (ixpf_vf_policy.c), and a ping
 * without CTS asks it to reset (ixgbevf does: see ixpf_mbx_service_vf).
 */
void ixpf_vf_revoke(struct ixpf_adapter *a, struct ixpf_vf *vf)
{
	u32 w = IX_MBX_PF_CONTROL;

	vf->cts = false;
	ixpf_vf_drop_requests(a, vf);
	ixpf_vf_apply_admin(a, vf);
	ixpf_mbx_write(a, vf->id, &w, 1);
}

/* ---- message handlers: return reply words (ACK) or IXPF_NACK ------------- */

static void ixpf_msg_get_mac(const u32 *msg, u8 *mac)
{
	mac[0] = msg[1];
	mac[1] = msg[1] >> 8;
	mac[2] = msg[1] >> 16;
	mac[3] = msg[1] >> 24;
	mac[4] = msg[2];
	mac[5] = msg[2] >> 8;
}

static void ixpf_msg_put_mac(u32 *msg, const u8 *mac)
{
	msg[1] = mac[0] | (mac[1] << 8) | (mac[2] << 16) | ((u32)mac[3] << 24);
	msg[2] = mac[4] | (mac[5] << 8);
}

/* A VF with link state auto follows the PF: no service while it is down */
static bool ixpf_vf_may_run(struct ixpf_adapter *a, struct ixpf_vf *vf)
{
	return !test_bit(IXPF_DOWN, a->state) ||
	       vf->admin.link_state == IFLA_VF_LINK_STATE_ENABLE;
}

/*
 * The PF goes down: the VFs that follow it lose CTS and their pools and
 * are told so (a ping without CTS takes their link down); once the PF is
 * up, its link-up ping and the NACK that answers their ack make them reset
 * (ixgbevf's recovery sequence).
 */
void ixpf_vfs_pf_down(struct ixpf_adapter *a)
{
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&a->vf_lock, flags);
	for (i = 0; i < a->num_vfs; i++) {
		if (ixpf_vf_may_run(a, &a->vfs[i]))
			continue;
		a->vfs[i].cts = false;
		ixpf_vf_set_enable(a, &a->vfs[i], false);
	}
	spin_unlock_irqrestore(&a->vf_lock, flags);
	ixpf_mbx_ping_all(a);
}

static int ixpf_msg_reset(struct ixpf_adapter *a, struct ixpf_vf *vf, u32 *msg)
{
	if (!ixpf_vf_may_run(a, vf)) {
		ixpf_vf_refuse(a, vf, "VF_RESET while the PF is down\n");
		vf->state = IXPF_VF_WAIT_RESET;	/* and nothing else until up */
		return IXPF_NACK;
	}
	/* upstream ixgbe's words: tooling counts VF resets by this line */
	dev_info(&a->pdev->dev, "VF Reset msg received from vf %u\n", vf->id);
	/*
	 * The VFCTRL.RST just before this message is done with too: handled
	 * later, its VFLR would take CTS and scrub the reply unread.
	 */
	ixpf_wr(a, IX_VFLREC(vf->id / 32), BIT(vf->id % 32));
	ixpf_vf_reset(a, vf);
	vf->state = IXPF_VF_ACTIVE;
	vf->cts = true;
	ixpf_vf_set_enable(a, vf, true);
	ixpf_vf_write_vmolr(a, vf);

	memset(msg + 1, 0, 3 * sizeof(*msg));
	if (!is_valid_ether_addr(vf->mac))
		return IXPF_NACK;	/* the VF picks an address itself */
	ixpf_msg_put_mac(msg, vf->mac);
	msg[3] = 0;			/* multicast filter type: MO = 0 */
	return IX_MBX_RESET_REPLY_WORDS;
}

/*
 * Who else owns @mac: the PF, another VF (its current or admin MAC, its
 * SET_MACVLAN entries). A VF that took such an address would steal its
 * owner's unicast, through the internal switch too. NULL: nobody.
 * vf_lock held.
 */
static const char *ixpf_vf_mac_owner(struct ixpf_adapter *a,
				     struct ixpf_vf *vf, const u8 *mac)
{
	unsigned int i;

	for (i = 0; i < a->num_vfs; i++) {
		struct ixpf_vf *o = &a->vfs[i];

		if (o != vf && (ether_addr_equal(o->mac, mac) ||
				ether_addr_equal(o->admin.mac, mac)))
			return "another VF";
	}
	for (i = 0; i < IXPF_NUM_MACVLAN_RAR; i++)
		if (a->macvlan_owner[i] && a->macvlan_owner[i] != vf->id + 1 &&
		    ether_addr_equal(a->macvlan_addr[i], mac))
			return "another VF";
	if (ixpf_pf_owns_mac(a, mac))
		return "the PF";
	return NULL;
}

static int ixpf_msg_set_mac(struct ixpf_adapter *a, struct ixpf_vf *vf,
			    u32 *msg)
{
	const char *owner;

	u8 mac[ETH_ALEN];

	ixpf_msg_get_mac(msg, mac);
	if (!is_valid_ether_addr(mac)) {
		ixpf_vf_refuse(a, vf, "SET_MAC_ADDR %pM is not a unicast address\n",
			       mac);
		return IXPF_NACK;
	}
	if (is_valid_ether_addr(vf->admin.mac) && !vf->admin.trusted &&
	    !ether_addr_equal(mac, vf->admin.mac)) {
		ixpf_vf_refuse(a, vf, "SET_MAC_ADDR %pM refused: the admin set %pM\n",
			       mac, vf->admin.mac);
		return IXPF_NACK;
	}
	owner = ixpf_vf_mac_owner(a, vf, mac);
	if (owner) {
		ixpf_vf_refuse(a, vf, "SET_MAC_ADDR %pM refused: %s has it\n",
			       mac, owner);
		return IXPF_NACK;
	}
	ether_addr_copy(vf->mac, mac);
	ixpf_vf_write_mac(a, vf);
	return 1;
}

static int ixpf_msg_set_multicast(struct ixpf_adapter *a, struct ixpf_vf *vf,
				  u32 *msg)
{
	unsigned int n = (msg[0] & IX_MBX_INFO_MASK) >> IX_MBX_INFO_SHIFT, i;
	u16 hash[IX_MBX_MAX_MC_HASHES];

	if (n > IX_MBX_MAX_MC_HASHES) {
		ixpf_vf_refuse(a, vf, "SET_MULTICAST with %u hashes (at most %u)\n",
			       n, IX_MBX_MAX_MC_HASHES);
		return IXPF_NACK;
	}
	for (i = 0; i < n; i++) {
		hash[i] = msg[1 + i / 2] >> (16 * (i % 2));
		if (hash[i] > 0xFFF) {
			ixpf_vf_refuse(a, vf, "SET_MULTICAST hash 0x%x out of range\n",
				       hash[i]);
			return IXPF_NACK;
		}
	}
	memcpy(vf->mc_hash, hash, n * sizeof(hash[0]));
	vf->mc_count = n;
	ixpf_vf_rebuild_mta(a);
	ixpf_vf_write_vmolr(a, vf);
	return 1;
}

static int ixpf_msg_set_vlan(struct ixpf_adapter *a, struct ixpf_vf *vf,
			     u32 *msg)
{
	bool add = (msg[0] & IX_MBX_INFO_MASK) >> IX_MBX_INFO_SHIFT;
	u32 vid = msg[1];
	int err;

	/*
	 * Under a port VLAN the VF's frames are the port VLAN's: VID 0, which
	 * the stack registers on every interface, changes nothing; any other
	 * VID is refused.
	 */
	if (vf->admin.vlan && vid) {
		ixpf_vf_refuse(a, vf, "SET_VLAN refused under port VLAN %u\n",
			       vf->admin.vlan);
		return IXPF_NACK;
	}
	if (vf->admin.vlan)
		return 1;
	if (vid >= VLAN_N_VID) {
		ixpf_vf_refuse(a, vf, "SET_VLAN with VID %u\n", vid);
		return IXPF_NACK;
	}
	if (!vid && !add)
		return 1;	/* VID 0 stays: untagged/priority frames */
	spin_lock(&a->filter_lock);
	if (ixpf_vlvf_member(a, vid, vf->id) == add) {
		err = 0;	/* already so: nothing to count */
	} else if (add && vid && vf->vlan_count >= IXPF_VF_MAX_VLANS) {
		err = -EDQUOT;
	} else if (add && !ixpf_vlvf_room(a, vid, IXPF_VLVF_RESERVED)) {
		err = -ENOSPC;
	} else {
		err = ixpf_vlvf_set(a, vid, vf->id, add);
		if (!err && vid)
			vf->vlan_count += add ? 1 : -1;
	}
	spin_unlock(&a->filter_lock);
	if (err == -EDQUOT)
		ixpf_vf_refuse(a, vf, "SET_VLAN %u: already in %u VLANs (at most %u)\n",
			       vid, vf->vlan_count, IXPF_VF_MAX_VLANS);
	else if (err)
		ixpf_vf_refuse(a, vf, "SET_VLAN %u: no VLAN filter left for VFs\n",
			       vid);
	return err ? IXPF_NACK : 1;
}

static int ixpf_msg_set_lpe(struct ixpf_adapter *a, struct ixpf_vf *vf,
			    u32 *msg)
{
	u32 frame = msg[1], maxfrs;
	bool pf_jumbo = a->netdev->mtu > ETH_DATA_LEN;

	if (frame < IX_MBX_MIN_FRAME || frame > IX_MBX_MAX_FRAME) {
		ixpf_vf_refuse(a, vf, "SET_LPE with frame size %u\n", frame);
		return IXPF_NACK;
	}
	/*
	 * 82599: pools share the MAC's frame limit; a VF on API 1.0 cannot
	 * handle jumbo frames, so it gets none, and no Rx at all while the
	 * PF runs jumbo (82599-sriov.md section 12).
	 */
	if (vf->api == IX_MBX_API_10 &&
	    (pf_jumbo || frame > ETH_FRAME_LEN + ETH_FCS_LEN)) {
		ixpf_vf_set_enable(a, vf, !pf_jumbo);
		ixpf_vf_refuse(a, vf, "API 1.0 VF asked for %u-byte frames\n",
			       frame);
		return IXPF_NACK;
	}
	vf->max_frame = frame;
	maxfrs = ixpf_rd(a, IX_MAXFRS) >> IX_MAXFRS_MFS_SHIFT;
	if (frame > maxfrs) {
		ixpf_wr(a, IX_HLREG0, ixpf_rd(a, IX_HLREG0) | IX_HLREG0_JUMBOEN);
		ixpf_wr(a, IX_MAXFRS, frame << IX_MAXFRS_MFS_SHIFT);
	}
	ixpf_vf_set_enable(a, vf, true);
	return 1;
}

/*
 * Extra unicast filters. INFO 0: drop all of the VF's entries; INFO 1: the
 * first address of a new list, which replaces the VF's entries; INFO n:
 * add one more. ixgbevf sends its whole list, from 1, on every Rx mode
 * change (and 0 when it is empty), as upstream ixgbe expects: it clears
 * the VF's entries for index 0 and 1. A VF whose MAC the admin set may add
 * none unless trusted (as upstream); each VF holds at most
 * IXPF_VF_MAX_MACVLAN entries of the shared range. A refused request
 * leaves the VF's list as it was.
 */
static int ixpf_msg_set_macvlan(struct ixpf_adapter *a, struct ixpf_vf *vf,
				u32 *msg)
{
	unsigned int index = (msg[0] & IX_MBX_INFO_MASK) >> IX_MBX_INFO_SHIFT;
	const char *owner;
	unsigned int i;
	u8 mac[ETH_ALEN];

	if (!index) {
		ixpf_vf_clear_macvlan(a, vf);
		return 1;
	}
	ixpf_msg_get_mac(msg, mac);
	if (!is_valid_ether_addr(mac)) {
		ixpf_vf_refuse(a, vf, "SET_MACVLAN with %pM\n", mac);
		return IXPF_NACK;
	}
	if (is_valid_ether_addr(vf->admin.mac) && !vf->admin.trusted) {
		ixpf_vf_refuse(a, vf, "SET_MACVLAN: MAC set by the admin, VF not trusted\n");
		return IXPF_NACK;
	}
	owner = ixpf_vf_mac_owner(a, vf, mac);
	if (owner) {
		ixpf_vf_refuse(a, vf, "SET_MACVLAN %pM refused: %s has it\n",
			       mac, owner);
		return IXPF_NACK;
	}
	if (index == 1)
		ixpf_vf_clear_macvlan(a, vf);
	if (vf->macvlan_count >= IXPF_VF_MAX_MACVLAN) {
		ixpf_vf_refuse(a, vf, "SET_MACVLAN: already %u addresses\n",
			       vf->macvlan_count);
		return IXPF_NACK;
	}
	for (i = 0; i < IXPF_NUM_MACVLAN_RAR; i++)
		if (!a->macvlan_owner[i])
			break;
	if (i == IXPF_NUM_MACVLAN_RAR) {
		ixpf_vf_refuse(a, vf, "SET_MACVLAN: no address filter left\n");
		return IXPF_NACK;
	}
	a->macvlan_owner[i] = vf->id + 1;
	ether_addr_copy(a->macvlan_addr[i], mac);
	vf->macvlan_count++;
	ixpf_hw_set_rar_pool(a, IXPF_MACVLAN_RAR_BASE + i, mac, vf->id);
	return 1;
}

static int ixpf_msg_api(struct ixpf_adapter *a, struct ixpf_vf *vf, u32 *msg)
{
	if (!ixpf_vf_api_supported(msg[1])) {
		/* ixgbevf walks down its list: not worth a log line */
		return IXPF_NACK;
	}
	vf->api = msg[1];
	return 1;
}

static int ixpf_msg_get_queues(struct ixpf_adapter *a, struct ixpf_vf *vf,
			       u32 *msg)
{
	msg[IX_MBX_Q_TX] = a->qpp;
	msg[IX_MBX_Q_RX] = a->qpp;
	msg[IX_MBX_Q_TRANS_VLAN] = (vf->admin.vlan || vf->admin.qos) ? 1 : 0;
	msg[IX_MBX_Q_DEF_QUEUE] = 0;
	return 5;
}

static int ixpf_msg_get_reta(struct ixpf_adapter *a, struct ixpf_vf *vf,
			     u32 *msg)
{
	unsigned int i;

	if (!vf->admin.rss_query)
		return IXPF_NACK;
	/* 128 entries of 2 bits, 16 per word (a VF pool has <= 4 queues) */
	for (i = 0; i < 8; i++)
		msg[1 + i] = 0;
	for (i = 0; i < IXPF_RETA_SIZE; i++)
		msg[1 + i / 16] |= (u32)(a->reta[i] & 3) << (2 * (i % 16));
	return 9;
}

static int ixpf_msg_get_rss_key(struct ixpf_adapter *a, struct ixpf_vf *vf,
				u32 *msg)
{
	unsigned int i;

	if (!vf->admin.rss_query)
		return IXPF_NACK;
	for (i = 0; i < IXPF_RSS_KEY_SIZE / 4; i++)
		msg[1 + i] = a->rss_key[4 * i] | (a->rss_key[4 * i + 1] << 8) |
			     (a->rss_key[4 * i + 2] << 16) |
			     ((u32)a->rss_key[4 * i + 3] << 24);
	return 1 + IXPF_RSS_KEY_SIZE / 4;
}

static int ixpf_msg_xcast(struct ixpf_adapter *a, struct ixpf_vf *vf, u32 *msg)
{
	u32 mode = msg[1];

	/* the 82599 has no per-pool unicast promiscuous mode */
	if (mode >= IX_MBX_XCAST_PROMISC) {
		ixpf_vf_refuse(a, vf, "UPDATE_XCAST_MODE %u refused\n", mode);
		return IXPF_NACK;
	}
	if (!vf->admin.trusted && mode > IX_MBX_XCAST_MULTI)
		mode = IX_MBX_XCAST_MULTI;	/* untrusted: capped */
	vf->xcast = mode;
	ixpf_vf_write_vmolr(a, vf);
	msg[1] = mode;
	return 2;
}

static int ixpf_msg_link_state(struct ixpf_adapter *a, struct ixpf_vf *vf,
			       u32 *msg)
{
	msg[1] = vf->admin.link_state != IFLA_VF_LINK_STATE_DISABLE;
	return 2;
}

static int ixpf_msg_features(struct ixpf_adapter *a, struct ixpf_vf *vf,
			     u32 *msg)
{
	msg[1] = 0;	/* neither VF IPsec nor the ESX mailbox */
	return 2;
}

typedef int (*ixpf_vf_handler)(struct ixpf_adapter *a, struct ixpf_vf *vf,
			       u32 *msg);

static const ixpf_vf_handler ixpf_vf_handlers[] = {
	[IX_MBX_VF_RESET]		= ixpf_msg_reset,
	[IX_MBX_SET_MAC_ADDR]		= ixpf_msg_set_mac,
	[IX_MBX_SET_MULTICAST]		= ixpf_msg_set_multicast,
	[IX_MBX_SET_VLAN]		= ixpf_msg_set_vlan,
	[IX_MBX_SET_LPE]		= ixpf_msg_set_lpe,
	[IX_MBX_SET_MACVLAN]		= ixpf_msg_set_macvlan,
	[IX_MBX_API_NEGOTIATE]		= ixpf_msg_api,
	[IX_MBX_GET_QUEUES]		= ixpf_msg_get_queues,
	[IX_MBX_GET_RETA]		= ixpf_msg_get_reta,
	[IX_MBX_GET_RSS_KEY]		= ixpf_msg_get_rss_key,
	[IX_MBX_UPDATE_XCAST_MODE]	= ixpf_msg_xcast,
	[IX_MBX_GET_LINK_STATE]		= ixpf_msg_link_state,
	[IX_MBX_FEATURES_NEGOTIATE]	= ixpf_msg_features,
};

void ixpf_vf_handle_msg(struct ixpf_adapter *a, struct ixpf_vf *vf, u32 *msg)
{
	unsigned int id = msg[0] & IX_MBX_ID_MASK;
	const char *why;
	int words;

	if (ixpf_vf_policy_check(a, vf, msg, &why)) {
		ixpf_vf_refuse(a, vf, "message 0x%x refused: %s\n", id, why);
		words = IXPF_NACK;
	} else if (id >= ARRAY_SIZE(ixpf_vf_handlers) ||
		   !ixpf_vf_handlers[id]) {
		words = IXPF_NACK;	/* admitted but not implemented */
	} else {
		words = ixpf_vf_handlers[id](a, vf, msg);
	}

	if (words == IXPF_NACK) {
		msg[0] = (msg[0] & (IX_MBX_ID_MASK | IX_MBX_INFO_MASK)) |
			 IX_MBX_NACK;
		words = 1;
	} else {
		msg[0] |= IX_MBX_ACK;
	}
	/* CTS: the VF may go on talking; not on the VF_RESET reply itself */
	if (vf->cts && id != IX_MBX_VF_RESET)
		msg[0] |= IX_MBX_CTS;
	ixpf_mbx_write(a, vf->id, msg, words);
}
