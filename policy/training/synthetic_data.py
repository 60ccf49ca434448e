#!/usr/bin/python3
"""A small synthetic dataset in the `export --inputs` format (episodes/FORMAT.md, "Datasets"), for
the trainer's tests: random in_* arrays for the inputs file's inputs, an instruction embedding
table, and labels a network can learn (the waypoints' forward speed follows the camera's
brightness, the sideways drift the instruction's first embedding component).

    /usr/bin/python3 policy/training/synthetic_data.py --out DIR --inputs FILE [--episodes 6] [--samples 40] [--seed 0]
"""
import argparse
import json
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model_dir import load_inputs_file  # noqa: E402


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", required=True)
    p.add_argument("--inputs", required=True)
    p.add_argument("--episodes", type=int, default=6)
    p.add_argument("--samples", type=int, default=40, help="samples per episode")
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args(argv)
    inputs, rate = load_inputs_file(a.inputs)
    rng = np.random.default_rng(a.seed)
    n = a.episodes * a.samples
    step, k = 1.0 / rate, 5
    d = {"episode": np.repeat(np.arange(a.episodes, dtype=np.int32), a.samples),
         "tick": np.tile(np.arange(a.samples, dtype=np.int32) * 2, a.episodes),
         "time_s": np.tile(np.arange(a.samples, dtype=np.float32) * np.float32(step), a.episodes)}
    d["stamp_ns"] = (d["time_s"].astype(np.int64) * 10**9).astype(np.int64)
    d["instruction"] = (d["episode"] % 3).astype(np.int32)
    emb = rng.standard_normal((3, 384)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    bright = None
    for i in inputs:
        if i["source"] == "instruction":
            continue
        shape = [n] + list(i["shape"][1:])
        if i["source"] in ("camera", "belief"):
            x = rng.integers(0, 256, shape, dtype=np.uint8) if i["source"] == "camera" \
                else (rng.random(shape) < 0.3).astype(np.uint8) * 255
            if i["source"] == "camera":
                bright = x.reshape(n, -1).mean(1) / 255.0
        elif i["source"] == "lidar":
            x = rng.uniform(0.1, 8.0, shape).astype(np.float32)
        else:
            x = rng.uniform(-5, 5, shape).astype(np.float32)
        d["in_" + i["name"]] = x
        if i.get("maskable"):
            d["in_" + i["name"] + "_present"] = (rng.random(n) < 0.9).astype(np.uint8)
    if bright is None:
        bright = np.full(n, 0.5)
    t = step * np.arange(1, k + 1)[None, :]
    v = (0.2 + 0.6 * (bright - 0.5) * 10).clip(0, 0.5)[:, None]
    lateral = emb[d["instruction"], 0][:, None] * 2
    wp = np.zeros((n, k, 3), np.float32)
    wp[:, :, 0] = v * t
    wp[:, :, 1] = lateral * t
    d["waypoints"] = wp
    valid = np.ones((n, k), np.uint8)
    last = np.arange(n) % a.samples
    for j in range(k):
        valid[last + j + 1 >= a.samples, j] = 0
    d["waypoints_valid"] = valid
    success = [e % 2 == 0 for e in range(a.episodes)]
    d["stop"] = np.array([success[e] and (s == a.samples - 1) for e, s in zip(d["episode"], last)], np.uint8)
    # DAgger labels on the last episode: the teacher's twist (and its STOP on the episode's last sample).
    teacher = d["episode"] == a.episodes - 1
    d["teacher_valid"] = teacher.astype(np.uint8)
    d["teacher_action"] = np.where(teacher[:, None], np.stack([v[:, 0], lateral[:, 0]], 1), 0).astype(np.float32)
    d["teacher_stop"] = (teacher & (last == a.samples - 1)).astype(np.uint8)
    d["labels_valid"] = np.ones(n, np.uint8)
    d["target_visible"] = (bright > 0.5).astype(np.uint8)
    d["target_bearing"] = rng.uniform(-math.pi, math.pi, n).astype(np.float32)
    d["target_distance"] = rng.uniform(0, 6, n).astype(np.float32)
    os.makedirs(a.out, exist_ok=True)
    np.savez(os.path.join(a.out, "shard-00000.npz"), **d)
    np.save(os.path.join(a.out, "instruction_embeddings.npy"), emb)
    meta = {"format": "umwelt-dataset/1", "samples": n,
            "shards": [{"file": "shard-00000.npz", "samples": n, "first": 0}],
            "robot": {"name": "turtle", "lidar": {"beams": 360},
                      "camera": {"present": True, "width": 64, "height": 48, "source_width": 128, "source_height": 96,
                                 "horizontal_fov": math.radians(90)}},
            "instructions": ["go to the red box", "find the blue ball", "drive to 1, 2"],
            "episodes": [{"file": f"synthetic-{e}.mcap", "task": ["objectnav", "objectnav", "pointnav"][e % 3],
                          "first_sample": e * a.samples, "samples": a.samples, "success": success[e]}
                         for e in range(a.episodes)]}
    with open(os.path.join(a.out, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)
    print(f"wrote {a.out}: {n} samples, {a.episodes} episodes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
