/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ixpf: SR-IOV physical function driver for the Intel 82599 10GbE controller.
 *
 * One adapter struct per PCI function. Files by concern:
 *   ixpf_main.c     PCI glue: probe/remove, PCI error handlers, module
 *   ixpf_hw.c       hardware access: reset, EEPROM, MAC/link, filters, RSS
 *   ixpf_irq.c      MSI-X vectors, IVAR routing, interrupt handlers
 *   ixpf_ring.c     descriptor rings: setup, transmit, receive, NAPI
 *   ixpf_netdev.c   net_device_ops, open/close, service task, statistics
 *   ixpf_ethtool.c  ethtool_ops
 *   ixpf_selftest.c ethtool -t
 */
#ifndef IXPF_H
#define IXPF_H

#include <linux/bitops.h>
#include <linux/ethtool.h>
#include <linux/if_vlan.h>
#include <linux/io.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/spinlock.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>

#include <ixpf/ix82599_regs.h>

struct ixpf_adapter;

#define IXPF_DRV_NAME		"ixpf"

#define IXPF_MAX_QUEUES		16	/* RSS spreads over 16 queues at most */
#define IXPF_MAX_VECTORS	(IXPF_MAX_QUEUES + 1)	/* + "other" */
#define IXPF_DEFAULT_RING	512
#define IXPF_MIN_RING		64
#define IXPF_MAX_RING		4096
#define IXPF_RING_ALIGN		8	/* RDLEN/TDLEN: 128-byte multiples */
#define IXPF_RX_BUF_SIZE	2048	/* half a page per Rx descriptor */
#define IXPF_RX_COPYBREAK	256
#define IXPF_TX_WAKE_THRESH	(MAX_SKB_FRAGS + 4)
#define IXPF_MAX_FRAME		9728	/* 82599 jumbo limit, CRC included */
#define IXPF_MAX_MTU		(IXPF_MAX_FRAME - ETH_HLEN - ETH_FCS_LEN)
#define IXPF_RETA_SIZE		128
#define IXPF_RSS_KEY_SIZE	40
#define IXPF_MAX_UC_RAR		16	/* RAR entries for the unicast list */
#define IXPF_SERVICE_PERIOD	(2 * HZ)

/* Advanced descriptors (82599 datasheet 7.1.6 / 7.2.3), little endian */
union ixpf_rx_desc {
	struct {
		__le64 pkt_addr;
		__le64 hdr_addr;
	} read;
	struct {
		__le16 pkt_info;
		__le16 hdr_info;
		__le32 rss;
		__le32 status_error;
		__le16 length;
		__le16 vlan;
	} wb;
};

union ixpf_tx_desc {
	struct {
		__le64 buffer_addr;
		__le32 cmd_type_len;
		__le32 olinfo_status;
	} read;
	struct {
		__le64 rsvd;
		__le32 nxtseq_seed;
		__le32 status;
	} wb;
};

struct ixpf_tx_ctx_desc {
	__le32 vlan_macip_lens;
	__le32 seqnum_seed;
	__le32 type_tucmd_mlhl;
	__le32 mss_l4len_idx;
};

/* Software state of one Tx descriptor slot */
struct ixpf_tx_buf {
	struct sk_buff *skb;		/* on the first slot of a frame */
	union ixpf_tx_desc *eop;	/* on the first slot: the frame's last */
	unsigned int bytes;		/* bytes on the wire, for BQL/stats */
	unsigned short segs;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);	/* 0: nothing mapped in this slot */
	bool is_page;			/* frag mapping (dma_unmap_page) */
};

/*
 * Software state of one Rx descriptor slot: a page, DMA-mapped for as long
 * as it stays on the ring, of which the slot hands the hardware one half
 * (page_offset). pagecnt_bias counts the page references the driver still
 * holds (see ixpf_ring.c).
 */
struct ixpf_rx_buf {
	struct page *page;
	dma_addr_t dma;
	unsigned int page_offset;
	unsigned int pagecnt_bias;
};

struct ixpf_ring_stats {
	u64 packets;
	u64 bytes;
	u64 csum_err;		/* Rx: hardware flagged a bad L3/L4 checksum */
	u64 alloc_fail;		/* Rx: page or skb allocation failed */
	u64 restart;		/* Tx: queue woken after being stopped */
	u64 busy;		/* Tx: NETDEV_TX_BUSY returned */
	u64 dropped;		/* frames dropped by the driver */
	struct u64_stats_sync syncp;
};

