#!/usr/bin/env bash
# Installs what innaxe needs to build and run, only where it is missing:
# the libzip, libxml2 and SQLite development packages and pkg-config (Debian/Ubuntu names).
# Sourced by run.sh and test.sh; safe to run again.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists libzip 2>/dev/null || missing+=(libzip-dev)
  pkg-config --exists libxml-2.0 2>/dev/null || missing+=(libxml2-dev)
  pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
else
  missing+=(libzip-dev libxml2-dev libsqlite3-dev)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "innaxe setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "innaxe setup: please install ${missing[*]} with your system's package manager" >&2
    exit 1
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "innaxe setup: the Swift 6 toolchain is not on PATH (https://www.swift.org/install/)" >&2
  exit 1
fi
