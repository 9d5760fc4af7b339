/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Intel 82599 register map: offsets and fields shared by the ixpf driver,
 * the QEMU behavioural model and the test tools.
 *
 * Offsets are PF BAR0 byte offsets. Only integer constants, macros over
 * integers and static inline functions of unsigned int (where a macro would
 * evaluate its argument twice): this file is compiled both in the kernel
 * and in QEMU.
 */
#ifndef IXPF_IX82599_REGS_H
#define IXPF_IX82599_REGS_H

#define IX_PCI_VENDOR_INTEL		0x8086
#define IX_PCI_DEVICE_82599_KX4		0x10F7
#define IX_PCI_DEVICE_82599_VF		0x10ED

#define IX_BAR0_SIZE			0x20000	/* 128 KiB of registers */
#define IX_MSIX_BAR_SIZE		0x4000
#define IX_MSIX_VECTORS			64
#define IX_NUM_QUEUES			128
#define IX_NUM_RAR			128
#define IX_NUM_MTA			128	/* 4096-bit hash table */
#define IX_NUM_VFTA			128	/* 4096 VLAN IDs */
#define IX_NUM_VLVF			64
#define IX_NUM_POOLS			64

/* General control and status */
#define IX_CTRL				0x00000
#define  IX_CTRL_GIO_DIS		0x00000004
#define  IX_CTRL_LNK_RST		0x00000008
#define  IX_CTRL_RST			0x04000000
#define IX_STATUS			0x00008
#define  IX_STATUS_LAN_ID		0x0000000C
#define  IX_STATUS_LINK_UP		0x00000080
#define  IX_STATUS_GIO			0x00080000
#define IX_CTRL_EXT			0x00018
#define  IX_CTRL_EXT_PFRSTD		0x00004000
#define  IX_CTRL_EXT_NS_DIS		0x00010000
#define  IX_CTRL_EXT_DRV_LOAD		0x10000000
#define IX_ESDP				0x00020
#define IX_I2CCTL			0x00028
#define IX_FRTIMER			0x00048
#define IX_TCPTIMER			0x0004C
#define IX_LEDCTL			0x00200
#define IX_EXVET			0x05078

/* EEPROM / flash / firmware interface */
#define IX_EEC				0x10010
#define  IX_EEC_PRES			0x00000100
#define  IX_EEC_ARD			0x00000200
#define  IX_EEC_SIZE_SHIFT		11
#define  IX_EEC_SIZE_MASK		0x00007800
#define IX_EERD				0x10014
#define  IX_EERD_START			0x00000001
#define  IX_EERD_DONE			0x00000002
#define  IX_EERD_ADDR_SHIFT		2
#define  IX_EERD_DATA_SHIFT		16
#define IX_EEWR				0x10018
#define IX_FLA				0x1001C
#define IX_EEMNGCTL			0x10110
#define IX_GRC				0x10200
#define IX_SWSM				0x10140
#define  IX_SWSM_SMBI			0x00000001
#define  IX_SWSM_SWESMBI		0x00000002
#define IX_FWSM				0x10148
#define  IX_FWSM_FW_VAL			0x00008000
#define IX_FACTPS			0x10150
#define IX_GSSR				0x10160	/* SW_FW_SYNC */
#define IX_GCR				0x11000
#define IX_GCR_EXT			0x11050
#define  IX_GCR_EXT_VT_MODE_MASK	0x00000003	/* 1: 16, 2: 32, 3: 64 pools */
#define  IX_GCR_EXT_MSIX_EN		0x80000000
#define IX_PBACL			0x11068
#define IX_DCA_CTRL			0x11074
/* Manageability host interface: HICR.EN clear = no firmware behind it */
#define IX_HICR				0x15F00
#define  IX_HICR_EN			0x00000001
#define IX_FWSTS			0x15F0C
#define  IX_FWSTS_FWRI			0x00000200
#define IX_ECC_CTRL_0			0x11100
#define IX_ECC_CTRL_1			0x11104

/* EEPROM image words (16-bit word addresses) */
#define IX_EE_CTRL_WORD_1		0x00
#define IX_EE_PTR_FIRST			0x03	/* section pointers 0x03..0x0E */
#define IX_EE_PTR_END			0x0F	/* FW_PTR, not checksummed */
#define IX_EE_PBA_0			0x15
#define IX_EE_PBA_1			0x16
#define IX_EE_OROM_PTR			0x17
#define IX_EE_OEM_PROD_PTR		0x1B
#define IX_EE_SAN_MAC_PTR		0x28
#define IX_EE_DEVICE_CAPS		0x2C
#define IX_EE_ETRACK_LO			0x2D
#define IX_EE_ETRACK_HI			0x2E
#define IX_EE_CHECKSUM			0x3F
#define IX_EE_CHECKSUM_BASE		0xBABA

