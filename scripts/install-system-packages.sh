#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages listed in system-packages.txt when it can (root, or
# passwordless sudo); otherwise prints the one command to run. Never fails the build by itself:
# the app falls back (text mode, no speech) when a package is missing.
set -u
cd "$(dirname "$0")/.."
mapfile -t wanted < <(grep -v '^\s*#' system-packages.txt | awk 'NF {print $1}')
[ "${#wanted[@]}" -gt 0 ] || exit 0
missing=()
for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ "${#missing[@]}" -gt 0 ] || exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "note: not a Debian/Ubuntu system; install the equivalents of: ${missing[*]}" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    echo "note: to enable speech and audio, run: sudo apt-get install -y ${missing[*]}" >&2
    exit 0
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null 2>&1 || true
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || echo "note: could not install ${missing[*]}; run: sudo apt-get install -y ${missing[*]}" >&2
exit 0
