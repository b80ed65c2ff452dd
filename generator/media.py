"""Media in entries: an image, published in a few widths for the reader's
screen, and links to videos and posts, shown as cards that load nothing from
another host until the reader asks.

`inspect` reads an image file for the loader (its size as shown, upright,
and a digest of its bytes); `renditions` says which files an image is
published as, from that alone, so pages are planned without resizing
anything; `render` makes those files. The same image always makes the same
bytes: no metadata is kept, colours are converted to sRGB, and the encoder's
settings are fixed. The published names carry the digest, so a replaced
picture gets new names and no browser or cache shows the old one.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import stat
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

if TYPE_CHECKING:
    from PIL import Image as Pillow

from generator.model import Embed, Image
from generator.parallel import parallel_imap
from generator.problems import Problem

FOLDER = "media"  # images are files under content/media/, published under output/media/
SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
WIDTHS = (480, 960, 1440)  # a phone, a desktop column, a desktop column at 2x
MAX_BYTES = 50 * 2**20
MAX_PIXELS = 60_000_000  # a 60-megapixel photograph; beyond, decoding takes the build's memory
DIGEST_LENGTH = 10
JPEG_SETTINGS = {"quality": 82, "optimize": True, "progressive": True, "subsampling": "4:2:0"}
PNG_SETTINGS = {"optimize": True}
REDUCING_GAP = 3.0  # shrink by a whole factor first, then resample the last three times: as sharp, much quicker
UPRIGHT_SWAPS = {5, 6, 7, 8}  # EXIF orientations of a picture taken sideways: width and height swap
RULES_FILE = Path(__file__).parent / "rules" / "embeds.toml"


@dataclass(frozen=True)
class ImageFile:
    """What the loader learns of an image file."""

    width: int
    height: int
    digest: str
    output: str  # jpg | png


@dataclass(frozen=True)
class Rendition:
    path: str  # in the output: media/rubble-480-0a1b2c3d4e.jpg
    width: int
    height: int


def inspect(content_dir: Path, file: str) -> ImageFile | str:
    """The image at `file` (relative to the content folder), or what is wrong with it, in words."""
    wrong = _wrong_name(file)
    if wrong:
        return wrong
    data = _read(content_dir, file)
    if isinstance(data, str):
        return data
    from PIL import Image as Pillow  # here: Pillow loads only where a picture is read, not for every command

    try:
        with Pillow.open(io.BytesIO(data), formats=FORMATS) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                return f"the image is {width}×{height} pixels: at most {MAX_PIXELS // 1_000_000} million are resized; make it smaller"
            if image.getexif().get(0x0112) in UPRIGHT_SWAPS:
                width, height = height, width
            output = "png" if image.format in ("PNG", "GIF") or _has_alpha(image) else "jpg"
    except Exception as error:  # a broken file can make a decoder raise almost anything
        return f"cannot read the image {file!r}: {_reason(error)}"
    return ImageFile(width, height, hashlib.sha256(data).hexdigest()[:DIGEST_LENGTH], output)


def _wrong_name(file: str) -> str | None:
    parts = file.split("/")
    if file.startswith("/") or "\\" in file or any(part in ("", ".", "..") for part in parts) or parts[0] != FOLDER or len(parts) < 2:
        return f"image file {file!r} must be a path under {FOLDER}/ in the content folder, such as {FOLDER}/rubble.jpg"
    if not file.lower().endswith(SUFFIXES):
        return f"image file {file!r} must be a JPEG, PNG, WebP or GIF ({', '.join(SUFFIXES)})"
    return None


def _read(content_dir: Path, file: str) -> bytes | str:
    """The bytes of a regular file under the content folder, never read
    through a symbolic link, in the file's path or at its end."""
    path = content_dir
    for part in file.split("/")[:-1]:
        path = path / part
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return f"{path.relative_to(content_dir)}/ is a symbolic link: no image is read through a link"
        except OSError as error:
            return f"cannot read the image {file!r}: {error.strerror}"
    try:
        descriptor = os.open(content_dir / file, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        if error.errno == errno.ELOOP:
            return f"image file {file!r} is a symbolic link: put the file itself there"
        return f"cannot read the image {file!r}: {error.strerror}"
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return f"image file {file!r} is not a regular file"
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return f"image file {file!r} is larger than {MAX_BYTES // 2**20} MB"
    return data


def _has_alpha(image: Pillow.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


def _reason(error: Exception) -> str:
    from PIL import Image as Pillow

    if isinstance(error, Pillow.UnidentifiedImageError):
        return "it is not a JPEG, PNG, WebP or GIF image"
    return str(error).rstrip(".") or type(error).__name__


def renditions(image: Image) -> tuple[Rendition, ...]:
    """The widths an image is published in: each of WIDTHS it is wider than,
    and its own width up to the largest: never enlarged."""
    widths = [w for w in WIDTHS if w < image.width] + ([image.width] if image.width <= WIDTHS[-1] else [])
    stem = image.file.rsplit(".", 1)[0]
    return tuple(Rendition(f"{stem}-{w}-{image.digest}.{image.output}", w, max(1, round(image.height * w / image.width)))
                 for w in widths)


def srcset(image: Image, root: str = "") -> str:
    """The image's `srcset`: each rendition's address, relative to the page
    (`root`), and its width."""
    return ", ".join(f"{root}{address(r)} {r.width}w" for r in renditions(image))


def address(rendition: Rendition) -> str:
    """A rendition's path as a page writes it: spaces and commas, which
    srcset would split on, escaped."""
    return quote(rendition.path)


def render(content_dir: Path, image: Image) -> dict[str, bytes] | str:
    """Every rendition of `image` by its output path, or what kept them from being made."""
    data = _read(content_dir, image.file)
    if isinstance(data, str):
        return data
    from PIL import Image as Pillow
    from PIL import ImageOps

    try:
        made, wanted = {}, renditions(image)
        with Pillow.open(io.BytesIO(data), formats=FORMATS) as opened:
            # A JPEG is decoded at the smallest scale (1/2, 1/4, 1/8) still as
            # large as the largest width: a half or less of the work.
            largest = (wanted[-1].width, wanted[-1].height)
            opened.draft(opened.mode, largest[::-1] if opened.getexif().get(0x0112) in UPRIGHT_SWAPS else largest)
            upright = _srgb(ImageOps.exif_transpose(opened))
        for rendition in wanted:
            resized = upright.resize((rendition.width, rendition.height), Pillow.Resampling.LANCZOS, reducing_gap=REDUCING_GAP)
            buffer = io.BytesIO()
            if image.output == "png":
                resized.save(buffer, "PNG", **PNG_SETTINGS)
            else:
                resized.save(buffer, "JPEG", **JPEG_SETTINGS)
            made[rendition.path] = buffer.getvalue()
    except Exception as error:  # a broken file can make a decoder raise almost anything
        return f"cannot resize the image {image.file!r}: {_reason(error)}"
    return made


@cache
def _srgb_profile():
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _srgb(image: Pillow.Image) -> Pillow.Image:
    """The picture in sRGB, the colours a browser assumes of an image
    without a profile, in the mode its published format keeps: 8-bit grey
    or colour, with its transparency."""
    from PIL import ImageCms

    alpha = _has_alpha(image)
    mode = "RGBA" if alpha else "L" if image.mode in ("1", "L", "I;16", "I", "F") else "RGB"
    profile = image.info.get("icc_profile")
    converted = image.convert(mode)
    if profile and mode != "L":
        try:
            converted = ImageCms.profileToProfile(converted, ImageCms.ImageCmsProfile(io.BytesIO(profile)), _srgb_profile(), outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a profile that cannot be read or does not fit: the pixels as they are
    converted.info = {}
    return converted


@dataclass(frozen=True)
class Provider:
    name: str
    kind: str  # video | post
    match: re.Pattern
    player: str
    examples: tuple[tuple[str, str], ...] = ()


def _providers() -> tuple[Provider, ...]:
    rules = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    return tuple(Provider(p["name"], p["kind"], re.compile(p["match"]), p["player"], tuple(map(tuple, p.get("examples", ()))))
                 for p in rules["provider"])


PROVIDERS = _providers()


def embed(url: str, title: str, description: str | None = None, credit: str | None = None) -> Embed:
    """A card for the video or post at `url`, with the player of the first provider that knows it."""
    for provider in PROVIDERS:
        found = provider.match.fullmatch(url)
        if found:
            player = provider.player.format(**found.groupdict())
            return Embed(url, title, description, credit, provider.name, provider.kind, player)
    return Embed(url, title, description, credit, None, "link", None)


def host(url: str) -> str:
    """The host a card's address or player is on, as a reader knows it (no www.)."""
    name = urlsplit(url).hostname or url
    return name.removeprefix("www.")


def make_files(content_dir: Path, images: tuple[tuple[Path, Image], ...]) -> Iterator[dict[str, bytes] | Problem]:
    """Each image's renditions by output path, made on the machine's cores,
    in order; or the problem that kept them from being made, named by the
    entry (`Path`) that shows the image and the line of its file."""

    def one(item: tuple[Path, Image]) -> dict[str, bytes] | Problem:
        entry, image = item
        made = render(content_dir, image)
        return Problem(entry, image.line, made) if isinstance(made, str) else made

    # An image takes a tenth of a second or more: worth a process from the second.
    return parallel_imap(one, images, min_items=2)