/* Interrupts */
#define IX_EICR				0x00800
#define IX_EICS				0x00808
#define IX_EIAC				0x00810
#define IX_EITR_LO(i)			(0x00820 + 4 * (i))	/* i < 24 */
#define IX_EITR_HI(i)			(0x12300 + 4 * ((i) - 24))
static inline unsigned int ix_eitr(unsigned int i)
{
	return i < 24 ? IX_EITR_LO(i) : IX_EITR_HI(i);
}

#define IX_EITR(i)			ix_eitr(i)
#define IX_EIMS				0x00880
#define IX_EIMC				0x00888
#define IX_EIAM				0x00890
#define IX_EITRSEL			0x00894
#define IX_GPIE				0x00898
#define  IX_GPIE_MSIX_MODE		0x00000010
#define  IX_GPIE_OCD			0x00000020
#define  IX_GPIE_EIMEN			0x00000040
#define  IX_GPIE_VTMODE_MASK		0x0000C000
#define  IX_GPIE_VTMODE_32		0x00008000	/* 32 pools x 4 queues */
#define  IX_GPIE_VTMODE_64		0x0000C000	/* 64 pools x 2 queues */
#define  IX_GPIE_EIAME			0x40000000
#define  IX_GPIE_PBA_SUPPORT		0x80000000
#define IX_IVAR(i)			(0x00900 + 4 * (i))	/* 64 */
#define  IX_IVAR_VALID			0x80
#define IX_IVAR_MISC			0x00A00
#define IX_EICS_EX(i)			(0x00A90 + 4 * (i))	/* 2 */
#define IX_EIMS_EX(i)			(0x00AA0 + 4 * (i))
#define IX_EIMC_EX(i)			(0x00AB0 + 4 * (i))
#define IX_EIAM_EX(i)			(0x00AD0 + 4 * (i))
#define IX_EICR_RTX_QUEUE		0x0000FFFF
#define IX_EICR_FLOW_DIR		0x00010000
#define IX_EICR_RX_MISS			0x00020000
#define IX_EICR_PCI			0x00040000
#define IX_EICR_MAILBOX			0x00080000
#define IX_EICR_LSC			0x00100000
#define IX_EICR_TCP_TIMER		0x40000000
#define IX_EICR_OTHER			0x80000000
#define IX_EICR_OTHER_CAUSES		0x7FFF0000

/* Mailbox and VF events (the SR-IOV issue fills in the semantics) */
#define IX_VFLRE(i)			((i) ? 0x001C0 : 0x00600)
#define IX_VFLREC(i)			(0x00700 + 4 * (i))
#define IX_MBVFICR(i)			(0x00710 + 4 * (i))
#define IX_PFMBIMR(i)			(0x00720 + 4 * (i))
#define IX_PFMAILBOX(vf)		(0x04B00 + 4 * (vf))
#define  IX_PFMAILBOX_STS		0x00000001	/* message for the VF */
#define  IX_PFMAILBOX_ACK		0x00000002	/* VF message consumed */
#define  IX_PFMAILBOX_VFU		0x00000004	/* VF owns the buffer */
#define  IX_PFMAILBOX_PFU		0x00000008	/* PF owns the buffer */
#define  IX_PFMAILBOX_RVFU		0x00000010	/* reset VFU */
#define IX_PFMBMEM(vf)			(0x13000 + 64 * (vf))
#define IX_MBX_WORDS			16

/* VF BAR0 (16 KiB) as each VF function sees it */
#define IX_VF_BAR0_SIZE			0x4000
#define IX_VF_MSIX_VECTORS		3
#define IX_VFCTRL			0x00000
#define  IX_VFCTRL_RST			0x04000000
#define IX_VFSTATUS			0x00008
#define IX_VFLINKS			0x00010
#define IX_VFFRTIMER			0x00048
#define IX_VTEICR			0x00100
#define IX_VTEICS			0x00104
#define IX_VTEIMS			0x00108
#define IX_VTEIMC			0x0010C
#define IX_VTEIAC			0x00110
#define IX_VTEIAM			0x00114
#define IX_VTIVAR(i)			(0x00120 + 4 * (i))	/* 4 */
#define IX_VTIVAR_MISC			0x00140
#define IX_VTRSCINT(i)			(0x00180 + 4 * (i))
#define IX_VFMBMEM			0x00200
#define IX_VFMAILBOX			0x002FC
#define  IX_VFMAILBOX_REQ		0x00000001
#define  IX_VFMAILBOX_ACK		0x00000002
#define  IX_VFMAILBOX_VFU		0x00000004
#define  IX_VFMAILBOX_PFU		0x00000008
#define  IX_VFMAILBOX_PFSTS		0x00000010
#define  IX_VFMAILBOX_PFACK		0x00000020
#define  IX_VFMAILBOX_RSTI		0x00000040
#define  IX_VFMAILBOX_RSTD		0x00000080
#define  IX_VFMAILBOX_R2C		(IX_VFMAILBOX_PFSTS | \
					 IX_VFMAILBOX_PFACK | IX_VFMAILBOX_RSTD)
