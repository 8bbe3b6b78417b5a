"""PDF output (the `pdf` extra): the HTML documents printed to A4 with WeasyPrint."""

from __future__ import annotations

from coprod_cli.errors import RenderError


def html_to_pdf(html: str) -> bytes:
    """Print one self-contained HTML document to PDF bytes."""
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
    return HTML(string=html).write_pdf()
