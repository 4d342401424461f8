"""Choosing the region whose help lines to show."""

from textual.widgets import Select

from ...help import Helplines
from ..text import line


class RegionSelect(Select):
    def __init__(self, helplines: Helplines, region: str, **kwargs):
        options = [(line(r.name), r.id) for r in helplines.regions]
        super().__init__(options, value=helplines.region(region).id, allow_blank=False, **kwargs)

    @property
    def region_id(self) -> str:
        return str(self.value)
