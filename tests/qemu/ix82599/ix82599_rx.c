// SPDX-License-Identifier: GPL-2.0
/*
 * 82599 model: receive filtering, queue selection and Rx rings.
 *
 * Order, as the datasheet describes the receive path: size check (MAXFRS),
 * L2 filter (RAR exact match, MTA hash, FCTRL promiscuous and broadcast
 * bits), VLAN filter (VFTA when VLNCTRL.VFE), queue selection (RSS through
 * RETA when MRQC asks for it), then DMA into advanced one-buffer
 * descriptors with checksum status, RSS hash and VLAN stripping (RXDCTL.VME).
 *
 * A queue with no free descriptor drops the frame when SRRCTL.DROP_EN is
 * set; otherwise the frame waits in the packet buffer, which here is QEMU's
 * queue for this NIC, flushed when software writes RDT.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "hw/pci/pci.h"
#include "net/checksum.h"
#include "net/eth.h"
#include <zlib.h>
#include "ix82599.h"

#define IX_RXD_SIZE 16

/* What the parser learnt about a frame. */
struct ix_rx_info {
	bool tagged;
	uint16_t tci;
	unsigned int l3;	/* offset of the IP header, 0 if none */
	unsigned int l4;	/* offset of the L4 header, 0 if none/fragment */
	unsigned int l4_len;	/* from the IP length fields */
	uint8_t proto;		/* L4 protocol */
	bool v4, v6;
};

static void ix_rx_parse(IX82599State *s, const uint8_t *f, size_t len,
			struct ix_rx_info *pi)
{
	uint16_t vet = ix_get(s, IX_VLNCTRL) & IX_VLNCTRL_VET_MASK;
	unsigned int off = 12;
	uint16_t type;

	memset(pi, 0, sizeof(*pi));
	type = lduw_be_p(f + off);
	if (type == vet && len >= 18) {
		pi->tagged = true;
		pi->tci = lduw_be_p(f + 14);
		off += 4;
		type = lduw_be_p(f + off);
	}
	off += 2;

	if (type == ETH_P_IP && len >= off + 20 && (f[off] >> 4) == 4) {
		unsigned int ihl = (f[off] & 0xF) * 4;
		unsigned int tot = lduw_be_p(f + off + 2);
		uint16_t frag = lduw_be_p(f + off + 6);

		if (ihl < 20 || off + ihl > len || tot < ihl ||
		    off + tot > len)
			return;
		pi->v4 = true;
		pi->l3 = off;
		pi->proto = f[off + 9];
		if (!(frag & 0x3FFF)) {
			pi->l4 = off + ihl;
			pi->l4_len = tot - ihl;
		}
	} else if (type == ETH_P_IPV6 && len >= off + 40 &&
		   (f[off] >> 4) == 6) {
		unsigned int plen = lduw_be_p(f + off + 4);
		unsigned int p = off + 40, end = off + 40 + plen;
		uint8_t nh = f[off + 6];

		if (end > len)
			return;
		pi->v6 = true;
		pi->l3 = off;
		/* hop-by-hop, routing and destination options may precede */
		while ((nh == 0 || nh == 43 || nh == 60) && p + 8 <= end) {
			nh = f[p];
			p += (f[p + 1] + 1) * 8;
		}
		pi->proto = nh;
		if (nh != 44 && p <= end) {	/* not a fragment */
			pi->l4 = p;
			pi->l4_len = end - p;
		}
	}
}

static bool ix_l2_accept(IX82599State *s, const uint8_t *da)
{
	uint32_t fctrl = ix_get(s, IX_FCTRL);

	if (is_broadcast_ether_addr(da))
		return fctrl & IX_FCTRL_BAM;
	if (is_multicast_ether_addr(da))
		return (fctrl & IX_FCTRL_MPE) || ix_rar_lookup(s, da) >= 0 ||
		       ((ix_get(s, IX_MCSTCTRL) & IX_MCSTCTRL_MFE) &&
			ix_mac_hash_hit(s, IX_MTA(0), da));
	return (fctrl & IX_FCTRL_UPE) || ix_rar_lookup(s, da) >= 0;
}

static bool ix_vlan_accept(IX82599State *s, const struct ix_rx_info *pi)
{
	uint16_t vid = pi->tci & 0xFFF;

	if (!pi->tagged || !(ix_get(s, IX_VLNCTRL) & IX_VLNCTRL_VFE))
		return true;
	return ix_get(s, IX_VFTA(vid >> 5)) & (1u << (vid & 0x1F));
}

static uint8_t ix_rss_key_byte(IX82599State *s, unsigned int i)
{
	return ix_get(s, IX_RSSRK(i / 4)) >> (8 * (i % 4));
}

