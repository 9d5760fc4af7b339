// SPDX-License-Identifier: GPL-2.0
/*
 * ixpf: ethtool -t.
 *
 * Online: the link test only. Offline: the interface is taken down for the
 * run (cfg_lock held throughout, IXPF_TESTING set) and the tests run in
 * this order: link (before any reset disturbs it), registers, EEPROM, then
 * a reset and ixpf_up() with the Rx path diverted to the self-test
 * (IXPF_LB_TEST) for the interrupt and MAC loopback tests. The adapter is
 * reset again afterwards and brought back up if it was running.
 *
 * Result codes (data[i], 0 = pass): 1 for a failed check; the loopback
 * test reports 2 when a frame could not be queued for transmission and 3
 * when there is no Tx ring to send on.
 */
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include "ixpf.h"

enum ixpf_test {
	IXPF_TEST_REG,
	IXPF_TEST_EEPROM,
	IXPF_TEST_INTR,
	IXPF_TEST_LOOPBACK,
	IXPF_TEST_LINK,
	IXPF_TEST_COUNT
};

/* The same names as ixgbe: tools match them */
static const char ixpf_test_names[IXPF_TEST_COUNT][ETH_GSTRING_LEN] = {
	[IXPF_TEST_REG]		= "Register test  (offline)",
	[IXPF_TEST_EEPROM]	= "Eeprom test    (offline)",
	[IXPF_TEST_INTR]	= "Interrupt test (offline)",
	[IXPF_TEST_LOOPBACK]	= "Loopback test  (offline)",
	[IXPF_TEST_LINK]	= "Link test   (on/offline)",
};

/* Loopback frames: 14-byte header, sequence number, 0xAA half, 0xBB half */
#define IXPF_LB_FRAMES		64
#define IXPF_LB_LEN		1024
#define IXPF_LB_SEQ		ETH_HLEN	/* be16 sequence number */
#define IXPF_LB_HDR		(ETH_HLEN + 4)	/* header, seq, 2 x 0xAA */
#define IXPF_LB_HALF		(IXPF_LB_LEN / 2)
#define IXPF_LB_MARK_A		0xAA
#define IXPF_LB_MARK_B		0xBB
#define IXPF_LB_INFLIGHT	16	/* well under the smallest Rx ring */
#define IXPF_LB_TX_TRIES	100
#define IXPF_LB_WAIT_MS		2000
#define IXPF_INTR_WAIT_MS	100

int ixpf_selftest_count(void)
{
	return IXPF_TEST_COUNT;
}

void ixpf_selftest_strings(u8 *data)
{
	memcpy(data, ixpf_test_names, sizeof(ixpf_test_names));
}

static u64 ixpf_test_link(struct ixpf_adapter *a)
{
	bool up = false;
	u32 speed = 0;

	if (!ixpf_removed(a))
		ixpf_hw_read_link(a, &up, &speed);
	if (!up) {
		netdev_err(a->netdev, "link test: LINKS reports the link down\n");
		return 1;
	}
	return 0;
}

/*
 * Read/write registers of the 82599 (datasheet section 8) and the bits of
 * each that hold what is written. Only locations the QEMU model declares
 * are touched, and each one's writable mask matches the model's.
 */
struct ixpf_reg_test {
	u32 reg;	/* first register */
	u16 count;	/* registers in the table */
	u16 stride;	/* bytes between them */
	u32 wmask;	/* bits of the pattern written */
	u32 rmask;	/* bits compared on read-back */
};

static const u32 ixpf_reg_patterns[] = {
	0x5A5A5A5A, 0xA5A5A5A5, 0x00000000, 0xFFFFFFFF
};

/* Pattern-test one register; restores its value either way. */
static bool ixpf_reg_check(struct ixpf_adapter *a,
			   const struct ixpf_reg_test *t, u32 reg)
{
	u32 saved = ixpf_rd(a, reg), wr, want, got;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ixpf_reg_patterns); i++) {
		wr = ixpf_reg_patterns[i] & t->wmask;
		want = wr & t->rmask;
		ixpf_wr(a, reg, wr);
		got = ixpf_rd(a, reg) & t->rmask;
		if (got != want) {
			ixpf_wr(a, reg, saved);
			netdev_err(a->netdev,
				   "register test: 0x%05x wrote 0x%08x, expected 0x%08x, read 0x%08x\n",
				   reg, wr, want, got);
			return false;
		}
	}
	ixpf_wr(a, reg, saved);
	return true;
}

