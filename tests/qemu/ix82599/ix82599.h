/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Behavioural model of the Intel 82599 10GbE controller (PF), QEMU 7.2.
 *
 * All device state lives in one register file indexed by the canonical BAR0
 * offset (aliases such as the 82598-compatible SRRCTL/RAL locations are
 * folded onto one offset on access). Behaviour is split by concern:
 *   ix82599_pci.c    QOM type, PCI config space, reset, backend glue
 *   ix82599_regs.c   register attributes, MMIO dispatch, unmodelled accesses
 *   ix82599_eeprom.c EEPROM image, EERD, firmware semaphores
 *   ix82599_intr.c   EICR/EIMS/IVAR machinery and MSI-X/MSI/INTx delivery
 *   ix82599_link.c   LINKS/AUTOC/ANLP1, MDIO, link changes
 *   ix82599_tx.c     Tx rings, advanced descriptors, offloads, TSO
 *   ix82599_rx.c     Rx filters, queue selection, RSS, Rx rings
 *   ix82599_stats.c  statistics counters
 */
#ifndef HW_NET_IX82599_H
#define HW_NET_IX82599_H

#include "hw/pci/pci.h"
#include "net/net.h"
#include "net/eth.h"
#include "qom/object.h"
#include "qemu/timer.h"
#include "ixpf/ix82599_regs.h"

#define TYPE_IX82599 "ix82599"
OBJECT_DECLARE_SIMPLE_TYPE(IX82599State, IX82599)
#define TYPE_IX82599_VF "ix82599vf"
OBJECT_DECLARE_SIMPLE_TYPE(IX82599VFState, IX82599_VF)

#define IX_MAX_VFS		64	/* TotalVFs */
#define IX_SUBSYS_ID		0x000C	/* board subsystem ID, PF and VFs */

/* Marker the VM runner greps for: the model met something it does not model. */
#define IX82599_UNMODELED "IX82599-UNMODELED"

#define IX_NREGS		(IX_BAR0_SIZE / 4)
#define IX_EEPROM_WORDS		512
#define IX_EEC_SIZE_FIELD	3	/* words = 1 << (3 + 6) = 512 */
#define IX_MAX_FRAME		(16 * 1024)
#define IX_TX_MAX_PKT		(256 * 1024)	/* TSO payload plus headers */

/* How a 32-bit register location behaves; see ix82599_regs.c */
enum ix_reg_kind {
	IX_REG_UNMODELED = 0,
	IX_REG_RW,		/* stores what is written */
	IX_REG_RO,		/* writes are ignored */
	IX_REG_RC,		/* statistics: clear on read, writes ignored */
	IX_REG_SPECIAL,		/* handled in the MMIO dispatch switch */
};

struct ix_tx_ctx {
	uint32_t vlan_macip_lens;
	uint32_t type_tucmd_mlhl;
	uint32_t mss_l4len_idx;
};

/* A frame being gathered from Tx data descriptors up to EOP. */
struct ix_tx_pkt {
	uint8_t *buf;
	uint32_t len;
	uint32_t first_cmd;	/* cmd_type_len of the first data descriptor */
	uint32_t first_olinfo;	/* olinfo_status of the first data descriptor */
	bool started;
	bool oversize;
};

/*
 * Per-VF state that is not a PF register: the VF side of the mailbox and
 * the VF's own interrupt block (82599 VF causes live in VTEICR, not in the
 * PF's EICR). Everything else a VF touches is a PF register.
 */
struct ix_vf {
	uint32_t mailbox;	/* VFMAILBOX bits 2..7 (VFU, PFU, PFSTS, ...) */
	uint32_t eicr, eims, eiac, eiam;	/* one bit per MSI-X vector */
	uint32_t ivar[4];
	uint32_t ivar_misc;
	uint32_t eitr[IX_VF_MSIX_VECTORS];
};

/* The VF function: a thin shim whose registers live in the PF. */
struct IX82599VFState {
	PCIDevice parent_obj;
	MemoryRegion mmio;
	MemoryRegion msix;
};

