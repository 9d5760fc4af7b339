// SPDX-License-Identifier: GPL-2.0
/*
 * 82599 model: transmit rings and offloads.
 *
 * A TDT write walks the ring from TDH: advanced context descriptors are
 * remembered per queue (two slots, chosen by IDX), data descriptors are
 * gathered until EOP, then the frame gets its offloads in hardware order:
 * TCP segmentation (TSE) or IP/L4 checksums (IXSM/TXSM), then VLAN
 * insertion (VLE) and padding. QEMU 7.2's net_tx_pkt cannot segment TCP,
 * so segmentation is done here, per the datasheet: every segment gets the
 * headers with IP length/ID/checksum, TCP sequence, flags masked by
 * DTXTCPFLGL/H and a full TCP checksum from the pseudo-header sum that
 * software left in the checksum field (without the length, which the
 * hardware adds per segment).
 *
 * With the link down the MAC does not drain the rings (the driver's
 * watchdog resets to flush them); processing resumes on link up.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "hw/pci/pci.h"
#include "net/checksum.h"
#include "net/eth.h"
#include "ix82599.h"

#define IX_TXD_SIZE	16
#define IX_TCP_FLAGS_MASK 0x0FFF

void ix_tx_init(IX82599State *s)
{
	s->tx_seg = g_malloc(IX_MAX_FRAME + 4);
}

void ix_tx_uninit(IX82599State *s)
{
	int q;

	for (q = 0; q < IX_NUM_QUEUES; q++)
		g_free(s->tx_pkt[q].buf);
	g_free(s->tx_seg);
}

void ix_tx_reset(IX82599State *s)
{
	int q;

	memset(s->tx_ctx, 0, sizeof(s->tx_ctx));
	for (q = 0; q < IX_NUM_QUEUES; q++) {
		s->tx_pkt[q].len = 0;
		s->tx_pkt[q].started = false;
		s->tx_pkt[q].oversize = false;
	}
}

static uint16_t ix_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xFFFF) + (sum >> 16);
	return sum;
}

/* Put the frame on the wire, or back into Rx in MAC loopback. */
/*
 * The internal switch (PFDTXGSWC.VT_LBEN): unicast to a MAC of another pool
 * stays inside; multicast and broadcast go to the other pools and the wire.
 * Returns true when the frame must not go to the wire.
 */
static bool ix_tx_switch(IX82599State *s, int pool, const uint8_t *f,
			 size_t n)
{
	uint16_t vet = ix_get(s, IX_VLNCTRL) & IX_VLNCTRL_VET_MASK;
	bool tagged = n >= 18 && lduw_be_p(f + 12) == vet;
	bool mc = is_multicast_ether_addr(f), exact;
	uint64_t self = 1ULL << pool, local;

	if (!(ix_get(s, IX_PFDTXGSWC) & IX_PFDTXGSWC_VT_LBEN))
		return false;
	local = ix_pools_for_frame(s, f, tagged, tagged ? lduw_be_p(f + 14) : 0,
				   &exact) & ~self;
	if ((mc || exact) && local)
		ix_rx_frame(s, f, n, IX_RX_SWITCH, self);
	return !mc && exact;
}

