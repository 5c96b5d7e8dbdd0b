"""The fake internet: one Flask blueprint per site, read-only over ``<world>/public/site.sqlite``.

Start it with ``python -m synth.web --world DIR``; notebooks call
``synth.web.launch.ensure_fake_internet()``. The app factory is ``synth.web.app.create_app``.
Nothing is imported here, so that ``import synth.web.launch`` in a notebook stays light (no Flask).
This package never reads ``key/`` or ``selfcheck.json``.
"""
