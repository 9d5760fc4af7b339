// SPDX-License-Identifier: GPL-2.0
/*
 * ixpf: descriptor rings. Advanced descriptors on both sides; Rx buffers
 * are half pages that stay DMA-mapped while on the ring (see "Rx buffers"),
 * small frames are copied out so their buffer stays as it is; Tx uses one
 * context descriptor per frame that needs checksum, TSO or VLAN insertion.
 */
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/vmalloc.h>
#include <net/ip6_checksum.h>

#include "ixpf.h"

#define IXPF_TXD_MAX_DATA	16384	/* bytes one Tx descriptor may carry */
#define IXPF_RX_HDR_LEN		256	/* linear part of a paged frame */
#define IXPF_RXD_ERR_RXE	0x20000000	/* MAC-level frame error */
#define IXPF_TXD_CC		0x00000080	/* olinfo: use the context */
#define IXPF_RXD_RSSTYPE_MASK	0x000F

static inline u16 ixpf_unused(const struct ixpf_ring *r)
{
	u16 ntc = r->next_to_clean, ntu = r->next_to_use;

	return ((ntc > ntu) ? 0 : r->count) + ntc - ntu - 1;
}

/* ---- allocation -------------------------------------------------------- */

static int ixpf_ring_alloc_desc(struct ixpf_ring *r, size_t buf_size)
{
	r->size = ALIGN(r->count * 16, PAGE_SIZE);
	r->desc = dma_alloc_coherent(r->dev, r->size, &r->desc_dma,
				     GFP_KERNEL);
	if (!r->desc)
		return -ENOMEM;
	r->tx_buf = kvcalloc(r->count, buf_size, GFP_KERNEL);
	if (!r->tx_buf) {
		dma_free_coherent(r->dev, r->size, r->desc, r->desc_dma);
		r->desc = NULL;
		return -ENOMEM;
	}
	return 0;
}

static void ixpf_ring_free_desc(struct ixpf_ring *r)
{
	if (!r)
		return;
	kvfree(r->tx_buf);
	r->tx_buf = NULL;
	if (r->desc)
		dma_free_coherent(r->dev, r->size, r->desc, r->desc_dma);
	r->desc = NULL;
}

void ixpf_rings_free(struct ixpf_adapter *a)
{
	unsigned int i;

	for (i = 0; i < IXPF_MAX_QUEUES; i++) {
		if (!a->qv[i])
			continue;
		netif_napi_del(&a->qv[i]->napi);
		ixpf_ring_free_desc(a->tx_ring[i]);
		ixpf_ring_free_desc(a->rx_ring[i]);
		kfree(a->tx_ring[i]);
		kfree(a->rx_ring[i]);
		kfree(a->qv[i]);
		a->tx_ring[i] = NULL;
		a->rx_ring[i] = NULL;
		a->qv[i] = NULL;
	}
}

static struct ixpf_ring *ixpf_ring_new(struct ixpf_adapter *a,
				       struct ixpf_q_vector *qv,
				       unsigned int idx, u16 count)
{
	struct ixpf_ring *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return NULL;
	r->qv = qv;
	r->netdev = a->netdev;
	r->dev = &a->pdev->dev;
	r->index = idx;
	r->reg_idx = a->queue_base + idx;
	r->count = count;
	return r;
}

int ixpf_rings_alloc(struct ixpf_adapter *a)
{
	struct ixpf_q_vector *qv;
	unsigned int i;
	int err = -ENOMEM;

	for (i = 0; i < a->num_queues; i++) {
		qv = kzalloc(sizeof(*qv), GFP_KERNEL);
		if (!qv)
			goto fail;
		qv->adapter = a;
		qv->v_idx = i;
		a->qv[i] = qv;
		netif_napi_add(a->netdev, &qv->napi, ixpf_napi_poll);

		qv->tx = ixpf_ring_new(a, qv, i, a->tx_ring_count);
		qv->rx = ixpf_ring_new(a, qv, i, a->rx_ring_count);
		a->tx_ring[i] = qv->tx;
		a->rx_ring[i] = qv->rx;
		if (!qv->tx || !qv->rx)
			goto fail;
		qv->tx->stats = &a->tx_stats[i];
		qv->rx->stats = &a->rx_stats[i];
		err = ixpf_ring_alloc_desc(qv->tx, sizeof(struct ixpf_tx_buf));
		if (err)
			goto fail;
		err = ixpf_ring_alloc_desc(qv->rx, sizeof(struct ixpf_rx_buf));
		if (err)
			goto fail;
	}
	return 0;
fail:
	netdev_err(a->netdev, "cannot allocate queue %u\n", i);
	ixpf_rings_free(a);
	return err ? err : -ENOMEM;
}

/* ---- Rx buffers -------------------------------------------------------- */

