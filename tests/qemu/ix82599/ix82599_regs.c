// SPDX-License-Identifier: GPL-2.0
/*
 * 82599 model: register attributes, alias folding and MMIO dispatch.
 *
 * Every 32-bit location of BAR0 has a kind. Locations nobody declared are
 * "unmodelled": reading returns 0, writing is dropped, and both are logged
 * with IX82599_UNMODELED so that a test run notices the model is being
 * driven somewhere it has not been taught.
 */
#include "qemu/osdep.h"
#include "qemu/error-report.h"
#include "qemu/timer.h"
#include "ix82599.h"

struct ix_reg_range {
	uint32_t first;	/* byte offset */
	uint32_t count;	/* number of registers */
	uint32_t stride;	/* bytes between registers */
	uint8_t kind;
	uint32_t wmask;	/* writable bits; 0 means all */
};

#define R(first, count, stride, kind) { first, count, stride, kind, 0 }
#define R1(first, kind) { first, 1, 4, kind, 0 }
/* registers with reserved bits, which read as 0 whatever is written */
#define RM(first, count, stride, kind, wmask) \
	{ first, count, stride, kind, wmask }

static const struct ix_reg_range ix_reg_ranges[] = {
	/* general */
	R1(IX_CTRL, IX_REG_SPECIAL),
	R1(0x00004, IX_REG_SPECIAL),	/* CTRL is decoded at 0x4 too */
	R1(IX_STATUS, IX_REG_SPECIAL),
	R1(IX_CTRL_EXT, IX_REG_SPECIAL),
	R1(IX_ESDP, IX_REG_RW),
	R1(IX_I2CCTL, IX_REG_RW),
	R1(IX_FRTIMER, IX_REG_RW),
	R1(IX_TCPTIMER, IX_REG_RW),
	R1(IX_LEDCTL, IX_REG_RW),
	R1(IX_EXVET, IX_REG_RW),
	/* EEPROM, firmware, PCIe glue */
	R1(IX_EEC, IX_REG_SPECIAL),
	R1(IX_EERD, IX_REG_SPECIAL),
	R1(IX_EEWR, IX_REG_SPECIAL),
	R1(IX_FLA, IX_REG_RW),
	R1(IX_EEMNGCTL, IX_REG_RO),
	R1(IX_GRC, IX_REG_RW),
	R1(IX_SWSM, IX_REG_SPECIAL),
	R1(IX_FWSM, IX_REG_RO),
	R1(IX_FACTPS, IX_REG_RO),
	R1(IX_GSSR, IX_REG_RW),
	R1(IX_GCR, IX_REG_RW),
	R1(IX_GCR_EXT, IX_REG_RW),
	R(0x11010, 4, 4, IX_REG_RW),	/* GSCL_1..4 */
	R(0x11020, 4, 4, IX_REG_RW),	/* GSCN_0..3 */
	R(0x11030, 4, 4, IX_REG_RW),	/* GSCL_5..8 */
	R1(IX_PBACL, IX_REG_RW),
	R1(IX_DCA_CTRL, IX_REG_RW),
	R1(IX_HICR, IX_REG_RO),
	R1(IX_FWSTS, IX_REG_SPECIAL),
	R1(IX_ECC_CTRL_0, IX_REG_RW),
	R1(IX_ECC_CTRL_1, IX_REG_RW),
	/* mailbox and VF events */
	R(IX_PFMAILBOX(0), IX_MAX_VFS, 4, IX_REG_SPECIAL),
	R(IX_PFMBMEM(0), IX_MAX_VFS * IX_MBX_WORDS, 4, IX_REG_RW),
	R(IX_MBVFICR(0), 4, 4, IX_REG_SPECIAL),
	R(IX_PFMBIMR(0), 4, 4, IX_REG_RW),
	R1(IX_VFLRE(0), IX_REG_SPECIAL),
	R1(IX_VFLRE(1), IX_REG_SPECIAL),
	R(IX_VFLREC(0), 2, 4, IX_REG_SPECIAL),
	/* per-VF statistics: running counters */
	R(IX_PVFGPRC(0), IX_MAX_VFS, 0x40, IX_REG_RO),
	R(IX_PVFGORC_LSB(0), IX_MAX_VFS, 0x40, IX_REG_RO),
	R(IX_PVFGORC_MSB(0), IX_MAX_VFS, 0x40, IX_REG_RO),
	R(IX_PVFMPRC(0), IX_MAX_VFS, 0x40, IX_REG_RO),
	R(IX_PVFGPTC(0), IX_MAX_VFS, 4, IX_REG_RO),
	R(IX_PVFGOTC_LSB(0), IX_MAX_VFS, 8, IX_REG_RO),
	R(IX_PVFGOTC_MSB(0), IX_MAX_VFS, 8, IX_REG_RO),
	/* interrupts */
	R1(IX_EICR, IX_REG_SPECIAL),
	R1(IX_EICS, IX_REG_SPECIAL),
	R1(IX_EIAC, IX_REG_SPECIAL),
	R(IX_EITR_LO(0), 24, 4, IX_REG_RW),
	R(IX_EITR_HI(24), 40, 4, IX_REG_RW),
	R1(IX_EIMS, IX_REG_SPECIAL),
	R1(IX_EIMC, IX_REG_SPECIAL),
	R1(IX_EIAM, IX_REG_SPECIAL),
	R1(IX_EITRSEL, IX_REG_RW),
	R1(IX_GPIE, IX_REG_RW),
	R(IX_IVAR(0), 64, 4, IX_REG_RW),
	R1(IX_IVAR_MISC, IX_REG_RW),
	R(IX_EICS_EX(0), 2, 4, IX_REG_SPECIAL),
	R(IX_EIMS_EX(0), 2, 4, IX_REG_SPECIAL),
	R(IX_EIMC_EX(0), 2, 4, IX_REG_SPECIAL),
	R(IX_EIAM_EX(0), 2, 4, IX_REG_SPECIAL),
	/* MAC and link */
	R1(IX_PCS1GCFIG, IX_REG_RW),
	R1(IX_PCS1GLCTL, IX_REG_RW),
	R1(IX_PCS1GLSTA, IX_REG_RO),
	R1(IX_PCS1GANA, IX_REG_RW),
	R1(0x0421C, IX_REG_RO),		/* PCS1GANLP */
	R1(IX_HLREG0, IX_REG_RW),
	R1(IX_HLREG1, IX_REG_RO),
	R1(IX_PAP, IX_REG_RW),
	R1(IX_MACA, IX_REG_RW),
	R1(IX_APAE, IX_REG_RW),
	R1(IX_ARD, IX_REG_RW),
	R1(IX_AIS, IX_REG_RW),
	R1(IX_MSCA, IX_REG_SPECIAL),
	R1(IX_MSRWD, IX_REG_RW),
	R1(IX_MLADD, IX_REG_RW),
	R1(IX_MAXFRS, IX_REG_RW),
	R1(IX_TREG, IX_REG_RW),
	R1(IX_PCSS1, IX_REG_RO),
	R1(IX_PCSS2, IX_REG_RO),
	R1(IX_XPCSS, IX_REG_RO),
	R1(IX_MFLCN, IX_REG_RW),
	R1(IX_SERDESC, IX_REG_RW),
	R1(IX_MACS, IX_REG_RW),
	R1(IX_AUTOC, IX_REG_SPECIAL),
	R1(IX_LINKS, IX_REG_SPECIAL),
	R1(IX_AUTOC2, IX_REG_RW),
	R1(IX_AUTOC3, IX_REG_RW),
	R1(IX_ANLP1, IX_REG_SPECIAL),
	R1(IX_ANLP2, IX_REG_RO),
	R1(IX_MMNGC, IX_REG_RO),
	R1(IX_ANLPNP1, IX_REG_RO),
	R1(IX_ANLPNP2, IX_REG_RO),
	R1(IX_KRPCSFC, IX_REG_RW),
	R1(IX_KRPCSS, IX_REG_RO),
	R1(IX_FECS1, IX_REG_RC),
	R1(IX_FECS2, IX_REG_RC),
	R1(IX_LINKS2, IX_REG_SPECIAL),
	/* flow control */
	R(IX_FCTTV(0), 4, 4, IX_REG_RW),
	RM(IX_FCRTL(0), 8, 4, IX_REG_RW, 0x8007FFF0),
	RM(IX_FCRTH(0), 8, 4, IX_REG_RW, 0x8007FFF0),
	R1(IX_FCRTV, IX_REG_RW),
	R1(IX_FCCFG, IX_REG_RW),
	R1(IX_TFCS, IX_REG_RO),
	/* receive queues: 0x1000 + 0x40q and 0xD000 + 0x40(q - 64) */
	RM(0x01000, 64, 0x40, IX_REG_RW, 0xFFFFFF80),	/* RDBAL */
	R(0x01004, 64, 0x40, IX_REG_RW),	/* RDBAH */
	R(0x01008, 64, 0x40, IX_REG_SPECIAL),	/* RDLEN */
	R(0x0100C, 64, 0x40, IX_REG_RW),	/* DCA_RXCTRL */
	R(0x01010, 64, 0x40, IX_REG_SPECIAL),	/* RDH */
	R(0x01014, 64, 0x40, IX_REG_RW),	/* SRRCTL */
	R(0x01018, 64, 0x40, IX_REG_SPECIAL),	/* RDT */
	R(0x01028, 64, 0x40, IX_REG_SPECIAL),	/* RXDCTL */
	R(0x0102C, 64, 0x40, IX_REG_RW),	/* RSCCTL */
	RM(0x0D000, 64, 0x40, IX_REG_RW, 0xFFFFFF80),
	R(0x0D004, 64, 0x40, IX_REG_RW),
	R(0x0D008, 64, 0x40, IX_REG_SPECIAL),
	R(0x0D00C, 64, 0x40, IX_REG_RW),
	R(0x0D010, 64, 0x40, IX_REG_SPECIAL),
	R(0x0D014, 64, 0x40, IX_REG_RW),
	R(0x0D018, 64, 0x40, IX_REG_SPECIAL),
	R(0x0D028, 64, 0x40, IX_REG_SPECIAL),
	R(0x0D02C, 64, 0x40, IX_REG_RW),
	R(IX_QPRC(0), 16, 0x40, IX_REG_RC),
	R(IX_QBRC_L(0), 16, 0x40, IX_REG_RC),
	R(IX_QBRC_H(0), 16, 0x40, IX_REG_RC),
	R(IX_QPRDC(0), 16, 0x40, IX_REG_RC),
	R(IX_RQSMR(0), 32, 4, IX_REG_RW),
	R1(IX_RXDSTATCTRL, IX_REG_RW),
	R1(IX_RDRXCTL, IX_REG_SPECIAL),
	R1(IX_QDE, IX_REG_SPECIAL),
	R1(IX_RSCDBU, IX_REG_RW),
	R1(IX_RXCTRL, IX_REG_RW),
	R1(IX_PFCTOP, IX_REG_RW),
	R1(IX_RTRUP2TC, IX_REG_RW),
	R(IX_RXPBSIZE(0), 8, 4, IX_REG_RW),
	R1(IX_DROPEN, IX_REG_RW),
	R1(IX_RXCSUM, IX_REG_RW),
	R1(IX_RFCTL, IX_REG_RW),
	R1(IX_FCTRL, IX_REG_RW),
	R1(IX_VLNCTRL, IX_REG_RW),
	R1(IX_MCSTCTRL, IX_REG_RW),
	R(IX_ETQF(0), 8, 4, IX_REG_RW),
	R(IX_MTA(0), IX_NUM_MTA, 4, IX_REG_RW),
	R(IX_PSRTYPE_LO(0), 16, 4, IX_REG_RW),
	R(IX_PSRTYPE_HI(16), 48, 4, IX_REG_RW),
	R1(IX_VT_CTL, IX_REG_RW),
	R(IX_VFRE(0), 2, 4, IX_REG_RW),
	R1(IX_WUC, IX_REG_RW),
	R1(IX_WUFC, IX_REG_RW),
	R1(IX_WUS, IX_REG_RW),
	R1(IX_MRQC, IX_REG_RW),
	R1(IX_MANC, IX_REG_RW),
	R1(IX_MFVAL, IX_REG_RW),
	R1(IX_MANC2H, IX_REG_RW),
	R1(IX_IPAV, IX_REG_RW),
	R(IX_IP4AT(0), 4, 8, IX_REG_RW),
	R(IX_IP6AT(0), 4, 4, IX_REG_RW),
	R(IX_MDEF(0), 8, 4, IX_REG_RW),
	R(IX_MDEF_EXT(0), 8, 4, IX_REG_RW),
	R(IX_IMIR(0), 8, 4, IX_REG_RW),
	R(IX_IMIREXT(0), 8, 4, IX_REG_RW),
	R1(IX_IMIRVP, IX_REG_RW),
	R(IX_RETA(0), 32, 4, IX_REG_RW),
	R(IX_RSSRK(0), 10, 4, IX_REG_RW),
	R(IX_VFTA(0), IX_NUM_VFTA, 4, IX_REG_RW),
	R(IX_RAL(0), IX_NUM_RAR, 8, IX_REG_RW),
	RM(IX_RAH(0), IX_NUM_RAR, 8, IX_REG_RW, 0x8001FFFF),
	R(IX_MPSAR_LO(0), IX_NUM_RAR, 8, IX_REG_RW),
	R(IX_MPSAR_HI(0), IX_NUM_RAR, 8, IX_REG_RW),
	R(IX_SAQF(0), 128, 4, IX_REG_RW),
	R(IX_DAQF(0), 128, 4, IX_REG_RW),
	R(IX_SDPQF(0), 128, 4, IX_REG_RW),
	R(IX_FTQF(0), 128, 4, IX_REG_RW),
	R(IX_L34T_IMIR(0), 128, 4, IX_REG_RW),
	R(IX_ETQS(0), 8, 4, IX_REG_RW),
	R1(IX_SYNQF, IX_REG_RW),
	R1(IX_RQTC, IX_REG_RW),
	R1(IX_LLITHRESH, IX_REG_RW),
	R(IX_VMOLR(0), IX_NUM_POOLS, 4, IX_REG_RW),
	R(IX_VLVF(0), IX_NUM_VLVF, 4, IX_REG_RW),
	R(IX_VLVFB(0), 2 * IX_NUM_VLVF, 4, IX_REG_RW),
	R(IX_UTA(0), 128, 4, IX_REG_RW),
	R(IX_MRCTL(0), 4, 4, IX_REG_RW),
	R(IX_VMRVLAN(0), 8, 4, IX_REG_RW),
	R(IX_VMRVM(0), 8, 4, IX_REG_RW),
	/* flow director: configuration is stored, filters do not steer */
	R(0x0EE00, 0x20, 4, IX_REG_RW),		/* FDIRCTRL..FDIRMISS etc. */
	R1(IX_FDIRCMD, IX_REG_SPECIAL),
	R(0x0EE50, 4, 4, IX_REG_RC),		/* FDIRUSTAT..FDIRMISS */
	/* transmit */
	R1(IX_DMATXCTL, IX_REG_RW),
	R1(IX_DTXTCPFLGL, IX_REG_RW),
	R1(IX_DTXTCPFLGH, IX_REG_RW),
	RM(0x06000, 128, 0x40, IX_REG_RW, 0xFFFFFF80),	/* TDBAL */
	R(0x06004, 128, 0x40, IX_REG_RW),	/* TDBAH */
	R(0x06008, 128, 0x40, IX_REG_SPECIAL),	/* TDLEN */
	R(0x0600C, 128, 0x40, IX_REG_RW),	/* DCA_TXCTRL */
	R(0x06010, 128, 0x40, IX_REG_SPECIAL),	/* TDH */
	R(0x06018, 128, 0x40, IX_REG_SPECIAL),	/* TDT */
	R(0x06028, 128, 0x40, IX_REG_SPECIAL),	/* TXDCTL */
	R(0x06038, 128, 0x40, IX_REG_RW),	/* TDWBAL */
	R(0x0603C, 128, 0x40, IX_REG_RW),	/* TDWBAH */
	R(IX_QPTC(0), 16, 0x40, IX_REG_RC),
	R1(IX_DTXCTL, IX_REG_RW),
	R(IX_VMVIR(0), IX_NUM_POOLS, 4, IX_REG_RW),
	R1(IX_DTXMXSZRQ, IX_REG_RW),
	R(IX_VFTE(0), 2, 4, IX_REG_RW),
	R1(IX_MTQC, IX_REG_RW),
	R(IX_PFVFSPOOF(0), 8, 4, IX_REG_RW),
	R1(IX_PFDTXGSWC, IX_REG_RW),
	R(IX_TQSM(0), 32, 4, IX_REG_RW),
	R(IX_QBTC_L(0), 16, 8, IX_REG_RC),
	R(IX_QBTC_H(0), 16, 8, IX_REG_RC),
	R1(IX_SSVPC, IX_REG_RC),
	R(IX_VMECM(0), 2, 4, IX_REG_RW),
	R1(IX_TXDGPC, IX_REG_RC),
	R1(IX_TXDGBCL, IX_REG_RC),
	R1(IX_TXDGBCH, IX_REG_RC),
	R1(IX_SECTXCTRL, IX_REG_RW),
	R1(IX_SECTXSTAT, IX_REG_RO),
	R1(IX_SECTXBUFFAF, IX_REG_RW),
	R1(IX_SECTXMINIFG, IX_REG_RW),
	R1(IX_SECRXCTRL, IX_REG_RW),
	R1(IX_SECRXSTAT, IX_REG_RO),
	R1(IX_TIPG, IX_REG_RW),
	R(IX_TXPBSIZE(0), 8, 4, IX_REG_RW),
	R1(IX_MNGTXMAP, IX_REG_RW),
	R(IX_TXPBTHRESH(0), 8, 4, IX_REG_RW),
	/* DCB arbiters, rate limiter */
	R1(IX_RTRPCS, IX_REG_RW),
	R(IX_RTRPT4C(0), 8, 4, IX_REG_RW),
	R(IX_RTRPT4S(0), 8, 4, IX_REG_RW),
	R1(IX_RTTDCS, IX_REG_RW),
	R1(IX_RTTDQSEL, IX_REG_RW),
	R1(IX_RTTDT1C, IX_REG_RW),
	R1(IX_RTTDT1S, IX_REG_RO),
	R(IX_RTTDT2C(0), 8, 4, IX_REG_RW),
	R(IX_RTTDT2S(0), 8, 4, IX_REG_RO),
	R1(IX_RTTBCNRM, IX_REG_RW),
	R1(IX_RTTBCNRC, IX_REG_SPECIAL),
	R1(IX_RTTDTECC, IX_REG_RW),
	R1(IX_RTTUP2TC, IX_REG_RW),
	R1(IX_RTTPCS, IX_REG_RW),
	R(IX_RTTPT2C(0), 8, 4, IX_REG_RW),
	R(IX_RTTPT2S(0), 8, 4, IX_REG_RO),
	/* IEEE 1588 */
	R1(IX_TSYNCRXCTL, IX_REG_RW),
	R1(IX_RXSTMPL, IX_REG_RO),
	R1(IX_RXSTMPH, IX_REG_RO),
	R1(IX_RXSATRL, IX_REG_RO),
	R1(IX_RXSATRH, IX_REG_RO),
	R1(IX_RXMTRL, IX_REG_RW),
	R1(IX_TSYNCTXCTL, IX_REG_RW),
	R1(IX_TXSTMPL, IX_REG_RO),
	R1(IX_TXSTMPH, IX_REG_RO),
	R1(IX_SYSTIML, IX_REG_SPECIAL),
	R1(IX_SYSTIMH, IX_REG_SPECIAL),
	R1(IX_TIMINCA, IX_REG_SPECIAL),
	R1(IX_TIMADJL, IX_REG_RW),
	R1(IX_TIMADJH, IX_REG_RW),
	R1(IX_TSAUXC, IX_REG_RW),
	R(IX_TRGTTIML0, 10, 4, IX_REG_RW),	/* targets, clocks, aux stamps */
	/* statistics */
	R(IX_PXONTXC(0), 8, 4, IX_REG_RC),
	R(IX_PXOFFTXC(0), 8, 4, IX_REG_RC),
	R1(IX_LXONTXC, IX_REG_RC),
	R1(IX_LXOFFTXC, IX_REG_RC),
	R(IX_MPC(0), 8, 4, IX_REG_RC),
	R(IX_RNBC(0), 8, 4, IX_REG_RC),
	R1(IX_CRCERRS, IX_REG_RC),
	R1(IX_ILLERRC, IX_REG_RC),
	R1(IX_ERRBC, IX_REG_RC),
	R1(IX_MSPDC, IX_REG_RC),
	R1(IX_MLFC, IX_REG_RC),
	R1(IX_MRFC, IX_REG_RC),
	R1(IX_RLEC, IX_REG_RC),
	R(IX_PRC64, 12, 4, IX_REG_RC),		/* PRC64..MPRC, GPTC */
	R(IX_GORCL, 4, 4, IX_REG_RC),		/* GORCL..GOTCH */
	R(IX_RUC, 6, 4, IX_REG_RC),		/* RUC..MNGPDC */
	R(IX_TORL, 2, 4, IX_REG_RC),
	R(IX_TPR, 10, 4, IX_REG_RC),		/* TPR..BPTC */
	R1(IX_XEC, IX_REG_RC),
	R(IX_PXONRXCNT(0), 8, 4, IX_REG_RC),
	R(IX_PXOFFRXCNT(0), 8, 4, IX_REG_RC),
	R1(IX_LXONRXCNT, IX_REG_RC),
	R1(IX_LXOFFRXCNT, IX_REG_RC),
	R1(IX_B2OSPC, IX_REG_RC),
	R1(IX_O2BGPTC, IX_REG_RC),
	R1(IX_RXDGPC, IX_REG_RC),
	R1(IX_RXDGBCL, IX_REG_RC),
	R1(IX_RXDGBCH, IX_REG_RC),
	R1(IX_B2OGPRC, IX_REG_RC),
	R(IX_PXON2OFFCNT(0), 8, 4, IX_REG_RC),
	R1(IX_O2BSPC, IX_REG_RC),
	R1(IX_MNGPTC, IX_REG_RC),
	R(IX_PXONRXC(0), 8, 4, IX_REG_RC),
	R(IX_PXOFFRXC(0), 8, 4, IX_REG_RC),
	R1(IX_LXONRXC, IX_REG_RC),
	R1(IX_LXOFFRXC, IX_REG_RC),
	R1(IX_PCRC8ECL, IX_REG_RC),
	R1(IX_PCRC8ECH, IX_REG_RC),
	R1(IX_LDPCECL, IX_REG_RC),
	R1(IX_LDPCECH, IX_REG_RC),
	R1(IX_FCCRC, IX_REG_RC),
	R1(IX_FCOERPDC, IX_REG_RC),
	R1(IX_FCLAST, IX_REG_RC),
	R1(IX_FCOEPRC, IX_REG_RC),
	R1(IX_FCOEDWRC, IX_REG_RC),
	R1(IX_FCOEPTC, IX_REG_RC),
	R1(IX_FCOEDWTC, IX_REG_RC),
};

