# Every provision config of a service, with the instances each has now.
data "fc_provision_configs" "service" {
  service_name = "my-service"
}

output "short_of_target" {
  value = [
    for c in data.fc_provision_configs.service.configs :
    "${c.qualifier}/${c.function_name}: ${c.current} of ${c.target} (${coalesce(c.current_error, "no reason given")})"
    if c.current < c.target
  ]
}
