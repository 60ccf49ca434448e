#!/usr/bin/python3
"""Trains a VLA policy on an `./umwelt export --inputs` dataset and writes a model directory.

    ./umwelt train --data DIR --out MODEL_DIR [--config FILE] [--seed S]
    (= /usr/bin/python3 policy/training/train.py --data DIR --out MODEL_DIR ...)

Behaviour cloning of BeliefVlaNet (vla_net.py) from the config (configs/default.yaml): one
progress line per epoch, closed-loop val success every `eval.every` epochs (closed_loop.py), the
checkpoint with the best mean val success kept (ties: lower val loss; without closed-loop eval:
the lowest val loss, or the last epoch without val episodes), exported to ONNX with the parity
check against ONNX Runtime Java (refused above `parity.limit`), manifest.json, the model card,
weights.pt and loss.png. Seeded and reproducible: the same data, config, seed and machine give
the same model.onnx bytes. Exit 2 for bad input (one line naming the file and field), 1 for a
failed parity check or a crash.
"""
import argparse
import json
import math
import os
import pickle
import shutil
import sys
import tempfile
import time

# OpenMP threads that wait by spinning burn a shared machine's cores: measured with 2 threads under load,
# 65 samples/s spinning against 281 passive. Set before torch (libgomp reads it when loaded).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))


def fail(msg, code=2):
    print(msg, file=sys.stderr)
    sys.exit(code)


def resolve(path):
    """A path as given, else relative to the repository root (configs name repo paths)."""
    return path if os.path.isabs(path) or os.path.exists(path) else os.path.join(REPO, path)


def auto_unnorm(ds, idx):
    """scale/offset per component from the training labels: offset = mean, scale = std (>= 0.05 m)."""
    import numpy as np
    wp, valid = ds.waypoints[idx], ds.waypoints_valid[idx] > 0
    pts = wp[valid] if valid.any() else wp.reshape(-1, 2)
    mean, std = pts.mean(0).astype(np.float64), pts.std(0).astype(np.float64)
    return {"scale": [round(max(0.05, float(s)), 4) for s in std], "offset": [round(float(m), 4) for m in mean]}


def init_from(model, net, torch):
    """Loads MODEL/weights.pt into net (refused unless its network config is net's); returns MODEL's
    unnormalization, which its weights were trained for (auto on new data would shift every output)."""
    weights, manifest = os.path.join(model, "weights.pt"), os.path.join(model, "manifest.json")
    try:
        saved = torch.load(weights, map_location="cpu", weights_only=False)
    except (OSError, RuntimeError, EOFError, pickle.UnpicklingError) as e:
        fail(f"{weights}: cannot read ({e}) (--init takes a model directory written by ./umwelt train)")
    if not isinstance(saved, dict) or "state_dict" not in saved:
        fail(f"{weights}: state_dict: missing (--init takes a model directory written by ./umwelt train)")
    theirs, ours = saved.get("config", {}), net.cfg.to_dict()
    diff = sorted(k for k in set(theirs) | set(ours) if theirs.get(k) != ours.get(k))
    if diff:
        fail(f"{weights}: config.{diff[0]}: {theirs.get(diff[0])!r}, but this training's network has {ours.get(diff[0])!r}")
    net.load_state_dict(saved["state_dict"])
    try:
        with open(manifest) as f:
            un = json.load(f)["action"]["unnormalization"]
        return {"scale": list(un["scale"]), "offset": list(un["offset"])}
    except (OSError, ValueError, KeyError, TypeError) as e:
        fail(f"{manifest}: action.unnormalization: cannot read ({e})")


