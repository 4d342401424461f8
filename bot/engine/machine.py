"""A scenario compiled once into a `transitions` state machine: states are
node ids, each choice is a guarded transition, entering a node applies its
effects. Sessions attach to it as models, so a room of sessions shares one."""

from functools import partial

from ..content.expr import evaluate
from ..content.model import Choice, Scenario


def _allowed(choice: Choice, event) -> bool:
    session = event.model
    return choice.condition is None or evaluate(choice.condition, session.skills, session.visited)


def _apply_choice(choice: Choice, event) -> None:
    event.model.apply_choice_effects(choice)


def _entered(event) -> None:
    event.model.entered(event.state.name)


class CompiledScenario:
    def __init__(self, scenario: Scenario):
        from transitions import Machine  # loads with the first scenario compiled: the app's home needs none

        self.scenario = scenario
        self.triggers: dict[tuple[str, int], str] = {}
        transitions = []
        for node_number, node in enumerate(scenario.nodes):
            for index, choice in enumerate(node.choices):
                trigger = f"choose_{node_number}_{index}"
                self.triggers[(node.id, index)] = trigger
                transitions.append({
                    "trigger": trigger,
                    "source": node.id,
                    "dest": choice.target,
                    "conditions": [partial(_allowed, choice)],
                    "before": [partial(_apply_choice, choice)],
                })
        self.machine = Machine(
            model=None,
            states=[{"name": n.id, "on_enter": [_entered]} for n in scenario.nodes],
            transitions=transitions,
            initial=scenario.start,
            auto_transitions=False,
            send_event=True,
            ignore_invalid_triggers=False,
        )

    def attach(self, session) -> None:
        self.machine.add_model(session, initial=self.scenario.start)

    def detach(self, session) -> None:
        self.machine.remove_model(session)

    def move(self, session, node_id: str) -> None:
        """Put a session on a node without firing callbacks (undo, restore)."""
        self.machine.set_state(node_id, model=session)
