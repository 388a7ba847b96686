data "fc_alias" "prod" {
  service_name = "my-service"
  name         = "prod"
}

output "prod_version_id" {
  value = data.fc_alias.prod.version_id
}

output "prod_canary_weights" {
  value = data.fc_alias.prod.additional_version_weight
}
