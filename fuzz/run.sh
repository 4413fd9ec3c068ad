#!/usr/bin/env bash
# Coverage-guided fuzzing of ReportGen's parsers of untrusted input with SharpFuzz and AFL++ (see docs/fuzzing.md).
#
#   fuzz/run.sh TARGET SECONDS     TARGET: yaml, workbook, markdown or all (all runs each for SECONDS, one after another)
#
# Does every set-up step itself, and each only when needed: installs afl++ (apt-get), the sharpfuzz tool (into
# fuzz/.work/tools), builds the harness in Release (into fuzz/.work, nothing written under src/), instruments
# ReportGen.Core.dll and the libraries that parse the target's input (YamlDotNet, Markdig), then runs
# afl-fuzz on fuzz/corpus/TARGET with fuzz/dict/TARGET.dict.
# Exits 1 and prints the paths of the inputs if any crash or hang was found (a seed that crashes counts too), 2 on a
# set-up failure, else 0. Prints one summary line per target with the executions.
#
# Environment: FUZZ_TIMEOUT_MS (per input, default 10000), FUZZ_RESUME=1 (go on from the last run's queue instead of
# starting afresh), FUZZ_INSTRUMENT (the assemblies to instrument, instead of the target's list below),
# FUZZ_NO_ORACLE=1 (markdown: exceptions and hangs only, not the HTML safety check).
set -euo pipefail

usage() { echo "usage: $0 yaml|workbook|markdown|all SECONDS" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
TARGET=$1
SECONDS_EACH=$2
[[ $SECONDS_EACH =~ ^[0-9]+$ && $SECONDS_EACH -ge 1 ]] || usage
case $TARGET in
  yaml|workbook|markdown) TARGETS=("$TARGET") ;;
  all) TARGETS=(yaml workbook markdown) ;;
  *) usage ;;
esac

FUZZ_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$FUZZ_DIR")
WORK=$FUZZ_DIR/.work
TIMEOUT_MS=${FUZZ_TIMEOUT_MS:-10000}
mkdir -p "$WORK/logs"

say() { echo "fuzz: $*"; }
die() { echo "fuzz: error: $*" >&2; exit 2; }
# Runs a set-up command quietly; prints its output only when it fails.
quiet() {
  local log=$WORK/logs/$1.log; shift
  if ! "$@" >"$log" 2>&1; then tail -n 40 "$log" >&2; die "'$*' failed (log: $log)"; fi
}

# ---- 1. AFL++ ----
if ! command -v afl-fuzz >/dev/null 2>&1; then
  SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  say "installing afl++ (apt-get)"
  quiet apt-update $SUDO apt-get update -qq
  quiet apt-install $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends afl++
fi
command -v dotnet >/dev/null 2>&1 || die "dotnet is not installed"

# ---- 2. sharpfuzz (SharpFuzz.CommandLine 2.3.0, local tool path) ----
SHARPFUZZ=$WORK/tools/sharpfuzz
if [[ ! -x $SHARPFUZZ ]]; then
  say "installing SharpFuzz.CommandLine 2.3.0"
  quiet tool-install dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$WORK/tools"
fi

# ---- 3. Build (Release). --artifacts-path keeps every bin/ and obj/, ReportGen's too, under fuzz/.work. ----
say "building the harness (Release)"
quiet publish dotnet publish "$FUZZ_DIR/ReportGen.Fuzz/ReportGen.Fuzz.csproj" -c Release -nologo \
  -o "$WORK/publish" --artifacts-path "$WORK/artifacts" -p:TreatWarningsAsErrors=false

