# Quickstart: one FC service and one Python function whose code is zipped
# from ./src by the provider. With Terraform 1.14 or later, actions/invoke.tf
# (copied next to this file) invokes the function once it is deployed.
#
# `make demo` applies this against a local emulator. To apply it to real
# Function Compute instead, see README.md ("Using real Function Compute").

terraform {
  required_providers {
    fc = {
      source = "terraform-fc/fc"
    }
  }
}

# Configured entirely from the environment: FC_ENDPOINT (emulator only),
# ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET,
# ALIBABA_CLOUD_REGION and ALIBABA_CLOUD_ACCOUNT_ID.
provider "fc" {}

variable "name_prefix" {
  description = "Prefix of the service name."
  type        = string
  default     = "quickstart"
}

resource "fc_service" "demo" {
  name            = "${var.name_prefix}-service"
  description     = "Created by the terraform-provider-fc quickstart"
  internet_access = false
}

resource "fc_function" "hello" {
  service_name = fc_service.demo.name
  name         = "hello"
  runtime      = "python3.10"
  handler      = "index.handler"
  memory_size  = 128
  timeout      = 10

  code = {
    source_dir = "${path.module}/src"
  }
}

output "service_name" {
  description = "Name of the FC service."
  value       = fc_service.demo.name
}

output "function_name" {
  description = "Name of the FC function."
  value       = fc_function.hello.name
}

output "function_id" {
  description = "ID FC assigned to the function."
  value       = fc_function.hello.function_id
}

output "code_checksum" {
  description = "CRC-64 checksum FC computed over the uploaded code archive."
  value       = fc_function.hello.code_checksum
}

output "code_size" {
  description = "Size in bytes of the uploaded code archive."
  value       = fc_function.hello.code_size
}
