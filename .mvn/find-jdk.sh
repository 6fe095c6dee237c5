#!/usr/bin/env bash
# Finds a JDK 25+ for the launcher (./imgedge, which sources this file) and the Maven wrapper
# (./mvnw, which runs it): prints the java executable's JDK home on stdout, or says on stderr what
# is missing and where it looked, and exits 1.
#
# Search order: $JAVA_HOME, `java` on PATH, then the usual install folders
# (/usr/lib/jvm/*, /usr/java/*, /opt/java/*, /opt/jdk*, /Library/Java/JavaVirtualMachines/*/Contents/Home,
# ~/.sdkman/candidates/java/*, ~/.jdks/*). IMGEDGE_JDK_SEARCH_DIRS replaces the folder list (tests use it).

REQUIRED_MAJOR=25

java_major() { # prints the feature version of the java binary $1, or nothing
  local out
  out="$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')" || true
  [[ "$out" =~ ^[0-9]+$ ]] && echo "$out"
}

find_java() { # prints the path of a java binary of a JDK $REQUIRED_MAJOR+, or explains on stderr
  local candidates=() looked=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  if command -v java >/dev/null 2>&1; then candidates+=("$(command -v java)"); fi
  local dirs="${IMGEDGE_JDK_SEARCH_DIRS:-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home $HOME/.sdkman/candidates/java/* $HOME/.jdks/*}"
  local d
  for d in $dirs; do [[ -x "$d/bin/java" ]] && candidates+=("$d/bin/java"); done
  local c major
  for c in "${candidates[@]}"; do
    major="$(java_major "$c")"
    looked+=("$c (${major:-unknown version})")
    if [[ -n "$major" && "$major" -ge "$REQUIRED_MAJOR" && -x "$(dirname "$c")/javac" ]]; then
      echo "$c"
      return 0
    fi
    [[ -n "$major" && "$major" -ge "$REQUIRED_MAJOR" ]] && looked[-1]="$c ($major, but a JRE: no javac beside it)"
  done
  {
    echo "imgedge needs a JDK $REQUIRED_MAJOR or newer, and none was found."
    echo "Looked at JAVA_HOME, java on PATH and the usual install folders:"
    if [[ ${#looked[@]} -eq 0 ]]; then echo "  (no java executable found at all)"; fi
    local l; for l in "${looked[@]}"; do echo "  $l"; done
    echo "Install a JDK $REQUIRED_MAJOR (e.g. Temurin from https://adoptium.net) and set JAVA_HOME to it."
  } >&2
  return 1
}

# Run (not sourced): print the JDK home.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  java="$(find_java)" || exit 1
  cd "$(dirname "$(readlink -f "$java")")/.." && pwd
fi