struct ixpf_q_vector;

struct ixpf_ring {
	struct ixpf_q_vector *qv;
	struct net_device *netdev;
	struct device *dev;		/* for DMA mapping */
	void *desc;			/* descriptor memory */
	dma_addr_t desc_dma;
	unsigned int size;		/* bytes of descriptor memory */
	u16 count;			/* descriptors */
	u16 index;			/* netdev queue number */
	u16 reg_idx;			/* hardware queue: PF pool base + index */
	u16 next_to_use;
	u16 next_to_clean;
	u8 __iomem *tail;		/* RDT/TDT */
	union {
		struct ixpf_tx_buf *tx_buf;
		struct ixpf_rx_buf *rx_buf;
	};
	struct sk_buff *rx_skb;		/* Rx frame spanning descriptors */
	bool rx_discard;		/* drop descriptors until EOP */
	struct ixpf_ring_stats *stats;	/* adapter-owned, see below */
};

/* One MSI-X vector serving Tx and Rx queue pair [index] */
struct ixpf_q_vector {
	struct ixpf_adapter *adapter;
	struct napi_struct napi;
	struct ixpf_ring *tx;
	struct ixpf_ring *rx;
	u16 v_idx;			/* MSI-X entry, also its EICR bit */
	char name[IFNAMSIZ + 16];
};

/* Hardware statistics, accumulated from clear-on-read registers */
struct ixpf_hw_stats {
	u64 gprc, gptc, gorc, gotc, mprc, bprc, mptc, bptc;
	u64 crcerrs, illerrc, errbc, rlec, ruc, rfc, roc, rjc;
	u64 mpc, rnbc, lxonrxc, lxoffrxc, lxontxc, lxofftxc;
	u64 tpr, tpt, tor;
	u64 qprc[IXPF_MAX_QUEUES], qptc[IXPF_MAX_QUEUES];
	u64 qprdc[IXPF_MAX_QUEUES];
};

enum ixpf_state_bits {
	IXPF_DOWN,		/* datapath stopped (also while resetting) */
	IXPF_RESETTING,		/* a full reset owns the adapter */
	IXPF_REMOVING,		/* remove has begun: no new work */
	IXPF_TESTING,		/* ethtool -t owns the hardware */
	IXPF_LB_TEST,		/* Rx path feeds the loopback self-test */
	IXPF_NBITS
};

struct ixpf_adapter {
	struct pci_dev *pdev;
	struct net_device *netdev;
	u8 __iomem *hw_addr;		/* BAR0; NULL once the device is gone */
	u8 __iomem *bar0;		/* the mapping itself, for iounmap */

	DECLARE_BITMAP(state, IXPF_NBITS);

	/*
	 * cfg_lock serialises every configuration change that touches the
	 * hardware outside the datapath: open/close, channel and ring
	 * changes, MTU, self-test, reset, PCI error recovery and the
	 * service task's link handling. It is a mutex (these paths sleep);
	 * RTNL is usually held as well but the service task and PCI error
	 * handlers do not take it for the hardware accesses they make.
	 */
	struct mutex cfg_lock;

	/*
	 * filter_lock protects the receive filter tables (RAR, MTA, VFTA,
	 * VLVF, FCTRL and their shadows). ndo_set_rx_mode updates them in
	 * atomic context and VF messages from the interrupt handler, so it
	 * is taken with interrupts off (spin_lock_irqsave).
	 */
	spinlock_t filter_lock;
	unsigned long active_vlans[BITS_TO_LONGS(VLAN_N_VID)];
	u32 mta_shadow[IX_NUM_MTA];	/* what the MTA holds */
	u32 pf_mta[IX_NUM_MTA];		/* the PF's own hashes */
	u32 vf_mta[IX_NUM_MTA];		/* the VFs' hashes, ORed in */
	/* the PF's addresses in RAR 0..IXPF_MAX_UC_RAR, zero: unused */
	u8 pf_rar[IXPF_MAX_UC_RAR + 1][ETH_ALEN];