#define IX_VFPSRTYPE			0x00300
#define IX_VTEITR(i)			(0x00820 + 4 * (i))	/* 3 */
#define IX_VFRXQ(q)			(0x01000 + 0x40 * (q))	/* q < 8 */
#define IX_VFTXQ(q)			(0x02000 + 0x40 * (q))
#define IX_VFGPRC			0x0101C
#define IX_VFGORC_LSB			0x01020
#define IX_VFGORC_MSB			0x01024
#define IX_VFMPRC			0x01034
#define IX_VFGPTC			0x0201C
#define IX_VFGOTC_LSB			0x02020
#define IX_VFGOTC_MSB			0x02024

/* Per-VF statistics in the PF's BAR (running counters, not clear-on-read) */
#define IX_PVFGPRC(v)			(0x0101C + 0x40 * (v))
#define IX_PVFGORC_LSB(v)		(0x01020 + 0x40 * (v))
#define IX_PVFGORC_MSB(v)		(0x0D020 + 0x40 * (v))
#define IX_PVFMPRC(v)			(0x0D01C + 0x40 * (v))
#define IX_PVFGPTC(v)			(0x08300 + 4 * (v))
#define IX_PVFGOTC_LSB(v)		(0x08400 + 8 * (v))
#define IX_PVFGOTC_MSB(v)		(0x08404 + 8 * (v))

/* MAC, PHY interface and link */
#define IX_PCS1GCFIG			0x04200
#define IX_PCS1GLCTL			0x04208
#define IX_PCS1GLSTA			0x0420C
#define IX_PCS1GANA			0x04218
#define IX_HLREG0			0x04240
#define  IX_HLREG0_TXCRCEN		0x00000001
#define  IX_HLREG0_RXCRCSTRP		0x00000002
#define  IX_HLREG0_JUMBOEN		0x00000004
#define  IX_HLREG0_TXPADEN		0x00000400
#define  IX_HLREG0_LPBK			0x00008000
#define IX_HLREG1			0x04244
#define IX_PAP				0x04248
#define IX_MACA				0x0424C
#define IX_APAE				0x04250
#define IX_ARD				0x04254
#define IX_AIS				0x04258
#define IX_MSCA				0x0425C
#define  IX_MSCA_MDI_COMMAND		0x40000000
#define  IX_MSCA_OP_MASK		0x0C000000
#define  IX_MSCA_OP_READ		0x0C000000
#define IX_MSRWD			0x04260
#define IX_MLADD			0x04264
#define IX_MAXFRS			0x04268
#define  IX_MAXFRS_MFS_SHIFT		16
#define IX_TREG				0x0426C
#define IX_PCSS1			0x04288
#define IX_PCSS2			0x0428C
#define IX_XPCSS			0x04290
#define IX_MFLCN			0x04294
#define IX_SERDESC			0x04298
#define IX_MACS				0x0429C
#define IX_AUTOC			0x042A0
#define  IX_AUTOC_FLU			0x00000001
#define  IX_AUTOC_AN_RESTART		0x00001000
#define  IX_AUTOC_LMS_SHIFT		13
#define  IX_AUTOC_LMS_KX4_KX_KR		(0x4 << IX_AUTOC_LMS_SHIFT)
#define  IX_AUTOC_KX_SUPP		0x40000000
#define  IX_AUTOC_KX4_SUPP		0x80000000
#define IX_LINKS			0x042A4
#define  IX_LINKS_UP			0x40000000
#define  IX_LINKS_SPEED_10G		0x30000000
#define  IX_LINKS_KX_AN_COMP		0x80000000
#define IX_AUTOC2			0x042A8
#define IX_AUTOC3			0x042AC
#define IX_ANLP1			0x042B0
#define  IX_ANLP1_AN_STATE_SHIFT	16
#define IX_ANLP2			0x042B4
#define IX_MMNGC			0x042D0
#define IX_ANLPNP1			0x042D4
#define IX_ANLPNP2			0x042D8
#define IX_KRPCSFC			0x042E0
#define IX_KRPCSS			0x042E4
#define IX_FECS1			0x042E8
#define IX_FECS2			0x042EC
#define IX_LINKS2			0x04324

