// SPDX-License-Identifier: GPL-2.0
/*
 * ixpf: the net_device — open/close, receive filters, VLANs, MTU,
 * statistics, and the service task that watches the link.
 *
 * Lock order: RTNL -> cfg_lock -> filter_lock / stats_lock.
 */
#include <linux/etherdevice.h>
#include <linux/interrupt.h>

#include "ixpf.h"

/* MTA index of a multicast address: bits 47:36 (MCSTCTRL.MO = 0) */
static u16 ixpf_mta_hash(const u8 *addr)
{
	return ((addr[4] >> 4) | ((u16)addr[5] << 4)) & 0xFFF;
}

/* ---- receive filters (atomic context: netif_addr_lock held) ------------ */

/* The MTA is the PF's hashes and every VF's: write what changed. */
void ixpf_mta_write(struct ixpf_adapter *a)
{
	unsigned int i;
	u32 v;

	lockdep_assert_held(&a->filter_lock);
	for (i = 0; i < IX_NUM_MTA; i++) {
		v = a->pf_mta[i] | a->vf_mta[i];
		if (v == a->mta_shadow[i])
			continue;
		a->mta_shadow[i] = v;
		ixpf_wr(a, IX_MTA(i), v);
	}
}

static void ixpf_write_filters(struct ixpf_adapter *a)
{
	struct net_device *nd = a->netdev;
	u32 mta[IX_NUM_MTA] = { 0 };
	struct netdev_hw_addr *ha;
	unsigned int rar = 1;
	u32 fctrl, vlnctrl;
	bool uc_overflow;

	if (ixpf_removed(a) || test_bit(IXPF_RESETTING, a->state))
		return;

	/* RAR0 is the netdev's address; the unicast list follows it. */
	ixpf_hw_set_rar(a, 0, nd->dev_addr);
	ether_addr_copy(a->pf_rar[0], nd->dev_addr);
	uc_overflow = netdev_uc_count(nd) > IXPF_MAX_UC_RAR;
	if (!uc_overflow)
		netdev_for_each_uc_addr(ha, nd) {
			ether_addr_copy(a->pf_rar[rar], ha->addr);
			ixpf_hw_set_rar(a, rar++, ha->addr);
		}
	for (; rar <= IXPF_MAX_UC_RAR; rar++) {
		eth_zero_addr(a->pf_rar[rar]);
		ixpf_hw_clear_rar(a, rar);
	}

	/* Multicast: the 4096-bit hash table, hashed on address bits 47:36. */
	netdev_for_each_mc_addr(ha, nd) {
		u16 h = ixpf_mta_hash(ha->addr);

		mta[h >> 5] |= BIT(h & 0x1F);
	}
	memcpy(a->pf_mta, mta, sizeof(mta));
	ixpf_mta_write(a);
	ixpf_wr(a, IX_MCSTCTRL, IX_MCSTCTRL_MFE);

	fctrl = ixpf_rd(a, IX_FCTRL) & ~(IX_FCTRL_UPE | IX_FCTRL_MPE);
	fctrl |= IX_FCTRL_BAM;
	if (nd->flags & IFF_PROMISC || uc_overflow)
		fctrl |= IX_FCTRL_UPE;
	if (nd->flags & (IFF_PROMISC | IFF_ALLMULTI))
		fctrl |= IX_FCTRL_MPE;
	ixpf_wr(a, IX_FCTRL, fctrl);

	/*
	 * A promiscuous interface sees every VLAN too, but only without
	 * VFs: VLNCTRL.VFE is global, and with it off a VF on a port VLAN
	 * would receive every VLAN's frames. With VFs it stays on whatever
	 * the PF asks (as upstream ixgbe does).
	 */
	vlnctrl = ixpf_rd(a, IX_VLNCTRL) & ~IX_VLNCTRL_VFE;
	vlnctrl = (vlnctrl & ~IX_VLNCTRL_VET_MASK) | ETH_P_8021Q;
	if (a->num_vfs ||
	    ((nd->features & NETIF_F_HW_VLAN_CTAG_FILTER) &&
	     !(nd->flags & IFF_PROMISC)))
		vlnctrl |= IX_VLNCTRL_VFE;
	ixpf_wr(a, IX_VLNCTRL, vlnctrl);
}

