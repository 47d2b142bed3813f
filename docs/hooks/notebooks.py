"""mkdocs hook: the notebooks under notebooks/ become pages under notebooks/ (rendered, not executed).

They stay where the README and the notebook tests expect them; this hook adds them to the site's files before
mkdocs-jupyter (priority 50 > its 0) turns each into a page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]


@event_priority(50)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every notebooks/*.ipynb as the site file notebooks/NAME.ipynb."""
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        # a File read from the repository root (not File.generated: mkdocs-jupyter finds a file by its src_dir)
        uri = f"notebooks/{notebook.name}"
        files.append(
            File(uri, src_dir=str(ROOT), dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
        )
    return files