/* Flow control */
#define IX_FCTTV(i)			(0x03200 + 4 * (i))	/* 4 */
#define IX_FCRTL(i)			(0x03220 + 4 * (i))	/* 8 */
#define IX_FCRTH(i)			(0x03260 + 4 * (i))	/* 8 */
#define IX_FCRTV			0x032A0
#define IX_FCCFG			0x03D00
#define IX_TFCS				0x0CE00

/* Receive */
static inline unsigned int ix_rxq_base(unsigned int q)
{
	return q < 64 ? 0x01000 + 0x40 * q : 0x0D000 + 0x40 * (q - 64);
}

#define IX_RXQ_BASE(q)			ix_rxq_base(q)
#define IX_RDBAL(q)			(IX_RXQ_BASE(q) + 0x00)
#define IX_RDBAH(q)			(IX_RXQ_BASE(q) + 0x04)
#define IX_RDLEN(q)			(IX_RXQ_BASE(q) + 0x08)
#define IX_DCA_RXCTRL(q)		(IX_RXQ_BASE(q) + 0x0C)
#define IX_RDH(q)			(IX_RXQ_BASE(q) + 0x10)
#define IX_SRRCTL(q)			(IX_RXQ_BASE(q) + 0x14)
#define IX_RDT(q)			(IX_RXQ_BASE(q) + 0x18)
#define IX_RXDCTL(q)			(IX_RXQ_BASE(q) + 0x28)
#define IX_RSCCTL(q)			(IX_RXQ_BASE(q) + 0x2C)
#define IX_QPRC(i)			(0x01030 + 0x40 * (i))	/* 16 */
#define IX_QBRC_L(i)			(0x01034 + 0x40 * (i))
#define IX_QBRC_H(i)			(0x01038 + 0x40 * (i))
#define IX_QPRDC(i)			(0x01430 + 0x40 * (i))
#define IX_SRRCTL_LEGACY(q)		(0x02100 + 4 * (q))	/* q < 16 */
#define IX_DCA_RXCTRL_LEGACY(q)		(0x02200 + 4 * (q))	/* q < 16 */
#define  IX_SRRCTL_BSIZEPKT_MASK	0x0000001F
#define  IX_SRRCTL_BSIZEHDR_MASK	0x00003F00
#define  IX_SRRCTL_DESCTYPE_MASK	0x0E000000
#define  IX_SRRCTL_DESCTYPE_ADV_ONEBUF	0x02000000
#define  IX_SRRCTL_DROP_EN		0x10000000
#define  IX_RXDCTL_ENABLE		0x02000000
#define  IX_RXDCTL_SWFLSH		0x04000000
#define  IX_RXDCTL_VME			0x40000000
#define IX_RQSMR(i)			(0x02300 + 4 * (i))	/* 32 */
#define IX_RXDSTATCTRL			0x02F40
#define IX_RSCDBU			0x03028
#define IX_RDRXCTL			0x02F00
#define  IX_RDRXCTL_CRCSTRIP		0x00000002
#define  IX_RDRXCTL_DMAIDONE		0x00000008
#define IX_QDE				0x02F04	/* indexed SRRCTL.DROP_EN */
#define  IX_QDE_ENABLE			0x00000001
#define  IX_QDE_IDX_SHIFT		8
#define  IX_QDE_WRITE			0x00010000
#define IX_RXCTRL			0x03000
#define  IX_RXCTRL_RXEN			0x00000001
#define IX_PFCTOP			0x03008
#define IX_RTRUP2TC			0x03020
#define IX_RXPBSIZE(i)			(0x03C00 + 4 * (i))	/* 8 */
#define IX_DROPEN			0x03D04
#define IX_RXCSUM			0x05000
#define  IX_RXCSUM_IPPCSE		0x00001000
#define  IX_RXCSUM_PCSD			0x00002000
#define IX_RFCTL			0x05008
#define IX_FCTRL			0x05080
#define  IX_FCTRL_SBP			0x00000002
#define  IX_FCTRL_MPE			0x00000100
#define  IX_FCTRL_UPE			0x00000200
#define  IX_FCTRL_BAM			0x00000400
#define IX_VLNCTRL			0x05088
#define  IX_VLNCTRL_VET_MASK		0x0000FFFF
#define  IX_VLNCTRL_VFE			0x40000000
#define IX_MCSTCTRL			0x05090
#define  IX_MCSTCTRL_MO_MASK		0x00000003
#define  IX_MCSTCTRL_MFE		0x00000004
#define IX_ETQF(i)			(0x05128 + 4 * (i))	/* 8 */
#define IX_MTA(i)			(0x05200 + 4 * (i))
#define IX_RAL_LEGACY(n)		(0x05400 + 8 * (n))	/* n < 16 */
#define IX_RAH_LEGACY(n)		(0x05404 + 8 * (n))
#define IX_PSRTYPE_LO(p)		(0x05480 + 4 * (p))	/* p < 16 */
#define IX_PSRTYPE_HI(p)		(0x0EA00 + 4 * (p))
static inline unsigned int ix_psrtype(unsigned int p)
{
	return p < 16 ? IX_PSRTYPE_LO(p) : IX_PSRTYPE_HI(p);
}

