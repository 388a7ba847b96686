# A timer: invokes the function every day at 04:00 UTC with a fixed payload.
resource "fc_trigger" "nightly" {
  service_name  = "my-service"
  function_name = "report"
  name          = "nightly"
  type          = "timer"
  description   = "Nightly report"

  timer_config = {
    cron_expression = "cron(0 0 4 * * *)"
    payload         = jsonencode({ report = "daily" })
  }
}

# An HTTP endpoint; its URLs are url_internet and url_intranet.
resource "fc_trigger" "api" {
  service_name  = "my-service"
  function_name = "api"
  name          = "http"
  type          = "http"
  qualifier     = "prod" # a version or alias of the service

  http_config = {
    auth_type = "anonymous"
    methods   = ["GET", "POST"]
  }
}

# An HTTP endpoint that requires a JSON Web Token, verified with a key set.
resource "fc_trigger" "private_api" {
  service_name  = "my-service"
  function_name = "api"
  name          = "http-jwt"
  type          = "http"

  http_config = {
    auth_type = "jwt"
    methods   = ["GET"]
    jwt_auth_config = {
      jwks          = file("${path.module}/jwks.json")
      token_lookup  = ["header:Authorization:Bearer"]
      claim_pass_by = ["header:uid:X-User-Id"]
      white_list    = ["/health"]
    }
  }
}

output "api_url" {
  value = fc_trigger.api.url_internet
}

# OSS events of a bucket; OSS assumes the invocation role to call FC.
resource "fc_trigger" "uploads" {
  service_name    = "my-service"
  function_name   = "thumbnail"
  name            = "uploads"
  type            = "oss"
  source_arn      = "acs:oss:cn-hangzhou:1234567890123456:my-bucket"
  invocation_role = "acs:ram::1234567890123456:role/aliyunosseventnotificationrole"

  oss_config = {
    events        = ["oss:ObjectCreated:PutObject", "oss:ObjectCreated:PostObject"]
    filter_prefix = "images/"
    filter_suffix = ".jpg"
  }
}

# Simple Log Service: invokes the function on new data of a Logstore.
resource "fc_trigger" "logs" {
  service_name    = "my-service"
  function_name   = "etl"
  name            = "logs"
  type            = "log"
  source_arn      = "acs:log:cn-hangzhou:1234567890123456:project/my-sls-project"
  invocation_role = "acs:ram::1234567890123456:role/aliyunlogetlrole"

  log_config = {
    source_logstore  = "access-log"
    project          = "my-sls-project"
    logstore         = "etl-trigger-log"
    trigger_interval = 60
    max_retry_time   = 3
    function_parameter = {
      target = "warehouse"
    }
  }
}

# EventBridge, MQ and RDS triggers take their configuration as JSON.
resource "fc_trigger" "events" {
  service_name  = "my-service"
  function_name = "audit"
  name          = "eventbridge"
  type          = "eventbridge"

  config_json = jsonencode({
    triggerEnable          = true
    asyncInvocationType    = false
    eventRuleFilterPattern = jsonencode({ source = ["acs.oss"] })
    eventSourceConfig = {
      eventSourceType = "Default"
    }
  })
}
