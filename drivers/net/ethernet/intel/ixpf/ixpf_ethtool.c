// SPDX-License-Identifier: GPL-2.0
/*
 * ixpf: ethtool operations.
 *
 * Every op runs with RTNL held (ethtool core). Configuration that the
 * service task or the PCI error handlers may also look at is written under
 * cfg_lock as well; ixpf_reinit() is called without cfg_lock and takes it.
 */
#include <linux/ethtool.h>
#include <linux/linkmode.h>
#include <linux/netdevice.h>
#include <linux/pci.h>

#include "ixpf.h"

struct ixpf_stat_desc {
	char name[ETH_GSTRING_LEN];
	unsigned int off;
};

#define IXPF_HW_STAT(_name, _field) \
	{ _name, offsetof(struct ixpf_hw_stats, _field) }

/* Hardware counters, accumulated by ixpf_hw_update_stats() */
static const struct ixpf_stat_desc ixpf_hw_stat_desc[] = {
	IXPF_HW_STAT("rx_pkts_nic", gprc),
	IXPF_HW_STAT("tx_pkts_nic", gptc),
	IXPF_HW_STAT("rx_bytes_nic", gorc),
	IXPF_HW_STAT("tx_bytes_nic", gotc),
	IXPF_HW_STAT("rx_total_pkts_nic", tpr),
	IXPF_HW_STAT("tx_total_pkts_nic", tpt),
	IXPF_HW_STAT("rx_total_bytes_nic", tor),
	IXPF_HW_STAT("multicast", mprc),
	IXPF_HW_STAT("broadcast", bprc),
	IXPF_HW_STAT("tx_multicast", mptc),
	IXPF_HW_STAT("tx_broadcast", bptc),
	IXPF_HW_STAT("rx_no_buffer_count", rnbc),
	IXPF_HW_STAT("rx_missed_errors", mpc),
	IXPF_HW_STAT("rx_crc_errors", crcerrs),
	IXPF_HW_STAT("rx_illegal_byte_errors", illerrc),
	IXPF_HW_STAT("rx_error_bytes", errbc),
	IXPF_HW_STAT("rx_length_errors", rlec),
	IXPF_HW_STAT("rx_short_length_errors", ruc),
	IXPF_HW_STAT("rx_fragment_errors", rfc),
	IXPF_HW_STAT("rx_long_length_errors", roc),
	IXPF_HW_STAT("rx_jabber_errors", rjc),
	IXPF_HW_STAT("tx_flow_control_xon", lxontxc),
	IXPF_HW_STAT("rx_flow_control_xon", lxonrxc),
	IXPF_HW_STAT("tx_flow_control_xoff", lxofftxc),
	IXPF_HW_STAT("rx_flow_control_xoff", lxoffrxc),
};

#define IXPF_HW_STATS_LEN	ARRAY_SIZE(ixpf_hw_stat_desc)

/* Software queue counters, summed over the Rx or the Tx queues */
struct ixpf_ring_stat_desc {
	char name[ETH_GSTRING_LEN];
	unsigned int off;
	bool tx;
};

#define IXPF_RING_STAT(_name, _field, _tx) \
	{ _name, offsetof(struct ixpf_ring_stats, _field), _tx }

static const struct ixpf_ring_stat_desc ixpf_ring_stat_desc[] = {
	IXPF_RING_STAT("rx_csum_offload_errors", csum_err, false),
	IXPF_RING_STAT("alloc_rx_buff_failed", alloc_fail, false),
	IXPF_RING_STAT("rx_dropped_driver", dropped, false),
	IXPF_RING_STAT("tx_restart_queue", restart, true),
	IXPF_RING_STAT("tx_busy", busy, true),
	IXPF_RING_STAT("tx_dropped_driver", dropped, true),
};

#define IXPF_RING_STATS_LEN	ARRAY_SIZE(ixpf_ring_stat_desc)
#define IXPF_QUEUE_STATS_LEN	4	/* {tx,rx}_queue_N_{packets,bytes} */