/*
 * Each Rx slot owns a page, mapped once when it is allocated and unmapped
 * only when the page leaves the ring: with an IOMMU every map and unmap is
 * costly. The slot gives the hardware one half of the page at a time
 * (IXPF_RX_BUF_SIZE bytes, what SRRCTL announces; a longer frame spans
 * several descriptors). A frame's half goes to the stack as a page
 * fragment and the slot flips to the other half, which it may do only if
 * the stack has released that half by then; otherwise the page is unmapped
 * and left to the stack, and the next refill of the slot allocates a new
 * one. Frames up to IXPF_RX_COPYBREAK bytes are copied and the half stays.
 *
 * The driver takes IXPF_RX_BIAS references on a new page at once and
 * counts what it has left in pagecnt_bias, so handing a half out is a
 * decrement of that field instead of an atomic get_page(); references
 * beyond the bias (page_ref_count() - pagecnt_bias) are the stack's.
 *
 * The mapping skips the CPU syncs (DMA_ATTR_SKIP_CPU_SYNC): a half is
 * synced for the device when it is given to the hardware and for the CPU
 * over the bytes received, nothing else.
 */
#define IXPF_RX_TRUESIZE	(PAGE_SIZE / 2)	/* one half: what an skb holds */
#define IXPF_RX_BIAS		USHRT_MAX

static bool ixpf_rx_buf_alloc(struct ixpf_ring *r, struct ixpf_rx_buf *b)
{
	struct page *page;
	dma_addr_t dma;

	BUILD_BUG_ON(IXPF_RX_BUF_SIZE > IXPF_RX_TRUESIZE);
	if (b->page)
		return true;
	page = dev_alloc_page();
	if (unlikely(!page))
		return false;
	dma = dma_map_page_attrs(r->dev, page, 0, PAGE_SIZE, DMA_FROM_DEVICE,
				 DMA_ATTR_SKIP_CPU_SYNC);
	if (unlikely(dma_mapping_error(r->dev, dma))) {
		__free_page(page);
		return false;
	}
	page_ref_add(page, IXPF_RX_BIAS - 1);
	b->page = page;
	b->dma = dma;
	b->page_offset = 0;
	b->pagecnt_bias = IXPF_RX_BIAS;
	return true;
}

/* The page leaves the ring: unmap it and drop the references still held. */
static void ixpf_rx_buf_release(struct ixpf_ring *r, struct ixpf_rx_buf *b)
{
	dma_unmap_page_attrs(r->dev, b->dma, PAGE_SIZE, DMA_FROM_DEVICE,
			     DMA_ATTR_SKIP_CPU_SYNC);
	__page_frag_cache_drain(b->page, b->pagecnt_bias);
	b->page = NULL;
}

/*
 * The half at b->page_offset has just been put in an skb that the stack
 * has not seen yet: that skb holds one reference. Flip to the other half
 * if nobody else holds one, else let the page go. Remote-node and
 * pfmemalloc pages are not kept.
 */
static void ixpf_rx_buf_flip(struct ixpf_ring *r, struct ixpf_rx_buf *b)
{
	struct page *page = b->page;

	b->pagecnt_bias--;
	if (unlikely(!dev_page_is_reusable(page) ||
		     page_ref_count(page) - b->pagecnt_bias > 1)) {
		ixpf_rx_buf_release(r, b);
		return;
	}
	b->page_offset ^= IXPF_RX_TRUESIZE;
	if (unlikely(b->pagecnt_bias == 1)) {
		page_ref_add(page, IXPF_RX_BIAS - 1);
		b->pagecnt_bias = IXPF_RX_BIAS;
	}
}

/* Give up to @n descriptors back to the hardware. */
static void ixpf_rx_refill(struct ixpf_ring *r, u16 n)
{
	union ixpf_rx_desc *d;
	struct ixpf_rx_buf *b;
	u16 i = r->next_to_use;
	bool done = false;

	while (n--) {
		b = &r->rx_buf[i];
		if (!ixpf_rx_buf_alloc(r, b)) {
			u64_stats_update_begin(&r->stats->syncp);
			r->stats->alloc_fail++;
			u64_stats_update_end(&r->stats->syncp);
			break;
		}
		dma_sync_single_range_for_device(r->dev, b->dma,
						 b->page_offset,
						 IXPF_RX_BUF_SIZE,
						 DMA_FROM_DEVICE);
		d = (union ixpf_rx_desc *)r->desc + i;
		d->read.pkt_addr = cpu_to_le64(b->dma + b->page_offset);
		d->read.hdr_addr = 0;
		if (++i == r->count)
			i = 0;
		done = true;
	}
	/*
	 * The slot at next_to_use stays the driver's and still holds the
	 * write-back of the frame last cleaned there: clear its DD bit, or a
	 * poll that catches up with the hardware (a full ring) takes it for
	 * a new frame whose buffer has already gone.
	 */
	d = (union ixpf_rx_desc *)r->desc + i;
	d->wb.status_error = 0;
	if (!done)
		return;
	r->next_to_use = i;
	/* descriptors must be visible before the tail moves */
	wmb();
	writel(i, r->tail);
}

