list "fc_alias" "orders" {
  provider = fc
  config {
    service_name = "shop-orders"
  }
}
