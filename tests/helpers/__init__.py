"""What tests share: feed and digest builders, generated corpora, loopback servers, and the
invariants every whole-system test checks on autonews's outputs. Tests import from here (or use
conftest fixtures), never from one another; the benchmarks reuse some of it too."""
