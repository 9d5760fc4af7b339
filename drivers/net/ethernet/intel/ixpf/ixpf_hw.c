// SPDX-License-Identifier: GPL-2.0
/*
 * ixpf: hardware access for the 82599 MAC — register I/O, reset and
 * initialisation, EEPROM, link state, receive filters, RSS, statistics.
 */
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/iopoll.h>

#include "ixpf.h"

u32 ixpf_rd(struct ixpf_adapter *a, u32 reg)
{
	u8 __iomem *base = READ_ONCE(a->hw_addr);
	u32 val;

	if (!base)
		return ~0U;
	val = readl(base + reg);
	/*
	 * All ones from STATUS means the device left the bus (surprise
	 * removal, failed link): stop touching it so nothing hangs on it.
	 */
	if (unlikely(val == ~0U) && reg != IX_STATUS &&
	    readl(base + IX_STATUS) == ~0U) {
		WRITE_ONCE(a->hw_addr, NULL);
		netdev_err(a->netdev, "device is no longer accessible\n");
	}
	return val;
}

void ixpf_wr(struct ixpf_adapter *a, u32 reg, u32 val)
{
	u8 __iomem *base = READ_ONCE(a->hw_addr);

	if (base)
		writel(val, base + reg);
}

/* readx_poll_timeout() accessors */
static u32 ixpf_rd_status(struct ixpf_adapter *a)
{
	return ixpf_rd(a, IX_STATUS);
}

static u32 ixpf_rd_ctrl(struct ixpf_adapter *a)
{
	return ixpf_rd(a, IX_CTRL);
}

static u32 ixpf_rd_eerd(struct ixpf_adapter *a)
{
	return ixpf_rd(a, IX_EERD);
}

/* Stop DMA and interrupts before a reset (datasheet 4.6.7.1). */
static void ixpf_hw_stop(struct ixpf_adapter *a)
{
	u32 status;
	int q;

	ixpf_wr(a, IX_RXCTRL, ixpf_rd(a, IX_RXCTRL) & ~IX_RXCTRL_RXEN);
	ixpf_wr(a, IX_EIMC, 0x7FFFFFFF);
	ixpf_wr(a, IX_EIMC_EX(0), ~0U);
	ixpf_wr(a, IX_EIMC_EX(1), ~0U);
	ixpf_rd(a, IX_EICR);
	for (q = 0; q < IXPF_MAX_QUEUES; q++) {
		ixpf_wr(a, IX_TXDCTL(q), IX_TXDCTL_SWFLSH);
		ixpf_wr(a, IX_RXDCTL(q), 0);
	}
	ixpf_flush(a);
	usleep_range(1000, 2000);

	/* Master disable: wait for outstanding PCIe requests to drain. */
	ixpf_wr(a, IX_CTRL, ixpf_rd(a, IX_CTRL) | IX_CTRL_GIO_DIS);
	if (readx_poll_timeout(ixpf_rd_status, a, status,
			       !(status & IX_STATUS_GIO), 100, 80000))
		netdev_warn(a->netdev, "PCIe master disable timed out\n");
}

int ixpf_hw_reset(struct ixpf_adapter *a)
{
	u32 ctrl;
	int err;

	if (ixpf_removed(a))
		return -ENODEV;
	ixpf_hw_stop(a);

	ixpf_wr(a, IX_CTRL, ixpf_rd(a, IX_CTRL) | IX_CTRL_RST);
	ixpf_flush(a);
	err = readx_poll_timeout(ixpf_rd_ctrl, a, ctrl,
				 !(ctrl & IX_CTRL_RST), 10, 10000);
	if (err) {
		netdev_err(a->netdev, "MAC reset did not complete\n");
		return -EIO;
	}
	/* The 82599 needs 50 ms after a reset before it is usable (4.6.3.2). */
	msleep(50);
	return ixpf_removed(a) ? -ENODEV : 0;
}