#define IX_PSRTYPE(p)			ix_psrtype(p)
#define IX_VT_CTL			0x051B0
#define  IX_VT_CTL_VT_ENABLE		0x00000001
#define  IX_VT_CTL_POOL_SHIFT		7
#define  IX_VT_CTL_POOL_MASK		(0x3F << IX_VT_CTL_POOL_SHIFT)
#define  IX_VT_CTL_DIS_DEFPL		0x20000000
#define  IX_VT_CTL_REPLEN		0x40000000
#define IX_VFRE(i)			(0x051E0 + 4 * (i))
#define IX_WUC				0x05800
#define IX_WUFC				0x05808
#define IX_WUS				0x05810
#define IX_MRQC				0x05818
#define  IX_MRQC_MRQE_MASK		0x0000000F
#define  IX_MRQC_RSSEN			0x00000001
#define  IX_MRQC_VMDQ_RSS_32		0x0000000A	/* 32 pools with RSS */
#define  IX_MRQC_VMDQ_RSS_64		0x0000000B	/* 64 pools with RSS */
#define  IX_MRQC_RSS_IPV4_TCP		0x00010000
#define  IX_MRQC_RSS_IPV4		0x00020000
#define  IX_MRQC_RSS_IPV6_TCP		0x00200000
#define  IX_MRQC_RSS_IPV6		0x00100000
#define  IX_MRQC_RSS_IPV4_UDP		0x00400000
#define  IX_MRQC_RSS_IPV6_UDP		0x00800000
#define IX_MANC				0x05820
#define IX_MFVAL			0x05824
#define IX_MANC2H			0x05860
#define IX_IPAV				0x05838
#define IX_IP4AT(i)			(0x05840 + 8 * (i))
#define IX_IP6AT(i)			(0x05880 + 4 * (i))
#define IX_MDEF(i)			(0x05890 + 4 * (i))
#define IX_MDEF_EXT(i)			(0x05160 + 4 * (i))
#define IX_IMIR(i)			(0x05A80 + 4 * (i))
#define IX_IMIREXT(i)			(0x05AA0 + 4 * (i))
#define IX_IMIRVP			0x05AC0
#define IX_RETA(i)			(0x05C00 + 4 * (i))	/* 32 */
#define IX_RSSRK(i)			(0x05C80 + 4 * (i))	/* 10 */
#define IX_VFTA(i)			(0x0A000 + 4 * (i))
#define IX_RAL(n)			(0x0A200 + 8 * (n))
#define IX_RAH(n)			(0x0A204 + 8 * (n))
#define  IX_RAH_AV			0x80000000
#define IX_MPSAR_LO(n)			(0x0A600 + 8 * (n))
#define IX_MPSAR_HI(n)			(0x0A604 + 8 * (n))
#define IX_SAQF(i)			(0x0E000 + 4 * (i))
#define IX_DAQF(i)			(0x0E200 + 4 * (i))
#define IX_SDPQF(i)			(0x0E400 + 4 * (i))
#define IX_FTQF(i)			(0x0E600 + 4 * (i))
#define IX_L34T_IMIR(i)			(0x0E800 + 4 * (i))
#define IX_ETQS(i)			(0x0EC00 + 4 * (i))
#define IX_SYNQF			0x0EC30
#define IX_RQTC				0x0EC70
#define IX_LLITHRESH			0x0EC90
#define IX_VMOLR(p)			(0x0F000 + 4 * (p))
#define  IX_VMOLR_AUPE			0x01000000	/* accept untagged */
#define  IX_VMOLR_ROMPE			0x02000000	/* accept MTA hits */
#define  IX_VMOLR_ROPE			0x04000000	/* accept UTA hits */
#define  IX_VMOLR_BAM			0x08000000	/* accept broadcast */
#define  IX_VMOLR_MPE			0x10000000	/* all multicast */
#define IX_VLVF(i)			(0x0F100 + 4 * (i))
#define  IX_VLVF_VIEN			0x80000000
#define  IX_VLVF_VID_MASK		0x00000FFF
#define IX_VLVFB(i)			(0x0F200 + 4 * (i))
#define IX_UTA(i)			(0x0F400 + 4 * (i))
#define IX_MRCTL(i)			(0x0F600 + 4 * (i))
#define IX_VMRVLAN(i)			(0x0F610 + 4 * (i))
#define IX_VMRVM(i)			(0x0F630 + 4 * (i))

