"""Tests of the command and the build around it: outputs, cache, manifest, config."""
