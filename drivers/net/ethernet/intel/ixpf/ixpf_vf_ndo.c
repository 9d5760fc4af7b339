// SPDX-License-Identifier: GPL-2.0
/*
 * ixpf: `ip link set <pf> vf N ...` — the ndo_set_vf_* / ndo_get_vf_*
 * hooks. Each setter checks its input (bad values change nothing), stores
 * the admin configuration (kept per VF, the source of truth) and applies
 * it; the hardware is programmed even while the PF is down. Changes the
 * VF must see in its own configuration (MAC, port VLAN, trust, link
 * state) revoke what it was granted and ask it to reset
 * (ixpf_vf_revoke()), so ixgbevf resets and picks them up.
 */
#include <linux/etherdevice.h>

#include "ixpf.h"

#define IXPF_RTTBCNRC_RS_ENA	BIT(31)
#define IXPF_RTTBCNRC_RF_SHIFT	14
#define IXPF_RTTBCNRC_RF_MASK	0x0FFFFFFF
#define IXPF_RTTBCNRM_MMW	0x4	/* rate-limiter memory window, 82599 */

/* A refused setting: @err back to netlink, and one rate-limited line. */
__printf(4, 5)
static int ixpf_ndo_refuse(struct ixpf_adapter *a, int idx, int err,
			   const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	if (!net_ratelimit())
		return err;
	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	netdev_warn(a->netdev, "VF %d: %pV refused (%d)\n", idx, &vaf, err);
	va_end(args);
	return err;
}

/*
 * The VF behind @idx, NULL if there is none; vf_lock is taken either way
 * and ixpf_vf_put() drops it.
 */
static struct ixpf_vf *ixpf_vf_get(struct ixpf_adapter *a, int idx)
	__acquires(&a->vf_lock)
{
	spin_lock_irq(&a->vf_lock);
	if (idx >= 0 && idx < a->num_vfs)
		return &a->vfs[idx];
	if (net_ratelimit())
		netdev_warn(a->netdev, "VF %d does not exist (%u VFs)\n", idx,
			    a->num_vfs);
	return NULL;
}

static void ixpf_vf_put(struct ixpf_adapter *a)
	__releases(&a->vf_lock)
{
	spin_unlock_irq(&a->vf_lock);
}

int ixpf_set_vf_mac(struct net_device *netdev, int idx, u8 *mac)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	struct ixpf_vf *vf;

	if (!is_zero_ether_addr(mac) && !is_valid_ether_addr(mac))
		return ixpf_ndo_refuse(a, idx, -EINVAL, "MAC %pM (not unicast)",
				       mac);
	vf = ixpf_vf_get(a, idx);
	if (!vf) {
		ixpf_vf_put(a);
		return -EINVAL;
	}
	if (!is_zero_ether_addr(mac))
		ixpf_vfs_take_back_mac(a, vf, mac);
	ether_addr_copy(vf->admin.mac, mac);
	ether_addr_copy(vf->mac, mac);
	ixpf_vf_revoke(a, vf);
	ixpf_vf_put(a);
	return 0;
}

int ixpf_set_vf_vlan(struct net_device *netdev, int idx, u16 vlan,
		     u8 qos, __be16 proto)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	struct ixpf_vf *vf;

	if (vlan >= VLAN_N_VID || qos > 7)
		return ixpf_ndo_refuse(a, idx, -EINVAL, "VLAN %u qos %u", vlan,
				       qos);
	if (proto != htons(ETH_P_8021Q))
		return ixpf_ndo_refuse(a, idx, -EPROTONOSUPPORT,
				       "VLAN protocol 0x%04x (802.1Q only)",
				       ntohs(proto));
	vf = ixpf_vf_get(a, idx);
	if (!vf) {
		ixpf_vf_put(a);
		return -EINVAL;
	}
	spin_lock(&a->filter_lock);	/* irqs off: vf_lock */
	if (vf->admin.vlan)
		ixpf_vlvf_set(a, vf->admin.vlan, vf->id, false);
	if (vlan && !ixpf_vlvf_room(a, vlan, 0)) {
		/* back as it was: the entry just given up is free */
		if (vf->admin.vlan)
			ixpf_vlvf_set(a, vf->admin.vlan, vf->id, true);
		spin_unlock(&a->filter_lock);
		ixpf_vf_put(a);
		return ixpf_ndo_refuse(a, idx, -ENOSPC,
				       "VLAN %u (all %u VLAN filters in use)",
				       vlan, IX_NUM_VLVF);
	}
	spin_unlock(&a->filter_lock);
	vf->admin.vlan = vlan;
	vf->admin.qos = qos;
	ixpf_vf_revoke(a, vf);
	ixpf_vf_put(a);
	return 0;
}

/* RTTBCNRC for every Tx queue of the VF's pool: link / rate in 14.14 */
void ixpf_vf_write_rate(struct ixpf_adapter *a, struct ixpf_vf *vf)
{
	u32 rate = vf->admin.max_tx_rate, v = 0;
	unsigned int q;

	if (rate) {
		v = (SPEED_10000 / rate) << IXPF_RTTBCNRC_RF_SHIFT;
		v |= ((SPEED_10000 % rate) << IXPF_RTTBCNRC_RF_SHIFT) / rate;
		v = (v & IXPF_RTTBCNRC_RF_MASK) | IXPF_RTTBCNRC_RS_ENA;
	}
	ixpf_wr(a, IX_RTTBCNRM, IXPF_RTTBCNRM_MMW);
	for (q = vf->id * a->qpp; q < (vf->id + 1) * a->qpp; q++) {
		ixpf_wr(a, IX_RTTDQSEL, q);
		ixpf_wr(a, IX_RTTBCNRC, v);
	}
}