static void ix_tx_emit(IX82599State *s, int q, uint8_t *frame, size_t len,
		       bool vle, uint16_t vlan)
{
	int pool = ix_vt_enabled(s) ? ix_queue_pool(s, q) : -1;
	uint8_t *out = frame;
	size_t n = len;

	if (pool >= 0) {
		/* the pool's default VLAN (port VLAN) overrides the descriptor */
		uint32_t vmvir = ix_get(s, IX_VMVIR(pool));

		if ((vmvir & IX_VMVIR_VLANA_MASK) == IX_VMVIR_VLANA_DEFAULT) {
			vle = true;
			vlan = vmvir & 0xFFFF;
		} else if ((vmvir & IX_VMVIR_VLANA_MASK) ==
			   IX_VMVIR_VLANA_NEVER) {
			vle = false;
		}
	}

	if (vle) {
		/*
		 * The frame is a TSO segment at tx_seg + 4 or a queue buffer:
		 * either way, moving the tail first opens the tag's gap safely.
		 */
		memmove(s->tx_seg + 16, frame + 12, len - 12);
		memmove(s->tx_seg, frame, 12);
		stw_be_p(s->tx_seg + 12, ix_get(s, IX_DMATXCTL) >> 16);
		stw_be_p(s->tx_seg + 14, vlan);
		out = s->tx_seg;
		n = len + 4;
	}
	if (n < 60 && (ix_get(s, IX_HLREG0) & IX_HLREG0_TXPADEN)) {
		if (out != s->tx_seg) {
			memmove(s->tx_seg, out, n);
			out = s->tx_seg;
		}
		memset(out + n, 0, 60 - n);
		n = 60;
	}
	if (pool >= 0 && !ix_pool_tx_allowed(s, pool, out, n))
		return;
	ix_stats_tx(s, q, out, n);
	ix_rate_sent(s, q, n);
	if (pool >= 0 && pool < ix_num_vfs(s))
		ix_stats_vf_tx(s, pool, n);
	if (ix_get(s, IX_HLREG0) & IX_HLREG0_LPBK) {
		ix_rx_frame(s, out, n, IX_RX_LOOPBACK, 0);
		return;
	}
	if (pool >= 0 && ix_tx_switch(s, pool, out, n))
		return;
	qemu_send_packet(qemu_get_queue(s->nic), out, n);
}

static void ix_ipv4_csum(uint8_t *ip, unsigned int iplen)
{
	stw_be_p(ip + 10, 0);
	stw_be_p(ip + 10, net_raw_checksum(ip, iplen));
}

/* Checksum over the L4 part; the field holds software's pseudo-header sum. */
static void ix_l4_csum(uint8_t *l4, size_t l4len, unsigned int l4t,
		       uint32_t extra)
{
	unsigned int off = l4t == IX_TXCTX_TUCMD_L4T_TCP ? 16 : 6;
	uint32_t sum;
	uint16_t c;

	if (l4len < off + 2)
		return;
	sum = net_checksum_add(l4len, l4) + extra;
	c = ~ix_fold(sum);
	if (l4t == IX_TXCTX_TUCMD_L4T_UDP && c == 0)
		c = 0xFFFF;
	stw_be_p(l4 + off, c);
}

