"""The few OpenCV calls RapidOCR makes, in NumPy and Pillow: stands in for `cv2` where OpenCV is not installed.

Why: OpenCV's wheel is about 190 MB unpacked (video codecs, GUI toolkit, BLAS), the largest part of the
installable folder, while RapidOCR only resizes, dilates, finds text blobs, fits rotated rectangles and
straightens line crops. `ocr.engine()` installs this module as `cv2` when `import cv2` fails, so the bundle
leaves OpenCV out and still reads scanned pages; where OpenCV is installed it is used as before.

Only what RapidOCR's detection, recognition and classification path calls is here, with OpenCV's signatures
and conventions (pixel centres at integer coordinates, `resize` taking (width, height), boxes as float32).
`findContours` returns each 8-connected blob's convex hull rather than its full border: RapidOCR only fits a
rotated rectangle to it, which is the same for the border and its hull.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

RETR_LIST = 1
CHAIN_APPROX_SIMPLE = 2
INTER_LINEAR = 1
INTER_CUBIC = 2
BORDER_CONSTANT = 0
BORDER_REPLICATE = 1
COLOR_RGB2BGR = 4
COLOR_BGR2RGB = 4
COLOR_GRAY2BGR = 8
ROTATE_90_CLOCKWISE = 0
ROTATE_180 = 1
ROTATE_90_COUNTERCLOCKWISE = 2
FONT_HERSHEY_SIMPLEX = 0
IMREAD_COLOR = 1

__version__ = "lite"


def _to_uint8_like(values: np.ndarray, like: np.ndarray) -> np.ndarray:
    if like.dtype == np.uint8:
        return np.clip(np.rint(values), 0, 255).astype(np.uint8)
    return values.astype(like.dtype)


def resize(img: np.ndarray, dsize: tuple[int, int], *_args: Any, **_kwargs: Any) -> np.ndarray:
    """Bilinear resize to dsize = (width, height), OpenCV's INTER_LINEAR sampling (no antialiasing)."""
    width, height = int(dsize[0]), int(dsize[1])
    if width <= 0 or height <= 0:
        raise ValueError("resize: empty target size")
    src = np.asarray(img)
    in_h, in_w = src.shape[:2]

    def axis(n_out: int, n_in: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        pos = (np.arange(n_out, dtype=np.float64) + 0.5) * (n_in / n_out) - 0.5
        pos = np.clip(pos, 0, n_in - 1)
        low = np.floor(pos).astype(np.intp)
        high = np.minimum(low + 1, n_in - 1)
        return low, high, (pos - low).astype(np.float32)

    y0, y1, wy = axis(height, in_h)
    x0, x1, wx = axis(width, in_w)
    data = src.astype(np.float32)
    shape_y = (-1, 1) + (1,) * (data.ndim - 2)
    shape_x = (1, -1) + (1,) * (data.ndim - 2)
    rows = data[y0] * (1 - wy.reshape(shape_y)) + data[y1] * wy.reshape(shape_y)
    out = rows[:, x0] * (1 - wx.reshape(shape_x)) + rows[:, x1] * wx.reshape(shape_x)
    return _to_uint8_like(out, src)


def dilate(src: np.ndarray, kernel: np.ndarray, *_args: Any, **_kwargs: Any) -> np.ndarray:
    """Maximum over the kernel's cells, anchored at its centre; pixels outside the image are ignored."""
    img = np.asarray(src)
    k = np.asarray(kernel)
    kh, kw = k.shape[:2]
    ay, ax = kh // 2, kw // 2
    h, w = img.shape[:2]
    padded = np.zeros((h + kh - 1, w + kw - 1, *img.shape[2:]), dtype=img.dtype)
    padded[ay : ay + h, ax : ax + w] = img
    out = np.zeros_like(img)
    for i in range(kh):
        for j in range(kw):
            if k[i, j]:
                np.maximum(out, padded[i : i + h, j : j + w], out=out)
    return out


def _runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Horizontal runs of set pixels: row, first column, last column (inclusive), in row order."""
    binary = mask != 0
    edges = np.diff(np.pad(binary, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    starts_r, starts_c = np.nonzero(edges == 1)
    _ends_r, ends_c = np.nonzero(edges == -1)
    return starts_r, starts_c, ends_c - 1


def _hull(points: np.ndarray) -> np.ndarray:
    """Convex hull (monotone chain), counter-clockwise in image coordinates; collinear points dropped."""
    pts = np.unique(points, axis=0)
    if len(pts) <= 2:
        return pts
    ordered = pts[np.lexsort((pts[:, 1], pts[:, 0]))].tolist()

    def cross(o: list[Any], a: list[Any], b: list[Any]) -> float:
        return float((a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]))

    lower: list[list[Any]] = []
    for p in ordered:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[list[Any]] = []
    for p in reversed(ordered):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return np.array(lower[:-1] + upper[:-1], dtype=points.dtype)


def findContours(image: np.ndarray, mode: int, method: int, *_args: Any, **_kwargs: Any) -> tuple[Any, Any]:
    """One contour per 8-connected blob of set pixels (its convex hull as (N, 1, 2) int32), and no hierarchy."""
    rows_a, first_a, last_a = _runs(np.asarray(image))
    n = len(rows_a)
    first, last = first_a.tolist(), last_a.tolist()
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Runs of consecutive rows touch (8-connectivity) when their column spans overlap after widening by one.
    row_start = np.searchsorted(rows_a, np.arange(int(rows_a.max()) + 2)).tolist() if n else [0]
    for r in range(1, len(row_start) - 1):
        a, a_end = row_start[r - 1], row_start[r]
        b, b_end = a_end, row_start[r + 1]
        while a < a_end and b < b_end:
            if first[b] <= last[a] + 1 and first[a] <= last[b] + 1:
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
            if last[a] < last[b]:
                a += 1
            else:
                b += 1
    roots = np.array([find(i) for i in range(n)], dtype=np.intp)
    order = np.argsort(roots, kind="stable")
    bounds = np.flatnonzero(np.diff(roots[order])) + 1
    contours = []
    for group in np.split(order, bounds) if n else []:
        ends = np.concatenate(
            [np.stack([first_a[group], rows_a[group]], axis=1), np.stack([last_a[group], rows_a[group]], axis=1)]
        )
        contours.append(_hull(ends.astype(np.int32)).reshape(-1, 1, 2))
    return contours, None


def minAreaRect(points: np.ndarray) -> tuple[tuple[float, float], tuple[float, float], float]:
    """The smallest rotated rectangle around the points: ((cx, cy), (width, height), angle in degrees)."""
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    hull = _hull(pts)
    if len(hull) == 1:
        return (float(hull[0, 0]), float(hull[0, 1])), (0.0, 0.0), 0.0
    best: tuple[float, ...] | None = None
    edges = np.roll(hull, -1, axis=0) - hull
    for ex, ey in edges:
        length = math.hypot(ex, ey)
        if length == 0:
            continue
        ux, uy = ex / length, ey / length
        along = hull[:, 0] * ux + hull[:, 1] * uy
        across = -hull[:, 0] * uy + hull[:, 1] * ux
        w = along.max() - along.min()
        h = across.max() - across.min()
        if best is None or w * h < best[0] - 1e-9:
            mid_a = (along.max() + along.min()) / 2
            mid_c = (across.max() + across.min()) / 2
            best = (w * h, mid_a * ux - mid_c * uy, mid_a * uy + mid_c * ux, w, h, math.degrees(math.atan2(uy, ux)))
    assert best is not None
    _area, cx, cy, w, h, angle = best
    return (float(cx), float(cy)), (float(w), float(h)), float(angle)


def boxPoints(box: tuple[tuple[float, float], tuple[float, float], float]) -> np.ndarray:
    """The rectangle's four corners, float32, in OpenCV's order."""
    (cx, cy), (w, h), angle = box
    b = math.cos(math.radians(angle)) * 0.5
    a = math.sin(math.radians(angle)) * 0.5
    p0 = (cx - a * h - b * w, cy + b * h - a * w)
    p1 = (cx + a * h - b * w, cy - b * h - a * w)
    p2 = (2 * cx - p0[0], 2 * cy - p0[1])
    p3 = (2 * cx - p1[0], 2 * cy - p1[1])
    return np.array([p0, p1, p2, p3], dtype=np.float32)


def fillPoly(
    img: np.ndarray, pts: Sequence[np.ndarray] | np.ndarray, color: Any, *_args: Any, **_kwargs: Any
) -> np.ndarray:
    """Fill the polygons into img (2-D, in place) with color."""
    value = color[0] if isinstance(color, (tuple, list)) else color
    canvas = Image.new("L", (img.shape[1], img.shape[0]), 0)
    draw = ImageDraw.Draw(canvas)
    for poly in pts:
        xy = [(float(x), float(y)) for x, y in np.asarray(poly).reshape(-1, 2)]
        if len(xy) >= 2:
            draw.polygon(xy, fill=1, outline=1)
    img[np.asarray(canvas, dtype=bool)] = value
    return img


def mean(src: np.ndarray, mask: np.ndarray | None = None) -> tuple[float, float, float, float]:
    """Per-channel mean over the mask's set pixels (0 where the mask is empty), as a 4-tuple."""
    data = np.asarray(src, dtype=np.float64)
    if mask is not None:
        data = data[np.asarray(mask) != 0]
        if data.size == 0:
            return (0.0, 0.0, 0.0, 0.0)
    else:
        data = data.reshape(-1, *data.shape[2:])
    values = [*(float(v) for v in np.atleast_1d(data.mean(axis=0))), 0.0, 0.0, 0.0, 0.0]
    return values[0], values[1], values[2], values[3]


def getPerspectiveTransform(src: np.ndarray, dst: np.ndarray, *_args: Any) -> np.ndarray:
    """The 3×3 homography taking the four src points to the four dst points."""
    s = np.asarray(src, dtype=np.float64).reshape(4, 2)
    d = np.asarray(dst, dtype=np.float64).reshape(4, 2)
    a = np.zeros((8, 8))
    b = np.zeros(8)
    for i, ((x, y), (u, v)) in enumerate(zip(s, d, strict=True)):
        a[i] = [x, y, 1, 0, 0, 0, -x * u, -y * u]
        a[i + 4] = [0, 0, 0, x, y, 1, -x * v, -y * v]
        b[i], b[i + 4] = u, v
    return np.append(np.linalg.solve(a, b), 1.0).reshape(3, 3)


def _cubic(t: np.ndarray) -> list[np.ndarray]:
    """OpenCV's bicubic weights (a = -0.75) for the taps at -1, 0, 1, 2."""
    a = -0.75
    w0 = ((a * (t + 1) - 5 * a) * (t + 1) + 8 * a) * (t + 1) - 4 * a
    w1 = ((a + 2) * t - (a + 3)) * t * t + 1
    w2 = ((a + 2) * (1 - t) - (a + 3)) * (1 - t) * (1 - t) + 1
    return [w0, w1, w2, 1 - w0 - w1 - w2]


def warpPerspective(
    src: np.ndarray, m: np.ndarray, dsize: tuple[int, int], *_args: Any, flags: int = INTER_LINEAR, **_kwargs: Any
) -> np.ndarray:
    """Map src through the homography m into a dsize = (width, height) image: bicubic, edges replicated."""
    img = np.asarray(src)
    width, height = int(dsize[0]), int(dsize[1])
    inverse = np.linalg.inv(np.asarray(m, dtype=np.float64))
    xs, ys = np.meshgrid(np.arange(width, dtype=np.float64), np.arange(height, dtype=np.float64))
    w = inverse[2, 0] * xs + inverse[2, 1] * ys + inverse[2, 2]
    w = np.where(w == 0, 1e-12, w)
    sx = (inverse[0, 0] * xs + inverse[0, 1] * ys + inverse[0, 2]) / w
    sy = (inverse[1, 0] * xs + inverse[1, 1] * ys + inverse[1, 2]) / w
    h_in, w_in = img.shape[:2]
    data = img.astype(np.float32)
    x0 = np.floor(sx)
    y0 = np.floor(sy)
    if flags == INTER_CUBIC:
        wx = _cubic((sx - x0).astype(np.float32))
        wy = _cubic((sy - y0).astype(np.float32))
        taps = range(-1, 3)
    else:
        fx = (sx - x0).astype(np.float32)
        fy = (sy - y0).astype(np.float32)
        wx, wy = [1 - fx, fx], [1 - fy, fy]
        taps = range(2)
    out = np.zeros((height, width, *img.shape[2:]), dtype=np.float32)
    extra = (slice(None), slice(None)) + (None,) * (img.ndim - 2)
    for i, dy in enumerate(taps):
        yi = np.clip(y0 + dy, 0, h_in - 1).astype(np.intp)
        for j, dx in enumerate(taps):
            xi = np.clip(x0 + dx, 0, w_in - 1).astype(np.intp)
            out += data[yi, xi] * (wy[i] * wx[j])[extra]
    return _to_uint8_like(out, img)


def copyMakeBorder(
    src: np.ndarray, top: int, bottom: int, left: int, right: int, border_type: int, *_args: Any, value: Any = 0
) -> np.ndarray:
    img = np.asarray(src)
    pad = [(top, bottom), (left, right)] + [(0, 0)] * (img.ndim - 2)
    if border_type == BORDER_REPLICATE:
        return np.pad(img, pad, mode="edge")
    fill = value[0] if isinstance(value, (tuple, list)) else value
    return np.pad(img, pad, mode="constant", constant_values=fill)


def cvtColor(src: np.ndarray, code: int, *_args: Any) -> np.ndarray:
    img = np.asarray(src)
    if code == COLOR_GRAY2BGR:
        gray = img.reshape(img.shape[:2])
        return np.repeat(gray[:, :, None], 3, axis=2)
    if code == COLOR_RGB2BGR:
        return np.ascontiguousarray(img[:, :, 2::-1])
    raise NotImplementedError(f"cvtColor code {code}")


def rotate(src: np.ndarray, code: int) -> np.ndarray:
    turns = {ROTATE_90_CLOCKWISE: -1, ROTATE_180: 2, ROTATE_90_COUNTERCLOCKWISE: 1}[code]
    return np.ascontiguousarray(np.rot90(np.asarray(src), turns))


def invert(src: np.ndarray, *_args: Any) -> tuple[float, np.ndarray]:
    return 1.0, np.linalg.inv(np.asarray(src, dtype=np.float64))


def split(src: np.ndarray) -> tuple[np.ndarray, ...]:
    img = np.asarray(src)
    return tuple(np.ascontiguousarray(img[:, :, i]) for i in range(img.shape[2]))


def merge(channels: Sequence[np.ndarray]) -> np.ndarray:
    return np.stack(list(channels), axis=2)


def bitwise_not(src: np.ndarray) -> np.ndarray:
    return np.invert(np.asarray(src))


def bitwise_and(a: np.ndarray, b: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    out = np.bitwise_and(np.asarray(a), np.asarray(b))
    if mask is not None:
        out[np.asarray(mask) == 0] = 0
    return out


def add(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    total = np.asarray(a).astype(np.int32) + np.asarray(b).astype(np.int32)
    return np.clip(total, 0, 255).astype(np.uint8)


def imread(path: str, *_args: Any) -> np.ndarray:
    with Image.open(path) as im:
        return np.ascontiguousarray(np.asarray(im.convert("RGB"))[:, :, ::-1])


def imwrite(path: str, img: np.ndarray, *_args: Any) -> bool:
    Image.fromarray(np.ascontiguousarray(np.asarray(img)[:, :, ::-1])).save(path)
    return True