/* RSS hash fields the 82599 can use (MRQC) */
#define IXPF_RXH_IP		(RXH_IP_SRC | RXH_IP_DST)
#define IXPF_RXH_IP_L4		(IXPF_RXH_IP | RXH_L4_B_0_1 | RXH_L4_B_2_3)

static void ixpf_get_drvinfo(struct net_device *netdev,
			     struct ethtool_drvinfo *info)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	strscpy(info->driver, IXPF_DRV_NAME, sizeof(info->driver));
	strscpy(info->bus_info, pci_name(a->pdev), sizeof(info->bus_info));
	snprintf(info->fw_version, sizeof(info->fw_version), "0x%08x",
		 a->etrack_id);
}

/*
 * 82599 KX4 (0x10F7): a 10GBASE-KX4 backplane port without a PHY, link
 * brought up by clause 73 auto-negotiation (AUTOC.LMS = KX4/KX/KR).
 */
static void ixpf_link_modes(unsigned long *modes)
{
	linkmode_zero(modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_10000baseKX4_Full_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Backplane_BIT, modes);
}

static int ixpf_get_link_ksettings(struct net_device *netdev,
				   struct ethtool_link_ksettings *cmd)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	u32 speed = READ_ONCE(a->link_speed);

	ixpf_link_modes(cmd->link_modes.supported);
	ixpf_link_modes(cmd->link_modes.advertising);
	cmd->base.port = PORT_NONE;
	cmd->base.autoneg = AUTONEG_ENABLE;
	if (READ_ONCE(a->link_up)) {
		cmd->base.speed = speed ? speed : SPEED_10000;
		cmd->base.duplex = DUPLEX_FULL;
	} else {
		cmd->base.speed = SPEED_UNKNOWN;
		cmd->base.duplex = DUPLEX_UNKNOWN;
	}
	return 0;
}

/* Nothing is configurable: accept only the settings already in force. */
static int ixpf_set_link_ksettings(struct net_device *netdev,
				   const struct ethtool_link_ksettings *cmd)
{
	__ETHTOOL_DECLARE_LINK_MODE_MASK(supported);

	ixpf_link_modes(supported);
	if (cmd->base.autoneg != AUTONEG_ENABLE ||
	    cmd->base.port != PORT_NONE)
		return -EINVAL;
	if (!linkmode_subset(cmd->link_modes.advertising, supported) ||
	    !linkmode_test_bit(ETHTOOL_LINK_MODE_10000baseKX4_Full_BIT,
			       cmd->link_modes.advertising))
		return -EINVAL;
	return 0;
}

static u32 ixpf_get_msglevel(struct net_device *netdev)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	return a->msg_enable;
}

static void ixpf_set_msglevel(struct net_device *netdev, u32 level)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	a->msg_enable = level;
}

static int ixpf_get_sset_count(struct net_device *netdev, int sset)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	switch (sset) {
	case ETH_SS_TEST:
		return ixpf_selftest_count();
	case ETH_SS_STATS:
		return IXPF_HW_STATS_LEN + IXPF_RING_STATS_LEN +
		       a->num_queues * IXPF_QUEUE_STATS_LEN;
	default:
		return -EOPNOTSUPP;
	}
}

static void ixpf_get_strings(struct net_device *netdev, u32 sset, u8 *data)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	unsigned int i;
	u8 *p = data;

	switch (sset) {
	case ETH_SS_TEST:
		ixpf_selftest_strings(data);
		break;
	case ETH_SS_STATS:
		/* the names are already ETH_GSTRING_LEN, zero padded */
		for (i = 0; i < IXPF_HW_STATS_LEN; i++, p += ETH_GSTRING_LEN)
			memcpy(p, ixpf_hw_stat_desc[i].name, ETH_GSTRING_LEN);
		for (i = 0; i < IXPF_RING_STATS_LEN; i++, p += ETH_GSTRING_LEN)
			memcpy(p, ixpf_ring_stat_desc[i].name, ETH_GSTRING_LEN);
		for (i = 0; i < a->num_queues; i++) {
			ethtool_sprintf(&p, "tx_queue_%u_packets", i);
			ethtool_sprintf(&p, "tx_queue_%u_bytes", i);
		}
		for (i = 0; i < a->num_queues; i++) {
			ethtool_sprintf(&p, "rx_queue_%u_packets", i);
			ethtool_sprintf(&p, "rx_queue_%u_bytes", i);
		}
		break;
	}
}

