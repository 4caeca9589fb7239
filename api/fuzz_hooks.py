"""schemathesis hooks of api/fuzz-sandbox: what it generates keeps to the document's
`x-cross-field-rules` that a hook can check, so that a body the sandbox refuses by such a rule is
not counted as a schema-valid request rejected.

Only `port-order` is checked here, at any depth (a firewall rule, or a deployment's
`security_rules`): the other rules (ids that exist, unique names, stock, a prompt within the
context window) depend on the sandbox's state or are out of a generator's reach, and are answered
404 or 409, which schemathesis expects of valid data, or never generated.
"""
import schemathesis


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
