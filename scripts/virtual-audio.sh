#!/usr/bin/env bash
# Starts a user PulseAudio daemon with a virtual microphone and a virtual speaker, for tests and
# benchmarks on machines without a sound card. Prints `export ...` lines to eval:
#   eval "$(scripts/virtual-audio.sh start)"
# Raw 16 kHz s16le mono written to $INTERVIEWER_VIRTMIC_FIFO arrives at the `virtmic` source
# (the default input); whatever plays to the default sink can be recorded from `speaker.monitor`.
set -eu
cmd=${1:-start}
dir=${INTERVIEWER_AUDIO_RUNTIME:-${TMPDIR:-/tmp}/interviewer-audio-$(id -u)}
case "$cmd" in
start)
    command -v pulseaudio >/dev/null || { echo "virtual-audio: pulseaudio is not installed" >&2; exit 1; }
    mkdir -p "$dir"
    chmod 700 "$dir"
    export XDG_RUNTIME_DIR="$dir"
    if ! pactl info >/dev/null 2>&1; then
        pulseaudio -n --daemonize=yes --exit-idle-time=-1 --system=false \
            --load=module-native-protocol-unix \
            --load="module-null-sink sink_name=speaker" \
            --load="module-pipe-source source_name=virtmic file=$dir/virtmic format=s16le rate=16000 channels=1" \
            --load=module-always-sink >/dev/null 2>&1
        for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
    fi
    pactl set-default-source virtmic
    pactl set-default-sink speaker
    echo "export XDG_RUNTIME_DIR=$dir"
    echo "export INTERVIEWER_VIRTMIC_FIFO=$dir/virtmic"
    ;;
stop)
    XDG_RUNTIME_DIR="$dir" pulseaudio --kill 2>/dev/null || true
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
