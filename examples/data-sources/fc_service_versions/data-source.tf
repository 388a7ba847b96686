data "fc_service_versions" "example" {
  service_name = "my-service"
}

output "latest_version_id" {
  value = data.fc_service_versions.example.latest_version_id
}

output "version_descriptions" {
  value = { for v in data.fc_service_versions.example.versions : v.version_id => v.description }
}
