# SPDX-License-Identifier: GPL-2.0
#
# ixpf top-level Makefile.
#
#   make test     everything CI needs on a fresh Debian 12: host packages,
#                 QEMU with the ix82599 model, both guest kernels, then every
#                 test on both kernels (tests/run). Narrow it down with
#                 TESTS=<filter> and/or KERNEL=6.12|6.1.
#   make qemu     build QEMU with the model (prints the binary's path)
#   make kernels  fetch the guest kernels and build their initramfs
#   make bench    benchmarks (none yet)
#   make clean    remove build outputs in the checkout (not the cache)
#   make clean-cache  remove $(IXPF_CACHE): QEMU builds, kernels, logs
#
# Heavy artefacts live outside the checkout in $(IXPF_CACHE), keyed by
# their inputs, so repeated runs only redo what changed.

IXPF_CACHE ?= $(HOME)/.cache/ixpf
export IXPF_CACHE

TESTS ?=
KERNEL ?=

.PHONY: all help test qemu kernels host bench clean clean-cache

# The kernel module build will take this slot; until then, say what exists.
all: help

help:
	@sed -n '3,17p' Makefile | sed 's/^# \{0,1\}//'

host:
	scripts/setup-host

qemu: host
	scripts/build-qemu

kernels: host
	scripts/get-kernel 6.12
	scripts/get-kernel 6.1

test: host
	scripts/build-qemu >/dev/null
	scripts/get-kernel 6.12 >/dev/null
	scripts/get-kernel 6.1 >/dev/null
	tests/run $(if $(KERNEL),--kernel $(KERNEL)) $(TESTS)

bench:
	@echo "no benchmarks yet"

# Module build outputs join this list when the Kbuild side lands.
clean:
	rm -rf build

clean-cache:
	rm -rf "$(IXPF_CACHE)"
