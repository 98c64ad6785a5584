"""Render page 1 of the Word notice the way an office without the official fonts sees it, for the README.

    .venv/bin/python scripts/docx_screenshot.py

Writes the sample notice (red letterhead on) as DOCX, converts it with LibreOffice headless (the shipped fonts
made visible to it through a private fontconfig file), prints which fonts LibreOffice embedded (pdffonts) and
saves page 1 at 80 dpi as docs/screenshots/notice_docx_page1.png. Needs soffice (LibreOffice Writer) and
poppler-utils (pdffonts, pdftoppm).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewapp.exports.docx import write_notice_docx  # noqa: E402
from tests.core.pdf_probe import sample_notice  # noqa: E402

OUT = ROOT / "docs" / "screenshots" / "notice_docx_page1.png"


def main() -> int:
    for tool in ("soffice", "pdffonts", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"{tool} is needed", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = dataclasses.replace(sample_notice(3), letterhead=True, audit_mark="审计链 #12 · 3f9a…c2")
        docx = work / "notice.docx"
        write_notice_docx(data, docx)
        conf = work / "fonts.conf"
        conf.write_text(
            '<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
            f"<dir>{ROOT / 'resources' / 'fonts'}</dir><cachedir>{work / 'fc'}</cachedir></fontconfig>",
            encoding="utf-8",
        )
        env = {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(work / "home")}
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(docx)], env=env, check=True
        )
        pdf = work / "notice.pdf"
        print(subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(work / "p")])
        shutil.copyfile(work / "p.png", OUT)
    print(f"written: {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