/*
 * Whether @mac is one of the PF's: its address or a unicast filter it
 * programmed. Any context; VF message handlers ask before letting a VF
 * take an address (the netdev's address lists need a lock they cannot
 * take from the mailbox interrupt: the shadow of the RARs answers).
 */
bool ixpf_pf_owns_mac(struct ixpf_adapter *a, const u8 *mac)
{
	unsigned long flags;
	bool owned = false;
	unsigned int i;

	spin_lock_irqsave(&a->filter_lock, flags);
	for (i = 0; i <= IXPF_MAX_UC_RAR && !owned; i++)
		owned = ether_addr_equal(a->pf_rar[i], mac);
	spin_unlock_irqrestore(&a->filter_lock, flags);
	return owned;
}

void ixpf_set_rx_mode(struct net_device *netdev)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	unsigned long flags;

	spin_lock_irqsave(&a->filter_lock, flags);
	ixpf_write_filters(a);
	spin_unlock_irqrestore(&a->filter_lock, flags);
}

/* ndo_set_rx_mode from process context: the address lists need the lock */
void ixpf_rx_mode_sync(struct ixpf_adapter *a)
{
	netif_addr_lock_bh(a->netdev);
	ixpf_set_rx_mode(a->netdev);
	netif_addr_unlock_bh(a->netdev);
}

/* After a reset every table is empty: put the software view back. */
static void ixpf_restore_filters(struct ixpf_adapter *a)
{
	unsigned long flags;

	spin_lock_irqsave(&a->filter_lock, flags);
	memset(a->mta_shadow, 0, sizeof(a->mta_shadow));
	ixpf_hw_restore_vfta(a);
	spin_unlock_irqrestore(&a->filter_lock, flags);
	ixpf_rx_mode_sync(a);
}

static int ixpf_vlan_add(struct net_device *netdev, __be16 proto, u16 vid)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	unsigned long flags;

	spin_lock_irqsave(&a->filter_lock, flags);
	set_bit(vid, a->active_vlans);
	ixpf_hw_set_vfta(a, vid, true);
	/* with VFs, a VLAN reaches a pool only through a VLVF entry */
	if (a->num_vfs && ixpf_vlvf_set(a, vid, a->num_vfs, true))
		netdev_warn(netdev, "no VLAN filter left for VID %u: it reaches the PF only in promiscuous mode\n",
			    vid);
	spin_unlock_irqrestore(&a->filter_lock, flags);
	return 0;
}

static int ixpf_vlan_kill(struct net_device *netdev, __be16 proto, u16 vid)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	unsigned long flags;

	spin_lock_irqsave(&a->filter_lock, flags);
	clear_bit(vid, a->active_vlans);
	if (a->num_vfs)
		ixpf_vlvf_set(a, vid, a->num_vfs, false);
	else
		ixpf_hw_set_vfta(a, vid, false);
	spin_unlock_irqrestore(&a->filter_lock, flags);
	return 0;
}

static int ixpf_set_mac(struct net_device *netdev, void *p)
{
	struct sockaddr *addr = p;

	if (!is_valid_ether_addr(addr->sa_data))
		return -EADDRNOTAVAIL;
	eth_hw_addr_set(netdev, addr->sa_data);
	ixpf_rx_mode_sync(netdev_priv(netdev));
	return 0;
}

/* ---- link ---------------------------------------------------------------- */

void ixpf_check_link(struct ixpf_adapter *a)
{
	struct net_device *nd = a->netdev;
	bool up;
	u32 speed;

	ixpf_hw_read_link(a, &up, &speed);
	/* a stopped interface has no carrier whatever the wire says */
	if (test_bit(IXPF_DOWN, a->state)) {
		up = false;
		speed = SPEED_UNKNOWN;
	}
	if (up == a->link_up && speed == a->link_speed)
		return;
	a->link_up = up;
	a->link_speed = speed;
	if (up) {
		netdev_info(nd, "NIC Link is Up %u Mbps, Flow Control: None\n",
			    speed);
		netif_carrier_on(nd);
		netif_tx_wake_all_queues(nd);
	} else {
		netdev_info(nd, "NIC Link is Down\n");
		netif_carrier_off(nd);
	}
	/* VFs re-check their link on a PF_CONTROL message */
	if (a->num_vfs)
		ixpf_mbx_ping_all(a);
}