static void ix_tx_tso(IX82599State *s, int q, uint8_t *pkt, size_t len,
		      const struct ix_tx_ctx *ctx, bool vle, uint16_t vlan)
{
	unsigned int maclen = (ctx->vlan_macip_lens >> IX_TXCTX_MACLEN_SHIFT) &
			      0x7F;
	unsigned int iplen = ctx->vlan_macip_lens & IX_TXCTX_IPLEN_MASK;
	unsigned int l4len = (ctx->mss_l4len_idx >> IX_TXCTX_L4LEN_SHIFT) & 0xFF;
	unsigned int mss = ctx->mss_l4len_idx >> IX_TXCTX_MSS_SHIFT;
	bool v4 = ctx->type_tucmd_mlhl & IX_TXCTX_TUCMD_IPV4;
	unsigned int hlen = maclen + iplen + l4len;
	uint32_t flgl = ix_get(s, IX_DTXTCPFLGL), flgh = ix_get(s, IX_DTXTCPFLGH);
	uint16_t seed, ipid, flags;
	uint32_t seq;
	size_t off, paylen;
	unsigned int i, nseg;

	if ((ctx->type_tucmd_mlhl & IX_TXCTX_TUCMD_L4T_MASK) !=
	    IX_TXCTX_TUCMD_L4T_TCP) {
		ix_unmodeled(s, "TSO of a non-TCP frame", IX_TDT(q), len);
		return;
	}
	if (!mss || hlen > len || l4len < 20 || hlen + mss > IX_MAX_FRAME) {
		/* malformed context: the frame is dropped */
		return;
	}
	paylen = len - hlen;
	nseg = paylen ? DIV_ROUND_UP(paylen, mss) : 1;
	seed = lduw_be_p(pkt + maclen + iplen + 16);
	seq = ldl_be_p(pkt + maclen + iplen + 4);
	flags = lduw_be_p(pkt + maclen + iplen + 12);
	ipid = v4 ? lduw_be_p(pkt + maclen + 4) : 0;

	for (i = 0, off = 0; i < nseg; i++, off += mss) {
		size_t chunk = MIN(mss, paylen - off);
		uint8_t *seg = s->tx_seg + 4;	/* room for a VLAN tag */
		uint8_t *ip = seg + maclen, *tcp = ip + iplen;
		uint16_t mask;

		memcpy(seg, pkt, hlen);
		memcpy(seg + hlen, pkt + hlen + off, chunk);
		if (v4) {
			stw_be_p(ip + 2, iplen + l4len + chunk);
			stw_be_p(ip + 4, ipid + i);
			ix_ipv4_csum(ip, iplen);
		} else {
			stw_be_p(ip + 4, iplen - 40 + l4len + chunk);
		}
		stl_be_p(tcp + 4, seq + off);
		if (i == 0)
			mask = flgl & IX_TCP_FLAGS_MASK;
		else if (i + 1 < nseg)
			mask = (flgl >> 16) & IX_TCP_FLAGS_MASK;
		else
			mask = flgh & IX_TCP_FLAGS_MASK;
		if (nseg == 1)
			mask = flgl & flgh & IX_TCP_FLAGS_MASK;
		stw_be_p(tcp + 12, (flags & ~IX_TCP_FLAGS_MASK) |
			 (flags & mask));
		stw_be_p(tcp + 16, seed);
		ix_l4_csum(tcp, l4len + chunk, IX_TXCTX_TUCMD_L4T_TCP,
			   l4len + chunk);
		ix_tx_emit(s, q, seg, hlen + chunk, vle, vlan);
	}
}

static void ix_tx_frame(IX82599State *s, int q, struct ix_tx_pkt *p)
{
	uint32_t cmd = p->first_cmd, olinfo = p->first_olinfo;
	const struct ix_tx_ctx *ctx = &s->tx_ctx[q][(olinfo >> IX_TXD_IDX_SHIFT) & 1];
	unsigned int maclen = (ctx->vlan_macip_lens >> IX_TXCTX_MACLEN_SHIFT) &
			      0x7F;
	unsigned int iplen = ctx->vlan_macip_lens & IX_TXCTX_IPLEN_MASK;
	unsigned int l4t = ctx->type_tucmd_mlhl & IX_TXCTX_TUCMD_L4T_MASK;
	bool vle = cmd & IX_TXD_CMD_VLE;
	uint16_t vlan = ctx->vlan_macip_lens >> IX_TXCTX_VLAN_SHIFT;
	uint8_t *f = p->buf;
	size_t len = p->len;

	if (p->oversize || len < 14)
		return;		/* malformed: dropped, as the MAC would */
	if (cmd & IX_TXD_CMD_TSE) {
		ix_tx_tso(s, q, f, len, ctx, vle, vlan);
		return;
	}
	if (len > IX_MAX_FRAME)
		return;
	if ((olinfo & IX_TXD_POPTS_IXSM) && maclen + iplen <= len &&
	    iplen >= 20)
		ix_ipv4_csum(f + maclen, iplen);
	if ((olinfo & IX_TXD_POPTS_TXSM) && maclen + iplen < len) {
		if (l4t == IX_TXCTX_TUCMD_L4T_SCTP)
			ix_unmodeled(s, "SCTP CRC offload", IX_TDT(q), len);
		else
			ix_l4_csum(f + maclen + iplen, len - maclen - iplen,
				   l4t, 0);
	}
	ix_tx_emit(s, q, f, len, vle, vlan);
}