/* Flow director (ATR); only "store and report INIT_DONE" is modelled */
#define IX_FDIRCTRL			0x0EE00
#define  IX_FDIRCTRL_INIT_DONE		0x00000008
#define IX_FDIRHKEY			0x0EE68
#define IX_FDIRSKEY			0x0EE6C
#define IX_FDIRCMD			0x0EE2C
#define  IX_FDIRCMD_CMD_MASK		0x00000003

/* Transmit */
#define IX_DMATXCTL			0x04A80
#define  IX_DMATXCTL_TE			0x00000001
#define IX_DTXTCPFLGL			0x04A88
#define IX_DTXTCPFLGH			0x04A8C
#define IX_TXQ_BASE(q)			(0x06000 + 0x40 * (q))
#define IX_TDBAL(q)			(IX_TXQ_BASE(q) + 0x00)
#define IX_TDBAH(q)			(IX_TXQ_BASE(q) + 0x04)
#define IX_TDLEN(q)			(IX_TXQ_BASE(q) + 0x08)
#define IX_DCA_TXCTRL(q)		(IX_TXQ_BASE(q) + 0x0C)
#define IX_TDH(q)			(IX_TXQ_BASE(q) + 0x10)
#define IX_TDT(q)			(IX_TXQ_BASE(q) + 0x18)
#define IX_TXDCTL(q)			(IX_TXQ_BASE(q) + 0x28)
#define IX_TDWBAL(q)			(IX_TXQ_BASE(q) + 0x38)
#define IX_TDWBAH(q)			(IX_TXQ_BASE(q) + 0x3C)
#define  IX_TXDCTL_ENABLE		0x02000000
#define  IX_TXDCTL_SWFLSH		0x04000000
#define  IX_TDWBAL_HEAD_WB_EN		0x00000001
#define IX_QPTC(i)			(0x06030 + 0x40 * (i))	/* 16 */
#define IX_DTXCTL			0x07E00
#define IX_VMVIR(p)			(0x08000 + 4 * (p))
#define  IX_VMVIR_VLANA_MASK		0xC0000000
#define  IX_VMVIR_VLANA_DEFAULT		0x40000000	/* always insert */
#define  IX_VMVIR_VLANA_NEVER		0x80000000
#define IX_DTXMXSZRQ			0x08100
#define IX_VFTE(i)			(0x08110 + 4 * (i))
#define IX_MTQC				0x08120
#define  IX_MTQC_VT_ENA			0x00000002
#define  IX_MTQC_32VF			0x00000008	/* 4 Tx queues per pool */
#define  IX_MTQC_64VF			0x00000004	/* 2 Tx queues per pool */
#define IX_PFVFSPOOF(i)			(0x08200 + 4 * (i))
#define IX_PFDTXGSWC			0x08220
#define  IX_PFDTXGSWC_VT_LBEN		0x00000001
#define IX_TQSM(i)			(0x08600 + 4 * (i))	/* 32 */
#define IX_QBTC_L(i)			(0x08700 + 8 * (i))
#define IX_QBTC_H(i)			(0x08704 + 8 * (i))
#define IX_SSVPC			0x08780
#define IX_VMECM(i)			(0x08790 + 4 * (i))
#define IX_TXDGPC			0x087A0
#define IX_TXDGBCL			0x087A4
#define IX_TXDGBCH			0x087A8
#define IX_SECTXCTRL			0x08800
#define IX_SECTXSTAT			0x08804
#define  IX_SECTXSTAT_RDY		0x00000001
#define  IX_SECTXSTAT_OFF_DIS		0x00000002
#define IX_SECTXBUFFAF			0x08808
#define IX_SECTXMINIFG			0x08810
#define IX_SECRXCTRL			0x08D00
#define  IX_SECRXCTRL_RX_DIS		0x00000002
#define IX_SECRXSTAT			0x08D04
#define  IX_SECRXSTAT_RDY		0x00000001
#define  IX_SECRXSTAT_OFF_DIS		0x00000002
#define IX_TIPG				0x0CB00
#define IX_TXPBSIZE(i)			(0x0CC00 + 4 * (i))	/* 8 */
#define IX_MNGTXMAP			0x0CD10
#define IX_TXPBTHRESH(i)		(0x04950 + 4 * (i))	/* 8 */