/* Power-on / software-reset values that are not zero. */
static void ix_regs_defaults(IX82599State *s)
{
	int i;

	ix_set(s, IX_FWSM, IX_FWSM_FW_VAL);
	ix_set(s, IX_EEC, IX_EEC_PRES | IX_EEC_ARD |
	       (IX_EEC_SIZE_FIELD << IX_EEC_SIZE_SHIFT));
	ix_set(s, IX_HLREG0, IX_HLREG0_TXCRCEN | IX_HLREG0_RXCRCSTRP |
	       IX_HLREG0_TXPADEN);
	ix_set(s, IX_MAXFRS, 1518 << IX_MAXFRS_MFS_SHIFT);
	ix_set(s, IX_VLNCTRL, 0x8100);
	/* DMATXCTL.VT: the ethertype used for VLAN insertion */
	ix_set(s, IX_DMATXCTL, 0x8100u << 16);
	ix_set(s, IX_EXVET, 0x81000000);
	ix_set(s, IX_RDRXCTL, IX_RDRXCTL_DMAIDONE);
	ix_set(s, IX_SECTXSTAT, IX_SECTXSTAT_RDY | IX_SECTXSTAT_OFF_DIS);
	ix_set(s, IX_SECRXSTAT, IX_SECRXSTAT_RDY | IX_SECRXSTAT_OFF_DIS);
	/* TCP flag masks for TSO first/middle (L) and last (H) segments */
	ix_set(s, IX_DTXTCPFLGL, 0x0FF6 | (0x0F76 << 16));
	ix_set(s, IX_DTXTCPFLGH, 0x0F7F);
	ix_set(s, IX_FDIRCTRL, IX_FDIRCTRL_INIT_DONE);
	ix_set(s, IX_TIPG, 0x4);
	for (i = 0; i < 8; i++) {
		ix_set(s, IX_RXPBSIZE(i), i ? 0 : 0x200 << 10);
		ix_set(s, IX_TXPBSIZE(i), i ? 0 : 0xA0 << 10);
	}
	for (i = 0; i < IX_NUM_QUEUES; i++) {
		/* one 2 KiB buffer, legacy descriptors until told otherwise */
		ix_set(s, IX_SRRCTL(i), 2);
	}
	/* RAR0 holds the permanent address loaded from the NVM */
	ix_set(s, IX_RAL(0), ldl_le_p(s->conf.macaddr.a));
	ix_set(s, IX_RAH(0), lduw_le_p(s->conf.macaddr.a + 4) | IX_RAH_AV);
}

