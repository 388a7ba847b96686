# Applies the module against the emulator, checks what FC answered, changes
# an input in place, and destroys everything at the end (terraform test
# does).

variables {
  name = "module-test"
}

run "create" {
  command = apply

  assert {
    condition     = output.service_name == "module-test" && output.function_name == "handler"
    error_message = "Unexpected names."
  }

  assert {
    condition     = length(output.code_checksum) > 0 && fc_function.this.code_size > 0
    error_message = "The code package from src/ must have been uploaded."
  }

  assert {
    condition     = output.version_id == fc_service_version.this.version_id && fc_alias.this.version_id == "1"
    error_message = "The alias must point at the first published version."
  }

  assert {
    condition     = startswith(output.url, "https://") || startswith(output.url, "http://")
    error_message = "The HTTP trigger must have an internet URL."
  }
}

run "update_in_place" {
  command = apply

  variables {
    memory_size = 256
  }

  assert {
    condition     = fc_function.this.memory_size == 256
    error_message = "memory_size must be updated."
  }

  assert {
    condition     = fc_function.this.function_id == run.create.function_id
    error_message = "Changing memory_size must update the function in place, not replace it."
  }

  assert {
    condition     = output.version_id == "1"
    error_message = "The same code must not publish a new version."
  }
}
