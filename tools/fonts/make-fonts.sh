#!/usr/bin/env bash
# Makes the PDF writer's faces in src/Gongkai.Core/Documents/Fonts from Debian's fonts-noto-cjk (see README.md there).
# Usage: tools/fonts/make-fonts.sh [--tongyong-from-unihan]   (as root, on Debian 12)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
apt-get install -y fonts-noto-cjk python3-fonttools unicode-data >/dev/null
dpkg-query -W fonts-noto-cjk python3-fonttools unicode-data
# Debian's python3, which has the fontTools of python3-fonttools (a pyenv python first on PATH would not).
/usr/bin/python3 "$root/tools/fonts/make_fonts.py" "$root" "$root/src/Gongkai.Core/Documents/Fonts" "$@"
