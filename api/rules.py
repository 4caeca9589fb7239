"""Proves the document's request rules both ways against a running sandbox.

    python api/rules.py BASE_URL          (BASE_URL such as http://127.0.0.1:8080, a fresh sandbox)

Each probe is one request and what the document says of its body:

- `allowed`: the body validates against the operation's request schema, and the server must
  accept it (2xx): what the document allows, the server accepts;
- `forbidden`: the body breaks the schema, and the server must refuse it (4xx with the error
  envelope): the document forbids what the server refuses;
- `rule:NAME`: the body validates, the server refuses it, and the schema names NAME among its
  `x-cross-field-rules` (a rule JSON Schema cannot say, written as a sentence): what the server
  refuses beyond the schema, the document marks.

Every `x-cross-field-rules` entry of the document must be proved by at least one probe, so a rule
cannot be written down without being checked. Ends with `rules: N passed, N failed`.
"""
import base64
import json
import pathlib
import struct
import sys
import urllib.error
import urllib.request

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = pathlib.Path(__file__).resolve().parent.parent
URI = "urn:barrack-openapi"
HEADERS = {"Authorization": "Bearer rules", "Content-Type": "application/json"}


class Sandbox:
    def __init__(self, base):
        self.base = base.rstrip("/")

    def send(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=HEADERS)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def create(self, path, body, key):
        status, answer = self.send("POST", path, body)
        if status != 201:
            raise SystemExit(f"rules: setting up with POST {path} failed: {status} {answer}")
        return answer[key]["id"]

    def advance(self, seconds):
        self.send("POST", "/sandbox/clock/advance/", {"seconds": seconds})


def key_line(kind, blob_kind=None, size=32):
    """An OpenSSH public key line whose blob names `blob_kind` (the line's own type by default)."""
    def prefixed(data):
        return struct.pack(">I", len(data)) + data
    blob = prefixed((blob_kind or kind).encode()) + prefixed(bytes(range(size)))
    return f"{kind} {base64.b64encode(blob).decode()} probe@example"


def cross_field_rules(node, found):
    if isinstance(node, dict):
        for rule in node.get("x-cross-field-rules", []):
            found.add(rule["rule"])
        for value in node.values():
            cross_field_rules(value, found)
    elif isinstance(node, list):
        for value in node:
            cross_field_rules(value, found)
    return found


