# Sourced by ./sluice and .ci/run: finds a JDK >= 21 and the system libraries the build needs.
# The machine's default java may be 17, which cannot build a release-21 project.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* ; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! SLUICE_JDK=$(find_jdk); then
  echo "sluice: no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm/*)." >&2
  echo "sluice: install one (e.g. Temurin 21+) and set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME="$SLUICE_JDK"
export PATH="$JAVA_HOME/bin:$PATH"

# The bundled FFmpeg's libavdevice links libpulse; without it ffmpeg will not start.
ensure_libpulse() {
  if ldconfig -p 2>/dev/null | grep -q 'libpulse.so.0'; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "sluice: installing libpulse0 (needed by the bundled FFmpeg)..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpulse0) >/dev/null \
      || echo "sluice: could not install libpulse0; FFmpeg tests will fail" >&2
  else
    echo "sluice: libpulse0 is missing; install it (apt-get install libpulse0) for FFmpeg" >&2
  fi
}

# Maven's own dependencies (Guice) use sun.misc.Unsafe; JDK 24+ warns about it on every run.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS:-}" ;;
  esac
fi
