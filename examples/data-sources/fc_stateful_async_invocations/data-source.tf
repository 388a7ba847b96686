# The asynchronous invocations of a function that failed in the last day
# (its fc_function_async_invoke_config has stateful_invocation = true).
data "fc_stateful_async_invocations" "failed" {
  service_name  = "my-service"
  function_name = "my-function"
  status        = "Failed"
  started_after = "2024-06-01T00:00:00Z"
}

output "failed_invocations" {
  value = {
    for inv in data.fc_stateful_async_invocations.failed.invocations :
    inv.invocation_id => inv.error_message
  }
}
