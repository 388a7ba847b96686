# Retries a failed asynchronous invocation of my-function (at LATEST) once,
# drops events older than an hour, and sends failures to an MNS queue and
# successes to another function.
resource "fc_function_async_invoke_config" "latest" {
  service_name                   = "my-service"
  function_name                  = "my-function"
  max_async_retry_attempts       = 1
  max_async_event_age_in_seconds = 3600

  destination_config = {
    on_failure = "acs:mns:cn-hangzhou:1234567890123456:/queues/failed-events/messages"
    on_success = "acs:fc:cn-hangzhou:1234567890123456:services/my-service.prod/functions/on-done"
  }
}

# The config of the "prod" alias is a separate one.
resource "fc_function_async_invoke_config" "prod" {
  service_name        = "my-service"
  function_name       = "my-function"
  qualifier           = "prod"
  stateful_invocation = true
}
