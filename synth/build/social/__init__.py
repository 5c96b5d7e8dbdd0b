"""The social stages: personas, accounts, groups, ties, campaigns, posts and pictures on Chirp, Circle and the light
platforms, all filling one SocialBuilder (synth.build.social.builder) that synth.build.social.stages runs in order."""
