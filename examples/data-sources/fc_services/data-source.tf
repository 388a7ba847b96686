# Every service whose name starts with "orders-".
data "fc_services" "orders" {
  name_prefix = "orders-"
}

output "order_service_names" {
  value = data.fc_services.orders.names
}