static void ixpf_rx_ring_clean(struct ixpf_ring *r)
{
	struct ixpf_rx_buf *b;
	u16 i;

	dev_kfree_skb(r->rx_skb);
	r->rx_skb = NULL;
	r->rx_discard = false;
	if (!r->rx_buf)
		return;
	for (i = 0; i < r->count; i++) {
		b = &r->rx_buf[i];
		if (b->page)
			ixpf_rx_buf_release(r, b);
	}
	r->next_to_use = 0;
	r->next_to_clean = 0;
}

/* ---- Tx buffers -------------------------------------------------------- */

static void ixpf_tx_unmap(struct ixpf_ring *r, struct ixpf_tx_buf *b)
{
	if (!dma_unmap_len(b, len))
		return;
	if (b->is_page)
		dma_unmap_page(r->dev, dma_unmap_addr(b, dma),
			       dma_unmap_len(b, len), DMA_TO_DEVICE);
	else
		dma_unmap_single(r->dev, dma_unmap_addr(b, dma),
				 dma_unmap_len(b, len), DMA_TO_DEVICE);
	dma_unmap_len_set(b, len, 0);
}

static void ixpf_tx_ring_clean(struct ixpf_ring *r)
{
	struct ixpf_tx_buf *b;
	u16 i;

	if (!r->tx_buf)
		return;
	for (i = 0; i < r->count; i++) {
		b = &r->tx_buf[i];
		ixpf_tx_unmap(r, b);
		dev_kfree_skb_any(b->skb);
		b->skb = NULL;
		b->eop = NULL;
	}
	r->next_to_use = 0;
	r->next_to_clean = 0;
	netdev_tx_reset_queue(netdev_get_tx_queue(r->netdev, r->index));
}

/* Unmapping what an enabled queue may still DMA into is a driver bug */
static void ixpf_ring_check_stopped(struct ixpf_adapter *a,
				    struct ixpf_ring *r, bool tx)
{
	u32 v = ixpf_rd(a, tx ? IX_TXDCTL(r->reg_idx) : IX_RXDCTL(r->reg_idx));

	WARN_ONCE(!ixpf_removed(a) &&
		  (v & (tx ? IX_TXDCTL_ENABLE : IX_RXDCTL_ENABLE)),
		  "%s: %cx queue %u still enabled when its buffers go\n",
		  netdev_name(a->netdev), tx ? 'T' : 'R', r->reg_idx);
}

void ixpf_rings_clean(struct ixpf_adapter *a)
{
	unsigned int i;

	for (i = 0; i < a->num_queues; i++) {
		if (a->tx_ring[i]) {
			ixpf_ring_check_stopped(a, a->tx_ring[i], true);
			ixpf_tx_ring_clean(a->tx_ring[i]);
		}
		if (a->rx_ring[i]) {
			ixpf_ring_check_stopped(a, a->rx_ring[i], false);
			ixpf_rx_ring_clean(a->rx_ring[i]);
		}
	}
}

/* ---- hardware programming ---------------------------------------------- */

/*
 * A queue's ENABLE bit (RXDCTL/TXDCTL) reads back the state the queue has
 * reached (datasheet 4.6.7.1): poll for @set up to ~10 ms. Buffers of a
 * stopping queue may be unmapped only once it reads back clear.
 */
static int ixpf_queue_wait(struct ixpf_adapter *a, u32 reg, u32 bit, bool set)
{
	int tries;

	for (tries = 0; tries < 10; tries++) {
		if (!!(ixpf_rd(a, reg) & bit) == set || ixpf_removed(a))
			return 0;
		usleep_range(1000, 2000);
	}
	return -ETIMEDOUT;
}

static void ixpf_tx_ring_configure(struct ixpf_adapter *a, struct ixpf_ring *r)
{
	unsigned int q = r->reg_idx;
	u32 txdctl;

	ixpf_wr(a, IX_TXDCTL(q), 0);
	ixpf_flush(a);
	memset(r->desc, 0, r->size);
	ixpf_wr(a, IX_TDBAL(q), lower_32_bits(r->desc_dma));
	ixpf_wr(a, IX_TDBAH(q), upper_32_bits(r->desc_dma));
	ixpf_wr(a, IX_TDLEN(q), r->count * sizeof(union ixpf_tx_desc));
	ixpf_wr(a, IX_TDH(q), 0);
	ixpf_wr(a, IX_TDT(q), 0);
	r->tail = a->hw_addr + IX_TDT(q);
	r->next_to_use = 0;
	r->next_to_clean = 0;

	/* prefetch at 32 free descriptors, host threshold 1, WTHRESH 0 */
	txdctl = IX_TXDCTL_ENABLE | 32 | (1 << 8);
	ixpf_wr(a, IX_TXDCTL(q), txdctl);
	if (ixpf_queue_wait(a, IX_TXDCTL(q), IX_TXDCTL_ENABLE, true))
		netdev_err(a->netdev, "Tx queue %u did not enable\n", q);
}