void ix_regs_init_kinds(IX82599State *s)
{
	size_t i;
	uint32_t n;

	memset(s->reg_kind, IX_REG_UNMODELED, sizeof(s->reg_kind));
	for (i = 0; i < ARRAY_SIZE(ix_reg_ranges); i++) {
		const struct ix_reg_range *r = &ix_reg_ranges[i];

		for (n = 0; n < r->count; n++) {
			uint32_t off = r->first + n * r->stride;

			assert(off < IX_BAR0_SIZE);
			s->reg_kind[off >> 2] = r->kind;
			s->reg_wmask[off >> 2] = r->wmask ? r->wmask : ~0u;
		}
	}
}

void ix_regs_reset(IX82599State *s)
{
	memset(s->regs, 0, sizeof(s->regs));
	ix_regs_defaults(s);
	s->systim_base = 0;
	s->systim_base_ns = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
}

/*
 * Fold 82598-compatible aliases onto the 82599 location so that each
 * register has one storage slot.
 */
uint32_t ix_canon(uint32_t addr)
{
	if (addr >= 0x02100 && addr < 0x02140)		/* SRRCTL 0..15 */
		return IX_SRRCTL((addr - 0x02100) / 4);
	if (addr >= 0x02200 && addr < 0x02240)		/* DCA_RXCTRL 0..15 */
		return IX_DCA_RXCTRL((addr - 0x02200) / 4);
	if (addr >= 0x05400 && addr < 0x05480)		/* RAL/RAH 0..15 */
		return IX_RAL(0) + (addr - 0x05400);
	if (addr == 0x00004)				/* CTRL alias */
		return IX_CTRL;
	return addr;
}