/* The link's speed, or the port's 10G while there is no link (PF down) */
static unsigned int ixpf_vf_rate_ceiling(struct ixpf_adapter *a)
{
	int speed = READ_ONCE(a->link_speed);

	return a->link_up && speed > 0 ? speed : SPEED_10000;
}

int ixpf_set_vf_rate(struct net_device *netdev, int idx, int min_rate,
		     int max_rate)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	struct ixpf_vf *vf;

	/* the 82599 limits, it does not guarantee; at most the link speed */
	if (min_rate)
		return ixpf_ndo_refuse(a, idx, -EINVAL,
				       "min_tx_rate %d (no guaranteed rates)",
				       min_rate);
	if (max_rate < 0 || max_rate > ixpf_vf_rate_ceiling(a) ||
	    (max_rate && max_rate <= 10))
		return ixpf_ndo_refuse(a, idx, -EINVAL,
				       "max_tx_rate %d (11..%u Mb/s or 0)",
				       max_rate, ixpf_vf_rate_ceiling(a));
	vf = ixpf_vf_get(a, idx);
	if (!vf) {
		ixpf_vf_put(a);
		return -EINVAL;
	}
	vf->admin.max_tx_rate = max_rate;
	ixpf_vf_write_rate(a, vf);
	ixpf_vf_put(a);
	return 0;
}

int ixpf_set_vf_spoofchk(struct net_device *netdev, int idx, bool on)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	struct ixpf_vf *vf = ixpf_vf_get(a, idx);

	if (!vf) {
		ixpf_vf_put(a);
		return -EINVAL;
	}
	vf->admin.spoofchk = on;
	ixpf_vf_apply_admin(a, vf);
	ixpf_vf_put(a);
	return 0;
}

int ixpf_set_vf_trust(struct net_device *netdev, int idx, bool on)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	struct ixpf_vf *vf = ixpf_vf_get(a, idx);

	if (!vf) {
		ixpf_vf_put(a);
		return -EINVAL;
	}
	if (vf->admin.trusted != on) {
		vf->admin.trusted = on;
		/* what it was granted under the old trust goes now */
		ixpf_vf_revoke(a, vf);
	}
	ixpf_vf_put(a);
	return 0;
}

int ixpf_set_vf_link_state(struct net_device *netdev, int idx,
			   int state)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	struct ixpf_vf *vf;

	if (state != IFLA_VF_LINK_STATE_AUTO &&
	    state != IFLA_VF_LINK_STATE_ENABLE &&
	    state != IFLA_VF_LINK_STATE_DISABLE)
		return ixpf_ndo_refuse(a, idx, -EINVAL, "link state %d", state);
	vf = ixpf_vf_get(a, idx);
	if (!vf) {
		ixpf_vf_put(a);
		return -EINVAL;
	}
	vf->admin.link_state = state;
	ixpf_vf_revoke(a, vf);
	ixpf_vf_put(a);
	return 0;
}

int ixpf_set_vf_rss_query_en(struct net_device *netdev, int idx,
			     bool on)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	struct ixpf_vf *vf = ixpf_vf_get(a, idx);

	if (!vf) {
		ixpf_vf_put(a);
		return -EINVAL;
	}
	vf->admin.rss_query = on;
	ixpf_vf_put(a);
	return 0;
}

int ixpf_get_vf_config(struct net_device *netdev, int idx,
		       struct ifla_vf_info *ivi)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	struct ixpf_vf *vf = ixpf_vf_get(a, idx);

	if (!vf) {
		ixpf_vf_put(a);
		return -EINVAL;
	}
	ivi->vf = idx;
	ether_addr_copy(ivi->mac, vf->admin.mac);
	ivi->vlan = vf->admin.vlan;
	ivi->qos = vf->admin.qos;
	ivi->vlan_proto = htons(ETH_P_8021Q);
	ivi->min_tx_rate = 0;
	ivi->max_tx_rate = vf->admin.max_tx_rate;
	ivi->spoofchk = vf->admin.spoofchk;
	ivi->trusted = vf->admin.trusted;
	ivi->linkstate = vf->admin.link_state;
	ivi->rss_query_en = vf->admin.rss_query;
	ixpf_vf_put(a);
	return 0;
}

int ixpf_get_vf_stats(struct net_device *netdev, int idx,
		      struct ifla_vf_stats *st)
{
	struct ixpf_adapter *a = netdev_priv(netdev);
	struct ixpf_vf *vf = ixpf_vf_get(a, idx);
	unsigned int n;

	if (!vf) {
		ixpf_vf_put(a);
		return -EINVAL;
	}
	n = vf->id;
	/* running counters of the VF's pool (not clear-on-read) */
	st->rx_packets = ixpf_rd(a, IX_PVFGPRC(n));
	st->tx_packets = ixpf_rd(a, IX_PVFGPTC(n));
	st->rx_bytes = ixpf_rd(a, IX_PVFGORC_LSB(n)) |
		       ((u64)(ixpf_rd(a, IX_PVFGORC_MSB(n)) & 0xF) << 32);
	st->tx_bytes = ixpf_rd(a, IX_PVFGOTC_LSB(n)) |
		       ((u64)(ixpf_rd(a, IX_PVFGOTC_MSB(n)) & 0xF) << 32);
	st->multicast = ixpf_rd(a, IX_PVFMPRC(n));
	ixpf_vf_put(a);
	return 0;
}