def losses(net, batch, labels, unnorm, cfg, pos_weight, torch):
    F = torch.nn.functional
    wp, stop, aux = net.forward_train(*batch)
    scale = torch.tensor(unnorm["scale"], dtype=torch.float32)
    offset = torch.tensor(unnorm["offset"], dtype=torch.float32)
    target = (labels["waypoints"] - offset) / scale
    valid = labels["valid"]
    per = F.smooth_l1_loss(wp, target, reduction="none").sum(-1) * valid
    l_wp = per.sum() / valid.sum().clamp(min=1)
    l_stop = F.binary_cross_entropy_with_logits(stop, labels["stop"], pos_weight=pos_weight)
    total = cfg["waypoints"] * l_wp + cfg["stop"] * l_stop
    parts = {"wp": l_wp.item(), "stop": l_stop.item()}
    if aux is not None:
        a = labels["aux"]
        lv, vis = a[:, 0], a[:, 1]
        n = lv.sum().clamp(min=1)
        l_vis = (F.binary_cross_entropy_with_logits(aux[:, 0], vis, reduction="none") * lv).sum() / n
        seen = lv * vis
        m = seen.sum().clamp(min=1)
        l_bear = ((F.mse_loss(aux[:, 1:3], a[:, 2:4], reduction="none").sum(-1)) * seen).sum() / m
        l_dist = (F.smooth_l1_loss(aux[:, 3], a[:, 4], reduction="none") * seen).sum() / m
        total = total + cfg["aux_visible"] * l_vis + cfg["aux_bearing"] * l_bear + cfg["aux_distance"] * l_dist
        parts.update(vis=l_vis.item(), bear=l_bear.item(), dist=l_dist.item())
    parts["total"] = total.item()
    return total, parts


def val_loss(net, ds, idx, batch_size, unnorm, cfg, pos_weight, torch):
    if len(idx) == 0:
        return float("nan")
    net.eval()
    tot, n = 0.0, 0
    with torch.no_grad():
        for s in range(0, len(idx), batch_size):
            b = idx[s:s + batch_size]
            x, y = ds.batch(b, torch)
            _, parts = losses(net, x, y, unnorm, cfg, pos_weight, torch)
            tot += parts["total"] * len(b)
            n += len(b)
    net.train()
    return tot / n


def fmt_time(s):
    s = int(round(s))
    return f"{s // 3600}h{s % 3600 // 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"


class OneLineParser(argparse.ArgumentParser):
    """Bad arguments: one line and exit 2 (the launcher's rule), not argparse's usage block."""

    def error(self, message):
        fail(f"umwelt train: {message} (see ./umwelt train --help)")


