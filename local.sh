#!/usr/bin/env bash
# NêuGương on one machine: a real Kafka broker, a MongoDB-compatible server, the development token issuer
# (the local-stack process) and the four services, each a separate JVM.
#
#   ./local.sh up [--detach]   build what is stale, start everything, print URLs and demo tokens
#   ./local.sh down            stop everything
#   ./local.sh status          what runs, and whether it is healthy
#   ./local.sh logs [name]     follow the logs (all, or one of: local-stack gateway pledge-service ...)
#   ./local.sh tokens          demo tokens as shell exports: eval "$(./local.sh tokens)"
#   ./local.sh demo [options]  publish a realistic season through the API (starts the system if needed)
#   ./local.sh bench [scenario] [options]
#                              run a benchmark scenario (pledge-season, bulk-import, rebuild, conference)
#                              against it; results in target/bench/
#
# Everything lives under .local/ (NEUGUONG_HOME): data/, logs/<name>.log, pids/<name>.pid.
# Environment: NEUGUONG_PORT_OFFSET (added to every port), NEUGUONG_<GATEWAY|PLEDGE|RECOGNITION|REPORTING|KAFKA|
# KAFKA_CONTROLLER|MONGO|ISSUER>_PORT, NEUGUONG_JAVA_OPTS (services), NEUGUONG_LOCAL_STACK_JAVA_OPTS (broker and
# database), NEUGUONG_START_TIMEOUT (seconds, default 300),
# NEUGUONG_STOP_TIMEOUT (seconds, default 30), NEUGUONG_SKIP_BUILD=1 (never build; fail if a jar is missing).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NEUGUONG_HOME="${NEUGUONG_HOME:-$ROOT/.local}"
DATA_DIR="$NEUGUONG_HOME/data"
LOG_DIR="$NEUGUONG_HOME/logs"
PID_DIR="$NEUGUONG_HOME/pids"
VERSION="0.1.0-SNAPSHOT"
REQUIRED_JAVA=17

OFFSET="${NEUGUONG_PORT_OFFSET:-0}"
GATEWAY_PORT="${NEUGUONG_GATEWAY_PORT:-$((8080 + OFFSET))}"
PLEDGE_PORT="${NEUGUONG_PLEDGE_PORT:-$((8081 + OFFSET))}"
RECOGNITION_PORT="${NEUGUONG_RECOGNITION_PORT:-$((8082 + OFFSET))}"
REPORTING_PORT="${NEUGUONG_REPORTING_PORT:-$((8083 + OFFSET))}"
ISSUER_PORT="${NEUGUONG_ISSUER_PORT:-$((8090 + OFFSET))}"
KAFKA_PORT="${NEUGUONG_KAFKA_PORT:-$((9092 + OFFSET))}"
KAFKA_CONTROLLER_PORT="${NEUGUONG_KAFKA_CONTROLLER_PORT:-$((9093 + OFFSET))}"
MONGO_PORT="${NEUGUONG_MONGO_PORT:-$((27017 + OFFSET))}"

GATEWAY_URL="http://localhost:$GATEWAY_PORT"
ISSUER_URL="http://localhost:$ISSUER_PORT"
# Six JVMs share a developer's few cores: the client compiler only (TieredStopAtLevel=1) halves the start and
# spares the minutes of C2 compilation that dominated the first benchmark runs (docs/performance.md).
JAVA_OPTS="${NEUGUONG_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8}"
# The local stack holds the broker and the embedded database, whose indexes live in memory (rebuilt at start).
LOCAL_STACK_JAVA_OPTS="${NEUGUONG_LOCAL_STACK_JAVA_OPTS:--Xmx2g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8}"
START_TIMEOUT="${NEUGUONG_START_TIMEOUT:-300}"
STOP_TIMEOUT="${NEUGUONG_STOP_TIMEOUT:-30}"

# reporting-service first: it owns the org-unit registry the others replicate
SERVICES=(reporting-service pledge-service recognition-service gateway)
PROCESSES=(local-stack "${SERVICES[@]}")

say() { printf '%s\n' "$*"; }
fail() { printf 'local.sh: %s\n' "$*" >&2; exit 1; }

