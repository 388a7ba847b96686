list "fc_service_version" "orders" {
  provider = fc
  config {
    service_name = "shop-orders"
  }
}
