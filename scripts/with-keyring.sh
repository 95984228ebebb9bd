#!/usr/bin/env bash
# Runs a command where a real Secret Service (gnome-keyring) is reachable, so
# keychain tests exercise the real keytar path instead of fakes.
#
#   bash scripts/with-keyring.sh [--private] <command> [args...]
#
# If the current session bus already has an org.freedesktop.secrets owner the
# command runs as is. Otherwise (or with --private, which never touches the
# caller's own keyring) it runs inside a throw-away D-Bus session with a fresh,
# unlocked gnome-keyring whose files live in temporary folders.
set -euo pipefail

private=0
if [[ "${1:-}" == "--private" ]]; then
  private=1
  shift
fi
if [[ $# -eq 0 ]]; then
  echo "usage: bash scripts/with-keyring.sh [--private] <command> [args...]" >&2
  exit 2
fi

secret_service_ready() {
  [[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || return 1
  local reply
  reply="$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null)" || return 1
  [[ "$reply" == *"boolean true"* ]]
}

if [[ "$private" == 0 ]] && secret_service_ready; then
  exec "$@"
fi

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "with-keyring: $tool is missing; install it with: apt-get install -y gnome-keyring dbus dbus-x11 libsecret-1-dev" >&2
    exit 127
  fi
done

# The inner script runs on the new private bus. It is single-quoted so that
# nothing in it expands before dbus-run-session has set up that bus.
inner='
set -uo pipefail
scratch="$(mktemp -d "${TMPDIR:-/tmp}/with-keyring.XXXXXX")"
mkdir -m 700 "$scratch/data" "$scratch/runtime" "$scratch/config" "$scratch/cache"
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime"
export XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"

# The password only protects a keyring that is deleted when this script ends.
printf "%s" "throwaway-test-keyring" \
  | gnome-keyring-daemon --foreground --unlock --components=secrets >"$scratch/daemon.log" 2>&1 &
daemon_pid=$!

cleanup() {
  kill "$daemon_pid" 2>/dev/null
  wait "$daemon_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT

ready=0
for _ in $(seq 1 50); do
  reply="$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null)"
  if [[ "$reply" == *"boolean true"* ]]; then
    ready=1
    break
  fi
  sleep 0.1
done
if [[ "$ready" != 1 ]]; then
  echo "with-keyring: gnome-keyring did not claim org.freedesktop.secrets within 5 s" >&2
  cat "$scratch/daemon.log" >&2
  exit 1
fi

"$@"
'

exec dbus-run-session -- bash -c "$inner" with-keyring "$@"
