# The instances serving the "prod" alias of a function: its provisioned
# instances, among others.
data "fc_function_instances" "prod" {
  service_name  = "my-service"
  function_name = "my-function"
  qualifier     = "prod"
}

output "prod_instance_count" {
  value = length(data.fc_function_instances.prod.instance_ids)
}
