// SPDX-License-Identifier: GPL-2.0
/*
 * ixpf: what a VF may send — the one place that decides. Every message is
 * checked against this table before any handler sees it: the state the VF
 * must be in (reset done, and clear to send: no reset asked for since)
 * and the mailbox API it must have negotiated. The legacy
 * mailbox carries no length: words past what a VF wrote hold zeros or the
 * tail of the PF's own last reply to that VF (the PF zeroes the buffer
 * after reading and pads its replies), never other data, so handlers read
 * no further than max_words and check every value they read.
 */
#include "ixpf.h"

struct ixpf_vf_rule {
	const char *name;
	u8 min_api;		/* IX_MBX_API_* ordering by capability rank */
	bool any_state;		/* admitted before VF_RESET too */
	u8 max_words;		/* request words a handler reads, w0 included */
};

/*
 * Ranks of the API versions in the order they add capabilities (the wire
 * values are positions in upstream's enum, not an order): 1.0 < 1.1 <
 * 1.2 < 1.3 < 1.4 < 1.7. Versions ixpf refuses have no rank.
 */
static int ixpf_api_rank(unsigned int api)
{
	switch (api) {
	case IX_MBX_API_10: return 0;
	case IX_MBX_API_11: return 1;
	case IX_MBX_API_12: return 2;
	case IX_MBX_API_13: return 3;
	case IX_MBX_API_14: return 4;
	case IX_MBX_API_17: return 7;
	default: return -1;
	}
}

/*
 * 1.5 changes the mailbox protocol (the VF holds VFU while it waits) and
 * 1.6 only adds an E610 message: refused. 1.7 is granted, with a feature
 * negotiation that grants nothing (no VF IPsec); the transport serves a
 * 1.7 VF as any other (it never holds PFU while waiting for the VF).
 */
bool ixpf_vf_api_supported(unsigned int api)
{
	return ixpf_api_rank(api) >= 0;
}

#define RULE(id, n, api, any, words) \
	[id] = { .name = n, .min_api = api, .any_state = any, .max_words = words }

static const struct ixpf_vf_rule ixpf_vf_rules[] = {
	RULE(IX_MBX_VF_RESET,		"VF_RESET",		0, true,  1),
	RULE(IX_MBX_SET_MAC_ADDR,	"SET_MAC_ADDR",		0, false, 3),
	RULE(IX_MBX_SET_MULTICAST,	"SET_MULTICAST",	0, false,
	     1 + IX_MBX_MAX_MC_HASHES / 2),
	RULE(IX_MBX_SET_VLAN,		"SET_VLAN",		0, false, 2),
	RULE(IX_MBX_SET_LPE,		"SET_LPE",		0, false, 2),
	RULE(IX_MBX_SET_MACVLAN,	"SET_MACVLAN",		0, false, 3),
	RULE(IX_MBX_API_NEGOTIATE,	"API_NEGOTIATE",	0, false, 3),
	RULE(IX_MBX_GET_QUEUES,		"GET_QUEUES",		1, false, 5),
	RULE(IX_MBX_GET_RETA,		"GET_RETA",		2, false, 1),
	RULE(IX_MBX_GET_RSS_KEY,	"GET_RSS_KEY",		2, false, 1),
	RULE(IX_MBX_UPDATE_XCAST_MODE,	"UPDATE_XCAST_MODE",	2, false, 2),
	RULE(IX_MBX_GET_LINK_STATE,	"GET_LINK_STATE",	2, false, 2),
	RULE(IX_MBX_FEATURES_NEGOTIATE,	"FEATURES_NEGOTIATE",	7, false, 2),
};

/* 0: admitted. Else a negative errno and *why says what was wrong. */
int ixpf_vf_policy_check(struct ixpf_adapter *a, struct ixpf_vf *vf,
			 const u32 *msg, const char **why)
{
	unsigned int id = msg[0] & IX_MBX_ID_MASK;
	const struct ixpf_vf_rule *r;

	if (id >= ARRAY_SIZE(ixpf_vf_rules) || !ixpf_vf_rules[id].name) {
		*why = "unknown message";
		return -EOPNOTSUPP;
	}
	r = &ixpf_vf_rules[id];
	if (!r->any_state && vf->state != IXPF_VF_ACTIVE) {
		*why = "sent before VF_RESET";
		return -EPERM;
	}
	/* the PF asked for a reset (admin change, PF down): only that */
	if (!r->any_state && !vf->cts) {
		*why = "sent before the reset the PF asked for";
		return -EPERM;
	}
	if (ixpf_api_rank(vf->api) < r->min_api) {
		*why = "not in the negotiated mailbox API";
		return -EPERM;
	}
	return 0;
}
