# The functions of one service.
list "fc_function" "orders" {
  provider = fc
  config {
    service_name = "shop-orders"
  }
}

# Every function of every service whose name starts with "api-". Terraform
# returns at most `limit` results per list block (100 when not set).
list "fc_function" "api" {
  provider = fc
  limit    = 1000
  config {
    name_prefix = "api-"
    # Where the generated configuration expects the code packages:
    # packages/functions/<service>/<function>.zip.
    code_dir = "packages"
  }
}
