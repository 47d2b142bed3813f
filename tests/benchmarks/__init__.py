"""Tests of the benchmark harness's table functions (what they compute, never how fast anything is)."""
