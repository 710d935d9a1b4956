# Sourced by ./mvnw (and so by .ci/run): the build needs a JDK 21 or newer. When JAVA_HOME is unset or older and
# the default `java` is older too (these machines default to 17 and carry a Temurin 25), pick the newest JDK 21+
# under /usr/lib/jvm and say so, so that `./mvnw spring-boot:test-run` works as the README writes it.
# POSIX sh: mvnw runs under /bin/sh.

mvnw_required_jdk=21

# Major version of the java in JDK home $1 (empty: the java on PATH); 0 when unusable.
mvnw_java_major() {
  if [ -n "${1-}" ]; then mvnw_java="$1/bin/java"; else mvnw_java=java; fi
  mvnw_version=$("$mvnw_java" -XshowSettings:properties -version 2>&1 </dev/null \
    | awk -F'= ' '/java\.specification\.version =/ {print $2; exit}') || mvnw_version=
  mvnw_version=${mvnw_version%%.*}
  case "$mvnw_version" in
  '' | *[!0-9]*) echo 0 ;;
  *) echo "$mvnw_version" ;;
  esac
}

mvnw_is_jdk() { [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ]; }

if [ -n "${JAVA_HOME-}" ] && ! mvnw_is_jdk "$JAVA_HOME"; then
  echo "mvnw: ignoring JAVA_HOME=$JAVA_HOME, which is not a JDK" >&2
  unset JAVA_HOME
fi
if [ -n "${JAVA_HOME-}" ]; then
  mvnw_current=$(mvnw_java_major "$JAVA_HOME")
elif command -v java >/dev/null 2>&1; then
  mvnw_current=$(mvnw_java_major "")
else
  mvnw_current=0
fi

if [ "$mvnw_current" -lt "$mvnw_required_jdk" ]; then
  mvnw_chosen=
  set +f # mvnw runs with globbing off (set -f); the search needs it
  # Temurin 25 first, then any other JDK under /usr/lib/jvm, newest first; symlinks are aliases of these.
  for mvnw_dir in /usr/lib/jvm/temurin-25* $(ls -1d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -rV); do
    if [ -d "$mvnw_dir" ] && [ ! -L "$mvnw_dir" ] && mvnw_is_jdk "$mvnw_dir" \
      && [ "$(mvnw_java_major "$mvnw_dir")" -ge "$mvnw_required_jdk" ]; then
      mvnw_chosen=$mvnw_dir
      break
    fi
  done
  set -f
  if [ -n "$mvnw_chosen" ]; then
    echo "mvnw: the default java is $mvnw_current (< $mvnw_required_jdk); using the JDK at $mvnw_chosen" >&2
    JAVA_HOME=$mvnw_chosen
    export JAVA_HOME
  else
    echo "mvnw: this build needs a JDK $mvnw_required_jdk or newer; the default java is $mvnw_current and none was found in /usr/lib/jvm. Set JAVA_HOME to one." >&2
    exit 1
  fi
fi
