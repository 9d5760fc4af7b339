# SPDX-License-Identifier: GPL-2.0
#
# ixpf top-level Makefile.
#
#   make demo     start here: on a fresh Debian 12, set up what `make test`
#                 needs, then boot one guest on the 82599 model that walks
#                 through SR-IOV with ixpf step by step (scripts/demo)
#   make          build ixpf.ko in place against KDIR (default: the running
#                 kernel's /lib/modules/$(uname -r)/build)
#   make install  install it there (modules_install + depmod)
#   make check    W=1 + sparse builds against every guest kernel and
#                 checkpatch --strict; fails on any finding
#   make test     everything CI needs on a fresh Debian 12: host packages,
#                 QEMU with the ix82599 model, the guest kernels (Debian's
#                 6.12 and 6.1, and the debug build), then the test matrix,
#                 two guests at a time (tests/run). Narrow it down with
#                 TESTS=<filter>, KERNEL=6.12|6.1|debug, JOBS=N.
#   make test-full  every test on every kernel (run before resolving an
#                 issue); same knobs.
#   make qemu     build QEMU with the model (prints the binary's path)
#   make kernels  fetch the guest kernels, build the debug one, and their
#                 initramfs
#   make bench    ixpf vs upstream ixgbe on the same model, as ratios
#                 (scripts/bench; KERNEL=6.1 for the other guest)
#   make clean    remove build outputs in the checkout (not the cache)
#   make clean-cache  remove $(IXPF_CACHE): QEMU builds, kernels, logs
#
# Heavy artefacts live outside the checkout in $(IXPF_CACHE), keyed by
# their inputs, so repeated runs only redo what changed. Tests build the
# module per guest kernel themselves (scripts/build-module 6.12|6.1|debug).

IXPF_CACHE ?= $(HOME)/.cache/ixpf
export IXPF_CACHE

TESTS ?=
KERNEL ?=
JOBS ?=
RUN_ARGS = $(if $(KERNEL),--kernel $(KERNEL)) $(if $(JOBS),-j $(JOBS)) $(TESTS)

KDIR ?= /lib/modules/$(shell uname -r)/build
# The release the headers are for: Debian's 6.1 headers carry the upstream
# version in include/config/kernel.release, so modules_install would pick
# the wrong /lib/modules directory without it.
KREL = $(shell sed -n 's/.*UTS_RELEASE "\(.*\)".*/\1/p' $(KDIR)/include/generated/utsrelease.h)

.PHONY: all install check kdir help demo test test-full qemu kernels host bench clean clean-cache

all: kdir
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

install: all
	$(MAKE) -C $(KDIR) M=$(CURDIR) KERNELRELEASE=$(KREL) modules_install
	depmod $(if $(INSTALL_MOD_PATH),-b $(INSTALL_MOD_PATH)) -a $(KREL)

kdir:
	@test -f $(KDIR)/Makefile || { \
		echo "no kernel build tree at $(KDIR): set KDIR=..., or build" \
			"against a guest kernel with scripts/build-module 6.12|6.1" >&2; \
		exit 1; }

check: host
	scripts/check-module

help:
	@sed -n '3,30p' Makefile | sed 's/^# \{0,1\}//'

host:
	scripts/setup-host

qemu: host
	scripts/build-qemu

kernels: host
	scripts/get-kernel 6.12
	scripts/get-kernel 6.1
	scripts/get-kernel debug

# scripts/demo runs setup-host and the rest itself, so it works on its own too.
demo:
	scripts/demo

test: host
	scripts/build-qemu >/dev/null
	scripts/get-kernel 6.12 >/dev/null
	scripts/get-kernel 6.1 >/dev/null
	scripts/get-kernel debug >/dev/null
	tests/run $(RUN_ARGS)

test-full: host
	scripts/build-qemu >/dev/null
	scripts/get-kernel 6.12 >/dev/null
	scripts/get-kernel 6.1 >/dev/null
	scripts/get-kernel debug >/dev/null
	tests/run --full $(RUN_ARGS)

bench: host
	scripts/bench $(if $(KERNEL),--kernel $(KERNEL))

# kbuild's own clean needs KDIR; these are the files it leaves.
clean:
	rm -rf build .tmp_versions
	rm -f Module.symvers modules.order .module-common.o .*.cmd .cache.mk
	find drivers include -type f \( -name '*.o' -o -name '*.ko' -o -name '*.mod' \
		-o -name '*.mod.c' -o -name '.*.cmd' -o -name '*.order' -o -name '*.symvers' \
		-o -name '*.a' -o -name '*.dwo' -o -name '*.su' \) -delete

clean-cache:
	rm -rf "$(IXPF_CACHE)"