# ---- 4. Instrument a copy of the build for each target; again only when the build or the list changed. ----
# What each target's coverage is taken from: ReportGen always, and the libraries that parse that target's input.
instrumented_for() {
  case $1 in
    yaml) echo "${FUZZ_INSTRUMENT:-ReportGen.Core YamlDotNet Markdig}" ;;
    workbook) echo "${FUZZ_INSTRUMENT:-ReportGen.Core}" ;;
    markdown) echo "${FUZZ_INSTRUMENT:-ReportGen.Core Markdig}" ;;
  esac
}
for target in "${TARGETS[@]}"; do
  list=$(instrumented_for "$target")
  bin=$WORK/bin/$target
  stamp=$( (echo "$list"; cd "$WORK/publish" && sha256sum ./*.dll) | sha256sum | cut -d' ' -f1)
  if [[ ! -f $bin/.instrumented || $(cat "$bin/.instrumented") != "$stamp" ]]; then
    rm -rf "$bin"
    mkdir -p "$WORK/bin"
    cp -a "$WORK/publish" "$bin"
    for assembly in $list; do
      [[ -f $bin/$assembly.dll ]] || die "no $assembly.dll in the build"
      quiet "instrument-$target-$assembly" "$SHARPFUZZ" "$bin/$assembly.dll"
    done
    echo "$stamp" >"$bin/.instrumented"
    say "$target: instrumented $list"
  fi
done

# ---- 5. Fuzz ----
export AFL_SKIP_BIN_CHECK=1                    # the target is `dotnet`; coverage comes from the instrumented assemblies
export AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1 AFL_QUIET=1 AFL_FAST_CAL=1
export AFL_SKIP_CRASHES=1                      # a crashing seed is reported by the seed check below, not fatal
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_gcServer=0
export FUZZ_REPO_ROOT=$REPO
SCRATCH_BASE=/dev/shm; [[ -d $SCRATCH_BASE && -w $SCRATCH_BASE ]] || SCRATCH_BASE=$WORK/tmp

# One value of AFL++'s fuzzer_stats.
stat() { awk -F' *: *' -v k="$2" '$1 == k { print $2 }' "$1" 2>/dev/null; }

found=0
summary=()
for target in "${TARGETS[@]}"; do
  corpus=$FUZZ_DIR/corpus/$target
  out=$WORK/afl/$target
  log=$WORK/logs/afl-$target.log
  [[ -d $corpus ]] || die "no seed corpus $corpus"
  scratch=$SCRATCH_BASE/reportgen-fuzz-$target-$$
  export FUZZ_WORKDIR=$scratch

  # Seeds first, outside the fuzzer: a seed that already crashes is a finding with a readable stack trace.
  if ! dotnet "$WORK/bin/$target/ReportGen.Fuzz.dll" "$target" --repro "$corpus"/* --timeout $((TIMEOUT_MS / 1000)) >"$WORK/logs/seeds-$target.log" 2>&1; then
    say "$target: a seed crashes or hangs:"
    grep -E '^(CRASH|HANG)' "$WORK/logs/seeds-$target.log" | sed 's/^/  /'
    grep -A3 '^CRASH' "$WORK/logs/seeds-$target.log" | grep -v '^CRASH' | head -n 12 | sed 's/^/    /'
    found=1
  fi

  if [[ ${FUZZ_RESUME:-0} == 1 && -d $out/default/queue ]]; then
    export AFL_AUTORESUME=1
  else
    rm -rf "$out"; unset AFL_AUTORESUME
  fi
  dict=(); [[ -f $FUZZ_DIR/dict/$target.dict ]] && dict=(-x "$FUZZ_DIR/dict/$target.dict")
  mkdir -p "$(dirname "$out")"
  say "$target: fuzzing for $SECONDS_EACH s (log: ${log#"$REPO"/})"
  set +e
  # -t: an input that takes longer is a hang (a fixed limit: "N+" would let AFL++ lower it to a few times the mean).
  afl-fuzz -i "$corpus" -o "$out" -t "$TIMEOUT_MS" -m none -V "$SECONDS_EACH" "${dict[@]}" \
    -- dotnet "$WORK/bin/$target/ReportGen.Fuzz.dll" "$target" >"$log" 2>&1
  rc=$?
  set -e
  rm -rf "$scratch"
  stats=$out/default/fuzzer_stats
  if [[ ! -f $stats ]]; then
    tail -n 30 "$log" >&2
    die "$target: afl-fuzz did not start (exit $rc; log: $log)"
  fi
  [[ $rc -eq 0 ]] || { tail -n 15 "$log" >&2; say "$target: afl-fuzz exited with $rc"; found=1; }

  crashes=$(find "$out/default/crashes" -type f -name 'id:*' 2>/dev/null | sort)
  hangs=$(find "$out/default/hangs" -type f -name 'id:*' 2>/dev/null | sort)
  ncrash=$(grep -c . <<<"$crashes" || true)
  nhang=$(grep -c . <<<"$hangs" || true)
  line=$(printf '%-8s %6ss  execs %-8s  %-7s exec/s  corpus %-5s  edges %-5s (%s of the map)  crashes %s  hangs %s' "$target" \
    "$(stat "$stats" run_time)" "$(stat "$stats" execs_done)" "$(stat "$stats" execs_per_sec)" \
    "$(stat "$stats" corpus_count)" "$(stat "$stats" edges_found)" "$(stat "$stats" bitmap_cvg)" "$ncrash" "$nhang")
  summary+=("$line")
  say "$line"
  if [[ $ncrash -gt 0 || $nhang -gt 0 ]]; then
    found=1
    # Every input path (at most 20 of each kind here; all are in the folders named).
    head -n 20 <<<"$crashes" | sed '/^$/d; s/^/  crash: /'
    [[ $ncrash -le 20 ]] || echo "  ... and $((ncrash - 20)) more in ${out#"$REPO"/}/default/crashes/"
    head -n 20 <<<"$hangs" | sed '/^$/d; s/^/  hang:  /'
    [[ $nhang -le 20 ]] || echo "  ... and $((nhang - 20)) more in ${out#"$REPO"/}/default/hangs/"
    # The crashes run once more outside the fuzzer, on the uninstrumented build, and grouped by exception and place.
    if [[ $ncrash -gt 0 ]]; then
      echo "  crashes by signature (dotnet ${WORK#"$REPO"/}/publish/ReportGen.Fuzz.dll $target --triage|--repro|--minimise FILE...):"
      # shellcheck disable=SC2086
      FUZZ_WORKDIR=$scratch timeout 300 dotnet "$WORK/publish/ReportGen.Fuzz.dll" "$target" --triage $crashes 2>&1 | head -n 40 | sed 's/^/    /' || true
      rm -rf "$scratch"
    fi
  fi
done

echo "fuzz: summary"
printf '  %s\n' "${summary[@]}"
if [[ $found -ne 0 ]]; then
  echo "fuzz: FOUND crashes or hangs (inputs listed above; reproduce with --repro as shown)"
  exit 1
fi
echo "fuzz: no crash or hang"
