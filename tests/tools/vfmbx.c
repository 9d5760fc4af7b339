// SPDX-License-Identifier: GPL-2.0
/*
 * vfmbx: speak the 82599 PF<->VF mailbox from a VF bound to vfio-pci, so
 * tests can send what ixgbevf never would.
 *
 *   vfmbx BDF CMD [CMD...]
 *     reset            VFCTRL.RST, wait for the PF (RSTD), VF_RESET message
 *     msg W0 [W1...]   send raw words (hex or decimal), print the reply
 *     pfstatus         print VFMAILBOX
 *     rx FILE          receive on the VF's queue 0 until FILE exists
 *     wait FILE        do nothing until FILE exists (the VF is not reset)
 *     rd OFF           print the VF register at BAR0 offset OFF: "OFF: VALUE"
 *     wr OFF VAL       write VAL to it
 *     flr              function level reset (VFIO_DEVICE_RESET)
 *
 * Each "msg" prints one line: "reply: w0 w1 ... w15" (hex), or
 * "reply: timeout" when the PF did not answer within a second. "rx"
 * prints "rx: listening" once its ring is live, then "frame: DST TYPE VID"
 * per frame received (VID 0: untagged; the tag is left in the frame) and
 * "rx: N frames". Both waits give up after 10 minutes (a debug guest under
 * TCG is slow; the test's own timeout is the real bound). Exit status is 0 unless
 * the device could not be opened or used.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <linux/vfio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <ixpf/ix82599_mbx.h>
#include <ixpf/ix82599_regs.h>

static volatile uint32_t *bar0;
static int container, dev;

static uint32_t rd(uint32_t off)
{
	return bar0[off / 4];
}

static void wr(uint32_t off, uint32_t v)
{
	bar0[off / 4] = v;
}

static void die(const char *what)
{
	fprintf(stderr, "vfmbx: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void sleep_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };

	nanosleep(&ts, NULL);
}

/* Bits of VFMAILBOX that clear on read are remembered here. */
static uint32_t seen;

static uint32_t mbx_status(void)
{
	uint32_t v = rd(IX_VFMAILBOX);

	seen |= v & IX_VFMAILBOX_R2C;
	return v;
}

static int mbx_lock(void)
{
	int i;

	for (i = 0; i < 2000; i++) {
		wr(IX_VFMAILBOX, IX_VFMAILBOX_VFU);
		if (mbx_status() & IX_VFMAILBOX_VFU)
			return 0;
		sleep_us(500);
	}
	return -1;
}

/* Send @n words, wait for the PF's reply (PFSTS), read it into @reply. */
static int mbx_call(const uint32_t *msg, int n, uint32_t *reply)
{
	int i;

	if (mbx_lock())
		return -1;
	seen &= ~(IX_VFMAILBOX_PFSTS | IX_VFMAILBOX_PFACK);
	for (i = 0; i < n; i++)
		wr(IX_VFMBMEM + 4 * i, msg[i]);
	wr(IX_VFMAILBOX, IX_VFMAILBOX_REQ);
	for (i = 0; i < 2000; i++) {
		mbx_status();
		if (seen & IX_VFMAILBOX_PFSTS)
			break;
		sleep_us(500);
	}
	if (!(seen & IX_VFMAILBOX_PFSTS))
		return -1;
	seen &= ~IX_VFMAILBOX_PFSTS;
	if (mbx_lock())
		return -1;
	for (i = 0; i < IX_MBX_WORDS; i++)
		reply[i] = rd(IX_VFMBMEM + 4 * i);
	wr(IX_VFMAILBOX, IX_VFMAILBOX_ACK);
	return 0;
}

static void print_reply(int rc, const uint32_t *reply)
{
	int i;

	if (rc) {
		printf("reply: timeout\n");
		return;
	}
	printf("reply:");
	for (i = 0; i < IX_MBX_WORDS; i++)
		printf(" %08x", reply[i]);
	printf("\n");
	fflush(stdout);
}

static void vf_reset(void)
{
	uint32_t msg = IX_MBX_VF_RESET, reply[IX_MBX_WORDS];
	int i;

	wr(IX_VFCTRL, IX_VFCTRL_RST);
	for (i = 0; i < 200; i++) {
		sleep_us(5000);
		if (!(mbx_status() & IX_VFMAILBOX_RSTI))
			break;
	}
	print_reply(mbx_call(&msg, 1, reply), reply);
}