int ixpf_eeprom_read(struct ixpf_adapter *a, u16 word, u16 *data)
{
	u32 v;
	int err;

	ixpf_wr(a, IX_EERD, ((u32)word << IX_EERD_ADDR_SHIFT) | IX_EERD_START);
	err = readx_poll_timeout(ixpf_rd_eerd, a, v, v & IX_EERD_DONE,
				 5, 20000);
	if (err || v == ~0U)
		return -EIO;
	*data = v >> IX_EERD_DATA_SHIFT;
	return 0;
}

/* Sum over words 0..0x3E plus every section the pointer words name. */
static int ixpf_eeprom_sum(struct ixpf_adapter *a, u16 *sum)
{
	u16 w, ptr, len, i, j;
	u16 s = 0;

	for (i = 0; i < IX_EE_CHECKSUM; i++) {
		if (ixpf_eeprom_read(a, i, &w))
			return -EIO;
		s += w;
	}
	for (i = IX_EE_PTR_FIRST; i < IX_EE_PTR_END; i++) {
		if (ixpf_eeprom_read(a, i, &ptr))
			return -EIO;
		if (ptr == 0 || ptr == 0xFFFF)
			continue;
		if (ixpf_eeprom_read(a, ptr, &len))
			return -EIO;
		if (len == 0 || len == 0xFFFF)
			continue;
		for (j = ptr + 1; j <= ptr + len; j++) {
			if (ixpf_eeprom_read(a, j, &w))
				return -EIO;
			s += w;
		}
	}
	*sum = s;
	return 0;
}

int ixpf_eeprom_validate(struct ixpf_adapter *a)
{
	u16 sum, stored, want;

	if (ixpf_eeprom_sum(a, &sum) ||
	    ixpf_eeprom_read(a, IX_EE_CHECKSUM, &stored)) {
		dev_err(&a->pdev->dev, "EEPROM cannot be read\n");
		return -EIO;
	}
	want = (u16)(IX_EE_CHECKSUM_BASE - sum);
	if (stored != want) {
		dev_err(&a->pdev->dev,
			"EEPROM checksum is invalid (stored 0x%04x, computed 0x%04x), not probing\n",
			stored, want);
		return -EIO;
	}
	return 0;
}

static void ixpf_hw_read_etrack(struct ixpf_adapter *a)
{
	u16 lo = 0, hi = 0;

	if (ixpf_eeprom_read(a, IX_EE_ETRACK_LO, &lo) ||
	    ixpf_eeprom_read(a, IX_EE_ETRACK_HI, &hi))
		return;
	a->etrack_id = ((u32)hi << 16) | lo;
}

/* The permanent address is what the reset loaded into RAR0 from the NVM. */
void ixpf_hw_get_perm_addr(struct ixpf_adapter *a)
{
	u32 ral = ixpf_rd(a, IX_RAL(0));
	u32 rah = ixpf_rd(a, IX_RAH(0));
	int i;

	for (i = 0; i < 4; i++)
		a->perm_addr[i] = ral >> (8 * i);
	a->perm_addr[4] = rah;
	a->perm_addr[5] = rah >> 8;
}

/* RAR @idx to @addr, delivering to @pool (MPSAR: one bit per pool) */
void ixpf_hw_set_rar_pool(struct ixpf_adapter *a, unsigned int idx,
			  const u8 *addr, unsigned int pool)
{
	u32 ral = addr[0] | (addr[1] << 8) | (addr[2] << 16) |
		  ((u32)addr[3] << 24);
	u32 rah = addr[4] | (addr[5] << 8) | IX_RAH_AV;

	ixpf_wr(a, IX_RAL(idx), ral);
	ixpf_wr(a, IX_RAH(idx), rah);
	ixpf_wr(a, IX_MPSAR_LO(idx), pool < 32 ? BIT(pool) : 0);
	ixpf_wr(a, IX_MPSAR_HI(idx), pool >= 32 ? BIT(pool - 32) : 0);
}

