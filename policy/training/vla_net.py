"""The VLA network the Java runtime (dev.umwelt.policy.vla) runs once exported to ONNX.

Early fusion: a small CNN over the camera frame, a 1-D conv over the lidar beams and a CNN over
an ego-centric crop of the world model's belief each give a feature vector; absent senses
(presence flag 0) zero their features. The concatenation, with the presence flags, is
projected and then FiLM-conditioned on the 384-d sentence embedding of the instruction
(all-MiniLM-L6-v2): h = relu(h * (1 + gamma(text)) + beta(text)). The head gives K ego-frame
waypoints (or body velocities) and K STOP logits.

The inputs arrive as ModelInputs.java prepares them (policy/README.md, "Inputs"); the tensor
names below are the manifest's.
"""
from dataclasses import dataclass, field, asdict

import torch
import torch.nn as nn


@dataclass
class NetConfig:
    camera_hw: tuple = (48, 64)        # input rows, columns (the robot's frame is box-averaged down to this)
    beams: int = 360                    # lidar beams, as the robot's lidar gives them
    belief_cells: int = 32              # belief crop rows = columns
    belief_channels: tuple = ("occupied", "free", "unknown", "trail")
    width: int = 32                     # features per modality
    hidden: int = 64                    # fused features, FiLM-modulated
    chunk: int = 5                      # K steps per chunk
    stop_bias: float = -4.0             # initial STOP logit bias: an untrained net rarely stops

    def to_dict(self):
        return asdict(self)


