"""Closed-loop validation during training: the current weights, exported to a temporary model
directory, drive generated val scenarios through the real runtime:

    ./umwelt suite --generate N --split val --task T --seed S --policy vla --model DIR
                   --no-record --no-pictures --threads K --json F

once per task; the summary's success rate is read from F. The val split's scenarios are never
the training data's (the recording suite uses the train split), and the same N, seed and task
give the same scenarios at every evaluation, so the rates are comparable across epochs."""
import json
import os
import subprocess
import tempfile


class EvalError(Exception):
    pass


def evaluate(model_dir, ev, repo, log=print):
    """{task: success rate in [0, 1]} for ev = the config's `eval` section."""
    out = {}
    launcher = os.path.join(repo, "umwelt")
    for task in ev["tasks"]:
        fd, json_path = tempfile.mkstemp(prefix="vla-val-", suffix=".json")
        os.close(fd)
        cmd = [launcher, "suite", "--generate", str(ev["episodes"]), "--split", "val", "--task", task,
               "--seed", str(ev["seed"]), "--policy", "vla", "--model", model_dir, "--no-record", "--no-pictures",
               "--threads", str(ev["threads"]), "--json", json_path]
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=ev["timeout_s"])
            if r.returncode != 0:
                tail = (r.stderr.strip() or r.stdout.strip()).splitlines()[-1:] or ["no output"]
                raise EvalError(f"closed-loop eval ({task}) failed with exit {r.returncode}: {tail[0]}")
            with open(json_path, encoding="utf-8") as f:
                out[task] = float(json.load(f)["summary"]["successRate"])
        except subprocess.TimeoutExpired:
            raise EvalError(f"closed-loop eval ({task}) ran past eval.timeout_s = {ev['timeout_s']} s")
        except (OSError, ValueError, KeyError) as e:
            raise EvalError(f"closed-loop eval ({task}): no summary in {json_path} ({e})")
        finally:
            if os.path.exists(json_path):
                os.remove(json_path)
    return out
