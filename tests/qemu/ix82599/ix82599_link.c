// SPDX-License-Identifier: GPL-2.0
/*
 * 82599 model: the 10GBASE-KX4 backplane link.
 *
 * There is no PHY and no SFP: link comes from the MAC's auto-negotiation
 * block, which here simply follows the QEMU backend (set_link). A change
 * raises EICR.LSC. AUTOC is loaded with its NVM default on every reset;
 * AN_RESTART completes at once and ANLP1 always reports an active AN state,
 * which is what the driver's "pipeline reset" waits for. MAC loopback
 * (HLREG0.LPBK with AUTOC.FLU) forces the link up.
 */
#include "qemu/osdep.h"
#include "ix82599.h"

#define IX_AUTOC_DEFAULT	(IX_AUTOC_KX4_SUPP | IX_AUTOC_KX_SUPP | \
				 IX_AUTOC_LMS_KX4_KX_KR)
#define IX_ANLP1_AN_ACTIVE	(0x5 << IX_ANLP1_AN_STATE_SHIFT)
#define IX_MSRWD_NO_PHY		0xFFFF0000	/* nothing answers on MDIO */

void ix_link_reset(IX82599State *s)
{
	ix_set(s, IX_AUTOC, IX_AUTOC_DEFAULT);
	ix_set(s, IX_AUTOC2, 0);
	ix_set(s, IX_ANLP1, IX_ANLP1_AN_ACTIVE);
}

bool ix_link_is_up(IX82599State *s)
{
	bool forced = (ix_get(s, IX_HLREG0) & IX_HLREG0_LPBK) &&
		      (ix_get(s, IX_AUTOC) & IX_AUTOC_FLU);

	return s->link_up || forced;
}

static uint32_t ix_links(IX82599State *s)
{
	if (!ix_link_is_up(s))
		return 0;
	return IX_LINKS_UP | IX_LINKS_SPEED_10G | IX_LINKS_KX_AN_COMP;
}

void ix_link_backend_changed(IX82599State *s, bool up)
{
	bool was = ix_link_is_up(s);

	s->link_up = up;
	if (was != ix_link_is_up(s))
		ix_intr_other(s, IX_EICR_LSC);
}

uint32_t ix_link_read(IX82599State *s, uint32_t addr, bool *handled)
{
	*handled = true;
	switch (addr) {
	case IX_LINKS:
		return ix_links(s);
	case IX_LINKS2:
		return ix_link_is_up(s) ? 0x1 : 0;	/* AN complete */
	}
	*handled = false;
	return 0;
}

bool ix_link_write(IX82599State *s, uint32_t addr, uint32_t val)
{
	bool was;

	switch (addr) {
	case IX_AUTOC:
		was = ix_link_is_up(s);
		/* a restart of auto-negotiation completes immediately */
		ix_set(s, IX_AUTOC, val & ~IX_AUTOC_AN_RESTART);
		if (was != ix_link_is_up(s))
			ix_intr_other(s, IX_EICR_LSC);
		return true;
	case IX_ANLP1:
		return true;	/* read-only */
	case IX_MSCA:
		/*
		 * An MDIO cycle finishes at once. No PHY is strapped on a
		 * KX4 backplane part, so reads return all ones.
		 */
		if ((val & IX_MSCA_MDI_COMMAND) && (val & 0x08000000))
			ix_set(s, IX_MSRWD, IX_MSRWD_NO_PHY);
		ix_set(s, IX_MSCA, val & ~IX_MSCA_MDI_COMMAND);
		return true;
	}
	return false;
}
