// SPDX-License-Identifier: GPL-2.0
/*
 * 82599 model: the NVM image behind EERD, and the software/firmware
 * semaphores (SWSM) that guard it.
 *
 * The image is what a backplane X520 without manageability firmware needs:
 * every section pointer is 0xFFFF (absent), so the checksum covers words
 * 0x00..0x3E only: word 0x3F = 0xBABA - sum(0x00..0x3E).
 *
 * The eeprom-bad-checksum property stores the correct checksum plus one
 * instead, to show that a driver refuses a corrupt NVM as ixgbe does
 * ("The EEPROM Checksum Is Not Valid").
 */
#include "qemu/osdep.h"
#include "ix82599.h"

/*
 * The checksum rule of the 82599 NVM (ixgbe_calc_eeprom_checksum_generic):
 * 0xBABA minus the sum of words 0x00..0x3E and of the sections that the
 * pointers 0x03..0x0E name (the firmware pointer 0x0F is not covered). A
 * section is its length word followed by that many words; a pointer or a
 * length of 0 or 0xFFFF means there is none.
 */
static uint16_t ix_eeprom_checksum(const uint16_t *ee)
{
	uint16_t sum = 0;
	uint32_t ptr, len, j;
	int i;

	for (i = 0; i < IX_EE_CHECKSUM; i++)
		sum += ee[i];
	for (i = IX_EE_PTR_FIRST; i < IX_EE_PTR_END; i++) {
		ptr = ee[i];
		if (ptr == 0 || ptr == 0xFFFF || ptr >= IX_EEPROM_WORDS)
			continue;
		len = ee[ptr];
		if (len == 0 || len == 0xFFFF)
			continue;
		for (j = ptr + 1; j <= ptr + len && j < IX_EEPROM_WORDS; j++)
			sum += ee[j];
	}
	return IX_EE_CHECKSUM_BASE - sum;
}

void ix_eeprom_build(IX82599State *s)
{
	int i;

	for (i = 0; i < IX_EEPROM_WORDS; i++)
		s->eeprom[i] = 0xFFFF;
	for (i = 0; i < IX_EE_CHECKSUM; i++)
		s->eeprom[i] = 0;

	s->eeprom[IX_EE_CTRL_WORD_1] = 0x0003;
	for (i = IX_EE_PTR_FIRST; i <= IX_EE_PTR_END; i++)
		s->eeprom[i] = 0xFFFF;	/* no analog/PHY/firmware sections */
	s->eeprom[IX_EE_PBA_0] = 0xE687;	/* legacy numeric PBA */
	s->eeprom[IX_EE_PBA_1] = 0x8505;
	s->eeprom[IX_EE_OROM_PTR] = 0xFFFF;	/* no option ROM */
	s->eeprom[IX_EE_OEM_PROD_PTR] = 0xFFFF;
	s->eeprom[0x27] = 0xFFFF;		/* no alternate/WWN block */
	s->eeprom[IX_EE_SAN_MAC_PTR] = 0xFFFF;	/* no SAN MAC */
	s->eeprom[IX_EE_DEVICE_CAPS] = 0x0000;
	s->eeprom[IX_EE_ETRACK_LO] = 0x0551;
	s->eeprom[IX_EE_ETRACK_HI] = 0x8000;

	s->eeprom[IX_EE_CHECKSUM] = ix_eeprom_checksum(s->eeprom);
	if (s->eeprom_bad_checksum)
		s->eeprom[IX_EE_CHECKSUM]++;
}

/* EERD: a read completes inside the write that starts it. */
void ix_eerd_write(IX82599State *s, uint32_t val)
{
	uint32_t word = (val >> IX_EERD_ADDR_SHIFT) & 0x3FFF;
	uint32_t data = 0;

	if (!(val & IX_EERD_START)) {
		ix_set(s, IX_EERD, val & ~IX_EERD_DONE);
		return;
	}
	if (word < IX_EEPROM_WORDS)
		data = s->eeprom[word];
	else
		ix_unmodeled(s, "EERD beyond the NVM size", IX_EERD, val);
	ix_set(s, IX_EERD, (data << IX_EERD_DATA_SHIFT) |
	       (word << IX_EERD_ADDR_SHIFT) | IX_EERD_DONE);
}

/*
 * SWSM.SMBI is a test-and-set bit: the read that sees it clear takes the
 * semaphore, so hardware sets it as part of that read.
 */
uint32_t ix_swsm_read(IX82599State *s)
{
	uint32_t val = ix_get(s, IX_SWSM);

	if (!(val & IX_SWSM_SMBI))
		ix_set(s, IX_SWSM, val | IX_SWSM_SMBI);
	return val;
}
