#!/usr/bin/python3
"""Exports a VlaNet to a model directory the Java runtime loads (`--policy vla --model DIR`).

    /usr/bin/python3 policy/training/export_model.py --out DIR [--checkpoint FILE] [--seed N] ...

Writes DIR/model.onnx (opset 17, dynamic batch axis), DIR/manifest.json (its SHA-256 included)
and DIR/README.md (the model card), then runs the parity check: ONNX Runtime Java (the runtime's
own loading and inference path, dev.umwelt.policy.vla.ParityCheck) on the exported file against
PyTorch on the same inputs; the maximum absolute difference is printed and the export is refused
(exit 1, model.onnx removed) above 1e-4. Without --checkpoint the weights are random (seeded):
a test model, not a policy. The Java class path defaults to the launcher's build
(agent/target/umwelt-agent.jar:agent/target/lib/*; `./umwelt --version` builds it).
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vla_net import ExportWrapper, NetConfig, VlaNet  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PARITY_LIMIT = 1e-4


def git_commit():
    try:
        out = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain"], capture_output=True, text=True).stdout.strip()
        return out.stdout.strip() + ("-dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def input_names(net):
    """The network's ONNX input names in forward order (BeliefVlaNet: from its inputs; VlaNet: fixed)."""
    return list(getattr(net, "input_names", VlaNet.INPUTS))


def export_onnx(net, path):
    """model.onnx: opset 17, a dynamic batch axis on every input and output, policy outputs only
    (ExportWrapper drops auxiliary heads); checked by onnx.checker. Deterministic: the same
    weights give the same bytes (tracing inputs are seeded, no time stamps in the file)."""
    net.eval()
    example = net.example_inputs(1, torch.Generator().manual_seed(0))
    ins = input_names(net)
    names = ins + list(VlaNet.OUTPUTS)
    # Only a network with auxiliary heads is wrapped: VlaNet's export (the tiny test model) stays byte for byte as before.
    traced = ExportWrapper(net).eval() if hasattr(net, "forward_train") else net
    torch.onnx.export(traced, example, path, opset_version=17, input_names=ins,
                      output_names=list(VlaNet.OUTPUTS), dynamic_axes={n: {0: "batch"} for n in names})
    import onnx
    onnx.checker.check_model(onnx.load(path))


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def manifest(cfg, args, sha, commit, command):
    h, w = cfg.camera_hw
    return {
        "format": 1,
        "name": args.name,
        "inputs": [
            {"name": "camera", "source": "camera", "shape": [-1, 3, h, w], "dtype": "float32",
             "normalization": {"mean": [0.5, 0.5, 0.5], "std": [0.25, 0.25, 0.25]},
             "maskable": True, "presenceInput": "camera_present"},
            {"name": "lidar", "source": "lidar", "shape": [-1, 1, cfg.beams], "dtype": "float32",
             "normalization": {"mean": [2.0], "std": [2.0]}, "maskable": True, "presenceInput": "lidar_present"},
            {"name": "instruction", "source": "instruction", "shape": [-1, 384], "dtype": "float32", "maskable": False},
            {"name": "belief", "source": "belief", "shape": [-1, len(cfg.belief_channels), cfg.belief_cells, cfg.belief_cells],
             "dtype": "float32", "belief": {"resolution": args.belief_resolution, "channels": list(cfg.belief_channels)},
             "maskable": False},
        ],
        "sensors": {"camera": {"width": args.camera_width, "height": args.camera_height,
                               "horizontalFovDegrees": args.camera_fov},
                    "lidar": {"beams": cfg.beams}},
        "queryRateHz": args.query_rate,
        "action": {"space": args.action_space, "output": "waypoints", "stopOutput": "stop_logit",
                   "chunkLength": cfg.chunk, "timeStepSeconds": args.time_step,
                   "unnormalization": {"scale": args.scale, "offset": args.offset},
                   "ensembleDecay": args.ensemble_decay},
        "fusion": "early",
        "requiredModalities": ["lidar", "odometry"],
        "sensedModalities": ["camera", "lidar", "odometry"],
        "textEncoder": "all-MiniLM-L6-v2",
        "modelSha256": sha,
        "provenance": {"commit": commit, "command": command, "data": args.data},
    }


def card(m, cfg, params, parity_line, size):
    lines = [
        f"# {m['name']}",
        "",
        "Model card for an Umwelt VLA model directory (`./umwelt run SCENARIO --policy vla --model DIR`).",
        "",
        f"- Trained on: {m['provenance']['data']}",
        f"- Command: `{m['provenance']['command']}`",
        f"- Commit: {m['provenance']['commit']}",
        f"- Architecture: VlaNet (policy/training/vla_net.py), {params} parameters, {m['fusion']} fusion with FiLM on the "
        f"instruction embedding ({m['textEncoder']}); config {json.dumps(cfg.to_dict())}",
        f"- Inputs: camera 3x{cfg.camera_hw[0]}x{cfg.camera_hw[1]} (from {m['sensors']['camera']['width']}x"
        f"{m['sensors']['camera']['height']} frames, {m['sensors']['camera']['horizontalFovDegrees']} degrees), "
        f"lidar {cfg.beams} beams, belief crop {len(cfg.belief_channels)}x{cfg.belief_cells}x{cfg.belief_cells} at "
        f"{m['inputs'][3]['belief']['resolution']} m, instruction 384",
        f"- Output: {cfg.chunk} {m['action']['space']} every {m['action']['timeStepSeconds']} s plus STOP logits, "
        f"queried at {m['queryRateHz']} Hz, ensembled with m = {m['action']['ensembleDecay']}",
        f"- model.onnx: {size} bytes, SHA-256 {m['modelSha256']}; weights.pt: the same weights for PyTorch (state dict + config)",
        f"- Parity (ONNX Runtime Java against PyTorch): {parity_line}",
        "- Measured figures: none (random weights; not a policy)." if "random" in m['provenance']['data']
        else "- Measured figures: see the training log.",
        "",
    ]
    return "\n".join(lines)


