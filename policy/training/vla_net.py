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
