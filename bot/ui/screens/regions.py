"""Choosing the region whose help lines to show, and the region's own note on
where a family can get naloxone, which help shows under its lines."""

from textual import on
from textual.message import Message
from textual.widgets import Select, Static
from textual.widgets._select import SelectOverlay

from ...help import Helplines, Region
from ..text import line, text


class RegionSelect(Select):
    class Picked(Message):
        """A region was chosen from the open list, even the one already shown:
        Select.Changed says nothing then, yet the form should move on."""

    def __init__(self, helplines: Helplines, region: str, **kwargs):
        options = [(line(r.name), r.id) for r in helplines.regions]
        super().__init__(options, value=helplines.region(region).id, allow_blank=False, **kwargs)

    @property
    def region_id(self) -> str:
        return str(self.value)

    @on(SelectOverlay.UpdateSelection)
    def _picked(self, event: SelectOverlay.UpdateSelection) -> None:
        self.post_message(self.Picked())  # Select's own handler still runs and sets the value


class NaloxoneNote(Static):
    """Where to get naloxone in the shown region, in the data's own words
    (over the counter, free kits, drug services only): hidden for a region
    whose note no official page could confirm."""

    def show(self, region: Region) -> None:
        self.display = region.naloxone is not None
        self.update(text(region.naloxone.text) if region.naloxone else "")
