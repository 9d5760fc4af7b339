# SPDX-License-Identifier: GPL-2.0
# Shared settings for the ixpf test-bed scripts. Source it; do not run it.

IXPF_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IXPF_CACHE=${IXPF_CACHE:-$HOME/.cache/ixpf}
export IXPF_TOP IXPF_CACHE

# Guest kernel flavours the test bed knows: short name -> apt package
# pattern. "debug" is not a Debian package: scripts/build-debug-kernel builds
# it from Debian's linux-source-6.12 (KASAN, lockdep, kmemleak, ...).
ixpf_kernel_pattern() {
	case "$1" in
	debug) echo debug ;;
	6.12) echo '^linux-image-6\.12\.[0-9]+\+deb12-amd64-unsigned$' ;;
	6.1)  echo '^linux-image-6\.1\.0-[0-9]+-amd64-unsigned$' ;;
	*) return 1 ;;
	esac
}
# Every flavour, in the order the test bed uses them.
IXPF_KERNELS_ALL="6.12 6.1 debug"

# The script that sourced this file and its arguments (sourced without
# arguments, this file sees the script's own): ixpf_apt_fetch runs it again.
IXPF_SCRIPT=$0
IXPF_ARGV=("$@")

ixpf_log() { printf '[ixpf] %s\n' "$*" >&2; }
ixpf_die() { printf '[ixpf] error: %s\n' "$*" >&2; exit 1; }

# Run as root, or through sudo when we are not.
ixpf_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ixpf_apt_fetch DIR LOG WHAT CMD...: run the apt command CMD (apt-get
# download or source) in DIR with its output in LOG. Package lists older
# than the mirror can name a version it has dropped since (security updates
# replace them): on failure refresh the lists once and run the calling
# script again from the start, which resolves its versions anew, with its
# lock on fd 9 released (or the new run would wait for us forever). The
# callers start each download from an empty directory, so nothing of the
# failed one survives. Failing again is fatal.
ixpf_apt_fetch() {
	local dir=$1 log=$2 what=$3
	shift 3
	(cd "$dir" && "$@") >"$log" 2>&1 && return 0
	if [ -z "${IXPF_APT_UPDATED:-}" ]; then
		ixpf_log "$what failed; refreshing the package lists"
		ixpf_root apt-get update -q >/dev/null
		exec 9>&-
		IXPF_APT_UPDATED=1 exec "$IXPF_SCRIPT" "${IXPF_ARGV[@]}"
	fi
	tail -20 "$log" >&2
	ixpf_die "$what failed (log: $log)"
}

# A stable key for a set of files: sha256 over their paths and contents.
ixpf_hash_files() {
	(cd "$IXPF_TOP" && for f in "$@"; do printf '%s\n' "$f"; cat "$f"; done) |
		sha256sum | cut -c1-16
}

# ixpf_module_sources: the kernel module's sources, relative to IXPF_TOP:
# the top-level Kbuild and the C files, headers and Kbuild/Makefile files
# under drivers/ and include/ (not *.mod.c, which an in-place build
# generates).
ixpf_module_sources() {
	(cd "$IXPF_TOP" && {
		echo Kbuild
		find drivers include -type f \( -name '*.[ch]' -o -name Kbuild -o -name Makefile \) \
			! -name '*.mod.c' ! -name '.*'
	} | LC_ALL=C sort)
}

# ixpf_module_sync DEST: mirror those sources into DEST, for a build there
# with `make -C <headers> M=DEST`. Only files whose content changed are
# copied, so kbuild's timestamps stay meaningful and rebuilds incremental;
# a source deleted from the checkout goes from DEST too.
ixpf_module_sync() {
	local dest=$1 f
	local -A want=()
	mkdir -p "$dest"
	while read -r f; do
		want[$f]=1
		if ! cmp -s "$IXPF_TOP/$f" "$dest/$f"; then
			mkdir -p "$(dirname "$dest/$f")"
			cp "$IXPF_TOP/$f" "$dest/$f"
		fi
	done < <(ixpf_module_sources)
	while read -r f; do
		[ -n "${want[$f]:-}" ] || rm -f "$dest/$f"
	done < <(cd "$dest" && find . -type f \( -name '*.[ch]' -o -name Kbuild -o -name Makefile \) \
			! -name '*.mod.c' ! -name '.*' | sed 's#^\./##')
}