def parity(out_dir, net, samples, classpath, java, limit, inputs=None):
    """Writes inputs (random of the right shapes, or the given tuple in forward order) and PyTorch's
    outputs, runs the Java check; returns (ok, its line)."""
    net.eval()
    if inputs is None:
        inputs = net.example_inputs(samples, torch.Generator().manual_seed(1))
    samples = inputs[0].shape[0]
    with torch.no_grad():
        outputs = net(*inputs)
    work = tempfile.mkdtemp(prefix="vla-parity-")
    try:
        spec = {"samples": samples, "inputs": {}, "outputs": {}}
        for name, t in zip(input_names(net), inputs):
            t.contiguous().numpy().astype("<f4").tofile(os.path.join(work, name + ".f32"))
            spec["inputs"][name] = name + ".f32"
        for name, t in zip(VlaNet.OUTPUTS, outputs):
            t.contiguous().numpy().astype("<f4").tofile(os.path.join(work, name + ".f32"))
            spec["outputs"][name] = name + ".f32"
        with open(os.path.join(work, "parity.json"), "w") as f:
            json.dump(spec, f)
        # The class path goes through CLASSPATH: ONNX Runtime 1.29 crashes on a command line of about 4 KB.
        env = dict(os.environ, CLASSPATH=classpath)
        r = subprocess.run([java, "dev.umwelt.policy.vla.ParityCheck", out_dir, work, repr(limit)],
                           capture_output=True, text=True, env=env)
        line = (r.stdout.strip().splitlines() or [""])[-1]
        if r.returncode != 0:
            line = line or (r.stderr.strip().splitlines() or ["java failed"])[-1]
        return r.returncode == 0, line
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", required=True, help="model directory to write")
    p.add_argument("--checkpoint", help="a state_dict saved by torch.save (default: random weights)")
    p.add_argument("--seed", type=int, default=0, help="seed of the random weights")
    p.add_argument("--name", default="tiny-random")
    p.add_argument("--data", default="none: random weights, a test model for the Java runtime")
    p.add_argument("--camera-width", type=int, default=128)
    p.add_argument("--camera-height", type=int, default=96)
    p.add_argument("--camera-fov", type=float, default=90.0)
    p.add_argument("--beams", type=int, default=360)
    p.add_argument("--belief-resolution", type=float, default=0.1)
    p.add_argument("--query-rate", type=float, default=5.0)
    p.add_argument("--time-step", type=float, default=0.2)
    p.add_argument("--action-space", choices=["waypoints", "velocity"], default="waypoints")
    p.add_argument("--scale", type=float, nargs=2, default=[0.15, 0.15])
    p.add_argument("--offset", type=float, nargs=2, default=[0.1, 0.0])
    p.add_argument("--ensemble-decay", type=float, default=0.1)
    p.add_argument("--samples", type=int, default=16, help="parity samples")
    p.add_argument("--parity-limit", type=float, default=PARITY_LIMIT, help="largest max abs difference accepted")
    p.add_argument("--classpath", default=os.path.join(REPO, "agent/target/umwelt-agent.jar") + os.pathsep
                   + os.path.join(REPO, "agent/target/lib/*"))
    p.add_argument("--java", default="java")
    p.add_argument("--no-parity", action="store_true", help="skip the parity check (the card then says so)")
    args = p.parse_args(argv)

    torch.manual_seed(args.seed)
    cfg = NetConfig(beams=args.beams)
    net = VlaNet(cfg)
    if args.checkpoint:
        net.load_state_dict(torch.load(args.checkpoint))
    net.eval()
    os.makedirs(args.out, exist_ok=True)
    model_path = os.path.join(args.out, "model.onnx")
    export_onnx(net, model_path)
    with open(model_path, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    command = "/usr/bin/python3 policy/training/export_model.py " + " ".join(argv if argv is not None else sys.argv[1:])
    m = manifest(cfg, args, sha, git_commit(), command)
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(m, f, indent=2)
        f.write("\n")
    params = sum(t.numel() for t in net.parameters())
    size = os.path.getsize(model_path)
    # The card must exist for the runtime to load the directory, parity included; it is rewritten with the result.
    with open(os.path.join(args.out, "README.md"), "w") as f:
        f.write(card(m, cfg, params, "pending", size))
    if args.no_parity:
        ok, line = True, "not checked (--no-parity)"
    else:
        ok, line = parity(args.out, net, args.samples, args.classpath, args.java, args.parity_limit)
    print(line)
    if not ok:
        os.remove(model_path)
        print(f"export refused: parity above {args.parity_limit} or the check failed; {model_path} removed", file=sys.stderr)
        return 1
    # The PyTorch side of the same model (bench_torch.py rebuilds the network from it); the runtime reads only model.onnx.
    torch.save({"config": cfg.to_dict(), "state_dict": net.state_dict()}, os.path.join(args.out, "weights.pt"))
    with open(os.path.join(args.out, "README.md"), "w") as f:
        f.write(card(m, cfg, params, line, size))
    print(f"wrote {args.out}: model.onnx ({size} bytes, {params} parameters), manifest.json, README.md, weights.pt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
