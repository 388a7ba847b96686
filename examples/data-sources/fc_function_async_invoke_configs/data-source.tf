# The asynchronous invocation configs of a function, one per qualifier.
data "fc_function_async_invoke_configs" "all" {
  service_name  = "my-service"
  function_name = "my-function"
}

output "retries_by_qualifier" {
  value = { for c in data.fc_function_async_invoke_configs.all.configs : c.qualifier => c.max_async_retry_attempts }
}