static uint32_t ix_toeplitz(IX82599State *s, const uint8_t *in, size_t n)
{
	uint32_t hash = 0, win;
	unsigned int k = 4, i, b;

	win = (ix_rss_key_byte(s, 0) << 24) | (ix_rss_key_byte(s, 1) << 16) |
	      (ix_rss_key_byte(s, 2) << 8) | ix_rss_key_byte(s, 3);
	for (i = 0; i < n; i++) {
		uint8_t next = k < 40 ? ix_rss_key_byte(s, k++) : 0;

		for (b = 0; b < 8; b++) {
			if (in[i] & (0x80 >> b))
				hash ^= win;
			win = (win << 1) | ((next >> (7 - b)) & 1);
		}
	}
	return hash;
}

/* RSS hash and type per MRQC's field selection; type 0 means none. */
static uint32_t ix_rss(IX82599State *s, const uint8_t *f,
		       const struct ix_rx_info *pi, unsigned int *type)
{
	uint32_t mrqc = ix_get(s, IX_MRQC);
	uint8_t in[36];
	size_t n;
	bool tcp = pi->l4 && pi->proto == IP_PROTO_TCP && pi->l4_len >= 20;
	bool udp = pi->l4 && pi->proto == IP_PROTO_UDP && pi->l4_len >= 8;

	*type = 0;
	if (pi->v4) {
		memcpy(in, f + pi->l3 + 12, 8);
		n = 8;
		if (tcp && (mrqc & IX_MRQC_RSS_IPV4_TCP))
			*type = IX_RXD_RSSTYPE_IPV4_TCP;
		else if (udp && (mrqc & IX_MRQC_RSS_IPV4_UDP))
			*type = IX_RXD_RSSTYPE_IPV4_UDP;
		else if (mrqc & IX_MRQC_RSS_IPV4)
			*type = IX_RXD_RSSTYPE_IPV4;
	} else if (pi->v6) {
		memcpy(in, f + pi->l3 + 8, 32);
		n = 32;
		if (tcp && (mrqc & IX_MRQC_RSS_IPV6_TCP))
			*type = IX_RXD_RSSTYPE_IPV6_TCP;
		else if (udp && (mrqc & IX_MRQC_RSS_IPV6_UDP))
			*type = IX_RXD_RSSTYPE_IPV6_UDP;
		else if (mrqc & IX_MRQC_RSS_IPV6)
			*type = IX_RXD_RSSTYPE_IPV6;
	} else {
		return 0;
	}
	if (!*type)
		return 0;
	if (*type != IX_RXD_RSSTYPE_IPV4 && *type != IX_RXD_RSSTYPE_IPV6) {
		memcpy(in + n, f + pi->l4, 4);
		n += 4;
	}
	return ix_toeplitz(s, in, n);
}

static int ix_select_queue(IX82599State *s, uint32_t hash, unsigned int type)
{
	uint32_t mrqe = ix_get(s, IX_MRQC) & IX_MRQC_MRQE_MASK;
	unsigned int idx = hash & 0x7F;

	switch (mrqe) {
	case 0:
		return 0;
	case IX_MRQC_RSSEN:
		if (!type)
			return 0;
		return (ix_get(s, IX_RETA(idx / 4)) >> (8 * (idx % 4))) & 0xF;
	default:
		/* VMDq/DCB receive modes arrive with the SR-IOV model */
		ix_unmodeled(s, "receive mode MRQC.MRQE", IX_MRQC, mrqe);
		return 0;
	}
}

/* Checksum status/error bits for the write-back descriptor. */
static uint32_t ix_rx_csum(const uint8_t *f, const struct ix_rx_info *pi)
{
	uint32_t st = 0;

	if (pi->v4) {
		st |= IX_RXD_STAT_IPCS;
		if (net_raw_checksum((uint8_t *)f + pi->l3,
				     (f[pi->l3] & 0xF) * 4))
			st |= IX_RXD_ERR_IPE;
	}
	if (!pi->l4)
		return st;
	if (pi->proto == IP_PROTO_TCP || pi->proto == IP_PROTO_UDP) {
		uint32_t sum;

		if (pi->proto == IP_PROTO_UDP) {
			st |= IX_RXD_STAT_UDPCS;
			/*
			 * 82599 erratum: a UDP/IPv4 checksum of zero ("none")
			 * is reported as an L4 error; drivers ignore it.
			 */
			if (pi->v4 && pi->l4_len >= 8 &&
			    !lduw_be_p(f + pi->l4 + 6))
				return st | IX_RXD_STAT_L4CS | IX_RXD_ERR_TCPE;
		}
		if (pi->v4)
			sum = net_checksum_add(8, (uint8_t *)f + pi->l3 + 12);
		else
			sum = net_checksum_add(32, (uint8_t *)f + pi->l3 + 8);
		sum += pi->proto + pi->l4_len;
		sum += net_checksum_add(pi->l4_len, (uint8_t *)f + pi->l4);
		st |= IX_RXD_STAT_L4CS;
		if (net_checksum_finish(sum))
			st |= IX_RXD_ERR_TCPE;
	}
	return st;
}

