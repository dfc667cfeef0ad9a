# Sourced by ./eligo and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is new enough, then the newest JDK in the system's JVM directory.
eligo_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}
eligo_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(eligo_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(eligo_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "eligo: no JDK 21 or newer found. Install one (e.g. apt-get install temurin-21-jdk) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
# Maven 3.8/3.9 call sun.misc.Unsafe through Guava; JDK 24+ warns about it on every run. Allow it quietly.
eligo_quiet_maven() {
  local major
  major=$(eligo_java_major "$JAVA_HOME")
  if [ "${major:-0}" -ge 24 ] 2>/dev/null; then
    case " ${MAVEN_OPTS:-} " in
      *sun-misc-unsafe-memory-access*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
    esac
  fi
}
