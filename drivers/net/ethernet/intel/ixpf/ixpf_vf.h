/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ixpf: per-VF state. A VF belongs to a guest and is not trusted: what it
 * may ask for is decided in ixpf_vf_policy.c alone, how each request is
 * carried out in ixpf_vf_msg.c, the mailbox transport is ixpf_mbx.c.
 *
 * Locking: adapter->vf_lock (a spinlock) serialises everything that reads
 * or changes a VF's state or the hardware tables VFs share (VF RAR slots,
 * VMOLR, VMVIR, VFRE/VFTE, PFVFSPOOF, the rate limiters): the mailbox
 * interrupt (which takes it with interrupts already off), the
 * ndo_set_vf_* hooks and sriov_configure (spin_lock_irq*). Nothing under
 * it sleeps. Inside it, filter_lock for VLVF/VFTA/MTA (lock order:
 * cfg_lock -> vf_lock -> filter_lock).
 */
#ifndef IXPF_VF_H
#define IXPF_VF_H

#include <linux/ratelimit.h>
#include <ixpf/ix82599_mbx.h>

#define IXPF_MAX_VFS		63	/* the PF keeps a pool of its own */
#define IXPF_VF_RAR_BASE	(IXPF_MAX_UC_RAR + 1)	/* VF n's MAC: + n */
/*
 * The RAR entries after the VFs' own (17 + 63 = 80 .. 127) are shared out
 * to VFs for SET_MACVLAN, at most IXPF_VF_MAX_MACVLAN each, first come.
 */
#define IXPF_MACVLAN_RAR_BASE	(IXPF_VF_RAR_BASE + IXPF_MAX_VFS)
#define IXPF_NUM_MACVLAN_RAR	(IX_NUM_RAR - IXPF_MACVLAN_RAR_BASE)
#define IXPF_VF_MAX_MACVLAN	4
/*
 * The 64 VLVF entries are shared by every pool. A VF may join at most
 * IXPF_VF_MAX_VLANS VLANs with SET_VLAN (VID 0 aside), and VF requests
 * never take the last IXPF_VLVF_RESERVED free entries: those are kept for
 * what the admin sets, port VLANs and the PF's own VLANs.
 */
#define IXPF_VF_MAX_VLANS	8
#define IXPF_VLVF_RESERVED	16

enum ixpf_vf_state {
	IXPF_VF_WAIT_RESET,	/* only VF_RESET is admitted */
	IXPF_VF_ACTIVE,		/* reset done: CTS, API negotiated or 1.0 */
};

/* What the host administrator set: the source of truth, replayed on reset */
struct ixpf_vf_admin {
	u8 mac[ETH_ALEN];	/* zero: the VF chooses */
	u16 vlan;		/* port VLAN, 0: none */
	u8 qos;
	bool spoofchk;
	bool trusted;
	bool rss_query;
	int link_state;		/* IFLA_VF_LINK_STATE_* */
	u32 max_tx_rate;	/* Mb/s, 0: unlimited */
};

struct ixpf_vf {
	unsigned int id;		/* also its pool */
	enum ixpf_vf_state state;
	unsigned int api;		/* IX_MBX_API_* */
	bool cts;			/* VF_RESET done, no reset asked since */
	u8 mac[ETH_ALEN];		/* in the VF's RAR slot, zero: none */
	u16 mc_hash[IX_MBX_MAX_MC_HASHES];
	unsigned int mc_count;
	unsigned int max_frame;		/* SET_LPE */
	unsigned int xcast;		/* IX_MBX_XCAST_* in force */
	unsigned int macvlan_count;	/* shared RAR entries it holds */
	unsigned int vlan_count;	/* VLANs joined with SET_VLAN, VID 0 aside */
	struct ixpf_vf_admin admin;
	struct ratelimit_state log_rs;	/* refusals are logged at this pace */
};

/* ixpf_sriov.c */
int ixpf_sriov_configure(struct pci_dev *pdev, int num_vfs);
void ixpf_sriov_remove(struct ixpf_adapter *a);
void ixpf_vt_configure(struct ixpf_adapter *a);	/* after every MAC reset */
void ixpf_vt_relayout(struct ixpf_adapter *a, unsigned int num_vfs);
void ixpf_vt_reset_done(struct ixpf_adapter *a);

/* ixpf_mbx.c */
int ixpf_mbx_read(struct ixpf_adapter *a, unsigned int vf, u32 *msg);
int ixpf_mbx_write(struct ixpf_adapter *a, unsigned int vf, const u32 *msg,
		   unsigned int words);
void ixpf_mbx_scrub(struct ixpf_adapter *a, unsigned int vf);
void ixpf_mbx_irq(struct ixpf_adapter *a);	/* hard IRQ context */
void ixpf_mbx_ping_all(struct ixpf_adapter *a);

/* ixpf_vf_policy.c */
int ixpf_vf_policy_check(struct ixpf_adapter *a, struct ixpf_vf *vf,
			 const u32 *msg, const char **why);
bool ixpf_vf_api_supported(unsigned int api);

/* ixpf_vf_msg.c */
void ixpf_vf_handle_msg(struct ixpf_adapter *a, struct ixpf_vf *vf, u32 *msg);
void ixpf_vf_reset(struct ixpf_adapter *a, struct ixpf_vf *vf);
void ixpf_vf_revoke(struct ixpf_adapter *a, struct ixpf_vf *vf);
void ixpf_vfs_take_back_mac(struct ixpf_adapter *a, struct ixpf_vf *vf,
			    const u8 *mac);
void ixpf_vf_apply_admin(struct ixpf_adapter *a, struct ixpf_vf *vf);
void ixpf_vf_write_rate(struct ixpf_adapter *a, struct ixpf_vf *vf);
void ixpf_vfs_pf_down(struct ixpf_adapter *a);
unsigned int ixpf_vfs_max_frame(struct ixpf_adapter *a);
int ixpf_vlvf_set(struct ixpf_adapter *a, u16 vid, unsigned int pool, bool on);
bool ixpf_vlvf_room(struct ixpf_adapter *a, u16 vid, unsigned int keep_free);

/* ixpf_vf_ndo.c: ip link set <pf> vf N ... */
int ixpf_set_vf_mac(struct net_device *netdev, int idx, u8 *mac);
int ixpf_set_vf_vlan(struct net_device *netdev, int idx, u16 vlan, u8 qos,
		     __be16 proto);
int ixpf_set_vf_rate(struct net_device *netdev, int idx, int min_rate,
		     int max_rate);
int ixpf_set_vf_spoofchk(struct net_device *netdev, int idx, bool on);
int ixpf_set_vf_trust(struct net_device *netdev, int idx, bool on);
int ixpf_set_vf_link_state(struct net_device *netdev, int idx, int state);
int ixpf_set_vf_rss_query_en(struct net_device *netdev, int idx, bool on);
int ixpf_get_vf_config(struct net_device *netdev, int idx,
		       struct ifla_vf_info *ivi);
int ixpf_get_vf_stats(struct net_device *netdev, int idx,
		      struct ifla_vf_stats *st);

/* A refused request: one rate-limited line per VF */
__printf(3, 4)
void ixpf_vf_refuse(struct ixpf_adapter *a, struct ixpf_vf *vf,
		    const char *fmt, ...);

#endif /* IXPF_VF_H */
