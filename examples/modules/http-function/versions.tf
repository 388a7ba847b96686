terraform {
  # terraform test with expect_failures on variables: 1.6 or later.
  required_version = ">= 1.6"

  required_providers {
    fc = {
      source = "terraform-fc/fc"
    }
  }
}