/* DCB arbiters and the Tx rate limiter */
#define IX_RTRPCS			0x02430
#define IX_RTRPT4C(i)			(0x02140 + 4 * (i))
#define IX_RTRPT4S(i)			(0x02160 + 4 * (i))
#define IX_RTTDCS			0x04900
#define  IX_RTTDCS_ARBDIS		0x00000040
#define IX_RTTDQSEL			0x04904
#define IX_RTTDT1C			0x04908
#define IX_RTTDT1S			0x0490C
#define IX_RTTDT2C(i)			(0x04910 + 4 * (i))
#define IX_RTTDT2S(i)			(0x04930 + 4 * (i))
#define IX_RTTBCNRM			0x04980
#define IX_RTTBCNRC			0x04984
#define IX_RTTDTECC			0x04990
#define IX_RTTUP2TC			0x0C800
#define IX_RTTPCS			0x0CD00
#define IX_RTTPT2C(i)			(0x0CD20 + 4 * (i))
#define IX_RTTPT2S(i)			(0x0CD40 + 4 * (i))

/* IEEE 1588 */
#define IX_TSYNCRXCTL			0x05188
#define IX_RXSTMPL			0x051E8
#define IX_RXSTMPH			0x051A4
#define IX_RXSATRL			0x051A0
#define IX_RXSATRH			0x051A8
#define IX_RXMTRL			0x05120
#define IX_TSYNCTXCTL			0x08C00
#define IX_TXSTMPL			0x08C04
#define IX_TXSTMPH			0x08C08
#define IX_SYSTIML			0x08C0C
#define IX_SYSTIMH			0x08C10
#define IX_TIMINCA			0x08C14
#define IX_TIMADJL			0x08C18
#define IX_TIMADJH			0x08C1C
#define IX_TSAUXC			0x08C20
#define IX_TRGTTIML0			0x08C24
#define IX_AUXSTMPH1			0x08C48

/* Statistics (clear on read unless noted) */
#define IX_PXONTXC(i)			(0x03F00 + 4 * (i))
#define IX_PXOFFTXC(i)			(0x03F20 + 4 * (i))
#define IX_LXONTXC			0x03F60
#define IX_LXOFFTXC			0x03F68
#define IX_MPC(i)			(0x03FA0 + 4 * (i))
#define IX_RNBC(i)			(0x03FC0 + 4 * (i))
#define IX_CRCERRS			0x04000
#define IX_ILLERRC			0x04004
#define IX_ERRBC			0x04008
#define IX_MSPDC			0x04010
#define IX_MLFC				0x04034
#define IX_MRFC				0x04038
#define IX_RLEC				0x04040
#define IX_PRC64			0x0405C
#define IX_PRC127			0x04060
#define IX_PRC255			0x04064
#define IX_PRC511			0x04068
#define IX_PRC1023			0x0406C
#define IX_PRC1522			0x04070
#define IX_GPRC				0x04074
#define IX_BPRC				0x04078
#define IX_MPRC				0x0407C
#define IX_GPTC				0x04080
#define IX_GORCL			0x04088
#define IX_GORCH			0x0408C
#define IX_GOTCL			0x04090
#define IX_GOTCH			0x04094
#define IX_RUC				0x040A4
#define IX_RFC				0x040A8
#define IX_ROC				0x040AC
#define IX_RJC				0x040B0
#define IX_MNGPRC			0x040B4
#define IX_MNGPDC			0x040B8
#define IX_TORL				0x040C0
#define IX_TORH				0x040C4
#define IX_TPR				0x040D0
#define IX_TPT				0x040D4
#define IX_PTC64			0x040D8
#define IX_PTC127			0x040DC
#define IX_PTC255			0x040E0
#define IX_PTC511			0x040E4
#define IX_PTC1023			0x040E8
#define IX_PTC1522			0x040EC
#define IX_MPTC				0x040F0
#define IX_BPTC				0x040F4
#define IX_XEC				0x04120
#define IX_PXONRXCNT(i)			(0x04140 + 4 * (i))
#define IX_PXOFFRXCNT(i)		(0x04160 + 4 * (i))
#define IX_LXONRXCNT			0x041A4
#define IX_LXOFFRXCNT			0x041A8
#define IX_B2OSPC			0x041C0
#define IX_O2BGPTC			0x041C4
#define IX_RXDGPC			0x02F50
#define IX_RXDGBCL			0x02F54
#define IX_RXDGBCH			0x02F58
#define IX_B2OGPRC			0x02F90
#define IX_PXON2OFFCNT(i)		(0x03240 + 4 * (i))
#define IX_O2BSPC			0x087B0
#define IX_MNGPTC			0x0CF90
#define IX_PXONRXC(i)			(0x0CF00 + 4 * (i))
#define IX_PXOFFRXC(i)			(0x0CF20 + 4 * (i))
#define IX_LXONRXC			0x0CF60
#define IX_LXOFFRXC			0x0CF68
#define IX_PCRC8ECL			0x0E810
#define IX_PCRC8ECH			0x0E814
#define IX_LDPCECL			0x0E820
#define IX_LDPCECH			0x0E824
/* FCoE counters: the block exists on 82599 even with FCoE unused */
#define IX_FCCRC			0x05118
#define IX_FCOERPDC			0x0241C
#define IX_FCLAST			0x02424
#define IX_FCOEPRC			0x02428
#define IX_FCOEDWRC			0x0242C
#define IX_FCOEPTC			0x08784
#define IX_FCOEDWTC			0x08788