static void open_vf(const char *bdf)
{
	struct vfio_group_status gs = { .argsz = sizeof(gs) };
	struct vfio_region_info ri = { .argsz = sizeof(ri) };
	char path[PATH_MAX], link[PATH_MAX];
	int group;
	ssize_t len;
	void *p;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/iommu_group", bdf);
	len = readlink(path, link, sizeof(link) - 1);
	if (len < 0)
		die(path);
	link[len] = 0;
	snprintf(path, sizeof(path), "/dev/vfio/%s", strrchr(link, '/') + 1);

	container = open("/dev/vfio/vfio", O_RDWR);
	if (container < 0)
		die("/dev/vfio/vfio");
	group = open(path, O_RDWR);
	if (group < 0)
		die(path);
	if (ioctl(group, VFIO_GROUP_GET_STATUS, &gs) ||
	    !(gs.flags & VFIO_GROUP_FLAGS_VIABLE))
		die("group not viable (every device in it must be on vfio-pci)");
	if (ioctl(group, VFIO_GROUP_SET_CONTAINER, &container))
		die("VFIO_GROUP_SET_CONTAINER");
	if (ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1v2_IOMMU) &&
	    ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU))
		die("VFIO_SET_IOMMU");
	dev = ioctl(group, VFIO_GROUP_GET_DEVICE_FD, bdf);
	if (dev < 0)
		die("VFIO_GROUP_GET_DEVICE_FD");
	ri.index = VFIO_PCI_BAR0_REGION_INDEX;
	if (ioctl(dev, VFIO_DEVICE_GET_REGION_INFO, &ri))
		die("VFIO_DEVICE_GET_REGION_INFO");
	p = mmap(NULL, ri.size, PROT_READ | PROT_WRITE, MAP_SHARED, dev,
		 ri.offset);
	if (p == MAP_FAILED)
		die("mmap BAR0");
	bar0 = p;
}

/* --- receive: queue 0 of the VF, from memory mapped for it in the IOMMU --- */

#define RX_DESCS	64
#define RX_BUF		2048
#define RX_IOVA		0x10000000ULL

static uint8_t *rx_mem;		/* descriptor ring, then the buffers */
static unsigned int rx_next;	/* the descriptor the device fills next */

static bool file_exists(const char *path)
{
	return access(path, F_OK) == 0;
}

static void rx_post(unsigned int i)
{
	volatile uint64_t *d = (volatile uint64_t *)(rx_mem + 16 * i);

	d[0] = RX_IOVA + 4096 + (uint64_t)i * RX_BUF;
	d[1] = 0;
}

/* Map the memory and let the VF master the bus. */
static void rx_map(void)
{
	size_t size = 4096 + RX_DESCS * RX_BUF;
	struct vfio_iommu_type1_dma_map map = {
		.argsz = sizeof(map),
		.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
		.iova = RX_IOVA,
		.size = size,
	};
	struct vfio_region_info ri = { .argsz = sizeof(ri) };
	uint16_t cmd;
	void *p;

	p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		die("mmap Rx memory");
	memset(p, 0, size);
	rx_mem = p;
	map.vaddr = (uintptr_t)p;
	if (ioctl(container, VFIO_IOMMU_MAP_DMA, &map))
		die("VFIO_IOMMU_MAP_DMA");

	ri.index = VFIO_PCI_CONFIG_REGION_INDEX;
	if (ioctl(dev, VFIO_DEVICE_GET_REGION_INFO, &ri))
		die("config region");
	if (pread(dev, &cmd, 2, ri.offset + 4) != 2)
		die("read PCI command");
	cmd |= 0x4;	/* bus master */
	if (pwrite(dev, &cmd, 2, ri.offset + 4) != 2)
		die("write PCI command");
}

/* Queue 0 from scratch (a VF reset disables it). */
static void rx_ring_start(void)
{
	unsigned int i;

	rx_next = 0;
	for (i = 0; i < RX_DESCS; i++)
		rx_post(i);
	wr(IX_VFRXQ(0) + 0x00, (uint32_t)RX_IOVA);		/* RDBAL */
	wr(IX_VFRXQ(0) + 0x04, RX_IOVA >> 32);			/* RDBAH */
	wr(IX_VFRXQ(0) + 0x08, RX_DESCS * 16);			/* RDLEN */
	wr(IX_VFRXQ(0) + 0x14, IX_SRRCTL_DESCTYPE_ADV_ONEBUF |
	   IX_SRRCTL_DROP_EN | RX_BUF / 1024);			/* SRRCTL */
	wr(IX_VFRXQ(0) + 0x10, 0);				/* RDH */
	wr(IX_VFRXQ(0) + 0x18, 0);				/* RDT */
	wr(IX_VFRXQ(0) + 0x28, IX_RXDCTL_ENABLE);
	for (i = 0; i < 100 && !(rd(IX_VFRXQ(0) + 0x28) & IX_RXDCTL_ENABLE); i++)
		sleep_us(1000);
	wr(IX_VFRXQ(0) + 0x18, RX_DESCS - 1);
}