int ix_rxq_of(uint32_t addr, uint32_t *field)
{
	if (addr >= 0x01000 && addr < 0x02000) {
		*field = addr & 0x3F;
		return (addr - 0x01000) / 0x40;
	}
	if (addr >= 0x0D000 && addr < 0x0E000) {
		*field = addr & 0x3F;
		return 64 + (addr - 0x0D000) / 0x40;
	}
	return -1;
}

int ix_txq_of(uint32_t addr, uint32_t *field)
{
	if (addr >= 0x06000 && addr < 0x08000) {
		*field = addr & 0x3F;
		return (addr - 0x06000) / 0x40;
	}
	return -1;
}

void ix_unmodeled(IX82599State *s, const char *what, uint32_t addr,
		  uint64_t val)
{
	error_report("%s: %s offset 0x%05x value 0x%08" PRIx64,
		     IX82599_UNMODELED, what, addr, val);
	if (s->fail_unmodeled)
		abort();
}

/* SYSTIM runs at the 10 Gb/s rate: TIMINCA.IV every TIMINCA.IP 6.4 ns ticks */
static uint64_t ix_systim_now(IX82599State *s)
{
	uint32_t inca = ix_get(s, IX_TIMINCA);
	uint32_t period = inca >> 24, incval = inca & 0xFFFFFF;
	int64_t ns = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) - s->systim_base_ns;
	uint64_t ticks = (uint64_t)ns * 10 / 64;

	if (!period)
		return s->systim_base;
	return s->systim_base + ticks / period * incval;
}

