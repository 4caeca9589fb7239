"""schemathesis hooks of api/fuzz-sandbox.

What it generates keeps to the document's `x-cross-field-rules` that a hook can check, so that a
request the sandbox refuses by such a rule is not counted as a schema-valid request rejected:
`port-order` from the body alone (a firewall rule, or a deployment's `security_rules`), and by
reading the sandbox the three state rules the contract answers with 400 (`breaks_stateful_rule`).
The other rules (ids that exist, unique names, stock, a prompt within the context window) are
answered 404 or 409, which schemathesis expects of valid data, or are never generated.

The stateful phase plays a client that waits for each change to finish before its next call: the
sandbox's clock is frozen (the other phases stay deterministic), so after every accepted change
of that phase the hook moves it on by `WAIT_SECONDS`. Without it a deployment stays CREATING for
the whole run, and nothing its links lead to (stop, snapshot, restore, images) can succeed.
"""
import json
import os
import urllib.error
import urllib.parse
import urllib.request

import schemathesis

# The longest transition of the sandbox: a deployment takes 120 to 300 s (a snapshot 120, a
# restore 120, a hibernation 90, an image 60, a volume 15).
WAIT_SECONDS = 300

# Set by api/fuzz-sandbox: the sandbox's origin and its one key.
SANDBOX_BASE = os.environ.get("FUZZ_SANDBOX_BASE")
SANDBOX_KEY = os.environ.get("FUZZ_SANDBOX_KEY", "")


def breaks_port_order(value):
    """Whether `value` holds, at any depth, an object whose `port_range_min` is above its `port_range_max`."""
    if isinstance(value, list):
        return any(breaks_port_order(item) for item in value)
    if not isinstance(value, dict):
        return False
    low, high = value.get("port_range_min"), value.get("port_range_max")
    numbers = all(isinstance(port, (int, float)) and not isinstance(port, bool) for port in (low, high))
    return (numbers and low > high) or any(breaks_port_order(item) for item in value.values())


@schemathesis.hook
def filter_body(context, body):
    """Drops a body that breaks `port-order`."""
    return not breaks_port_order(body)


def sandbox_get(path):
    """The answer of `GET path` on the sandbox, or None when it is not a success."""
    request = urllib.request.Request(f"{SANDBOX_BASE}{path}", headers={"Authorization": f"Bearer {SANDBOX_KEY}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read())
    except urllib.error.HTTPError:
        return None


def instance(instance_id):
    """The account's instance `instance_id` as the sandbox lists it, or None when there is no such instance."""
    if not isinstance(instance_id, str) or not instance_id or "/" in instance_id:
        return None
    answer = sandbox_get(f"/api/instances/{urllib.parse.quote(instance_id)}/")
    return answer["instance"] if answer else None


def instance_tier(instance_id):
    """The tier of the account's instance `instance_id`, or None when there is no such instance."""
    found = instance(instance_id)
    return found["tier"] if found else None


def breaks_same_region(firewall_id, instance_ids):
    """Whether the firewall exists and the first instance named that is in another region comes before any missing one."""
    if not isinstance(firewall_id, str) or not firewall_id or "/" in firewall_id or not isinstance(instance_ids, list):
        return False
    firewall = sandbox_get(f"/api/firewalls/{urllib.parse.quote(firewall_id)}/")
    if firewall is None:
        return False
    for instance_id in instance_ids:
        found = instance(instance_id)
        if found is None:
            return False
        if found["region"] != firewall["firewall"]["region"]:
            return True
    return False


def breaks_stateful_rule(case):
    """Whether a valid request breaks a rule of `x-cross-field-rules` that depends on what exists.

    `volume-grows`: a resize names more than the volume's size. `legacy-instance`: the public-IP
    toggle, security rules and snapshots take Legacy instances only. `same-region`: a firewall is
    attached to instances of its region. All three are 400s by the contract (INVALID_VALUE,
    NOT_SUPPORTED_IN_TIER), unlike the 404s and 409s of the other such rules, so a request that
    breaks one is no valid request the sandbox may refuse.
    """
    path = case.operation.path
    parameters = case.path_parameters or {}
    body = case.body if isinstance(case.body, dict) else {}
    if path == "/api/volumes/{id}/resize/":
        size = body.get("size_gb")
        volume_id = parameters.get("id")
        # A JSON number: 624.0 is the size 624.
        number = isinstance(size, (int, float)) and not isinstance(size, bool)
        if not number or not isinstance(volume_id, str) or not volume_id or "/" in volume_id:
            return False
        answer = sandbox_get(f"/api/volumes/{urllib.parse.quote(volume_id)}/")
        return answer is not None and size <= answer["volume"]["size_gb"]
    if path in LEGACY_INSTANCE_PATHS:
        return instance_tier(parameters.get("id")) == "advanced"
    if path == "/api/snapshots/" and case.method.upper() == "POST":
        return instance_tier(body.get("instance_id")) == "advanced"
    if path == "/api/firewalls/{id}/attach/":
        return breaks_same_region(parameters.get("id"), body.get("instance_ids"))
    return False


LEGACY_INSTANCE_PATHS = {
    "/api/instances/{id}/public-ip/",
    "/api/instances/{id}/security-rules/",
    "/api/instances/{id}/security-rules/{rule_id}/",
}


@schemathesis.hook
def filter_case(context, case):
    """Drops a valid request that breaks a rule depending on the sandbox's state (`breaks_stateful_rule`)."""
    if SANDBOX_BASE is None:
        return True
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return True
    return not breaks_stateful_rule(case)


def advance_clock(seconds):
    """Moves the sandbox's simulated clock on (`POST /sandbox/clock/advance/`, the sandbox's own route)."""
    request = urllib.request.Request(
        f"{SANDBOX_BASE}/sandbox/clock/advance/",
        data=json.dumps({"seconds": seconds}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {SANDBOX_KEY}"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        answer.read()


@schemathesis.hook
def after_call(context, case, response):
    """In the stateful phase, lets every change the sandbox accepted finish before the next call."""
    if SANDBOX_BASE is None or case.method.upper() in ("GET", "HEAD") or not 200 <= response.status_code < 300:
        return
    meta = case.meta
    if meta is not None and meta.phase.name == "stateful":
        advance_clock(WAIT_SECONDS)
