"""Where autonews keeps its config, data and cache.

platformdirs gives the per-user folders (XDG respected on Linux); AUTONEWS_HOME puts all three under
one folder, which tests, cron users and benchmarks rely on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Paths:
    config_dir: Path
    data_dir: Path
    cache_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def store_file(self) -> Path:
        return self.data_dir / "autonews.sqlite3"


def home_problem(env: dict[str, str] | None = None) -> str | None:
    """What is wrong with ``$AUTONEWS_HOME`` as typed, if it is set: a file where its folder
    should be, or no such folder (which a command that writes there creates, but which, in a
    cron line, is most often a typo)."""
    env = dict(os.environ) if env is None else env
    home = env.get("AUTONEWS_HOME")
    if not home:
        return None
    root = Path(home).expanduser()
    if root.exists() and not root.is_dir():
        return f"$AUTONEWS_HOME is {str(root)!r}, a file, not a folder"
    if not root.exists():
        return f"$AUTONEWS_HOME is {str(root)!r}, which does not exist"
    return None


def check_home(env: dict[str, str] | None = None) -> None:
    """Refuse an ``$AUTONEWS_HOME`` that is a file: no config, store or cache can be there."""
    problem = home_problem(env)
    if problem and "a file" in problem:
        from autonews.errors import ConfigError

        raise ConfigError(
            problem, hint="set AUTONEWS_HOME to the folder for config.toml and data/, or unset it"
        )


def resolve_paths(env: dict[str, str] | None = None) -> Paths:
    env = dict(os.environ) if env is None else env
    home = env.get("AUTONEWS_HOME")
    if home:
        # Absolute: what `config path` and the errors name holds wherever it is read.
        root = Path(home).expanduser().absolute()
        return Paths(config_dir=root, data_dir=root / "data", cache_dir=root / "cache")
    import platformdirs

    return Paths(
        config_dir=Path(platformdirs.user_config_dir("autonews", appauthor=False)),
        data_dir=Path(platformdirs.user_data_dir("autonews", appauthor=False)),
        cache_dir=Path(platformdirs.user_cache_dir("autonews", appauthor=False)),
    )
