"""Open a LinkedIn export: the .zip LinkedIn sends, the unzipped folder, or a bare messages.csv.

A zip is never extracted to disk: members are streamed through zipfile, names with `..` or
an absolute path are never touched, and decompressed bytes are capped in total and per
member (compression ratio), so a crafted archive cannot exhaust memory or disk.
"""

from __future__ import annotations

import csv
import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO, Protocol

from reply_assistant.models import Connection, Message, Participant, SkippedRow
from reply_assistant.sources.connections_csv import read_connections, read_owner
from reply_assistant.sources.errors import ExportError
from reply_assistant.sources.messages_csv import RowTally, iter_message_rows, read_header

# Overridable in tests: the most decompressed bytes one Export reads from a zip, and the
# highest compression ratio a large member may have before it is treated as a zip bomb.
MAX_DECOMPRESSED_BYTES = 2 * 1024**3
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_MIN_BYTES = 1024 * 1024  # small members compress well legitimately
_FILES_IN_ERROR = 15
# LinkedIn names an export for the day it was made: Basic_LinkedInDataExport_10-21-2023.
_EXPORT_DATE = re.compile(r"(\d{2})-(\d{2})-(\d{4})")
# What a damaged or hostile zip raises from zipfile, zlib and struct while being read.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    ValueError,
    OSError,
)


class _Source(Protocol):
    files: list[str]

    def open_binary(self, name: str) -> BinaryIO: ...

    def display(self, name: str) -> str: ...

    def close(self) -> None: ...


def _is_unsafe_member(name: str) -> bool:
    posix = name.replace("\\", "/")
    return (
        posix.startswith("/")
        or (len(posix) > 1 and posix[1] == ":")
        or ".." in PurePosixPath(posix).parts
    )


class _CountingReader(io.RawIOBase):
    """Passes a zip member's bytes through, enforcing the archive-wide byte budget and
    turning zipfile/zlib failures into ExportError."""

    def __init__(self, member: IO[bytes], source: _ZipSource, display: str) -> None:
        self._member = member
        self._source = source
        self._display = display

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            chunk = self._member.read(len(buffer))
        except _ZIP_ERRORS as exc:
            raise ExportError(
                f"{self._display} could not be decompressed ({exc}); download the export "
                "from LinkedIn again."
            ) from None
        self._source.count(len(chunk), self._display)
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        self._member.close()
        super().close()


class _ZipSource:
    def __init__(self, path: Path) -> None:
        self._path = path
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except _ZIP_ERRORS as exc:
            raise ExportError(
                f"{path.name} is not a readable zip file ({exc}); download the export from "
                "LinkedIn again."
            ) from None
        self._members = {
            info.filename: info
            for info in infos
            if not info.is_dir() and not _is_unsafe_member(info.filename)
        }
        self.files = list(self._members)
        self._bytes_read = 0

    def display(self, name: str) -> str:
        return f"{name} in {self._path.name}"

    def count(self, size: int, display: str) -> None:
        self._bytes_read += size
        if self._bytes_read > MAX_DECOMPRESSED_BYTES:
            raise ExportError(
                f"{display} decompresses to more than {MAX_DECOMPRESSED_BYTES:,} bytes, more "
                "than any LinkedIn export; check that this is the zip LinkedIn sent you."
            )

    def open_binary(self, name: str) -> BinaryIO:
        info = self._members[name]
        display = self.display(name)
        if info.file_size > MAX_DECOMPRESSED_BYTES:
            raise ExportError(
                f"{display} would decompress to {info.file_size:,} bytes, more than the "
                f"{MAX_DECOMPRESSED_BYTES:,} allowed; check that this is the zip LinkedIn sent."
            )
        if info.file_size >= RATIO_CHECK_MIN_BYTES and info.file_size > MAX_COMPRESSION_RATIO * max(
            info.compress_size, 1
        ):
            raise ExportError(
                f"{display} is compressed {info.file_size // max(info.compress_size, 1)}:1, "
                "which only a zip bomb does; refusing to read it, use the zip LinkedIn sent."
            )
        try:
            member = self._zip.open(info)
        except _ZIP_ERRORS as exc:
            raise ExportError(
                f"{display} cannot be opened ({exc}); download the export again, without a "
                "password."
            ) from None
        return io.BufferedReader(_CountingReader(member, self, display), 1 << 16)

    def close(self) -> None:
        self._zip.close()


class _FolderSource:
    def __init__(self, root: Path) -> None:
        self._root = root
        files: list[str] = []
        for directory, subdirectories, names in os.walk(root):
            subdirectories.sort()
            relative = Path(directory).relative_to(root)
            files.extend((relative / name).as_posix() for name in sorted(names))
        self.files = files

    def display(self, name: str) -> str:
        return f"{name} in {self._root.name}"

    def open_binary(self, name: str) -> BinaryIO:
        return open(self._root / name, "rb")  # closed by the caller

    def close(self) -> None:
        pass


class _SingleFileSource:
    def __init__(self, path: Path) -> None:
        self._path = path
        self.files = [path.name]

    def display(self, name: str) -> str:
        return name

    def open_binary(self, name: str) -> BinaryIO:
        return open(self._path, "rb")  # closed by the caller

    def close(self) -> None:
        pass


def _find(files: list[str], file_name: str) -> str | None:
    """The shallowest file with this name, case-insensitively, at any depth."""
    matches = [name for name in files if PurePosixPath(name).name.lower() == file_name]
    return min(matches, key=lambda name: (name.count("/"), name), default=None)