class VlaNet(nn.Module):
    INPUTS = ("camera", "camera_present", "lidar", "lidar_present", "instruction", "belief")
    OUTPUTS = ("waypoints", "stop_logit")

    def __init__(self, cfg: NetConfig):
        super().__init__()
        self.cfg = cfg
        w = cfg.width
        h, wd = cfg.camera_hw
        self.cam = nn.Sequential(
            nn.Conv2d(3, 8, 5, 2, 2), nn.ReLU(), nn.Conv2d(8, 16, 3, 2, 1), nn.ReLU(),
            nn.Conv2d(16, 16, 3, 2, 1), nn.ReLU(), nn.Flatten(),
            nn.Linear(16 * ((h + 7) // 8) * ((wd + 7) // 8), w))
        lid = (((cfg.beams + 3) // 4) + 3) // 4
        self.lid = nn.Sequential(
            nn.Conv1d(1, 8, 7, 4, 3), nn.ReLU(), nn.Conv1d(8, 16, 5, 4, 2), nn.ReLU(), nn.Flatten(),
            nn.Linear(16 * lid, w))
        c = cfg.belief_cells
        self.bel = nn.Sequential(
            nn.Conv2d(len(cfg.belief_channels), 8, 3, 2, 1), nn.ReLU(), nn.Conv2d(8, 16, 3, 2, 1), nn.ReLU(),
            nn.Conv2d(16, 16, 3, 2, 1), nn.ReLU(), nn.Flatten(), nn.Linear(16 * ((c + 7) // 8) ** 2, w))
        self.fuse = nn.Linear(3 * w + 2, cfg.hidden)
        self.film = nn.Linear(384, 2 * cfg.hidden)
        self.head = nn.Sequential(nn.Linear(cfg.hidden, cfg.hidden), nn.ReLU(), nn.Linear(cfg.hidden, 3 * cfg.chunk))
        with torch.no_grad():
            self.head[-1].bias[2 * cfg.chunk:] = cfg.stop_bias

    def forward(self, camera, camera_present, lidar, lidar_present, instruction, belief):
        f = torch.cat([self.cam(camera) * camera_present, self.lid(lidar) * lidar_present, self.bel(belief),
                       camera_present, lidar_present], 1)
        h = self.fuse(f)
        gamma, beta = self.film(instruction).chunk(2, 1)
        h = torch.relu(h * (1 + gamma) + beta)
        out = self.head(h)
        k = self.cfg.chunk
        return out[:, :2 * k].reshape(-1, k, 2), out[:, 2 * k:]

    def example_inputs(self, batch, generator=None):
        """Random inputs of the right shapes (parity checks, export tracing); presence flags 0 or 1."""
        h, w = self.cfg.camera_hw
        g = generator
        return (torch.randn(batch, 3, h, w, generator=g),
                torch.randint(0, 2, (batch, 1), generator=g).float(),
                torch.rand(batch, 1, self.cfg.beams, generator=g) * 4,
                torch.randint(0, 2, (batch, 1), generator=g).float(),
                nn.functional.normalize(torch.randn(batch, 384, generator=g), dim=1),
                torch.randint(0, 2, (batch, len(self.cfg.belief_channels), self.cfg.belief_cells, self.cfg.belief_cells),
                              generator=g).float())


# ---------------------------------------------------------------------------------------------
# BeliefVlaNet: the trained policy's network (issue 17's contract, policy/training/inputs/*.json).
# VlaNet above stays as the tiny test model's architecture (policy/src/test/resources/vla/tiny).

@dataclass
class BeliefNetConfig:
    inputs: list = field(default_factory=list)   # the manifest's `inputs` array (inputs file)
    camera_channels: tuple = (16, 32, 32, 64)    # 4 stride-2 convs; FiLM on the third's output (6x8)
    camera_features: int = 128
    lidar_features: int = 64
    belief_channels: tuple = (16, 32, 64)        # 3 stride-2 convs 48 -> 24 -> 12 -> 6; FiLM on the second's (12x12)
    belief_features: int = 256
    goal_features: int = 32
    hidden: int = 256                            # fused features, FiLM-modulated
    chunk: int = 5
    stop_bias: float = -4.0
    fusion: str = "early"

    def to_dict(self):
        return asdict(self)


FUSIONS = ("early", "late", "cross-attention")
GOAL_RANGES = (0.15, 0.3, 0.6, 1.2)   # m: the goal's range features, finest near the 0.3 m success radius


def _per_channel(values, n):
    return list(values) * n if len(values) == 1 else list(values)


def input_names(inputs):
    """ONNX input names in forward order: each input, then its presence flag when maskable."""
    out = []
    for i in inputs:
        out.append(i["name"])
        if i.get("maskable"):
            out.append(i["presenceInput"])
    return out


def _out(n, k, s, p):
    return (n + 2 * p - k) // s + 1


class BeliefVlaNet(nn.Module):
    """Early fusion of camera, lidar, belief crop and goal, FiLM-conditioned on the instruction.

    Camera: 4 strided convs (3x48x64 -> 64x3x4), FiLM on the third conv's channels (6x8), linear; an
    auxiliary head on its features (target visible logit, bearing sin and cos, distance / 5) is
    trained from the privileged labels and not exported. Lidar: 3 strided 1-D convs, linear.
    Belief (the memory): 3 strided convs 48 -> 24 -> 12 -> 6 (receptive field 15 cells, 3.75 m at
    0.25 m; the linear layer over the 6x6 maps sees the whole 12 m crop), FiLM on the 12x12 maps'
    channels. Goal: its range features (_goal_features), linear. Absent maskable
    senses (presence 0) zero their features; the flags join the fused vector. The fused vector is
    projected, FiLM-modulated (h = relu(h * (1 + gamma) + beta)) and a 2-layer head gives K waypoints
    (raw, unnormalized by the manifest) and K STOP logits.
    """
    OUTPUTS = ("waypoints", "stop_logit")

    def __init__(self, cfg: BeliefNetConfig):
        super().__init__()
        if cfg.fusion not in FUSIONS:
            raise ValueError(f"fusion: '{cfg.fusion}' is not one of {', '.join(FUSIONS)}")
        if cfg.fusion != "early":
            raise ValueError(f"fusion: '{cfg.fusion}' is not implemented by BeliefVlaNet yet (only 'early')")
        self.cfg = cfg
        self.specs = list(cfg.inputs)
        self.input_names = input_names(self.specs)
        by = {}
        for i in self.specs:
            if i["source"] in by:
                raise ValueError(f"inputs: two inputs read source '{i['source']}'")
            by[i["source"]] = i
        if "instruction" not in by:
            raise ValueError("inputs: the network needs an 'instruction' input (FiLM)")
        self.by = by
        text = by["instruction"]["shape"][1]
        film = 0
        fused = 0
        relu = nn.ReLU
        if "camera" in by:
            _, c, h, w = by["camera"]["shape"]
            c1, c2, c3, c4 = cfg.camera_channels
            self.cam = nn.Sequential(nn.Conv2d(c, c1, 5, 2, 2), relu(), nn.Conv2d(c1, c2, 3, 2, 1), relu(),
                                     nn.Conv2d(c2, c3, 3, 2, 1), relu())
            self.cam2 = nn.Sequential(nn.Conv2d(c3, c4, 3, 2, 1), relu(), nn.Flatten())
            h, w = _out(h, 5, 2, 2), _out(w, 5, 2, 2)
            for _ in range(3):
                h, w = _out(h, 3, 2, 1), _out(w, 3, 2, 1)
            self.cam_fc = nn.Linear(c4 * h * w, cfg.camera_features)
            self.aux = nn.Linear(cfg.camera_features, 4)
            film += 2 * c3
            fused += cfg.camera_features
        if "lidar" in by:
            n = by["lidar"]["shape"][-1]
            self.lid = nn.Sequential(nn.Conv1d(1, 16, 7, 4, 3), relu(), nn.Conv1d(16, 32, 5, 3, 2), relu(),
                                     nn.Conv1d(32, 32, 3, 2, 1), relu(), nn.Flatten())
            n = _out(_out(_out(n, 7, 4, 3), 5, 3, 2), 3, 2, 1)
            self.lid_fc = nn.Linear(32 * n, cfg.lidar_features)
            fused += cfg.lidar_features
        if "belief" in by:
            _, c, h, w = by["belief"]["shape"]
            b1, b2, b3 = cfg.belief_channels
            self.bel = nn.Sequential(nn.Conv2d(c, b1, 3, 2, 1), relu(), nn.Conv2d(b1, b2, 3, 2, 1), relu())
            self.bel2 = nn.Sequential(nn.Conv2d(b2, b3, 3, 2, 1), relu(), nn.Flatten())
            for _ in range(3):
                h, w = _out(h, 3, 2, 1), _out(w, 3, 2, 1)
            self.bel_fc = nn.Linear(b3 * h * w, cfg.belief_features)
            film += 2 * b2
            fused += cfg.belief_features
        if "goal" in by:
            norm = by["goal"].get("normalization") or {"mean": [0.0], "std": [1.0]}
            n = by["goal"]["shape"][-1]
            self.register_buffer("goal_mean", torch.tensor(_per_channel(norm["mean"], n), dtype=torch.float32))
            self.register_buffer("goal_std", torch.tensor(_per_channel(norm["std"], n), dtype=torch.float32))
            self.goal = nn.Linear(n + len(GOAL_RANGES) + 1 + n, cfg.goal_features)
            fused += cfg.goal_features
        flags = sum(1 for i in self.specs if i.get("maskable"))
        self.fuse = nn.Linear(fused + flags, cfg.hidden)
        self.film = nn.Linear(text, film + 2 * cfg.hidden)
        self.head = nn.Sequential(nn.Linear(cfg.hidden, cfg.hidden), relu(), nn.Linear(cfg.hidden, 3 * cfg.chunk))
        with torch.no_grad():
            self.film.weight.mul_(0.1)          # start near identity modulation
            self.film.bias.zero_()
            self.head[-1].bias[2 * cfg.chunk:] = cfg.stop_bias

    def _goal_features(self, g):
        """The normalized goal, its range r (m) as r / 5 and exp(-r / s) for each s in GOAL_RANGES, and its
        unit direction: a linear layer over the normalized point alone cannot tell 0.4 m from 0.3 m, and
        the STOP head must (PointNav succeeds within 0.3 m; umwelt-vla-1 stopped at a median 0.41 m)."""
        raw = g * self.goal_std + self.goal_mean
        r = torch.sqrt((raw * raw).sum(1, keepdim=True) + 1e-6)
        near = [torch.exp(-r / s) for s in GOAL_RANGES]
        return torch.cat([g, r / 5] + near + [raw / (r + 0.05)], 1)

    @staticmethod
    def _modulate(x, gamma, beta):
        if x.dim() == 4:
            gamma, beta = gamma[:, :, None, None], beta[:, :, None, None]
        return torch.relu(x * (1 + gamma) + beta)

    def features(self, *args):
        """(fused hidden vector, camera features or None): the trunk shared by the policy and aux heads."""
        x = dict(zip(self.input_names, args))
        by = self.by
        film = self.film(x[by["instruction"]["name"]])
        parts, flags, cam_f, at = [], [], None, 0

        def masked(src, f):
            spec = by[src]
            return f * x[spec["presenceInput"]] if spec.get("maskable") else f

        def filmed(src, first, rest, fc, c, at):
            """A conv branch with FiLM between its two halves: (features, next FiLM offset)."""
            m = self._modulate(first(x[by[src]["name"]]), film[:, at:at + c], film[:, at + c:at + 2 * c])
            return torch.relu(fc(rest(m))), at + 2 * c

        if "camera" in by:
            cam_f, at = filmed("camera", self.cam, self.cam2, self.cam_fc, self.cfg.camera_channels[2], at)
            parts.append(masked("camera", cam_f))
        if "lidar" in by:
            f = torch.relu(self.lid_fc(self.lid(x[by["lidar"]["name"]].reshape(-1, 1, by["lidar"]["shape"][-1]))))
            parts.append(masked("lidar", f))
        if "belief" in by:
            f, at = filmed("belief", self.bel, self.bel2, self.bel_fc, self.cfg.belief_channels[1], at)
            parts.append(masked("belief", f))
        if "goal" in by:
            parts.append(masked("goal", torch.relu(self.goal(self._goal_features(x[by["goal"]["name"]])))))
        for i in self.specs:
            if i.get("maskable"):
                flags.append(x[i["presenceInput"]])
        h = self.fuse(torch.cat(parts + flags, 1))
        hd = self.cfg.hidden
        h = self._modulate(h, film[:, at:at + hd], film[:, at + hd:at + 2 * hd])
        return h, cam_f

    def forward(self, *args):
        h, _ = self.features(*args)
        out = self.head(h)
        k = self.cfg.chunk
        return out[:, :2 * k].reshape(-1, k, 2), out[:, 2 * k:]

    def forward_train(self, *args):
        """(waypoints, stop logits, aux [B, 4] or None): aux = visible logit, bearing sin, cos, distance / 5."""
        h, cam_f = self.features(*args)
        out = self.head(h)
        k = self.cfg.chunk
        aux = self.aux(cam_f) if cam_f is not None else None
        return out[:, :2 * k].reshape(-1, k, 2), out[:, 2 * k:], aux

    def example_inputs(self, batch, generator=None):
        """Random inputs of the right shapes, in forward order (parity checks, export tracing)."""
        g = generator
        out = []
        for i in self.specs:
            shape = [batch] + list(i["shape"][1:])
            if i["source"] == "instruction":
                out.append(nn.functional.normalize(torch.randn(*shape, generator=g), dim=1))
            elif i["source"] == "belief":
                out.append(torch.randint(0, 2, shape, generator=g).float())
            else:
                out.append(torch.randn(*shape, generator=g))
            if i.get("maskable"):
                out.append(torch.randint(0, 2, (batch, 1), generator=g).float())
        return tuple(out)


class ExportWrapper(nn.Module):
    """What goes into model.onnx: the policy outputs only (the auxiliary head is dropped)."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, *args):
        return self.net(*args)
