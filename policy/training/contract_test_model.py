#!/usr/bin/python3
"""A random test model with the inputs of the first model's contract (policy/training/inputs/default.json):
camera, lidar, instruction, the 8-channel belief at 0.25 m and the goal, each maskable one with its
presence flag. A few ONNX operators, no torch: every input's mean (and each presence flag) times a small
random weight, plus a bias that drives forward at ~0.3 m/s and never STOPs. For the Java tests
(export --inputs against the live inputs), not a policy.

    /usr/bin/python3 policy/training/contract_test_model.py --out policy/src/test/resources/vla/contract
    /usr/bin/python3 policy/training/contract_test_model.py --out policy/src/test/resources/vla/contract-heard \
        --inputs policy/src/test/resources/vla/contract-heard.inputs.json
"""
import argparse
import hashlib
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--inputs", default=os.path.join(HERE, "inputs", "default.json"), help="the inputs file the model takes")
    a = p.parse_args()
    with open(a.inputs) as f:
        spec = json.load(f)
    rng = np.random.default_rng(a.seed)
    graph_inputs, feats, nodes = [], [], []
    for inp in spec["inputs"]:
        names = [inp["name"]] + ([inp["presenceInput"]] if inp["maskable"] else [])
        shapes = [["batch"] + inp["shape"][1:]] + ([["batch", 1]] if inp["maskable"] else [])
        for n, s in zip(names, shapes):
            graph_inputs.append(helper.make_tensor_value_info(n, TensorProto.FLOAT, s))
            axes = list(range(1, len(s)))
            nodes.append(helper.make_node("ReduceMean", [n], [n + "_m"], axes=axes, keepdims=1))
            nodes.append(helper.make_node("Flatten", [n + "_m"], [n + "_f"], axis=1))
            feats.append(n + "_f")
    k = len(feats)
    nodes.append(helper.make_node("Concat", feats, ["f"], axis=1))
    # waypoint x of step i (scale 0.15, offset 0.1): 0.06 (i + 1) m, i.e. 0.3 m/s
    bias = np.zeros((5, 2), np.float32)
    bias[:, 0] = [(0.06 * (i + 1) - 0.1) / 0.15 for i in range(5)]
    inits = [
        numpy_helper.from_array((rng.standard_normal((k, 10)) * 0.05).astype(np.float32), "w"),
        numpy_helper.from_array(bias.reshape(10), "b"),
        numpy_helper.from_array((rng.standard_normal((k, 5)) * 0.05).astype(np.float32), "ws"),
        numpy_helper.from_array(np.full(5, -8.0, np.float32), "bs"),
        numpy_helper.from_array(np.array([-1, 5, 2], np.int64), "shape"),
    ]
    nodes += [helper.make_node("MatMul", ["f", "w"], ["h"]), helper.make_node("Add", ["h", "b"], ["hb"]),
              helper.make_node("Reshape", ["hb", "shape"], ["waypoints"]),
              helper.make_node("MatMul", ["f", "ws"], ["s"]), helper.make_node("Add", ["s", "bs"], ["stop_logit"])]
    outputs = [helper.make_tensor_value_info("waypoints", TensorProto.FLOAT, ["batch", 5, 2]),
               helper.make_tensor_value_info("stop_logit", TensorProto.FLOAT, ["batch", 5])]
    model = helper.make_model(helper.make_graph(nodes, "contract-test", graph_inputs, outputs, inits),
                              opset_imports=[helper.make_opsetid("", 13)], producer_name="contract_test_model.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, "model.onnx")
    onnx.save(model, path)
    sha = hashlib.sha256(open(path, "rb").read()).hexdigest()
    manifest = {
        "format": 1, "name": "contract-test-random", "inputs": spec["inputs"],
        "sensors": {"camera": {"width": 128, "height": 96, "horizontalFovDegrees": 90.0}, "lidar": {"beams": 360}},
        "queryRateHz": spec["queryRateHz"],
        "action": {"space": "waypoints", "output": "waypoints", "stopOutput": "stop_logit", "chunkLength": 5,
                   "timeStepSeconds": 0.2, "unnormalization": {"scale": [0.15, 0.15], "offset": [0.1, 0.0]},
                   "ensembleDecay": 0.1},
        "fusion": "early", "requiredModalities": ["lidar", "odometry"], "sensedModalities": ["camera", "lidar", "odometry"],
        "textEncoder": "all-MiniLM-L6-v2", "modelSha256": sha,
        "provenance": {"commit": "see git log", "command": "/usr/bin/python3 policy/training/contract_test_model.py --out " + a.out
                       + " --inputs " + os.path.relpath(a.inputs),
                       "data": "none: random weights, a test model with the contract's inputs"},
    }
    with open(os.path.join(a.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    belief = next(i for i in spec["inputs"] if i["source"] == "belief")
    with open(os.path.join(a.out, "README.md"), "w") as f:
        f.write("# contract-test-random\n\nA test model for the Java runtime with the inputs of "
                f"{os.path.relpath(a.inputs)} (camera, lidar, instruction, belief "
                f"{'x'.join(map(str, belief['shape'][1:]))} at {belief['belief']['resolution']} m "
                f"({', '.join(belief['belief']['channels'])}), goal), made by\n"
                "`" + manifest["provenance"]["command"] + "`: random weights over each "
                "input's mean, driving forward at about 0.3 m/s, never STOPping. Trained on nothing; measured figures: none.\n"
                f"model.onnx SHA-256 {sha}.\n")
    print("wrote", a.out, sha)


if __name__ == "__main__":
    main()
