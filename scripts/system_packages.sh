#!/bin/sh
# Installs the Debian packages the tests need (PostgreSQL, Chromium, ...) when they are absent, so that
# `make test` alone sets up a fresh machine. Each package is checked with dpkg first: on a machine that has
# them this does nothing and needs no network. Without root (or apt) it says what to install and goes on, so
# the tests that need a package fail with that hint rather than this script failing the whole run.
set -eu
missing=""
for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "system_packages: please install:$missing (apt-get install$missing)" >&2
    exit 0
fi
echo "system_packages: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# shellcheck disable=SC2086  # the list is word-split on purpose
apt-get install -y -qq --no-install-recommends $missing >/dev/null
