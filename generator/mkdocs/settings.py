"""What mkdocs.yml says of the published site: its address, and the license of its content and data.

The license is stated once, in mkdocs.yml's ``extra.license``: the theme's footer reads it there,
and the generator is given it as data (``License``). The plugin takes it from MkDocs' config; the
commands that do not run MkDocs (render, export) read mkdocs.yml with MkDocs' own YAML loader,
which resolves ``!ENV`` (``site_url: !ENV [BRIEFING_SITE_URL, null]``) as a build does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

from ..content.model import URL_PATTERN
from ..exports import License

__all__ = ["ConfigurationError", "SiteSettings", "read_license", "read_settings", "yaml_load"]

LICENSE_FIELDS = ("id", "name", "url")
EXAMPLE = "license: {id: <its SPDX identifier>, name: <its name>, url: <the address of its text>}"


@dataclass(frozen=True)
class SiteSettings:
    """The site's address (None: links stay relative), its content's license (None: it states none),
    and the mkdocs.yml they come from (None: there was none)."""

    url: str | None
    license: License | None
    config: Path | None = None


def read_license(extra: Mapping[str, Any]) -> License | None:
    """Read the content's license from mkdocs.yml's ``extra``; ConfigurationError says what to write."""
    value = extra.get("license")
    if value is None:
        return None
    if not isinstance(value, Mapping) or sorted(value) != sorted(LICENSE_FIELDS):
        raise ConfigurationError(f"extra.license in mkdocs.yml takes an id, a name and a url: {EXAMPLE}")
    empty = [field for field in LICENSE_FIELDS if not isinstance(value[field], str) or not value[field].strip()]
    if empty:
        raise ConfigurationError(f"extra.license in mkdocs.yml: write its {' and its '.join(empty)}, as text")
    if not URL_PATTERN.match(value["url"]):
        raise ConfigurationError(
            f"extra.license in mkdocs.yml: '{value['url']}' is not a web address: write its http(s) URL"
        )
    return License(value["id"].strip(), value["name"].strip(), value["url"].strip())


def read_settings(config_file: Path) -> SiteSettings:
    """Read the address and the license from a mkdocs.yml, without loading MkDocs' theme and plugins."""
    try:
        with config_file.open("rb") as file:
            config = yaml_load(file)
    except OSError as error:
        raise ConfigurationError(f"cannot read {config_file}: {error.strerror}") from None
    extra = config.get("extra") if isinstance(config, Mapping) else None
    site_url = config.get("site_url") if isinstance(config, Mapping) else None
    license = read_license(extra if isinstance(extra, Mapping) else {})
    return SiteSettings(str(site_url) if site_url else None, license, config_file)
