resource "fc_service" "example" {
  name = "my-service"
}

resource "fc_function" "example" {
  service_name = fc_service.example.name
  name         = "my-function"
  runtime      = "python3.10"
  handler      = "index.handler"

  code = {
    source_dir = "${path.module}/src"
  }
}

# Publishes the service with its functions as they are once the function is
# created or updated.
resource "fc_service_version" "release" {
  service_name = fc_service.example.name
  description  = "Release of my-function"

  # Set to true to keep the version in FC (e.g. for rollback) when Terraform
  # destroys or replaces this resource.
  skip_destroy = false

  depends_on = [fc_function.example]

  lifecycle {
    # A new code package publishes a new version. The new one is published
    # first, so that the alias below moves to it before the old one, which
    # FC would refuse to delete while the alias points at it, is deleted.
    replace_triggered_by  = [fc_function.example.code_checksum]
    create_before_destroy = true
  }
}

resource "fc_alias" "prod" {
  service_name = fc_service.example.name
  name         = "prod"
  version_id   = fc_service_version.release.version_id
}
