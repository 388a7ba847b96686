data "fc_service" "example" {
  name = "my-service"
}

output "service_role" {
  value = data.fc_service.example.role
}

output "service_team" {
  value = lookup(data.fc_service.example.tags, "team", null)
}
