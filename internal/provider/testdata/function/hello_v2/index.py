def handler(event, context):
    return "hello, v2"