static void ixpf_rx_ring_configure(struct ixpf_adapter *a, struct ixpf_ring *r)
{
	unsigned int q = r->reg_idx;
	u32 rxdctl;

	ixpf_wr(a, IX_RXDCTL(q), 0);
	ixpf_flush(a);
	memset(r->desc, 0, r->size);
	ixpf_wr(a, IX_RDBAL(q), lower_32_bits(r->desc_dma));
	ixpf_wr(a, IX_RDBAH(q), upper_32_bits(r->desc_dma));
	ixpf_wr(a, IX_RDLEN(q), r->count * sizeof(union ixpf_rx_desc));
	/*
	 * One buffer per descriptor, in 1 KiB units; drop when the ring is
	 * full rather than stall the whole Rx packet buffer behind it.
	 */
	ixpf_wr(a, IX_SRRCTL(q), (IXPF_RX_BUF_SIZE >> 10) |
		IX_SRRCTL_DESCTYPE_ADV_ONEBUF | IX_SRRCTL_DROP_EN);
	ixpf_wr(a, IX_RDH(q), 0);
	ixpf_wr(a, IX_RDT(q), 0);
	r->tail = a->hw_addr + IX_RDT(q);
	r->next_to_use = 0;
	r->next_to_clean = 0;

	rxdctl = IX_RXDCTL_ENABLE;
	if (a->netdev->features & NETIF_F_HW_VLAN_CTAG_RX)
		rxdctl |= IX_RXDCTL_VME;
	ixpf_wr(a, IX_RXDCTL(q), rxdctl);
	if (ixpf_queue_wait(a, IX_RXDCTL(q), IX_RXDCTL_ENABLE, true))
		netdev_err(a->netdev, "Rx queue %u did not enable\n", q);
	ixpf_rx_refill(r, ixpf_unused(r));
}

void ixpf_rings_configure(struct ixpf_adapter *a)
{
	unsigned int i;

	ixpf_wr(a, IX_DMATXCTL, ixpf_rd(a, IX_DMATXCTL) | IX_DMATXCTL_TE);
	for (i = 0; i < a->num_queues; i++)
		ixpf_tx_ring_configure(a, a->tx_ring[i]);

	ixpf_hw_rx_enable(a, false);
	/* PCSD: the descriptor carries the RSS hash, not the IP checksum */
	ixpf_wr(a, IX_RXCSUM, IX_RXCSUM_PCSD);
	ixpf_hw_set_rss(a);
	for (i = 0; i < a->num_queues; i++)
		ixpf_rx_ring_configure(a, a->rx_ring[i]);
	ixpf_hw_rx_enable(a, true);
}

/*
 * Each ring's own queue (reg_idx), not the layout's: module unload frees
 * the VFs, and with them the layout, before the netdev closes.
 */
void ixpf_rings_stop(struct ixpf_adapter *a)
{
	unsigned int i;

	ixpf_hw_rx_enable(a, false);
	for (i = 0; i < a->num_queues; i++) {
		ixpf_wr(a, IX_RXDCTL(a->rx_ring[i]->reg_idx), 0);
		ixpf_wr(a, IX_TXDCTL(a->tx_ring[i]->reg_idx), IX_TXDCTL_SWFLSH);
	}
	ixpf_flush(a);
	for (i = 0; i < a->num_queues; i++) {
		if (ixpf_queue_wait(a, IX_RXDCTL(a->rx_ring[i]->reg_idx),
				    IX_RXDCTL_ENABLE, false) ||
		    ixpf_queue_wait(a, IX_TXDCTL(a->tx_ring[i]->reg_idx),
				    IX_TXDCTL_ENABLE, false))
			netdev_err(a->netdev, "queue %u did not stop\n", i);
	}
}

/* ---- transmit ---------------------------------------------------------- */

struct ixpf_tx_offload {
	u32 cmd;		/* extra cmd_type_len bits for data descriptors */
	u32 olinfo;		/* popts + CC */
	u32 paylen;
	unsigned int hdr_len;	/* TSO: bytes repeated in every segment */
};

static void ixpf_tx_ctx(struct ixpf_ring *r, u32 vlan_macip_lens,
			u32 type_tucmd, u32 mss_l4len)
{
	struct ixpf_tx_ctx_desc *c;
	u16 i = r->next_to_use;

	c = (struct ixpf_tx_ctx_desc *)((union ixpf_tx_desc *)r->desc + i);
	c->vlan_macip_lens = cpu_to_le32(vlan_macip_lens);
	c->seqnum_seed = 0;
	c->type_tucmd_mlhl = cpu_to_le32(type_tucmd | IX_TXD_DTYP_CTXT |
					 IX_TXD_CMD_DEXT);
	c->mss_l4len_idx = cpu_to_le32(mss_l4len);
	r->next_to_use = (i + 1 == r->count) ? 0 : i + 1;
}