def probes(sandbox):
    """(label, method, path, body, verdict), with the resources they need made first."""
    key = sandbox.send("GET", "/api/ssh-keys/")[1]["ssh_keys"][0]["id"]
    image = "ubuntu-22.04-r550-cuda12.4"
    boot_volume = sandbox.create("/api/volumes/", {"name": "boot", "region": "FINLAND-1", "size_gb": 100,
                                                   "volume_type": "NVMe", "bootable": True, "os_image_id": image},
                                 "volume")
    firewall = sandbox.create("/api/firewalls/", {"name": "probe", "region": "FINLAND-1"}, "firewall")
    # Every B300 of FINLAND-2 taken (64 GPUs, 8 at a time), so that one more is out of stock.
    for _ in range(8):
        sandbox.create("/api/instances/", {"gpu_model": "B300-262GB", "gpu_count": 8, "region": "FINLAND-2",
                                           "boot_source": {"type": "os_image", "os_image_id": image},
                                           "ssh_key_ids": [key]}, "instance")
    legacy_instance = sandbox.create("/api/instances/", {"gpu_model": "L40", "gpu_count": 1, "region": "CANADA-1",
                                                         "boot_source": {"type": "os_image", "os_image_id": image},
                                                         "ssh_key_ids": [key]}, "instance")
    advanced_instance = sandbox.create("/api/instances/", {"gpu_model": "H100-SXM5-80GB", "gpu_count": 1,
                                                           "region": "FINLAND-1",
                                                           "boot_source": {"type": "os_image", "os_image_id": image},
                                                           "ssh_key_ids": [key]}, "instance")
    sandbox.advance(600)
    snapshot = sandbox.create("/api/snapshots/", {"instance_id": legacy_instance, "name": "probe"}, "snapshot")
    sandbox.advance(600)

    def deploy(region="FINLAND-1", model="H100-SXM5-80GB", **changes):
        body = {"gpu_model": model, "gpu_count": 1, "region": region,
                "boot_source": {"type": "os_image", "os_image_id": image}, "ssh_key_ids": [key]}
        body.update(changes)
        return {name: value for name, value in body.items() if value is not None}

    legacy = {"region": "CANADA-1", "model": "RTX-A6000"}
    volume = {"type": "volume", "volume_id": boot_volume}
    rule = {"direction": "ingress", "ethertype": "IPv4", "remote_ip_prefix": "0.0.0.0/0"}
    chat = {"messages": [{"role": "user", "content": "hello"}]}
    return [
        ("an image boot with a key", "POST", "/api/instances/", deploy(), "allowed"),
        ("a Legacy image boot with a key", "POST", "/api/instances/", deploy(**legacy), "allowed"),
        ("an image boot without keys", "POST", "/api/instances/", deploy(ssh_key_ids=None), "forbidden"),
        ("an image boot with an empty key list", "POST", "/api/instances/", deploy(ssh_key_ids=[]), "forbidden"),
        ("an Advanced volume boot without keys", "POST", "/api/instances/",
         deploy(boot_source=volume, ssh_key_ids=None), "allowed"),
        ("an Advanced volume boot with keys", "POST", "/api/instances/", deploy(boot_source=volume), "forbidden"),
        ("a volume boot with an OS volume size", "POST", "/api/instances/",
         deploy(boot_source=volume, ssh_key_ids=None, os_volume_size_gb=200), "forbidden"),
        ("a custom-image boot in an Advanced region", "POST", "/api/instances/",
         deploy(boot_source={"type": "custom_image", "image_id": "BRK-000001I"}), "forbidden"),
        ("a boot source of an unknown type", "POST", "/api/instances/",
         deploy(boot_source={"type": "iso", "os_image_id": image}), "forbidden"),
        ("a Legacy GPU model in an Advanced region", "POST", "/api/instances/", deploy(model="L40"), "forbidden"),
        ("an Advanced GPU model in a Legacy region", "POST", "/api/instances/",
         deploy(region="CANADA-1"), "forbidden"),
        ("a public IP in an Advanced region", "POST", "/api/instances/", deploy(public_ip=True), "forbidden"),
        ("cloud-init in an Advanced region", "POST", "/api/instances/", deploy(cloud_init="#cloud-config"),
         "forbidden"),
        ("an OS volume size in a Legacy region", "POST", "/api/instances/",
         deploy(os_volume_size_gb=200, **legacy), "forbidden"),
        ("a startup script in a Legacy region", "POST", "/api/instances/",
         deploy(startup_script_id="BRK-000001SC", **legacy), "forbidden"),
        ("an SSH key that does not exist", "POST", "/api/instances/", deploy(ssh_key_ids=["BRK-999999K"]),
         "rule:ids-exist"),
        ("Ubuntu 24.04 in a Legacy region", "POST", "/api/instances/",
         deploy(boot_source={"type": "os_image", "os_image_id": "ubuntu-24.04-r570-cuda12.8"}, **legacy),
         "forbidden"),
        ("an OS image nobody lists", "POST", "/api/instances/",
         deploy(boot_source={"type": "os_image", "os_image_id": "windows-11"}), "forbidden"),
        ("a taken instance name", "POST", "/api/instances/", deploy(name="taken-name"), "allowed"),
        ("the same instance name again", "POST", "/api/instances/", deploy(name="taken-name"),
         "rule:name-unique-in-region"),
        ("GPUs the region has no more of", "POST", "/api/instances/",
         deploy(region="FINLAND-2", model="B300-262GB"), "rule:stock-and-balance"),

        ("a restore with a Legacy GPU model", "POST", f"/api/snapshots/{snapshot}/restore/",
         {"gpu_model": "RTX-A6000", "gpu_count": 1}, "allowed"),
        ("a restore with an Advanced GPU model", "POST", f"/api/snapshots/{snapshot}/restore/",
         {"gpu_model": "H100-SXM5-80GB"}, "forbidden"),

        ("a snapshot of a Legacy instance", "POST", "/api/snapshots/",
         {"instance_id": legacy_instance, "name": "probe-2"}, "allowed"),
        ("a snapshot of an Advanced instance", "POST", "/api/snapshots/",
         {"instance_id": advanced_instance, "name": "probe-3"}, "rule:legacy-instance"),
        ("a public IP toggle of an Advanced instance", "POST", f"/api/instances/{advanced_instance}/public-ip/",
         {"enable": False}, "rule:legacy-instance"),
        ("a firewall attached to an instance of its region", "POST", f"/api/firewalls/{firewall}/attach/",
         {"instance_ids": [advanced_instance]}, "allowed"),
        ("a firewall attached to an instance of another region", "POST", f"/api/firewalls/{firewall}/attach/",
         {"instance_ids": [legacy_instance]}, "rule:same-region"),
        ("a volume to attach twice", "POST", f"/api/instances/{advanced_instance}/volumes/attach/",
         {"volume_ids": ["BRK-999999V", "BRK-999999V"]}, "forbidden"),
        ("a volume resized to more", "POST", f"/api/volumes/{boot_volume}/resize/", {"size_gb": 200}, "allowed"),
        ("a volume resized to its own size", "POST", f"/api/volumes/{boot_volume}/resize/", {"size_gb": 200},
         "rule:volume-grows"),

        ("an SSD volume in a Legacy region", "POST", "/api/volumes/",
         {"name": "ssd", "region": "CANADA-1", "size_gb": 100, "volume_type": "SSD"}, "allowed"),
        ("an HDD volume in a Legacy region", "POST", "/api/volumes/",
         {"name": "hdd", "region": "CANADA-1", "size_gb": 100, "volume_type": "HDD"}, "forbidden"),
        ("an SSD volume in an Advanced region", "POST", "/api/volumes/",
         {"name": "ssd2", "region": "FINLAND-1", "size_gb": 100, "volume_type": "SSD"}, "forbidden"),
        ("a bootable volume without its OS image", "POST", "/api/volumes/",
         {"name": "b1", "region": "FINLAND-1", "size_gb": 100, "volume_type": "NVMe", "bootable": True}, "forbidden"),
        ("an OS image on a volume that is not bootable", "POST", "/api/volumes/",
         {"name": "b2", "region": "FINLAND-1", "size_gb": 100, "volume_type": "NVMe", "os_image_id": image},
         "forbidden"),
        ("a bootable volume of an image its region lacks", "POST", "/api/volumes/",
         {"name": "b3", "region": "CANADA-1", "size_gb": 100, "volume_type": "SSD", "bootable": True,
          "os_image_id": "ubuntu-24.04-r570-cuda12.8"}, "forbidden"),
        ("a volume name taken", "POST", "/api/volumes/",
         {"name": "boot", "region": "FINLAND-1", "size_gb": 100, "volume_type": "HDD"}, "rule:name-unique"),

        ("an ed25519 key", "POST", "/api/ssh-keys/", {"name": "probe", "public_key": key_line("ssh-ed25519")},
         "allowed"),
        ("a DSA key", "POST", "/api/ssh-keys/", {"name": "dsa", "public_key": key_line("ssh-dss")}, "forbidden"),
        ("a key whose base64 is cut", "POST", "/api/ssh-keys/",
         {"name": "cut", "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"}, "forbidden"),
        ("an RSA line holding an ed25519 blob", "POST", "/api/ssh-keys/",
         {"name": "mixed", "public_key": key_line("ssh-rsa", "ssh-ed25519")}, "forbidden"),
        ("an RSA key", "POST", "/api/ssh-keys/", {"name": "rsa", "public_key": key_line("ssh-rsa", size=64)}, "allowed"),
        ("an ECDSA P-384 key", "POST", "/api/ssh-keys/",
         {"name": "p384", "public_key": key_line("ecdsa-sha2-nistp384", size=49)}, "allowed"),

        ("a chat with a listed model", "POST", "/api/ai/chat/completions/", {"model": "barrack-chat-small", **chat},
         "allowed"),
        ("a chat with a model nobody lists", "POST", "/api/ai/chat/completions/", {"model": "gpt-4", **chat},
         "forbidden"),
        ("a reply longer than the small model reads", "POST", "/api/ai/chat/completions/",
         {"model": "barrack-chat-small", "max_tokens": 8193, **chat}, "forbidden"),
        ("a reply as long as the large model reads", "POST", "/api/ai/chat/completions/",
         {"model": "barrack-chat-large", "max_tokens": 32768, **chat}, "allowed"),
        ("messages longer than the small model reads", "POST", "/api/ai/chat/completions/",
         {"model": "barrack-chat-small", "messages": [{"role": "user", "content": "word " * 7000}]},
         "rule:prompt-fits-context"),
        ("a chat message without content", "POST", "/api/ai/chat/completions/",
         {"model": "barrack-chat-small", "messages": [{"role": "user", "content": ""}]}, "forbidden"),

        ("a tcp rule with ports", "POST", f"/api/firewalls/{firewall}/rules/",
         {**rule, "protocol": "tcp", "port_range_min": 22, "port_range_max": 22}, "allowed"),
        ("a tcp rule without ports", "POST", f"/api/firewalls/{firewall}/rules/", {**rule, "protocol": "tcp"},
         "forbidden"),
        ("an icmp rule with ports", "POST", f"/api/firewalls/{firewall}/rules/",
         {**rule, "protocol": "icmp", "port_range_min": 1, "port_range_max": 2}, "forbidden"),
        ("an any rule with one port", "POST", f"/api/firewalls/{firewall}/rules/",
         {**rule, "protocol": "any", "port_range_min": 1}, "forbidden"),
        ("an any rule without ports", "POST", f"/api/firewalls/{firewall}/rules/", {**rule, "protocol": "any"},
         "allowed"),
        ("a protocol nobody supports", "POST", f"/api/firewalls/{firewall}/rules/", {**rule, "protocol": "sctp"},
         "forbidden"),
        ("ports the wrong way round", "POST", f"/api/firewalls/{firewall}/rules/",
         {**rule, "protocol": "tcp", "port_range_min": 443, "port_range_max": 80}, "rule:port-order"),
        ("an IPv6 prefix on an IPv4 rule", "POST", f"/api/firewalls/{firewall}/rules/",
         {**rule, "protocol": "any", "remote_ip_prefix": "::/0"}, "forbidden"),
        ("an IPv6 rule with an IPv6 prefix", "POST", f"/api/firewalls/{firewall}/rules/",
         {**rule, "ethertype": "IPv6", "protocol": "any", "remote_ip_prefix": "2001:db8::/32"}, "allowed"),
        ("an IPv4 prefix with a leading zero", "POST", f"/api/firewalls/{firewall}/rules/",
         {**rule, "protocol": "any", "remote_ip_prefix": "010.0.0.0/8"}, "forbidden"),
    ]


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    document = yaml.safe_load((ROOT / "api" / "barrack.openapi.yaml").read_text())
    registry = Registry().with_resource(URI, Resource.from_contents(document, default_specification=DRAFT202012))
    operations = {}
    for template, item in document["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and "requestBody" in operation:
                operations[(method.upper(), template)] = operation
    marked = cross_field_rules(document, set())
    sandbox = Sandbox(sys.argv[1])
    passed, failures, proved = 0, [], set()
    for label, method, path, body, verdict in probes(sandbox):
        template = next(t for (m, t) in operations if m == method and
                        len(t.split("/")) == len(path.split("/")) and
                        all(a == b or a.startswith("{") for a, b in zip(t.split("/"), path.split("/"))))
        pointer = (URI + "#/paths/" + template.replace("~", "~0").replace("/", "~1")
                   + f"/{method.lower()}/requestBody/content/application~1json/schema")
        problems = list(Draft202012Validator({"$ref": pointer}, registry=registry).iter_errors(body))
        allowed = not problems
        status, answer = sandbox.send(method, path, body)
        refused = 400 <= status < 500 and isinstance(answer, dict) and answer.get("success") is False
        said = f"{label}: {method} {path} → {status} {(answer or {}).get('message', '') if isinstance(answer, dict) else ''}"
        if verdict == "allowed":
            ok = allowed and 200 <= status < 300
            why = "the document forbids it: " + problems[0].message[:200] if not allowed else "the server refused it"
        elif verdict == "forbidden":
            ok = not allowed and refused
            why = "the document allows it" if allowed else "the server did not refuse it with a 4xx envelope"
        else:
            name = verdict.split(":", 1)[1]
            proved.add(name)
            ok = allowed and refused and name in marked
            why = ("the document forbids it: " + problems[0].message[:200] if not allowed else
                   "the server accepted it" if not refused else f"no x-cross-field-rules entry '{name}'")
        if ok:
            passed += 1
        else:
            failures.append(f"{said}: {why}")
    for name in sorted(marked - proved):
        failures.append(f"x-cross-field-rules '{name}' has no probe that proves it")
    for failure in failures:
        print("FAIL " + failure)
    print(f"rules: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