static void ix_systim_set(IX82599State *s, uint64_t val)
{
	s->systim_base = val;
	s->systim_base_ns = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
}

/*
 * CTRL.RST/LNK_RST: the whole function back to defaults, except what lives
 * in PCI config space (so VFs stay enumerated); VFs see RSTI.
 */
static void ix_software_reset(IX82599State *s)
{
	ix_regs_reset(s);
	ix_mbx_pf_reset(s);
	ix_intr_reset(s);
	ix_tx_reset(s);
	ix_rate_reset(s);
	ix_link_reset(s);
	ix_intr_update_legacy(s);
}

static uint32_t ix_special_read(IX82599State *s, uint32_t addr)
{
	bool handled = false;
	uint32_t val;

	val = ix_intr_read(s, addr, &handled);
	if (handled)
		return val;
	val = ix_mbx_read(s, addr, &handled);
	if (handled)
		return val;
	val = ix_link_read(s, addr, &handled);
	if (handled)
		return val;

	switch (addr) {
	case IX_STATUS: {
		PCIDevice *d = PCI_DEVICE(s);
		bool master = d->config[PCI_COMMAND] & PCI_COMMAND_MASTER;

		val = 0;
		if (ix_link_is_up(s))
			val |= IX_STATUS_LINK_UP;
		/* GIO master enable status drops once CTRL.GIO_DIS is set */
		if (master && !(ix_get(s, IX_CTRL) & IX_CTRL_GIO_DIS))
			val |= IX_STATUS_GIO;
		return val;
	}
	case IX_SWSM:
		return ix_swsm_read(s);
	case IX_RTTBCNRC:
		return ix_rate_read(s);
	case IX_SYSTIML: {
		uint64_t now = ix_systim_now(s);

		/* reading the low half latches the high half */
		ix_set(s, IX_SYSTIMH, now >> 32);
		return (uint32_t)now;
	}
	default:
		return ix_get(s, addr);
	}
}

