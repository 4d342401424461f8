"""No network use at all: a whole session (first run, a scenario to its
ending, the debrief, help, the source reader, plain mode) runs under an audit
hook that records every network event and every process started, in a
fresh interpreter so the hook sees everything from the first import."""

import json
import subprocess
import sys
import textwrap

from applib import TEST_LIBRARY

SESSION = textwrap.dedent("""
    import asyncio, io, json, sys
    events = []
    NETWORK = ("socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname",
               "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg", "urllib.Request",
               "http.client.connect", "webbrowser.open", "subprocess.Popen", "os.exec", "os.posix_spawn")
    sys.addaudithook(lambda event, args: events.append(event) if event.startswith(NETWORK) else None)

    from bot.cli import main
    from bot.content.library import Library
    from bot.progress.store import Store
    from bot.ui.app import RehearseApp

    async def session(library):
        store = Store.open()
        app = RehearseApp(library, store, still=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press(*"Sam")
            await pilot.click("#start")
            await pilot.pause()
            await pilot.press("enter")            # start here: the first scenario's briefing
            await pilot.pause()
            await pilot.press("enter", "n")       # start; no danger
            await pilot.pause()
            await pilot.press("n")                # own words, offered once to a new learner: not now
            await pilot.pause()
            await pilot.press("1", "s")           # choose, then read the source
            await pilot.pause()
            await pilot.press("escape", "1")
            await pilot.pause()
            await pilot.press("enter")            # the debrief
            await pilot.pause()
            await pilot.press("e", "f1")          # save a copy; help
            await pilot.pause()
            await pilot.press("escape", "escape", "q")
            await pilot.pause()
        store.close()

    from pathlib import Path
    library = Library([Path(sys.argv[1])])
    asyncio.run(session(library))
    sys.stdin = io.StringIO("y\\nn\\n1\\n1\\n")
    main(["--content", sys.argv[1], "play", "lend"])
    print("EVENTS=" + json.dumps(events), file=sys.stderr)
""")


def test_a_whole_session_makes_no_network_connection(rehearse_home):
    result = subprocess.run([sys.executable, "-c", SESSION, str(TEST_LIBRARY)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "THE END" in result.stdout  # plain mode really ran
    assert list((rehearse_home / "exports").iterdir())  # the app session really reached the debrief
    events = json.loads(result.stderr.rsplit("EVENTS=", 1)[1])
    assert events == []
