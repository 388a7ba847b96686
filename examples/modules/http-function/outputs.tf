output "service_name" {
  description = "Name of the FC service."
  value       = fc_service.this.name
}

output "function_name" {
  description = "Name of the FC function."
  value       = fc_function.this.name
}

output "function_id" {
  description = "ID FC assigned to the function."
  value       = fc_function.this.function_id
}

output "code_checksum" {
  description = "CRC-64 checksum FC computed over the uploaded code package."
  value       = fc_function.this.code_checksum
}

output "version_id" {
  description = "ID of the published version the alias points at."
  value       = fc_alias.this.version_id
}

output "url" {
  description = "Internet URL of the HTTP trigger."
  value       = fc_trigger.http.url_internet
}