def _find_messages_file(path: Path, files: list[str]) -> str:
    """The export's messages.csv; ExportError when there is none, or several (a folder or
    zip holding more than one export)."""
    found = [name for name in files if PurePosixPath(name).name.lower() == "messages.csv"]
    if not found:
        raise ExportError(_no_messages_file(path, files))
    if len(found) > 1:
        raise ExportError(_several_exports(path, found))
    return found[0]


def _several_exports(path: Path, messages_files: list[str]) -> str:
    """Refused rather than read one after the other: each export is checked against the
    inbox's owner and reported on its own, and `batch` and the UI import one export a run.
    Oldest first, so the owner each one is checked against is the one found so far."""
    folders = sorted((_export_folder(path, name) for name in messages_files), key=_export_order)
    listing = ", ".join(folders[:_FILES_IN_ERROR])
    if len(folders) > _FILES_IN_ERROR:
        listing += f" and {len(folders) - _FILES_IN_ERROR} more"
    unzip = "unzip it and " if zipfile.is_zipfile(path) else ""
    return (
        f"{path.name} holds {len(folders)} exports ({listing}); nothing was imported: "
        f"{unzip}import them one at a time, oldest first."
    )


def _export_folder(path: Path, messages_file: str) -> str:
    folder = PurePosixPath(messages_file).parent
    return path.name if folder == PurePosixPath(".") else folder.as_posix()


def _export_order(folder: str) -> tuple[bool, str, str]:
    """By the date in LinkedIn's name (MM-DD-YYYY), then the undated ones by name."""
    dated = _EXPORT_DATE.search(folder)
    if dated is None:
        return True, "", folder
    month, day, year = dated.groups()
    return False, f"{year}-{month}-{day}", folder


class Export(AbstractContextManager["Export"]):
    """An opened export; use as a context manager so a zip is closed."""

    def __init__(self, path: Path, source: _Source, messages_file: str) -> None:
        self.path = path
        self._source = source
        self.files: list[str] = source.files
        self.messages_file = messages_file
        self._tally = RowTally()
        self._connection_skips: list[SkippedRow] = []
        # Connected On values present but unreadable, so import can say so once.
        self.unreadable_connection_dates: list[str] = []
        self._read: set[str] = set()

    @property
    def files_read(self) -> list[str]:
        """The files whose rows were read so far (whatever they are named), in listing order."""
        return [name for name in self.files if name in self._read]

    @property
    def skipped(self) -> list[SkippedRow]:
        return self._tally.skipped + self._connection_skips

    @property
    def drafts_skipped(self) -> int:
        return self._tally.drafts

    def close(self) -> None:
        self._source.close()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _open_text(self, name: str) -> io.TextIOWrapper:
        try:
            binary = self._source.open_binary(name)
        except OSError as exc:
            raise ExportError(
                f"{self._source.display(name)} cannot be read ({exc.strerror or exc}); "
                "check the file's permissions."
            ) from None
        # newline="" keeps CR/CRLF inside quoted CONTENT exactly as exported.
        return io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")

    def check_messages_header(self) -> None:
        with self._open_text(self.messages_file) as stream:
            read_header(csv.reader(stream), self._source.display(self.messages_file))

    def iter_messages(self) -> Iterator[Message]:
        """Messages in file order, streamed; drafts are counted, malformed rows skipped."""
        self._tally = RowTally()
        with self._open_text(self.messages_file) as stream:
            self._read.add(self.messages_file)
            yield from iter_message_rows(
                stream, self._source.display(self.messages_file), self._tally, self.messages_file
            )

    def connections(self) -> list[Connection]:
        name = _find(self.files, "connections.csv")
        if name is None:
            return []
        self._connection_skips = []
        self.unreadable_connection_dates = []
        try:
            with self._open_text(name) as stream:
                connections = read_connections(
                    stream, name, self._connection_skips, self.unreadable_connection_dates
                )
        except (UnicodeDecodeError, csv.Error) as exc:
            # Connections only add context; an unreadable file must not stop the import.
            self._connection_skips.append(SkippedRow(name, 0, f"not read: {exc}"))
            return []
        self._read.add(name)
        return connections

    def owner(self) -> Participant | None:
        name = _find(self.files, "profile.csv")
        if name is None:
            return None
        try:
            with self._open_text(name) as stream:
                owner = read_owner(stream)
        except (UnicodeDecodeError, csv.Error):
            return None
        self._read.add(name)
        return owner


def open_export(path: Path | str) -> Export:
    """Open a LinkedIn export (.zip, unzipped folder, or messages.csv); raises ExportError."""
    path = Path(path)
    source: _Source
    if path.is_dir():
        source = _FolderSource(path)
    elif path.is_file():
        if zipfile.is_zipfile(path):
            source = _ZipSource(path)
        elif path.suffix.lower() == ".zip":
            raise ExportError(
                f"{path.name} is not a valid zip file; download the export from LinkedIn again."
            )
        else:
            source = _SingleFileSource(path)
    else:
        raise ExportError(
            f"{path} does not exist; pass the .zip LinkedIn sent you, its unzipped folder, "
            "or its messages.csv."
        )
    try:
        if isinstance(source, _SingleFileSource):
            messages_file = source.files[0]
        else:
            messages_file = _find_messages_file(path, source.files)
        export = Export(path, source, messages_file)
        export.check_messages_header()
    except BaseException:
        source.close()
        raise
    return export


def _no_messages_file(path: Path, files: list[str]) -> str:
    if not files:
        listing = "no files"
    else:
        listing = ", ".join(files[:_FILES_IN_ERROR])
        if len(files) > _FILES_IN_ERROR:
            listing += f" and {len(files) - _FILES_IN_ERROR} more"
    return (
        f"{path.name} has no messages.csv (it holds {listing}); request a LinkedIn data "
        "export that includes Messages."
    )
