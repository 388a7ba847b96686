data "fc_function" "example" {
  service_name = "my-service"
  name         = "my-function"
  # qualifier  = "prod" # a version or alias; defaults to the latest
}

output "function_runtime" {
  value = data.fc_function.example.runtime
}

output "function_code_checksum" {
  value = data.fc_function.example.code_checksum
}
