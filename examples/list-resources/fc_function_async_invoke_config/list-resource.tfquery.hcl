list "fc_function_async_invoke_config" "checkout" {
  provider = fc
  config {
    service_name  = "shop-orders"
    function_name = "checkout"
  }
}
