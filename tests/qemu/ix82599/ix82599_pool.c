// SPDX-License-Identifier: GPL-2.0
/*
 * 82599 model: VMDq pools and the internal L2 switch.
 *
 * VT mode is on when VT_CTL.VT_ENABLE is set and MRQC selects a VMDq
 * receive mode; GCR_EXT.VT_MODE gives the pool count (16/32/64) and so the
 * queues per pool (8/4/2). Pool p owns queues p*qpp .. p*qpp+qpp-1.
 *
 * Receive pool selection, as upstream programs it (exact datasheet
 * precedence unverified; QEMU's igb model follows the same order):
 *   unicast:   RAR exact match (AV) -> its MPSAR pools, else pools with a
 *              UTA hit and VMOLR.ROPE, else the default pool (VT_CTL.DEF_PL)
 *              unless DIS_DEFPL; FCTRL.UPE adds the default pool;
 *   multicast: RAR match -> MPSAR pools, MTA hit -> pools with ROMPE,
 *              pools with VMOLR.MPE; FCTRL.MPE adds the default pool;
 *   broadcast: pools with VMOLR.BAM (when FCTRL.BAM);
 *   VLAN:      with VLNCTRL.VFE a tagged frame only reaches the pools in the
 *              VLVFB bitmap of the VLVF entry holding its VID; untagged
 *              frames only reach pools with VMOLR.AUPE;
 *   then pools without VFRE are dropped.
 */
#include "qemu/osdep.h"
#include "net/eth.h"
#include "ix82599.h"

bool ix_vt_enabled(IX82599State *s)
{
	uint32_t mrqe = ix_get(s, IX_MRQC) & IX_MRQC_MRQE_MASK;

	return (ix_get(s, IX_VT_CTL) & IX_VT_CTL_VT_ENABLE) && mrqe >= 0x8 &&
	       mrqe <= 0xD;
}

int ix_qpp(IX82599State *s)
{
	switch (ix_get(s, IX_GCR_EXT) & IX_GCR_EXT_VT_MODE_MASK) {
	case 1:
		return 8;
	case 2:
		return 4;
	case 3:
		return 2;
	}
	return 0;
}

int ix_queue_pool(IX82599State *s, int queue)
{
	int qpp = ix_qpp(s);

	return qpp ? queue / qpp : -1;
}

/* The function whose DMA a queue performs: its VF's, or the PF's. */
PCIDevice *ix_queue_dev(IX82599State *s, int queue)
{
	int pool = ix_queue_pool(s, queue);
	PCIDevice *d = NULL;

	if (pool >= 0 && pool < ix_num_vfs(s))
		d = ix_vf_dev(s, pool);
	return d ? d : PCI_DEVICE(s);
}

static uint64_t ix_pool_bits(IX82599State *s, uint32_t lo, uint32_t hi)
{
	return ix_get(s, lo) | ((uint64_t)ix_get(s, hi) << 32);
}

static uint64_t ix_pools_with(IX82599State *s, uint32_t vmolr_bit)
{
	uint64_t m = 0;
	int p;

	for (p = 0; p < IX_NUM_POOLS; p++)
		if (ix_get(s, IX_VMOLR(p)) & vmolr_bit)
			m |= 1ULL << p;
	return m;
}

/* Index of the valid RAR entry holding this address, or -1. */
int ix_rar_lookup(IX82599State *s, const uint8_t *da)
{
	uint32_t lo = ldl_le_p(da), hi = lduw_le_p(da + 4);
	int i;

	for (i = 0; i < IX_NUM_RAR; i++) {
		uint32_t rah = ix_get(s, IX_RAH(i));

		if ((rah & IX_RAH_AV) && (rah & 0xFFFF) == hi &&
		    ix_get(s, IX_RAL(i)) == lo)
			return i;
	}
	return -1;
}

/* MTA/UTA share the hash: 12 bits of the address chosen by MCSTCTRL.MO. */
bool ix_mac_hash_hit(IX82599State *s, uint32_t table, const uint8_t *da)
{
	unsigned int shift = 4 - (ix_get(s, IX_MCSTCTRL) & IX_MCSTCTRL_MO_MASK);
	uint32_t h = ((da[4] >> shift) | ((uint32_t)da[5] << (8 - shift))) &
		     0xFFF;

	return ix_get(s, table + 4 * (h >> 5)) & (1u << (h & 0x1F));
}

static uint64_t ix_default_pool(IX82599State *s)
{
	uint32_t vt = ix_get(s, IX_VT_CTL);

	if (vt & IX_VT_CTL_DIS_DEFPL)
		return 0;
	return 1ULL << ((vt & IX_VT_CTL_POOL_MASK) >> IX_VT_CTL_POOL_SHIFT);
}

