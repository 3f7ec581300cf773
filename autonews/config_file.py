"""Which config file is read, and reading it: ``--config``, then ``$AUTONEWS_CONFIG``, then
``config.toml`` in the user config dir (``$AUTONEWS_HOME`` when set); its text UTF-8, as TOML
requires. A file saved in another encoding, a folder where the file should be, a file that
cannot be read: each is a configuration error naming the file, never a traceback."""

from __future__ import annotations

import ast
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from autonews.errors import ConfigError
from autonews.paths import Paths, check_home, resolve_paths

_UTF8_BOM = b"\xef\xbb\xbf"
# Editors that write UTF-16 mark it; the message names it rather than a byte of it.
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def config_file_from_env(env: Mapping[str, str]) -> Path | None:
    """The file ``$AUTONEWS_CONFIG`` names, if it is set (the one place it is read): absolute,
    as `config path` says it (a relative one is of the directory the command runs in)."""
    value = env.get("AUTONEWS_CONFIG")
    return Path(value).expanduser().absolute() if value else None


def find_config_file(
    explicit: Path | None, env: Mapping[str, str], paths: Paths, missing_ok: bool = False
) -> Path | None:
    """The file to read: ``--config``, then ``$AUTONEWS_CONFIG``, then the default if present.
    ``missing_ok``: an ``explicit`` file that does not exist yet means no file, not another."""
    if explicit is not None:
        _not_a_folder(explicit)
        if not explicit.is_file():
            if missing_ok:
                return None
            raise ConfigError(f"config file {str(explicit)!r} does not exist")
        return explicit
    from_env = config_file_from_env(env)
    if from_env is not None:
        _not_a_folder(from_env, "$AUTONEWS_CONFIG is {}, a folder, not a file")
        if not from_env.is_file():
            raise ConfigError(f"$AUTONEWS_CONFIG points to {str(from_env)!r}, which does not exist")
        return from_env
    default = paths.config_file
    return default if default.is_file() else None


def _not_a_folder(path: Path, message: str = "config file {} is a folder, not a file") -> None:
    if path.is_dir():
        raise ConfigError(
            message.format(repr(str(path))),
            hint=f"name the file itself, such as {str(path / 'config.toml')!r}",
        )


def config_file_to_edit(explicit: Path | None, env: Mapping[str, str] | None = None) -> Path:
    """The file `config path` names and ``autonews feeds add/remove/import`` edit (created if
    missing), absolute: ``--config``, then ``$AUTONEWS_CONFIG``, then the user config dir's
    config.toml."""
    env = dict(os.environ) if env is None else env
    if explicit is not None:
        _not_a_folder(explicit)
        return explicit.expanduser().absolute()
    check_home(dict(env))
    found = config_file_from_env(env) or resolve_paths(dict(env)).config_file
    return found.absolute()


def config_text(path: Path) -> str:
    """The config file's text: UTF-8, with or without a byte-order mark (Windows editors write
    one). Any other encoding is an error naming the line and the byte, not a traceback."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        _not_a_folder(path)
        raise  # pragma: no cover - the check above raises
    except OSError as exc:
        raise ConfigError(f"cannot read config file {str(path)!r}: {exc.strerror}") from None
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    if data.startswith(_UTF16_BOMS):
        raise ConfigError(
            f"config file {str(path)!r} is not UTF-8 (it is UTF-16)", hint="save it as UTF-8"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ConfigError(
            f"config file {str(path)!r} is not UTF-8 (line {line}, byte 0x{data[exc.start]:02x})",
            hint="save it as UTF-8 (a Latin-1 or Windows-1252 file: convert it with "
            "`iconv -f latin1 -t utf-8`)",
        ) from None


def read_toml(path: Path) -> dict[str, Any]:
    """The config file's TOML, as a mapping."""
    text = config_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise not_valid_toml(path, text, exc) from None


# tomllib's words for a table declared twice: "Cannot declare ('email',) twice (at line 90, …".
_TWICE = re.compile(r"Cannot declare (\(.*\)) twice \(at line (\d+)")


def not_valid_toml(path: Path, text: str, exc: tomllib.TOMLDecodeError) -> ConfigError:
    """The error for a file that is not TOML, naming the file and tomllib's line and column. A
    table declared twice names it as it is written, the lines of both, and what to do (trial
    37: `config init` writes an [email] table, and a user's own [email] appended below it was
    "Cannot declare ('email',) twice")."""
    twice = _TWICE.match(str(exc))
    if twice is None:
        return ConfigError(f"config file {str(path)!r} is not valid TOML: {exc}")
    header = "[" + ".".join(ast.literal_eval(twice.group(1))) + "]"
    again = int(twice.group(2))
    declared = _written(_line(text, again))
    if declared.startswith("[") and not declared.endswith("]"):
        # tomllib reads "[digest" (its "]" left out) as the table before it finds the bracket
        # missing: the error is the line's, not a table declared twice (trial 44).
        return ConfigError(
            f"config file {str(path)!r} is not valid TOML: line {again} "
            f"({_line(text, again).strip()!r}) declares a table without its closing ']'",
            hint=f"write it {header}",
        )
    first = _header_line(text, header, before=again)
    lines = f"at line {first} and at line {again}" if first else f"again at line {again}"
    where = f"line {first}'s" if first else "the first"
    return ConfigError(
        f"config file {str(path)!r} declares the table {header} twice, {lines}",
        hint=f"a file may declare a table once: move the keys under line {again}'s {header} "
        f"to {where} (a key there with a # before it is unset: remove the # to set it) and "
        f"delete the second {header} line",
    )


def _header_line(text: str, header: str, before: int) -> int | None:
    """The number of the first line before line ``before`` that declares ``header``, written
    with any spaces inside its brackets."""
    wanted = "".join(header.split())
    for number, line in enumerate(text.splitlines()[: before - 1], start=1):
        if _written(line) == wanted:
            return number
    return None


def _written(line: str) -> str:
    """A line as TOML reads it, without its comment and spaces."""
    return "".join(line.split("#", 1)[0].split())


def _line(text: str, number: int) -> str:
    lines = text.splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""