static u64 ixpf_test_regs(struct ixpf_adapter *a)
{
	/* not static: some offsets are computed (IX_RXQ_BASE) */
	const struct ixpf_reg_test tests[] = {
		{ IX_FCRTL(0),	1,		4,	0x8007FFF0, 0x8007FFF0 },
		{ IX_FCRTH(0),	1,		4,	0x8007FFF0, 0x8007FFF0 },
		{ IX_PFCTOP,	1,		4,	0xFFFFFFFF, 0xFFFFFFFF },
		{ IX_FCTTV(0),	1,		4,	0xFFFFFFFF, 0xFFFFFFFF },
		{ IX_RDBAL(0),	4,		0x40,	0xFFFFFF80, 0xFFFFFF80 },
		{ IX_RDBAH(0),	4,		0x40,	0xFFFFFFFF, 0xFFFFFFFF },
		{ IX_RDLEN(0),	4,		0x40,	0x000FFF80, 0x000FFFFF },
		{ IX_RDT(0),	4,		0x40,	0x0000FFFF, 0x0000FFFF },
		{ IX_TDBAL(0),	4,		0x40,	0xFFFFFF80, 0xFFFFFFFF },
		{ IX_TDBAH(0),	4,		0x40,	0xFFFFFFFF, 0xFFFFFFFF },
		{ IX_TDLEN(0),	4,		0x40,	0x000FFF80, 0x000FFF80 },
		{ IX_RAL(0),	16,		8,	0xFFFFFFFF, 0xFFFFFFFF },
		{ IX_RAH(0),	16,		8,	0x800CFFFF, 0x8001FFFF },
		{ IX_MTA(0),	IX_NUM_MTA,	4,	0xFFFFFFFF, 0xFFFFFFFF },
		{ IX_VFTA(0),	IX_NUM_VFTA,	4,	0xFFFFFFFF, 0xFFFFFFFF },
	};
	const struct ixpf_reg_test *t;
	unsigned int i, n;

	for (i = 0; i < ARRAY_SIZE(tests); i++) {
		t = &tests[i];
		for (n = 0; n < t->count; n++)
			if (!ixpf_reg_check(a, t, t->reg + n * t->stride))
				return 1;
	}
	return 0;
}

static u64 ixpf_test_eeprom(struct ixpf_adapter *a)
{
	if (ixpf_eeprom_validate(a)) {
		netdev_err(a->netdev, "eeprom test: checksum or image invalid\n");
		return 1;
	}
	return 0;
}

/*
 * Raise a link status change from software (EICS) and wait for the handler
 * of the "other" vector to count it. The model, like the hardware, keeps
 * software-set "other" causes until the handler clears them.
 */
static u64 ixpf_test_intr(struct ixpf_adapter *a)
{
	unsigned long timeout;
	int before;

	/* let interrupts of the bring-up and the loopback switch settle */
	msleep(20);
	before = atomic_read(&a->other_irqs);
	ixpf_wr(a, IX_EICS, IX_EICR_OTHER | IX_EICR_LSC);
	ixpf_flush(a);

	timeout = jiffies + msecs_to_jiffies(IXPF_INTR_WAIT_MS);
	while (atomic_read(&a->other_irqs) == before) {
		if (time_after(jiffies, timeout)) {
			netdev_err(a->netdev,
				   "interrupt test: no \"other\" interrupt within %u ms of EICS 0x%08x\n",
				   IXPF_INTR_WAIT_MS,
				   IX_EICR_OTHER | IX_EICR_LSC);
			return 1;
		}
		usleep_range(500, 1000);
	}
	return 0;
}

static struct sk_buff *ixpf_lb_frame(struct ixpf_adapter *a, u16 seq)
{
	struct net_device *netdev = a->netdev;
	struct sk_buff *skb;
	struct ethhdr *eh;
	u8 *p;

	skb = alloc_skb(IXPF_LB_LEN, GFP_KERNEL);
	if (!skb)
		return NULL;
	p = skb_put(skb, IXPF_LB_LEN);
	eh = (struct ethhdr *)p;
	ether_addr_copy(eh->h_dest, netdev->dev_addr);
	ether_addr_copy(eh->h_source, netdev->dev_addr);
	eh->h_proto = htons(ETH_P_802_EX1);
	p[IXPF_LB_SEQ] = seq >> 8;
	p[IXPF_LB_SEQ + 1] = seq & 0xFF;
	memset(p + IXPF_LB_SEQ + 2, IXPF_LB_MARK_A,
	       IXPF_LB_HALF - IXPF_LB_SEQ - 2);
	memset(p + IXPF_LB_HALF, IXPF_LB_MARK_B, IXPF_LB_LEN - IXPF_LB_HALF);

	skb->dev = netdev;
	skb->protocol = eh->h_proto;
	skb->ip_summed = CHECKSUM_NONE;
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, ETH_HLEN);
	skb_set_queue_mapping(skb, 0);
	return skb;
}

