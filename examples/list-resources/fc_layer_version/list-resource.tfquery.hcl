# Every version of one layer.
list "fc_layer_version" "deps" {
  provider = fc
  config {
    layer_name = "shop_deps"
  }
}

# The versions of every layer whose name starts with "shop_".
list "fc_layer_version" "shop" {
  provider = fc
  config {
    name_prefix = "shop_"
  }
}