/*
 * Work out the offloads and, when any is needed, write the context
 * descriptor. Returns <0 when the frame cannot be sent (dropped).
 */
static int ixpf_tx_prepare(struct ixpf_ring *r, struct sk_buff *skb,
			   struct ixpf_tx_offload *o)
{
	u32 vlan_macip = 0, tucmd = 0, mss_l4len = 0;
	bool tso = skb_is_gso(skb);
	unsigned int l4proto = 0;
	int err;

	o->cmd = 0;
	o->olinfo = 0;
	o->paylen = skb->len;
	o->hdr_len = 0;

	if (skb_vlan_tag_present(skb)) {
		o->cmd |= IX_TXD_CMD_VLE;
		vlan_macip |= (u32)skb_vlan_tag_get(skb) << IX_TXCTX_VLAN_SHIFT;
	}
	if (!tso && skb->ip_summed != CHECKSUM_PARTIAL) {
		if (o->cmd & IX_TXD_CMD_VLE)
			goto ctx;
		return 0;
	}

	vlan_macip |= skb_network_offset(skb) << IX_TXCTX_MACLEN_SHIFT;
	vlan_macip |= skb_network_header_len(skb);
	switch (vlan_get_protocol(skb)) {
	case htons(ETH_P_IP):
		tucmd |= IX_TXCTX_TUCMD_IPV4;
		l4proto = ip_hdr(skb)->protocol;
		break;
	case htons(ETH_P_IPV6):
		l4proto = ipv6_hdr(skb)->nexthdr;
		break;
	}

	if (tso) {
		if (!(skb_shinfo(skb)->gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6)))
			return -EINVAL;
		err = skb_cow_head(skb, 0);
		if (err)
			return err;
		/* The hardware fills in lengths and checksums per segment. */
		if (tucmd & IX_TXCTX_TUCMD_IPV4) {
			struct iphdr *iph = ip_hdr(skb);

			iph->tot_len = 0;
			iph->check = 0;
			tcp_hdr(skb)->check = ~csum_tcpudp_magic(iph->saddr,
								 iph->daddr, 0,
								 IPPROTO_TCP, 0);
			o->olinfo |= IX_TXD_POPTS_IXSM;
		} else {
			struct ipv6hdr *ip6 = ipv6_hdr(skb);

			ip6->payload_len = 0;
			tcp_hdr(skb)->check = ~csum_ipv6_magic(&ip6->saddr,
							       &ip6->daddr, 0,
							       IPPROTO_TCP, 0);
		}
		tucmd |= IX_TXCTX_TUCMD_L4T_TCP;
		o->hdr_len = skb_transport_offset(skb) + tcp_hdrlen(skb);
		o->paylen = skb->len - o->hdr_len;
		mss_l4len = (u32)skb_shinfo(skb)->gso_size << IX_TXCTX_MSS_SHIFT;
		mss_l4len |= tcp_hdrlen(skb) << IX_TXCTX_L4LEN_SHIFT;
		o->cmd |= IX_TXD_CMD_TSE;
		o->olinfo |= IX_TXD_POPTS_TXSM;
		goto ctx;
	}

	/* CHECKSUM_PARTIAL: the stack seeded the pseudo-header sum. */
	switch (l4proto) {
	case IPPROTO_TCP:
		tucmd |= IX_TXCTX_TUCMD_L4T_TCP;
		break;
	case IPPROTO_UDP:
		tucmd |= IX_TXCTX_TUCMD_L4T_UDP;
		break;
	default:
		if (skb_checksum_help(skb))
			return -EINVAL;
		if (o->cmd & IX_TXD_CMD_VLE)
			goto ctx;
		return 0;
	}
	if (skb_checksum_start_offset(skb) != skb_transport_offset(skb)) {
		/* extension headers the hardware would not parse the same */
		if (skb_checksum_help(skb))
			return -EINVAL;
		tucmd = 0;
	} else {
		o->olinfo |= IX_TXD_POPTS_TXSM;
	}
ctx:
	o->olinfo |= IXPF_TXD_CC;
	ixpf_tx_ctx(r, vlan_macip, tucmd, mss_l4len);
	return 0;
}

static u16 ixpf_tx_desc_needed(const struct sk_buff *skb)
{
	unsigned int f;
	u16 n = DIV_ROUND_UP(skb_headlen(skb), IXPF_TXD_MAX_DATA);

	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++)
		n += DIV_ROUND_UP(skb_frag_size(&skb_shinfo(skb)->frags[f]),
				  IXPF_TXD_MAX_DATA);
	return n + 1;	/* + context */
}

