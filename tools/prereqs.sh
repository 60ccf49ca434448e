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

# Debian packages a command needs that are not installed (dpkg's view; empty off Debian).
umwelt_missing_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || printf '%s ' "$p"
  done
}

# The camera renders with OpenGL through EGL on Mesa (headless; no display or GPU needed).
UMWELT_GL_PACKAGES=(libegl1 libegl-mesa0 libgl1-mesa-dri)
# Tests also open a real window on a virtual X display (the renderer's windowed path).
UMWELT_TEST_PACKAGES=(xvfb xauth)
# The trainer's exporter test (policy ExportParityTest) runs PyTorch and onnx (/usr/bin/python3).
UMWELT_TRAIN_PACKAGES=(python3-torch python3-onnx python3-numpy python3-yaml)
# ros-bridge tests run against Debian's real ROS 1: roscore, rostopic, rosparam, rosnode, rosbag
# (ros-core pulls them in) and the Python message packages rostopic/rosbag decode with.
UMWELT_ROS_TEST_PACKAGES=(ros-core python3-std-msgs python3-sensor-msgs python3-geometry-msgs python3-nav-msgs
  python3-tf2-msgs python3-rosbag)

# umwelt_install_missing WHY PKG... : installs those of PKG that dpkg lacks (as root), else prints WHY and exits 3.
umwelt_install_missing() {
  local why=$1 missing
  shift
  missing=$(umwelt_missing_packages "$@")
  if [[ -n "$missing" ]]; then
    # shellcheck disable=SC2086
    umwelt_apt_install $missing || {
      echo "umwelt: $why" >&2
      exit 3
    }
  fi
}

umwelt_require_runtime() {
  umwelt_install_missing "the camera renderer needs OpenGL (Mesa EGL); without it runs fail at the first frame" \
    "${UMWELT_GL_PACKAGES[@]}"
}

umwelt_require_test_tools() {
  umwelt_install_missing "without ROS 1 (roscore, rostopic) the ros-bridge tests fail with a message naming what is missing" \
    "${UMWELT_GL_PACKAGES[@]}" "${UMWELT_TEST_PACKAGES[@]}" "${UMWELT_ROS_TEST_PACKAGES[@]}" "${UMWELT_TRAIN_PACKAGES[@]}"
}

# `./umwelt train` runs /usr/bin/python3 with PyTorch, onnx, numpy and PyYAML (Debian packages; pip is not used).
umwelt_require_trainer() {
  umwelt_install_missing "train needs /usr/bin/python3 with torch, onnx, numpy and yaml" "${UMWELT_TRAIN_PACKAGES[@]}"
  if [[ ! -x /usr/bin/python3 ]]; then
    umwelt_apt_install python3 || exit 3
  fi
}

# The acceptance test validates episode files with the official MCAP reader (node, tools/mcap-validate).
umwelt_require_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    umwelt_apt_install nodejs npm || {
      echo "umwelt: the episode-file test needs node and npm (tools/mcap-validate); install them" >&2
      exit 3
    }
  fi
}