java_cmd() { if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME/bin/java"; else echo java; fi; }

check_java() {
  local java version major
  java="$(java_cmd)"
  command -v "$java" >/dev/null 2>&1 || fail "Java $REQUIRED_JAVA or newer is needed, but no '$java' was found (install a JDK or set JAVA_HOME)."
  version="$("$java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)"
  major="${version%%.*}"
  [[ "$major" == 1 ]] && major="$(echo "$version" | cut -d. -f2)"
  [[ "$major" =~ ^[0-9]+$ && "$major" -ge $REQUIRED_JAVA ]] \
    || fail "Java $REQUIRED_JAVA or newer is needed, but '$java' is version ${version:-unknown} (set JAVA_HOME to a newer JDK)."
}

check_ports() {
  local port
  for port in "$GATEWAY_PORT" "$PLEDGE_PORT" "$RECOGNITION_PORT" "$REPORTING_PORT" "$ISSUER_PORT" "$KAFKA_PORT" \
              "$KAFKA_CONTROLLER_PORT" "$MONGO_PORT"; do
    [[ "$port" =~ ^[0-9]+$ && "$port" -ge 1 && "$port" -le 65535 ]] || fail "port $port is out of range (check NEUGUONG_PORT_OFFSET)."
    if port_open "$port"; then
      fail "port $port is already in use by another program; stop it, or choose other ports with NEUGUONG_PORT_OFFSET."
    fi
  done
}

port_of() {
  case "$1" in
    gateway) echo "$GATEWAY_PORT" ;;
    pledge-service) echo "$PLEDGE_PORT" ;;
    recognition-service) echo "$RECOGNITION_PORT" ;;
    reporting-service) echo "$REPORTING_PORT" ;;
  esac
}

jar_of() { echo "$ROOT/$1/target/$1-$VERSION-exec.jar"; }
log_of() { echo "$LOG_DIR/$1.log"; }
pid_file() { echo "$PID_DIR/$1.pid"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The pid of a running process of ours, or nothing (a stale pid file, or a pid reused by another program).
pid_of() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 0
  pid="$(cat "$file")"
  if [[ -n "$pid" ]] && ps -p "$pid" -o args= 2>/dev/null | grep -q -- "$1-$VERSION-exec.jar"; then
    echo "$pid"
  fi
}

running_processes() {
  local name
  for name in "${PROCESSES[@]}"; do
    [[ -n "$(pid_of "$name")" ]] && echo "$name"
  done
  return 0
}

# Sources a module's jar is built from: its own, the shared modules' and the parent POM.
stale_or_missing() {
  local module="$1" jar
  jar="$(jar_of "$module")"
  [[ -f "$jar" ]] || return 0
  [[ -n "$(find "$ROOT/pom.xml" "$ROOT/$module/pom.xml" "$ROOT/$module/src" "$ROOT/contracts/pom.xml" "$ROOT/contracts/src" \
            "$ROOT/platform/pom.xml" "$ROOT/platform/src" -newer "$jar" -print -quit 2>/dev/null)" ]]
}

