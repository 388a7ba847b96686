import json
import os


def initializer(context):
    """Runs once per instance before the first invocation."""


def handler(event, context):
    """Entry point (handler index.handler)."""
    return json.dumps({"greeting": os.environ.get("GREETING", "hello")})
