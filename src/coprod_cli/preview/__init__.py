"""`coprod preview`: the rendered documents and the check report served on 127.0.0.1, reloaded on save."""
