# Sourced by ./umwelt and tools/test: checks what the build and the tests need and installs
# it through apt when running as root on Debian/Ubuntu; otherwise says exactly what is missing.

umwelt_java_major() {
  javac -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p'
}

# umwelt_apt_install PKG... : installs Debian packages if root with apt, else prints the command and fails.
umwelt_apt_install() {
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "umwelt: installing $* with apt-get ..." >&2
    if ! { apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null; }; }; then
      echo "umwelt: apt-get could not install: $*" >&2
      return 1
    fi
  else
    echo "umwelt: missing packages: $*" >&2
    echo "umwelt: install them with:  sudo apt-get install $*" >&2
    return 1
  fi
}

umwelt_require_build_tools() {
  local missing=()
  if ! command -v javac >/dev/null 2>&1 || [[ "$(umwelt_java_major)" -lt 17 ]]; then
    missing+=(openjdk-17-jdk-headless)
  fi
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  if ((${#missing[@]})); then
    umwelt_apt_install "${missing[@]}" || exit 3
  fi
}
