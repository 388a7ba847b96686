list "fc_provision_config" "orders_prod" {
  provider = fc
  config {
    service_name = "shop-orders"
    qualifier    = "prod"
  }
}
