# Sends the traffic of "prod" to version 3, except 10% that goes to version 4
# as a canary. To complete the rollout, set version_id = "4" and remove
# additional_version_weight.
resource "fc_alias" "prod" {
  service_name = "my-service"
  name         = "prod"
  description  = "Production traffic"
  version_id   = "3"

  additional_version_weight = {
    "4" = 0.1
  }
}

# An alias that follows the version Terraform publishes: when the version is
# replaced, the alias moves to the new one. create_before_destroy makes
# Terraform publish the new version and move the alias before it deletes the
# old version, which FC refuses to delete while the alias points at it.
resource "fc_service_version" "latest" {
  service_name = "my-service"
  description  = "Published by Terraform"

  lifecycle {
    create_before_destroy = true
  }
}

resource "fc_alias" "staging" {
  service_name = fc_service_version.latest.service_name
  name         = "staging"
  version_id   = fc_service_version.latest.version_id
}
