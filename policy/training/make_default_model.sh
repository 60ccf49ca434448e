#!/bin/bash
# Rebuilds the shipped model (policy/models/default) from nothing but this repository:
# teacher demonstrations -> export -> train round 0 -> DAgger rounds (the latest model drives on
# new train scenarios, the teacher labels what it visits) -> export -> fine-tune the latest model
# on everything so far -> the model directory (the last round's model).
#
#   [ROUNDS=N] policy/training/make_default_model.sh WORK_DIR [OUT_DIR]   (N DAgger rounds, default 1)
#
# WORK_DIR holds the episodes (about 2.2 GB), datasets (about 8.8 GB) and every round's model;
# OUT_DIR defaults to WORK_DIR/model. Every step's output goes to WORK_DIR/*.log. Seeds are fixed,
# so the same machine gives the same model.onnx (SHA-256 in the card). Measured on 2 cores: the
# card's "How this model was made" (policy/models/default/README.md). Train-split scenarios and training phrasings only;
# never the val or test split, never phrasings/heldout.txt.
set -euo pipefail
if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
WORK=$(mkdir -p "$1" && cd "$1" && pwd)
OUT=${2:-$WORK/model}
./umwelt help > /dev/null   # build once here, before any step runs two launchers side by side
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
INPUTS=policy/training/inputs/default.json
PHRASINGS=policy/training/phrasings/train.txt
CONFIG=policy/training/configs/default.yaml      # round 0, from scratch
DAGGER=policy/training/configs/dagger.yaml       # DAgger rounds: fine-tune the previous round's model
BEGIN=$(date +%s)

step() { echo "[$(date -u +%H:%M:%S)] $*"; }

# Episodes of one round: TASK COUNT SEED per line; POLICY ARGS... after the list.
record() {
  local round=$1 specs=$2; shift 2
  while read -r task n seed; do
    [ -z "$task" ] && continue
    step "round $round: recording $n $task episodes (seed $seed) with $*"
    ./umwelt suite --generate "$n" --split train --task "$task" --seed "$seed" "$@" \
      --phrasings "$PHRASINGS" --phrasing-seed "$seed" --threads 2 --no-pictures \
      --record "$WORK/rec$round/$task" --json "$WORK/rec$round-$task.json" > "$WORK/rec$round-$task.log" 2>&1
    grep -E "^[a-z]+ +$task +all" "$WORK/rec$round-$task.log" || true
  done <<< "$specs"
}

# One export per argument list, two at a time (an export uses one core).
export_round() {
  local round=$1; shift
  local i=0 dirs=()
  for paths in "$@"; do
    step "round $round: export $paths"
    # shellcheck disable=SC2086
    ./umwelt export $paths --out "$WORK/ds$round-$i" --inputs "$INPUTS" --no-audio > "$WORK/export$round-$i.log" 2>&1 &
    dirs+=("$WORK/ds$round-$i"); i=$((i + 1))
  done
  wait
  for d in "${dirs[@]}"; do tail -n 1 "$WORK/export$round-${d##*-}.log"; done
  DATA=$(IFS=,; echo "${dirs[*]}")
}

record 0 "objectnav 360 11
audiogoal 200 12
pointnav 120 13" --policy teacher
export_round 0 "$WORK/rec0/objectnav" "$WORK/rec0/audiogoal $WORK/rec0/pointnav"
DATA0=$DATA
step "round 0: training"
./umwelt train --data "$DATA0" --out "$WORK/model-r0" --config "$CONFIG" > "$WORK/train0.log" 2>&1
tail -n 3 "$WORK/train0.log"

# DAgger rounds: each on scenarios of its own (seeds SEED..SEED+N-1 never overlap round 0's or
# another round's), driven by the previous round's model. One round: a second one (rounds "1 2")
# measured worse on val for umwelt-vla-2 (the card, "Gain per round").
ROUNDS=${ROUNDS:-1}
DATA_ALL=$DATA0
DRIVER=$WORK/model-r0
for round in $(seq 1 "$ROUNDS"); do
  base=$((round * 1000))
  record $round "objectnav 160 $((base + 1))
audiogoal 140 $((base + 2))
pointnav 60 $((base + 3))" --policy vla --model "$DRIVER" --teacher teacher
  export_round $round "$WORK/rec$round/audiogoal $WORK/rec$round/pointnav" "$WORK/rec$round/objectnav"
  DATA_ALL=$DATA_ALL,$DATA
  step "round $round: training on rounds 0..$round"
  ./umwelt train --data "$DATA_ALL" --out "$WORK/model-r$round" --config "$DAGGER" --init "$DRIVER" \
    > "$WORK/train$round.log" 2>&1
  tail -n 3 "$WORK/train$round.log"
  DRIVER=$WORK/model-r$round
done
rm -rf "$OUT" && cp -r "$DRIVER" "$OUT"
step "model: $OUT ($(( ($(date +%s) - BEGIN) / 60 )) min in all)"
