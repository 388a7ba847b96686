data "fc_custom_domain" "api" {
  domain_name = "api.example.com"
}

output "api_routes" {
  value = [for r in data.fc_custom_domain.api.route_config.routes : "${r.path} -> ${r.service_name}/${r.function_name}"]
}

output "api_certificate" {
  value = data.fc_custom_domain.api.cert_config.certificate
}