/*
 * Frames the anti-spoofing filters dropped since the last look (SSVPC,
 * clear on read), in upstream ixgbe's words so existing monitoring and
 * operators recognise it.
 */
static void ixpf_check_spoofed(struct ixpf_adapter *a)
{
	u32 n;

	if (!a->num_vfs)
		return;
	n = ixpf_rd(a, IX_SSVPC);
	if (n && n != ~0U)
		netdev_warn(a->netdev, "%u Spoofed packets detected\n", n);
}

static void ixpf_service(struct work_struct *work)
{
	struct ixpf_adapter *a = container_of(to_delayed_work(work),
					      struct ixpf_adapter,
					      service_task);

	if (test_bit(IXPF_REMOVING, a->state) || ixpf_removed(a))
		return;
	mutex_lock(&a->cfg_lock);
	if (!test_bit(IXPF_TESTING, a->state) &&
	    !test_bit(IXPF_RESETTING, a->state)) {
		ixpf_check_link(a);
		ixpf_hw_update_stats(a);
		ixpf_check_spoofed(a);
	}
	mutex_unlock(&a->cfg_lock);
	queue_delayed_work(system_wq, &a->service_task, IXPF_SERVICE_PERIOD);
}

void ixpf_service_start(struct ixpf_adapter *a)
{
	queue_delayed_work(system_wq, &a->service_task, 0);
}

/* Not with cfg_lock held: the service task takes it. */
void ixpf_service_stop(struct ixpf_adapter *a)
{
	cancel_delayed_work_sync(&a->service_task);
}

/* ---- up / down ----------------------------------------------------------- */

int ixpf_up(struct ixpf_adapter *a)
{
	struct net_device *nd = a->netdev;
	unsigned int i;
	int err;

	lockdep_assert_held(&a->cfg_lock);
	ASSERT_RTNL();
	if (ixpf_removed(a))
		return -ENODEV;

	err = ixpf_rings_alloc(a);
	if (err)
		return err;
	err = ixpf_irq_request(a);
	if (err)
		goto free_rings;
	err = netif_set_real_num_tx_queues(nd, a->num_queues);
	if (!err)
		err = netif_set_real_num_rx_queues(nd, a->num_queues);
	if (err)
		goto free_irqs;

	ixpf_hw_set_max_frame(a, nd->mtu);
	ixpf_irq_configure(a);
	ixpf_restore_filters(a);
	ixpf_rings_configure(a);

	clear_bit(IXPF_DOWN, a->state);
	for (i = 0; i < a->num_queues; i++)
		napi_enable(&a->qv[i]->napi);
	ixpf_irq_enable(a);
	/*
	 * Wake, not start: frames queued in the qdiscs across a reinit
	 * (ethtool -L/-G, FLR) need the qdiscs rescheduled, or a TCP flow
	 * whose segments sit there (TSQ) waits forever.
	 */
	netif_tx_wake_all_queues(nd);
	ixpf_vt_reset_done(a);
	/* a relayout kept the carrier: the link did not go anywhere */
	if (!netif_carrier_ok(nd)) {
		a->link_up = false;
		a->link_speed = SPEED_UNKNOWN;
	}
	ixpf_check_link(a);
	return 0;

free_irqs:
	ixpf_irq_release(a);
free_rings:
	ixpf_rings_free(a);
	return err;
}

