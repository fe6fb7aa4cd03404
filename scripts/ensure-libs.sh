#!/usr/bin/env bash
# Installs with apt-get the Debian packages Chronicle builds against, when they are missing:
# libcmark-dev (the C Markdown library, found with pkg-config) and libtcmalloc-minimal4 (the
# allocator the `chronicle` executable links; see Package.swift).
set -euo pipefail
missing=()
pkg-config --exists libcmark 2>/dev/null || missing+=(libcmark-dev pkg-config)
# Asked of dpkg, not ldconfig: /sbin, where ldconfig is, is not on an ordinary user's PATH.
has_tcmalloc() { dpkg-query -W -f='${Status}' libtcmalloc-minimal4 2>/dev/null | grep -q 'ok installed'; }
has_tcmalloc || missing+=(libtcmalloc-minimal4)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "missing: ${missing[*]}: installing with apt-get"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
pkg-config --exists libcmark
has_tcmalloc