build_if_needed() {
  local name stale=()
  for name in "${PROCESSES[@]}"; do
    if stale_or_missing "$name"; then stale+=("$name"); fi
  done
  [[ ${#stale[@]} -eq 0 ]] && return 0
  if [[ "${NEUGUONG_SKIP_BUILD:-}" == 1 ]]; then
    for name in "${stale[@]}"; do
      [[ -f "$(jar_of "$name")" ]] || fail "$(jar_of "$name") is missing and NEUGUONG_SKIP_BUILD=1; build with ./mvnw -DskipTests package."
    done
    return 0
  fi
  say "Building (${stale[*]} out of date): ./mvnw -q -B -DskipTests package"
  (cd "$ROOT" && ./mvnw -q -B -DskipTests package) || fail "the build failed; see the Maven output above."
  for name in "${PROCESSES[@]}"; do
    [[ -f "$(jar_of "$name")" ]] || fail "the build did not produce $(jar_of "$name")."
  done
}

# Starts a JVM in a session of its own (so Ctrl-C reaches only this script, which stops everything in order).
launch() {
  local name="$1"; shift
  local log
  log="$(log_of "$name")"
  : >"$log"
  local opts="$JAVA_OPTS"
  [[ "$name" == local-stack ]] && opts="$LOCAL_STACK_JAVA_OPTS"
  # shellcheck disable=SC2086,SC2016 # opts is a list of options; $$ and $@ belong to the inner shell
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$(pid_file "$name")" \
    "$(java_cmd)" $opts -jar "$(jar_of "$name")" "$@" </dev/null >>"$log" 2>&1 &
  local waited=0
  until [[ -s "$(pid_file "$name")" ]]; do
    sleep 0.1; waited=$((waited + 1))
    [[ $waited -lt 100 ]] || fail "$name did not start; see $log"
  done
}

start_local_stack() {
  launch local-stack --data-dir="$DATA_DIR" --kafka-port="$KAFKA_PORT" --kafka-controller-port="$KAFKA_CONTROLLER_PORT" \
    --mongo-port="$MONGO_PORT" --issuer-port="$ISSUER_PORT" --issuer-allowed-origins="$GATEWAY_URL"
}

# The local profile: demo member counts and the dashboard's demo users (never in production).
start_service() {
  local name="$1"
  SPRING_PROFILES_ACTIVE=local \
  SERVER_PORT="$(port_of "$name")" \
  SPRING_KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" \
  SPRING_MONGODB_URI="mongodb://localhost:$MONGO_PORT" \
  SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI="$ISSUER_URL" \
  NEUGUONG_SERVICES_PLEDGE_URI="http://localhost:$PLEDGE_PORT" \
  NEUGUONG_SERVICES_RECOGNITION_URI="http://localhost:$RECOGNITION_PORT" \
  NEUGUONG_SERVICES_REPORTING_URI="http://localhost:$REPORTING_PORT" \
  NEUGUONG_AGGREGATES_STATEDIR="$DATA_DIR/kafka-streams" \
    launch "$name"
}

# Fails (after stopping everything) when a process dies or the deadline passes before ready_check succeeds.
await() {
  local name="$1" what="$2" ready_check="$3" deadline=$((SECONDS + START_TIMEOUT))
  until $ready_check; do
    if [[ -z "$(pid_of "$name")" ]]; then
      abort_start "$name exited before $what. Last lines of $(log_of "$name"):" "$name"
    fi
    if [[ $SECONDS -ge $deadline ]]; then
      abort_start "$name did not become $what within ${START_TIMEOUT}s (NEUGUONG_START_TIMEOUT); see $(log_of "$name")" "$name"
    fi
    sleep 1
  done
}

local_stack_ready() { port_open "$KAFKA_PORT" && port_open "$MONGO_PORT" && port_open "$ISSUER_PORT"; }

# The overall status comes first; components may be UP while the whole is not.
# Anonymous callers see only the overall status (and the probe groups), never a component's, so any "UP" is it.
healthy() { curl -fsS --max-time 5 "http://localhost:$(port_of "$1")/actuator/health" 2>/dev/null | grep -q '"status" *: *"UP"'; }

abort_start() {
  printf 'local.sh: %s\n' "$1" >&2
  tail -n 30 "$(log_of "$2")" 2>/dev/null | sed 's/^/    /' >&2 || true
  say "Stopping what was started." >&2
  stop_all
  exit 1
}

stop_process() {
  local name="$1" pid
  pid="$(pid_of "$name")"
  if [[ -n "$pid" ]]; then kill -TERM "$pid" 2>/dev/null || true; fi
}

await_stopped() {
  local name="$1" pid deadline=$((SECONDS + STOP_TIMEOUT))
  pid="$(pid_of "$name")"
  if [[ -n "$pid" ]]; then
    while kill -0 "$pid" 2>/dev/null && [[ $SECONDS -lt $deadline ]]; do sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      say "$name did not stop within ${STOP_TIMEOUT}s; killing it."
      kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    fi
  fi
  rm -f "$(pid_file "$name")"
}

# Services first (they flush to Kafka and MongoDB as they stop), the local stack last.
stop_all() {
  local name
  for name in "${SERVICES[@]}"; do stop_process "$name"; done
  for name in "${SERVICES[@]}"; do await_stopped "$name"; done
  stop_process local-stack
  await_stopped local-stack
}

# A demo token from the issuer; the issuer answers {"access_token":"<jwt>",...}.
mint() {
  local sub="$1" name="$2" unit="$3" roles="$4" response
  response="$(curl -fsS --max-time 10 -H 'Content-Type: application/json' -X POST "$ISSUER_URL/token" \
    -d "{\"sub\":\"$sub\",\"name\":\"$name\",\"unitId\":\"$unit\",\"roles\":[$roles]}")" \
    || fail "the token issuer at $ISSUER_URL did not answer; is the stack up? (./local.sh status)"
  printf '%s' "$response" | sed -E 's/.*"access_token" *: *"([^"]+)".*/\1/'
}

# Thái Nguyên (p-19) and its commune Định Hoá (w-05569), the wartime safe zone where Hồ Chí Minh lived and worked.
print_tokens() {
  say "# NêuGương demo tokens from $ISSUER_URL (local development only). Load them with: eval \"\$(./local.sh tokens)\""
  say "# Central board (unit vn, CENTRAL_BOARD)"
  say "export TOKEN_CENTRAL_BOARD=$(mint central-board 'Ban Tuyên giáo và Dân vận Trung ương' vn '"CENTRAL_BOARD"')"
  say "# Province officer of Thái Nguyên (unit p-19, PROVINCE_OFFICER)"
  PROVINCE_OFFICER_TOKEN="$(mint province-officer-19 'Cán bộ Tỉnh ủy Thái Nguyên' p-19 '"PROVINCE_OFFICER"')"
  say "export TOKEN_PROVINCE_OFFICER=$PROVINCE_OFFICER_TOKEN"
  say "# Commune officer of Định Hoá, Thái Nguyên (unit w-05569, UNIT_OFFICER)"
  say "export TOKEN_UNIT_OFFICER=$(mint commune-officer-05569 'Cán bộ Đảng ủy xã Định Hoá' w-05569 '"UNIT_OFFICER"')"
  say "# Party member in Định Hoá (unit w-05569, MEMBER)"
  say "export TOKEN_MEMBER=$(mint member-05569-001 'Đảng viên xã Định Hoá' w-05569 '"MEMBER"')"
  say "# Administrator and operator (unit vn, ADMIN, OPERATOR)"
  say "export TOKEN_ADMIN=$(mint admin 'Quản trị hệ thống' vn '"ADMIN","OPERATOR"')"
  say "# Try: curl -H \"Authorization: Bearer \$TOKEN_PROVINCE_OFFICER\" $GATEWAY_URL/api/org-units/p-19"
}

print_ready() {
  local name
  say ""
  say "NêuGương is up: $GATEWAY_URL"
  say "  services:  reporting $REPORTING_PORT, pledge $PLEDGE_PORT, recognition $RECOGNITION_PORT (gateway $GATEWAY_PORT)"
  say "  infra:     Kafka localhost:$KAFKA_PORT, MongoDB mongodb://localhost:$MONGO_PORT, token issuer $ISSUER_URL"
  say "  logs:"
  for name in "${PROCESSES[@]}"; do say "    $(log_of "$name")"; done
  say ""
  print_tokens
  say ""
  say "Ready to paste:"
  say "  curl -H 'Authorization: Bearer $PROVINCE_OFFICER_TOKEN' $GATEWAY_URL/api/org-units/p-19"
}

# The terminal (and a pipe reading our output) may be gone: keep stopping whatever happens to the output.
stop_on_signal() {
  trap '' INT TERM HUP PIPE
  set +e
  say ""
  say "Stopping NêuGương…"
  stop_all
  exit 130
}

cmd_up() {
  local detach=false arg name
  for arg in "$@"; do
    case "$arg" in
      --detach|-d) detach=true ;;
      *) fail "unknown option '$arg' for up (usage: ./local.sh up [--detach])" ;;
    esac
  done
  check_java
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$PID_DIR"
  local running
  running="$(running_processes | tr '\n' ' ')"
  [[ -z "$running" ]] || fail "NêuGương is already running (${running% }); see ./local.sh status, or ./local.sh down first."
  rm -f "$PID_DIR"/*.pid
  check_ports
  build_if_needed
  for name in "${SERVICES[@]}"; do
    [[ -f "$(jar_of "$name")" ]] || fail "$(jar_of "$name") is missing."
  done

  trap stop_on_signal INT TERM HUP
  say "Starting Kafka, MongoDB and the token issuer (log: $(log_of local-stack))"
  start_local_stack
  await local-stack "ready (Kafka :$KAFKA_PORT, MongoDB :$MONGO_PORT, issuer :$ISSUER_PORT)" local_stack_ready
  say "Starting ${SERVICES[*]}"
  for name in "${SERVICES[@]}"; do start_service "$name"; done
  for name in "${SERVICES[@]}"; do
    await "$name" "healthy (http://localhost:$(port_of "$name")/actuator/health)" "healthy $name"
    say "  $name is healthy on port $(port_of "$name")"
  done
  print_ready

  if $detach; then
    trap - INT TERM HUP
    say ""
    say "Running in the background; stop with ./local.sh down"
    return 0
  fi
  say ""
  say "Press Ctrl-C to stop everything."
  while true; do
    for name in "${PROCESSES[@]}"; do
      if [[ -z "$(pid_of "$name")" ]]; then
        say "$name exited unexpectedly; see $(log_of "$name"). Stopping everything." >&2
        stop_all
        exit 1
      fi
    done
    sleep 2
  done
}

cmd_down() {
  local running
  running="$(running_processes | tr '\n' ' ')"
  if [[ -z "$running" ]]; then
    rm -f "$PID_DIR"/*.pid 2>/dev/null || true
    say "NêuGương is not running."
    return 0
  fi
  say "Stopping ${running% }"
  stop_all
  say "Stopped."
}

cmd_status() {
  local name pid state all=true
  for name in "${PROCESSES[@]}"; do
    pid="$(pid_of "$name")"
    if [[ -z "$pid" ]]; then
      state="stopped"; all=false
    elif [[ "$name" == local-stack ]]; then
      if local_stack_ready; then state="running (pid $pid): Kafka :$KAFKA_PORT, MongoDB :$MONGO_PORT, issuer :$ISSUER_PORT"
      else state="starting (pid $pid)"; all=false; fi
    elif healthy "$name"; then
      state="healthy (pid $pid, port $(port_of "$name"))"
    else
      state="running, not healthy (pid $pid, port $(port_of "$name"))"; all=false
    fi
    printf '%-20s %s\n' "$name" "$state"
  done
  $all || return 3
}

cmd_logs() {
  if [[ $# -eq 0 ]]; then
    local files=() name
    for name in "${PROCESSES[@]}"; do [[ -f "$(log_of "$name")" ]] && files+=("$(log_of "$name")"); done
    [[ ${#files[@]} -gt 0 ]] || fail "no logs yet in $LOG_DIR"
    exec tail -n 20 -F "${files[@]}"
  fi
  local file
  file="$(log_of "$1")"
  [[ " ${PROCESSES[*]} " == *" $1 "* ]] || fail "unknown name '$1'; one of: ${PROCESSES[*]}"
  [[ -f "$file" ]] || fail "no log yet: $file"
  exec tail -n 200 -F "$file"
}

# demo and bench are clients of the running system: start it (detached) first if it is not up.
ensure_running() {
  if [[ -n "$(running_processes)" ]]; then
    cmd_status >/dev/null || fail "NêuGương is running but not healthy; see ./local.sh status."
  else
    cmd_up --detach
  fi
  if stale_or_missing bench; then
    [[ "${NEUGUONG_SKIP_BUILD:-}" == 1 ]] && fail "$(jar_of bench) is missing and NEUGUONG_SKIP_BUILD=1."
    (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl bench -am package) || fail "building the bench module failed."
  fi
}

run_client() {
  ensure_running
  "$(java_cmd)" -Dfile.encoding=UTF-8 -jar "$(jar_of bench)" "$@" --gateway "$GATEWAY_URL" --issuer "$ISSUER_URL" \
    --kafka "localhost:$KAFKA_PORT" --mongo "mongodb://localhost:$MONGO_PORT" --pids "$PID_DIR"
}

usage() {
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"
}

command="${1:-}"
[[ $# -gt 0 ]] && shift
case "$command" in
  up) cmd_up "$@" ;;
  down) cmd_down ;;
  status) cmd_status ;;
  logs) cmd_logs "$@" ;;
  tokens) print_tokens ;;
  demo) run_client demo "$@" ;;
  bench) run_client bench "$@" ;;
  help|-h|--help) usage ;;
  *) usage >&2; exit 2 ;;
esac