/* @keep_link: only the datapath stops, the MAC and its link stay as they are */
static void __ixpf_down(struct ixpf_adapter *a, bool keep_link)
{
	struct net_device *nd = a->netdev;
	unsigned int i;

	lockdep_assert_held(&a->cfg_lock);
	if (test_and_set_bit(IXPF_DOWN, a->state))
		return;
	if (!keep_link) {
		netif_carrier_off(nd);
		a->link_up = false;
	}
	netif_tx_disable(nd);
	ixpf_irq_disable(a);
	for (i = 0; i < a->num_queues; i++)
		napi_disable(&a->qv[i]->napi);
	ixpf_rings_stop(a);
	ixpf_irq_release(a);
	ixpf_rings_clean(a);
	ixpf_rings_free(a);
	/*
	 * With VFs, as upstream ixgbe: the port resets, the VFs see RSTI and
	 * the ones that follow the PF stop; ixpf_up() lets them reset again
	 * (PFRSTD -> RSTD), which ixgbevf notices at once.
	 */
	if (!keep_link && a->num_vfs) {
		ixpf_vfs_pf_down(a);
		set_bit(IXPF_RESETTING, a->state);
		if (!ixpf_hw_reset(a))
			ixpf_hw_init(a);
		clear_bit(IXPF_RESETTING, a->state);
		ixpf_irq_configure(a);
		/* and, as there, no mailbox service until the PF is up */
		ixpf_wr(a, IX_EIMC, IX_EICR_MAILBOX);
	}
}

void ixpf_down(struct ixpf_adapter *a)
{
	__ixpf_down(a, false);
}

int ixpf_open(struct net_device *netdev)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	int err;

	mutex_lock(&a->cfg_lock);
	err = ixpf_up(a);
	mutex_unlock(&a->cfg_lock);
	return err;
}

int ixpf_close(struct net_device *netdev)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	mutex_lock(&a->cfg_lock);
	ixpf_down(a);
	mutex_unlock(&a->cfg_lock);
	return 0;
}

/*
 * Full reset of the MAC, then the datapath again if it was running, with
 * @num_queues queue pairs. The queue count only changes while the
 * datapath is down: every teardown loop walks the queues it was built with.
 */
static void ixpf_set_num_queues(struct ixpf_adapter *a,
				unsigned int num_queues)
{
	unsigned int i;

	if (num_queues == a->num_queues)
		return;
	a->num_queues = num_queues;
	/* the default RETA follows; a user's was checked by the caller */
	if (!netif_is_rxfh_configured(a->netdev))
		for (i = 0; i < IXPF_RETA_SIZE; i++)
			a->reta[i] = ethtool_rxfh_indir_default(i, num_queues);
}

static int __ixpf_reinit(struct ixpf_adapter *a, unsigned int num_queues)
{
	bool running = netif_running(a->netdev);
	int err;

	ASSERT_RTNL();
	mutex_lock(&a->cfg_lock);
	if (running)
		ixpf_down(a);
	ixpf_set_num_queues(a, num_queues);
	set_bit(IXPF_RESETTING, a->state);
	err = ixpf_hw_reset(a);
	if (!err)
		err = ixpf_hw_init(a);
	clear_bit(IXPF_RESETTING, a->state);
	if (!err)
		ixpf_irq_configure(a);
	if (!err && running)
		err = ixpf_up(a);
	mutex_unlock(&a->cfg_lock);
	if (err)
		netdev_err(a->netdev, "reinitialisation failed: %d\n", err);
	return err;
}

int ixpf_reinit(struct ixpf_adapter *a)
{
	return __ixpf_reinit(a, a->num_queues);
}

int ixpf_set_queue_count(struct ixpf_adapter *a, unsigned int num_queues)
{
	return __ixpf_reinit(a, num_queues);
}

/*
 * A new VF count without a MAC reset: the pools are laid out again and
 * the PF's queues move behind them while the link stays up, so the PF's
 * own traffic pauses only for its datapath restart (upstream ixgbe resets
 * the port and drops the link). @num_queues: the PF's new queue count.
 */