/* Queue one frame on Tx ring 0, retrying while the ring is full. */
static int ixpf_lb_send(struct ixpf_adapter *a, struct sk_buff *skb)
{
	struct netdev_queue *txq = netdev_get_tx_queue(a->netdev, 0);
	netdev_tx_t rc;
	unsigned int tries;

	for (tries = 0; tries < IXPF_LB_TX_TRIES; tries++) {
		/* serialise with the stack's own transmits on queue 0 */
		__netif_tx_lock_bh(txq);
		rc = ixpf_xmit_ring(skb, a->tx_ring[0]);
		__netif_tx_unlock_bh(txq);
		if (rc == NETDEV_TX_OK)
			return 0;
		usleep_range(1000, 2000);
	}
	kfree_skb(skb);
	return -EBUSY;
}

/* Wait until @n looped frames were seen, or @ms passed. */
static bool ixpf_lb_wait(struct ixpf_adapter *a, unsigned int n,
			 unsigned int ms)
{
	unsigned long timeout = jiffies + msecs_to_jiffies(ms);

	while ((unsigned int)atomic_read(&a->lb_good) < n) {
		if (time_after(jiffies, timeout))
			return false;
		usleep_range(500, 1000);
	}
	return true;
}

static u64 ixpf_test_loopback(struct ixpf_adapter *a)
{
	struct sk_buff *skb;
	unsigned int sent;

	if (!a->tx_ring[0]) {
		netdev_err(a->netdev, "loopback test: no Tx ring\n");
		return 3;
	}
	for (sent = 0; sent < IXPF_LB_FRAMES; sent++) {
		/*
		 * A looped frame finding no free Rx descriptor is dropped:
		 * keep few enough in flight for NAPI to keep up.
		 */
		if (sent >= IXPF_LB_INFLIGHT)
			ixpf_lb_wait(a, sent - IXPF_LB_INFLIGHT / 2,
				     IXPF_LB_WAIT_MS / 4);
		skb = ixpf_lb_frame(a, sent);
		if (!skb || ixpf_lb_send(a, skb)) {
			netdev_err(a->netdev,
				   "loopback test: could not send frame %u of %u\n",
				   sent + 1, IXPF_LB_FRAMES);
			return 2;
		}
	}
	if (!ixpf_lb_wait(a, IXPF_LB_FRAMES, IXPF_LB_WAIT_MS)) {
		netdev_err(a->netdev,
			   "loopback test: expected %u frames back, received %d\n",
			   IXPF_LB_FRAMES, atomic_read(&a->lb_good));
		return 1;
	}
	return 0;
}

/* Big-endian 16-bit field at any alignment (headers differ on 6.1/6.12) */
static u16 ixpf_be16_at(const u8 *p)
{
	return p[0] << 8 | p[1];
}

static bool ixpf_lb_byte_is(const struct sk_buff *skb, int off, u8 want)
{
	const u8 *p;
	u8 b;

	p = skb_header_pointer(skb, off, 1, &b);
	return p && *p == want;
}

void ixpf_selftest_lb_rx(struct ixpf_adapter *a, struct sk_buff *skb)
{
	const u8 *dev_addr = a->netdev->dev_addr;
	u8 buf[IXPF_LB_HDR];
	const u8 *h;

	if (skb->len != IXPF_LB_LEN)
		goto out;
	h = skb_header_pointer(skb, 0, IXPF_LB_HDR, buf);
	if (!h)
		goto out;
	if (!ether_addr_equal_unaligned(h, dev_addr) ||
	    !ether_addr_equal_unaligned(h + ETH_ALEN, dev_addr) ||
	    ixpf_be16_at(h + 2 * ETH_ALEN) != ETH_P_802_EX1 ||
	    ixpf_be16_at(h + IXPF_LB_SEQ) >= IXPF_LB_FRAMES ||
	    h[IXPF_LB_SEQ + 2] != IXPF_LB_MARK_A ||
	    h[IXPF_LB_SEQ + 3] != IXPF_LB_MARK_A)
		goto out;
	if (!ixpf_lb_byte_is(skb, IXPF_LB_HALF - 1, IXPF_LB_MARK_A) ||
	    !ixpf_lb_byte_is(skb, IXPF_LB_HALF, IXPF_LB_MARK_B) ||
	    !ixpf_lb_byte_is(skb, IXPF_LB_LEN - 1, IXPF_LB_MARK_B))
		goto out;
	atomic_inc(&a->lb_good);
out:
	dev_kfree_skb_any(skb);
}

/*
 * Keep ndo_set_rx_mode (atomic context, no RTNL) off the filter tables:
 * it skips them while IXPF_RESETTING is set, and one that started before
 * the bit was set finishes inside filter_lock. ixpf_up() rewrites the
 * tables from the netdev's address lists afterwards.
 */
static void ixpf_test_hold_filters(struct ixpf_adapter *a)
{
	set_bit(IXPF_RESETTING, a->state);
	spin_lock_irq(&a->filter_lock);
	spin_unlock_irq(&a->filter_lock);
}