static uint32_t ix_pkt_type(const struct ix_rx_info *pi)
{
	uint32_t t = 0;

	if (pi->v4)
		t |= IX_RXD_PKTTYPE_IPV4;
	if (pi->v6)
		t |= IX_RXD_PKTTYPE_IPV6;
	if (pi->l4 && pi->proto == IP_PROTO_TCP)
		t |= IX_RXD_PKTTYPE_TCP;
	if (pi->l4 && pi->proto == IP_PROTO_UDP)
		t |= IX_RXD_PKTTYPE_UDP;
	if (pi->l4 && pi->proto == 132)
		t |= IX_RXD_PKTTYPE_SCTP;
	return t;
}

static uint32_t ix_rx_free_descs(IX82599State *s, int q, uint32_t ndesc)
{
	uint32_t head = ix_get(s, IX_RDH(q)), tail = ix_get(s, IX_RDT(q));

	if (head >= ndesc || tail >= ndesc)
		return 0;
	return (tail + ndesc - head) % ndesc;
}

/* Whether queue q can take a frame of len bytes now, or drops it anyway. */
static bool ix_rx_room(IX82599State *s, int q, size_t len)
{
	uint32_t srrctl = ix_get(s, IX_SRRCTL(q));
	uint32_t bsize = (srrctl & IX_SRRCTL_BSIZEPKT_MASK) * 1024;
	uint32_t ndesc = ix_get(s, IX_RDLEN(q)) / IX_RXD_SIZE;

	if ((srrctl & IX_SRRCTL_DROP_EN) || !bsize || !ndesc ||
	    !(ix_get(s, IX_RXDCTL(q)) & IX_RXDCTL_ENABLE))
		return true;
	return ix_rx_free_descs(s, q, ndesc) >= DIV_ROUND_UP(len, bsize);
}

/* Write the frame into queue q; false if it was dropped for lack of room. */
static bool ix_rx_dma(IX82599State *s, int q, const uint8_t *f, size_t len,
		      uint32_t lo_dword, uint32_t hash, uint32_t status,
		      uint16_t vlan)
{
	PCIDevice *dev = ix_queue_dev(s, q);
	uint32_t srrctl = ix_get(s, IX_SRRCTL(q));
	uint32_t bsize = (srrctl & IX_SRRCTL_BSIZEPKT_MASK) * 1024;
	uint32_t ndesc = ix_get(s, IX_RDLEN(q)) / IX_RXD_SIZE;
	uint64_t base = ((uint64_t)ix_get(s, IX_RDBAH(q)) << 32) |
			(ix_get(s, IX_RDBAL(q)) & ~0x7Fu);
	uint32_t head = ix_get(s, IX_RDH(q));
	uint32_t need, i;
	size_t done = 0;

	if ((srrctl & IX_SRRCTL_DESCTYPE_MASK) != IX_SRRCTL_DESCTYPE_ADV_ONEBUF) {
		ix_unmodeled(s, "Rx descriptor type SRRCTL", IX_SRRCTL(q),
			     srrctl);
		return false;
	}
	if (!bsize || !ndesc)
		return false;	/* misconfigured queue: frame lost */
	need = DIV_ROUND_UP(len, bsize);
	if (ix_rx_free_descs(s, q, ndesc) < need) {
		ix_stat_add(s, IX_RNBC(0), 1);
		ix_stats_rx_missed(s, q);
		return false;
	}
	for (i = 0; i < need; i++) {
		hwaddr da = base + (uint64_t)head * IX_RXD_SIZE;
		size_t chunk = MIN(bsize, len - done);
		bool last = i + 1 == need;
		uint8_t d[IX_RXD_SIZE];

		pci_dma_read(dev, da, d, sizeof(d));
		pci_dma_write(dev, ldq_le_p(d), f + done, chunk);
		stl_le_p(d, lo_dword);
		stl_le_p(d + 4, hash);
		stl_le_p(d + 8, IX_RXD_STAT_DD |
			 (last ? IX_RXD_STAT_EOP | status : 0));
		stl_le_p(d + 12, chunk | ((uint32_t)vlan << 16));
		pci_dma_write(dev, da, d, sizeof(d));
		done += chunk;
		head = (head + 1) % ndesc;
	}
	ix_set(s, IX_RDH(q), head);
	return true;
}

