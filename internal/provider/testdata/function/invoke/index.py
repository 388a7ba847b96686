import json
import os


def handler(event, context):
    """Greets the name in the event; fails when the event asks it to."""
    request = json.loads(event or b"{}")
    print("invoked with", request)
    if request.get("fail"):
        raise ValueError("asked to fail")
    return json.dumps({"message": "Hello, %s" % request.get("name", "world"), "greeting": os.environ.get("GREETING", "")})