static bool ixpf_tx_maybe_stop(struct ixpf_ring *r, u16 needed)
{
	if (likely(ixpf_unused(r) >= needed))
		return false;
	netif_stop_subqueue(r->netdev, r->index);
	/* pairs with the barrier in ixpf_clean_tx: see a concurrent clean */
	smp_mb();
	if (likely(ixpf_unused(r) < needed))
		return true;
	netif_start_subqueue(r->netdev, r->index);
	u64_stats_update_begin(&r->stats->syncp);
	r->stats->restart++;
	u64_stats_update_end(&r->stats->syncp);
	return false;
}

netdev_tx_t ixpf_xmit_ring(struct sk_buff *skb, struct ixpf_ring *r)
{
	struct netdev_queue *txq = netdev_get_tx_queue(r->netdev, r->index);
	u16 first_idx, i, needed = ixpf_tx_desc_needed(skb);
	struct ixpf_tx_buf *first, *b;
	struct ixpf_tx_offload o;
	union ixpf_tx_desc *d = NULL;
	unsigned int f, nfrags, len;
	const skb_frag_t *frag;
	dma_addr_t dma;
	u32 cmd;

	if (ixpf_tx_maybe_stop(r, needed)) {
		u64_stats_update_begin(&r->stats->syncp);
		r->stats->busy++;
		u64_stats_update_end(&r->stats->syncp);
		return NETDEV_TX_BUSY;
	}

	first_idx = r->next_to_use;
	if (ixpf_tx_prepare(r, skb, &o))
		goto drop;

	/* The context descriptor (if any) is part of this frame's slots. */
	first = &r->tx_buf[first_idx];
	first->skb = skb;
	first->segs = skb_is_gso(skb) ? skb_shinfo(skb)->gso_segs : 1;
	first->bytes = skb->len + (first->segs - 1) * o.hdr_len;

	cmd = IX_TXD_DTYP_DATA | IX_TXD_CMD_DEXT | IX_TXD_CMD_IFCS | o.cmd;
	i = r->next_to_use;
	len = skb_headlen(skb);
	dma = len ? dma_map_single(r->dev, skb->data, len, DMA_TO_DEVICE) : 0;
	nfrags = skb_shinfo(skb)->nr_frags;
	frag = &skb_shinfo(skb)->frags[0];
	b = &r->tx_buf[i];
	b->is_page = false;
	for (f = 0;; f++) {
		if (len && dma_mapping_error(r->dev, dma))
			goto unmap;
		dma_unmap_len_set(b, len, len);
		dma_unmap_addr_set(b, dma, dma);

		while (len) {
			unsigned int chunk = min_t(unsigned int, len,
						   IXPF_TXD_MAX_DATA);

			d = (union ixpf_tx_desc *)r->desc + i;
			d->read.buffer_addr = cpu_to_le64(dma);
			d->read.cmd_type_len = cpu_to_le32(cmd | chunk);
			d->read.olinfo_status =
				cpu_to_le32(o.olinfo |
					    (o.paylen << IX_TXD_PAYLEN_SHIFT));
			dma += chunk;
			len -= chunk;
			if (++i == r->count)
				i = 0;
			b = &r->tx_buf[i];
		}
		if (f == nfrags)
			break;
		len = skb_frag_size(frag);
		dma = skb_frag_dma_map(r->dev, frag, 0, len, DMA_TO_DEVICE);
		b->is_page = true;
		frag++;
	}
	d->read.cmd_type_len |= cpu_to_le32(IX_TXD_CMD_EOP | IX_TXD_CMD_RS);

	netdev_tx_sent_queue(txq, first->bytes);
	skb_tx_timestamp(skb);
	/* descriptors before next_to_watch and before the tail write */
	wmb();
	first->eop = d;
	r->next_to_use = i;
	ixpf_tx_maybe_stop(r, IXPF_TX_WAKE_THRESH);
	if (!netdev_xmit_more() || netif_xmit_stopped(txq))
		writel(i, r->tail);
	return NETDEV_TX_OK;

unmap:
	netdev_err_once(r->netdev, "Tx DMA mapping failed\n");
	for (;;) {
		b = &r->tx_buf[i];
		ixpf_tx_unmap(r, b);
		if (i == first_idx)
			break;
		i = i ? i - 1 : r->count - 1;
	}
	first->skb = NULL;
drop:
	r->next_to_use = first_idx;
	dev_kfree_skb_any(skb);
	u64_stats_update_begin(&r->stats->syncp);
	r->stats->dropped++;
	u64_stats_update_end(&r->stats->syncp);
	return NETDEV_TX_OK;
}

netdev_tx_t ixpf_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	struct ixpf_ring *r = a->tx_ring[skb_get_queue_mapping(skb)];

	/* the hardware cannot send a runt: pad to the 60-byte minimum */
	if (skb_put_padto(skb, ETH_ZLEN))
		return NETDEV_TX_OK;
	return ixpf_xmit_ring(skb, r);
}

