"""Who may talk to a workshop server: the join code (random, shown only on
the facilitator's screen) turns into a signed cookie; Host and Origin must
name this server (against DNS rebinding and other sites' pages, as Jupyter
checks them); and a token bucket slows anyone who sends too much. Shared by
the vote server and `rehearse serve`."""

import hashlib
import hmac
import ipaddress
import secrets
import time

# No 0/O, 1/I/L, 5/S, 8/B: easy to read off a projector and type on a phone.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY234679"
CODE_LENGTH = 8  # 26**8 is about 2e11 codes; at the wrong-code rate (site.JoinLimits), guessing is hopeless


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def show_code(code: str) -> str:
    """ABCD-EFGH: easier to read aloud."""
    return f"{code[:4]}-{code[4:]}"


def normalize_code(typed: str) -> str:
    """What a participant typed, forgiving case, spaces and dashes."""
    return "".join(c for c in str(typed).upper() if c.isalnum())[:64]


class Gate:
    def __init__(self, code: str | None = None):
        self.code = code or new_code()
        # The facilitator's own link (private notes): a secret of its own, never
        # derived from the join code that the whole room can read off the screen.
        self.facilitator_token = secrets.token_urlsafe(32)
        self._secret = secrets.token_bytes(32)

    def code_matches(self, typed: str) -> bool:
        return hmac.compare_digest(normalize_code(typed).encode(), self.code.encode())

    def is_facilitator(self, token: str) -> bool:
        """Constant time, so the token cannot be found a character at a time."""
        return hmac.compare_digest(str(token).encode(), self.facilitator_token.encode())

    def cookie_for(self, participant_id: str) -> str:
        return f"{participant_id}.{self._sign(participant_id)}"

    def participant(self, cookie: str | None) -> str | None:
        """The participant id a cookie proves, or None."""
        if not cookie or len(cookie) > 200 or "." not in cookie:
            return None
        participant_id, signature = cookie.rsplit(".", 1)
        if hmac.compare_digest(signature.encode(), self._sign(participant_id).encode()):
            return participant_id
        return None

    def _sign(self, value: str) -> str:
        return hmac.new(self._secret, value.encode(), hashlib.sha256).hexdigest()[:32]


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """Host header values that name this server. On loopback, `localhost` too."""
    names = {host}
    address = ipaddress.ip_address(host)
    if address.is_loopback:
        names |= {"localhost", "127.0.0.1"}
    return frozenset(f"[{n}]:{port}" if ":" in n else f"{n}:{port}" for n in names)


def origin_ok(origin: str | None, hosts: frozenset[str], required: bool) -> bool:
    """An Origin, when sent (or when required), must be this server."""
    if origin is None:
        return not required
    return origin.startswith("http://") and origin[len("http://"):] in hosts


class RateLimit:
    """A token bucket per key: `burst` at once, then `rate` a second."""

    def __init__(self, rate: float, burst: int, clock=time.monotonic, max_keys: int = 10_000):
        self.rate, self.burst, self.clock, self.max_keys = rate, burst, clock, max_keys
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, key: str) -> bool:
        now = self.clock()
        tokens = self._tokens(key, now)
        if not self._fits(key, now):
            return False
        if tokens < 1:
            self._buckets[key] = (tokens, now)
            return False
        self._buckets[key] = (tokens - 1, now)
        return True

    def has_room(self, key: str) -> bool:
        """Whether `allow` would succeed, without spending anything."""
        return self._tokens(key, self.clock()) >= 1

    def reserve(self, key: str, max_wait: float) -> float | None:
        """Take a token that may only be due later: the seconds until it is
        (0 when one is there now), or None, taking nothing, when that is more
        than `max_wait`. Each reservation queues behind the last, so many
        attempts at once wait longer, not less, than the same in turn."""
        now = self.clock()
        tokens = self._tokens(key, now)
        wait = max(0.0, (1 - tokens) / self.rate)
        if wait > max_wait or not self._fits(key, now):
            return None
        self._buckets[key] = (tokens - 1, now)
        return wait

    def refund(self, key: str) -> None:
        """Give back a reserved token (its attempt turned out to be welcome)."""
        if key in self._buckets:
            tokens, stamp = self._buckets[key]
            self._buckets[key] = (min(float(self.burst), tokens + 1), stamp)

    def _tokens(self, key: str, now: float) -> float:
        tokens, stamp = self._buckets.get(key, (float(self.burst), now))
        return min(float(self.burst), tokens + (now - stamp) * self.rate)

    def _fits(self, key: str, now: float) -> bool:
        """Memory stays bounded under a flood of new keys."""
        return key in self._buckets or len(self._buckets) < self.max_keys or self._prune(now)

    def _prune(self, now: float) -> bool:
        """Forget keys whose bucket has refilled; True if that made room."""
        full = [k for k, (tokens, stamp) in self._buckets.items() if tokens + (now - stamp) * self.rate >= self.burst]
        for key in full:
            del self._buckets[key]
        return len(self._buckets) < self.max_keys