/* One consistent snapshot of a queue's software counters */
static void ixpf_ring_stats_read(const struct ixpf_ring_stats *st,
				 struct ixpf_ring_stats *out)
{
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&st->syncp);
		out->packets = st->packets;
		out->bytes = st->bytes;
		out->csum_err = st->csum_err;
		out->alloc_fail = st->alloc_fail;
		out->restart = st->restart;
		out->busy = st->busy;
		out->dropped = st->dropped;
	} while (u64_stats_fetch_retry(&st->syncp, start));
}

static u64 ixpf_stat_field(const void *base, unsigned int off)
{
	return *(const u64 *)((const u8 *)base + off);
}

/* {packets, bytes} of the first @n queues; returns the next slot of @d */
static u64 *ixpf_queue_stats(const struct ixpf_ring_stats *qs, unsigned int n,
			     u64 *d)
{
	struct ixpf_ring_stats rs;
	unsigned int i;

	for (i = 0; i < n; i++) {
		ixpf_ring_stats_read(&qs[i], &rs);
		*d++ = rs.packets;
		*d++ = rs.bytes;
	}
	return d;
}

/*
 * The per-queue counters are adapter-owned (they outlive the rings), so
 * nothing here needs cfg_lock.
 */
static void ixpf_get_ethtool_stats(struct net_device *netdev,
				   struct ethtool_stats *stats, u64 *data)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	struct ixpf_ring_stats rs, sum[2] = {};	/* [0] Rx, [1] Tx */
	unsigned int i, n = a->num_queues;
	u64 *d = data;

	if (!ixpf_removed(a))
		ixpf_hw_update_stats(a);

	spin_lock_bh(&a->stats_lock);
	for (i = 0; i < IXPF_HW_STATS_LEN; i++)
		*d++ = ixpf_stat_field(&a->hw_stats, ixpf_hw_stat_desc[i].off);
	spin_unlock_bh(&a->stats_lock);

	/* totals over every queue, including ones no longer in use */
	for (i = 0; i < IXPF_MAX_QUEUES; i++) {
		ixpf_ring_stats_read(&a->rx_stats[i], &rs);
		sum[0].csum_err += rs.csum_err;
		sum[0].alloc_fail += rs.alloc_fail;
		sum[0].dropped += rs.dropped;
		ixpf_ring_stats_read(&a->tx_stats[i], &rs);
		sum[1].restart += rs.restart;
		sum[1].busy += rs.busy;
		sum[1].dropped += rs.dropped;
	}
	for (i = 0; i < IXPF_RING_STATS_LEN; i++)
		*d++ = ixpf_stat_field(&sum[ixpf_ring_stat_desc[i].tx],
				       ixpf_ring_stat_desc[i].off);

	/* same order as the strings: Tx queues, then Rx queues */
	d = ixpf_queue_stats(a->tx_stats, n, d);
	ixpf_queue_stats(a->rx_stats, n, d);
}

static void ixpf_get_ringparam(struct net_device *netdev,
			       struct ethtool_ringparam *ring,
			       struct kernel_ethtool_ringparam *kring,
			       struct netlink_ext_ack *extack)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	ring->rx_max_pending = IXPF_MAX_RING;
	ring->tx_max_pending = IXPF_MAX_RING;
	ring->rx_pending = a->rx_ring_count;
	ring->tx_pending = a->tx_ring_count;
}

static void ixpf_set_ring_counts(struct ixpf_adapter *a, u16 rx, u16 tx)
{
	mutex_lock(&a->cfg_lock);
	a->rx_ring_count = rx;
	a->tx_ring_count = tx;
	mutex_unlock(&a->cfg_lock);
}

