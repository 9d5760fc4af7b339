// SPDX-License-Identifier: GPL-2.0
/*
 * vfmbx: speak the 82599 PF<->VF mailbox from a VF bound to vfio-pci, so
 * tests can send what ixgbevf never would.
 *
 *   vfmbx BDF CMD [CMD...]
 *     reset            VFCTRL.RST, wait for the PF (RSTD), VF_RESET message
 *     msg W0 [W1...]   send raw words (hex or decimal), print the reply
 *     pfstatus         print VFMAILBOX
 *
 * Each "msg" prints one line: "reply: w0 w1 ... w15" (hex), or
 * "reply: timeout" when the PF did not answer within a second. Exit status
 * is 0 unless the device could not be opened or used.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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
	int container, group, dev;
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

int main(int argc, char **argv)
{
	uint32_t msg[IX_MBX_WORDS], reply[IX_MBX_WORDS];
	int i = 2, n;

	if (argc < 3) {
		fprintf(stderr, "usage: vfmbx BDF reset|pfstatus|msg W0 [W1...] ...\n");
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
