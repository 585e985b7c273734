#!/usr/bin/env bash
# Runs a command (by default the README's test command, build-aux/check.sh)
# on a copy of this checkout inside a brand-new minimal Debian 12 root, so
# that every package the project needs must be installed by its own scripts:
# a missing install step fails here even when the host has the package.
#
#   build-aux/fh-fresh-root.sh [--shared DIR] [--keep] [-- COMMAND…]
#
# The root is `mmdebstrap --variant=apt bookworm` (apt and the essential
# packages, nothing else). Only that bare root is cached, as a tarball in
# $FH_ROOT_CACHE (default /var/cache/fh-fresh-root, reused for a day; set
# FH_ROOT_CACHE= to build a new one every time), so the cache can never hide a
# missing install step. The checkout is copied to /src/<name> in the root and
# ../shared (or --shared DIR, or $FH_SHARED_DIR), when it exists, is copied
# beside it and mounted read-only. Everything runs in private mount and PID namespaces: the mounts
# (/proc, /sys, /dev/pts, /dev/shm, /tmp) and every process started inside
# (PostgreSQL, D-Bus, Xvfb) go away with the command, whatever happens, and the
# root is deleted afterwards unless --keep is given.
#
# Needs root (CI runs as root) and network access to Debian's mirrors.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$here")
shared=${FH_SHARED_DIR:-$top/../shared}
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --shared) shared=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --) shift; break ;;
    *) echo "unknown option: $1 (usage: $0 [--shared DIR] [--keep] [-- COMMAND…])" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || set -- build-aux/check.sh

if [ "$(id -u)" -ne 0 ]; then
  echo "fh-fresh-root.sh needs root (it builds a Debian root and enters it with chroot)." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! command -v mmdebstrap >/dev/null; then
  echo "Installing mmdebstrap on the host…"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null
fi

work=$(mktemp -d "${FH_FRESH_ROOT_TMP:-/var/tmp}/fh-fresh-root.XXXXXX")
root="$work/root"
cleanup() {
  local status=$?
  if [ "$keep" = 1 ]; then
    echo "The root is kept in $root"
  else
    # --one-file-system: never follow a mount into the host, should one be
    # left (the mounts live in a namespace that is already gone).
    rm -rf --one-file-system "$work" || echo "warning: could not remove $work" >&2
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The bare root: cached only as it comes from mmdebstrap, never with the
# project's packages in it. No mirror is named: mmdebstrap then uses Debian's
# default one, with the updates and security suites of a stable release, as
# a new install would.
make_root() {
  echo "Making a minimal Debian 12 root (mmdebstrap --variant=apt bookworm)…"
  mmdebstrap --quiet --variant=apt bookworm "$1"
}
cache=${FH_ROOT_CACHE-/var/cache/fh-fresh-root}
if [ -n "$cache" ]; then
  mkdir -p "$cache"
  tarball="$cache/bookworm-apt.tar"
  if [ -z "$(find "$tarball" -mmin -1440 2>/dev/null)" ]; then
    make_root "$work/bare.tar"
    mv "$work/bare.tar" "$tarball.new"
    mv "$tarball.new" "$tarball"
  else
    echo "Reusing the bare Debian 12 root in $tarball (made $(date -r "$tarball" -u '+%F %R UTC'))"
  fi
else
  tarball="$work/bare.tar"
  make_root "$tarball"
fi
mkdir "$root"
tar -xf "$tarball" -C "$root" --same-owner --numeric-owner
# Name resolution as on the host (a new machine has its own name in /etc/hosts).
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
cp -L /etc/hosts "$root/etc/hosts"

# A copy of the checkout: tracked and untracked files, not what git ignores
# (build directories), not .git.
name=$(basename "$top")
mkdir -p "$root/src/$name"
if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$top" && git ls-files -z --cached --others --exclude-standard |
     while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
     tar -c --null -T - -f -) | tar -x -C "$root/src/$name"
else
  tar -c -C "$top" --exclude=./.git --exclude='./_build*' -f - . | tar -x -C "$root/src/$name"
fi
if [ -d "$shared" ]; then
  mkdir -p "$root/src/shared"
  cp -a "$shared/." "$root/src/shared/"
  echo "With a read-only copy of $(cd "$shared" && pwd) as /src/shared"
fi

echo "Running in the fresh root, in /src/$name: $*"
# In the background so that a signal to this script is handled at once: the
# trap kills unshare (SIGKILL: it blocks SIGTERM and SIGINT), --kill-child
# then kills the namespace's first process and with it every process in the
# namespace; the mounts go with the last of them.
unshare --mount --propagation private --pid --fork --kill-child -- bash -euc '
  root=$1; name=$2; shift 2
  mount -t proc proc "$root/proc"
  mount -t sysfs -o ro sysfs "$root/sys"
  mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"
  mount --bind "$root/dev/pts/ptmx" "$root/dev/ptmx"
  mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
  mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
  if [ -d "$root/src/shared" ]; then
    mount --bind "$root/src/shared" "$root/src/shared"
    mount -o remount,bind,ro "$root/src/shared"
  fi
  # A clean environment, as a root login on a new machine would have.
  exec chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root SHELL=/bin/bash \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    ${CI:+CI=$CI} TERM=dumb \
    /bin/bash -c "cd \"/src/$name\" && exec \"\$@\"" _ "$@"
'  _ "$root" "$name" "$@" </dev/null &
child=$!
trap 'kill -KILL "$child" 2>/dev/null; wait "$child"; exit 130' INT
trap 'kill -KILL "$child" 2>/dev/null; wait "$child"; exit 143' TERM
status=0
wait "$child" || status=$?
echo "The command in the fresh root exited with status $status"

# The test logs outlive the root (CI keeps them as artefacts).
logs="$top/_build-fresh-root-logs"
rm -rf "$logs"
for d in "$root/src/$name"/_build*/meson-logs; do
  [ -d "$d" ] || continue
  mkdir -p "$logs"
  cp -r "$d" "$logs/$(basename "$(dirname "$d")")"
done
[ -d "$logs" ] && echo "Build and test logs from the fresh root: $logs"
exit $status
