"""Loads an `./umwelt export --inputs` dataset (episodes/FORMAT.md, "Datasets") for the trainer.

Inputs are kept as exported (uint8 camera and belief) and normalized per batch exactly as the
Java runtime feeds them (ModelInputs + the manifest's normalization): uint8 / 255, then
(v - mean) / std per channel where the manifest gives a normalization; float32 inputs are
normalized the same way. Labels:
- waypoints [K, 2]: the future true poses (`waypoints`, masked by `waypoints_valid`), or, where
  `teacher_valid`, the unicycle arc of the teacher's proposed twist at the manifest's time step
  (all K valid); both in metres, ego frame. Each waypoint is then moved by
  d * (cos(yaw_k) - 1, sin(yaw_k)), d = the config's `action.heading_lookahead`, yaw_k its heading
  relative to the robot's now: the output has no heading, and without this a turn on the spot
  (13.6% of teacher samples: the explorer's look-around turns) is labelled "stay here". Straight
  driving keeps its points; a turn on the spot becomes points beside and behind the robot on the
  side it turns to, which the runtime's tracker turns towards in place.
- stop [K]: step k (covering t + k * step) is 1 when the episode succeeded and t + k * step
  reaches its last sampled tick (half a step of tolerance); where `teacher_valid`, the teacher's
  STOP for every step.
- aux: target visible, bearing, distance where `labels_valid` (privileged; training only).
"""
import os

import numpy as np

from model_dir import read_json


class DataError(Exception):
    """Bad or missing dataset content; the message names the file and the array."""


def arc_waypoints(action, k, step):
    """[N, K, 2]: where a unicycle driving (v, w) = action is after (i + 1) * step, i < K."""
    v, w = action[:, 0:1].astype(np.float64), action[:, 1:2].astype(np.float64)
    t = step * np.arange(1, k + 1, dtype=np.float64)[None, :]
    small = np.abs(w) < 1e-6
    ws = np.where(small, 1.0, w)
    x = np.where(small, v * t, v / ws * np.sin(ws * t))
    y = np.where(small, 0.0, v / ws * (1 - np.cos(ws * t)))
    return np.stack([x, y], -1).astype(np.float32)


