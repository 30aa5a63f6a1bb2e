#!/usr/bin/env bash
# Starts a user PulseAudio daemon with a virtual microphone and a virtual speaker, for tests and
# benchmarks on machines without a sound card. Prints `export ...` lines to eval:
#   eval "$(scripts/virtual-audio.sh start)"
# Raw 16 kHz s16le mono written to $INTERVIEWER_VIRTMIC_FIFO arrives at the `virtmic` source
# (the default input); whatever plays to the default sink can be recorded from `speaker.monitor`.
set -eu
cmd=${1:-start}
dir=${INTERVIEWER_AUDIO_RUNTIME:-${TMPDIR:-/tmp}/interviewer-audio-$(id -u)}
# A Unix socket path holds at most 107 bytes: under a long $TMPDIR, fall back to /tmp.
[ "${#dir}" -le 80 ] || dir=/tmp/interviewer-audio-$(id -u)
# Its own config and state folders and no cookie, so a read-only or missing $HOME (a CI user)
# cannot stop it; no realtime request, so no D-Bus is needed. A pid file left by a daemon that
# is gone would make a new one believe it is already running: it is removed first. The third
# try runs it in the foreground under nohup, in case daemonizing is what fails.
start_daemon() {
    local attempt=$1
    XDG_RUNTIME_DIR="$dir" pulseaudio --kill >/dev/null 2>&1 || true
    rm -f "$dir/pulse/pid"
    mkdir -p "$dir/config" "$dir/state"
    set -- -n --exit-idle-time=-1 --system=false --realtime=no --high-priority=no \
        --log-target=file:"$dir/pulseaudio.log" \
        --load="module-native-protocol-unix auth-anonymous=1" \
        --load="module-null-sink sink_name=speaker" \
        --load="module-pipe-source source_name=virtmic file=$dir/virtmic format=s16le rate=16000 channels=1" \
        --load=module-always-sink
    if [ "$attempt" -lt 3 ]; then
        XDG_CONFIG_HOME="$dir/config" PULSE_STATE_PATH="$dir/state" HOME="$dir" \
            pulseaudio --daemonize=yes "$@" >>"$dir/start.log" 2>&1 || true
    else
        XDG_CONFIG_HOME="$dir/config" PULSE_STATE_PATH="$dir/state" HOME="$dir" \
            nohup pulseaudio --daemonize=no "$@" >>"$dir/start.log" 2>&1 </dev/null &
    fi
}

# A server answers in $dir and it is this one: it has the virtual microphone.
ours() {
    pactl list short sources 2>/dev/null | grep -q virtmic
}

case "$cmd" in
start)
    command -v pulseaudio >/dev/null || { echo "virtual-audio: pulseaudio is not installed" >&2; exit 1; }
    mkdir -p "$dir"
    chmod 700 "$dir"
    export XDG_RUNTIME_DIR="$dir"
    # pactl must never start a default daemon of its own (one without the virtual devices).
    printf 'autospawn = no\n' >"$dir/client.conf"
    export PULSE_CLIENTCONFIG="$dir/client.conf"
    # Up to three tries: a fresh machine may leave a stale pid file behind, or start slowly.
    for attempt in 1 2 3; do
        ours && break
        start_daemon "$attempt"
        for _ in $(seq 150); do ours && break; sleep 0.2; done
    done
    if ! ours; then
        echo "virtual-audio: PulseAudio did not start in $dir (user $(id -un), HOME=${HOME:-unset}); its log:" >&2
        tail -n 40 "$dir/pulseaudio.log" "$dir/start.log" >&2 2>/dev/null || true
        exit 1
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
