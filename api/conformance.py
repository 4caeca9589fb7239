"""Checks the OpenAPI document and everything the tests saw against it.

    python api/conformance.py [--traces DIR]

1. The document is a valid OpenAPI 3.1 document (openapi-spec-validator).
2. The compiled-in copy (Sources/BarrackAPI/OpenAPI/OpenAPIDocument.swift) is fresh: its YAML is the
   file's text and its JSON is that YAML read.
3. With --traces: every request and answer the sandbox recorded (one JSON line each, written by
   BARRACK_SANDBOX_TRACE during the platform golden tests, in-process and over HTTP) is checked:
   the answer validates against the response schema of its operation and status; the body of
   every request the sandbox accepted validates against the operation's request schema; a refused
   one got a 4xx with the error envelope. A folder without traces fails.

Ends with the line `conformance: N passed, N failed` and exits 1 when anything failed.
"""
import argparse
import json
import pathlib
import re
import sys

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = pathlib.Path(__file__).resolve().parent.parent
YAML_PATH = ROOT / "api" / "barrack.openapi.yaml"
SWIFT_PATH = ROOT / "Sources" / "BarrackAPI" / "OpenAPI" / "OpenAPIDocument.swift"
URI = "urn:barrack-openapi"


class Checker:
    def __init__(self, document):
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self.registry = Registry().with_resource(URI, resource)
        self.routes = []
        for template, item in document["paths"].items():
            pattern = "^" + re.sub(r"\{[a-z_]+\}", "[^/]+", template.rstrip("/")) + "/?$"
            for method, operation in item.items():
                if method in ("get", "post", "put", "delete", "patch"):
                    self.routes.append((re.compile(pattern), method.upper(), template, operation))
        self.sandbox_routes = {(r["method"], r["path"].rstrip("/")) for r in document.get("x-sandbox-routes", [])}
        self.passed = 0
        self.failures = []

    def pointer(self, *parts):
        return URI + "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)

    def errors(self, ref, value):
        validator = Draft202012Validator({"$ref": ref}, registry=self.registry, format_checker=FormatChecker())
        return sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))

    def find(self, method, path):
        for pattern, route_method, template, operation in self.routes:
            if route_method == method and pattern.match(path):
                return template, operation
        return None, None

    def response_ref(self, template, method, operation, status):
        responses = operation["responses"]
        for key in (str(status), f"{str(status)[0]}XX", "default"):
            if key in responses:
                return self.pointer("paths", template, method.lower(), "responses", key, "content",
                                    "application/json", "schema"), responses[key]
        return None, None

    def check_line(self, where, line):
        method, path, status = line["method"], line["path"], line["status"]
        label = f"{where}: {method} {path} → {status}"
        if (method, path.rstrip("/")) in self.sandbox_routes:
            self.passed += 1
            return
        template, operation = self.find(method, path)
        if operation is None:
            if status in (404, 405):
                self.check_error(label, line)
                return
            self.fail(label, "the document has no operation for this request")
            return
        if status >= 500 and not line.get("injected"):
            body = line.get("response") or {}
            code = (body.get("error") or {}).get("code") if isinstance(body, dict) else None
            if code != "SERVER_ERROR" or "injected fault" not in str(body.get("message", "")):
                self.fail(label, f"a 5xx the sandbox was not told to give: {json.dumps(body)[:300]}")
                return
        ref, response = self.response_ref(template, method, operation, status)
        if ref is None:
            self.fail(label, f"status {status} is not documented for {operation['operationId']}")
            return
        if response.get("$ref"):
            name = response["$ref"].split("/")[-1]
            ref = self.pointer("components", "responses", name, "content", "application/json", "schema")
        problems = self.errors(ref, line["response"])
        request = line.get("request")
        if 200 <= status < 300 and request is not None and "requestBody" in operation:
            schema = self.pointer("paths", template, method.lower(), "requestBody", "content", "application/json",
                                  "schema")
            problems += [f"request: {e}" for e in self.errors(schema, request)]
        if problems:
            self.fail(label, "; ".join(self.describe(e) for e in problems[:3]))
        else:
            self.passed += 1

    def check_error(self, label, line):
        problems = self.errors(self.pointer("components", "schemas", "ErrorResponse"), line["response"])
        if problems:
            self.fail(label, "; ".join(self.describe(e) for e in problems[:3]))
        else:
            self.passed += 1

    @staticmethod
    def describe(error):
        if isinstance(error, str):
            return error[:400]
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        return f"at {where}: {error.message[:300]}"

    def fail(self, label, reason):
        self.failures.append(f"{label}: {reason}")


def check_embedding(document, checker):
    text = SWIFT_PATH.read_text()
    blocks = re.findall(r'#"""\n(.*?)\n"""#', text, re.S)
    if len(blocks) != 2:
        checker.fail(str(SWIFT_PATH.name), "expected the YAML and the JSON blocks; run api/embed")
        return
    if blocks[0] != YAML_PATH.read_text().rstrip("\n"):
        checker.fail(SWIFT_PATH.name, "its YAML differs from api/barrack.openapi.yaml; run api/embed")
    elif json.loads(blocks[1]) != document:
        checker.fail(SWIFT_PATH.name, "its JSON is not the YAML read; run api/embed")
    else:
        checker.passed += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--traces", type=pathlib.Path)
    arguments = parser.parse_args()
    document = yaml.safe_load(YAML_PATH.read_text())
    checker = Checker(document)
    try:
        validate_spec(document)
        checker.passed += 1
    except Exception as error:  # the validator's own exception types vary between versions
        checker.fail("api/barrack.openapi.yaml", f"not a valid OpenAPI document: {error}")
    check_embedding(document, checker)
    if arguments.traces is not None:
        files = sorted(arguments.traces.glob("*.jsonl"))
        lines = 0
        for path in files:
            for number, text in enumerate(path.read_text().splitlines(), 1):
                if text.strip():
                    lines += 1
                    checker.check_line(f"{path.name}:{number}", json.loads(text))
        if lines == 0:
            checker.fail(str(arguments.traces), "no traced requests: were the golden tests run with BARRACK_API_TRACE_DIR?")
        else:
            print(f"checked {lines} traced requests from {len(files)} runs")
    for failure in checker.failures[:200]:
        print("FAIL " + failure)
    if len(checker.failures) > 200:
        print(f"… and {len(checker.failures) - 200} more")
    print(f"conformance: {checker.passed} passed, {len(checker.failures)} failed")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
