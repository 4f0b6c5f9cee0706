#!/usr/bin/env bash
# Installs the Debian/Ubuntu system libraries the app (and, with "test", the test suite) needs.
# Only what is missing is installed; without root (and no sudo) it prints what to install.
set -euo pipefail

packages=(
  # Qt 6 (PySide6 wheels) on X11/Wayland and offscreen
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xkb1
  # readable text in every bundled language (Persian UI translation included)
  fonts-dejavu-core fonts-farsiweb
  # scripts/venv.sh makes a virtual environment for the app as well as for the tests
  python3-venv
)
if [[ "${1:-}" == "test" ]]; then
  # a real PostgreSQL server (the tests start their own throw-away cluster), Xvfb for screenshots,
  # poppler to check PDF reports, espeak-ng to speak a short recording for the coding tests
  packages+=(postgresql xvfb xauth poppler-utils espeak-ng)
fi

command -v dpkg >/dev/null 2>&1 || { echo "system-deps: not a Debian-based system; install Qt 6 runtime libraries${1:+ and PostgreSQL} yourself" >&2; exit 0; }

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "system-deps: please install: ${missing[*]}" >&2
  exit 1
fi
echo "system-deps: installing ${missing[*]}" >&2
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
