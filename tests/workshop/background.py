"""A server on its own event loop in a thread, so a synchronous driver
(Playwright's sync API) can use it while the test changes the room on the
server's loop, where the room's updates are broadcast."""

import asyncio
import threading


class Background:
    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def call(self, function, *args, timeout: float = 60):
        """Run function(*args) on the loop (awaited if it is a coroutine) and return its result."""
        async def run():
            result = function(*args)
            return await result if asyncio.iscoroutine(result) else result

        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()
