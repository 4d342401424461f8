"""The library as something to play: compiles each scenario once, lazily,
when it is first played, and hands out sessions on the shared machine."""

from ..content.library import Library
from .machine import CompiledScenario
from .session import Session


class Catalog:
    def __init__(self, library: Library):
        self.library = library
        self._compiled: dict[str, CompiledScenario] = {}

    def compiled(self, scenario_id: str) -> CompiledScenario:
        if scenario_id not in self._compiled:
            self._compiled[scenario_id] = CompiledScenario(self.library.scenarios[scenario_id])
        return self._compiled[scenario_id]

    def session(self, scenario_id: str) -> Session:
        return Session(self.compiled(scenario_id))
