#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# serial: every VF must reach the peer within 10 s of the PF's carrier
# PF down/up with VFs up: every VF is reset by the PF (CTS cleared, VF
# resets and renegotiates) and passes traffic again within 10 s of the PF
# coming back; the PF itself and VF<->VF switching work again too.
. "$(dirname "$0")/common.bash"

N=4
sriov_setup "$N"
for ((k = 0; k < N; k++)); do
	ping_ok "vf$k" "$PEER_IP4" || die "VF $k cannot ping the peer before the PF reset"
done

# One bounce only: ixgbevf asks for a reset at most once every 10 s after
# its last one (last_reset), so a second bounce right after this one would
# measure that rate limit rather than the model.
kmsg "PF down"
ip link set "$PF" down
wait_no_carrier "$PF" 10 || die "PF still has carrier after ip link set down"
for ((k = 0; k < N; k++)); do
	wait_no_carrier "${VF_IF[k]}" 20 "vf$k" || die "VF $k kept its carrier with the PF down"
done
kmsg "PF up"
ip link set "$PF" up
wait_carrier "$PF" 20 || die "PF has no carrier after ip link set up"
kmsg "PF has carrier again"

# From now on every VF gets 10 s to reach the peer (stretched on the slow
# debug kernel, as wait_for is); all are tried at once.
pids=()
for ((k = 0; k < N; k++)); do
	timeout $((10 * IXPF_TIME_SCALE)) bash -c "until ip netns exec vf$k ping -c 1 -W 1 $PEER_IP4 >/dev/null 2>&1; do sleep 0.2; done" &
	pids[k]=$!
done
failed=()
for ((k = 0; k < N; k++)); do
	wait "${pids[k]}" || failed+=("$k")
done
kmsg "VF pings after the PF reset done (failed: ${failed[*]:-none})"
[ ${#failed[@]} -eq 0 ] || die "VF(s) ${failed[*]} did not reach the peer within 10 s of the PF's carrier: $(dmesg_since 'PF down' | grep -E 'ixgbe|ixgbevf')"

ping_ok peer "$PF_IP4" || die "the peer cannot reach the PF after its reset"
ping_ok vf0 "$PF_IP4" || die "VF 0 cannot reach the PF after its reset"
ping_ok vf0 "$(vf_ip $((N - 1)))" || die "VF 0 cannot reach VF $((N - 1)) after the PF reset"
for ((k = 0; k < N; k++)); do
	expect_eq "$(if_carrier "${VF_IF[k]}" "vf$k")" 1 "carrier of VF $k after the PF reset"
done
log "$(dmesg_since 'PF down' | grep -cE 'VF Reset msg received') VF resets handled by the PF"
bad=$(driver_errors "${VF_PCI[@]}")
[ -z "$bad" ] || die "errors/warnings from the drivers: $bad"