static void ix_special_write(IX82599State *s, uint32_t addr, uint32_t val)
{
	uint32_t field;
	int q;

	if (ix_intr_write(s, addr, val))
		return;
	if (ix_mbx_write(s, addr, val))
		return;
	if (ix_link_write(s, addr, val))
		return;

	q = ix_rxq_of(addr, &field);
	if (q >= 0) {
		switch (field) {
		case 0x08:	/* RDLEN: 128-byte multiple */
			ix_set(s, addr, val & 0x000FFF80);
			return;
		case 0x10:	/* RDH */
		case 0x18:	/* RDT */
			ix_set(s, addr, val & 0xFFFF);
			if (field == 0x18)
				ix_rx_tail_written(s);
			return;
		case 0x28:	/* RXDCTL: ENABLE reads back at once */
			ix_set(s, addr, val & ~IX_RXDCTL_SWFLSH);
			ix_rx_tail_written(s);
			return;
		}
	}
	q = ix_txq_of(addr, &field);
	if (q >= 0) {
		switch (field) {
		case 0x08:
			ix_set(s, addr, val & 0x000FFF80);
			return;
		case 0x10:
			ix_set(s, addr, val & 0xFFFF);
			return;
		case 0x18:
			ix_set(s, addr, val & 0xFFFF);
			ix_tx_kick(s, q);
			return;
		case 0x28:
			/* SWFLSH completes at once: nothing is ever buffered */
			ix_set(s, addr, val & ~IX_TXDCTL_SWFLSH);
			if (!(val & IX_TXDCTL_ENABLE)) {
				s->tx_pkt[q].started = false;
				s->tx_pkt[q].len = 0;
			}
			ix_tx_kick(s, q);
			return;
		}
	}

	switch (addr) {
	case IX_CTRL:
		if (val & (IX_CTRL_RST | IX_CTRL_LNK_RST)) {
			/* both complete before the driver's first poll */
			ix_software_reset(s);
			return;
		}
		ix_set(s, IX_CTRL, val);
		return;
	case IX_STATUS:
		return;		/* read-only */
	case IX_CTRL_EXT:
		ix_set(s, IX_CTRL_EXT, val);
		if (val & IX_CTRL_EXT_PFRSTD)
			ix_mbx_pf_reset_done(s);
		return;
	case IX_EERD:
		ix_eerd_write(s, val);
		return;
	case IX_EEWR:
		/* NVM writes are not modelled: the image is fixed. */
		ix_unmodeled(s, "EEPROM write (EEWR)", addr, val);
		return;
	case IX_EEC:
		/* only the software-owned request/grant bits are writable */
		ix_set(s, IX_EEC, (ix_get(s, IX_EEC) & ~0xC0) | (val & 0x40) |
		       ((val & 0x40) << 1));
		return;
	case IX_SWSM:
		ix_set(s, IX_SWSM, val & (IX_SWSM_SMBI | IX_SWSM_SWESMBI));
		return;
	case IX_RDRXCTL:
		ix_set(s, IX_RDRXCTL, val | IX_RDRXCTL_DMAIDONE);
		return;
	case IX_QDE:
		/* indexed access to SRRCTL.DROP_EN of queue QDE.IDX */
		if (val & 0x10000) {
			uint32_t r = IX_SRRCTL((val >> 8) & 0x7F);

			ix_set(s, r, (ix_get(s, r) & ~IX_SRRCTL_DROP_EN) |
			       ((val & 1) ? IX_SRRCTL_DROP_EN : 0));
		}
		ix_set(s, IX_QDE, val & ~0x10000);
		return;
	case IX_FWSTS:
		/* firmware-reset indication is write-1-to-clear */
		ix_set(s, IX_FWSTS, ix_get(s, IX_FWSTS) & ~(val & IX_FWSTS_FWRI));
		return;
	case IX_FDIRCMD:
		/* commands complete immediately */
		ix_set(s, IX_FDIRCMD, val & ~IX_FDIRCMD_CMD_MASK);
		return;
	case IX_RTTBCNRC:
		ix_rate_write(s, val);
		return;
	case IX_SYSTIML:
		ix_systim_set(s, (ix_systim_now(s) & ~0xFFFFFFFFULL) | val);
		return;
	case IX_SYSTIMH:
		ix_systim_set(s, (ix_systim_now(s) & 0xFFFFFFFFULL) |
			      ((uint64_t)val << 32));
		return;
	case IX_TIMINCA:
		/* keep the running time continuous across a rate change */
		ix_systim_set(s, ix_systim_now(s));
		ix_set(s, IX_TIMINCA, val);
		return;
	default:
		ix_set(s, addr, val);
	}
}

