data "fc_functions" "api" {
  service_name = "my-service"
  name_prefix  = "api-"
}

output "api_function_names" {
  value = data.fc_functions.api.names
}

output "api_function_memory" {
  value = { for f in data.fc_functions.api.functions : f.name => f.memory_size }
}
