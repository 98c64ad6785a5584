"""Offline OCR of scanned dossier pages with RapidOCR on ONNX Runtime.

Why this engine: its Chinese detection and recognition models (PP-OCRv4) ship inside the
rapidocr_onnxruntime wheel, so a workstation without internet recognises pages with nothing downloaded, and
ONNX Runtime runs on any x86-64 CPU. The engine is loaded once per process (≈0.2 s) and limited to a few
threads (REVIEWAPP_OCR_THREADS, default 2) so a background scan leaves the reviewer's PC usable.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium

from reviewapp.dossier.pages import EMPTY, OCR, Box, PageText

THREADS_ENV = "REVIEWAPP_OCR_THREADS"
# 144 dpi: A4/A5 body text at 10–12 pt is recognised as well as at 216 dpi (measured on the demo pages)
# in two thirds of the time.
RENDER_SCALE = 2.0
_engine: Any = None
_lock = threading.Lock()


def threads() -> int:
    try:
        return max(1, int(os.environ.get(THREADS_ENV, "2")))
    except ValueError:
        return 2


def engine() -> Any:
    """The process's OCR engine (ONNX sessions are thread-safe for inference; loading is guarded)."""
    global _engine
    with _lock:
        if _engine is None:
            _provide_cv2()
            from rapidocr_onnxruntime import RapidOCR

            n = threads()
            _engine = RapidOCR(intra_op_num_threads=n, inter_op_num_threads=1, print_verbose=False)
        return _engine


def _provide_cv2() -> None:
    """Let RapidOCR import `cv2` where OpenCV is left out (the installable folder) or cannot load (a system
    library missing): the NumPy stand-in, reviewapp/dossier/cv_lite.py."""
    try:
        import cv2  # noqa: F401
    except ImportError:
        from reviewapp.dossier import cv_lite

        sys.modules["cv2"] = cv_lite


def render(page: pdfium.PdfPage) -> np.ndarray:
    """The page as an RGB array at RENDER_SCALE."""
    bitmap = page.render(scale=RENDER_SCALE)
    try:
        return np.ascontiguousarray(bitmap.to_numpy()[:, :, :3])
    finally:
        bitmap.close()


def load_image(path: Path) -> np.ndarray:
    from PIL import Image

    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"))


def image_hash(image: np.ndarray) -> str:
    """Content hash of a page image: the same scan in two files is recognised once."""
    h = hashlib.sha256(f"ocr:{image.shape}".encode())
    h.update(image.tobytes())
    return h.hexdigest()


def _width(ch: str) -> float:
    return 0.5 if ord(ch) < 0x2E80 else 1.0


def _char_boxes(text: str, left: float, top: float, right: float, bottom: float) -> list[Box]:
    """Split a recognised line's box over its characters by their printed width (CJK full, ASCII half)."""
    widths = [_width(c) for c in text]
    total = sum(widths) or 1.0
    out: list[Box] = []
    x = left
    for w in widths:
        step = (right - left) * w / total
        out.append((round(x), round(top), round(x + step), round(bottom)))
        x += step
    return out


def recognise(image: np.ndarray) -> PageText:
    """OCR one page image into normalised text with boxes (thousandths of the page, top-left origin)."""
    height, width = image.shape[:2]
    result, _elapsed = engine()(image, use_cls=False)
    page = PageText("", method=OCR, content_hash=image_hash(image))
    lines: list[tuple[float, float, str, tuple[float, float, float, float]]] = []
    for quad, text, _score in result or []:
        xs = [p[0] for p in quad]
        ys = [p[1] for p in quad]
        clean = "".join(c for c in str(text) if not c.isspace())
        if not clean:
            continue
        box = (1000 * min(xs) / width, 1000 * min(ys) / height, 1000 * max(xs) / width, 1000 * max(ys) / height)
        lines.append(((box[1] + box[3]) / 2, box[0], clean, box))
    # Reading order: rows top to bottom (a row is lines whose centres lie within half a line), then left to right.
    lines.sort(key=lambda item: (item[0], item[1]))
    rows: list[list[tuple[float, float, str, tuple[float, float, float, float]]]] = []
    heights = sorted(item[3][3] - item[3][1] for item in lines)
    # Half the median line height: one odd detection (a stamp, a vertical strip) must not merge rows.
    tolerance = heights[len(heights) // 2] / 2 if heights else 0.0
    for item in lines:
        if rows and abs(rows[-1][-1][0] - item[0]) < tolerance:
            rows[-1].append(item)
        else:
            rows.append([item])
    parts: list[str] = []
    for row in rows:
        row.sort(key=lambda item: item[1])
        page.lines.append(len(page.boxes))  # one box per character so far: the row's first offset
        for _y, _x, text, (x0, y0, x1, y1) in row:
            parts.append(text)
            page.boxes.extend(_char_boxes(text, x0, y0, x1, y1))
    page.text = "".join(parts)
    if not page.text:
        page.method = EMPTY
    return page
