"""One module or package per site of the fake internet, each a Flask blueprint (synth.web.app registers them)."""
