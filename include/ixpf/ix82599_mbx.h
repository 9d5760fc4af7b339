/* SPDX-License-Identifier: GPL-2.0 */
/*
 * 82599 PF<->VF mailbox: message wire format, shared by the ixpf PF driver
 * and the test tools that speak to a VF's mailbox. The transport (VFU/PFU
 * ownership, REQ/ACK/STS bits) is in ix82599_regs.h; this file is what the
 * 16 words of PFMBMEM/VFMBMEM mean. Values are those upstream ixgbevf and
 * DPDK use on the wire (Linux ixgbe_mbx.h defines the same numbers).
 *
 * Word 0: bits 15:0 message ID, 23:16 MSGINFO, 29 CTS, 30 NACK, 31 ACK.
 * The PF answers in the request's buffer: word 0 | ACK or NACK, plus CTS
 * once the VF has completed VF_RESET (the VF_RESET reply itself has none).
 */
#ifndef IXPF_IX82599_MBX_H
#define IXPF_IX82599_MBX_H

#define IX_MBX_ID_MASK			0x0000FFFF
#define IX_MBX_INFO_SHIFT		16
#define IX_MBX_INFO_MASK		0x00FF0000
#define IX_MBX_CTS			0x20000000
#define IX_MBX_NACK			0x40000000
#define IX_MBX_ACK			0x80000000

/* VF -> PF requests */
#define IX_MBX_VF_RESET			0x01	/* reply: 4 words */
#define IX_MBX_SET_MAC_ADDR		0x02	/* w1-w2: MAC */
#define IX_MBX_SET_MULTICAST		0x03	/* INFO: count; w1..: 16-bit hashes */
#define IX_MBX_SET_VLAN			0x04	/* INFO: 1 add, 0 delete; w1: VID */
#define IX_MBX_SET_LPE			0x05	/* w1: max frame incl. CRC */
#define IX_MBX_SET_MACVLAN		0x06	/* INFO: index; w1-w2: MAC */
#define IX_MBX_API_NEGOTIATE		0x08	/* w1: IX_MBX_API_* */
#define IX_MBX_GET_QUEUES		0x09	/* reply: 5 words */
#define IX_MBX_GET_RETA			0x0A
#define IX_MBX_GET_RSS_KEY		0x0B
#define IX_MBX_UPDATE_XCAST_MODE	0x0C	/* w1: IX_MBX_XCAST_* */
#define IX_MBX_IPSEC_ADD		0x0D
#define IX_MBX_IPSEC_DEL		0x0E
#define IX_MBX_GET_LINK_STATE		0x10	/* reply w1: admin link enable */
#define IX_MBX_GET_PF_LINK_STATE	0x11
#define IX_MBX_FEATURES_NEGOTIATE	0x12	/* w1: feature bits */

/* PF -> VF */
#define IX_MBX_PF_CONTROL		0x0100	/* ping, with or without CTS */

/* API versions: the wire value is the position in upstream's enum */
#define IX_MBX_API_10			0
#define IX_MBX_API_20			1	/* Solaris; no Linux PF grants it */
#define IX_MBX_API_11			2
#define IX_MBX_API_12			3
#define IX_MBX_API_13			4
#define IX_MBX_API_14			5
#define IX_MBX_API_15			6
#define IX_MBX_API_16			7
#define IX_MBX_API_17			8

/* UPDATE_XCAST_MODE */
#define IX_MBX_XCAST_NONE		0
#define IX_MBX_XCAST_MULTI		1
#define IX_MBX_XCAST_ALLMULTI		2
#define IX_MBX_XCAST_PROMISC		3

/* FEATURES_NEGOTIATE bits */
#define IX_MBX_FEAT_IPSEC		0x1
#define IX_MBX_FEAT_ESX_MBX		0x2

/* GET_QUEUES reply words */
#define IX_MBX_Q_TX			1
#define IX_MBX_Q_RX			2
#define IX_MBX_Q_TRANS_VLAN		3
#define IX_MBX_Q_DEF_QUEUE		4

#define IX_MBX_RESET_REPLY_WORDS	4	/* w0, MAC (w1-w2), MC filter type */
#define IX_MBX_MAX_MC_HASHES		30
#define IX_MBX_MIN_FRAME		68
#define IX_MBX_MAX_FRAME		9728

#endif /* IXPF_IX82599_MBX_H */
