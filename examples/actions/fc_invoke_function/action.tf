# Prove every deployment of the function: after it is created or updated,
# invoke it and fail the apply unless it answers with a greeting. Run it on
# its own with `terraform apply -invoke=action.fc_invoke_function.smoke_test`.
resource "fc_function" "hello" {
  service_name = "my-service"
  name         = "hello"
  runtime      = "python3.10"
  handler      = "index.handler"

  code = {
    source_dir = "${path.module}/src"
  }

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.fc_invoke_function.smoke_test]
    }
  }
}

action "fc_invoke_function" "smoke_test" {
  config {
    service_name  = "my-service"
    function_name = "hello"
    payload       = jsonencode({ name = "Terraform" })
    log_tail      = true

    expect = {
      result_contains = "Hello"
    }
  }
}
