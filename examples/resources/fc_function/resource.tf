resource "fc_service" "example" {
  name        = "my-service"
  description = "Example service"
}

# A Python function whose code the provider zips from ./src. The package is
# uploaded again only when a file under ./src changes (code_checksum).
resource "fc_function" "example" {
  service_name = fc_service.example.name
  name         = "my-function"
  description  = "Says hello"
  runtime      = "python3.10"
  handler      = "index.handler"
  initializer  = "index.initializer"

  memory_size            = 512
  timeout                = 60
  initialization_timeout = 10
  instance_concurrency   = 10

  environment_variables = {
    GREETING = "hello from Terraform"
  }

  code = {
    source_dir = "${path.module}/src"
    # Or one of:
    # filename        = "${path.module}/build/function.zip"
    # zip_file        = filebase64("${path.module}/build/function.zip")
    # oss_bucket_name = "my-code-bucket"
    # oss_object_name = "releases/my-function-1.2.3.zip"
  }

  instance_lifecycle_config = {
    pre_stop = {
      handler = "index.pre_stop"
      timeout = 10
    }
  }
}

# A custom-container function needs no code package.
resource "fc_function" "container" {
  service_name         = fc_service.example.name
  name                 = "my-container"
  runtime              = "custom-container"
  handler              = "not-used"
  ca_port              = 9000
  memory_size          = 1024
  cpu                  = 0.5
  instance_concurrency = 20

  custom_container_config = {
    image   = "registry-vpc.cn-hangzhou.aliyuncs.com/my-namespace/my-app:v1"
    command = ["/app/server"]
    args    = ["--port", "9000"]
  }

  custom_health_check_config = {
    http_get_url          = "/ready"
    initial_delay_seconds = 1
    period_seconds        = 5
    timeout_seconds       = 2
    failure_threshold     = 3
    success_threshold     = 1
  }
}
