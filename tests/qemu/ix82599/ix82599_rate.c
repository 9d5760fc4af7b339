// SPDX-License-Identifier: GPL-2.0
/*
 * 82599 model: the per-queue transmit rate limiter.
 *
 * RTTBCNRC is indexed by RTTDQSEL: each Tx queue has its own "rate-scheduler
 * enable" (RS_ENA, bit 31) and rate factor (bits 27:0, 14.14 fixed point):
 * the queue may use link speed / factor. The model enforces it per frame:
 * after a frame of L bytes on the wire the queue waits L * 8 * factor / 10G
 * before it fetches the next frame, and a timer resumes it. The limiter is
 * only defined at 10 Gb/s, the only speed this part runs at.
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"
#include "ix82599.h"

#define IX_RTTBCNRC_RS_ENA	0x80000000u
#define IX_RTTBCNRC_RF_MASK	0x0FFFFFFFu
#define IX_WIRE_OVERHEAD	24	/* preamble, SFD, IFG... and the CRC */

static void ix_rate_timer_cb(void *opaque)
{
	IX82599State *s = opaque;
	int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
	int q;

	for (q = 0; q < IX_NUM_QUEUES; q++)
		if (s->rate_next_ns[q] && s->rate_next_ns[q] <= now)
			ix_tx_kick(s, q);
}

void ix_rate_init(IX82599State *s)
{
	s->rate_timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, ix_rate_timer_cb, s);
}

void ix_rate_uninit(IX82599State *s)
{
	timer_free(s->rate_timer);
}

void ix_rate_reset(IX82599State *s)
{
	memset(s->rttbcnrc, 0, sizeof(s->rttbcnrc));
	memset(s->rate_next_ns, 0, sizeof(s->rate_next_ns));
	timer_del(s->rate_timer);
}

uint32_t ix_rate_read(IX82599State *s)
{
	return s->rttbcnrc[ix_get(s, IX_RTTDQSEL) & (IX_NUM_QUEUES - 1)];
}

void ix_rate_write(IX82599State *s, uint32_t val)
{
	int q = ix_get(s, IX_RTTDQSEL) & (IX_NUM_QUEUES - 1);

	s->rttbcnrc[q] = val & (IX_RTTBCNRC_RS_ENA | IX_RTTBCNRC_RF_MASK);
	if (!(val & IX_RTTBCNRC_RS_ENA))
		s->rate_next_ns[q] = 0;
}

/* May queue q start another frame now? If not, the timer will kick it. */
bool ix_rate_may_send(IX82599State *s, int q)
{
	int64_t now;

	if (!(s->rttbcnrc[q] & IX_RTTBCNRC_RS_ENA) || !s->rate_next_ns[q])
		return true;
	now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
	if (s->rate_next_ns[q] <= now)
		return true;
	if (!timer_pending(s->rate_timer) ||
	    timer_expire_time_ns(s->rate_timer) > s->rate_next_ns[q])
		timer_mod(s->rate_timer, s->rate_next_ns[q]);
	return false;
}

/* Account a frame of len bytes sent by queue q. */
void ix_rate_sent(IX82599State *s, int q, size_t len)
{
	uint64_t factor = s->rttbcnrc[q] & IX_RTTBCNRC_RF_MASK;
	int64_t now, start;

	if (!(s->rttbcnrc[q] & IX_RTTBCNRC_RS_ENA) || !factor)
		return;
	now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
	start = MAX(now, s->rate_next_ns[q]);
	/* 0.8 ns per byte at 10 Gb/s, times factor / 2^14 */
	s->rate_next_ns[q] = start + (int64_t)((len + IX_WIRE_OVERHEAD) * 8 *
					       factor / (10 * 16384));
}
