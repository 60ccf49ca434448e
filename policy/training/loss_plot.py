"""loss.png without matplotlib: a line chart rasterized in numpy and written by a minimal PNG
encoder (zlib + struct: signature, IHDR, one IDAT, IEND; 8-bit RGB, filter 0 per row)."""
import struct
import zlib

import numpy as np

COLOURS = [(31, 119, 180), (214, 39, 40), (44, 160, 44), (148, 103, 189), (255, 127, 14)]


def write_png(path, rgb):
    """rgb: uint8 [H, W, 3]."""
    h, w, _ = rgb.shape
    raw = b"".join(b"\x00" + rgb[y].tobytes() for y in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def _line(img, x0, y0, x1, y1, colour):
    n = int(max(abs(x1 - x0), abs(y1 - y0))) + 1
    xs = np.linspace(x0, x1, n).round().astype(int)
    ys = np.linspace(y0, y1, n).round().astype(int)
    h, w, _ = img.shape
    for dx in (0, 1):
        ok = (xs + dx < w) & (ys < h) & (xs >= 0) & (ys >= 0)
        img[ys[ok], xs[ok] + dx] = colour


def plot(path, series, width=640, height=360):
    """series: {name: [(x, y), ...]}; y on a log10 scale when all values are positive. Colours in
    COLOURS order of the names (the card lists them); a grey frame with a tick per decade."""
    img = np.full((height, width, 3), 255, np.uint8)
    pad = 30
    pts = [(x, y) for s in series.values() for x, y in s if np.isfinite(y)]
    if not pts:
        write_png(path, img)
        return
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    log = min(ys) > 0
    f = (lambda v: np.log10(v)) if log else (lambda v: v)
    y_lo, y_hi = f(min(ys)), f(max(ys))
    if y_hi - y_lo < 1e-9:
        y_hi = y_lo + 1
    x_lo, x_hi = min(xs), max(xs)
    if x_hi - x_lo < 1e-9:
        x_hi = x_lo + 1

    def px(x, y):
        return (pad + (x - x_lo) / (x_hi - x_lo) * (width - 2 * pad),
                height - pad - (f(y) - y_lo) / (y_hi - y_lo) * (height - 2 * pad))

    grey = (160, 160, 160)
    for a, b in (((pad, pad), (pad, height - pad)), ((pad, height - pad), (width - pad, height - pad))):
        _line(img, a[0], a[1], b[0], b[1], grey)
    if log:
        for d in range(int(np.floor(y_lo)), int(np.ceil(y_hi)) + 1):
            _, y = px(x_lo, 10.0 ** d)
            if pad <= y <= height - pad:
                _line(img, pad - 6, y, pad, y, grey)
    for i, (name, s) in enumerate(series.items()):
        c = COLOURS[i % len(COLOURS)]
        s = [(x, y) for x, y in s if np.isfinite(y) and (not log or y > 0)]
        for (xa, ya), (xb, yb) in zip(s, s[1:]):
            a, b = px(xa, ya), px(xb, yb)
            _line(img, a[0], a[1], b[0], b[1], c)
        if len(s) == 1:
            a = px(*s[0])
            _line(img, a[0] - 2, a[1], a[0] + 2, a[1], c)
        img[8:14, width - 120 + 14 * i:width - 110 + 14 * i] = c   # legend swatches, in series order
    write_png(path, img)