/* Returns true when the descriptor asked for a status write-back. */
static bool ix_tx_desc(IX82599State *s, int q, uint8_t *d)
{
	uint64_t addr = ldq_le_p(d);
	uint32_t cmd = ldl_le_p(d + 8), olinfo = ldl_le_p(d + 12);
	struct ix_tx_pkt *p = &s->tx_pkt[q];
	uint32_t dlen = cmd & IX_TXD_DTALEN_MASK;

	if (!(cmd & IX_TXD_CMD_DEXT)) {
		ix_unmodeled(s, "legacy Tx descriptor", IX_TDT(q), cmd);
		return cmd & IX_TXD_CMD_RS;
	}
	if ((cmd & IX_TXD_DTYP_MASK) == IX_TXD_DTYP_CTXT) {
		struct ix_tx_ctx *c = &s->tx_ctx[q][(ldl_le_p(d + 12) >>
						     IX_TXD_IDX_SHIFT) & 1];

		c->vlan_macip_lens = ldl_le_p(d);
		c->type_tucmd_mlhl = cmd;
		c->mss_l4len_idx = olinfo;
		return false;
	}
	if ((cmd & IX_TXD_DTYP_MASK) != IX_TXD_DTYP_DATA) {
		ix_unmodeled(s, "Tx descriptor type", IX_TDT(q), cmd);
		return false;
	}
	if (!p->started) {
		p->started = true;
		p->first_cmd = cmd;
		p->first_olinfo = olinfo;
		p->len = 0;
		p->oversize = false;
	}
	if (!p->buf)
		p->buf = g_malloc(IX_TX_MAX_PKT);
	if (p->len + dlen > IX_TX_MAX_PKT) {
		p->oversize = true;
	} else if (dlen) {
		pci_dma_read(ix_queue_dev(s, q), addr, p->buf + p->len, dlen);
		p->len += dlen;
	}
	if (cmd & IX_TXD_CMD_EOP) {
		ix_tx_frame(s, q, p);
		p->started = false;
		p->len = 0;
	}
	return cmd & IX_TXD_CMD_RS;
}

void ix_tx_kick(IX82599State *s, int q)
{
	uint32_t ndesc = ix_get(s, IX_TDLEN(q)) / IX_TXD_SIZE;
	uint64_t base = ((uint64_t)ix_get(s, IX_TDBAH(q)) << 32) |
			(ix_get(s, IX_TDBAL(q)) & ~0x7Fu);
	uint32_t head = ix_get(s, IX_TDH(q)), tail = ix_get(s, IX_TDT(q));
	uint32_t wbal = ix_get(s, IX_TDWBAL(q));
	PCIDevice *dev = ix_queue_dev(s, q);
	bool wrote_back = false;
	uint8_t d[IX_TXD_SIZE];

	if (!(ix_get(s, IX_DMATXCTL) & IX_DMATXCTL_TE) ||
	    !(ix_get(s, IX_TXDCTL(q)) & IX_TXDCTL_ENABLE) || !ndesc ||
	    !ix_link_is_up(s))
		return;
	if (head >= ndesc || tail >= ndesc)
		return;		/* out of range: the queue stalls */

	while (head != tail) {
		hwaddr da = base + (uint64_t)head * IX_TXD_SIZE;

		/* a rate-limited queue waits between frames, not inside one */
		if (!s->tx_pkt[q].started && !ix_rate_may_send(s, q))
			break;

		pci_dma_read(dev, da, d, sizeof(d));
		if (ix_tx_desc(s, q, d)) {
			/* DD in the status field; the rest is left as is */
			stl_le_p(d + 12, ldl_le_p(d + 12) | IX_TXD_STAT_DD);
			pci_dma_write(dev, da + 12, d + 12, 4);
			wrote_back = true;
		}
		head = (head + 1) % ndesc;
		ix_set(s, IX_TDH(q), head);
	}
	if (wrote_back && (wbal & IX_TDWBAL_HEAD_WB_EN)) {
		uint8_t hb[4];
		uint64_t wa = ((uint64_t)ix_get(s, IX_TDWBAH(q)) << 32) |
			      (wbal & ~3u);

		stl_le_p(hb, head);
		pci_dma_write(dev, wa, hb, sizeof(hb));
	}
	if (wrote_back)
		ix_intr_queue_event(s, q, true);
}
