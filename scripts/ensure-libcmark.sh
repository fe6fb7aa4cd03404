#!/usr/bin/env bash
# Installs Debian's libcmark-dev (the C Markdown library Chronicle links) when pkg-config cannot find it.
set -euo pipefail
if pkg-config --exists libcmark 2>/dev/null; then
  exit 0
fi
echo "libcmark-dev is missing: installing it with apt-get"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libcmark-dev pkg-config
pkg-config --exists libcmark
