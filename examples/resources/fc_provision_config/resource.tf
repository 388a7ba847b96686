# Keeps 5 instances of my-function warm behind the "prod" alias, more during
# office hours on weekdays, and lets utilization add instances up to 20.
# The apply waits until FC reports 5 instances.
resource "fc_provision_config" "prod" {
  service_name  = "my-service"
  qualifier     = "prod"
  function_name = "my-function"
  target        = 5

  scheduled_actions = [
    {
      name                = "office-hours"
      schedule_expression = "cron(0 0 8 ? * MON-FRI)"
      target              = 10
    },
    {
      name                = "evening"
      schedule_expression = "cron(0 0 20 ? * MON-FRI)"
      target              = 5
    },
  ]

  target_tracking_policies = [
    {
      name          = "utilization"
      metric_type   = "ProvisionedConcurrencyUtilization"
      metric_target = 0.6
      min_capacity  = 5
      max_capacity  = 20
    },
  ]

  timeouts = {
    create = "15m"
  }
}

# The instances the config brought up.
data "fc_function_instances" "prod" {
  service_name  = fc_provision_config.prod.service_name
  function_name = fc_provision_config.prod.function_name
  qualifier     = fc_provision_config.prod.qualifier
}