static int ixpf_set_ringparam(struct net_device *netdev,
			      struct ethtool_ringparam *ring,
			      struct kernel_ethtool_ringparam *kring,
			      struct netlink_ext_ack *extack)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	u16 old_rx = a->rx_ring_count, old_tx = a->tx_ring_count;
	u16 rx, tx;
	int err;

	if (ring->rx_mini_pending || ring->rx_jumbo_pending) {
		NL_SET_ERR_MSG_MOD(extack, "mini and jumbo rings are not supported");
		return -EINVAL;
	}
	if (ring->rx_pending < IXPF_MIN_RING ||
	    ring->rx_pending > IXPF_MAX_RING ||
	    ring->tx_pending < IXPF_MIN_RING ||
	    ring->tx_pending > IXPF_MAX_RING) {
		NL_SET_ERR_MSG_MOD(extack, "ring size out of range");
		return -EINVAL;
	}
	/* both limits are multiples of the alignment: rounding stays inside */
	rx = ALIGN(ring->rx_pending, IXPF_RING_ALIGN);
	tx = ALIGN(ring->tx_pending, IXPF_RING_ALIGN);
	if (rx == old_rx && tx == old_tx)
		return 0;

	ixpf_set_ring_counts(a, rx, tx);
	if (!netif_running(netdev))
		return 0;

	err = ixpf_reinit(a);
	if (err) {
		netdev_err(netdev, "ring resize to rx %u tx %u failed (%d), restoring rx %u tx %u\n",
			   rx, tx, err, old_rx, old_tx);
		ixpf_set_ring_counts(a, old_rx, old_tx);
		if (ixpf_reinit(a))
			netdev_err(netdev, "could not restore the previous rings\n");
	}
	return err;
}

/*
 * With VFs the PF owns one pool of qpp queues (ixpf_sriov.c): a ring past
 * it would be programmed into the registers of queues that are not the
 * PF's (another pool's VLAN insertion, anti-spoof, IVAR entries).
 */
static unsigned int ixpf_max_channels(struct ixpf_adapter *a)
{
	return a->qpp ? min(a->max_queues, a->qpp) : a->max_queues;
}

static void ixpf_get_channels(struct net_device *netdev,
			      struct ethtool_channels *ch)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	ch->max_combined = ixpf_max_channels(a);
	ch->combined_count = a->num_queues;
	ch->max_other = 1;
	ch->other_count = 1;
}

static int ixpf_set_channels(struct net_device *netdev,
			     struct ethtool_channels *ch)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	unsigned int n = ch->combined_count, old = a->num_queues, i;
	int err;

	if (ch->rx_count || ch->tx_count || ch->other_count != 1)
		return -EINVAL;
	if (!n)
		return -EINVAL;
	if (n > ixpf_max_channels(a)) {
		if (net_ratelimit())
			netdev_warn(netdev, "at most %u queues: %s\n",
				    ixpf_max_channels(a), a->qpp ?
				    "with VFs the PF has one pool of queues" :
				    "that is what MSI-X allows");
		return -EINVAL;
	}
	if (n == old)
		return 0;
	/* a user RETA is kept: it must not point past the new queues */
	if (netif_is_rxfh_configured(netdev))
		for (i = 0; i < IXPF_RETA_SIZE; i++)
			if (a->reta[i] >= n)
				return -EINVAL;

	/* the datapath is rebuilt with the new count (and reset) */
	err = ixpf_set_queue_count(a, n);
	if (err) {
		netdev_err(netdev, "switching to %u queues failed (%d), restoring %u\n",
			   n, err, old);
		if (ixpf_set_queue_count(a, old))
			netdev_err(netdev, "could not restore the previous queues\n");
	}
	return err;
}

