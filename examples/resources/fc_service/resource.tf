# A service whose functions log to SLS, reach a VPC and mount NAS and OSS.
resource "fc_service" "example" {
  name            = "my-service"
  description     = "Order processing"
  internet_access = false
  role            = "acs:ram::1234567890123456:role/fc-service"

  log_config = {
    project                 = "my-sls-project"
    logstore                = "my-fc-logstore"
    enable_request_metrics  = true
    enable_instance_metrics = true
    log_begin_rule          = "DefaultRegex"
  }

  vpc_config = {
    vpc_id            = "vpc-bp1example"
    vswitch_ids       = ["vsw-bp1examplea", "vsw-bp1exampleb"]
    security_group_id = "sg-bp1example"
  }

  nas_config = {
    user_id  = 10003
    group_id = 10003
    mount_points = [{
      server_addr = "0a1b2c-xyz.cn-hangzhou.nas.aliyuncs.com:/orders"
      mount_dir   = "/mnt/orders"
    }]
  }

  oss_mount_config = {
    mount_points = [{
      bucket_name = "my-assets"
      bucket_path = "/templates"
      endpoint    = "http://oss-cn-hangzhou-internal.aliyuncs.com"
      mount_dir   = "/mnt/templates"
      read_only   = true
    }]
  }

  # Merged over the provider's default_tags into tags_all.
  tags = {
    team        = "orders"
    cost-center = "cc-1024"
  }

  tracing_config = {
    type = "Jaeger"
    params = {
      endpoint = "http://tracing-analysis-dc-hz-internal.aliyuncs.com/adapt_example/api/traces"
    }
  }
}

# The smallest service: only a name.
resource "fc_service" "minimal" {
  name = "my-minimal-service"
}