/* Reset and initialise as ixpf_reinit() does; false (logged) on failure */
static bool ixpf_test_reset(struct ixpf_adapter *a)
{
	int err;

	ixpf_test_hold_filters(a);
	err = ixpf_hw_reset(a);
	if (!err)
		err = ixpf_hw_init(a);
	clear_bit(IXPF_RESETTING, a->state);
	if (err) {
		netdev_err(a->netdev, "self-test: adapter reset failed: %d\n",
			   err);
		return false;
	}
	ixpf_irq_configure(a);
	return true;
}

/* Interrupt and loopback tests, with the datapath up in MAC loopback. */
static void ixpf_test_datapath(struct ixpf_adapter *a, u64 *data)
{
	int err;

	atomic_set(&a->lb_good, 0);
	set_bit(IXPF_LB_TEST, a->state);
	err = ixpf_up(a);
	if (err) {
		clear_bit(IXPF_LB_TEST, a->state);
		netdev_err(a->netdev, "self-test: could not start the datapath: %d\n",
			   err);
		data[IXPF_TEST_INTR] = 1;
		data[IXPF_TEST_LOOPBACK] = 1;
		return;
	}
	ixpf_hw_set_loopback(a, true);

	data[IXPF_TEST_INTR] = ixpf_test_intr(a);
	data[IXPF_TEST_LOOPBACK] = ixpf_test_loopback(a);

	ixpf_hw_set_loopback(a, false);
	ixpf_down(a);
	clear_bit(IXPF_LB_TEST, a->state);
}

static void ixpf_selftest_offline(struct ixpf_adapter *a, u64 *data)
{
	struct net_device *netdev = a->netdev;
	bool was_running = netif_running(netdev);
	int err;

	/* the resets below clear the hardware counters: keep their counts */
	ixpf_hw_update_stats(a);
	if (was_running)
		ixpf_down(a);

	/* link first: nothing has disturbed it yet */
	data[IXPF_TEST_LINK] = ixpf_test_link(a);

	/* no ndo_set_rx_mode writes into the tables under test */
	ixpf_test_hold_filters(a);
	data[IXPF_TEST_REG] = ixpf_test_regs(a);
	data[IXPF_TEST_EEPROM] = ixpf_test_eeprom(a);
	clear_bit(IXPF_RESETTING, a->state);

	if (ixpf_test_reset(a)) {
		ixpf_test_datapath(a, data);
	} else {
		data[IXPF_TEST_INTR] = 1;
		data[IXPF_TEST_LOOPBACK] = 1;
	}

	if (ixpf_test_reset(a) && was_running) {
		err = ixpf_up(a);
		if (err)
			dev_err(&a->pdev->dev,
				"could not bring the interface back up after the self-test: %d\n",
				err);
	}
}

void ixpf_selftest_run(struct ixpf_adapter *a, struct ethtool_test *eth_test,
		       u64 *data)
{
	unsigned int i;

	memset(data, 0, IXPF_TEST_COUNT * sizeof(*data));

	mutex_lock(&a->cfg_lock);
	if (ixpf_removed(a) || test_bit(IXPF_RESETTING, a->state) ||
	    !netif_device_present(a->netdev)) {
		/* gone, or PCI error recovery owns it: leave it alone */
		netdev_err(a->netdev, "self-test: the adapter is not available\n");
		for (i = 0; i < IXPF_TEST_COUNT; i++)
			data[i] = 1;
	} else if ((eth_test->flags & ETH_TEST_FL_OFFLINE) && a->num_vfs) {
		/*
		 * The offline tests reset the MAC and borrow queue 0's
		 * registers: with VFs that is a VF's pool, and the reset
		 * pulls the link from under every VF. Refuse, as upstream
		 * ixgbe does; the link test still runs.
		 */
		if (net_ratelimit())
			netdev_err(a->netdev, "self-test: offline tests refused with %u VFs enabled: set sriov_numvfs to 0 first\n",
				   a->num_vfs);
		for (i = 0; i < IXPF_TEST_COUNT; i++)
			data[i] = 1;
		data[IXPF_TEST_LINK] = ixpf_test_link(a);
	} else if (eth_test->flags & ETH_TEST_FL_OFFLINE) {
		set_bit(IXPF_TESTING, a->state);
		ixpf_selftest_offline(a, data);
		clear_bit(IXPF_TESTING, a->state);
	} else {
		data[IXPF_TEST_LINK] = ixpf_test_link(a);
	}
	mutex_unlock(&a->cfg_lock);

	for (i = 0; i < IXPF_TEST_COUNT; i++)
		if (data[i])
			eth_test->flags |= ETH_TEST_FL_FAILED;
}