	/* queues and vectors */
	unsigned int num_queues;	/* active queue pairs */
	unsigned int max_queues;	/* what the MSI-X allocation allows */
	unsigned int num_vectors;	/* allocated MSI-X vectors */
	unsigned int other_vector;	/* MSI-X entry for link/other causes */
	u16 tx_ring_count;
	u16 rx_ring_count;
	struct ixpf_q_vector *qv[IXPF_MAX_QUEUES];
	struct ixpf_ring *tx_ring[IXPF_MAX_QUEUES];
	struct ixpf_ring *rx_ring[IXPF_MAX_QUEUES];
	/*
	 * Per-queue software counters live here, not in the rings, so they
	 * outlive ring reallocation (ethtool -L/-G) and get_stats64 never
	 * races with a ring being freed.
	 */
	struct ixpf_ring_stats tx_stats[IXPF_MAX_QUEUES];
	struct ixpf_ring_stats rx_stats[IXPF_MAX_QUEUES];
	bool irqs_requested;		/* queue vectors */
	bool other_requested;

	/*
	 * SR-IOV (ixpf_sriov.c, ixpf_vf.h): VFs take pools 0..num_vfs-1 and
	 * the PF the pool after them, whose first queue is queue_base.
	 * vf_lock is documented in ixpf_vf.h.
	 */
	unsigned int num_vfs;
	unsigned int qpp;		/* queues per pool, 0: VT mode off */
	unsigned int queue_base;
	struct ixpf_vf *vfs;
	spinlock_t vf_lock;		/* VF state, VF-shared tables */
	/* owner (VF + 1, 0: free) of each SET_MACVLAN RAR entry; vf_lock */
	u8 macvlan_owner[IX_NUM_RAR - (IXPF_MAX_UC_RAR + 1 + 63)];
	/* and the address it holds (a VF may not claim another's); vf_lock */
	u8 macvlan_addr[IX_NUM_RAR - (IXPF_MAX_UC_RAR + 1 + 63)][ETH_ALEN];

	/* RSS */
	u8 rss_key[IXPF_RSS_KEY_SIZE];
	u8 reta[IXPF_RETA_SIZE];
	bool rss_udp4;			/* ethtool -N rx-flow-hash udp4 sdfn */
	bool rss_udp6;

	/* link, from LINKS */
	bool link_up;
	u32 link_speed;			/* SPEED_* */

	/* service task: link watch and statistics, every IXPF_SERVICE_PERIOD */
	struct delayed_work service_task;
	struct work_struct reset_task;	/* Tx hang: full reinit under RTNL */

	/* stats_lock protects hw_stats (updated by the service task) */
	spinlock_t stats_lock;
	struct ixpf_hw_stats hw_stats;

	/* identity from the EEPROM */
	u8 perm_addr[ETH_ALEN];
	u32 etrack_id;

	/* self-test: frames seen by the loopback test, "other" interrupts */
	atomic_t lb_good;
	atomic_t other_irqs;
	u32 msg_enable;
};

/* Register access; reads of a vanished device return ~0 (and mark it gone) */
u32 ixpf_rd(struct ixpf_adapter *a, u32 reg);
void ixpf_wr(struct ixpf_adapter *a, u32 reg, u32 val);
static inline void ixpf_flush(struct ixpf_adapter *a)
{
	ixpf_rd(a, IX_STATUS);
}

static inline bool ixpf_removed(struct ixpf_adapter *a)
{
	return !READ_ONCE(a->hw_addr);
}

/* ixpf_hw.c */
int ixpf_hw_reset(struct ixpf_adapter *a);
int ixpf_hw_init(struct ixpf_adapter *a);	/* after reset: MAC, link, DMA */
void ixpf_hw_release(struct ixpf_adapter *a);	/* clear DRV_LOAD */
int ixpf_eeprom_read(struct ixpf_adapter *a, u16 word, u16 *data);
int ixpf_eeprom_validate(struct ixpf_adapter *a);	/* 0 or -EIO */
void ixpf_hw_get_perm_addr(struct ixpf_adapter *a);
void ixpf_hw_read_link(struct ixpf_adapter *a, bool *up, u32 *speed);
void ixpf_hw_set_rar(struct ixpf_adapter *a, unsigned int idx, const u8 *addr);
void ixpf_hw_set_rar_pool(struct ixpf_adapter *a, unsigned int idx,
			  const u8 *addr, unsigned int pool);
