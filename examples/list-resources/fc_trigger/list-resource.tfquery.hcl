# The triggers of one function.
list "fc_trigger" "checkout" {
  provider = fc
  config {
    service_name  = "shop-orders"
    function_name = "checkout"
  }
}

# Every trigger of the functions of a service.
list "fc_trigger" "orders" {
  provider = fc
  config {
    service_name = "shop-orders"
  }
}