/* The PF's addresses go to the PF's pool: the one after the VFs'. */
void ixpf_hw_set_rar(struct ixpf_adapter *a, unsigned int idx, const u8 *addr)
{
	ixpf_hw_set_rar_pool(a, idx, addr, a->num_vfs);
}

void ixpf_hw_clear_rar(struct ixpf_adapter *a, unsigned int idx)
{
	ixpf_wr(a, IX_RAH(idx), 0);
	ixpf_wr(a, IX_RAL(idx), 0);
	ixpf_wr(a, IX_MPSAR_LO(idx), 0);
	ixpf_wr(a, IX_MPSAR_HI(idx), 0);
}

/* Set or clear one bit of a register (read-modify-write) */
static void ixpf_hw_rmw_bit(struct ixpf_adapter *a, u32 reg, unsigned int bit,
			    bool on)
{
	u32 v = ixpf_rd(a, reg);

	ixpf_wr(a, reg, on ? v | BIT(bit) : v & ~BIT(bit));
}

/* Pool @pool's bit in a pair of 32-bit registers (VFRE, VFTE, VLVFB, ...) */
void ixpf_hw_pool_bit(struct ixpf_adapter *a, u32 reg_lo, u32 reg_hi,
		      unsigned int pool, bool on)
{
	ixpf_hw_rmw_bit(a, pool < 32 ? reg_lo : reg_hi, pool % 32, on);
}

void ixpf_hw_set_vfta(struct ixpf_adapter *a, u16 vid, bool on)
{
	ixpf_hw_rmw_bit(a, IX_VFTA(vid / 32), vid % 32, on);
}

/* VFTA from the active VLAN set (after a reset cleared it). */
void ixpf_hw_restore_vfta(struct ixpf_adapter *a)
{
	unsigned int i, b;
	u32 v;

	for (i = 0; i < IX_NUM_VFTA; i++) {
		v = 0;
		for (b = 0; b < 32; b++)
			if (test_bit(i * 32 + b, a->active_vlans))
				v |= BIT(b);
		ixpf_wr(a, IX_VFTA(i), v);
	}
}

void ixpf_hw_read_link(struct ixpf_adapter *a, bool *up, u32 *speed)
{
	u32 links = ixpf_rd(a, IX_LINKS);

	*up = links != ~0U && (links & IX_LINKS_UP);
	if (!*up) {
		*speed = SPEED_UNKNOWN;
		return;
	}
	switch (links & IX_LINKS_SPEED_10G) {
	case IX_LINKS_SPEED_10G:
		*speed = SPEED_10000;
		break;
	case 0x20000000:
		*speed = SPEED_1000;
		break;
	case 0x10000000:
		*speed = SPEED_100;
		break;
	default:
		*speed = SPEED_UNKNOWN;
	}
}

