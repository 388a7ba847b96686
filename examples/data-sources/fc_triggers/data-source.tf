data "fc_triggers" "report" {
  service_name  = "my-service"
  function_name = "report"
  name_prefix   = "nightly"
}

output "report_trigger_names" {
  value = data.fc_triggers.report.names
}

output "report_schedules" {
  value = {
    for t in data.fc_triggers.report.triggers : t.name => jsondecode(t.config_json).cronExpression
    if t.type == "timer"
  }
}
