"""The trainer's declarative config (YAML, configs/default.yaml): read, checked field by field.

Every problem is a ConfigError whose message names the file, the line and the field
(`configs/x.yaml:12: training.epochs: must be an integer >= 1, not 'ten'`); train.py prints it
as one line and exits 2. Unknown fields are refused (a misspelt field is named, not ignored).
"""
import copy

import yaml


class ConfigError(Exception):
    pass


# field -> (default, check); a check returns None when the value is good, else what it must be.
def _int(lo):
    return lambda v: None if isinstance(v, int) and not isinstance(v, bool) and v >= lo else f"an integer >= {lo}"


def _ints(n):
    return lambda v: None if isinstance(v, list) and len(v) == n and all(
        isinstance(x, int) and not isinstance(x, bool) and x >= 1 for x in v) else f"a list of {n} integers >= 1"


def _num(lo, hi=float("inf"), open_lo=False):
    def check(v):
        ok = isinstance(v, (int, float)) and not isinstance(v, bool) and (v > lo if open_lo else v >= lo) and v <= hi
        return None if ok else f"a number {'>' if open_lo else '>='} {lo}" + ("" if hi == float("inf") else f" and <= {hi}")
    return check


def _bool(v):
    return None if isinstance(v, bool) else "true or false"


def _str(choices=None):
    def check(v):
        if not isinstance(v, str) or not v:
            return "a non-empty string"
        if choices and v not in choices:
            return "one of " + ", ".join(choices)
        return None
    return check


def _unnorm(v):
    if v == "auto":
        return None
    if isinstance(v, dict) and set(v) == {"scale", "offset"} and all(
            isinstance(v[k], list) and len(v[k]) == 2 and all(isinstance(x, (int, float)) for x in v[k]) for k in v) \
            and all(x > 0 for x in v["scale"]):
        return None
    return "'auto' or {scale: [sx, sy] (> 0), offset: [ox, oy]}"


def _pos_weight(v):
    return None if v == "auto" or (isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0) else "'auto' or a number > 0"


def _list_of(choices):
    def check(v):
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            return "a list of strings"
        bad = [x for x in v if choices and x not in choices]
        return f"a list of {', '.join(choices)} (not {bad[0]})" if bad else None
    return check


TASKS = ("pointnav", "objectnav", "audiogoal")
MODALITIES = ("camera", "lidar", "audio", "odometry", "instruction")

SCHEMA = {
    "name": ("umwelt-vla", _str()),
    "inputs": ("policy/training/inputs/default.json", _str()),
    "network": {
        "architecture": ("BeliefVlaNet", _str(("BeliefVlaNet",))),
        "fusion": ("early", _str(("early", "late", "cross-attention"))),
        "camera_channels": ([16, 32, 32, 64], _ints(4)),
        "camera_features": (128, _int(1)),
        "lidar_features": (64, _int(1)),
        "belief_channels": ([16, 32, 64], _ints(3)),
        "belief_features": (256, _int(1)),
        "goal_features": (32, _int(1)),
        "hidden": (256, _int(1)),
        "stop_bias": (-4.0, _num(-20, 20)),
    },
    "action": {
        "space": ("waypoints", _str(("waypoints",))),
        "chunk": (5, _int(1)),
        "time_step": (0.2, _num(0, 10, open_lo=True)),
        "unnormalization": ("auto", _unnorm),
        "ensemble_decay": (0.1, _num(0)),
        "heading_lookahead": (0.25, _num(0, 2)),
    },
    "modalities": {
        "required": (["lidar", "odometry"], _list_of(MODALITIES)),
        "sensed": (["camera", "lidar", "audio", "odometry"], _list_of(MODALITIES)),
    },
    "training": {
        "epochs": (20, _int(1)),
        "batch": (256, _int(1)),
        "lr": (1e-3, _num(0, 1, open_lo=True)),
        "weight_decay": (1e-4, _num(0)),
        "seed": (0, _int(0)),
        "threads": (1, _int(1)),
        "val_every_episode": (20, _int(0)),
        "max_steps": (0, _int(0)),
        "grad_clip": (1.0, _num(0, open_lo=True)),
        "mirror": (False, _bool),
    },
    "loss": {
        "waypoints": (1.0, _num(0)),
        "stop": (0.5, _num(0)),
        "stop_pos_weight": (2.0, _pos_weight),
        "aux_visible": (0.1, _num(0)),
        "aux_bearing": (0.1, _num(0)),
        "aux_distance": (0.1, _num(0)),
    },
    "eval": {
        "every": (5, _int(0)),
        "episodes": (20, _int(1)),
        "tasks": (list(TASKS), _list_of(TASKS)),
        "seed": (0, _int(0)),
        "threads": (2, _int(1)),
        "timeout_s": (1800, _int(1)),
    },
    "parity": {
        "samples": (16, _int(1)),
        "limit": (1e-4, _num(0, open_lo=True)),
    },
}


def _lines(node, prefix, out):
    """Line number (1-based) of each field path in the composed YAML."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            path = f"{prefix}.{k.value}" if prefix else str(k.value)
            out[path] = k.start_mark.line + 1
            _lines(v, path, out)


def _merge(schema, given, path, where, fill):
    out = {}
    if not isinstance(given, dict):
        raise ConfigError(f"{where(path)}{path or 'config'}: must be a mapping of fields")
    for k in given:
        if k not in schema:
            raise ConfigError(f"{where(f'{path}.{k}' if path else k)}{f'{path}.{k}' if path else k}: unknown field "
                              f"(known: {', '.join(sorted(schema))})")
    for k, spec in schema.items():
        p = f"{path}.{k}" if path else k
        if isinstance(spec, dict):
            out[k] = _merge(spec, given.get(k, {}) if given.get(k) is not None else {}, p, where, fill)
            continue
        default, check = spec
        if k not in given:
            out[k] = copy.deepcopy(default)
            continue
        v = given[k]
        problem = check(v)
        if problem:
            raise ConfigError(f"{where(p)}{p}: must be {problem}, not {v!r}")
        out[k] = float(v) if isinstance(default, float) and isinstance(v, int) else v
    return out


def load(path, overrides=None):
    """The config at path (None: all defaults) with overrides {"training.seed": 3} applied, checked."""
    text, lines, name = "", {}, path or "defaults"
    if path:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            raise ConfigError(f"{path}: cannot read ({e.strerror})")
        try:
            given = yaml.safe_load(text) or {}
            _lines(yaml.compose(text), "", lines)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            at = f":{mark.line + 1}" if mark else ""
            raise ConfigError(f"{path}{at}: not valid YAML ({getattr(e, 'problem', e)})")
    else:
        given = {}
    for k, v in (overrides or {}).items():
        d = given
        parts = k.split(".")
        for p in parts[:-1]:
            d = d.setdefault(p, {})
        d[parts[-1]] = v

    def where(p):
        return f"{name}:{lines[p]}: " if p in lines else f"{name}: "

    cfg = _merge(SCHEMA, given, "", where, None)
    if cfg["network"]["fusion"] != "early":
        p = "network.fusion"
        raise ConfigError(f"{where(p)}{p}: '{cfg['network']['fusion']}' is not implemented yet (only 'early')")
    missing = [m for m in cfg["modalities"]["required"] if m not in cfg["modalities"]["sensed"]]
    if missing:
        p = "modalities.sensed"
        raise ConfigError(f"{where(p)}{p}: misses the required '{missing[0]}'")
    return cfg