int ixpf_relayout(struct ixpf_adapter *a, unsigned int num_vfs,
		  unsigned int num_queues)
{
	bool running = netif_running(a->netdev);
	int err = 0;

	ASSERT_RTNL();
	mutex_lock(&a->cfg_lock);
	if (ixpf_removed(a)) {
		err = -ENODEV;
		goto out;
	}
	if (running)
		__ixpf_down(a, true);
	ixpf_set_num_queues(a, num_queues);
	ixpf_vt_relayout(a, num_vfs);
	ixpf_irq_configure(a);
	if (running)
		err = ixpf_up(a);
out:
	mutex_unlock(&a->cfg_lock);
	if (err)
		netdev_err(a->netdev, "pool relayout failed: %d\n", err);
	return err;
}

static void ixpf_reset_task(struct work_struct *work)
{
	struct ixpf_adapter *a = container_of(work, struct ixpf_adapter,
					      reset_task);

	rtnl_lock();
	if (!test_bit(IXPF_REMOVING, a->state) && netif_running(a->netdev))
		ixpf_reinit(a);
	rtnl_unlock();
}

static void ixpf_tx_timeout(struct net_device *netdev, unsigned int txq)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	netdev_warn(netdev, "Tx queue %u timed out, resetting\n", txq);
	schedule_work(&a->reset_task);
}

/* ---- MTU, features, statistics ------------------------------------------ */

static int ixpf_change_mtu(struct net_device *netdev, int mtu)
{
	struct ixpf_adapter *a = netdev_priv(netdev);

	/*
	 * Rx buffers are chained pages, so any MTU up to the limit fits the
	 * rings as they are: only the MAC's frame limit changes.
	 */
	mutex_lock(&a->cfg_lock);
	WRITE_ONCE(netdev->mtu, mtu);
	if (netif_running(netdev))
		ixpf_hw_set_max_frame(a, mtu);
	mutex_unlock(&a->cfg_lock);
	return 0;
}

static int ixpf_set_features(struct net_device *netdev,
			     netdev_features_t features)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	netdev_features_t changed = netdev->features ^ features;
	unsigned int i;
	u32 rxdctl;

	netdev->features = features;
	if (changed & NETIF_F_HW_VLAN_CTAG_FILTER)
		ixpf_rx_mode_sync(a);
	if ((changed & NETIF_F_HW_VLAN_CTAG_RX) && netif_running(netdev)) {
		mutex_lock(&a->cfg_lock);
		for (i = 0; i < a->num_queues && a->rx_ring[i]; i++) {
			unsigned int q = a->rx_ring[i]->reg_idx;

			rxdctl = ixpf_rd(a, IX_RXDCTL(q)) & ~IX_RXDCTL_VME;
			if (features & NETIF_F_HW_VLAN_CTAG_RX)
				rxdctl |= IX_RXDCTL_VME;
			ixpf_wr(a, IX_RXDCTL(q), rxdctl);
		}
		mutex_unlock(&a->cfg_lock);
	}
	return 1;	/* features already assigned */
}

static void ixpf_ring_stats_add(struct ixpf_ring_stats *s, u64 *packets,
				u64 *bytes, u64 *dropped)
{
	unsigned int start;
	u64 p, b, d;

	do {
		start = u64_stats_fetch_begin(&s->syncp);
		p = s->packets;
		b = s->bytes;
		d = s->dropped;
	} while (u64_stats_fetch_retry(&s->syncp, start));
	*packets += p;
	*bytes += b;
	*dropped += d;
}

static void ixpf_get_stats64(struct net_device *netdev,
			     struct rtnl_link_stats64 *st)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	struct ixpf_hw_stats *h = &a->hw_stats;
	unsigned int i;

	for (i = 0; i < IXPF_MAX_QUEUES; i++) {
		ixpf_ring_stats_add(&a->rx_stats[i], &st->rx_packets,
				    &st->rx_bytes, &st->rx_dropped);
		ixpf_ring_stats_add(&a->tx_stats[i], &st->tx_packets,
				    &st->tx_bytes, &st->tx_dropped);
	}
	spin_lock_bh(&a->stats_lock);
	st->multicast = h->mprc;
	st->rx_crc_errors = h->crcerrs;
	st->rx_length_errors = h->rlec + h->ruc + h->roc;
	st->rx_missed_errors = h->mpc;
	st->rx_errors = h->crcerrs + h->rlec + h->ruc + h->roc + h->illerrc +
			h->errbc;
	for (i = 0; i < IXPF_MAX_QUEUES; i++)
		st->rx_dropped += h->qprdc[i];
	spin_unlock_bh(&a->stats_lock);
}