/* Flows the 82599 hashes on their IP addresses only (MRQC has no L4 bit) */
static bool ixpf_rss_ip_only(u32 flow_type)
{
	switch (flow_type) {
	case SCTP_V4_FLOW:
	case AH_ESP_V4_FLOW:
	case AH_V4_FLOW:
	case ESP_V4_FLOW:
	case IPV4_FLOW:
	case SCTP_V6_FLOW:
	case AH_ESP_V6_FLOW:
	case AH_V6_FLOW:
	case ESP_V6_FLOW:
	case IPV6_FLOW:
		return true;
	default:
		return false;
	}
}

static u64 ixpf_rss_fields(struct ixpf_adapter *a, u32 flow_type)
{
	switch (flow_type) {
	case TCP_V4_FLOW:
	case TCP_V6_FLOW:
		return IXPF_RXH_IP_L4;
	case UDP_V4_FLOW:
		return a->rss_udp4 ? IXPF_RXH_IP_L4 : IXPF_RXH_IP;
	case UDP_V6_FLOW:
		return a->rss_udp6 ? IXPF_RXH_IP_L4 : IXPF_RXH_IP;
	default:
		return ixpf_rss_ip_only(flow_type) ? IXPF_RXH_IP : 0;
	}
}

static int ixpf_get_rxnfc(struct net_device *netdev,
			  struct ethtool_rxnfc *cmd, u32 *rule_locs)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	switch (cmd->cmd) {
	case ETHTOOL_GRXRINGS:
		cmd->data = a->num_queues;
		return 0;
	case ETHTOOL_GRXFH:
		if ((cmd->flow_type & FLOW_RSS) && cmd->rss_context)
			return -EINVAL;
		cmd->data = ixpf_rss_fields(a, cmd->flow_type & ~FLOW_RSS);
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

/* Program RSS (MRQC, RETA, key) from the adapter's shadow copies. */
static void ixpf_apply_rss(struct ixpf_adapter *a)
{
	if (!ixpf_removed(a))
		ixpf_hw_set_rss(a);
}

static int ixpf_set_rss_fields(struct ixpf_adapter *a,
			       const struct ethtool_rxnfc *cmd)
{
	u32 flow = cmd->flow_type & ~FLOW_RSS;
	bool *udp = NULL, l4;

	if ((cmd->flow_type & FLOW_RSS) && cmd->rss_context)
		return -EINVAL;
	if (cmd->data == IXPF_RXH_IP_L4)
		l4 = true;
	else if (cmd->data == IXPF_RXH_IP)
		l4 = false;
	else
		return -EINVAL;

	switch (flow) {
	case TCP_V4_FLOW:
	case TCP_V6_FLOW:
		return l4 ? 0 : -EINVAL;
	case UDP_V4_FLOW:
		udp = &a->rss_udp4;
		break;
	case UDP_V6_FLOW:
		udp = &a->rss_udp6;
		break;
	default:
		if (!ixpf_rss_ip_only(flow))
			return -EINVAL;
		return l4 ? -EINVAL : 0;
	}

	if (*udp == l4)
		return 0;
	mutex_lock(&a->cfg_lock);
	*udp = l4;
	ixpf_apply_rss(a);
	mutex_unlock(&a->cfg_lock);
	return 0;
}

static int ixpf_set_rxnfc(struct net_device *netdev, struct ethtool_rxnfc *cmd)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	if (cmd->cmd != ETHTOOL_SRXFH)
		return -EOPNOTSUPP;
	return ixpf_set_rss_fields(a, cmd);
}

static u32 ixpf_get_rxfh_key_size(struct net_device *netdev)
{
	return IXPF_RSS_KEY_SIZE;
}

static u32 ixpf_get_rxfh_indir_size(struct net_device *netdev)
{
	return IXPF_RETA_SIZE;
}

static void ixpf_read_rxfh(struct ixpf_adapter *a, u32 *indir, u8 *key)
{
	unsigned int i;

	if (indir)
		for (i = 0; i < IXPF_RETA_SIZE; i++)
			indir[i] = a->reta[i];
	if (key)
		memcpy(key, a->rss_key, IXPF_RSS_KEY_SIZE);
}

