#!/usr/bin/env bash
# NêuGương on one machine: a real Kafka broker, a MongoDB-compatible server, the development token issuer
# (the local-stack process) and the four services, each a separate JVM.
#
#   ./local.sh up [--detach] [--instances N] [--separate-infra]
#                              build what is stale, start everything, print URLs and demo tokens; N instances of
#                              pledge-, recognition- and reporting-service (default 1, or as many as already run),
#                              balanced by the gateway. On a partly running system it starts only what is missing
#                              (how to restart a crashed process) and stops instances beyond N. --separate-infra runs
#                              the broker, the database and the issuer as three processes (kafka, mongo, issuer)
#                              instead of one (local-stack), so each can be stopped or killed alone.
#   ./local.sh down            stop everything
#   ./local.sh stop name...    stop some processes, e.g. reporting-service-2 (scale down; ./local.sh up restarts them)
#   ./local.sh status          every process, instance, port, and whether it is healthy
#   ./local.sh logs [name]     follow the logs (all, or one of: local-stack gateway pledge-service-1 ...)
#   ./local.sh tokens          demo tokens as shell exports: eval "$(./local.sh tokens)"
#   ./local.sh publish FILE    publish pledge commands on Kafka as the demo publisher thai-nguyen (docs/inbound.md)
#   ./local.sh demo [options]  publish a realistic season through the API (starts the system if needed)
#   ./local.sh bench [scenario] [options]
#                              run a benchmark scenario (pledge-season, bulk-import, rebuild, conference, inbound)
#                              against it; results in target/bench/. faults: kill -9, pause and scale processes
#                              under load and check that nothing acknowledged is lost or counted twice
#                              (docs/operations.md)
#
# Everything lives under .local/ (NEUGUONG_HOME): data/, logs/<name>.log, pids/<name>.pid, where a service's name
# is <service>-<i> (pledge-service-1, ...); ports/<name>.port remembers the port of each instance after the first.
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
PORT_DIR="$NEUGUONG_HOME/ports"
# how many instances of each service run (written by up --instances), and how many the running gateway knows
INSTANCES_FILE="$NEUGUONG_HOME/instances"
GATEWAY_INSTANCES_FILE="$NEUGUONG_HOME/gateway-instances"
# "separate" while the broker, database and issuer run as processes of their own
INFRA_FILE="$NEUGUONG_HOME/infra"
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
KAFKA_SASL_PORT="${NEUGUONG_KAFKA_SASL_PORT:-$((9094 + OFFSET))}"
MONGO_PORT="${NEUGUONG_MONGO_PORT:-$((27017 + OFFSET))}"

GATEWAY_URL="http://localhost:$GATEWAY_PORT"
ISSUER_URL="http://localhost:$ISSUER_PORT"
# Six JVMs share a developer's few cores: the client compiler only (TieredStopAtLevel=1) halves the start and
# spares the minutes of C2 compilation that dominated the first benchmark runs (docs/performance.md).
JAVA_OPTS="${NEUGUONG_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8}"
# The local stack holds the broker and the embedded database, whose documents and indexes live on its heap: about
# 7.5 KB per stored pledge at season scale (docs/performance.md), so its ceiling is a share of the machine's memory
# rather than a fixed size (the heap is only taken as the data grows), and a young generation large enough that an
# import does not collect every few hundred milliseconds. It keeps the full JIT: its start rebuilds every index of
# the database, which with a season stored took a third less CPU with C2, and it costs less per pledge with it.
LOCAL_STACK_JAVA_OPTS="${NEUGUONG_LOCAL_STACK_JAVA_OPTS:--XX:MaxRAMPercentage=40 -Xmn256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8}"
START_TIMEOUT="${NEUGUONG_START_TIMEOUT:-300}"
STOP_TIMEOUT="${NEUGUONG_STOP_TIMEOUT:-30}"

# reporting-service first: it owns the org-unit registry the others replicate
INSTANCED=(reporting-service pledge-service recognition-service)
MODULES=(local-stack "${INSTANCED[@]}" gateway)
INSTANCES=1
INFRA=(local-stack)