int ixpf_hw_init(struct ixpf_adapter *a)
{
	unsigned int i;

	if (ixpf_removed(a))
		return -ENODEV;

	ixpf_hw_read_etrack(a);
	ixpf_hw_get_perm_addr(a);

	/* Receive filters start empty; set_rx_mode fills them. */
	for (i = 1; i < IX_NUM_RAR; i++)
		ixpf_hw_clear_rar(a, i);
	for (i = 0; i < IX_NUM_MTA; i++)
		ixpf_wr(a, IX_MTA(i), 0);
	for (i = 0; i < 128; i++)
		ixpf_wr(a, IX_UTA(i), 0);
	ixpf_hw_restore_vfta(a);

	/* Queue q counts in statistics set q (QPRC/QPTC), four per register. */
	for (i = 0; i < IXPF_MAX_QUEUES / 4; i++) {
		u32 map = (4 * i) | ((4 * i + 1) << 8) | ((4 * i + 2) << 16) |
			  ((4 * i + 3) << 24);

		ixpf_wr(a, IX_RQSMR(i), map);
		ixpf_wr(a, IX_TQSM(i), map);
	}

	/* CRC: appended on Tx, stripped on Rx (HLREG0 and RDRXCTL agree). */
	ixpf_wr(a, IX_HLREG0, (ixpf_rd(a, IX_HLREG0) & ~IX_HLREG0_LPBK) |
		IX_HLREG0_TXCRCEN | IX_HLREG0_RXCRCSTRP | IX_HLREG0_TXPADEN);
	ixpf_wr(a, IX_RDRXCTL, ixpf_rd(a, IX_RDRXCTL) | IX_RDRXCTL_CRCSTRIP);

	/* KX4 backplane: restart auto-negotiation with the NVM's modes. */
	ixpf_wr(a, IX_AUTOC, (ixpf_rd(a, IX_AUTOC) & ~IX_AUTOC_FLU) |
		IX_AUTOC_AN_RESTART);

	/* RAR0 (the permanent address) belongs to the PF's pool. */
	ixpf_hw_set_rar(a, 0, a->perm_addr);
	ixpf_vt_configure(a);

	/* Tell firmware a driver owns the port. */
	ixpf_wr(a, IX_CTRL_EXT, ixpf_rd(a, IX_CTRL_EXT) | IX_CTRL_EXT_DRV_LOAD);
	ixpf_flush(a);
	return ixpf_removed(a) ? -ENODEV : 0;
}

void ixpf_hw_release(struct ixpf_adapter *a)
{
	ixpf_wr(a, IX_CTRL_EXT,
		ixpf_rd(a, IX_CTRL_EXT) & ~IX_CTRL_EXT_DRV_LOAD);
}

void ixpf_hw_set_max_frame(struct ixpf_adapter *a, unsigned int mtu)
{
	/* the MAC's one limit serves every pool: the largest any asked for */
	u32 frame = max_t(u32, mtu + ETH_HLEN + ETH_FCS_LEN,
			  ixpf_vfs_max_frame(a));
	u32 hlreg0 = ixpf_rd(a, IX_HLREG0);

	if (frame > ETH_FRAME_LEN + ETH_FCS_LEN)
		hlreg0 |= IX_HLREG0_JUMBOEN;
	else
		hlreg0 &= ~IX_HLREG0_JUMBOEN;
	ixpf_wr(a, IX_HLREG0, hlreg0);
	ixpf_wr(a, IX_MAXFRS, frame << IX_MAXFRS_MFS_SHIFT);
}

void ixpf_hw_set_rss(struct ixpf_adapter *a)
{
	u32 mrqc, v;
	int i;

	for (i = 0; i < IXPF_RSS_KEY_SIZE / 4; i++) {
		v = a->rss_key[4 * i] | (a->rss_key[4 * i + 1] << 8) |
		    (a->rss_key[4 * i + 2] << 16) |
		    ((u32)a->rss_key[4 * i + 3] << 24);
		ixpf_wr(a, IX_RSSRK(i), v);
	}
	for (i = 0; i < IXPF_RETA_SIZE / 4; i++) {
		v = a->reta[4 * i] | (a->reta[4 * i + 1] << 8) |
		    (a->reta[4 * i + 2] << 16) | ((u32)a->reta[4 * i + 3] << 24);
		ixpf_wr(a, IX_RETA(i), v);
	}
	/* with VFs, RSS spreads inside each pool (PSRTYPE.RQPL) */
	if (!a->qpp)
		mrqc = IX_MRQC_RSSEN;
	else if (a->qpp == 4)
		mrqc = IX_MRQC_VMDQ_RSS_32;
	else
		mrqc = IX_MRQC_VMDQ_RSS_64;
	mrqc |= IX_MRQC_RSS_IPV4 | IX_MRQC_RSS_IPV4_TCP | IX_MRQC_RSS_IPV6 |
		IX_MRQC_RSS_IPV6_TCP;
	if (a->rss_udp4)
		mrqc |= IX_MRQC_RSS_IPV4_UDP;
	if (a->rss_udp6)
		mrqc |= IX_MRQC_RSS_IPV6_UDP;
	ixpf_wr(a, IX_MRQC, mrqc);
}

