import json


def handler(event, context):
    """Entry point of the quickstart function (handler index.handler).

    The event is the invocation payload as bytes: a JSON object whose
    "name" is greeted, or nothing.
    """
    request = json.loads(event) if event else {}
    name = request.get("name", "world")
    print("greeting", name, "in request", context.request_id)
    return json.dumps({"message": "Hello, %s, from terraform-provider-fc" % name})
