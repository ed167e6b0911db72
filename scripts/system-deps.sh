#!/usr/bin/env bash
# Installs (as root) or names (otherwise) the Debian packages MemberDesk and its
# tests need. Idempotent: does nothing when everything is already installed.
set -euo pipefail
PKGS=(
  libpcsclite-dev pcscd vsmartcard-vpcd pcsc-tools
  xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-shape0
  libxcb-randr0 libegl1 libgl1 libfontconfig1 libdbus-1-3
  fonts-noto-cjk fonts-wqy-zenhei poppler-utils sqlite3 tzdata
  postgresql-15
)
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system; install the equivalents of: ${PKGS[*]}" >&2
  exit 0
fi
missing=()
for p in "${PKGS[@]}"; do
  st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$st" == "install ok installed" ]] || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = "0" ]; then
  echo "system-deps: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "system-deps: missing Debian packages. Run as root:" >&2
  echo "  sudo sh -c '$cmd'" >&2
  exit 1
fi
