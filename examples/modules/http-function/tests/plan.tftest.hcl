# Plan-only assertions: what the module plans from its inputs, before
# anything exists. Runs against the emulator (the provider still validates
# its configuration), creates nothing.

variables {
  name = "plan-only"
}

run "defaults" {
  command = plan

  assert {
    condition     = fc_service.this.name == "plan-only"
    error_message = "The service must be named after var.name."
  }

  assert {
    condition     = fc_function.this.runtime == "python3.10" && fc_function.this.memory_size == 128
    error_message = "The function must use the default runtime and memory."
  }

  assert {
    condition     = fc_trigger.http.type == "http" && fc_trigger.http.qualifier == "live"
    error_message = "The trigger must be an HTTP trigger invoking the alias."
  }

  assert {
    condition     = fc_trigger.http.http_config.auth_type == "anonymous" && tolist(fc_trigger.http.http_config.methods) == tolist(["GET"])
    error_message = "The trigger must accept anonymous GET requests."
  }
}

run "inputs_flow_through" {
  command = plan

  variables {
    memory_size = 512
    alias_name  = "prod"
    methods     = ["GET", "POST"]
  }

  assert {
    condition     = fc_function.this.memory_size == 512
    error_message = "memory_size must reach the function."
  }

  assert {
    condition     = fc_alias.this.name == "prod" && fc_trigger.http.qualifier == "prod"
    error_message = "alias_name must name the alias and the trigger's qualifier."
  }

  assert {
    condition     = length(fc_trigger.http.http_config.methods) == 2
    error_message = "methods must reach the trigger."
  }
}
