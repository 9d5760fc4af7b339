#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers: ixgbe ixpf
# serial: compares counters after fixed sleeps around a 2 s stats sample
# Per-VF counters in `ip -s link show PF` (the NIC's PVFGPRC/GPTC/GORC/GOTC
# as ixgbe's watchdog samples them every ~2 s) follow what each VF really
# sent and received: a different, known number of UDP datagrams of a known
# size from and to each VF (over the wire, VF to VF, multicast) shows up as
# exactly that many packets and the matching bytes, on the right VF only.
. "$(dirname "$0")/common.bash"

P=1000		# UDP payload: a frame is 14 + 20 + 8 + P bytes, + 4 with CRC
SLACK=2		# stray frames tolerated per counter
sriov_setup 2

# Quiet endpoints: no IPv6 (router solicitations, MLD), permanent neighbour
# entries (no ARP), and a UDP listener everywhere (no ICMP errors back).
for ns in peer vf0 vf1; do
	ns_exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	ns_exec "$ns" socat -u UDP-RECV:9999 OPEN:/dev/null &
done
peer_mac=$(if_mac "$PEER" peer)
for k in 0 1; do
	mac[k]=$(if_mac "${VF_IF[k]}" "vf$k")
	ip -n peer neigh replace "$(vf_ip "$k")" lladdr "${mac[k]}" dev "$PEER" nud permanent
	ip -n "vf$k" neigh replace "$PEER_IP4" lladdr "$peer_mac" dev "${VF_IF[k]}" nud permanent
done
ip -n vf0 neigh replace "$(vf_ip 1)" lladdr "${mac[1]}" dev "${VF_IF[0]}" nud permanent
# A multicast group both VFs join at the link level (no IGMP sent).
GROUP=$(free_groups 1)
for k in 0 1; do
	ip -n "vf$k" maddr add "$(group_mac "$GROUP")" dev "${VF_IF[k]}"
done
ip -n peer route add 224.0.0.0/4 dev "$PEER"
wait_for "ns_exec vf1 ss -lun | grep -q :9999 && ns_exec vf0 ss -lun | grep -q :9999 && ns_exec peer ss -lun | grep -q :9999" 10 ||
	die "UDP listeners did not start"

# counters: per VF (0, then 1) rx packets, rx bytes, tx packets, tx bytes,
# rx multicast, as `ip -j -s link show PF` reports them (iproute2 6.1 names
# the tx ones tx_packets/tx_bytes, later versions packets/bytes).
counters() {
	ip -j -s link show "$PF" | jq -r '.[0].vfinfo_list[] | select(.vf < 2) | .stats |
		"\(.rx.packets) \(.rx.bytes) \(.tx.packets // .tx.tx_packets) \(.tx.bytes // .tx.tx_bytes) \(.rx.multicast)"' |
		tr '\n' ' '
}

# send FROM_NS TO_IP COUNT: COUNT datagrams of P bytes
send() {
	ns_exec "$1" python3 - "$2" "$3" "$P" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
for i in range(int(sys.argv[2])):
    s.sendto(b"x" * int(sys.argv[3]), (sys.argv[1], 9999))
    time.sleep(0.005)
PY
}

# Let the counters settle (the watchdog samples every 2 s), then take the
# starting point.
sleep 3
read -ra before <<<"$(counters)"
log "VF counters before: ${before[*]}"

# Distinct counts, so a frame counted on the wrong VF or direction shows.
send vf0 "$PEER_IP4" 30
send vf1 "$PEER_IP4" 50
send peer "$(vf_ip 0)" 40
send peer "$(vf_ip 1)" 60
send vf0 "$(vf_ip 1)" 25
send peer "$GROUP" 20		# multicast, to both VFs
#      what            index in counters   want
checks=("VF 0 rx"        0 $((40 + 20))
	"VF 0 tx"        2 $((30 + 25))
	"VF 0 rx mcast"  4 20
	"VF 1 rx"        5 $((60 + 25 + 20))
	"VF 1 tx"        7 50
	"VF 1 rx mcast"  9 20)

# delta I: counter I now minus before
delta() {
	local now
	read -ra now <<<"$(counters)"
	echo $((now[$1] - before[$1]))
}
for ((c = 0; c < ${#checks[@]}; c += 3)); do
	wait_for "[ \$(delta ${checks[c + 1]}) -ge ${checks[c + 2]} ]" 10 ||
		die "${checks[c]} packets: $(delta "${checks[c + 1]}") after 10 s, want ${checks[c + 2]}"
done
# One more watchdog period, so late strays are in too.
sleep 3
read -ra after <<<"$(counters)"
log "VF counters after: ${after[*]}"
for ((c = 0; c < ${#checks[@]}; c += 3)); do
	i=${checks[c + 1]} n=${checks[c + 2]}
	pkts=$((after[i] - before[i]))
	expect_ge "$pkts" "$n" "${checks[c]} packets"
	expect_le "$pkts" $((n + SLACK)) "${checks[c]} packets"
	case "${checks[c]}" in *mcast) continue ;; esac	# no byte count
	bytes=$((after[i + 1] - before[i + 1]))
	expect_ge "$bytes" $((n * (42 + P))) "${checks[c]} bytes"
	expect_le "$bytes" $((n * (46 + P) + SLACK * 128)) "${checks[c]} bytes"
done

bad=$(driver_errors "${VF_PCI[@]}")
[ -z "$bad" ] || die "errors/warnings from the drivers: $bad"
