#!/usr/bin/env bash
# Installs the Debian 12 packages the dashboard needs to build, run and test,
# and only those that are missing. Works as root or as a user with sudo.
#
# The PostgreSQL server is installed for its binaries only: the project runs
# throwaway servers (build-aux/fh-postgres.sh) and never uses a system
# cluster, so none is created (and so none is started on port 5432).
set -euo pipefail

packages=(
  gcc pkg-config meson ninja-build gettext libxml2-utils
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libjson-glib-dev libpq-dev libcairo2-dev libpango1.0-dev
  zlib1g-dev
  postgresql postgresql-client
  xvfb xauth dbus-daemon at-spi2-core desktop-file-utils appstream
  fonts-cantarell fonts-dejavu-core adwaita-icon-theme hicolor-icon-theme
  poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "These Debian packages are missing and there is no sudo to install them: ${missing[*]}" >&2
  exit 1
fi

# postgresql-common reads create_main_cluster from createcluster.conf and its
# include_dir createcluster.d when a server version is first installed. The
# drop-in lives only as long as this install, so a later install done by hand
# behaves as Debian's default.
nocluster=/etc/postgresql-common/createcluster.d/family-help-dashboard-no-main-cluster.conf
if [[ " ${missing[*]} " == *" postgresql "* ]]; then
  "${sudo[@]}" mkdir -p "$(dirname "$nocluster")"
  echo "create_main_cluster = false" | "${sudo[@]}" tee "$nocluster" >/dev/null
  trap '"${sudo[@]}" rm -f "$nocluster"' EXIT
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}"
