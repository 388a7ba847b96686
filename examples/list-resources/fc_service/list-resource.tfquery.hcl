# Every service whose name starts with "shop-".
list "fc_service" "shop" {
  provider = fc
  config {
    name_prefix = "shop-"
  }
}