struct IX82599State {
	PCIDevice parent_obj;

	NICState *nic;
	NICConf conf;
	MemoryRegion mmio;
	MemoryRegion msix;

	uint32_t regs[IX_NREGS];
	uint8_t reg_kind[IX_NREGS];
	uint32_t reg_wmask[IX_NREGS];

	uint16_t eeprom[IX_EEPROM_WORDS];

	/* Interrupts: per-vector causes, the "other" causes live in EICR. */
	uint64_t vec_cause;
	uint64_t vec_mask;	/* EIMS / EIMS_EX */
	uint64_t vec_autoclear;	/* EIAC, vectors 16..63 always auto-clear */
	uint64_t vec_automask;	/* EIAM_EX */
	uint32_t other_cause;	/* EICR bits 30:16 */

	/* Tx: two context slots per queue and one frame under assembly. */
	struct ix_tx_ctx tx_ctx[IX_NUM_QUEUES][2];
	struct ix_tx_pkt tx_pkt[IX_NUM_QUEUES];
	uint8_t *tx_seg;	/* scratch for one TSO segment */

	/* Tx rate limiter: RTTBCNRC per queue, earliest next frame */
	uint32_t rttbcnrc[IX_NUM_QUEUES];
	int64_t rate_next_ns[IX_NUM_QUEUES];
	QEMUTimer *rate_timer;

	struct ix_vf vf[IX_MAX_VFS];
	bool vt_unmodeled_logged;

	/* Link */
	bool link_up;		/* what the backend says */
	bool autoc_written;

	/* IEEE 1588 SYSTIM: base value at the time it was last set. */
	uint64_t systim_base;
	int64_t systim_base_ns;

	/* Properties */
	bool fail_unmodeled;	/* abort() on an unmodelled access (debug) */
	bool eeprom_bad_checksum;	/* NVM checksum word off by one */
};

/* Where a received frame comes from. */
enum ix_rx_src {
	IX_RX_WIRE,		/* the link */
	IX_RX_LOOPBACK,		/* MAC loopback (HLREG0.LPBK) */
	IX_RX_SWITCH,		/* VM-to-VM loopback of the internal switch */
};

/* ix82599_regs.c */
void ix_regs_init_kinds(IX82599State *s);
void ix_regs_reset(IX82599State *s);
uint32_t ix_canon(uint32_t addr);
uint32_t ix_reg_read(IX82599State *s, uint32_t addr);
void ix_reg_write(IX82599State *s, uint32_t addr, uint32_t val);
void ix_unmodeled(IX82599State *s, const char *what, uint32_t addr,
		  uint64_t val);
extern const MemoryRegionOps ix_mmio_ops;

static inline uint32_t ix_get(IX82599State *s, uint32_t addr)
{
	return s->regs[addr >> 2];
}

static inline void ix_set(IX82599State *s, uint32_t addr, uint32_t val)
{
	s->regs[addr >> 2] = val;
}

/* ix82599_eeprom.c */
void ix_eeprom_build(IX82599State *s);
void ix_eerd_write(IX82599State *s, uint32_t val);
uint32_t ix_swsm_read(IX82599State *s);

/* ix82599_intr.c */
void ix_intr_reset(IX82599State *s);
void ix_intr_queue_event(IX82599State *s, int queue, bool tx);
void ix_intr_other(IX82599State *s, uint32_t causes);
uint32_t ix_intr_read(IX82599State *s, uint32_t addr, bool *handled);
bool ix_intr_write(IX82599State *s, uint32_t addr, uint32_t val);
void ix_intr_update_legacy(IX82599State *s);

/* ix82599_link.c */
void ix_link_reset(IX82599State *s);
void ix_link_backend_changed(IX82599State *s, bool up);
bool ix_link_is_up(IX82599State *s);
uint32_t ix_link_read(IX82599State *s, uint32_t addr, bool *handled);
bool ix_link_write(IX82599State *s, uint32_t addr, uint32_t val);

