list "fc_custom_domain" "shop" {
  provider = fc
  config {
    name_prefix = "api."
  }
}
