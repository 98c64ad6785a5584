"""The NumPy stand-in for OpenCV (reviewapp/dossier/cv_lite.py), which the installable folder uses instead of
OpenCV: each operation RapidOCR calls agrees with OpenCV's, and a scanned page is read to the same facts."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from reviewapp.demo.scans import make_image_only
from reviewapp.dossier import cv_lite, ocr
from reviewapp.dossier.pages import OCR, TEXT_LAYER
from tests.core.test_dossier_ocr import _facts, _indictment, offline  # noqa: F401 - offline is an autouse fixture

cv2 = pytest.importorskip("cv2")
RNG = np.random.default_rng(7)


@pytest.mark.parametrize("size", [(40, 30), (200, 100), (91, 57), (320, 48)])
def test_resize_is_bilinear_like_opencv(size: tuple[int, int]) -> None:
    img = RNG.integers(0, 256, (57, 91, 3), dtype=np.uint8)
    ours = cv_lite.resize(img, size)
    assert ours.shape == (size[1], size[0], 3) and ours.dtype == np.uint8
    assert np.abs(cv2.resize(img, size).astype(int) - ours).max() <= 1  # OpenCV rounds its weights to 11 bits


def test_dilate_with_the_detector_kernel_is_exact() -> None:
    mask = (RNG.random((60, 80)) > 0.7).astype(np.uint8)
    kernel = np.array([[1, 1], [1, 1]])
    assert np.array_equal(cv_lite.dilate(mask, kernel), cv2.dilate(mask, kernel))


def _blobs() -> np.ndarray:
    image = np.zeros((200, 300), np.uint8)
    cv2.ellipse(image, (150, 100), (80, 20), 25, 0, 360, 255, -1)  # a tilted text line
    cv2.rectangle(image, (10, 10), (60, 30), 255, -1)
    cv2.circle(image, (250, 170), 12, 255, -1)
    image[190, 5] = 255  # a single pixel
    return image


def test_blobs_get_the_same_rotated_rectangles() -> None:
    theirs, _ = cv2.findContours(_blobs(), cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    ours, hierarchy = cv_lite.findContours(_blobs(), cv_lite.RETR_LIST, cv_lite.CHAIN_APPROX_SIMPLE)
    assert hierarchy is None and len(ours) == len(theirs) == 4

    def corners(module: object, contours: list[np.ndarray]) -> list[list[tuple[float, float]]]:
        boxes = [module.boxPoints(module.minAreaRect(c)) for c in contours]  # type: ignore[attr-defined]
        return sorted(sorted((round(float(x), 1), round(float(y), 1)) for x, y in b) for b in boxes)

    assert corners(cv_lite, ours) == corners(cv2, theirs)
    sides = sorted(side for c in ours for side in cv_lite.minAreaRect(c)[1])
    assert sides == pytest.approx(sorted(side for c in theirs for side in cv2.minAreaRect(c)[1]), abs=1e-3)


def test_a_box_is_straightened_like_opencv() -> None:
    src = np.float32([[10, 12], [80, 20], [78, 50], [8, 40]])
    dst = np.float32([[0, 0], [70, 0], [70, 30], [0, 30]])
    m = cv_lite.getPerspectiveTransform(src, dst)
    assert np.allclose(m, cv2.getPerspectiveTransform(src, dst))
    img = RNG.integers(0, 256, (100, 120, 3), dtype=np.uint8)
    ours = cv_lite.warpPerspective(img, m, (70, 30), borderMode=cv_lite.BORDER_REPLICATE, flags=cv_lite.INTER_CUBIC)
    theirs = cv2.warpPerspective(img, m, (70, 30), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC)
    assert np.abs(ours.astype(int) - theirs).max() <= 1


def test_the_box_score_is_the_mean_inside_the_polygon() -> None:
    pred = RNG.random((50, 60)).astype(np.float32)
    box = np.array([[5, 4], [40, 8], [38, 30], [3, 25]], dtype=np.int32).reshape(1, -1, 2)
    scores = []
    for module in (cv_lite, cv2):
        mask = np.zeros((50, 60), np.uint8)
        module.fillPoly(mask, box, 1)  # type: ignore[attr-defined]
        scores.append(module.mean(pred, mask)[0])  # type: ignore[attr-defined]
    assert scores[0] == pytest.approx(scores[1], abs=0.01)  # the rasterised edge may differ by a pixel


def test_borders_colours_and_rotation() -> None:
    img = RNG.integers(0, 256, (5, 7, 3), dtype=np.uint8)
    for border in (cv2.BORDER_CONSTANT, cv2.BORDER_REPLICATE):
        expected = cv2.copyMakeBorder(img, 2, 1, 0, 3, border, value=(0, 0, 0))
        assert np.array_equal(cv_lite.copyMakeBorder(img, 2, 1, 0, 3, border, value=(0, 0, 0)), expected)
    assert np.array_equal(cv_lite.cvtColor(img, cv_lite.COLOR_RGB2BGR), cv2.cvtColor(img, cv2.COLOR_RGB2BGR))
    gray = img[:, :, 0].copy()
    assert np.array_equal(cv_lite.cvtColor(gray, cv_lite.COLOR_GRAY2BGR), cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR))
    assert np.array_equal(cv_lite.rotate(img, cv_lite.ROTATE_180), cv2.rotate(img, cv2.ROTATE_180))


@pytest.mark.timeout(1200)  # OCR on a shared machine can be slow
def test_a_scanned_page_reads_the_same_without_opencv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As in the installable folder: RapidOCR imported afresh, with the stand-in as its `cv2`.
    for name in [m for m in sys.modules if m.startswith("rapidocr_onnxruntime")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "cv2", cv_lite)
    monkeypatch.setattr(ocr, "_engine", None)
    original = _indictment(tmp_path)
    scanned = tmp_path / "扫描.pdf"
    shutil.copyfile(original, scanned)
    make_image_only(scanned)
    expected = _facts(TEXT_LAYER, original)
    assert expected["date"] and expected["person"] and expected["charge"]
    assert _facts(OCR, scanned) == expected
    assert ocr.engine().__class__.__module__.startswith("rapidocr_onnxruntime")
    assert sys.modules["rapidocr_onnxruntime.main"].cv2 is cv_lite  # the stand-in did the image work


def test_the_stand_in_is_used_only_where_opencv_cannot_be_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    ocr._provide_cv2()
    assert sys.modules["cv2"] is cv2  # installed OpenCV stays in use
    monkeypatch.setitem(sys.modules, "cv2", None)  # as in the bundle: `import cv2` raises ImportError
    ocr._provide_cv2()
    assert sys.modules["cv2"] is cv_lite