class Dataset:
    def __init__(self, data_dirs, inputs, chunk, step, query_rate=None, heading_lookahead=0.0):
        """data_dirs: one export directory, or several (a list, or one string with commas): their
        episodes and instructions are concatenated in the order given, indices shifted."""
        if isinstance(data_dirs, str):
            data_dirs = [d for d in data_dirs.split(",") if d]
        self.heading_lookahead = heading_lookahead
        self.dir = ",".join(data_dirs)
        self.inputs = inputs
        # Two passes so that the arrays are allocated once (a training set is several GB): the
        # metas and sample counts first, then every shard copied into place.
        metas, shard_lists, embs = [], [], []
        for d in data_dirs:
            m, shards, e = self._load_one(d, query_rate, chunk, step)
            if metas and m.get("robot") != metas[0].get("robot"):
                raise DataError(f"{os.path.join(d, 'meta.json')}: robot: differs from {data_dirs[0]}'s (one robot per training set)")
            metas.append(m)
            shard_lists.append(shards)
            embs.append(e)
        need = ["episode", "time_s", "instruction", "waypoints", "waypoints_valid"]
        for i in inputs:
            if i["source"] != "instruction":
                need.append("in_" + i["name"])
                if i.get("maskable"):
                    need.append("in_" + i["name"] + "_present")
        optional = ["teacher_valid", "teacher_action", "teacher_stop", "labels_valid", "target_visible",
                    "target_bearing", "target_distance", "stop"]
        total = sum(int(sh["samples"]) for shards in shard_lists for sh, _ in shards)
        self.a, missing, at = {}, set(), 0
        for j, shards in enumerate(shard_lists):
            ep_off = sum(len(x["episodes"]) for x in metas[:j])
            ins_off = sum(len(x) for x in embs[:j])
            for sh, path in shards:
                try:
                    d = np.load(path)
                except (OSError, ValueError) as e:
                    raise DataError(f"{path}: cannot read ({e})")
                for k in need:
                    if k not in d.files:
                        raise DataError(f"{path}: array '{k}' missing (export with --inputs the trainer's inputs file)")
                m = int(sh["samples"])
                for k in need + optional:
                    if k not in d.files:
                        missing.add(k)
                        continue
                    v = d[k]
                    if len(v) != m:
                        raise DataError(f"{path}: {k}: {len(v)} rows, but meta.json lists {m} samples for this shard")
                    if k == "episode":
                        v = v.astype(np.int64) + ep_off
                    elif k == "instruction":
                        v = v.astype(np.int64) + ins_off
                    if k not in self.a:
                        self._check_row(path, k, v.shape[1:], inputs)
                        self.a[k] = np.empty((total,) + v.shape[1:], v.dtype)
                    elif self.a[k].shape[1:] != v.shape[1:]:
                        raise DataError(f"{path}: {k}: rows of shape {list(v.shape[1:])}, other shards have "
                                        f"{list(self.a[k].shape[1:])}")
                    self.a[k][at:at + m] = v
                at += m
        for k in missing:
            self.a.pop(k, None)
        self.n = total
        self.embeddings = np.concatenate(embs).astype(np.float32)
        self.meta = dict(metas[0])
        self.meta["episodes"] = [e for m in metas for e in m["episodes"]]
        self.meta["instructions"] = [i for m in metas for i in m.get("instructions", [])]
        self.chunk, self.step = chunk, step
        self._labels()
        self._beams = None   # the lidar's mirror permutation, once enable_mirror() made it

    @staticmethod
    def _check_row(path, k, row, inputs):
        for i in inputs:
            if k == "in_" + i["name"] and int(np.prod(row)) != int(np.prod(i["shape"][1:])):
                raise DataError(f"{path}: {k}: rows of shape {list(row)}, but the inputs file's '{i['name']}' is "
                                f"{i['shape'][1:]} (exported with another inputs file?)")

    def _load_one(self, data_dir, query_rate, chunk, step):
        """One export's (meta, [(shard entry, path)] in sample order, instruction embeddings)."""
        meta_path = os.path.join(data_dir, "meta.json")
        meta = read_json(meta_path, DataError)
        exported = (meta.get("inputs") or {}).get("query_rate_hz") if isinstance(meta.get("inputs"), dict) else None
        if query_rate is not None and exported is not None and abs(float(exported) - query_rate) > 1e-9:
            raise DataError(f"{meta_path}: inputs.query_rate_hz: {exported}, but the inputs file's queryRateHz is {query_rate}")
        w = meta.get("waypoints") or {}
        w_step = w.get("step_s", w.get("step"))
        if w_step is not None and (abs(float(w_step) - step) > 1e-9 or int(w.get("count", chunk)) < chunk):
            raise DataError(f"{meta_path}: waypoints: {w.get('count')} every {w_step} s, but the config's action is "
                            f"{chunk} every {step} s (export with --waypoints {chunk} --waypoint-step {step})")
        shards = sorted(meta.get("shards", []), key=lambda s: s.get("first", s.get("first_sample", 0)))
        if not shards:
            raise DataError(f"{meta_path}: shards: none listed")
        shards = [(sh, os.path.join(data_dir, sh["file"])) for sh in shards]
        emb_path = os.path.join(data_dir, "instruction_embeddings.npy")
        try:
            embeddings = np.load(emb_path).astype(np.float32)
        except (OSError, ValueError) as e:
            raise DataError(f"{emb_path}: cannot read ({e})")
        if embeddings.ndim != 2 or len(embeddings) < len(meta.get("instructions", [])):
            raise DataError(f"{emb_path}: shape {embeddings.shape} does not hold one row per instruction")
        return meta, shards, embeddings[:len(meta.get("instructions", []))]

    def _labels(self):
        a, k, n = self.a, self.chunk, self.n
        wp = a["waypoints"][:, :k, :2].astype(np.float32)
        yaw = a["waypoints"][:, :k, 2].astype(np.float32)
        valid = a["waypoints_valid"][:, :k].astype(np.float32)
        teacher = a.get("teacher_valid", np.zeros(n, np.uint8)).reshape(n).astype(bool)
        if teacher.any():
            arc = arc_waypoints(a["teacher_action"].reshape(n, 2), k, self.step)
            wp = np.where(teacher[:, None, None], arc, wp)
            arc_yaw = a["teacher_action"].reshape(n, 2)[:, 1:2] * self.step * np.arange(1, k + 1)[None, :]
            yaw = np.where(teacher[:, None], arc_yaw, yaw).astype(np.float32)
            valid = np.where(teacher[:, None], 1.0, valid).astype(np.float32)
        episodes = self.meta["episodes"]
        ep = a["episode"].astype(np.int64)
        t = a["time_s"].astype(np.float64)
        end = np.full(len(episodes), -np.inf)
        np.maximum.at(end, ep, t)
        success = np.array([bool(e.get("success")) for e in episodes])
        steps = self.step * np.arange(k)[None, :]
        stop = (success[ep][:, None] & (t[:, None] + steps >= end[ep][:, None] - self.step / 2)).astype(np.float32)
        if teacher.any():
            ts = a["teacher_stop"].reshape(n).astype(np.float32)
            stop = np.where(teacher[:, None], ts[:, None], stop).astype(np.float32)
        d = self.heading_lookahead
        if d > 0:
            wp = (wp + d * np.stack([np.cos(yaw) - 1, np.sin(yaw)], -1)).astype(np.float32)
        self.waypoints, self.waypoints_valid, self.stop = wp, valid, stop
        self.teacher_samples = int(teacher.sum())
        if "labels_valid" in a and "target_visible" in a:
            lv = a["labels_valid"].reshape(n).astype(np.float32)
            vis = a["target_visible"].reshape(n).astype(np.float32)
            b = a["target_bearing"].reshape(n).astype(np.float32)
            d = a["target_distance"].reshape(n).astype(np.float32)
            self.aux = np.stack([lv, vis, np.sin(b), np.cos(b), d / 5.0], 1).astype(np.float32)
        else:
            self.aux = np.zeros((n, 5), np.float32)
        self.episode = ep

    def split(self, val_every):
        """(train indices, val indices): every val_every-th episode is held out (0: none), by episode index."""
        if val_every <= 0:
            return np.arange(self.n), np.arange(0)
        val = (self.episode % val_every) == (val_every - 1)
        return np.nonzero(~val)[0], np.nonzero(val)[0]

    def mirror_beams(self):
        """Beam permutation of the left-right mirror (angle -> -angle) of the dataset's lidar."""
        lid = (self.meta.get("robot") or {}).get("lidar") or {}
        n, a0, inc = int(lid.get("beams", 0)), float(lid.get("angle_min", 0)), float(lid.get("angle_increment", 0))
        if n <= 0 or inc <= 0:
            raise DataError(f"{self.dir}: meta.json robot.lidar: no beam geometry, cannot mirror")
        k = int(round(-2 * a0 / inc))
        full = abs(n * inc - 2 * np.pi) < 1e-6
        j = (k - np.arange(n)) % n if full else k - np.arange(n)
        if not full and (j.min() < 0 or j.max() >= n):
            raise DataError(f"{self.dir}: meta.json robot.lidar: field of view not symmetric about x, cannot mirror")
        return j

    def enable_mirror(self):
        """Readies batch(mirror=...); DataError when the dataset's lidar cannot be mirrored."""
        if any(i["source"] == "lidar" for i in self.inputs):
            self._beams = self.mirror_beams()

    def batch(self, idx, torch, mirror=None):
        """(inputs in forward order, labels dict) as float32 tensors, normalized as the runtime feeds them.

        mirror: optional bool per sample: that sample is mirrored left-right (y -> -y): camera and
        belief columns reversed, lidar beams by angle -> -angle, the goal's and the waypoints' y and
        the target bearing negated. The instruction is kept (its rare "left"/"right" are not swapped).
        """
        out = []
        flip = None if mirror is None or not np.any(mirror) else np.asarray(mirror, bool)
        for i in self.inputs:
            shape = [len(idx)] + list(i["shape"][1:])
            if i["source"] == "instruction":
                x = self.embeddings[self.a["instruction"][idx]].reshape(shape)
            else:
                raw = self.a["in_" + i["name"]][idx]
                x = raw.astype(np.float32)
                if raw.dtype == np.uint8:
                    x = x / np.float32(255)
                x = x.reshape(shape)
                if flip is not None:
                    if i["source"] in ("camera", "belief"):
                        x[flip] = x[flip][..., ::-1]
                    elif i["source"] == "lidar":
                        if self._beams is None:
                            raise RuntimeError("batch(mirror=...) before enable_mirror()")
                        x[flip] = x[flip][..., self._beams]
                    elif i["source"] == "goal":
                        x[flip, 1] = -x[flip, 1]
            norm = i.get("normalization")
            if norm:
                mean = np.asarray(norm["mean"], np.float32)
                std = np.asarray(norm["std"], np.float32)
                if len(mean) > 1:
                    mean = mean.reshape([1, -1] + [1] * (len(shape) - 2))
                    std = std.reshape([1, -1] + [1] * (len(shape) - 2))
                x = (x - mean) / std
            out.append(torch.from_numpy(np.ascontiguousarray(x, np.float32)))
            if i.get("maskable"):
                p = self.a["in_" + i["name"] + "_present"][idx].reshape(len(idx), 1).astype(np.float32)
                out.append(torch.from_numpy(p))
        wp, aux = self.waypoints[idx], self.aux[idx]
        if flip is not None:
            wp, aux = wp.copy(), aux.copy()
            wp[flip, :, 1] = -wp[flip, :, 1]
            aux[flip, 2] = -aux[flip, 2]   # sin(bearing)
        labels = {"waypoints": torch.from_numpy(wp), "valid": torch.from_numpy(self.waypoints_valid[idx]),
                  "stop": torch.from_numpy(self.stop[idx]), "aux": torch.from_numpy(aux)}
        return tuple(out), labels

    def summary(self):
        eps = self.meta["episodes"]
        tasks = {}
        for e in eps:
            tasks[e.get("task", "?")] = tasks.get(e.get("task", "?"), 0) + 1
        ok = sum(1 for e in eps if e.get("success"))
        return (f"{self.n} samples from {len(eps)} episodes ({', '.join(f'{k} {v}' for k, v in sorted(tasks.items()))}; "
                f"{ok} succeeded), {self.teacher_samples} with teacher labels")
