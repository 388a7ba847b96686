# A service with one function whose code is zipped from a directory, a
# published version, an alias on it and an anonymous HTTP trigger that
# invokes the alias.
#
# The module configures no provider: the caller's (or the test's) does.
# tests/ runs it offline against the FC emulator with `terraform test`; see
# docs/guides/test-modules-offline.md.

locals {
  source_dir = coalesce(var.source_dir, "${path.module}/src")
}

resource "fc_service" "this" {
  name            = var.name
  description     = var.description
  internet_access = true
}

resource "fc_function" "this" {
  service_name = fc_service.this.name
  name         = "handler"
  description  = var.description
  runtime      = var.runtime
  handler      = var.handler
  memory_size  = var.memory_size
  timeout      = 10

  code = {
    source_dir = local.source_dir
  }
}

# A new code package publishes a new version; the new one is published
# before the old one is deleted, so that the alias can move first.
resource "fc_service_version" "this" {
  service_name = fc_service.this.name
  description  = "Published by Terraform"

  depends_on = [fc_function.this]

  lifecycle {
    replace_triggered_by  = [fc_function.this.code_checksum]
    create_before_destroy = true
  }
}

resource "fc_alias" "this" {
  service_name = fc_service.this.name
  name         = var.alias_name
  version_id   = fc_service_version.this.version_id
}

resource "fc_trigger" "http" {
  service_name  = fc_service.this.name
  function_name = fc_function.this.name
  name          = "http"
  type          = "http"
  qualifier     = fc_alias.this.name

  http_config = {
    auth_type = "anonymous"
    methods   = var.methods
  }
}
