// SPDX-License-Identifier: GPL-2.0
/*
 * 82599 model: statistics counters.
 *
 * Octet counters include the 4-byte CRC, as on the wire; packet-size
 * buckets are by wire length too. Per-queue counters go to the statistics
 * slot that RQSMR/TQSM map the queue to (one byte per queue, 4 per register).
 */
#include "qemu/osdep.h"
#include "ix82599.h"

#define IX_CRC_LEN 4

void ix_stat_add(IX82599State *s, uint32_t addr, uint32_t n)
{
	ix_set(s, addr, ix_get(s, addr) + n);
}

void ix_stat_add64(IX82599State *s, uint32_t lo, uint32_t hi, uint64_t n)
{
	uint64_t v = ((uint64_t)ix_get(s, hi) << 32) | ix_get(s, lo);

	v += n;
	ix_set(s, lo, (uint32_t)v);
	ix_set(s, hi, v >> 32);
}

static uint32_t ix_size_bucket(uint32_t base64, size_t len)
{
	/* PRC64/PTC64 .. PRC1522/PTC1522: six consecutive registers */
	if (len <= 64)
		return base64;
	if (len <= 127)
		return base64 + 4;
	if (len <= 255)
		return base64 + 8;
	if (len <= 511)
		return base64 + 12;
	if (len <= 1023)
		return base64 + 16;
	return base64 + 20;
}

static int ix_stat_slot(IX82599State *s, uint32_t map_base, int queue)
{
	return (ix_get(s, map_base + 4 * (queue / 4)) >> (8 * (queue % 4))) &
	       0xF;
}

void ix_stats_rx(IX82599State *s, int queue, const uint8_t *frame,
		 size_t len)
{
	size_t wire = len + IX_CRC_LEN;
	int slot = ix_stat_slot(s, IX_RQSMR(0), queue);

	ix_stat_add(s, IX_GPRC, 1);
	ix_stat_add(s, IX_TPR, 1);
	ix_stat_add64(s, IX_GORCL, IX_GORCH, wire);
	ix_stat_add64(s, IX_TORL, IX_TORH, wire);
	if (is_broadcast_ether_addr(frame))
		ix_stat_add(s, IX_BPRC, 1);
	else if (is_multicast_ether_addr(frame))
		ix_stat_add(s, IX_MPRC, 1);
	if (wire <= 1522)
		ix_stat_add(s, ix_size_bucket(IX_PRC64, wire), 1);
	ix_stat_add(s, IX_RXDGPC, 1);
	ix_stat_add64(s, IX_RXDGBCL, IX_RXDGBCH, wire);
	ix_stat_add(s, IX_QPRC(slot), 1);
	ix_stat_add64(s, IX_QBRC_L(slot), IX_QBRC_H(slot), len);
}

void ix_stats_rx_missed(IX82599State *s, int queue)
{
	ix_stat_add(s, IX_MPC(0), 1);
	ix_stat_add(s, IX_QPRDC(ix_stat_slot(s, IX_RQSMR(0), queue)), 1);
	ix_stat_add(s, IX_TPR, 1);
}

void ix_stats_tx(IX82599State *s, int queue, const uint8_t *frame,
		 size_t len)
{
	size_t wire = MAX(len, 60) + IX_CRC_LEN;
	int slot = ix_stat_slot(s, IX_TQSM(0), queue);

	ix_stat_add(s, IX_GPTC, 1);
	ix_stat_add(s, IX_TPT, 1);
	ix_stat_add64(s, IX_GOTCL, IX_GOTCH, wire);
	if (is_broadcast_ether_addr(frame))
		ix_stat_add(s, IX_BPTC, 1);
	else if (is_multicast_ether_addr(frame))
		ix_stat_add(s, IX_MPTC, 1);
	if (wire <= 1522)
		ix_stat_add(s, ix_size_bucket(IX_PTC64, wire), 1);
	ix_stat_add(s, IX_TXDGPC, 1);
	ix_stat_add64(s, IX_TXDGBCL, IX_TXDGBCH, wire);
	ix_stat_add(s, IX_QPTC(slot), 1);
	ix_stat_add64(s, IX_QBTC_L(slot), IX_QBTC_H(slot), len);
}

/* Per-VF counters are running totals: software handles the wrap. */
void ix_stats_vf_rx(IX82599State *s, int vf, const uint8_t *frame,
		    size_t len)
{
	uint64_t oct = ((uint64_t)(ix_get(s, IX_PVFGORC_MSB(vf)) & 0xF) << 32) |
		       ix_get(s, IX_PVFGORC_LSB(vf));

	ix_stat_add(s, IX_PVFGPRC(vf), 1);
	oct += len + IX_CRC_LEN;
	ix_set(s, IX_PVFGORC_LSB(vf), (uint32_t)oct);
	ix_set(s, IX_PVFGORC_MSB(vf), (oct >> 32) & 0xF);
	if (is_multicast_ether_addr(frame))
		ix_stat_add(s, IX_PVFMPRC(vf), 1);
}

void ix_stats_vf_tx(IX82599State *s, int vf, size_t len)
{
	uint64_t oct = ((uint64_t)(ix_get(s, IX_PVFGOTC_MSB(vf)) & 0xF) << 32) |
		       ix_get(s, IX_PVFGOTC_LSB(vf));

	ix_stat_add(s, IX_PVFGPTC(vf), 1);
	oct += MAX(len, 60) + IX_CRC_LEN;
	ix_set(s, IX_PVFGOTC_LSB(vf), (uint32_t)oct);
	ix_set(s, IX_PVFGOTC_MSB(vf), (oct >> 32) & 0xF);
}
