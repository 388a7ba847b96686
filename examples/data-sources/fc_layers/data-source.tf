data "fc_layers" "team" {
  name_prefix = "team-"
}

output "layer_names" {
  value = data.fc_layers.team.names
}

# The newest version of each layer, by name.
output "layer_arns" {
  value = { for l in data.fc_layers.team.layers : l.layer_name => l.arn }
}