static uint64_t ix_vlan_pools(IX82599State *s, uint16_t vid)
{
	int i;

	for (i = 0; i < IX_NUM_VLVF; i++) {
		uint32_t v = ix_get(s, IX_VLVF(i));

		if ((v & IX_VLVF_VIEN) && (v & IX_VLVF_VID_MASK) == vid)
			return ix_pool_bits(s, IX_VLVFB(2 * i),
					    IX_VLVFB(2 * i + 1));
	}
	return 0;
}

uint64_t ix_pools_for_frame(IX82599State *s, const uint8_t *f, bool tagged,
			    uint16_t tci, bool *exact)
{
	uint32_t fctrl = ix_get(s, IX_FCTRL);
	uint64_t pools = 0;
	int rar = ix_rar_lookup(s, f);

	*exact = false;
	if (is_broadcast_ether_addr(f)) {
		if (fctrl & IX_FCTRL_BAM)
			pools = ix_pools_with(s, IX_VMOLR_BAM);
	} else if (is_multicast_ether_addr(f)) {
		if (rar >= 0)
			pools |= ix_pool_bits(s, IX_MPSAR_LO(rar),
					      IX_MPSAR_HI(rar));
		if ((ix_get(s, IX_MCSTCTRL) & IX_MCSTCTRL_MFE) &&
		    ix_mac_hash_hit(s, IX_MTA(0), f))
			pools |= ix_pools_with(s, IX_VMOLR_ROMPE);
		pools |= ix_pools_with(s, IX_VMOLR_MPE);
		if (fctrl & IX_FCTRL_MPE)
			pools |= ix_default_pool(s);
	} else {
		if (rar >= 0) {
			pools = ix_pool_bits(s, IX_MPSAR_LO(rar),
					     IX_MPSAR_HI(rar));
			*exact = true;
		} else if (ix_mac_hash_hit(s, IX_UTA(0), f)) {
			pools = ix_pools_with(s, IX_VMOLR_ROPE);
		}
		if (!pools && rar < 0)
			pools = ix_default_pool(s);
		if (fctrl & IX_FCTRL_UPE)
			pools |= ix_default_pool(s);
	}

	if (tagged && (ix_get(s, IX_VLNCTRL) & IX_VLNCTRL_VFE))
		pools &= ix_vlan_pools(s, tci & 0xFFF);
	else if (!tagged)
		pools &= ix_pools_with(s, IX_VMOLR_AUPE);
	return pools & ix_pool_bits(s, IX_VFRE(0), IX_VFRE(1));
}

/* The queue of a pool a frame lands in: RSS inside the pool (PSRTYPE.RQPL). */
int ix_pool_queue(IX82599State *s, int pool, uint32_t hash,
		  unsigned int rsstype)
{
	uint32_t mrqe = ix_get(s, IX_MRQC) & IX_MRQC_MRQE_MASK;
	int qpp = ix_qpp(s);
	unsigned int rqpl = (ix_get(s, IX_PSRTYPE(pool)) >> 29) & 3;
	unsigned int idx = hash & 0x7F, entry, n;

	if ((mrqe != 0xA && mrqe != 0xB) || !rsstype || !rqpl)
		return pool * qpp;
	n = MIN(1u << rqpl, (unsigned int)qpp);
	entry = (ix_get(s, IX_RETA(idx / 4)) >> (8 * (idx % 4))) & 0xF;
	return pool * qpp + entry % n;
}

/*
 * Transmit checks of a pool: Tx enable (VFTE) and anti-spoofing. MAC
 * anti-spoof: the source address must be in a RAR entry of this pool. VLAN
 * anti-spoof: a tag must be in a VLVF entry of this pool. Spoofed frames are
 * dropped and counted in SSVPC when the pool's VMECM bit is set.
 */
bool ix_pool_tx_allowed(IX82599State *s, int pool, const uint8_t *f,
			size_t len)
{
	uint32_t spoof = ix_get(s, IX_PFVFSPOOF(pool / 8));
	uint64_t bit = 1ULL << pool;
	bool spoofed = false;
	int rar;

	if (!(ix_pool_bits(s, IX_VFTE(0), IX_VFTE(1)) & bit))
		return false;
	if (spoof & (1u << (pool % 8))) {
		rar = ix_rar_lookup(s, f + 6);
		spoofed = rar < 0 || !(ix_pool_bits(s, IX_MPSAR_LO(rar),
						    IX_MPSAR_HI(rar)) & bit);
	}
	if (!spoofed && (spoof & (1u << (8 + pool % 8))) && len >= 18 &&
	    lduw_be_p(f + 12) == (ix_get(s, IX_VLNCTRL) & IX_VLNCTRL_VET_MASK))
		spoofed = !(ix_vlan_pools(s, lduw_be_p(f + 14) & 0xFFF) & bit);
	if (spoofed) {
		if (ix_pool_bits(s, IX_VMECM(0), IX_VMECM(1)) & bit)
			ix_stat_add(s, IX_SSVPC, 1);
		return false;
	}
	return true;
}
