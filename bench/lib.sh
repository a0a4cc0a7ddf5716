# Shared by the bench scripts (source it from the project root): a scratch directory removed on exit, the jar built
# if missing, and start_app, which runs the jar with the demo data on a throw-away embedded PostgreSQL.
WORK=$(mktemp -d)
APP=
trap 'if [ -n "$APP" ]; then kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
[ -f target/custodia.jar ] || ./mvnw -B -q -DskipTests package

# start_app HTTP_PORT [PG_PORT [DATA_DIR]]: started in the background (APP), waited for until its login page answers.
start_app() {
  local args=(--spring.profiles.active=demo --server.port="$1" --custodia.embedded.data-dir="${3:-$WORK/pg}")
  if [ -n "${2:-}" ]; then args+=(--custodia.embedded.port="$2"); fi
  java -jar target/custodia.jar "${args[@]}" > "$WORK/app.log" 2>&1 &
  APP=$!
  until curl -s -o /dev/null "http://localhost:$1/login"; do
    sleep 0.5
    kill -0 "$APP" || { cat "$WORK/app.log"; exit 1; }
  done
}