static bool ixpf_clean_tx(struct ixpf_ring *r, int napi_budget)
{
	struct netdev_queue *txq = netdev_get_tx_queue(r->netdev, r->index);
	unsigned int pkts = 0, bytes = 0;
	u16 i = r->next_to_clean;
	union ixpf_tx_desc *eop;
	struct ixpf_tx_buf *b;
	u16 end;

	for (;;) {
		b = &r->tx_buf[i];
		eop = READ_ONCE(b->eop);
		if (!eop)
			break;
		/* read the descriptor only after seeing eop */
		smp_rmb();
		if (!(eop->wb.status & cpu_to_le32(IX_TXD_STAT_DD)))
			break;
		b->eop = NULL;
		pkts += b->segs;
		bytes += b->bytes;
		napi_consume_skb(b->skb, napi_budget);
		b->skb = NULL;
		end = eop - (union ixpf_tx_desc *)r->desc;
		for (;;) {
			ixpf_tx_unmap(r, &r->tx_buf[i]);
			if (i == end)
				break;
			if (++i == r->count)
				i = 0;
		}
		if (++i == r->count)
			i = 0;
	}
	r->next_to_clean = i;
	if (!pkts)
		return true;

	u64_stats_update_begin(&r->stats->syncp);
	r->stats->packets += pkts;
	r->stats->bytes += bytes;
	u64_stats_update_end(&r->stats->syncp);
	netdev_tx_completed_queue(txq, pkts, bytes);

	if (unlikely(netif_carrier_ok(r->netdev) &&
		     ixpf_unused(r) >= IXPF_TX_WAKE_THRESH)) {
		/* pairs with ixpf_tx_maybe_stop */
		smp_mb();
		if (__netif_subqueue_stopped(r->netdev, r->index) &&
		    !test_bit(IXPF_DOWN, r->qv->adapter->state)) {
			netif_wake_subqueue(r->netdev, r->index);
			u64_stats_update_begin(&r->stats->syncp);
			r->stats->restart++;
			u64_stats_update_end(&r->stats->syncp);
		}
	}
	return true;
}

/* ---- receive ----------------------------------------------------------- */

static void ixpf_rx_offloads(struct ixpf_ring *r, union ixpf_rx_desc *d,
			     u32 staterr, struct sk_buff *skb)
{
	struct net_device *nd = r->netdev;
	u16 info = le16_to_cpu(d->wb.pkt_info);

	if (nd->features & NETIF_F_RXHASH) {
		switch (info & IXPF_RXD_RSSTYPE_MASK) {
		case IX_RXD_RSSTYPE_IPV4_TCP:
		case IX_RXD_RSSTYPE_IPV6_TCP:
		case IX_RXD_RSSTYPE_IPV4_UDP:
		case IX_RXD_RSSTYPE_IPV6_UDP:
			skb_set_hash(skb, le32_to_cpu(d->wb.rss),
				     PKT_HASH_TYPE_L4);
			break;
		case IX_RXD_RSSTYPE_IPV4:
		case IX_RXD_RSSTYPE_IPV6:
			skb_set_hash(skb, le32_to_cpu(d->wb.rss),
				     PKT_HASH_TYPE_L3);
			break;
		}
	}

	skb_checksum_none_assert(skb);
	if ((nd->features & NETIF_F_RXCSUM) && !(staterr & IX_RXD_STAT_PIF)) {
		if (staterr & (IX_RXD_ERR_IPE | IX_RXD_ERR_TCPE)) {
			u64_stats_update_begin(&r->stats->syncp);
			r->stats->csum_err++;
			u64_stats_update_end(&r->stats->syncp);
		} else if (staterr & IX_RXD_STAT_L4CS) {
			skb->ip_summed = CHECKSUM_UNNECESSARY;
		}
	}

	if ((staterr & IX_RXD_STAT_VP) &&
	    (nd->features & NETIF_F_HW_VLAN_CTAG_RX))
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q),
				       le16_to_cpu(d->wb.vlan));
	skb_record_rx_queue(skb, r->index);
}

/* Turn descriptor @b's buffer (@len bytes) into skb data. */
static struct sk_buff *ixpf_rx_add(struct ixpf_ring *r, struct sk_buff *skb,
				   struct ixpf_rx_buf *b, unsigned int len,
				   bool eop)
{
	struct napi_struct *napi = &r->qv->napi;
	void *va = page_address(b->page) + b->page_offset;

	dma_sync_single_range_for_cpu(r->dev, b->dma, b->page_offset, len,
				      DMA_FROM_DEVICE);

	if (!skb && eop && len <= IXPF_RX_COPYBREAK) {
		/* small frame: copy it, the half stays on the ring */
		skb = napi_alloc_skb(napi, len);
		if (skb)
			skb_put_data(skb, va, len);
		return skb;
	}
	if (!skb) {
		net_prefetch(va);
		skb = napi_alloc_skb(napi, IXPF_RX_HDR_LEN);
		if (!skb)
			return NULL;
	}
	skb_add_rx_frag(skb, skb_shinfo(skb)->nr_frags, b->page,
			b->page_offset, len, IXPF_RX_TRUESIZE);
	ixpf_rx_buf_flip(r, b);
	return skb;
}

