# Sourced by bench/run and bench/order-startup: what both need before they measure.

# Installs Debian packages with apt-get (through sudo unless root), updating the lists only when
# the first attempt fails. $bench_name prefixes the message.
install_packages() {
  local runner=()
  [[ "$(id -u)" -eq 0 ]] || runner=(sudo)
  echo "$bench_name: installing $*" >&2
  "${runner[@]}" apt-get install -y "$@" >&2 \
    || { "${runner[@]}" apt-get update >&2 && "${runner[@]}" apt-get install -y "$@" >&2; }
}

# Builds `barrack` in release mode, with the static Swift runtime as the README installs it, into
# its own scratch path (.build-release, so the debug .build of the tests is left alone).
build_release() {
  echo "$bench_name: building barrack (release) …" >&2
  swift build -c release --static-swift-stdlib --product barrack --scratch-path .build-release >&2
}