void ixpf_hw_clear_rar(struct ixpf_adapter *a, unsigned int idx);
void ixpf_hw_set_vfta(struct ixpf_adapter *a, u16 vid, bool on);
void ixpf_hw_pool_bit(struct ixpf_adapter *a, u32 reg_lo, u32 reg_hi,
		      unsigned int pool, bool on);
void ixpf_hw_restore_vfta(struct ixpf_adapter *a);
void ixpf_hw_set_rss(struct ixpf_adapter *a);
void ixpf_hw_set_max_frame(struct ixpf_adapter *a, unsigned int mtu);
void ixpf_hw_rx_enable(struct ixpf_adapter *a, bool on);
void ixpf_hw_update_stats(struct ixpf_adapter *a);
void ixpf_hw_set_loopback(struct ixpf_adapter *a, bool on);

/*
 * ixpf_irq.c. The "other" vector (link, later mailbox) lives from probe to
 * remove; queue vectors are requested while the interface is up.
 */
int ixpf_irq_alloc_vectors(struct ixpf_adapter *a);	/* + other vector */
void ixpf_irq_free_vectors(struct ixpf_adapter *a);
int ixpf_irq_request(struct ixpf_adapter *a);		/* queue vectors */
void ixpf_irq_release(struct ixpf_adapter *a);
void ixpf_irq_configure(struct ixpf_adapter *a);	/* after every reset */
void ixpf_irq_enable(struct ixpf_adapter *a);		/* queue vectors */
void ixpf_irq_disable(struct ixpf_adapter *a);
void ixpf_irq_enable_queue(struct ixpf_adapter *a, unsigned int v_idx);

/* ixpf_ring.c */
int ixpf_rings_alloc(struct ixpf_adapter *a);	/* structs + descriptors */
void ixpf_rings_free(struct ixpf_adapter *a);
void ixpf_rings_configure(struct ixpf_adapter *a);	/* program hardware */
void ixpf_rings_stop(struct ixpf_adapter *a);	/* disable queues in hw */
void ixpf_rings_clean(struct ixpf_adapter *a);	/* drop buffers */
int ixpf_napi_poll(struct napi_struct *napi, int budget);
netdev_tx_t ixpf_xmit_ring(struct sk_buff *skb, struct ixpf_ring *ring);
netdev_tx_t ixpf_xmit(struct sk_buff *skb, struct net_device *netdev);

/* ixpf_netdev.c */
struct ixpf_adapter *ixpf_netdev_create(struct pci_dev *pdev);
int ixpf_open(struct net_device *netdev);
int ixpf_close(struct net_device *netdev);
int ixpf_up(struct ixpf_adapter *a);		/* cfg_lock held */
void ixpf_down(struct ixpf_adapter *a);	/* cfg_lock held */
int ixpf_reinit(struct ixpf_adapter *a);	/* down, reset, up if running */
/* ixpf_reinit() that also changes the queue count (RTNL held) */
int ixpf_set_queue_count(struct ixpf_adapter *a, unsigned int num_queues);
/* a new VF count under a running link (RTNL held) */
int ixpf_relayout(struct ixpf_adapter *a, unsigned int num_vfs,
		  unsigned int num_queues);
void ixpf_set_rx_mode(struct net_device *netdev);
void ixpf_rx_mode_sync(struct ixpf_adapter *a);	/* process context */
void ixpf_mta_write(struct ixpf_adapter *a);	/* filter_lock held */
bool ixpf_pf_owns_mac(struct ixpf_adapter *a, const u8 *mac);
void ixpf_service_start(struct ixpf_adapter *a);
void ixpf_service_stop(struct ixpf_adapter *a);
void ixpf_check_link(struct ixpf_adapter *a);

/* ixpf_ethtool.c */
void ixpf_set_ethtool_ops(struct net_device *netdev);

/* ixpf_selftest.c */
int ixpf_selftest_count(void);
void ixpf_selftest_strings(u8 *data);
void ixpf_selftest_run(struct ixpf_adapter *a, struct ethtool_test *eth_test,
		       u64 *data);
/* Rx path hands every frame here while IXPF_LB_TEST is set; consumes skb */
void ixpf_selftest_lb_rx(struct ixpf_adapter *a, struct sk_buff *skb);

#include "ixpf_vf.h"

#endif /* IXPF_H */