/* Drop the frame being assembled (if any), counting it. */
static void ixpf_rx_drop(struct ixpf_ring *r, struct sk_buff *skb,
			 bool alloc_fail)
{
	u64_stats_update_begin(&r->stats->syncp);
	if (alloc_fail)
		r->stats->alloc_fail++;
	r->stats->dropped++;
	u64_stats_update_end(&r->stats->syncp);
	dev_kfree_skb(skb);
}

static int ixpf_clean_rx(struct ixpf_ring *r, int budget)
{
	struct ixpf_adapter *a = r->qv->adapter;
	unsigned int pkts = 0, bytes = 0;
	u16 cleaned = 0, i = r->next_to_clean;
	struct sk_buff *skb = r->rx_skb;
	union ixpf_rx_desc *d;
	struct ixpf_rx_buf *b;
	unsigned int len, hlen;
	u32 staterr;
	bool eop;

	while (pkts < budget) {
		d = (union ixpf_rx_desc *)r->desc + i;
		staterr = le32_to_cpu(d->wb.status_error);
		if (!(staterr & IX_RXD_STAT_DD))
			break;
		/* the rest of the descriptor only after DD */
		dma_rmb();
		len = le16_to_cpu(d->wb.length);
		eop = staterr & IX_RXD_STAT_EOP;
		b = &r->rx_buf[i];
		if (++i == r->count)
			i = 0;
		cleaned++;

		if (unlikely(r->rx_discard)) {
			/* rest of a frame already dropped; the half stays */
			r->rx_discard = !eop;
			continue;
		}
		if (unlikely(len > IXPF_RX_BUF_SIZE ||
			     (skb && skb_shinfo(skb)->nr_frags >= MAX_SKB_FRAGS))) {
			/* not a frame the ring was set up for: drop it */
			ixpf_rx_drop(r, skb, false);
			skb = NULL;
			r->rx_discard = !eop;
			continue;
		}
		if (len) {
			struct sk_buff *n = ixpf_rx_add(r, skb, b, len, eop);

			if (!n) {
				/* no memory: drop the frame, keep the half */
				ixpf_rx_drop(r, skb, true);
				skb = NULL;
				r->rx_discard = !eop;
				continue;
			}
			skb = n;
		}
		if (!eop || !skb)
			continue;

		if (unlikely(staterr & IXPF_RXD_ERR_RXE)) {
			dev_kfree_skb(skb);
			skb = NULL;
			continue;
		}
		/* paged frame: pull the headers into the linear part */
		if (!skb_headlen(skb)) {
			const skb_frag_t *f0 = &skb_shinfo(skb)->frags[0];

			hlen = eth_get_headlen(r->netdev, skb_frag_address(f0),
					       min_t(unsigned int,
						     skb_frag_size(f0),
						     IXPF_RX_HDR_LEN));
			__pskb_pull_tail(skb, max_t(unsigned int, hlen, ETH_HLEN));
		}
		ixpf_rx_offloads(r, d, staterr, skb);
		pkts++;
		bytes += skb->len;
		if (unlikely(test_bit(IXPF_LB_TEST, a->state))) {
			ixpf_selftest_lb_rx(a, skb);
		} else {
			skb->protocol = eth_type_trans(skb, r->netdev);
			napi_gro_receive(&r->qv->napi, skb);
		}
		skb = NULL;
	}
	r->rx_skb = skb;
	r->next_to_clean = i;
	if (cleaned)
		ixpf_rx_refill(r, ixpf_unused(r));

	u64_stats_update_begin(&r->stats->syncp);
	r->stats->packets += pkts;
	r->stats->bytes += bytes;
	u64_stats_update_end(&r->stats->syncp);
	return pkts;
}

int ixpf_napi_poll(struct napi_struct *napi, int budget)
{
	struct ixpf_q_vector *qv = container_of(napi, struct ixpf_q_vector,
						napi);
	struct ixpf_adapter *a = qv->adapter;
	int done = 0;

	ixpf_clean_tx(qv->tx, budget);
	if (budget > 0)
		done = ixpf_clean_rx(qv->rx, budget);
	if (done >= budget)
		return budget;
	if (napi_complete_done(napi, done) && !test_bit(IXPF_DOWN, a->state))
		ixpf_irq_enable_queue(a, qv->v_idx);
	return done;
}
