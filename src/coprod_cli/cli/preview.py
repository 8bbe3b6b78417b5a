"""`coprod preview`: serve the documents and the check report on 127.0.0.1, reloading on save."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coprod_cli.cli.common import DEFAULT_PLAN, PlanOption, exit_on_error, plan_path, port_option, templates_option

app = typer.Typer()


@app.command()
def preview(
    plan: PlanOption = DEFAULT_PLAN,
    port: Annotated[int, port_option("The port on 127.0.0.1 (0: any free one).")] = 8000,
    templates: Annotated[Path | None, templates_option("A folder of your own templates (watched too).")] = None,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in your web browser.")] = False,
) -> None:
    """Show the documents and the check report in a web browser, updated each time you save.

    Serves on this computer only (127.0.0.1). Open pages reload when the plan or a template
    changes; problems in the plan show on the page with their lines. Ctrl-C stops it.
    """
    import threading

    from coprod_cli.cli.console import print_preview_started
    from coprod_cli.preview.server import Preview, make_server

    with exit_on_error():
        from coprod_cli.errors import UsageError

        where = plan_path(plan)
        if templates is not None and not templates.is_dir():
            raise UsageError(f"{templates}: there is no such templates folder")
        site = Preview(where, templates)
        try:
            server = make_server(site, port=port)
        except OSError as error:
            raise UsageError(f"port {port} cannot be used ({error.strerror}); choose another with --port") from None
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    watcher = threading.Thread(target=site.watch, daemon=True)
    watcher.start()
    site.watching.wait(timeout=10)  # announce the page only when a save will show on it
    print_preview_started(where, url)
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        pass
    finally:
        site.stopping.set()
        server.server_close()
