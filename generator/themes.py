"""Finding a theme's templates and static files.

A theme is a folder with templates/ and static/. It is looked for beside the
content folder (themes/NAME), then among the themes shipped with the
generator. Anything a theme leaves out comes from the default theme, and a
site can override any single template from its own content/templates/.
"""

from __future__ import annotations

from pathlib import Path

BUNDLED = Path(__file__).resolve().parent.parent / "themes"


def find_theme(content_dir: Path, name: str) -> Path | None:
    for candidate in (content_dir.parent / "themes" / name, BUNDLED / name):
        if (candidate / "templates").is_dir():
            return candidate
    return None


def theme_dirs(content_dir: Path, name: str) -> list[Path]:
    """The theme, then the default theme it falls back on."""
    dirs = [d for d in (find_theme(content_dir, name), find_theme(content_dir, "default")) if d is not None]
    return list(dict.fromkeys(d.resolve() for d in dirs))


def template_dirs(content_dir: Path, name: str) -> list[Path]:
    site_templates = content_dir / "templates"
    theme_templates = [d / "templates" for d in theme_dirs(content_dir, name)]
    return ([site_templates] if site_templates.is_dir() else []) + theme_templates


def static_files(content_dir: Path, name: str) -> dict[str, Path]:
    """Static files by output path; the theme's file hides the default's."""
    files: dict[str, Path] = {}
    for theme_dir in reversed(theme_dirs(content_dir, name)):
        static = theme_dir / "static"
        for path in sorted(static.rglob("*")) if static.is_dir() else []:
            if path.is_file():
                files[f"static/{path.relative_to(static).as_posix()}"] = path
    return files
