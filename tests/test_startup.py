"""What `coprod` sets up around a run (cli/startup.py) changes how fast it starts, never what it does."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers import EXAMPLES

from coprod_cli.cli.startup import PLUGIN_FINDER, PluginsOff


def test_the_plugin_finder_stand_in_answers_as_pydantics_own(monkeypatch):
    from pydantic.plugin import _loader

    stand_in = PluginsOff(PLUGIN_FINDER)
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")
    assert list(stand_in.get_plugins()) == list(_loader.get_plugins()) == []
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "")  # a user who wants pydantic's plugins
    assert list(stand_in.get_plugins()) == list(_loader.get_plugins())
    # Anything else is the real finder's; what the import system asks of a module is not passed on.
    assert stand_in.PYDANTIC_ENTRY_POINT_GROUP == _loader.PYDANTIC_ENTRY_POINT_GROUP == "pydantic"
    with pytest.raises(AttributeError):
        stand_in.__path__  # noqa: B018


def _check(plugins: str) -> tuple[str, str]:
    """`coprod check -f json` on an example with PYDANTIC_DISABLE_PLUGINS=plugins: the report, and
    what stood under the plugin finder's name at the end."""
    code = (
        "import sys\n"
        f"sys.argv = ['coprod', 'check', '-f', 'json', '-p', {str(EXAMPLES[0])!r}]\n"
        "from coprod_cli.cli import main\n"
        "try:\n    main()\nfinally:\n"
        f"    print(type(sys.modules[{PLUGIN_FINDER!r}]).__name__, file=sys.stderr)\n"
    )
    env = {"PYDANTIC_DISABLE_PLUGINS": plugins, "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout, done.stderr.splitlines()[-1]


def test_a_check_reports_the_same_with_pydantics_plugins_off_or_on():
    """The stand-in serves only while plugins are off (coprod's default); on, pydantic's own finder runs."""
    off, finder_off = _check("__all__")
    on, finder_on = _check("")
    assert (finder_off, finder_on) == ("PluginsOff", "module")
    assert off.startswith('{"plan"') and off == on