/* ix82599_tx.c */
void ix_tx_init(IX82599State *s);
void ix_tx_reset(IX82599State *s);
void ix_tx_uninit(IX82599State *s);
void ix_tx_kick(IX82599State *s, int queue);

/* ix82599_rate.c */
void ix_rate_init(IX82599State *s);
void ix_rate_uninit(IX82599State *s);
void ix_rate_reset(IX82599State *s);
uint32_t ix_rate_read(IX82599State *s);
void ix_rate_write(IX82599State *s, uint32_t val);
bool ix_rate_may_send(IX82599State *s, int q);
void ix_rate_sent(IX82599State *s, int q, size_t len);

/* ix82599_rx.c */
ssize_t ix_rx_frame(IX82599State *s, const uint8_t *buf, size_t len,
		    enum ix_rx_src src, uint64_t exclude_pools);
void ix_rx_tail_written(IX82599State *s);

/* ix82599_stats.c */
void ix_stats_rx(IX82599State *s, int queue, const uint8_t *frame,
		 size_t wire_len);
void ix_stats_tx(IX82599State *s, int queue, const uint8_t *frame,
		 size_t wire_len);
void ix_stats_rx_missed(IX82599State *s, int queue);
void ix_stats_vf_rx(IX82599State *s, int vf, const uint8_t *frame,
		    size_t len);
void ix_stats_vf_tx(IX82599State *s, int vf, size_t len);
void ix_stat_add(IX82599State *s, uint32_t addr, uint32_t n);
void ix_stat_add64(IX82599State *s, uint32_t lo, uint32_t hi, uint64_t n);

/* ix82599_mbx.c: the PF<->VF mailbox and VF reset events */
void ix_mbx_reset(IX82599State *s);
void ix_mbx_pf_reset(IX82599State *s);
void ix_mbx_pf_reset_done(IX82599State *s);
uint32_t ix_mbx_pf_read(IX82599State *s, int vf);
void ix_mbx_pf_write(IX82599State *s, int vf, uint32_t val);
uint32_t ix_mbx_vf_read(IX82599State *s, int vf);
void ix_mbx_vf_write(IX82599State *s, int vf, uint32_t val);
void ix_mbx_vf_reset_event(IX82599State *s, int vf);
uint32_t ix_mbx_read(IX82599State *s, uint32_t addr, bool *handled);
bool ix_mbx_write(IX82599State *s, uint32_t addr, uint32_t val);

/* ix82599_vf.c: VF functions, their registers and interrupts */
int ix_num_vfs(IX82599State *s);
PCIDevice *ix_vf_dev(IX82599State *s, int vf);
void ix_vf_raise(IX82599State *s, int vf, unsigned int vector);
void ix_vf_queue_event(IX82599State *s, int vf, int vq, bool tx);
void ix_vf_mailbox_event(IX82599State *s, int vf);
void ix_vf_reset_state(IX82599State *s, int vf);
void ix_sriov_pf_init(PCIDevice *d);

/* ix82599_pool.c: VMDq pools, the receive switch and Tx anti-spoof/VEB */
bool ix_vt_enabled(IX82599State *s);
int ix_qpp(IX82599State *s);
int ix_queue_pool(IX82599State *s, int queue);
PCIDevice *ix_queue_dev(IX82599State *s, int queue);
int ix_rar_lookup(IX82599State *s, const uint8_t *da);
bool ix_mac_hash_hit(IX82599State *s, uint32_t table, const uint8_t *da);
uint64_t ix_pools_for_frame(IX82599State *s, const uint8_t *f, bool tagged,
			    uint16_t tci, bool *exact);
int ix_pool_queue(IX82599State *s, int pool, uint32_t hash,
		  unsigned int rsstype);
bool ix_pool_tx_allowed(IX82599State *s, int pool, const uint8_t *f,
			size_t len);

/* Queue index of an Rx/Tx queue register offset, or -1. */
int ix_rxq_of(uint32_t canon_addr, uint32_t *field);
int ix_txq_of(uint32_t canon_addr, uint32_t *field);

#endif /* HW_NET_IX82599_H */
