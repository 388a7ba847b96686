import json


def handler(event, context):
    """Entry point of the quickstart function (handler index.handler)."""
    return json.dumps({"message": "Hello from terraform-provider-fc"})
