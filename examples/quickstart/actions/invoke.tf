# Terraform 1.14 and later: copy this file next to main.tf to invoke the
# quickstart function with `terraform apply -invoke=action.fc_invoke_function.hello`
# (`make demo` does). The action prints the function's answer and its log,
# and fails unless the answer holds the greeting.

action "fc_invoke_function" "hello" {
  config {
    service_name  = fc_service.demo.name
    function_name = fc_function.hello.name
    payload       = jsonencode({ name = "make demo" })
    log_tail      = true

    expect = {
      result_contains = "Hello, make demo"
    }
  }
}