static const struct net_device_ops ixpf_netdev_ops = {
	.ndo_open		= ixpf_open,
	.ndo_stop		= ixpf_close,
	.ndo_start_xmit		= ixpf_xmit,
	.ndo_set_rx_mode	= ixpf_set_rx_mode,
	.ndo_set_mac_address	= ixpf_set_mac,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_change_mtu		= ixpf_change_mtu,
	.ndo_tx_timeout		= ixpf_tx_timeout,
	.ndo_vlan_rx_add_vid	= ixpf_vlan_add,
	.ndo_vlan_rx_kill_vid	= ixpf_vlan_kill,
	.ndo_set_features	= ixpf_set_features,
	.ndo_get_stats64	= ixpf_get_stats64,
	.ndo_features_check	= passthru_features_check,
	.ndo_set_vf_mac		= ixpf_set_vf_mac,
	.ndo_set_vf_vlan	= ixpf_set_vf_vlan,
	.ndo_set_vf_rate	= ixpf_set_vf_rate,
	.ndo_set_vf_spoofchk	= ixpf_set_vf_spoofchk,
	.ndo_set_vf_trust	= ixpf_set_vf_trust,
	.ndo_set_vf_link_state	= ixpf_set_vf_link_state,
	.ndo_set_vf_rss_query_en = ixpf_set_vf_rss_query_en,
	.ndo_get_vf_config	= ixpf_get_vf_config,
	.ndo_get_vf_stats	= ixpf_get_vf_stats,
};

struct ixpf_adapter *ixpf_netdev_create(struct pci_dev *pdev)
{
	struct ixpf_adapter *a;
	struct net_device *nd;
	unsigned int i;

	nd = alloc_etherdev_mq(sizeof(*a), IXPF_MAX_QUEUES);
	if (!nd)
		return NULL;
	SET_NETDEV_DEV(nd, &pdev->dev);
	a = netdev_priv(nd);
	a->pdev = pdev;
	a->netdev = nd;
	mutex_init(&a->cfg_lock);
	spin_lock_init(&a->filter_lock);
	spin_lock_init(&a->stats_lock);
	INIT_DELAYED_WORK(&a->service_task, ixpf_service);
	INIT_WORK(&a->reset_task, ixpf_reset_task);
	spin_lock_init(&a->vf_lock);
	set_bit(IXPF_DOWN, a->state);
	for (i = 0; i < IXPF_MAX_QUEUES; i++) {
		u64_stats_init(&a->tx_stats[i].syncp);
		u64_stats_init(&a->rx_stats[i].syncp);
	}
	a->tx_ring_count = IXPF_DEFAULT_RING;
	a->rx_ring_count = IXPF_DEFAULT_RING;
	a->link_speed = SPEED_UNKNOWN;
	a->msg_enable = netif_msg_init(-1, NETIF_MSG_DRV | NETIF_MSG_PROBE |
				       NETIF_MSG_LINK);

	nd->netdev_ops = &ixpf_netdev_ops;
	ixpf_set_ethtool_ops(nd);
	nd->watchdog_timeo = 5 * HZ;
	nd->hw_features = NETIF_F_SG | NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM |
			  NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_RXCSUM |
			  NETIF_F_RXHASH | NETIF_F_HW_VLAN_CTAG_TX |
			  NETIF_F_HW_VLAN_CTAG_RX | NETIF_F_HW_VLAN_CTAG_FILTER;
	nd->features = nd->hw_features | NETIF_F_HIGHDMA;
	nd->vlan_features = NETIF_F_SG | NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM |
			    NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_HIGHDMA;
	nd->priv_flags |= IFF_UNICAST_FLT;
	nd->min_mtu = ETH_MIN_MTU;
	nd->max_mtu = IXPF_MAX_MTU;
	return a;
}