uint32_t ix_reg_read(IX82599State *s, uint32_t addr)
{
	uint32_t c = ix_canon(addr);
	uint32_t val;

	switch (s->reg_kind[c >> 2]) {
	case IX_REG_RW:
	case IX_REG_RO:
		return ix_get(s, c);
	case IX_REG_RC:
		val = ix_get(s, c);
		ix_set(s, c, 0);
		return val;
	case IX_REG_SPECIAL:
		return ix_special_read(s, c);
	default:
		ix_unmodeled(s, "read of unmodelled register", addr, 0);
		return 0;
	}
}

void ix_reg_write(IX82599State *s, uint32_t addr, uint32_t val)
{
	uint32_t c = ix_canon(addr);

	switch (s->reg_kind[c >> 2]) {
	case IX_REG_RW:
		ix_set(s, c, val & s->reg_wmask[c >> 2]);
		return;
	case IX_REG_RO:
	case IX_REG_RC:
		return;
	case IX_REG_SPECIAL:
		ix_special_write(s, c, val);
		return;
	default:
		ix_unmodeled(s, "write of unmodelled register", addr, val);
	}
}

static uint64_t ix_mmio_read(void *opaque, hwaddr addr, unsigned size)
{
	IX82599State *s = opaque;

	if (size == 8)
		return ix_reg_read(s, addr) |
		       ((uint64_t)ix_reg_read(s, addr + 4) << 32);
	if (size != 4 || (addr & 3)) {
		ix_unmodeled(s, "non-dword read", addr, size);
		return 0;
	}
	return ix_reg_read(s, addr);
}

static void ix_mmio_write(void *opaque, hwaddr addr, uint64_t val,
			  unsigned size)
{
	IX82599State *s = opaque;

	/* ixgbe writes FDIRHASH/FDIRCMD as one 64-bit store */
	if (size == 8) {
		ix_reg_write(s, addr, (uint32_t)val);
		ix_reg_write(s, addr + 4, val >> 32);
		return;
	}
	if (size != 4 || (addr & 3)) {
		ix_unmodeled(s, "non-dword write", addr, val);
		return;
	}
	ix_reg_write(s, addr, val);
}

const MemoryRegionOps ix_mmio_ops = {
	.read = ix_mmio_read,
	.write = ix_mmio_write,
	.endianness = DEVICE_LITTLE_ENDIAN,
	.valid = {
		.min_access_size = 1,
		.max_access_size = 8,
	},
	.impl = {
		.min_access_size = 1,
		.max_access_size = 8,
	},
};
