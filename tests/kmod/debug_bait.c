// SPDX-License-Identifier: GPL-2.0
/*
 * debug_bait: a test-only module that commits one deliberate bug when
 * loaded, so that scripts/check-vm-run can prove the debug kernel's
 * detectors fail a run (a detector that never fires proves nothing).
 *
 *   insmod debug_bait.ko bug=uaf           KASAN: slab-use-after-free
 *   insmod debug_bait.ko bug=atomic_sleep  BUG: sleeping function called
 *                                          from invalid context
 *   insmod debug_bait.ko bug=leak          kmemleak: unreferenced object
 *   insmod debug_bait.ko bug=dma_unmap     DMA-API: ... frees DMA memory
 *                                          with different size
 *
 * Never load it anywhere but a throw-away test guest.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>

static char *bug = "";
module_param(bug, charp, 0444);
MODULE_PARM_DESC(bug, "uaf, atomic_sleep, leak or dma_unmap");

static struct platform_device *bait_pdev;

/* Read a freed object; volatile so the compiler keeps the access. */
static int bait_uaf(void)
{
	char * volatile p = kmalloc(64, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	kfree(p);
	pr_info("debug_bait: read after free: %d\n", p[8]);
	return 0;
}

/* A mutex (which may sleep) taken under a spinlock. */
static int bait_atomic_sleep(void)
{
	static DEFINE_SPINLOCK(lock);
	static DEFINE_MUTEX(mutex);

	spin_lock(&lock);
	mutex_lock(&mutex);
	mutex_unlock(&mutex);
	spin_unlock(&lock);
	return 0;
}

/* Allocate and forget: nothing points at the object afterwards. */
static int bait_leak(void)
{
	char * volatile p = kmalloc(1000, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	memset(p, 0xb1, 1000);
	p = NULL;
	return 0;
}

/* Map 256 bytes, unmap 128: the DMA-API checker compares the sizes. */
static int bait_dma_unmap(void)
{
	dma_addr_t dma;
	void *buf;
	int err;

	bait_pdev = platform_device_register_simple("debug_bait", -1, NULL, 0);
	if (IS_ERR(bait_pdev)) {
		err = PTR_ERR(bait_pdev);
		bait_pdev = NULL;
		return err;
	}
	err = dma_coerce_mask_and_coherent(&bait_pdev->dev, DMA_BIT_MASK(64));
	if (err)
		return err;
	buf = kmalloc(256, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	dma = dma_map_single(&bait_pdev->dev, buf, 256, DMA_TO_DEVICE);
	if (dma_mapping_error(&bait_pdev->dev, dma)) {
		kfree(buf);
		return -EIO;
	}
	dma_unmap_single(&bait_pdev->dev, dma, 128, DMA_TO_DEVICE);
	kfree(buf);
	return 0;
}

static int __init debug_bait_init(void)
{
	int err = -EINVAL;

	if (!strcmp(bug, "uaf"))
		err = bait_uaf();
	else if (!strcmp(bug, "atomic_sleep"))
		err = bait_atomic_sleep();
	else if (!strcmp(bug, "leak"))
		err = bait_leak();
	else if (!strcmp(bug, "dma_unmap"))
		err = bait_dma_unmap();
	if (err && bait_pdev)
		platform_device_unregister(bait_pdev);
	pr_info("debug_bait: bug=%s done (%d)\n", bug, err);
	return err;
}

static void __exit debug_bait_exit(void)
{
	if (bait_pdev)
		platform_device_unregister(bait_pdev);
}

module_init(debug_bait_init);
module_exit(debug_bait_exit);
MODULE_DESCRIPTION("Deliberate bugs that the debug guest kernel must report (tests only)");
MODULE_LICENSE("GPL");