def main(argv=None):
    p = OneLineParser(prog="umwelt train", description="Train a VLA policy on an exported dataset "
                                "and write a model directory (--policy vla --model DIR).")
    p.add_argument("--data", required=True, help="dataset directory written by `./umwelt export ... --inputs FILE`, or several, comma-separated (concatenated in order)")
    p.add_argument("--out", required=True, help="model directory to write (model.onnx, manifest.json, README.md, "
                   "weights.pt, loss.png)")
    p.add_argument("--config", help="training config (YAML; default: policy/training/configs/default.yaml)")
    p.add_argument("--seed", type=int, help="training seed (overrides training.seed)")
    p.add_argument("--init", metavar="MODEL_DIR", help="start from this model directory's weights.pt and keep its "
                   "unnormalization (a DAgger round fine-tunes the previous round's model); same network config")
    p.add_argument("--classpath", default=os.path.join(REPO, "agent/target/umwelt-agent.jar") + os.pathsep
                   + os.path.join(REPO, "agent/target/lib/*"), help="Java class path of the parity check")
    p.add_argument("--java", default="java")
    args = p.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)

    import train_config
    config_path = args.config or os.path.join(HERE, "configs", "default.yaml")
    try:
        cfg = train_config.load(config_path, {"training.seed": args.seed} if args.seed is not None else None)
    except train_config.ConfigError as e:
        fail(str(e))
    try:
        import numpy as np
        import torch
    except ImportError as e:
        fail(f"train: {e.name} is not installed for /usr/bin/python3 (Debian: python3-torch python3-onnx python3-yaml)")
    import model_dir
    from dataset import Dataset, DataError
    from vla_net import BeliefNetConfig, BeliefVlaNet

    inputs_path = resolve(cfg["inputs"])
    try:
        inputs, rate = model_dir.load_inputs_file(inputs_path)
    except model_dir.InputsError as e:
        fail(f"{config_path}: inputs: {e}")
    t = cfg["training"]
    torch.manual_seed(t["seed"])
    torch.set_num_threads(t["threads"])
    torch.use_deterministic_algorithms(True)
    try:
        ds = Dataset(args.data, inputs, cfg["action"]["chunk"], cfg["action"]["time_step"], rate,
                     heading_lookahead=cfg["action"]["heading_lookahead"])
    except DataError as e:
        fail(str(e))
    train_idx, val_idx = ds.split(t["val_every_episode"])
    if t["mirror"]:
        try:
            ds.enable_mirror()
        except DataError as e:
            fail(f"{e} (training.mirror is on)")
    if len(train_idx) == 0:
        fail(f"{args.data}: no training samples (training.val_every_episode = {t['val_every_episode']} holds out all)")
    n_cfg = {k: v for k, v in cfg["network"].items() if k != "architecture"}
    try:
        net = BeliefVlaNet(BeliefNetConfig(inputs=inputs, chunk=cfg["action"]["chunk"], **n_cfg))
    except ValueError as e:
        fail(f"{config_path}: {e}")
    if args.init:
        unnorm = init_from(args.init, net, torch)
    else:
        unnorm = cfg["action"]["unnormalization"]
        if unnorm == "auto":
            unnorm = auto_unnorm(ds, train_idx)
    params = sum(x.numel() for x in net.parameters())
    exported = sum(x.numel() for n, x in net.named_parameters() if not n.startswith("aux."))
    lw = cfg["loss"]
    pw = lw["stop_pos_weight"]
    if pw == "auto":
        pos = float(ds.stop[train_idx].mean())
        pw = min(50.0, (1 - pos) / pos) if pos > 0 else 1.0
    pos_weight = torch.tensor(float(pw))
    opt = torch.optim.AdamW(net.parameters(), lr=t["lr"], weight_decay=t["weight_decay"])
    steps_per_epoch = math.ceil(len(train_idx) / t["batch"])
    total_steps = steps_per_epoch * t["epochs"]
    if t["max_steps"]:
        total_steps = min(total_steps, t["max_steps"])
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.5 * (1 + math.cos(math.pi * min(1.0, s / total_steps))))
    print(f"data: {ds.summary()}; train {len(train_idx)}, val {len(val_idx)} samples")
    print(f"network: BeliefVlaNet, {params} parameters ({exported} exported), fusion {cfg['network']['fusion']}; "
          f"unnormalization {unnorm}; stop pos_weight {float(pw):.2f}; {t['threads']} threads, seed {t['seed']}")
    sys.stdout.flush()

    history, evals, eval_seconds = [], [], []
    best = None   # (key, epoch, state)
    step = 0
    begin = time.monotonic()
    work = tempfile.mkdtemp(prefix="vla-train-")
    ev = cfg["eval"]
    try:
        for epoch in range(1, t["epochs"] + 1):
            if step >= total_steps:
                break
            net.train()
            g = torch.Generator().manual_seed(t["seed"] * 1000003 + epoch)
            order = train_idx[torch.randperm(len(train_idx), generator=g).numpy()]
            flips = np.random.default_rng(t["seed"] * 1000003 + epoch)   # left-right mirror augmentation
            e_begin, seen, acc = time.monotonic(), 0, {}
            for s in range(0, len(order), t["batch"]):
                if step >= total_steps:
                    break
                b = order[s:s + t["batch"]]
                x, y = ds.batch(b, torch, mirror=flips.random(len(b)) < 0.5 if t["mirror"] else None)
                loss, parts = losses(net, x, y, unnorm, lw, pos_weight, torch)
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(net.parameters(), t["grad_clip"])
                opt.step()
                sched.step()
                step += 1
                seen += len(b)
                for k, v in parts.items():
                    acc[k] = acc.get(k, 0.0) + v * len(b)
            tr = {k: v / max(1, seen) for k, v in acc.items()}
            elapsed = time.monotonic() - e_begin   # training steps only: samples/s leaves the val loss out
            vl = val_loss(net, ds, val_idx, 1024, unnorm, lw, pos_weight, torch)
            rate_s = seen / elapsed if elapsed > 0 else float("inf")
            record = {"epoch": epoch, "train": tr.get("total", float("nan")), "val": vl, "parts": tr,
                      "samples_per_s": rate_s, "success": None}
            if ev["every"] and (epoch % ev["every"] == 0 or epoch == t["epochs"] or step >= total_steps):
                tmp = os.path.join(work, f"epoch-{epoch}")
                model_dir.write(tmp, net, cfg, inputs, rate, ds.meta, unnorm,
                                {"commit": "training", "command": "closed-loop val", "data": args.data},
                                ["# checkpoint", "", f"Closed-loop val checkpoint of epoch {epoch} (no parity check)."])
                import closed_loop
                ev_begin = time.monotonic()
                try:
                    record["success"] = closed_loop.evaluate(tmp, ev, REPO)
                except closed_loop.EvalError as e:
                    fail(str(e), 1)
                shutil.rmtree(tmp, ignore_errors=True)
                evals.append((epoch, record["success"]))
                eval_seconds.append(time.monotonic() - ev_begin)
            history.append(record)
            # Selection: best mean val success (ties: lower val loss); without closed-loop eval, the lower val
            # loss; without val episodes either, the last epoch.
            if ev["every"]:
                key = None if not record["success"] else (
                    sum(record["success"].values()) / len(record["success"]), -(vl if vl == vl else 0.0))
            else:
                key = (-vl,) if vl == vl else (float(epoch),)
            if key is not None and (best is None or key > best[0]):
                best = (key, epoch, {k: v.detach().clone() for k, v in net.state_dict().items()})
            left = (t["epochs"] - epoch) * elapsed if not t["max_steps"] else (total_steps - step) / max(1, seen) * elapsed
            if eval_seconds:   # the closed-loop evaluations still to come, at the mean cost so far
                left += sum(eval_seconds) / len(eval_seconds) * len(
                    [e for e in range(epoch + 1, t["epochs"] + 1) if e % ev["every"] == 0 or e == t["epochs"]])
            parts_s = " ".join(f"{k} {v:.4f}" for k, v in tr.items() if k != "total")
            sr = (" val success " + " ".join(f"{k} {100 * v:.0f}%" for k, v in record["success"].items())) \
                if record["success"] else ""
            print(f"epoch {epoch}/{t['epochs']}: loss {record['train']:.4f} ({parts_s}) val loss {vl:.4f}{sr}; "
                  f"{rate_s:.0f} samples/s, ETA {fmt_time(left)}")
            sys.stdout.flush()
        train_seconds = time.monotonic() - begin
        net.load_state_dict(best[2])
        return finish(args, cfg, net, inputs, rate, ds, unnorm, params, exported, history, evals, best[1],
                      train_seconds, val_idx, torch, np)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def finish(args, cfg, net, inputs, rate, ds, unnorm, params, exported, history, evals, chosen, train_seconds,
           val_idx, torch, np):
    """The final model directory: model.onnx, manifest.json, card, parity check, weights.pt, loss.png."""
    import export_model
    import loss_plot
    import model_dir
    from export_model import git_commit
    net.eval()
    command = "./umwelt train " + " ".join(a for a in args.argv)
    provenance = {"commit": git_commit(), "command": command,
                  "data": f"{os.path.abspath(args.data)}: {ds.summary()}"}
    last = history[-1]
    lines = card_lines(cfg, ds, params, exported, history, evals, chosen, train_seconds, unnorm, provenance, "pending")
    m, size = model_dir.write(args.out, net, cfg, inputs, rate, ds.meta, unnorm, provenance, lines)
    # Parity on real samples (val, else train) as the runtime would feed them, at batch 1 in Java.
    pick = val_idx if len(val_idx) else np.arange(ds.n)
    pick = pick[np.linspace(0, len(pick) - 1, min(cfg["parity"]["samples"], len(pick))).round().astype(int)]
    x, _ = ds.batch(pick, torch)
    ok, line = export_model.parity(args.out, net, len(pick), args.classpath, args.java, cfg["parity"]["limit"], x)
    print(line)
    if not ok:
        os.remove(os.path.join(args.out, "model.onnx"))
        print(f"export refused: parity above {cfg['parity']['limit']} or the check failed; "
              f"{os.path.join(args.out, 'model.onnx')} removed", file=sys.stderr)
        return 1
    torch.save({"network": "BeliefVlaNet", "config": net.cfg.to_dict(), "state_dict": net.state_dict()},
               os.path.join(args.out, "weights.pt"))
    series = {"train loss": [(h["epoch"], h["train"]) for h in history],
              "val loss": [(h["epoch"], h["val"]) for h in history]}
    loss_plot.plot(os.path.join(args.out, "loss.png"), series)
    model_dir.write_card(args.out, card_lines(cfg, ds, params, exported, history, evals, chosen, train_seconds,
                                              unnorm, provenance, line) + [f"- model.onnx: {size} bytes, SHA-256 "
                                                                           f"{m['modelSha256']}"])
    print(f"wrote {args.out}: model.onnx ({size} bytes, SHA-256 {m['modelSha256']}), manifest.json, README.md, "
          f"weights.pt, loss.png; checkpoint of epoch {chosen}; last epoch loss {last['train']:.4f}")
    return 0