/* Deliver one accepted frame to queue q: strip, checksum status, DMA. */
static void ix_rx_to_queue(IX82599State *s, int q, const uint8_t *frame,
			   size_t len, const struct ix_rx_info *pi,
			   uint32_t hash, unsigned int rsstype)
{
	uint8_t f[IX_MAX_FRAME + 8];
	uint32_t status, lo;
	uint16_t vlan = 0;
	size_t wire = len;
	int pool;

	if (!(ix_get(s, IX_RXDCTL(q)) & IX_RXDCTL_ENABLE)) {
		ix_stats_rx_missed(s, q);
		return;
	}
	memcpy(f, frame, len);
	status = ix_rx_csum(f, pi);
	lo = rsstype | ix_pkt_type(pi);
	if (!(ix_get(s, IX_RXCSUM) & IX_RXCSUM_PCSD))
		hash = 0;	/* the fragment checksum is not modelled */
	if (pi->tagged) {
		status |= IX_RXD_STAT_VP;
		vlan = pi->tci;
		if (ix_get(s, IX_RXDCTL(q)) & IX_RXDCTL_VME) {
			memmove(f + 12, f + 16, len - 16);
			len -= 4;
		}
	}
	if (!(ix_get(s, IX_HLREG0) & IX_HLREG0_RXCRCSTRP)) {
		stl_le_p(f + len, crc32(0, f, len));
		len += 4;
	}
	if (!ix_rx_dma(s, q, f, len, lo, hash, status, vlan))
		return;
	ix_stats_rx(s, q, frame, wire);
	pool = ix_queue_pool(s, q);
	if (ix_vt_enabled(s) && pool < ix_num_vfs(s))
		ix_stats_vf_rx(s, pool, frame, wire);
	ix_intr_queue_event(s, q, false);
}

ssize_t ix_rx_frame(IX82599State *s, const uint8_t *buf, size_t size,
		    enum ix_rx_src src, uint64_t exclude_pools)
{
	uint8_t f[IX_MAX_FRAME + 8];
	struct ix_rx_info pi;
	size_t len = size;
	uint32_t maxfrs, hash;
	unsigned int rsstype;
	int queues[IX_NUM_POOLS], nq = 0, i;

	/* MAC loopback cuts the receive path off the wire */
	if (src == IX_RX_WIRE && (!ix_link_is_up(s) ||
				  (ix_get(s, IX_HLREG0) & IX_HLREG0_LPBK)))
		return size;
	if (!(ix_get(s, IX_RXCTRL) & IX_RXCTRL_RXEN) ||
	    (ix_get(s, IX_SECRXCTRL) & IX_SECRXCTRL_RX_DIS))
		return size;
	if (len < 14)
		return size;
	if (len > IX_MAX_FRAME) {
		ix_stat_add(s, IX_ROC, 1);
		return size;
	}
	memcpy(f, buf, len);
	if (len < 60) {		/* the wire pads runts to the minimum */
		memset(f + len, 0, 60 - len);
		len = 60;
	}

	ix_rx_parse(s, f, len, &pi);
	maxfrs = (ix_get(s, IX_HLREG0) & IX_HLREG0_JUMBOEN) ?
		 ix_get(s, IX_MAXFRS) >> IX_MAXFRS_MFS_SHIFT : 1518;
	if (len + 4 > maxfrs + (pi.tagged ? 4 : 0)) {
		ix_stat_add(s, IX_ROC, 1);
		return size;
	}
	hash = ix_rss(s, f, &pi, &rsstype);

	if (ix_vt_enabled(s)) {
		bool exact;
		uint64_t pools = ix_pools_for_frame(s, f, pi.tagged, pi.tci,
						    &exact) & ~exclude_pools;

		/* without REPLEN a multicast frame goes to one pool only */
		if (is_multicast_ether_addr(f) &&
		    !(ix_get(s, IX_VT_CTL) & IX_VT_CTL_REPLEN))
			pools &= -pools;
		for (i = 0; pools; i++, pools >>= 1)
			if (pools & 1)
				queues[nq++] = ix_pool_queue(s, i, hash,
							     rsstype);
	} else {
		if (!ix_l2_accept(s, f) || !ix_vlan_accept(s, &pi))
			return size;
		queues[nq++] = ix_select_queue(s, hash, rsstype);
	}

	/* a full queue without DROP_EN holds the frame in the packet buffer */
	for (i = 0; i < nq && src == IX_RX_WIRE; i++)
		if (!ix_rx_room(s, queues[i], len))
			return 0;
	for (i = 0; i < nq; i++)
		ix_rx_to_queue(s, queues[i], f, len, &pi, hash, rsstype);
	return size;
}
void ix_rx_tail_written(IX82599State *s)
{
	qemu_flush_queued_packets(qemu_get_queue(s->nic));
}
