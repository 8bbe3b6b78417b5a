"""PDF output (the `pdf` extra): the HTML of a document printed with WeasyPrint.

Tagged (PDF/UA-1), so screen readers get headings, lists and tables; title, author and
language come from the HTML (<title>, <meta name="author">, <html lang>). Page numbers are
in the stylesheet's @page rules.
"""

from __future__ import annotations

from coprod_cli.documents.model import Document
from coprod_cli.errors import RenderError


def html_to_pdf(html: str, model: Document) -> bytes:
    """Print one self-contained HTML document (the layout of `model`) to tagged PDF bytes."""
    try:
        from weasyprint import HTML
    except ImportError:
        raise RenderError(
            "PDF needs the pdf extra: pip install 'coprod[pdf]' (or print the HTML from your browser)"
        ) from None
    except OSError as err:  # WeasyPrint is installed but the Pango library is not
        raise RenderError(
            f"WeasyPrint could not load the Pango text library ({err}); install Pango "
            "(Debian/Ubuntu: apt install libpango-1.0-0 libpangoft2-1.0-0), or render HTML and print it "
            "from your browser"
        ) from None
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=model.kind.encode())