def card_lines(cfg, ds, params, exported, history, evals, chosen, seconds, unnorm, prov, parity_line):
    t = cfg["training"]
    last = history[-1]
    rates = [h["samples_per_s"] for h in history]
    out = [f"# {cfg['name']}", "",
           "Model card of an Umwelt VLA model directory (`./umwelt run SCENARIO --policy vla --model DIR`).", "",
           f"- Trained on: {prov['data']}",
           f"- Command: `{prov['command']}`",
           f"- Commit: {prov['commit']}",
           f"- Config: {json.dumps(cfg, sort_keys=True)}",
           f"- Architecture: BeliefVlaNet (policy/training/vla_net.py), {params} parameters ({exported} exported; the "
           f"camera's auxiliary head is training only), {cfg['network']['fusion']} fusion, FiLM on the instruction "
           "embedding (all-MiniLM-L6-v2) over the camera and belief features and the fused vector",
           f"- Output: {cfg['action']['chunk']} ego-frame waypoints every {cfg['action']['time_step']} s plus STOP "
           f"logits; unnormalization {json.dumps(unnorm)}",
           f"- Training: {len(history)} epochs of {t['epochs']}, batch {t['batch']}, AdamW lr {t['lr']} (cosine), seed "
           f"{t['seed']}, {t['threads']} threads, {min(rates):.0f}-{max(rates):.0f} samples/s, "
           f"{seconds / 60:.1f} min (the one wall-clock figure; model.onnx and manifest.json hold none)",
           f"- Final losses (epoch {last['epoch']}): train {last['train']:.4f} "
           f"({', '.join(f'{k} {v:.4f}' for k, v in last['parts'].items() if k != 'total')}), val {last['val']:.4f}",
           f"- Checkpoint: epoch {chosen} (" + ("best mean closed-loop val success, ties: lower val loss)" if evals
                                                else "lowest val loss; no closed-loop eval configured)"),
           "- Closed-loop val success (suite --generate "
           f"{cfg['eval']['episodes']} --split val --seed {cfg['eval']['seed']} per task): "
           + ("; ".join(f"epoch {e}: " + ", ".join(f"{k} {100 * v:.1f}%" for k, v in sr.items()) for e, sr in evals)
              or "not run (eval.every = 0)"),
           f"- Parity (ONNX Runtime Java against PyTorch, real samples): {parity_line}",
           "- Loss curve: loss.png (log scale; blue train loss, red val loss, per epoch)",
           "", "| epoch | train loss | val loss | samples/s | val success |", "|---|---|---|---|---|"]
    for h in history:
        sr = ", ".join(f"{k} {100 * v:.1f}%" for k, v in h["success"].items()) if h["success"] else ""
        out.append(f"| {h['epoch']} | {h['train']:.4f} | {h['val']:.4f} | {h['samples_per_s']:.0f} | {sr} |")
    out.append("")
    return out

if __name__ == "__main__":
    sys.exit(main())
