resource "alicloud_fc_service" "orders" {
  name        = "orders"
  description = "orders API"
}

resource "alicloud_fc_function" "api" {
  service     = alicloud_fc_service.orders.name
  name        = "api"
  runtime     = "python3.10"
  handler     = "index.handler"
  filename    = "build/api.zip"
  memory_size = 256
}

resource "alicloud_fc_trigger" "http" {
  service  = alicloud_fc_service.orders.name
  function = alicloud_fc_function.api.name
  name     = "http"
  type     = "http"
  config   = <<EOT
    {
      "authType": "anonymous",
      "methods": ["GET", "POST"]
    }
  EOT
}