/* Advanced transmit descriptors */
#define IX_TXD_DTALEN_MASK		0x0000FFFF
#define IX_TXD_DTYP_MASK		0x00F00000
#define IX_TXD_DTYP_CTXT		0x00200000
#define IX_TXD_DTYP_DATA		0x00300000
#define IX_TXD_CMD_EOP			0x01000000
#define IX_TXD_CMD_IFCS			0x02000000
#define IX_TXD_CMD_RS			0x08000000
#define IX_TXD_CMD_DEXT			0x20000000
#define IX_TXD_CMD_VLE			0x40000000
#define IX_TXD_CMD_TSE			0x80000000
#define IX_TXD_STAT_DD			0x00000001
#define IX_TXD_IDX_SHIFT		4
#define IX_TXD_POPTS_IXSM		0x00000100
#define IX_TXD_POPTS_TXSM		0x00000200
#define IX_TXD_PAYLEN_SHIFT		14
#define IX_TXCTX_IPLEN_MASK		0x000001FF
#define IX_TXCTX_MACLEN_SHIFT		9
#define IX_TXCTX_VLAN_SHIFT		16
#define IX_TXCTX_TUCMD_IPV4		0x00000400
#define IX_TXCTX_TUCMD_L4T_MASK		0x00001800
#define IX_TXCTX_TUCMD_L4T_UDP		0x00000000
#define IX_TXCTX_TUCMD_L4T_TCP		0x00000800
#define IX_TXCTX_TUCMD_L4T_SCTP		0x00001000
#define IX_TXCTX_L4LEN_SHIFT		8
#define IX_TXCTX_MSS_SHIFT		16

/* Advanced receive descriptors, write-back format */
#define IX_RXD_STAT_DD			0x00000001
#define IX_RXD_STAT_EOP			0x00000002
#define IX_RXD_STAT_VP			0x00000008
#define IX_RXD_STAT_UDPCS		0x00000010
#define IX_RXD_STAT_L4CS		0x00000020
#define IX_RXD_STAT_IPCS		0x00000040
#define IX_RXD_STAT_PIF			0x00000080
#define IX_RXD_ERR_TCPE			0x40000000
#define IX_RXD_ERR_IPE			0x80000000
#define IX_RXD_RSSTYPE_IPV4_TCP		0x1
#define IX_RXD_RSSTYPE_IPV4		0x2
#define IX_RXD_RSSTYPE_IPV6_TCP		0x3
#define IX_RXD_RSSTYPE_IPV6		0x5
#define IX_RXD_RSSTYPE_IPV4_UDP		0x7
#define IX_RXD_RSSTYPE_IPV6_UDP		0x8
#define IX_RXD_PKTTYPE_IPV4		0x00000010
#define IX_RXD_PKTTYPE_IPV6		0x00000040
#define IX_RXD_PKTTYPE_TCP		0x00000100
#define IX_RXD_PKTTYPE_UDP		0x00000200
#define IX_RXD_PKTTYPE_SCTP		0x00000400

#endif /* IXPF_IX82599_REGS_H */
