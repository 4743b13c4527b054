"""Reading a printed catalogue back: Chromium's PDF, rasterised with PDFium, QR codes decoded with
ZXing, exactly as a buyer's phone would read the paper."""

from __future__ import annotations

import pypdfium2
import zxingcpp


def print_pdf(browser, url: str) -> bytes:
    """Open ``url`` (wait for every image) and print it to A4 as a browser's print dialog does."""
    page = browser.new_page(viewport={"width": 1000, "height": 1400})
    page.goto(url, wait_until="networkidle")
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    page.close()
    return pdf


def decode_pdf(pdf: bytes, dpi: int = 200) -> tuple[int, list[str]]:
    """The PDF's page count and the text of every QR code on its pages, in page order."""
    doc = pypdfium2.PdfDocument(pdf)
    texts: list[str] = []
    try:
        for i in range(len(doc)):
            image = doc[i].render(scale=dpi / 72).to_pil()
            texts += [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]
        return len(doc), texts
    finally:
        doc.close()
