"""A trained model's directory: model.onnx, manifest.json (policy/README.md lists the fields) and
the model card README.md. The manifest's inputs are the inputs file's, unchanged; the sensors
are the dataset's robot (meta.json); nothing in model.onnx or manifest.json depends on the wall
clock, so the same weights and data give the same bytes."""
import json
import math
import os

import export_model


class InputsError(Exception):
    pass


def read_json(path, error):
    """The JSON value in path; error(message naming the file) when unreadable or not JSON."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        raise error(f"{path}: cannot read ({e.strerror})")
    except ValueError as e:
        raise error(f"{path}: not valid JSON ({e})")


def load_inputs_file(path):
    """(inputs array, queryRateHz) of an inputs file; InputsError names the file and the field."""
    spec = read_json(path, InputsError)
    if not isinstance(spec, dict):
        raise InputsError(f"{path}: must be a JSON object with 'inputs' and 'queryRateHz'")
    rate = spec.get("queryRateHz")
    if not isinstance(rate, (int, float)) or isinstance(rate, bool) or rate <= 0:
        raise InputsError(f"{path}: queryRateHz: must be a number > 0, not {rate!r}")
    inputs = spec.get("inputs")
    if not isinstance(inputs, list) or not inputs:
        raise InputsError(f"{path}: inputs: must be a non-empty list of manifest inputs")
    for n, i in enumerate(inputs):
        where = f"{path}: inputs[{n}]"
        if not isinstance(i, dict):
            raise InputsError(f"{where}: must be an object")
        for k in ("name", "source", "shape"):
            if k not in i:
                raise InputsError(f"{where}.{k}: missing")
        if i["source"] not in ("camera", "lidar", "instruction", "belief", "goal"):
            raise InputsError(f"{where}.source: '{i['source']}' is not camera, lidar, instruction, belief or goal")
        if not isinstance(i["shape"], list) or len(i["shape"]) < 2 or not all(isinstance(d, int) for d in i["shape"]):
            raise InputsError(f"{where}.shape: must be a list of integers, batch axis first")
        if i.get("maskable") and not i.get("presenceInput"):
            raise InputsError(f"{where}.presenceInput: missing for a maskable input")
    return inputs, float(rate)


def sensors(meta):
    """The robot the dataset was recorded with, as the manifest's `sensors`."""
    r = meta.get("robot", {})
    out = {}
    cam = r.get("camera", {})
    if cam.get("present", True) and cam.get("source_width"):
        out["camera"] = {"width": cam["source_width"], "height": cam["source_height"],
                         "horizontalFovDegrees": round(math.degrees(cam["horizontal_fov"]), 6)}
    if r.get("lidar", {}).get("beams"):
        out["lidar"] = {"beams": r["lidar"]["beams"]}
    return out


def manifest(cfg, inputs, rate, meta, unnorm, sha, provenance):
    a = cfg["action"]
    return {
        "format": 1,
        "name": cfg["name"],
        "inputs": inputs,
        "sensors": sensors(meta),
        "queryRateHz": rate,
        "action": {"space": a["space"], "output": "waypoints", "stopOutput": "stop_logit", "chunkLength": a["chunk"],
                   "timeStepSeconds": a["time_step"], "unnormalization": unnorm, "ensembleDecay": a["ensemble_decay"]},
        "fusion": cfg["network"]["fusion"],
        "requiredModalities": cfg["modalities"]["required"],
        "sensedModalities": cfg["modalities"]["sensed"],
        "textEncoder": "all-MiniLM-L6-v2",
        "modelSha256": sha,
        "provenance": provenance,
    }


def write(out, net, cfg, inputs, rate, meta, unnorm, provenance, card_lines):
    """Exports net to out/model.onnx and writes manifest.json and README.md; returns (manifest, size)."""
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "model.onnx")
    export_model.export_onnx(net, path)
    m = manifest(cfg, inputs, rate, meta, unnorm, export_model.sha256(path), provenance)
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(m, f, indent=2)
        f.write("\n")
    write_card(out, card_lines)
    return m, os.path.getsize(path)


def write_card(out, lines):
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