static void print_frame(const uint8_t *f, unsigned int len)
{
	unsigned int type = len >= 14 ? f[12] << 8 | f[13] : 0, vid = 0;

	if (type == 0x8100 && len >= 18) {
		vid = (f[14] << 8 | f[15]) & 0xFFF;
		type = f[16] << 8 | f[17];
	}
	printf("frame: %02x:%02x:%02x:%02x:%02x:%02x %04x %u\n", f[0], f[1],
	       f[2], f[3], f[4], f[5], type, vid);
}

#define WAIT_LIMIT_S	600

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void rx_until(const char *path)
{
	double end = now_s() + WAIT_LIMIT_S;
	unsigned int frames = 0, polls;

	if (!rx_mem)
		rx_map();
	if (!(rd(IX_VFRXQ(0) + 0x28) & IX_RXDCTL_ENABLE))
		rx_ring_start();
	printf("rx: listening\n");
	fflush(stdout);
	for (polls = 0; now_s() < end; polls++) {
		volatile uint32_t *d = (volatile uint32_t *)(rx_mem + 16 * rx_next);

		if (!(d[2] & IX_RXD_STAT_DD)) {
			if (polls % 50 == 0 && file_exists(path))
				break;
			sleep_us(1000);
			continue;
		}
		if (d[2] & IX_RXD_STAT_EOP) {
			print_frame(rx_mem + 4096 + rx_next * RX_BUF,
				    d[3] & 0xFFFF);
			frames++;
		}
		rx_post(rx_next);
		/* RDT: the slots before this one are the device's again */
		wr(IX_VFRXQ(0) + 0x18, rx_next);
		rx_next = (rx_next + 1) % RX_DESCS;
	}
	printf("rx: %u frames\n", frames);
	fflush(stdout);
}

static void wait_file(const char *path)
{
	double end = now_s() + WAIT_LIMIT_S;

	while (now_s() < end && !file_exists(path))
		sleep_us(50000);
}

static uint32_t arg_u32(const char *arg)
{
	char *end;
	unsigned long v = strtoul(arg, &end, 0);

	if (end == arg || *end || v > UINT32_MAX) {
		fprintf(stderr, "vfmbx: bad number %s\n", arg);
		exit(2);
	}
	return v;
}

static uint32_t arg_reg(const char *arg)
{
	uint32_t off = arg_u32(arg);

	if (off % 4 || off >= IX_VF_BAR0_SIZE) {
		fprintf(stderr, "vfmbx: bad register offset %s\n", arg);
		exit(2);
	}
	return off;
}

int main(int argc, char **argv)
{
	uint32_t msg[IX_MBX_WORDS], reply[IX_MBX_WORDS];
	int i = 2, n;

	if (argc < 3) {
		fprintf(stderr, "usage: vfmbx BDF reset|pfstatus|msg W0 [W1...]|rx FILE|wait FILE|rd OFF|wr OFF VAL|flr ...\n");
		return 2;
	}
	open_vf(argv[1]);
	while (i < argc) {
		if (!strcmp(argv[i], "reset")) {
			vf_reset();
			i++;
		} else if (!strcmp(argv[i], "pfstatus")) {
			printf("vfmailbox: %08x\n", mbx_status());
			i++;
		} else if (!strcmp(argv[i], "rx") && i + 1 < argc) {
			rx_until(argv[i + 1]);
			i += 2;
		} else if (!strcmp(argv[i], "wait") && i + 1 < argc) {
			wait_file(argv[i + 1]);
			i += 2;
		} else if (!strcmp(argv[i], "rd") && i + 1 < argc) {
			uint32_t off = arg_reg(argv[i + 1]);

			printf("0x%04x: %08x\n", off, rd(off));
			i += 2;
		} else if (!strcmp(argv[i], "wr") && i + 2 < argc) {
			wr(arg_reg(argv[i + 1]), arg_u32(argv[i + 2]));
			i += 3;
		} else if (!strcmp(argv[i], "flr")) {
			if (ioctl(dev, VFIO_DEVICE_RESET))
				die("VFIO_DEVICE_RESET");
			i++;
		} else if (!strcmp(argv[i], "msg")) {
			for (n = 0, i++; i < argc && n < IX_MBX_WORDS; i++, n++) {
				char *end;

				msg[n] = strtoul(argv[i], &end, 0);
				if (*end)
					break;
			}
			print_reply(mbx_call(msg, n, reply), reply);
		} else {
			fprintf(stderr, "vfmbx: unknown command %s\n", argv[i]);
			return 2;
		}
	}
	return 0;
}