say() { printf '%s\n' "$*"; }
fail() { printf 'local.sh: %s\n' "$*" >&2; exit 1; }

java_version() { "$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1; }
java_major() {
  local version="$1" major
  major="${version%%.*}"
  [[ "$major" == 1 ]] && major="$(echo "$version" | cut -d. -f2)"
  [[ "$major" =~ ^[0-9]+$ ]] && echo "$major" || echo 0
}

# JAVA_HOME when set; otherwise the newest JDK among the one on the PATH and those under /usr/lib/jvm: from Java 25
# on, the services start from an AOT cache for about a third of the CPU (docs/performance.md), which is what a
# developer's few cores wait for at every ./local.sh up.
JAVA_BIN=""
java_cmd() {
  if [[ -z "$JAVA_BIN" ]]; then
    if [[ -n "${JAVA_HOME:-}" ]]; then
      JAVA_BIN="$JAVA_HOME/bin/java"
    else
      local candidate best="" best_major=0 major
      for candidate in "$(command -v java 2>/dev/null || true)" /usr/lib/jvm/*/bin/java; do
        [[ -n "$candidate" && -x "$candidate" ]] || continue
        major="$(java_major "$(java_version "$candidate")")"
        if [[ "$major" -gt "$best_major" ]]; then best="$candidate"; best_major="$major"; fi
      done
      JAVA_BIN="${best:-java}"
    fi
  fi
  echo "$JAVA_BIN"
}

check_java() {
  local java version
  java="$(java_cmd)"
  command -v "$java" >/dev/null 2>&1 || fail "Java $REQUIRED_JAVA or newer is needed, but no '$java' was found (install a JDK or set JAVA_HOME)."
  version="$(java_version "$java")"
  [[ "$(java_major "$version")" -ge $REQUIRED_JAVA ]] \
    || fail "Java $REQUIRED_JAVA or newer is needed, but '$java' is version ${version:-unknown} (set JAVA_HOME to a newer JDK)."
  if aot_enabled; then
    say "Java $version ($java): services start from AOT caches (NEUGUONG_AOT=0 to turn them off)"
  else
    say "Java $version ($java)"
  fi
}

# AOT caches (JEP 483/514, Java 25+): one per service jar, next to it in target/aot/, made by a training start that
# stops once the application context is refreshed (it needs the broker and the database, which start first), and
# made again whenever the jar changes. The cache holds classes loaded and linked, which a start from the nested
# executable jar cannot use: the jar is extracted beside it.
aot_enabled() {
  [[ "${NEUGUONG_AOT:-1}" != 0 && "$(java_major "$(java_version "$(java_cmd)")")" -ge 25 ]]
}
aot_dir() { echo "$ROOT/$(module_of "$1")/target/aot"; }
aot_jar() { echo "$(aot_dir "$1")/app/$(basename "$(jar_of "$1")")"; }
aot_cache() { echo "$(aot_dir "$1")/app.aot"; }
aot_ready() { [[ -f "$(aot_cache "$1")" && "$(aot_cache "$1")" -nt "$(jar_of "$1")" ]]; }

# Trains the AOT caches of the services about to start that have none for their jar (in parallel, after the
# infrastructure is up); a failed training only means a slower start.
aot_train() {
  aot_enabled || return 0
  local name module todo=() seen=" "
  for name in "$@"; do
    module="$(module_of "$name")"
    is_infra "$name" || aot_ready "$name" || [[ "$seen" == *" $module "* ]] || { todo+=("$name"); seen+="$module "; }
  done
  [[ ${#todo[@]} -gt 0 ]] || return 0
  say "Training AOT caches for ${todo[*]} (once per build)"
  local pids=()
  for name in "${todo[@]}"; do
    (
      dir="$(aot_dir "$name")"
      rm -rf "$dir" && mkdir -p "$dir"
      "$(java_cmd)" -Djarmode=tools -jar "$(jar_of "$name")" extract --destination "$dir/app" >/dev/null 2>&1 \
        && start_service "$name" train && [[ -f "$dir/app.aot.training" ]] \
        && mv "$dir/app.aot.training" "$dir/app.aot" \
        || { rm -rf "$dir"; say "  (no AOT cache for $name: the training start failed; see $(log_of "$name").aot-training)"; }
    ) &
    pids+=($!)
  done
  for name in "${pids[@]}"; do wait "$name" || true; done
}

# The ports of the processes about to start must be free.
check_ports() {
  local name port
  for name in "$@"; do
    case "$name" in
      local-stack) for port in "$ISSUER_PORT" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$KAFKA_SASL_PORT" "$MONGO_PORT"; do check_port "$port"; done ;;
      kafka) check_port "$KAFKA_PORT"; check_port "$KAFKA_CONTROLLER_PORT"; check_port "$KAFKA_SASL_PORT" ;;
      mongo) check_port "$MONGO_PORT" ;;
      issuer) check_port "$ISSUER_PORT" ;;
      *) check_port "$(port_of "$name")" ;;
    esac
  done
}

check_port() {
  [[ "$1" =~ ^[0-9]+$ && "$1" -ge 1 && "$1" -le 65535 ]] || fail "port $1 is out of range (check NEUGUONG_PORT_OFFSET)."
  if port_open "$1"; then
    fail "port $1 is already in use by another program; stop it, or choose other ports with NEUGUONG_PORT_OFFSET."
  fi
}

# Process names: local-stack (or kafka, mongo, issuer), gateway, and <service>-<i> for each instance of a service.
module_of() {
  if [[ "$1" =~ ^(.+-service)-([0-9]+)$ ]]; then echo "${BASH_REMATCH[1]}"
  elif is_infra "$1"; then echo local-stack
  else echo "$1"; fi
}
is_infra() { [[ "$1" == local-stack || "$1" == kafka || "$1" == mongo || "$1" == issuer ]]; }
instance_of() { if [[ "$1" =~ -([0-9]+)$ ]]; then echo "${BASH_REMATCH[1]}"; else echo 1; fi; }

# Every process for $INSTANCES instances, in the order they start.
processes() {
  local service i
  printf '%s\n' "${INFRA[@]}"
  for service in "${INSTANCED[@]}"; do
    for ((i = 1; i <= INSTANCES; i++)); do echo "$service-$i"; done
  done
  echo gateway
}

# How the running system was started: one local-stack process, or three.
recorded_infra() {
  if [[ -f "$INFRA_FILE" && "$(cat "$INFRA_FILE")" == separate && -n "$(running_processes)" ]]; then
    INFRA=(kafka mongo issuer)
  fi
}

base_port() {
  case "$1" in
    gateway) echo "$GATEWAY_PORT" ;;
    pledge-service) echo "$PLEDGE_PORT" ;;
    recognition-service) echo "$RECOGNITION_PORT" ;;
    reporting-service) echo "$REPORTING_PORT" ;;
  esac
}

# The first instance listens on the service's port; each further one on a port chosen free when it first
# started (near the service's port + 1000 per instance) and kept in ports/, so the gateway's list stays right.
port_of() {
  local module instance
  module="$(module_of "$1")"
  instance="$(instance_of "$1")"
  if [[ "$module" == gateway || "$instance" == 1 ]]; then
    base_port "$module"
  elif [[ -f "$PORT_DIR/$1.port" ]]; then
    cat "$PORT_DIR/$1.port"
  else
    local port taken
    port=$(( $(base_port "$module") + 1000 * (instance - 1) ))
    taken=" $(cat "$PORT_DIR"/*.port 2>/dev/null | tr '\n' ' ') "
    while port_open "$port" || [[ "$taken" == *" $port "* ]]; do port=$((port + 1)); done
    mkdir -p "$PORT_DIR"
    echo "$port" >"$PORT_DIR/$1.port"
    echo "$port"
  fi
}

jar_of() { local module; module="$(module_of "$1")"; echo "$ROOT/$module/target/$module-$VERSION-exec.jar"; }
log_of() { echo "$LOG_DIR/$1.log"; }
pid_file() { echo "$PID_DIR/$1.pid"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The pid of a running process of ours, or nothing (a stale pid file, or a pid reused by another program).
pid_of() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 0
  pid="$(cat "$file")"
  if [[ -n "$pid" ]] && ps -p "$pid" -o args= 2>/dev/null | grep -qE -- "-Dneuguong.process=$1( |\$)"; then
    echo "$pid"
  fi
}

# Every process of ours that runs, whatever the number of instances.
running_processes() {
  local file name
  for file in "$PID_DIR"/*.pid; do
    [[ -e "$file" ]] || continue
    name="$(basename "$file" .pid)"
    [[ -n "$(pid_of "$name")" ]] && echo "$name"
  done
  return 0
}

# Instances as recorded by up --instances; 1 when nothing runs and none were asked for.
recorded_instances() {
  if [[ -f "$INSTANCES_FILE" && -n "$(running_processes)" ]]; then cat "$INSTANCES_FILE"; else echo 1; fi
}

# Any main source or POM of the build newer than the jar: a jar bundles the modules it depends on (the embedded
# database in the local stack, the aggregation in reporting-service), and the build packages them all at once.
stale_or_missing() {
  local module="$1" jar
  jar="$(jar_of "$module")"
  [[ -f "$jar" ]] || return 0
  [[ -n "$(find "$ROOT/pom.xml" "$ROOT"/*/pom.xml "$ROOT"/*/src/main -newer "$jar" -print -quit 2>/dev/null)" ]]
}

build_if_needed() {
  local name stale=()
  for name in "${MODULES[@]}"; do
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
  for name in "${MODULES[@]}"; do
    [[ -f "$(jar_of "$name")" ]] || fail "the build did not produce $(jar_of "$name")."
  done
}

# Starts a JVM in a session of its own (so Ctrl-C reaches only this script, which stops everything in order); from
# its AOT cache when there is one for its jar.
launch() {
  local name="$1"; shift
  local log
  log="$(log_of "$name")"
  : >"$log"
  local opts="$JAVA_OPTS" jar
  is_infra "$name" && opts="$LOCAL_STACK_JAVA_OPTS"
  jar="$(jar_of "$name")"
  if ! is_infra "$name" && aot_enabled && aot_ready "$name"; then
    opts+=" -XX:AOTCache=$(aot_cache "$name")"
    jar="$(aot_jar "$name")"
  fi
  # shellcheck disable=SC2086,SC2016 # opts is a list of options; $$ and $@ belong to the inner shell
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$(pid_file "$name")" \
    "$(java_cmd)" $opts "-Dneuguong.process=$name" -jar "$jar" "$@" </dev/null >>"$log" 2>&1 &
  local waited=0
  until [[ -s "$(pid_file "$name")" ]]; do
    sleep 0.1; waited=$((waited + 1))
    [[ $waited -lt 100 ]] || fail "$name did not start; see $log"
  done
}

# local-stack runs all three; kafka, mongo or issuer one of them.
start_infra() {
  local only=()
  [[ "$1" == local-stack ]] || only=(--only="$1")
  launch "$1" "${only[@]}" --data-dir="$DATA_DIR" --kafka-port="$KAFKA_PORT" --kafka-controller-port="$KAFKA_CONTROLLER_PORT" \
    --kafka-sasl-port="$KAFKA_SASL_PORT" \
    --mongo-port="$MONGO_PORT" --issuer-port="$ISSUER_PORT" --issuer-allowed-origins="$GATEWAY_URL"
}

# The local profile: demo member counts and the dashboard's demo users (never in production). With "train", the
# start that makes the service's AOT cache instead (in the foreground, stopping once the context is refreshed).
start_service() {
  local name="$1" run="${2:-launch}" instance state_dir
  instance="$(instance_of "$name")"
  # Kafka Streams locks its state directory: one per instance (the first keeps the directory of a single instance)
  state_dir="$DATA_DIR/kafka-streams"
  [[ "$instance" == 1 ]] || state_dir="$DATA_DIR/kafka-streams-$instance"
  SPRING_PROFILES_ACTIVE=local \
  SERVER_PORT="$(port_of "$name")" \
  SPRING_APPLICATION_JSON="$(service_instances_json)" \
  NEUGUONG_AGGREGATES_INSTANCEID="$name" \
  SPRING_KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA_PORT" \
  SPRING_MONGODB_URI="mongodb://localhost:$MONGO_PORT" \
  SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI="$ISSUER_URL" \
  NEUGUONG_SERVICES_PLEDGE_URI="http://localhost:$PLEDGE_PORT" \
  NEUGUONG_SERVICES_RECOGNITION_URI="http://localhost:$RECOGNITION_PORT" \
  NEUGUONG_SERVICES_REPORTING_URI="http://localhost:$REPORTING_PORT" \
  NEUGUONG_AGGREGATES_STATEDIR="$state_dir" \
  SPRING_CONFIG_ADDITIONAL_LOCATION="optional:file:$DATA_DIR/inbound-publishers.properties" \
    "$run" "$name"
}

train() {
  local name="$1" dir
  dir="$(aot_dir "$name")"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  "$(java_cmd)" $JAVA_OPTS "-XX:AOTCacheOutput=$dir/app.aot.training" -Dspring.context.exit=onRefresh \
    "-Dneuguong.process=$name-aot-training" -jar "$(aot_jar "$name")" </dev/null >"$(log_of "$name").aot-training" 2>&1
}

# The instances the gateway balances over, as Spring Cloud's simple discovery client reads them.
service_instances_json() {
  local service i json="" list
  for service in "${INSTANCED[@]}"; do
    list=""
    for ((i = 1; i <= INSTANCES; i++)); do list+="${list:+,}{\"uri\":\"http://localhost:$(port_of "$service-$i")\"}"; done
    json+="${json:+,}\"$service\":[$list]"
  done
  echo "{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":{\"instances\":{$json}}}}}}}"
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

infra_ready() {
  case "$1" in
    kafka) port_open "$KAFKA_PORT" ;;
    mongo) port_open "$MONGO_PORT" ;;
    issuer) port_open "$ISSUER_PORT" ;;
    *) port_open "$KAFKA_PORT" && port_open "$MONGO_PORT" && port_open "$ISSUER_PORT" ;;
  esac
}

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
  return 0
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
  local name names
  names="$(running_processes | grep -vxE 'local-stack|kafka|mongo|issuer' || true)"
  for name in $names; do stop_process "$name"; done
  for name in $names; do await_stopped "$name"; done
  for name in local-stack kafka mongo issuer; do stop_process "$name"; done
  for name in local-stack kafka mongo issuer; do await_stopped "$name"; done
  rm -f "$GATEWAY_INSTANCES_FILE"
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
  say "# Inbound publishers on Kafka localhost:$KAFKA_SASL_PORT, SASL_PLAINTEXT SCRAM-SHA-512 (docs/inbound.md)."
  say "# LOCAL DEVELOPMENT SECRETS ONLY: fixed and public, never used anywhere else."
  say "export KAFKA_PUBLISHER_THAI_NGUYEN_PASSWORD=thai-nguyen-local-dev-only   # user thai-nguyen, unit p-19"
  say "export KAFKA_PUBLISHER_HA_NOI_PASSWORD=ha-noi-local-dev-only             # user ha-noi, unit p-01"
  say "# Try: curl -H \"Authorization: Bearer \$TOKEN_PROVINCE_OFFICER\" $GATEWAY_URL/api/org-units/p-19"
}

print_ready() {
  local name service i ports
  say ""
  say "NêuGương is up: $GATEWAY_URL"
  for service in "${INSTANCED[@]}"; do
    ports=""
    for ((i = 1; i <= INSTANCES; i++)); do ports+="${ports:+, }$(port_of "$service-$i")"; done
    say "  $(printf '%-20s' "$service") port(s) $ports"
  done
  say "  infra:     Kafka localhost:$KAFKA_PORT, MongoDB mongodb://localhost:$MONGO_PORT, token issuer $ISSUER_URL"
  say "  logs:"
  for name in $(processes); do say "    $(log_of "$name")"; done
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
  local detach=false asked="" separate=false name
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --detach|-d) detach=true ;;
      --separate-infra) separate=true ;;
      --instances) [[ $# -ge 2 ]] || fail "--instances needs a number"; asked="$2"; shift ;;
      --instances=*) asked="${1#--instances=}" ;;
      *) fail "unknown option '$1' for up (usage: ./local.sh up [--detach] [--instances N] [--separate-infra])" ;;
    esac
    shift
  done
  [[ -z "$asked" || "$asked" =~ ^[1-9][0-9]?$ ]] || fail "--instances must be a number from 1 to 99, not '$asked'"
  check_java
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$PID_DIR" "$PORT_DIR"
  INSTANCES="${asked:-$(recorded_instances)}"
  recorded_infra
  if $separate && [[ "${INFRA[*]}" == local-stack ]]; then
    [[ -z "$(running_processes)" ]] || fail "--separate-infra only when nothing runs (./local.sh down first)."
    INFRA=(kafka mongo issuer)
  fi
  local running missing=() surplus=()
  running=" $(running_processes | tr '\n' ' ') "
  for name in $(processes); do
    [[ "$running" == *" $name "* ]] || missing+=("$name")
  done
  for name in $running; do
    [[ "$(module_of "$name")" != "$name" && "$(instance_of "$name")" -gt "$INSTANCES" ]] && surplus+=("$name")
  done
  echo "$INSTANCES" >"$INSTANCES_FILE"
  if [[ "${INFRA[*]}" == local-stack ]]; then echo single >"$INFRA_FILE"; else echo separate >"$INFRA_FILE"; fi
  # the gateway's list of instances is read at its start: a gateway that knows fewer is restarted
  if [[ "$running" == *" gateway "* && "$(cat "$GATEWAY_INSTANCES_FILE" 2>/dev/null || echo 1)" -lt "$INSTANCES" ]]; then
    say "Restarting the gateway to balance over $INSTANCES instances of each service."
    stop_process gateway
    await_stopped gateway
    missing+=(gateway)
  fi
  if [[ ${#surplus[@]} -gt 0 ]]; then
    say "Stopping ${surplus[*]} (beyond $INSTANCES instance(s))"
    for name in "${surplus[@]}"; do stop_process "$name"; done
    for name in "${surplus[@]}"; do await_stopped "$name"; done
  fi
  if [[ ${#missing[@]} -eq 0 ]]; then
    say "NêuGương is already running ($INSTANCES instance(s) of each service); nothing to start."
    cmd_status || true
    return 0
  fi
  for name in "${missing[@]}"; do rm -f "$(pid_file "$name")"; done
  check_ports "${missing[@]}"
  build_if_needed
  for name in "${MODULES[@]}"; do
    [[ -f "$(jar_of "$name")" ]] || fail "$(jar_of "$name") is missing."
  done

  local fresh=false
  [[ "$running" == "  " ]] && fresh=true
  $fresh && trap stop_on_signal INT TERM HUP
  for name in "${missing[@]}"; do
    is_infra "$name" || continue
    say "Starting $name: $(infra_description "$name") (log: $(log_of "$name"))"
    start_infra "$name"
  done
  for name in "${missing[@]}"; do
    is_infra "$name" && await "$name" "ready ($(infra_description "$name"))" "infra_ready $name"
  done
  local started=()
  for name in "${missing[@]}"; do is_infra "$name" || started+=("$name"); done
  if [[ ${#started[@]} -gt 0 ]]; then
    aot_train "${started[@]}"
    say "Starting ${started[*]}"
    for name in "${started[@]}"; do start_service "$name"; done
    for name in "${started[@]}"; do
      await "$name" "healthy (http://localhost:$(port_of "$name")/actuator/health)" "healthy $name"
      say "  $name is healthy on port $(port_of "$name")"
    done
  fi
  [[ " ${missing[*]} " == *" gateway "* ]] && echo "$INSTANCES" >"$GATEWAY_INSTANCES_FILE"
  if ! $fresh; then
    say "Started ${missing[*]}."
    return 0
  fi
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
    for name in $(processes); do
      if [[ -z "$(pid_of "$name")" ]]; then
        say "$name exited unexpectedly; see $(log_of "$name"). Stopping everything." >&2
        stop_all
        exit 1
      fi
    done
    sleep 2
  done
}

infra_description() {
  case "$1" in
    kafka) echo "Kafka :$KAFKA_PORT" ;;
    mongo) echo "MongoDB :$MONGO_PORT" ;;
    issuer) echo "token issuer :$ISSUER_PORT" ;;
    *) echo "Kafka :$KAFKA_PORT, MongoDB :$MONGO_PORT, token issuer :$ISSUER_PORT" ;;
  esac
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
  INSTANCES="$(recorded_instances)"
  recorded_infra
  for name in $(processes); do
    pid="$(pid_of "$name")"
    if [[ -z "$pid" ]]; then
      state="stopped"; all=false
    elif is_infra "$name"; then
      if infra_ready "$name"; then state="running (pid $pid): $(infra_description "$name")"
      else state="starting (pid $pid)"; all=false; fi
    elif healthy "$name"; then
      state="healthy (pid $pid, port $(port_of "$name"))"
    else
      state="running, not healthy (pid $pid, port $(port_of "$name"))"; all=false
    fi
    printf '%-22s %s\n' "$name" "$state"
  done
  $all || return 3
}

cmd_stop() {
  local name
  [[ $# -gt 0 ]] || fail "which processes? e.g. ./local.sh stop reporting-service-2 (./local.sh status lists them)"
  for name in "$@"; do
    [[ -n "$(pid_of "$name")" ]] || fail "$name is not running (./local.sh status lists what runs)"
  done
  say "Stopping $*"
  for name in "$@"; do stop_process "$name"; done
  for name in "$@"; do await_stopped "$name"; done
  say "Stopped; ./local.sh up starts what is missing again."
}

cmd_logs() {
  INSTANCES="$(recorded_instances)"
  recorded_infra
  if [[ $# -eq 0 ]]; then
    local files=() name
    for name in $(processes); do [[ -f "$(log_of "$name")" ]] && files+=("$(log_of "$name")"); done
    [[ ${#files[@]} -gt 0 ]] || fail "no logs yet in $LOG_DIR"
    exec tail -n 20 -F "${files[@]}"
  fi
  local file
  file="$(log_of "$1")"
  [[ " $(processes | tr '\n' ' ') " == *" $1 "* ]] || fail "unknown name '$1'; one of: $(processes | tr '\n' ' ')"
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
    if [[ "${NEUGUONG_SKIP_BUILD:-}" == 1 ]]; then
      [[ -f "$(jar_of bench)" ]] || fail "$(jar_of bench) is missing and NEUGUONG_SKIP_BUILD=1."
    else
      (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl bench -am package) || fail "building the bench module failed."
    fi
  fi
}

run_client() {
  ensure_running
  "$(java_cmd)" -Dfile.encoding=UTF-8 -jar "$(jar_of bench)" "$@" --gateway "$GATEWAY_URL" --issuer "$ISSUER_URL" \
    --kafka "localhost:$KAFKA_PORT" --mongo "mongodb://localhost:$MONGO_PORT" --pids "$PID_DIR" --local-sh "$ROOT/local.sh"
}

# The example publisher (local-stack's InboundExamplePublisher) as the demo publisher thai-nguyen.
cmd_publish() {
  [[ $# -eq 1 && -f "$1" ]] || fail "usage: ./local.sh publish FILE (one command per line, e.g. scripts/inbound-example.ndjson)"
  ensure_running
  "$(java_cmd)" -Dfile.encoding=UTF-8 -Dlogback.configurationFile=vn/neuguong/localstack/local-stack-logback.xml \
    -Dloader.main=vn.neuguong.localstack.InboundExamplePublisher \
    -cp "$(jar_of local-stack)" org.springframework.boot.loader.launch.PropertiesLauncher \
    "localhost:$KAFKA_SASL_PORT" thai-nguyen thai-nguyen-local-dev-only "$1"
}

usage() {
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"
}

command="${1:-}"
[[ $# -gt 0 ]] && shift
case "$command" in
  up) cmd_up "$@" ;;
  down) cmd_down ;;
  stop) cmd_stop "$@" ;;
  status) cmd_status ;;
  logs) cmd_logs "$@" ;;
  tokens) print_tokens ;;
  publish) cmd_publish "$@" ;;
  demo) run_client demo "$@" ;;
  bench) run_client bench "$@" ;;
  help|-h|--help) usage ;;
  *) usage >&2; exit 2 ;;
esac
