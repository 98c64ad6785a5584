"""Offline OCR: a dossier page rendered to an image-only PDF is recognised with the models inside the wheel
(no network), and the facts the rules use — dates, names, charges — come out exactly as from the text layer."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from reviewapp.demo.cards import build_cards
from reviewapp.demo.dossiers import write_document
from reviewapp.demo.scans import make_image_only
from reviewapp.dossier import ocr
from reviewapp.dossier.facts import page_facts
from reviewapp.dossier.pages import OCR, TEXT_LAYER, text_layer
from reviewapp.exports.fonts import register_fonts


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No connection may be opened: the engine must find everything it needs on disk."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("OCR tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setenv(ocr.THREADS_ENV, "1")


def _indictment(tmp_path: Path) -> Path:
    cards = build_cards(60, 7)
    card = next(c for c in cards if c.plea and c.disposition == "起诉" and c.suspect_notified_on and c.amount)
    path = tmp_path / "起诉书.pdf"
    write_document(path, card, "起诉书", register_fonts())
    return path


def _facts(kind_of_page: str, path: Path) -> dict[str, set[object]]:
    out: dict[str, set[object]] = {"date": set(), "person": set(), "charge": set(), "issued": set()}
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            layer = text_layer(page)
            if kind_of_page == TEXT_LAYER:
                assert layer is not None
                text = layer
            else:
                assert layer is None  # nothing to read but pixels
                text = ocr.recognise(ocr.render(page))
                assert text.method == OCR and len(text.boxes) == len(text.text)
            page.close()
            for f in page_facts(1, index + 1, text.text, text.lines):
                if f.kind in out:
                    out[f.kind].add(f.value)
    finally:
        pdf.close()
    return out


@pytest.mark.timeout(1200)  # OCR on a shared machine can be slow
def test_an_image_only_page_gives_the_same_dates_names_and_charges(tmp_path: Path) -> None:
    original = _indictment(tmp_path)
    scanned = tmp_path / "扫描.pdf"
    shutil.copyfile(original, scanned)
    make_image_only(scanned)
    expected = _facts(TEXT_LAYER, original)
    assert expected["date"] and expected["person"] and expected["charge"]  # the page states all three
    assert _facts(OCR, scanned) == expected


def test_the_models_ship_inside_the_wheel() -> None:
    import rapidocr_onnxruntime

    models = Path(rapidocr_onnxruntime.__file__).parent / "models"
    assert sorted(p.suffix for p in models.iterdir() if p.suffix == ".onnx") == [".onnx"] * 3
