#!/bin/sh
# Install the Debian packages the project needs, if any is missing.
# Runs apt-get as root (directly, or through sudo when available).
set -eu
packages="meson ninja-build pkg-config gcc clang libclang-rt-14-dev
  musl-tools libyaml-dev libseccomp-dev libmsgpack-dev python3 curl
  bubblewrap hyperfine strace locales bash util-linux procps file"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
    missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "install-deps: all Debian packages present"
  exit 0
fi
echo "install-deps: installing Debian packages:$missing"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
