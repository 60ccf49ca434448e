#!/usr/bin/python3
"""PyTorch eager latency of a model directory's network at batch 1 on one thread (`./umwelt bench policy`).

    /usr/bin/python3 policy/training/bench_torch.py MODEL_DIR [--inputs DIR] [--queries N] [--warmup N]

Rebuilds the network as VlaNet (vla_net.py) from `weights.pt` beside the model (state dict and
config, saved by export_model.py) or, for a directory without it (the committed test model), from
the config on the model card's Architecture line with the weights taken from model.onnx's
initializers (torch.onnx.export keeps the parameter names). Times `net(*inputs)` under
`torch.no_grad()` with `torch.set_num_threads(1)`, each call alone. --inputs: a directory in the
parity layout (parity.json, float32 files; the Java side writes the query inputs of a simulated
episode there, with ONNX Runtime's outputs on them, so that the two runtimes time the same inputs
and the outputs are compared); without it, random inputs of the right shapes.

The last stdout line is one JSON object: torch, parameters, weights, queries, p50Ms, p99Ms, maxMs,
maxAbsDiff (against ONNX Runtime's outputs; null without them). Exit 3 when torch is not installed
(prints "torch: not installed"), 2 when the network cannot be rebuilt (one line on stderr).
"""
import argparse
import json
import math
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def fail(msg, code=2):
    print(msg, file=sys.stderr)
    sys.exit(code)


def card_config(model_dir):
    """The NetConfig dict on the model card's Architecture line (export_model.py writes `config {...}`)."""
    path = os.path.join(model_dir, "README.md")
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.search(r"config (\{.*\})\s*$", line)
            if m:
                return json.loads(m.group(1))
    fail(f"{path}: no `config {{...}}` on the Architecture line and no weights.pt beside it: cannot rebuild the network")


def rebuild(model_dir, torch):
    from vla_net import BeliefNetConfig, BeliefVlaNet, NetConfig, VlaNet
    weights = os.path.join(model_dir, "weights.pt")
    if os.path.isfile(weights):
        saved = torch.load(weights)
        cfg, state, source = saved["config"], saved["state_dict"], "weights.pt"
        if saved.get("network") == "BeliefVlaNet":   # a trained model (train.py)
            net = BeliefVlaNet(BeliefNetConfig(**cfg))
            net.load_state_dict(state)
            return net.eval(), source
    else:
        cfg, state, source = card_config(model_dir), None, "model.onnx initializers"
    for k in ("camera_hw", "belief_channels"):
        if k in cfg:
            cfg[k] = tuple(cfg[k])
    try:
        net = VlaNet(NetConfig(**cfg))
    except TypeError as e:
        fail(f"{model_dir}: the config is not vla_net.py's NetConfig ({e})")
    if state is None:
        try:
            import onnx
            from onnx import numpy_helper
        except ImportError:
            fail(f"{model_dir}: no weights.pt, and python3-onnx is missing to read model.onnx's weights")
        model = onnx.load(os.path.join(model_dir, "model.onnx"))
        inits = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in model.graph.initializer}
        missing = [k for k in net.state_dict() if k not in inits]
        if missing:
            fail(f"{model_dir}/model.onnx: no initializer for {', '.join(missing[:3])}: not vla_net.py's network")
        state = {k: inits[k] for k in net.state_dict()}
    try:
        net.load_state_dict(state)
    except RuntimeError as e:
        fail(f"{model_dir}: weights do not fit vla_net.py's network ({str(e).splitlines()[0]})")
    return net.eval(), source


def shapes(model_dir):
    """Per graph input, its shape without the batch axis (presence flags [1]), from the manifest."""
    with open(os.path.join(model_dir, "manifest.json"), encoding="utf-8") as f:
        m = json.load(f)
    out = {}
    for i in m["inputs"]:
        out[i["name"]] = i["shape"][1:]
        if i.get("maskable"):
            out[i["presenceInput"]] = [1]
    return m, out


def load_inputs(net, model_dir, inputs_dir, torch):
    """(samples: list of per-query input tuples in forward order, ONNX Runtime outputs or None)."""
    import numpy as np
    from vla_net import VlaNet
    m, dims = shapes(model_dir)
    if inputs_dir is None:
        g = torch.Generator().manual_seed(0)
        return [net.example_inputs(1, g) for _ in range(64)], None
    with open(os.path.join(inputs_dir, "parity.json"), encoding="utf-8") as f:
        spec = json.load(f)
    n = spec["samples"]

    def read(name, files, shape):
        return np.fromfile(os.path.join(inputs_dir, files[name]), dtype="<f4").reshape([n] + list(shape))

    names = getattr(net, "input_names", VlaNet.INPUTS)
    full = [torch.from_numpy(read(name, spec["inputs"], dims[name])) for name in names]
    samples = [tuple(t[s:s + 1] for t in full) for s in range(n)]
    a = m["action"]
    k = a["chunkLength"]
    expected = None
    if spec.get("outputs"):
        expected = (read(a["output"], spec["outputs"], [k, 2]), read(a["stopOutput"], spec["outputs"], [k]))
    return samples, expected


def percentile(sorted_ns, q):
    return sorted_ns[max(0, math.ceil(q * len(sorted_ns)) - 1)] / 1e6


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("model_dir")
    p.add_argument("--inputs", help="query inputs in the parity layout (default: random inputs)")
    p.add_argument("--queries", type=int, default=3000, help="timed calls (default 3000)")
    p.add_argument("--warmup", type=int, default=300, help="untimed calls first (default 300)")
    args = p.parse_args(argv)
    try:
        import torch
    except ImportError:
        print("torch: not installed")
        return 3
    torch.set_num_threads(1)
    net, source = rebuild(args.model_dir, torch)
    samples, expected = load_inputs(net, args.model_dir, args.inputs, torch)
    diff = None
    with torch.no_grad():
        if expected is not None:
            diff = 0.0
            for s, x in enumerate(samples):
                wp, stop = net(*x)
                diff = max(diff, float(abs(wp[0].numpy() - expected[0][s]).max()), float(abs(stop[0].numpy() - expected[1][s]).max()))
        for i in range(args.warmup):
            net(*samples[i % len(samples)])
        ns = []
        for i in range(args.queries):
            x = samples[i % len(samples)]
            begin = time.perf_counter_ns()
            net(*x)
            ns.append(time.perf_counter_ns() - begin)
    ns.sort()
    print(json.dumps({"torch": torch.__version__, "parameters": sum(t.numel() for n, t in net.named_parameters() if not n.startswith("aux.")), "weights": source,
                      "queries": len(ns), "p50Ms": percentile(ns, 0.5), "p99Ms": percentile(ns, 0.99),
                      "maxMs": ns[-1] / 1e6, "maxAbsDiff": diff}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
