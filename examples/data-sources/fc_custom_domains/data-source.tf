# Every custom domain of the account whose name starts with "api.".
data "fc_custom_domains" "api" {
  name_prefix = "api."
}

output "https_domains" {
  value = [for d in data.fc_custom_domains.api.custom_domains : d.domain_name if d.protocol == "HTTP,HTTPS"]
}