void ixpf_hw_rx_enable(struct ixpf_adapter *a, bool on)
{
	u32 rxctrl = ixpf_rd(a, IX_RXCTRL);

	if (on)
		rxctrl |= IX_RXCTRL_RXEN;
	else
		rxctrl &= ~IX_RXCTRL_RXEN;
	ixpf_wr(a, IX_RXCTRL, rxctrl);
}

void ixpf_hw_set_loopback(struct ixpf_adapter *a, bool on)
{
	u32 hlreg0 = ixpf_rd(a, IX_HLREG0);
	u32 autoc = ixpf_rd(a, IX_AUTOC);

	/* MAC loopback needs the link forced up (AUTOC.FLU), 4.6.12 */
	if (on) {
		hlreg0 |= IX_HLREG0_LPBK;
		autoc |= IX_AUTOC_FLU;
	} else {
		hlreg0 &= ~IX_HLREG0_LPBK;
		autoc &= ~IX_AUTOC_FLU;
	}
	ixpf_wr(a, IX_HLREG0, hlreg0);
	ixpf_wr(a, IX_AUTOC, autoc);
	ixpf_flush(a);
}

/* Fold the clear-on-read counters into hw_stats. */
void ixpf_hw_update_stats(struct ixpf_adapter *a)
{
	struct ixpf_hw_stats *s = &a->hw_stats;
	unsigned int i;

	if (ixpf_removed(a))
		return;
	spin_lock_bh(&a->stats_lock);
	s->gprc += ixpf_rd(a, IX_GPRC);
	s->gptc += ixpf_rd(a, IX_GPTC);
	s->gorc += ixpf_rd(a, IX_GORCL);
	s->gorc += (u64)ixpf_rd(a, IX_GORCH) << 32;
	s->gotc += ixpf_rd(a, IX_GOTCL);
	s->gotc += (u64)ixpf_rd(a, IX_GOTCH) << 32;
	s->mprc += ixpf_rd(a, IX_MPRC);
	s->bprc += ixpf_rd(a, IX_BPRC);
	s->mptc += ixpf_rd(a, IX_MPTC);
	s->bptc += ixpf_rd(a, IX_BPTC);
	s->crcerrs += ixpf_rd(a, IX_CRCERRS);
	s->illerrc += ixpf_rd(a, IX_ILLERRC);
	s->errbc += ixpf_rd(a, IX_ERRBC);
	s->rlec += ixpf_rd(a, IX_RLEC);
	s->ruc += ixpf_rd(a, IX_RUC);
	s->rfc += ixpf_rd(a, IX_RFC);
	s->roc += ixpf_rd(a, IX_ROC);
	s->rjc += ixpf_rd(a, IX_RJC);
	for (i = 0; i < 8; i++) {
		s->mpc += ixpf_rd(a, IX_MPC(i));
		s->rnbc += ixpf_rd(a, IX_RNBC(i));
	}
	s->lxonrxc += ixpf_rd(a, IX_LXONRXCNT);
	s->lxoffrxc += ixpf_rd(a, IX_LXOFFRXCNT);
	s->lxontxc += ixpf_rd(a, IX_LXONTXC);
	s->lxofftxc += ixpf_rd(a, IX_LXOFFTXC);
	s->tpr += ixpf_rd(a, IX_TPR);
	s->tpt += ixpf_rd(a, IX_TPT);
	s->tor += ixpf_rd(a, IX_TORL);
	s->tor += (u64)ixpf_rd(a, IX_TORH) << 32;
	for (i = 0; i < IXPF_MAX_QUEUES; i++) {
		s->qprc[i] += ixpf_rd(a, IX_QPRC(i));
		s->qptc[i] += ixpf_rd(a, IX_QPTC(i));
		s->qprdc[i] += ixpf_rd(a, IX_QPRDC(i));
	}
	spin_unlock_bh(&a->stats_lock);
}
