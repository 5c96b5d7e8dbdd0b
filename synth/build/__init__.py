"""The generator's stages, run in the order of synth.build.pipeline.STAGES; each draws from its own named streams."""
