data "fc_service" "example" {
  name = "my-service"
}

output "service_role" {
  value = data.fc_service.example.role
}
