resource "fc_service" "orders" {
  name        = "orders"
  description = "orders API"
}

resource "fc_function" "api" {
  service_name = fc_service.orders.name
  name         = "api"
  runtime      = "python3.10"
  handler      = "index.handler"
  memory_size  = 256

  code = {
    filename = "build/api.zip"
  }
}

resource "fc_trigger" "http" {
  service_name  = fc_service.orders.name
  function_name = fc_function.api.name
  name          = "http"
  type          = "http"

  http_config = {
    auth_type = "anonymous"
    methods   = ["GET", "POST"]
  }
}

moved {
  from = alicloud_fc_service.orders
  to   = fc_service.orders
}

moved {
  from = alicloud_fc_function.api
  to   = fc_function.api
}

moved {
  from = alicloud_fc_trigger.http
  to   = fc_trigger.http
}