static int ixpf_write_rxfh(struct ixpf_adapter *a, const u32 *indir,
			   const u8 *key, u8 hfunc)
{
	unsigned int i;

	if (hfunc != ETH_RSS_HASH_NO_CHANGE && hfunc != ETH_RSS_HASH_TOP)
		return -EOPNOTSUPP;
	if (indir)
		for (i = 0; i < IXPF_RETA_SIZE; i++)
			if (indir[i] >= a->num_queues)
				return -EINVAL;
	if (!indir && !key)
		return 0;

	mutex_lock(&a->cfg_lock);
	if (indir)
		for (i = 0; i < IXPF_RETA_SIZE; i++)
			a->reta[i] = indir[i];
	if (key)
		memcpy(a->rss_key, key, IXPF_RSS_KEY_SIZE);
	ixpf_apply_rss(a);
	mutex_unlock(&a->cfg_lock);
	return 0;
}

/*
 * 6.8 replaced the get/set_rxfh arguments with struct ethtool_rxfh_param;
 * its input_xfrm member and the RXH_XFRM_* values came in the same
 * release, so they tell the two APIs apart (6.12 has it, 6.1 does not).
 */
#ifdef RXH_XFRM_NO_CHANGE
static int ixpf_get_rxfh(struct net_device *netdev,
			 struct ethtool_rxfh_param *rxfh)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	rxfh->hfunc = ETH_RSS_HASH_TOP;
	ixpf_read_rxfh(a, rxfh->indir, rxfh->key);
	return 0;
}

static int ixpf_set_rxfh(struct net_device *netdev,
			 struct ethtool_rxfh_param *rxfh,
			 struct netlink_ext_ack *extack)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	if (rxfh->rss_context)
		return -EOPNOTSUPP;
	return ixpf_write_rxfh(a, rxfh->indir, rxfh->key, rxfh->hfunc);
}
#else /* !RXH_XFRM_NO_CHANGE: the pre-6.8 arguments */
static int ixpf_get_rxfh(struct net_device *netdev, u32 *indir, u8 *key,
			 u8 *hfunc)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	if (hfunc)
		*hfunc = ETH_RSS_HASH_TOP;
	ixpf_read_rxfh(a, indir, key);
	return 0;
}

static int ixpf_set_rxfh(struct net_device *netdev, const u32 *indir,
			 const u8 *key, const u8 hfunc)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	return ixpf_write_rxfh(a, indir, key, hfunc);
}
#endif /* RXH_XFRM_NO_CHANGE */

static void ixpf_self_test(struct net_device *netdev,
			   struct ethtool_test *eth_test, u64 *data)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	ixpf_selftest_run(a, eth_test, data);
}

static const struct ethtool_ops ixpf_ethtool_ops = {
	.get_drvinfo		= ixpf_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_link_ksettings	= ixpf_get_link_ksettings,
	.set_link_ksettings	= ixpf_set_link_ksettings,
	.get_msglevel		= ixpf_get_msglevel,
	.set_msglevel		= ixpf_set_msglevel,
	.get_sset_count		= ixpf_get_sset_count,
	.get_strings		= ixpf_get_strings,
	.get_ethtool_stats	= ixpf_get_ethtool_stats,
	.get_ringparam		= ixpf_get_ringparam,
	.set_ringparam		= ixpf_set_ringparam,
	.get_channels		= ixpf_get_channels,
	.set_channels		= ixpf_set_channels,
	.get_rxnfc		= ixpf_get_rxnfc,
	.set_rxnfc		= ixpf_set_rxnfc,
	.get_rxfh_key_size	= ixpf_get_rxfh_key_size,
	.get_rxfh_indir_size	= ixpf_get_rxfh_indir_size,
	.get_rxfh		= ixpf_get_rxfh,
	.set_rxfh		= ixpf_set_rxfh,
	.self_test		= ixpf_self_test,
};

void ixpf_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &ixpf_ethtool_ops;
}
