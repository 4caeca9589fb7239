# Sourced by the api/ scripts: starts a fresh `barrack sandbox serve` of its own (its own data
# folder, a frozen clock unless SANDBOX_SPEED says otherwise, any key accepted unless SANDBOX_KEY
# names the one, the fresh account's credit unless SANDBOX_BALANCE sets it, a free port) and
# sets `base` to its origin (http://127.0.0.1:PORT). The caller's EXIT trap must call stop_sandbox.
#
#   . api/sandbox-server.sh; trap stop_sandbox EXIT; start_sandbox; curl "$base/api/balance/"
swift build --product barrack >/dev/null
sandbox_binary="$(swift build --show-bin-path)/barrack"
sandbox_home=""
sandbox_pid=""

start_sandbox() {
  sandbox_home=$(mktemp -d)
  if [ -n "${SANDBOX_BALANCE:-}" ]; then
    XDG_DATA_HOME="$sandbox_home" XDG_CONFIG_HOME="$sandbox_home" "$sandbox_binary" sandbox set balance "$SANDBOX_BALANCE" >/dev/null
  fi
  XDG_DATA_HOME="$sandbox_home" XDG_CONFIG_HOME="$sandbox_home" "$sandbox_binary" sandbox serve --port 0 --speed "${SANDBOX_SPEED:-0}" \
    ${SANDBOX_KEY:+--key "$SANDBOX_KEY"} \
    >"$sandbox_home/url" 2>"$sandbox_home/server.log" &
  sandbox_pid=$!
  for _ in $(seq 1 100); do
    [ -s "$sandbox_home/url" ] && break
    sleep 0.1
  done
  local url
  url=$(head -n 1 "$sandbox_home/url")
  case "$url" in
    http://*/api/) ;;
    *) echo "$0: the sandbox did not start: $(cat "$sandbox_home/server.log")" >&2; exit 1 ;;
  esac
  base=${url%/api/}
}

# Fails when the sandbox has died (a crash is a failure of every check).
sandbox_alive() {
  if ! kill -0 "$sandbox_pid" 2>/dev/null; then
    echo "$0: the sandbox died: $(tail -n 20 "$sandbox_home/server.log")" >&2
    return 1
  fi
}

# Stops the sandbox; the next start_sandbox starts a fresh one.
stop_sandbox() {
  if [ -n "$sandbox_pid" ]; then kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true; fi
  if [ -n "$sandbox_home" ]; then rm -rf "$sandbox_home"; fi
  sandbox_pid=""
  sandbox_home=""
}
